// The page-layout stage sits below cleaning and metadata: src/layout imports
// neither, and src/clean and src/meta never import each other (they both read
// the labelled blocks of src/layout). The annotation layers sit below the
// corpus: src/annotate and the helpers it shares (src/lang, src/text) never
// import src/corpus or anything above it. Checked by scanning import statements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The top folder under src/ of every relative module a file imports (static, dynamic and type imports). */
export function importedFolders(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = relative(SRC, resolve(dirname(file), m[1]!));
    out.push(target.split(/[\\/]/)[0]!);
  }
  return out;
}

/** "file imports src/folder" for every non-test file of a folder that imports a folder forbidden to it. */
function violations(rules: Record<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [folder, forbidden] of Object.entries(rules)) {
    for (const f of files(join(SRC, folder))) {
      if (f.endsWith('.test.ts')) continue;
      for (const target of importedFolders(f)) if (forbidden.includes(target)) bad.push(`${relative(SRC, f)} imports src/${target}`);
    }
  }
  return bad;
}

const FORBIDDEN: Record<string, string[]> = { layout: ['clean', 'meta', 'pipeline'], clean: ['meta', 'pipeline'], meta: ['clean', 'pipeline'] };

test('layout, clean and meta: no import between clean and meta, none from layout upwards', () => {
  assert.deepEqual(violations(FORBIDDEN), []);
});

/** The folders above the annotation layers: the corpus store, and the servers and commands built on it. */
const ABOVE_ANNOTATE = ['corpus', 'server', 'cli', 'queue', 'present'];
const LAYERS_FORBIDDEN: Record<string, string[]> = {
  annotate: ABOVE_ANNOTATE,
  lang: ['annotate', 'pipeline', ...ABOVE_ANNOTATE],
  text: ['annotate', 'lang', 'pipeline', ...ABOVE_ANNOTATE],
};

test('annotate, lang and text never import the corpus layer or anything above it', () => {
  assert.deepEqual(violations(LAYERS_FORBIDDEN), []);
});

test('layout imports: the scanner sees every import form', () => {
  const probe = join(SRC, 'layout', 'index.ts');
  assert.ok(importedFolders(probe).includes('layout'));
  assert.ok(importedFolders(probe).includes('doc'));
});
