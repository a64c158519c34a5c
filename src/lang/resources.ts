// Lazily loaded, memoised per-language resources (see lang/README.md). A
// resource is read from the folder of the document's own language only: an
// unregistered language has no resources (callers check `languageOf(code).supports`).
import { languageOf, isRegistered } from './registry.js';

export { PACKAGE_ROOT, LANG_ROOT, readTsv, readJson, readLines, readValidJson } from './files.js';

/**
 * The language a search query is read in when it names none (stemming of the
 * query words). It is never used to analyse a document of another language.
 */
export const DEFAULT_LANGUAGE = 'fr';

/** Path of a file of lang/<code>/; throws for a language without resources. */
export function langPath(code: string, file: string): string {
  return languageOf(code).file(file);
}

/** Is `code` a registered language with a lang/<code>/ folder? */
export function hasLanguage(code: string): boolean {
  return isRegistered(code);
}

/** Loaded resources by name, then by language code. */
const loaded = new Map<string, Map<string, unknown>>();

/** Memoise a resource per language: `cached('fr', 'tokenizer', () => …)`. Loaded on first use only. */
export function cached<T>(code: string, name: string, load: (code: string) => T): T {
  // Hot path (several calls per document): two map reads, no key string built, no file-system check.
  let byCode = loaded.get(name);
  if (!byCode) loaded.set(name, (byCode = new Map()));
  const seen = byCode.get(code) as T | undefined;
  if (seen !== undefined) return seen;
  if (!isRegistered(code)) throw new Error(`no resources for language "${code}" (${name})`);
  const v = load(code);
  byCode.set(code, v);
  return v;
}
