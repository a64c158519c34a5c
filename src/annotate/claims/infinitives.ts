// Clause units whose verb is an infinitive or a gerund:
// - after a preposition of `infinitiveOpeners` (« , sans faire de blessé », « avant de s'enfuir », "without injuring anyone");
// - the narrative infinitive (« Et d'accuser les Etats-Unis de … »: a past act of the previous sentence's subject).
import type { Syntax } from '../syntax/index.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Whether a segment opens with a preposition and an infinitive or a gerund (« sans faire de blessé », « avant de s'enfuir », « without injuring anyone »). */
export const infinitiveAt = (sx: Syntax, lex: ClaimsLexicon, i: number, last: number) => infinitiveAfter(sx, lex, i, last) >= 0;

/** The index of the infinitive or gerund after a preposition of `infinitiveOpeners` at word i, or -1. */
export function infinitiveAfter(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): number {
  if (i >= last || !lex.infinitiveOpeners.has(sx.words[i]!.lower)) return -1;
  const g = sx.lex.g;
  let k = i + 1;
  if (g.deInfinitiveLinks.has(sx.words[k]!.lower)) k++;
  // Clitics before the infinitive (« sans les blesser », « avant de s'enfuir »).
  while (k < last && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
  const w = sx.words[k];
  if (!w || k > last || w.kind !== 'word' || w.cap) return -1;
  return (w.lower.length >= g.infinitiveMinLength && g.infinitive.test(w.lower)) || g.gerund.test(w.lower) ? k : -1;
}

/**
 * The word index of the infinitive when the clause from `first` opens as a narrative infinitive (« Et d'accuser les
 * Etats-Unis de … »: a coordinator of lang/<code>/claims.json `narrativeOpeners`, « de », clitics, an infinitive): a
 * past act whose subject is the previous sentence's (Riegel, Pellat & Rioul, infinitif de narration); -1 when not.
 */
export function narrativeInfinitive(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): number {
  if (first + 2 > last || !lex.narrativeOpeners.has(sx.words[first]!.lower)) return -1;
  const g = sx.lex.g;
  if (!g.deInfinitiveLinks.has(sx.words[first + 1]!.lower)) return -1;
  let k = first + 2;
  while (k < last && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
  const w = sx.words[k]!;
  return w.kind === 'word' && !w.cap && w.lower.length >= g.infinitiveMinLength && g.infinitive.test(w.lower) ? k : -1;
}
