// A predicate coordinated with the cue ends its content: "confirmed the layoffs but declined to give details",
// « a confirmé la fermeture du site mais a refusé d'en dire plus », 'said the ministry "is looking into all the
// claims," but declined to give details' (it put "but declined to give details" in the speaker's claim, newcomer
// trial, session 13). The second verb has no subject of its own, so its subject is the speaker's: it is the outlet
// telling what the speaker did, not what the speaker said.
import type { Syntax } from '../syntax/index.js';
import { isFiniteVerb, skipForward } from '../syntax/phrases.js';
import { CLOSE_QUOTES, OPEN_QUOTES, wordAtOrAfter } from '../syntax/words.js';
import type { Quote } from '../../doc/schema.js';

/** Does a verb group (a finite verb or an auxiliary: "declined", "could", « a refusé ») open at word i? */
export function opensVerbGroup(syntax: Syntax, i: number): boolean {
  const w = syntax.words[i];
  return !!w && w.kind === 'word' && !w.cap && (syntax.isAux[i] === 1 || isFiniteVerb(syntax, i));
}

/**
 * The first coordinator among words first..last, outside quotations, followed by a verb group with no subject between
 * (grammar.json `coordinators`), or -1. With `afterBreak`, only one right after a comma or a closing quotation mark:
 * inside a clause "said prices rose and fell" coordinates the clause's own verbs.
 */
export function coordinatedPredicate(syntax: Syntax, quoteStartingAt: Map<number, Quote>, first: number, last: number, afterBreak: boolean): number {
  const { words } = syntax;
  for (let k = first + 1; k <= last; k++) {
    const w = words[k]!;
    if (OPEN_QUOTES.has(w.text)) {
      const q = quoteStartingAt.get(w.start);
      if (q) k = wordAtOrAfter(words, q.end) - 1;
      continue;
    }
    if (!syntax.lex.g.coordinators.has(w.lower)) continue;
    const prev = words[k - 1]!.text;
    if (afterBreak && prev !== ',' && !CLOSE_QUOTES.has(prev)) continue;
    if (opensVerbGroup(syntax, skipForward(syntax, k + 1))) return k;
  }
  return -1;
}

/** The content cut before such a predicate, without the comma before it (`afterBreak` as above). */
export function beforeCoordinatedPredicate(
  syntax: Syntax,
  quoteStartingAt: Map<number, Quote>,
  content: { start: number; end: number },
  afterBreak: boolean,
): { start: number; end: number } {
  const { words } = syntax;
  const first = wordAtOrAfter(words, content.start);
  const last = wordAtOrAfter(words, content.end) - 1;
  const k = coordinatedPredicate(syntax, quoteStartingAt, first, last, afterBreak);
  if (k < 0) return content;
  const end = words[k - 1]!.text === ',' ? k - 2 : k - 1;
  return end >= first ? { start: content.start, end: words[end]!.end } : content;
}
