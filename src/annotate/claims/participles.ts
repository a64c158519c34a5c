// A clause unit opening with a past or present participle, an apposition with no finite verb:
// « X, soupçonné de Y, a été arrêté », « , causant la mort de trois personnes », "…, killing three people".
import type { Syntax } from '../syntax/index.js';

/** Whether a segment opens with a participle or present participle (« soupçonné de … », « causant la mort de … »), after a relative pronoun or not. */
export function participial(sx: Syntax, i: number, last: number): boolean {
  const w = sx.words[i];
  if (!w || i > last || w.kind !== 'word' || w.cap) return false;
  const g = sx.lex.g;
  // A present participle opening a piece (« , causant la mort de … », « et faisant 16 blessés ») need not be in the verb forms.
  return (g.participle.test(w.lower) && !g.presentNotParticiple.test(w.lower) && sx.forms[i] !== undefined) || g.gerund.test(w.lower);
}
