// Given names of every language (lang/*/first-names.generated.tsv, generated
// from faker's first-name lists; see the file headers): a bare line of
// capitalised words is a person's name, not a section heading ("French
// Politics", "Business Law"), when its first word is one of them.
import { rowsOfEveryLanguage } from './every-language.js';

let names: Set<string> | undefined;

export function isFirstName(word: string): boolean {
  if (!names) {
    names = new Set();
    for (const { rows } of rowsOfEveryLanguage('first-names.generated.tsv')) for (const [n] of rows) if (n) names.add(n.toLowerCase());
  }
  return names.has(word.toLowerCase());
}
