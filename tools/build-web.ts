// Builds the web app into dist/web (or the folder given): web/src/main.ts
// bundled by esbuild (cytoscape in its own chunk, loaded by the graph page),
// the static files of web/static, and highlight.css from src/present/html-style.ts.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { HIGHLIGHT_CSS } from '../src/present/html-style.js';

export async function buildWeb(outDir = join(PACKAGE_ROOT, 'dist', 'web')): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { app: join(PACKAGE_ROOT, 'web', 'src', 'main.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  cpSync(join(PACKAGE_ROOT, 'web', 'static'), outDir, { recursive: true });
  writeFileSync(join(outDir, 'highlight.css'), HIGHLIGHT_CSS + '\n');
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildWeb(process.argv[2]);
  process.stdout.write(`web app built into ${out}\n`);
}
