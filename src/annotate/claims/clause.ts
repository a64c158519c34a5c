// A clause of the claims layer: a span of the text with what the cutting found about it, and the small helpers
// every construction shares (its words, trimming, the verb test).
import { SPACE, classOf } from '../char-class.js';
import { afterSubjectPronoun } from '../propositions.js';
import type { Syntax } from '../syntax/index.js';
import { isFiniteVerb } from '../syntax/phrases.js';
import { CLOSE_QUOTES as CLOSERS, OPEN_QUOTES as OPENERS, wordAtOrAfter } from '../syntax/words.js';

/** Fewer words than this is a fragment, not a claim. */
export const MIN_WORDS = 4;
/** A coordinator opens a new clause when a verb follows within this many words (clitics and negation between). */
export const COORDINATION_REACH = 3;

export interface Clause {
  start: number;
  end: number;
  /** Its first and last word, once looked up (see `wordsOf`). */
  words?: [number, number];
  /** A clause cut from a sentence that opens with its verb (« soupçonné de … », « a été arrêté lundi »): the span of the sentence's subject it shares. */
  subject?: { start: number; end: number };
  /** It opens with a participle or a present participle (an apposition): a predicate without a finite verb. */
  participial?: boolean;
  /** A unit cut from a checkable clause (see `clauseUnits`). */
  cut?: boolean;
  /** An attribution's cue with its verbless content (« a dénoncé de "graves dysfonctionnements" »): its subject is the speaker. */
  speaker?: boolean;
  /** Reported content (an attribution's): saying it is the speaker's act, so a verb and enough words make it a proposition. */
  reported?: boolean;
  /** Reported content right after its cue: a verbless opening is the cue's object (see `clauseUnits`). */
  object?: boolean;
  /** A unit that is that opening: claimed with the cue (« a dénoncé de "graves dysfonctionnements" »). */
  cueObject?: boolean;
  /** A figure apposed to a name (« Arnaud Beltrame, 45 ans »), or a fronted adjunct stating an event (« Après plus de 24 heures de garde à vue »): a proposition without a verb. */
  verbless?: boolean;
}

/** White space (JavaScript's \s) or . , ; : — what `trim` removes. */
function isSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || (classOf(c) === SPACE && c !== 0x200b);
}

/** Trim separators from both ends, and a quotation's marks when it spans the whole clause. */
export function trim(text: string, c: Clause): Clause | null {
  let { start, end } = c;
  for (let k = 0; k < 2; k++) {
    while (start < end && isSeparator(text.charCodeAt(start))) start++;
    while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
    if (end - start > 2 && OPENERS.has(text[start]!) && CLOSERS.has(text[end - 1]!)) {
      start++;
      end--;
    }
  }
  return end > start ? { start, end } : null;
}

export function wordsOf(sx: Syntax, c: Clause): [number, number] {
  return (c.words ??= [wordAtOrAfter(sx.words, c.start), wordAtOrAfter(sx.words, c.end) - 1]);
}

/** Whether text[from, to) is white space and opening quotation marks only. */
export function onlyOpeners(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!OPENERS.has(text[k]!) && classOf(text.charCodeAt(k)) !== SPACE) return false;
  return true;
}

/** Whether word i is a verb form that carries a clause (finite verb or auxiliary, or the verb after « je »). */
export const verbAt = (sx: Syntax, i: number) => sx.isAux[i] === 1 || isFiniteVerb(sx, i) || afterSubjectPronoun(sx, i);

/** Whether no word of the clause carries a clause (see `verbAt`). */
export function verbless(sx: Syntax, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  for (let i = first; i <= last; i++) if (verbAt(sx, i)) return false;
  return true;
}
