// A cache of built knowledge bases on disk. Building one (25k places, the
// actors, the name lexicons: every alias normalised, every name tokenized)
// costs about 0.45 s of CPU per language, in every process and every worker
// thread; reading it back from a V8-serialised snapshot costs a few ms. The
// cache file is named by a hash of everything the build reads (kb/, the
// language's lang/<code>/ folder, the user's RECOUPE_KB file) and of the code
// that builds it, so an edited file or a new version builds afresh. Files are
// written whole under a temporary name and renamed; a cache that cannot be
// read or written is ignored (the knowledge base is built as before).
//   RECOUPE_CACHE_DIR   where (default node_modules/.cache/recoupe in the package's folder, the usual
//                       home of tool caches, one per checkout; else <os tmpdir>/recoupe-cache)
//   RECOUPE_CACHE=0     no cache
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { PACKAGE_ROOT } from '../lang/files.js';

/** The modules whose code decides what a build produces (aliases, token forms, gazetteer keys). */
const CODE = [
  'kb/kb',
  'kb/normalise',
  'annotate/entities/gazetteer',
  'annotate/tokens',
  'annotate/char-class',
  'lang/tokenizer-data',
  'lang/resources',
  'lang/registry',
  'text/fold',
];

function cacheDir(env: NodeJS.ProcessEnv): string | null {
  if (env.RECOUPE_CACHE === '0') return null;
  if (env.RECOUPE_CACHE_DIR) return env.RECOUPE_CACHE_DIR;
  const modules = join(PACKAGE_ROOT, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'recoupe') : join(tmpdir(), 'recoupe-cache');
}

/** Files of a folder (not recursive), sorted; none when it does not exist. */
function filesOf(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(dir, d.name))
      .sort();
  } catch {
    return [];
  }
}

/** Adds the code that builds to the hash. */
function hashCode(h: ReturnType<typeof createHash>): void {
  const here = fileURLToPath(import.meta.url);
  // Run from the CLI bundle (dist/bundle/): esbuild names every chunk by a hash of its content, so the names of the
  // bundle's chunks, with its small entry files, change whenever any bundled code does, whatever tsc left in dist/.
  if (basename(dirname(here)) === 'bundle') {
    for (const path of filesOf(dirname(here)).filter((p) => p.endsWith('.js'))) {
      const name = basename(path);
      h.update(name).update('\0');
      if (!name.startsWith('chunk-')) h.update(readFileSync(path));
    }
    return;
  }
  // Run from source (src/*.ts) or from tsc's dist/*.js: the modules the build runs, listed in CODE.
  const fromSource = here.endsWith('.ts');
  hashFiles(
    h,
    CODE.map((m) => join(PACKAGE_ROOT, fromSource ? 'src' : 'dist', `${m}${fromSource ? '.ts' : '.js'}`)),
  );
}

function hashFiles(h: ReturnType<typeof createHash>, paths: string[]): void {
  for (const path of paths) {
    h.update(path).update('\0');
    try {
      h.update(readFileSync(path));
    } catch {
      h.update('(missing)');
    }
    h.update('\0');
  }
}

/** sha256 over the paths and contents of the inputs, the code and the node version (V8's format). */
function stamp(inputs: string[]): string {
  const h = createHash('sha256').update(process.version);
  hashCode(h);
  hashFiles(h, inputs);
  return h.digest('hex').slice(0, 32);
}

/**
 * `build()`'s value, from the cache when the same inputs built it before.
 * `inputs`: the folders (every file in them) and files the build reads.
 */
export function cachedSnapshot<T>(name: string, inputs: { dirs: string[]; files: string[] }, build: () => T, env = process.env): T {
  const dir = cacheDir(env);
  if (!dir) return build();
  const path = join(dir, `${name}-${stamp([...inputs.dirs.flatMap(filesOf), ...inputs.files])}.v8`);
  try {
    return deserialize(readFileSync(path)) as T;
  } catch {
    // Not cached yet (or unreadable): built below.
  }
  const value = build();
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temporary, serialize(value));
    renameSync(temporary, path);
    // Older builds of the same name (an edited file, another version) are removed: the folder does not grow.
    for (const old of filesOf(dir)) if (old !== path && old.startsWith(join(dir, `${name}-`)) && old.endsWith('.v8')) rmSync(old, { force: true });
  } catch {
    // A read-only or full disk: no cache, same result.
  }
  return value;
}
