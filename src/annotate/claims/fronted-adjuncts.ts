// A fronted adjunct (« Lors de son entretien avec Emmanuel Macron, ce lundi 28 mai, », « Après plus de 24 heures de
// garde à vue, », "After a 24-hour standoff,") is never the clause's subject; when it states an event it is a
// verbless claim of its own.
import { actionNoun } from '../propositions.js';
import type { Syntax } from '../syntax/index.js';
import { wordAtOrAfter } from '../syntax/words.js';
import { type Clause, MIN_WORDS } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/**
 * The fronted adjunct opening a clause whose verbless opening `subject` starts at its first word `first` with a
 * preposition of lang/<code>/claims.json `adjunctOpeners`: it runs over the segments after its first that name a time
 * (« , ce lundi 28 mai, »). Returns it as a unit when it states an event, and what is left of the subject (null: none).
 */
export function frontedAdjunct(
  sx: Syntax,
  lex: ClaimsLexicon,
  segments: [number, number][],
  subject: [number, number] | null,
  first: number,
  isEvent: (i: number) => boolean,
): { adjunct: Clause[]; subject: [number, number] | null } {
  const adjunct: Clause[] = [];
  if (!subject || subject[0] !== first || !lex.adjunctOpeners.has(sx.words[first]!.lower)) return { adjunct, subject };
  let end = segments[0]![1];
  for (let k = 1; k < segments.length && segments[k]![1] <= subject[1] && namesTime(sx, segments[k]!); k++) end = segments[k]![1];
  if (statesEvent(sx, lex, first, end, isEvent)) adjunct.push({ start: sx.words[first]!.start, end: sx.words[end]!.end, verbless: true });
  return { adjunct, subject: end < subject[1] ? [wordAtOrAfter(sx.words, sx.words[end]!.end), subject[1]] : null };
}

/**
 * Whether words [from, to] state an event without a verb (a fronted adjunct: « Lors de son entretien avec Emmanuel
 * Macron », « Après plus de 24 heures de garde à vue »): enough words, and a figure, a word of a predicate class or an
 * action noun after a determiner.
 */
function statesEvent(sx: Syntax, lex: ClaimsLexicon, from: number, to: number, isEvent: (i: number) => boolean): boolean {
  let words = 0;
  let event = false;
  for (let i = from; i <= to; i++) {
    const w = sx.words[i]!;
    if (w.kind === 'number') event = true;
    if (w.kind !== 'word') continue;
    words++;
    if (!event) event = (i > from && lex.numberWords.has(w.lower)) || isEvent(i) || actionNoun(sx, i);
  }
  return event && words >= MIN_WORDS;
}

/** Whether words [from, to] hold a time word (« lundi », « mai »). */
function namesTime(sx: Syntax, [from, to]: [number, number]): boolean {
  for (let i = from; i <= to; i++) if (sx.lex.timeWords.has(sx.words[i]!.lower)) return true;
  return false;
}
