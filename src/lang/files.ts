// File formats of lang/<code>/ (no language knowledge here).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { prettifyError } from 'zod';

/**
 * The package root: the nearest folder above this module with package.json and lang/. This
 * module runs from src/lang/ (tsx), dist/lang/ (tsc) or a chunk of the bundle (dist/bundle/),
 * so its depth is not fixed.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lang'))) return dir;
    if (dirname(dir) === dir) return join(from, '..', '..');
  }
}
export const LANG_ROOT = join(PACKAGE_ROOT, 'lang');

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

/** Non-comment lines of a word-list file. */
export function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A JSON file checked against its zod schema: a clear one-line error names the file and the field. */
export function readValidJson<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(readJson<unknown>(path));
  if (!parsed.success) throw new Error(`${path.slice(LANG_ROOT.length + 1)}: ${prettifyError(parsed.error).replace(/\n+/g, '; ')}`);
  return parsed.data;
}
