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

/** Loaded resources by name, then by the language folder they came from. */
const loaded = new Map<string, Map<string, unknown>>();
/** The same by name, then by the requested code (which may have fallen back to the default language). */
const requested = new Map<string, Map<string, unknown>>();

function table(tables: Map<string, Map<string, unknown>>, name: string): Map<string, unknown> {
  let t = tables.get(name);
  if (!t) tables.set(name, (t = new Map()));
  return t;
}

/** Memoise a resource per language: `cached('fr', 'tokenizer', () => …)`. */
export function cached<T>(code: string, name: string, load: (code: string) => T): T {
  // Hot path (several calls per document): two map reads, no key string built, no file-system check.
  const byCode = table(requested, name);
  const seen = byCode.get(code) as T | undefined;
  if (seen !== undefined) return seen;
  const lang = hasLanguage(code) ? code : DEFAULT_LANGUAGE;
  const byLang = table(loaded, name);
  let v = byLang.get(lang) as T | undefined;
  if (v === undefined) {
    v = load(lang);
    byLang.set(lang, v);
  }
  byCode.set(code, v);
  return v;
}
