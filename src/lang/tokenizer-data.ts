// Typed view of lang/<code>/tokenizer.json and abbreviations.tsv.
import { cached, langPath, readJson, readTsv } from './resources.js';

/**
 * `title` never ends a sentence (M., Mme.); `may-end` can (etc.); `name`, part
 * of a name (U.S., Inc., Jr.), ends one only before a word that usually opens
 * one; `numeric` is an abbreviation only before a number (p. 12, art. 49),
 * else a word and a stop.
 */
export type AbbreviationClass = 'title' | 'may-end' | 'name' | 'numeric';
const CLASSES: readonly string[] = ['title', 'may-end', 'name', 'numeric'];

export interface TokenizerData {
  elisions: Set<string>;
  elisionExceptions: Set<string>;
  invertedClitics: Set<string>;
  linkWords: Set<string>;
  /** Lower-cased words that usually open a sentence: after "A." they mean the period ends one. */
  sentenceStarters: Set<string>;
  /** abbreviation (with its periods) → class */
  abbreviations: Map<string, AbbreviationClass>;
  /** longest abbreviation length, to bound look-ahead */
  maxAbbreviation: number;
}

interface TokenizerJson {
  elisions: string[];
  elisionExceptions: string[];
  invertedClitics: string[];
  linkWords: string[];
  sentenceStarters: string[];
}

export function tokenizerData(language: string): TokenizerData {
  return cached(language, 'tokenizer', (code) => {
    const j = readJson<TokenizerJson>(langPath(code, 'tokenizer.json'));
    const abbreviations = new Map<string, AbbreviationClass>();
    for (const [form, cls] of readTsv(langPath(code, 'abbreviations.tsv'))) {
      if (!form) continue;
      if (!CLASSES.includes(cls ?? '')) throw new Error(`lang/${code}/abbreviations.tsv: "${form}" has no class (${CLASSES.join(', ')})`);
      abbreviations.set(form, cls as AbbreviationClass);
    }
    const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
    return {
      elisions: lower(j.elisions),
      elisionExceptions: lower(j.elisionExceptions.map((x) => x.replace(/’/g, "'"))),
      invertedClitics: lower(j.invertedClitics),
      linkWords: lower(j.linkWords.map((x) => x.replace(/’/g, "'"))),
      sentenceStarters: lower(j.sentenceStarters.map((x) => x.replace(/’/g, "'"))),
      abbreviations,
      maxAbbreviation: Math.max(0, ...[...abbreviations.keys()].map((k) => k.length)),
    };
  });
}
