// Typed view of lang/<code>/tokenizer.json and abbreviations.tsv. A language
// without resources gets the generic tokenizer (no elisions, clitics or abbreviations).
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { cached, hasLanguage, langPath, readTsv, readValidJson } from './resources.js';

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
  /** Lowercase letter of a euphonic infix before an inverted clitic ("a-t-il"), or -1. */
  euphonic: number;
}

const words = z.array(z.string());
export const TokenizerSchema = z.object({
  elisions: words,
  elisionExceptions: words,
  invertedClitics: words,
  /** The euphonic letter inserted before an inverted clitic ("t" in "a-t-il"). */
  euphonic: z.string().length(1).optional(),
  linkWords: words,
  sentenceStarters: words,
});

/** What a language without resources gets: no elisions, clitics, abbreviations or starters. */
const GENERIC: TokenizerData = {
  elisions: new Set(),
  elisionExceptions: new Set(),
  invertedClitics: new Set(),
  linkWords: new Set(),
  sentenceStarters: new Set(),
  abbreviations: new Map(),
  maxAbbreviation: 0,
  euphonic: -1,
};

export function tokenizerData(language: string): TokenizerData {
  if (!hasLanguage(language)) return GENERIC;
  return cached(language, 'tokenizer', (code) => {
    if (!existsSync(langPath(code, 'tokenizer.json'))) return GENERIC;
    const j = readValidJson(langPath(code, 'tokenizer.json'), TokenizerSchema);
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
      euphonic: j.euphonic ? j.euphonic.toLowerCase().charCodeAt(0) : -1,
    };
  });
}
