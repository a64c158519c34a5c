// Whether a clause is a claim: it has a verb (or states an act by an action noun) and asserts an event (« a été
// tué », « l'effondrement de trois immeubles »), a number (« 300 personnes ont défilé », "300 people marched"), a
// named entity or an accusation; an opinion (« Cette politique est une erreur ») is not.
import { afterAuxiliary, nominalAt } from '../propositions.js';
import type { Syntax } from '../syntax/index.js';
import { type Clause, MIN_WORDS, verbAt, wordsOf } from './clause.js';
import { narrativeInfinitive } from './infinitives.js';
import type { ClaimsLexicon } from './lexicon.js';

/** A clause (with a verb) asserting an event (auxiliary + participle, or any verb about a named entity), a number or an accusation. */
export function checkable(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): boolean {
  const [first, last] = wordsOf(sx, c);
  let words = 0;
  let event = false;
  let number = false;
  let verb = false;
  let named = false;
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    if (sx.chunkOf[i]! >= 0 && i > first) named = true;
    if (w.kind === 'number') number = true;
    if (w.kind !== 'word') continue;
    words++;
    if (i > first && lex.numberWords.has(w.lower)) number = true;
    if (!event && isEvent(i)) event = true;
    const aux = sx.isAux[i] === 1;
    // A verb makes it a clause, not a title or a fragment ("Le lac de retenue en 2019").
    if (!verb) verb = verbAt(sx, i) || (i === first && (!!c.participial || narrativeInfinitive(sx, lex, first, last) >= 0));
    // An action noun with its argument states the act without a verb (« [a annoncé] l'ouverture d'une enquête »).
    if (!verb && nominalAt(sx, i, first, last)) verb = event = true;
    if (i === first && c.participial && sx.lex.g.eventParticiple.test(w.lower)) event = true;
    if (aux && !event) {
      // « a été tué », « s'est alors proposé », « n'a pas quitté »: the participle after the auxiliary, adverbs between.
      const participle = (n: (typeof sx.words)[number] | undefined) => !!n && n.kind === 'word' && !n.cap && sx.lex.g.eventParticiple.test(n.lower);
      event = participle(sx.words[i + 1]) || participle(sx.words[afterAuxiliary(sx, i, last)]);
    }
  }
  // A stock disclaimer ("could not independently verify their account", « n'a pas souhaité faire de commentaire »)
  // hedges what is said or reports no answer: no claim, though it names the outlet and may hold an event word.
  const lower = sx.text.slice(c.start, c.end).toLowerCase().replaceAll('\u2019', "'");
  if (lex.disclaimers.some((d) => lower.includes(d))) return false;
  if (c.verbless) return true;
  if (words < MIN_WORDS || !verb) return false;
  // A unit cut from a checkable clause is part of its claim: a verb and enough words make it a proposition.
  if (event || number || named || c.cut || c.reported) return true;
  for (const a of lex.accusation) if (lower.includes(a)) return true;
  return false;
}
