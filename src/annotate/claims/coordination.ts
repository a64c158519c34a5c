// A coordinator opens a new clause unit when a verb follows, after clitics (« a tué trois personnes [et en a blessé
// 16 autres] ») or after a noun phrase (« [et des enquêtes administratives ont été ouvertes] », "and two officers were hurt").
import type { Syntax } from '../syntax/index.js';
import { COORDINATION_REACH, verbAt } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';
import { participial } from './participles.js';

/** Words of a noun phrase a coordinator may open before the verb of a new clause (« et des enquêtes administratives ont été ouvertes »). */
const SUBJECT_REACH = 6;

/**
 * Whether the coordinator at word i opens a new clause: a verb (past clitics), a participle, or a subject and its verb
 * follow, also after a relative pronoun repeating the one before (« où deux voitures ont été incendiées [et où des heurts
 * ont éclaté avec la police] »).
 */
export function opensClause(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): boolean {
  const from = i + 1 <= last && lex.coordinatedRelatives.has(sx.words[i + 1]!.lower) ? i + 1 : i;
  let k = from + 1;
  while (k <= last && k <= from + COORDINATION_REACH && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
  return k <= last && (verbAt(sx, k) || participial(sx, k, last) || subjectThenVerb(sx, from + 1, last));
}

/**
 * Whether a noun phrase with its verb starts at word k (after a coordinator): a determiner, then words without
 * punctuation, coordinator or relative pronoun, then a verb within SUBJECT_REACH words (« et des enquêtes
 * administratives ont été ouvertes »).
 */
function subjectThenVerb(sx: Syntax, k: number, last: number): boolean {
  if (k > last || !sx.lex.determiners.has(sx.words[k]!.lower)) return false;
  for (let j = k + 1; j <= last && j <= k + SUBJECT_REACH; j++) {
    const w = sx.words[j]!;
    if (verbAt(sx, j)) return j > k + 1;
    if (w.kind !== 'word' || sx.lex.g.coordinators.has(w.lower) || sx.lex.relatives.has(w.lower)) return false;
  }
  return false;
}
