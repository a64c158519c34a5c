// Typed view of lang/<code>/tokenizer.json and abbreviations.tsv.
import { cached, langPath, readJson, readTsv } from './resources.js';

export interface TokenizerData {
  elisions: Set<string>;
  elisionExceptions: Set<string>;
  invertedClitics: Set<string>;
  linkWords: Set<string>;
  /** abbreviation (with its periods) → class */
  abbreviations: Map<string, 'title' | 'may-end'>;
  /** longest abbreviation length, to bound look-ahead */
  maxAbbreviation: number;
}

interface TokenizerJson {
  elisions: string[];
  elisionExceptions: string[];
  invertedClitics: string[];
  linkWords: string[];
}

export function tokenizerData(language: string): TokenizerData {
  return cached(language, 'tokenizer', (code) => {
    const j = readJson<TokenizerJson>(langPath(code, 'tokenizer.json'));
    const abbreviations = new Map<string, 'title' | 'may-end'>();
    for (const [form, cls] of readTsv(langPath(code, 'abbreviations.tsv'))) {
      if (form) abbreviations.set(form, cls === 'may-end' ? 'may-end' : 'title');
    }
    const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
    return {
      elisions: lower(j.elisions),
      elisionExceptions: lower(j.elisionExceptions.map((x) => x.replace(/’/g, "'"))),
      invertedClitics: lower(j.invertedClitics),
      linkWords: lower(j.linkWords.map((x) => x.replace(/’/g, "'"))),
      abbreviations,
      maxAbbreviation: Math.max(0, ...[...abbreviations.keys()].map((k) => k.length)),
    };
  });
}
