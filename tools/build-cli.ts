// Bundles the CLI and its worker threads into dist/bundle/ (ES modules, split
// into shared chunks, npm packages left as imports). Loading a few bundled
// files instead of the ~200 small modules tsc writes to dist/ cuts the start-up
// of every process and of every worker thread (docs/speed.md). Chunks are
// written beside the entries: a bundled module's `import.meta.url` is then
// always a file of dist/bundle/, where startWorker() finds the worker entries
// by name. dist/index.js (the library API) stays tsc's output.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

export const BUNDLE_ENTRIES = {
  main: 'src/cli/main.ts',
  // Worker entries keep the base name of their module: startWorker() looks them up by it.
  'analysis-worker': 'src/pipeline/analysis-worker.ts',
  'corpus-views-worker': 'src/server/corpus-views-worker.ts',
};

export async function buildCli(outDir = join(PACKAGE_ROOT, 'dist', 'bundle')): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(BUNDLE_ENTRIES).map(([name, path]) => [name, join(PACKAGE_ROOT, path)])),
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native modules and the PostgreSQL client stay packages; the rest (zod, linkedom and its parsers) is bundled.
    external: ['better-sqlite3', 'pg', 'pg-boss', 'tsx', 'tsx/*'],
    // Bundled CommonJS packages call require(): give ES modules one.
    banner: { js: "import { createRequire as __recoupeRequire } from 'node:module'; const require = __recoupeRequire(import.meta.url);" },
    sourcemap: true,
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildCli(process.argv[2]);
  process.stdout.write(`CLI bundled into ${out}\n`);
}
