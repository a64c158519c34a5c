// A subordinate clause of time, cause or contrast is a clause unit of its own: « a été tué par Radouane Lakdim
// [alors qu'il avait pris la place d'une caissière] » holds two propositions.
import type { Syntax } from '../syntax/index.js';
import { COORDINATION_REACH, verbAt } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/**
 * When a subordinator of lang/<code>/claims.json `subordinators` starts at word i (« alors qu' », « parce que »,
 * « lorsque ») and the verb of its clause follows past a subject clitic and preverbal clitics: the index of that verb,
 * else -1.
 */
export function subordinateVerb(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): number {
  for (const phrase of lex.subordinators.get(sx.words[i]!.lower.replace('’', "'")) ?? []) {
    let k = i;
    while (k - i < phrase.length && k <= last && sx.words[k]!.lower.replace('’', "'") === phrase[k - i]) k++;
    if (k - i < phrase.length) continue;
    const opened = k;
    while (k <= last && k <= opened + COORDINATION_REACH && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
    if (k > opened && k <= last && verbAt(sx, k)) return k;
  }
  return -1;
}
