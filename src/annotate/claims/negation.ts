// Whether a claim denies what it states: « personne n'a été blessé », « aucun blessé grave », « sans faire de
// blessé », « n'a pas quitté », "nobody was hurt", "did not leave".
import type { Syntax } from '../syntax/index.js';
import { CLOSE_QUOTES, OPEN_QUOTES as OPENERS } from '../syntax/words.js';
import { type Clause, wordsOf } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Negation words count within this many words after "ne". */
const NEGATION_REACH = 4;

/**
 * Whether the clause denies what it states: it opens with a negative determiner or opener (« aucun blessé … »,
 * « sans faire de blessé »), with a negative quantifier whose verb carries « ne » (« personne n'a été blessé »), or
 * « ne » is completed by a negation word. The opening is read past quotation marks: a subject quoted in whole or in
 * part (« "aucun blessé grave" n'avait été hospitalisé ») is still the clause's subject.
 */
export function negated(sx: Syntax, lex: ClaimsLexicon, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  const g = sx.lex.g;
  let head = first;
  while (head < last && OPENERS.has(sx.words[head]!.text)) head++;
  const opening = sx.words[head]?.lower ?? '';
  if (g.negativeDeterminers.has(opening) || lex.negativeOpeners.has(opening)) return true;
  const quantifier = g.negativeQuantifiers.has(opening);
  for (let i = head; i <= last; i++) {
    const l = sx.words[i]!.lower;
    if (!g.negationParticles.has(l)) continue;
    if (quantifier) return true;
    // Quotation marks do not count as words (« n'avait "participé à aucune réunion" »).
    for (let k = i + 1, n = 0; k <= last && n < NEGATION_REACH; k++) {
      const w = sx.words[k]!;
      if (OPENERS.has(w.text) || CLOSE_QUOTES.has(w.text)) continue;
      n++;
      if (lex.negation.has(w.lower)) return true;
    }
  }
  return false;
}
