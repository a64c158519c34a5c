// Loads the per-language data under lang/<code>/ (see lang/README.md).
// The code here is language-neutral: it only knows file formats.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root (one level above src/ and dist/). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LANG_ROOT = join(PACKAGE_ROOT, 'lang');

/** Languages with a resource folder; others fall back to DEFAULT_LANGUAGE. */
export const DEFAULT_LANGUAGE = 'fr';

export function langPath(code: string, file: string): string {
  return join(LANG_ROOT, code, file);
}

export function hasLanguage(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && existsSync(join(LANG_ROOT, code));
}

/** Rows of a TSV file: `#` lines and blank lines skipped, cells split on tabs. */
export function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const cache = new Map<string, unknown>();

/** Memoise a resource per language: `cached('fr', 'tokenizer', () => …)`. */
export function cached<T>(code: string, name: string, load: (code: string) => T): T {
  // Hot path: the requested code was seen before (no file-system check per call).
  const seen = cache.get(`?${code}/${name}`) as T | undefined;
  if (seen !== undefined) return seen;
  const lang = hasLanguage(code) ? code : DEFAULT_LANGUAGE;
  const key = `${lang}/${name}`;
  let v = cache.get(key) as T | undefined;
  if (v === undefined) {
    v = load(lang);
    cache.set(key, v);
  }
  cache.set(`?${code}/${name}`, v);
  return v;
}
