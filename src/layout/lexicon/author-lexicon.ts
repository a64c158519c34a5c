// The author-credit lexicon of every language (lang/*/authors.tsv): by-line
// prefixes, where a credit ends, separators, job titles, placeholders, news
// agencies and the class words of by-line elements. Credits do not follow the
// page's language ("By" on French pages, "Par" in English CMS themes), so all
// languages are read together.
import { rowsOfEveryLanguage } from './every-language.js';
import { unicodeRegex } from './unicode-regex.js';

export interface AuthorLexicon {
  /** a prefix where a word starts, then ":"? and spaces (global: callers check that a name follows) */
  prefix: RegExp;
  /** where the name list ends (dates, "Publié le") */
  cut: RegExp[];
  split: RegExp;
  roles: Set<string>;
  placeholders: Set<string>;
  /** words that never open a person's name ("The", "Les"): "The Russian and Syrian ministries" names nobody */
  notFirst: Set<string>;
  /** lower-cased agency name → its usual spelling */
  agencies: Map<string, string>;
  classWords: Set<string>;
  classNot: Set<string>;
}

let lexicon: AuthorLexicon | undefined;

export function authorLexicon(): AuthorLexicon {
  if (lexicon) return lexicon;
  const prefixes: string[] = [];
  const splits: string[] = [];
  const l: AuthorLexicon = {
    prefix: /$^/,
    cut: [],
    split: /$^/,
    roles: new Set(),
    placeholders: new Set(),
    notFirst: new Set(),
    agencies: new Map(),
    classWords: new Set(),
    classNot: new Set(),
  };
  for (const { rows } of rowsOfEveryLanguage('authors.tsv')) {
    for (const [kind, value] of rows) {
      if (!value) continue;
      if (kind === 'prefix') prefixes.push(value);
      else if (kind === 'cut') l.cut.push(unicodeRegex(value, 'u'));
      else if (kind === 'split') splits.push(value);
      else if (kind === 'role') l.roles.add(value.toLowerCase());
      else if (kind === 'placeholder') l.placeholders.add(value.toLowerCase());
      else if (kind === 'not-first') l.notFirst.add(value.toLowerCase());
      else if (kind === 'agency') l.agencies.set(value.toLowerCase(), value);
      else if (kind === 'class') l.classWords.add(value.toLowerCase());
      else if (kind === 'class-not') l.classNot.add(value.toLowerCase());
    }
  }
  // Longest prefixes first, so "propos recueillis par" wins over "par" at the same place.
  prefixes.sort((a, b) => b.length - a.length);
  l.prefix = unicodeRegex(`(?:^|(?<=[\\s,;(|]))(?:${prefixes.join('|')})\\s*:?\\s+`, 'giu');
  l.split = unicodeRegex(splits.join('|'), 'u');
  lexicon = l;
  return l;
}
