// Whether a claim denies what it states: « personne n'a été blessé », « aucun blessé grave », « sans faire de
// blessé », « n'a pas quitté », "nobody was hurt", "did not leave", "there is no plan".
import type { Syntax } from '../syntax/index.js';
import { CLOSE_QUOTES, OPEN_QUOTES as OPENERS } from '../syntax/words.js';
import { type Clause, wordsOf } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Negation words count within this many words after "ne". */
const NEGATION_REACH = 4;
/** A negative determiner counts within this many words after an existential subject ("there has been no", "there is no"). */
const EXISTENTIAL_REACH = 3;

/**
 * Whether the clause denies what it states: it opens with a negative determiner or opener (« aucun blessé … »,
 * « sans faire de blessé »), with a negative quantifier whose verb carries « ne » (« personne n'a été blessé »), or
 * « ne » is completed by a negation word (a particle that negates alone, "did not leave", needs none); an existential
 * clause is negated by a negative determiner after its verb ("there is no plan to …"). The opening is read past quotation marks: a subject quoted in whole or in
 * part (« "aucun blessé grave" n'avait été hospitalisé ») is still the clause's subject.
 */
export function negated(sx: Syntax, lex: ClaimsLexicon, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  const g = sx.lex.g;
  let head = first;
  while (head < last && OPENERS.has(sx.words[head]!.text)) head++;
  const opening = sx.words[head]?.lower ?? '';
  if (g.negativeDeterminers.has(opening) || lex.negativeOpeners.has(opening)) return true;
  if (g.existentialSubjects.has(opening)) {
    for (let k = head + 1; k <= Math.min(last, head + EXISTENTIAL_REACH); k++) if (g.negativeDeterminers.has(sx.words[k]!.lower)) return true;
  }
  // A negative subject (« personne n'a été blessé ») or a particle that negates alone ("did not leave") needs no second word.
  const alone = g.negativeQuantifiers.has(opening) || g.negationParticleAlone;
  for (let i = head; i <= last; i++) {
    const l = sx.words[i]!.lower;
    if (!g.negationParticles.has(l)) continue;
    if (alone) return true;
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
