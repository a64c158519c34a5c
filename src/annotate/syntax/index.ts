// The shallow parse shared by the attribution and claim stages: words, sentence
// bounds, proper-name chunks and quotation spans, built once per document by
// the `syntax` stage into the internal `syntax` layer (never printed).
import type { Doc } from '../../doc/doc.js';
import { defineLayer } from '../../doc/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import type { Quote } from '../../doc/schema.js';
import { languageOf } from '../../lang/registry.js';
import { FORM_AUX, syntaxLexicon, type SyntaxLexicon, type VerbForm } from './lexicon.js';
import { findNames, type NameChunk } from './names.js';
import { buildWords, sentenceBounds, wordAtOrAfter, type Word } from './words.js';

export interface Syntax {
  text: string;
  language: string;
  words: Word[];
  lex: SyntaxLexicon;
  names: NameChunk[];
  /** Name chunk index of each word, or -1. */
  chunkOf: Int32Array;
  /** First and last word index of each sentence. */
  first: Int32Array;
  last: Int32Array;
  /** isAux[i]: word i is a form of an auxiliary (avoir, être). */
  isAux: Uint8Array;
  /** The verb forms word i can be (`lex.verbs`), looked up once per word. */
  forms: (VerbForm[] | undefined)[];
  /** FORM_* bits of those forms (0 when none). */
  formFlags: Uint8Array;
  /** Memo of isFiniteVerb per word: 0 unknown, 1 yes, 2 no. */
  finite: Uint8Array;
  /** continues[s]: sentence s+1 is the rest of sentence s, cut by a broken line ("l'armée de\n\nl'air"). */
  continues: Uint8Array;
  /** All quotations (nested ones too), sorted by start. */
  quotes: Quote[];
}

/** Index of the word starting exactly at character `offset`, or -1. */
export function wordAt(sx: Syntax, offset: number): number {
  const i = wordAtOrAfter(sx.words, offset);
  return sx.words[i]?.start === offset ? i : -1;
}

export const syntaxLayer = defineLayer<Syntax>('syntax', { schema: null });

export const syntaxStage: Stage = {
  name: 'syntax',
  requires: ['tokens', 'sentences', 'quotes', 'meta'],
  provides: ['syntax'],
  run(doc) {
    // Languages without the attribution data get no parse (and no attributions or claims).
    if (languageOf(doc.meta.language).supports('attributions')) doc.set(syntaxLayer, parse(doc));
  },
};

/** The document's `syntax` layer (the stages that read it require it, so it exists). */
export function syntaxOf(doc: Doc): Syntax {
  const sx = doc.get(syntaxLayer);
  if (!sx)
    throw new Error(`the "syntax" layer is missing: run the syntax stage (syntaxStage) before the stages that read it (language "${doc.meta.language}")`);
  return sx;
}

function parse(doc: Doc): Syntax {
  const lex = syntaxLexicon(doc.meta.language);
  const words = buildWords(doc, lex.g.hyphenatedName);
  const { chunks, chunkOf } = findNames(words, lex);
  const { first, last } = sentenceBounds(words, doc.sentences.length);
  const continues = new Uint8Array(doc.sentences.length);
  for (let s = 0; s + 1 < doc.sentences.length; s++) {
    const l = words[last[s]!];
    const n = words[first[s + 1]!];
    // An ASCII capital makes `cap` true already: the Unicode test is for the rest.
    if (l && n && l.kind === 'word' && n.kind === 'word' && !n.cap && (n.text.charCodeAt(0) < 128 || !/^\p{Lu}/u.test(n.text))) continues[s] = 1;
  }
  const isAux = new Uint8Array(words.length);
  const forms: (VerbForm[] | undefined)[] = new Array(words.length);
  const formFlags = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.lower;
    const f = lex.verbs.get(lower);
    forms[i] = f;
    if (!f) continue;
    const flags = lex.verbFlags.get(lower)!;
    formFlags[i] = flags;
    if (flags & FORM_AUX) isAux[i] = 1;
  }
  return {
    isAux,
    forms,
    formFlags,
    finite: new Uint8Array(words.length),
    text: doc.text,
    language: doc.meta.language,
    words,
    lex,
    names: chunks,
    chunkOf,
    first,
    last,
    continues,
    quotes: [...doc.quotes].sort((a, b) => a.start - b.start || b.end - a.end),
  };
}
