// Hedging markers over a span of words: the conditional (from generated
// conditional stems: "seraient arrivés", "adviendrait"), hedge verbs
// ("semble", "pourrait"), adverbs, adjectives and phrases ("présumé",
// "prétendument", "sans doute") from lang/<code>/hedges.tsv. The conditional
// of sequence of tenses ("a indiqué que la mesure figurerait") is not a hedge:
// callers pass `sequenceOfTenses` for que-clauses under a past-tense cue.
import { cached, langPath, readTsv } from '../lang/resources.js';
import type { Syntax } from './syntax/index.js';
import { FORM_EXEMPT, FORM_HEDGE, phraseIndex, readLines } from './syntax/lexicon.js';
import { phraseAt } from './syntax/phrases.js';

interface HedgeLexicon {
  phrases: Map<string, string[][]>;
  stems: Set<string>;
}

const CONDITIONAL_ENDINGS = ['aient', 'ais', 'ait', 'ions', 'iez'];

function hedgeLexicon(language: string): HedgeLexicon {
  return cached(language, 'hedges', (code) => {
    const phrases: string[] = [];
    for (const [entry, kind] of readTsv(langPath(code, 'hedges.tsv'))) if (kind === 'adverb' || kind === 'adjective' || kind === 'phrase') phrases.push(entry!);
    const stems = new Set(readLines(langPath(code, 'conditional-stems.generated.txt')));
    return { phrases: phraseIndex(phrases), stems };
  });
}

export interface HedgeMarker {
  start: number;
  end: number;
  kind: 'conditional' | 'lexical';
}

/** Is this lowercase word a conditional form (of any verb in the conjugation tables)? */
export function isConditional(lower: string, stems: Set<string>): boolean {
  const last = lower.charCodeAt(lower.length - 1);
  if (last !== 116 /* t */ && last !== 115 /* s */ && last !== 122 /* z */) return false;
  for (const e of CONDITIONAL_ENDINGS) {
    if (lower.length > e.length + 1 && lower.endsWith(e) && stems.has(lower.slice(0, -e.length))) return true;
  }
  return false;
}

/** Hedge markers in words [first, last]. */
export function hedgeMarkers(sx: Syntax, first: number, last: number, opts: { sequenceOfTenses?: boolean } = {}): HedgeMarker[] {
  const lex = hedgeLexicon(sx.language);
  const out: HedgeMarker[] = [];
  for (let i = first; i <= last && i < sx.words.length; i++) {
    const w = sx.words[i]!;
    if (w.kind !== 'word') continue;
    const len = phraseAt(sx.words, i, lex.phrases);
    if (len > 0) {
      out.push({ start: w.start, end: sx.words[i + len - 1]!.end, kind: 'lexical' });
      i += len - 1;
      continue;
    }
    const flags = sx.formFlags[i]!;
    if (flags & FORM_HEDGE) {
      out.push({ start: w.start, end: w.end, kind: 'lexical' });
      continue;
    }
    if (opts.sequenceOfTenses || flags & FORM_EXEMPT) continue;
    if (isConditional(w.lower, lex.stems)) out.push({ start: w.start, end: w.end, kind: 'conditional' });
  }
  return out;
}
