// Bench: what a fresh analysis thread pays before it runs warm, and which functions V8 compiles most.
//   npm run bench:warmup [-- --articles N] [--passes N] [--top N] [--bin PATH]
// Runs dist/ (`npm run build` first) in a child process: the first N articles of the OrangeSum sample
// (../shared; skipped cleanly when absent) through `work()`, the function a worker thread calls, pass
// after pass. Per pass: the process's CPU, the JavaScript thread's and the rest (V8's background
// threads: the optimising compiler, concurrent GC), read from /proc (Linux). Then, from V8's
// --trace-opt, the optimising compilations per function over all passes, by their summed time
// (wall time on V8's background threads: on a busy machine compare the shares, not the milliseconds).
// A function compiled many times was deoptimised and compiled again: one large function recompiled
// whole each time (findEntities: 7 times, a quarter of all compile time over 500 articles) is worth
// cutting into smaller ones. `--bin` runs another build (a checkout's bin/recoupe.js), for a before/after.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { compileTimes } from './helpers/trace-opt.js';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, passes: { type: 'string' }, top: { type: 'string' }, bin: { type: 'string' } },
});
const SAMPLE = hasShared ? sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl') : '';
if (!hasShared || !existsSync(SAMPLE)) {
  console.log('bench:warmup skipped: ../shared/datasets/orangesum/orangesum_sample2000.jsonl is not present');
  process.exit(0);
}
const root = values.bin ? dirname(dirname(values.bin)) : PACKAGE_ROOT;
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'pipeline', 'analysis-worker.js'))) {
  console.error(`bench:warmup: ${dist} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const articles = Number(values.articles ?? 500);
const passes = Number(values.passes ?? 2);

// The child: the V8 flags bin/recoupe.js sets, then `work()` over the articles, pass after pass.
const child = `
import { readFileSync } from 'node:fs';
const { parseRecord } = await import(${JSON.stringify(join(dist, 'ingest', 'inputs.js'))});
const { work } = await import(${JSON.stringify(join(dist, 'pipeline', 'analysis-worker.js'))});
const { DEFAULT_LAYERS } = await import(${JSON.stringify(join(dist, 'present', 'layers.js'))});
const lines = readFileSync(${JSON.stringify(SAMPLE)}, 'utf8').split('\\n').filter(Boolean).slice(0, ${articles});
const items = lines.map((l, i) => parseRecord('in.jsonl', i + 1, l));
/** CPU ms of this (the JavaScript) thread: utime + stime of /proc/thread-self/stat, in clock ticks of 10 ms. */
const threadMs = () => { try { const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) * 10; } catch { return NaN; } };
for (let pass = 1; pass <= ${passes}; pass++) {
  const cpu = process.cpuUsage(); const js = threadMs();
  for (const item of items) await work({ kind: 'format', item, raw: false, layers: DEFAULT_LAYERS, format: 'jsonl' });
  const u = process.cpuUsage(cpu); const all = (u.user + u.system) / 1000; const main = threadMs() - js;
  console.log('PASS ' + pass + ' ' + all.toFixed(0) + ' ' + main.toFixed(0));
}`;
const flags = process.env.RECOUPE_V8_FLAGS ?? '--max-inlined-bytecode-size-cumulative=300';
const run = spawnSync(process.execPath, [...flags.split(/\s+/).filter(Boolean), '--trace-opt', '--input-type=module', '-e', child], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (run.status !== 0) {
  console.error(`bench:warmup: the child failed (${run.status}): ${run.stderr.trim().slice(-800)}`);
  process.exit(1);
}
console.log(`bench:warmup: ${dist}; ${articles} articles, ${passes} passes in one fresh process; V8 flags ${flags}; load ${loadavg()[0]!.toFixed(2)}`);
for (const m of run.stdout.matchAll(/^PASS (\d+) (\d+) (\S+)$/gm)) {
  const [all, js] = [Number(m[2]), Number(m[3])];
  const rest = Number.isNaN(js) ? '' : `: JavaScript thread ${js} ms, V8 background threads ${all - js} ms`;
  console.log(`  pass ${m[1]}: ${all} ms CPU${rest}`);
}
const compiled = compileTimes(run.stdout);
console.log(`optimising compilations: ${compiled.count} (${compiled.totalMs.toFixed(0)} ms on V8's threads), by function:`);
for (const f of compiled.byFunction.slice(0, Number(values.top ?? 15)))
  console.log(`  ${f.ms.toFixed(0).padStart(6)} ms ${((100 * f.ms) / compiled.totalMs).toFixed(1).padStart(5)} %  ×${f.count}  ${f.name}`);
