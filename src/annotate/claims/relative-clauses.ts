// A relative clause cut as a unit (« Carlos Ghosn, qui avait été arrêté lundi, … », "Ghosn, who was arrested on
// Monday, …") is about its antecedent, the name right before it.
import type { Syntax } from '../syntax/index.js';
import { NAME_REACH } from './apposed-figures.js';

/** The capitalised words right before word i, past a comma (a relative clause's antecedent): their span, or undefined. */
export function nameBefore(sx: Syntax, i: number): { start: number; end: number } | undefined {
  let n = i - 1;
  if (n >= 0 && sx.words[n]!.text === ',') n--;
  const end = n;
  while (n >= 0 && n > end - NAME_REACH && sx.words[n]!.kind === 'word' && sx.words[n]!.cap) n--;
  return n < end ? { start: sx.words[n + 1]!.start, end: sx.words[end]!.end } : undefined;
}
