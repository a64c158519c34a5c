// The predicate of a clause with no finite verb where it opens: the participle of an apposition (« [qui] soupçonné
// de … »), the infinitive after « sans » (« sans faire de blessé », "without injuring anyone") or of a narrative
// infinitive (« Et d'accuser … »).
import type { Syntax } from '../syntax/index.js';
import { type Clause, wordsOf } from './clause.js';
import { infinitiveAfter, narrativeInfinitive } from './infinitives.js';
import type { ClaimsLexicon } from './lexicon.js';
import { participial } from './participles.js';

/**
 * The verb of a clause that has no finite one where it opens (« [qui] soupçonné de … », « sans faire de blessé »,
 * « Et d'accuser … »): the word whose stem is its predicate, or -1.
 */
export function openingVerb(sx: Syntax, lex: ClaimsLexicon, c: Clause): number {
  const [first, last] = wordsOf(sx, c);
  if (first > last) return -1;
  const narrative = narrativeInfinitive(sx, lex, first, last);
  if (narrative >= 0 || !c.participial) return narrative;
  const i = sx.lex.relatives.has(sx.words[first]!.lower) || sx.lex.g.appositionRelatives.has(sx.words[first]!.lower) ? first + 1 : first;
  return participial(sx, i, last) ? i : infinitiveAfter(sx, lex, i, last);
}

/**
 * Whether the clause from word `first` to `last` opens with an infinitive, past negation and object clitics (« n'avoir
 * "jamais vu" », « ne pas l'avoir vu », « être "peu optimiste" », "to have seen"): a lowercase word with the language's
 * infinitive ending (syntax.json), no determiner, auxiliary-free of a subject of its own.
 */
export function opensWithInfinitive(sx: Syntax, first: number, last: number): boolean {
  const l = sx.lex;
  let k = first;
  while (k <= last && (l.negation.has(sx.words[k]!.lower) || (l.objectClitics.has(sx.words[k]!.lower) && !l.determiners.has(sx.words[k]!.lower)))) k++;
  const w = sx.words[k];
  return (
    !!w && k <= last && w.kind === 'word' && !w.cap && !l.determiners.has(w.lower) && w.lower.length >= l.g.infinitiveMinLength && l.g.infinitive.test(w.lower)
  );
}
