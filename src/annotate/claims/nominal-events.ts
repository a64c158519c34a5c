// An event told in passing by an action noun with a figure is a proposition of its own: « Au moins dix personnes
// manquent à l'appel, après [l'effondrement lundi de deux immeubles anciens] », « a réagi à la polémique sur
// [l'interpellation de 151 lycéens à Mantes-la-Jolie] ». The clause around it states something else; the event, with
// its figure, is what other articles tell as « deux immeubles se sont effondrés ». Only with a figure: an action noun
// with a name (« l'évacuation de Tolbiac », « la garde à vue de Nicolas Sarkozy ») is what a story's sentences keep
// naming in passing, and as claims of their own they joined its different statements into one group (DEV, eval:claims).
import { actionNoun, isNominalLink } from '../propositions.js';
import type { Syntax } from '../syntax/index.js';
import { type Clause, MIN_WORDS, verbAt } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Words of the phrase after its action noun, at most (its complements: « de deux immeubles anciens du centre-ville »). */
const NOMINAL_REACH = 12;
/** Punctuation that ends the phrase. */
const ENDS = new Set([',', ';', ':', '(', ')', '–', '—', '.', '!', '?', '«', '»', '"', '“', '”']);

/**
 * The events words (first, last] state by an action noun after a determiner (src/annotate/propositions.ts `actionNoun`:
 * « l'effondrement de … », « l'effondrement lundi de … », « la révocation de … »), each from the determiner to the end
 * of its complements (before punctuation, a verb, a relative pronoun or a subordinator, within NOMINAL_REACH words),
 * kept when a figure follows a link word (« de ») after the noun, its argument, and it has MIN_WORDS words; verbless
 * units.
 * The phrase opening the clause is left out: the clause itself is that claim.
 */
export function nominalEvents(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): Clause[] {
  const out: Clause[] = [];
  for (let i = first + 2; i < last; i++) {
    if (!actionNoun(sx, i)) continue;
    let end = i;
    let checkable = false;
    let linked = false;
    let words = 2;
    for (let k = i + 1; k <= last && k <= i + NOMINAL_REACH; k++) {
      const w = sx.words[k]!;
      if (w.kind === 'punct' && ENDS.has(w.text)) break;
      if (w.kind === 'word' && (verbAt(sx, k) || sx.lex.relatives.has(w.lower) || lex.subordinators.has(w.lower))) break;
      // Its argument after a link (« de deux immeubles », « de Carlos Ghosn »), a time between (« lundi 5 novembre »).
      if (w.kind === 'word' && isNominalLink(sx.language, w.lower)) linked = true;
      if (linked && (w.kind === 'number' || (w.kind === 'word' && lex.numberWords.has(w.lower)))) checkable = true;
      if (w.kind === 'word') words++;
      end = k;
    }
    if (checkable && words >= MIN_WORDS) out.push({ start: sx.words[i - 1]!.start, end: sx.words[end]!.end, verbless: true });
    i = end;
  }
  return out;
}
