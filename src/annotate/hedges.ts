// Hedging markers over a span of words: the conditional (from generated
// conditional stems: "seraient arrivés", "adviendrait"), hedge verbs
// ("semble", "pourrait"), adverbs, adjectives and phrases ("présumé",
// "prétendument", "sans doute") from lang/<code>/hedges.tsv. The conditional
// of sequence of tenses ("a indiqué que la mesure figurerait") is not a hedge:
// callers pass `sequenceOfTenses` for que-clauses under a past-tense cue. Nor is
// the consequence of a hypothesis ("si la digue cédait, le quartier serait inondé").
import { cached, langPath, readTsv } from '../lang/resources.js';
import { grammarOf, type Grammar } from '../lang/grammar.js';
import type { Syntax } from './syntax/index.js';
import { FORM_EXEMPT, FORM_HEDGE, phraseIndex, readLines } from './syntax/lexicon.js';
import { isFiniteVerb, phraseAt } from './syntax/phrases.js';

interface HedgeLexicon {
  phrases: Map<string, string[][]>;
  /** Adjectives of alleged status ("présumé"): a hedge in a predicate, not on a person noun of the subject. */
  labels: Map<string, string[][]>;
  /** Person nouns of alleged status ("terroriste", "auteur"). */
  personLabels: Set<string>;
  /** Openers of a hypothesis ("si", "au cas où"): the conditional after them in the sentence is its consequence. */
  hypothesis: Map<string, string[][]>;
  /** Phrases that look like a hedge and are none ("ne saurait" = cannot): their words are skipped. */
  notHedges: Map<string, string[][]>;
  stems: Set<string>;
  grammar: Grammar;
}

function hedgeLexicon(language: string): HedgeLexicon {
  return cached(language, 'hedges', (code) => {
    const phrases: string[] = [];
    const labels: string[] = [];
    const personLabels = new Set<string>();
    const hypothesis: string[] = [];
    const notHedges: string[] = [];
    for (const [entry, kind] of readTsv(langPath(code, 'hedges.tsv'))) {
      if (kind === 'adverb' || kind === 'adjective' || kind === 'phrase') phrases.push(entry!);
      if (kind === 'label') labels.push(entry!);
      if (kind === 'person-label') personLabels.add(entry!);
      if (kind === 'hypothesis') hypothesis.push(entry!);
      if (kind === 'not-hedge') notHedges.push(entry!);
    }
    const stems = new Set(readLines(langPath(code, 'conditional-stems.generated.txt')));
    return {
      phrases: phraseIndex(phrases),
      labels: phraseIndex(labels),
      personLabels,
      hypothesis: phraseIndex(hypothesis),
      notHedges: phraseIndex(notHedges),
      stems,
      grammar: grammarOf(code),
    };
  });
}

export interface HedgeMarker {
  start: number;
  end: number;
  kind: 'conditional' | 'lexical';
}

/** Is this lowercase word a conditional form (a generated stem plus a conditional ending of the grammar)? */
export function isConditional(lower: string, stems: Set<string>, g: Grammar): boolean {
  if (!g.conditionalLastChars.has(lower.charCodeAt(lower.length - 1))) return false;
  for (const e of g.conditionalEndings) {
    if (lower.length > e.length + 1 && lower.endsWith(e) && stems.has(lower.slice(0, -e.length))) return true;
  }
  return false;
}

/** Hedge markers in words [first, last]. */
export function hedgeMarkers(sx: Syntax, first: number, last: number, opts: { sequenceOfTenses?: boolean } = {}): HedgeMarker[] {
  const lex = hedgeLexicon(sx.language);
  const out: HedgeMarker[] = [];
  let hypothetical = -1;
  // Inside the condition itself ("si cela paraît nécessaire", "si c'est possible"), up to the next punctuation: what
  // is supposed is not asserted, so nothing there hedges the statement.
  let condition = false;
  // Has the clause's verb been seen in this sentence of the span? Before it, a status label is in the subject.
  let verbSentence = -1;
  for (let i = first; i <= last && i < sx.words.length; i++) {
    const w = sx.words[i]!;
    if (w.kind !== 'word') {
      if (w.kind === 'punct') condition = false;
      continue;
    }
    if (verbSentence !== w.sentence && (sx.isAux[i] === 1 || isFiniteVerb(sx, i))) verbSentence = w.sentence;
    const skip = phraseAt(sx.words, i, lex.notHedges);
    if (skip > 0) {
      i += skip - 1;
      continue;
    }
    const opener = phraseAt(sx.words, i, lex.hypothesis);
    if (opener > 0) {
      hypothetical = w.sentence;
      // A condition opens on its subject ("si le vote", "si cela paraît"), not on an adjective ("si contagieux que").
      const k = i + opener;
      const next = sx.words[k];
      condition =
        !!next &&
        (sx.lex.subjectPronouns.has(next.lower) ||
          sx.lex.determiners.has(next.lower) ||
          sx.chunkOf[k]! >= 0 ||
          sx.isAux[k + 1] === 1 ||
          isFiniteVerb(sx, k + 1));
    }
    if (condition) continue;
    // "le présumé terroriste a été arrêté": a status label on a person noun of the subject names who is meant, the
    // clause is asserted ("un accord présumé" still doubts the accord).
    const label = phraseAt(sx.words, i, lex.labels);
    if (label > 0) {
      const person = lex.personLabels.has(sx.words[i + label]?.lower ?? '') || lex.personLabels.has(sx.words[i - 1]?.lower ?? '');
      if (verbSentence === w.sentence || !person) out.push({ start: w.start, end: sx.words[i + label - 1]!.end, kind: 'lexical' });
      i += label - 1;
      continue;
    }
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
    if (opts.sequenceOfTenses || hypothetical === w.sentence || flags & FORM_EXEMPT) continue;
    if (isConditional(w.lower, lex.stems, lex.grammar)) out.push({ start: w.start, end: w.end, kind: 'conditional' });
  }
  return out;
}
