// Person keys with the words an entity span swallowed before the name. The
// entity layer sometimes takes a word or two before a person's name into the
// span (« Après Emmanuel Macron » → per:apres-emmanuel-macron, « alors qu'Emmanuel
// Macron » → per:alors-qu-emmanuel-macron, « secrétaire d'État Marlène Schiappa »
// → per:etat-marlene-schiappa), so one person gets several keys and two claims
// about them look like claims about two people. A person key whose first word
// is not a given name but a later word is, with a surname after it, is the key
// from that given name on, when the corpus names the person so on its own
// (personKeyTrimmer). Given names are the generated lists of every
// language (lang/*/first-names.generated.tsv, from faker's first-name lists).
import { rowsOfEveryLanguage } from '../layout/lexicon/every-language.js';
import { foldLower } from '../text/fold.js';

let givenNames: Set<string> | undefined;

/** Given names as key words: folded, lower case, words joined by « - » (« Jean-Marc » → jean-marc, both words known). */
function isGivenName(word: string): boolean {
  if (!givenNames) {
    givenNames = new Set();
    for (const { rows } of rowsOfEveryLanguage('first-names.generated.tsv'))
      for (const [n] of rows) if (n) for (const w of foldLower(n).split(/[\s'-]+/)) if (w.length > 1) givenNames.add(w);
  }
  return givenNames.has(word);
}

/** A given name long enough to tell (« Al », « Ben » are given names, and parts of surnames: al-Maliki, Ben Rhouma). */
const MIN_GIVEN_NAME = 4;

/**
 * Person keys of a corpus → the key without the words swallowed before the name: `per:apres-emmanuel-macron` →
 * `per:emmanuel-macron` when the corpus has `per:emmanuel-macron` as a key of its own, its first word is a given name
 * and the dropped words do not start with one (`per:marion-marechal-le-pen` stays). Other keys are left as they are.
 */
export function personKeyTrimmer(personKeys: ReadonlySet<string>): (key: string) => string {
  const map = new Map<string, string>();
  for (const key of personKeys) {
    const parts = key.slice(4).split('-');
    if (parts.length < 3 || isGivenName(parts[0]!)) continue;
    for (let i = 1; i <= parts.length - 2; i++) {
      const tail = `per:${parts.slice(i).join('-')}`;
      if (parts[i]!.length >= MIN_GIVEN_NAME && isGivenName(parts[i]!) && personKeys.has(tail)) {
        map.set(key, tail);
        break;
      }
    }
  }
  return (key) => map.get(key) ?? key;
}
