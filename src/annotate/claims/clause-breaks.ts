// An own-voice sentence splits into separate claims at its clause breaks (lang/<code>/claims.json `clauseBreaks`):
// « Le barrage a cédé ; trois villages ont été évacués », « …, mais … », "…, but …".
import type { Clause } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Own-voice sentences split at clause breaks (", mais", ";"). */
export function clausesOf(text: string, lex: ClaimsLexicon, s: Clause): Clause[] {
  const out: Clause[] = [];
  const body = text.slice(s.start, s.end);
  const cuts: number[] = [];
  for (const b of lex.clauseBreaks) for (let i = body.indexOf(b); i >= 0; i = body.indexOf(b, i + b.length)) cuts.push(i);
  cuts.sort((x, y) => x - y);
  let from = 0;
  for (const i of cuts) {
    if (i < from) continue;
    out.push({ start: s.start + from, end: s.start + i });
    from = i + 1;
  }
  out.push({ start: s.start + from, end: s.end });
  return out;
}
