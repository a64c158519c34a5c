// Words for corpus matching: one linear scan for word runs, lowercased,
// stemmed with the language's Snowball stemmer (lang/<code>/corpus.json) and
// accent-folded, so that « livrées », « livraison » and « Livrés » meet in
// search and in claim matching. Used on indexed text and on queries alike.
import { existsSync } from 'node:fs';
import snowball from 'snowball-stemmers';
import { cached, hasLanguage, langPath, readJson } from './resources.js';
import { fold } from '../text/fold.js';

interface CorpusLangData {
  stemmer: string;
  /** Endings the Snowball algorithm leaves on words (see lang/fr/corpus.json). */
  unstemmedSuffixes?: { suffix: string; minLength: number }[];
  stopwords: string[];
}

export interface WordTools {
  /** Stem of a lowercased word, accent-folded. */
  stem(word: string): string;
  /** Stem of the word with its accents folded first: what a query typed without accents stems to. */
  stemUnaccented(word: string): string;
  /** Whether a lowercased word is a function word (no claim content). */
  isStopword(word: string): boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-‐‑][\p{L}\p{N}]+)*/gu;
const ELISION = /^[\p{L}]{1,2}['’]/u;
const STEM_CACHE_LIMIT = 200_000;

/** Lowercased word runs of `text` with their offsets; elided articles (l', d', qu') are split off. */
export function* words(text: string): Generator<{ word: string; start: number; end: number }> {
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let w = m[0].toLowerCase();
    let start = m.index;
    const el = ELISION.exec(w);
    if (el) {
      yield { word: w.slice(0, el[0].length - 1), start, end: start + el[0].length - 1 };
      w = w.slice(el[0].length);
      start += el[0].length;
    }
    yield { word: w, start, end: m.index + m[0].length };
  }
}

/** A language without resources: words are only accent-folded, none is a stopword. */
const GENERIC_TOOLS: WordTools = {
  stem: (word: string) => fold(word),
  stemUnaccented: (word: string) => fold(word),
  isStopword: () => false,
};

export function wordTools(language: string): WordTools {
  if (!hasLanguage(language)) return GENERIC_TOOLS;
  return cached(language, 'corpus-words', (code) => {
    if (!existsSync(langPath(code, 'corpus.json'))) return GENERIC_TOOLS;
    const data = readJson<CorpusLangData>(langPath(code, 'corpus.json'));
    const stemmer = snowball.newStemmer(data.stemmer);
    const stop = new Set(data.stopwords.flatMap((w) => [w, fold(w)]));
    const memo = new Map<string, string>();
    const plainMemo = new Map<string, string>();
    const suffixes = data.unstemmedSuffixes ?? [];
    const stemPart = (part: string): string => {
      const stem = stemmer.stem(part);
      if (stem !== part) return stem;
      const extra = suffixes.find((x) => part.length >= x.minLength && part.endsWith(x.suffix));
      return extra ? part.slice(0, -extra.suffix.length) : stem;
    };
    return {
      stem(word: string): string {
        let s = memo.get(word);
        if (s === undefined) {
          // Hyphenated compounds (« états-unis ») stem part by part.
          s = fold(word.split(/[-‐‑]/).map(stemPart).join('-'));
          if (memo.size >= STEM_CACHE_LIMIT) memo.clear();
          memo.set(word, s);
        }
        return s;
      },
      stemUnaccented(word: string): string {
        // Memoised too: the index asks for it at every word, and folding costs more than the look-up.
        let s = plainMemo.get(word);
        if (s === undefined) {
          s = this.stem(fold(word));
          if (plainMemo.size >= STEM_CACHE_LIMIT) plainMemo.clear();
          plainMemo.set(word, s);
        }
        return s;
      },
      isStopword: (word: string) => stop.has(word),
    };
  });
}

/**
 * The `stems` column of the full-text index: each word's stem, followed by the
 * stem of its unaccented spelling when that differs (Snowball's French rules
 * read accents: « Élysée » stems to « elys », a query « elysee » to « elyse »),
 * so queries typed with or without accents both match.
 */
export function indexStems(text: string, language: string): string {
  const tools = wordTools(language);
  const out: string[] = [];
  for (const w of words(text)) {
    const stem = tools.stem(w.word);
    out.push(stem);
    const plain = tools.stemUnaccented(w.word);
    if (plain !== stem) out.push(plain);
  }
  return out.join(' ');
}
