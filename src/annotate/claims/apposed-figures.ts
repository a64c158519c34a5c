// A figure apposed to a name is a proposition of its own: « Jean Mazières, 61 ans, Christian Medves, 50 ans »
// states each person's age ("John Smith, 61,": English apposes no unit and is not read).
import type { Syntax } from '../syntax/index.js';
import type { Clause } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Capitalised words of a name before its apposed figure (or before a relative clause), at most. */
export const NAME_REACH = 4;

/**
 * Figures apposed to a name between first and last (« Jean Mazières, 61 ans, Christian Medves, 50 ans, … »: a name, a
 * comma, a figure and a unit of lang/<code>/claims.json `apposedUnits`, then punctuation or the clause's end): each
 * states the person's age or size, a proposition of its own; returned as verbless units « Name, 61 ans ».
 */
export function apposedFigures(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): Clause[] {
  const out: Clause[] = [];
  if (lex.apposedUnits.size === 0) return out;
  for (let i = first + 1; i + 2 <= last; i++) {
    const w = sx.words[i]!;
    if (w.kind !== 'number' || sx.words[i - 1]!.text !== ',' || !lex.apposedUnits.has(sx.words[i + 1]!.lower)) continue;
    const after = sx.words[i + 2];
    if (i + 2 <= last && after && after.kind === 'word') continue;
    let n = i - 2;
    while (n >= first && n > i - 2 - NAME_REACH && sx.words[n]!.cap && sx.words[n]!.kind === 'word') n--;
    if (n === i - 2) continue;
    out.push({ start: sx.words[n + 1]!.start, end: sx.words[i + 1]!.end, verbless: true });
  }
  return out;
}
