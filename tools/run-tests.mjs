#!/usr/bin/env node
// Runs the *.test.ts files under src/ and test/ with node's test runner
// (TypeScript via tsx).
//
//   node tools/run-tests.mjs              the fast suites (`npm test`)
//   node tools/run-tests.mjs --slow       the slow suites (`npm run test:slow`; CI runs both)
//   node tools/run-tests.mjs --all        everything
//   node tools/run-tests.mjs SUBSTRING…   the files whose path holds a substring, fast or slow
//
// Tests that run the CLI start `bin/recoupe.js`, i.e. the compiled dist/, as a
// user does (starting tsx for every call cost ~0.7 s of CPU each): dist/ is
// rebuilt first when a source file is newer than it (CI's `npm ci` has just
// built it, so CI never rebuilds).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Suites that are evaluations or stress runs rather than unit tests: whole
 * gold sets, hostile inputs at size, real servers and browsers. Each takes
 * tens of seconds of CPU on its own; `npm run test:slow` runs them, and so does CI.
 */
const SLOW = [
  'test/fuzz.test.ts', // hostile inputs from 5k characters up through every mode, timed for linearity (~50 s CPU)
  'test/corpus-cli.test.ts', // every corpus report in every format, one CLI process each (~38 s CPU)
  'test/corpus-add.test.ts', // corpus add killed with SIGKILL, then resumed (~18 s CPU)
  'test/watch.test.ts', // the feed watcher's rounds and its loop, against a local site (~26 s CPU)
  'test/queue.test.ts', // PostgreSQL queue workers, one killed mid-batch (~15 s CPU)
  'test/hostile/postgres-restart.test.ts', // starts its own PostgreSQL and restarts it under corpus add, worker and serve (~20 s CPU)
  'test/browser.test.ts', // the web app in chromium
  'test/xss.test.ts', // hostile articles rendered in chromium
  'test/browser-a11y.test.ts', // every page of the web app through axe-core, at 1366 and 390 px
];

function find(dir, out = []) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Newest modification time of the files under `dir` that go into dist/ (tests do not; 0 when absent). */
function newest(dir) {
  let t = 0;
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!e.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Rebuild dist/ (`npm run build`) when src/ or web/ changed after it was built. */
function ensureBuilt() {
  const built = Math.min(mtime(join('dist', 'cli', 'main.js')), mtime(join('dist', 'web', 'index.html')));
  if (built >= Math.max(newest('src'), newest('web'))) return;
  console.error('run-tests: dist/ is older than the sources: npm run build');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const mode = args.includes('--slow') ? 'slow' : args.includes('--all') ? 'all' : 'fast';
const filter = args.filter((a) => !a.startsWith('--'));
const isSlow = (f) => SLOW.some((s) => f.replaceAll('\\', '/').endsWith(s));
let files = [...find('src'), ...find('test')];
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
else if (mode === 'fast') files = files.filter((f) => !isSlow(f));
else if (mode === 'slow') files = files.filter(isSlow);
if (files.length === 0) {
  console.error('run-tests: no test file matches');
  process.exit(1);
}
ensureBuilt();
const concurrency = Math.max(2, availableParallelism());
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
