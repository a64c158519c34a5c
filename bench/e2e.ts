// Bench: speed as a user measures it, end to end, beside Intl.Segmenter.
//   npm run bench:e2e [-- --articles N] [--only analyze,corpus,server] [--duration S] [--connections N] [--args "…"] [--bin PATH]
// Over the 2,000-article OrangeSum sample (../shared; skipped cleanly when
// absent) written as one JSONL file:
//   - `recoupe analyze in.jsonl > out.jsonl`: the built CLI (node bin/recoupe.js)
//     as a process, start-up and the output file included;
//   - `recoupe corpus add in.jsonl --db fresh.sqlite`;
//   - `POST /api/analyze` on `recoupe serve` (127.0.0.1), N concurrent clients
//     (autocannon) sending ~1,000-word articles built from the same texts: p50/p99.
// Each figure is printed beside Intl.Segmenter word segmentation of the same
// texts, timed in this process in the same run (before and after each
// measurement; the faster of the two is kept, so a busy neighbour cannot
// flatter the ratio), with the load average at that moment: the machine is
// shared, ratios within one run are the figures to compare.
// Runs dist/: `npm run build` first. `--bin` runs another build's bin/recoupe.js
// (e.g. a checkout of an older commit, for a before/after under the same load).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { startServer } from './helpers/serve.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    only: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    words: { type: 'string' },
    args: { type: 'string' },
    bin: { type: 'string' },
  },
});
const SAMPLE = hasShared ? sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl') : '';
if (!hasShared || !existsSync(SAMPLE)) {
  console.log('bench:e2e skipped: ../shared/datasets/orangesum/orangesum_sample2000.jsonl is not present');
  process.exit(0);
}
const BIN = values.bin ?? join(PACKAGE_ROOT, 'bin', 'recoupe.js');
if (!existsSync(join(BIN, '..', '..', 'dist', 'cli', 'bin.js'))) {
  console.error('bench:e2e: dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const only = new Set((values.only ?? 'analyze,corpus,server').split(','));
const extraArgs = values.args ? values.args.split(/\s+/).filter(Boolean) : [];
const duration = Number(values.duration ?? 20);
const connections = Number(values.connections ?? 20);
const wordsPerArticle = Number(values.words ?? 1000);

const lines = readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const chosen = lines.slice(0, Number(values.articles ?? lines.length));
const texts = chosen.map((l) => String((JSON.parse(l) as { body?: string }).body ?? ''));
const tmp = mkdtempSync(join(tmpdir(), 'recoupe-bench-e2e-'));
const input = join(tmp, 'in.jsonl');
writeFileSync(input, chosen.join('\n') + '\n');

const segmenter = new Intl.Segmenter('fr', { granularity: 'word' });
function countWords(t: string): number {
  let n = 0;
  for (const s of segmenter.segment(t)) if (s.isWordLike) n++;
  return n;
}
/** Offset just after the n-th word of `t`, or null when it has fewer words. */
function endOfWord(t: string, n: number): number | null {
  let i = 0;
  for (const s of segmenter.segment(t)) if (s.isWordLike && ++i === n) return s.index + s.segment.length;
  return null;
}
const words = texts.reduce((n, t) => n + countWords(t), 0);

/** Intl.Segmenter over the same texts: words/s (median of 3 passes). */
function segmenterRate(): number {
  const rates: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    let n = 0;
    for (const text of texts) for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
    rates.push(n / ((performance.now() - t) / 1000));
  }
  return rates.sort((a, b) => a - b)[1]!;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const k = (x: number) => `${(x / 1000).toFixed(1)}k`;

/** Preloaded into the child: prints its CPU time (µs, all threads) and max RSS (KiB) on stderr as it exits. */
const REPORT_USAGE =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

interface Run {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  stderr: string;
}

/** `node bin/recoupe.js ARGS` with stdout to `outFile` (or discarded). */
async function runCli(args: string[], outFile: string | null): Promise<Run> {
  const fd = outFile ? openSync(outFile, 'w') : 'ignore';
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_USAGE, BIN, ...args], { stdio: ['ignore', fd, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (stderr = (stderr + s).slice(-20000)));
  const [code] = (await once(child, 'close')) as [number];
  const seconds = (performance.now() - started) / 1000;
  if (typeof fd === 'number') closeSync(fd);
  const m = /maxrss (\d+) cpu (\d+)/.exec(stderr);
  if (!m) throw new Error(`recoupe ${args.join(' ')} failed (${code}): ${stderr.trim().slice(-500)}`);
  if (code !== 0) console.log(`  (exit code ${code}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')})`);
  return { seconds, cpuSeconds: Number(m[2]) / 1e6, maxRssMb: Number(m[1]) / 1024, stderr };
}

function report(name: string, run: Run, before: number, after: number, extra = ''): void {
  const seg = Math.max(before, after);
  const rate = words / run.seconds;
  console.log(`${name}`);
  console.log(`  wall ${run.seconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(2)} s, max RSS ${run.maxRssMb.toFixed(0)} MB${extra}`);
  console.log(
    `  ${k(rate)} words/s wall; Intl.Segmenter same run ${k(seg)} words/s (before ${k(before)}, after ${k(after)}): ratio ${(rate / seg).toFixed(2)}; load ${load()}`,
  );
}

console.log(
  `bench:e2e: ${BIN}; ${chosen.length} OrangeSum articles, ${words} words (Intl.Segmenter isWordLike), ${(statSync(input).size / 1e6).toFixed(1)} MB JSONL; ${availableParallelism()} cores; node ${process.version}; load ${load()}`,
);
segmenterRate(); // warm-up

if (only.has('analyze')) {
  const out = join(tmp, 'out.jsonl');
  const before = segmenterRate();
  const run = await runCli(['analyze', input, ...extraArgs], out);
  const after = segmenterRate();
  report(
    `recoupe analyze in.jsonl ${extraArgs.join(' ')} > out.jsonl`.replace(/ +/g, ' '),
    run,
    before,
    after,
    `, output ${(statSync(out).size / 1e6).toFixed(1)} MB`,
  );
  rmSync(out);
}

if (only.has('corpus')) {
  const db = join(tmp, 'corpus.sqlite');
  const before = segmenterRate();
  const run = await runCli(['corpus', 'add', input, '--db', db], null);
  const after = segmenterRate();
  const summary = run.stderr.split('\n').find((l) => l.includes(' added, ')) ?? '';
  report('recoupe corpus add in.jsonl --db fresh.sqlite', run, before, after, `, ${(statSync(db).size / 1e6).toFixed(1)} MB database\n  ${summary.trim()}`);
}

if (only.has('server')) {
  // ~1,000-word articles: consecutive sample texts joined, cut after the sentence
  // holding the 1,000th word.
  const bodies: string[] = [];
  let parts: string[] = [];
  for (const t of texts) {
    parts.push(t);
    const joined = parts.join('\n\n');
    const end = endOfWord(joined, wordsPerArticle);
    if (end === null) continue;
    const stop = /[.!?»]\s/g;
    stop.lastIndex = end;
    const m = stop.exec(joined);
    bodies.push(joined.slice(0, m ? m.index + 1 : joined.length));
    parts = [];
    if (bodies.length >= 200) break;
  }
  const bodyWords = bodies.reduce((s, b) => s + countWords(b), 0) / bodies.length;
  const { url, server } = await startServer([BIN]);
  const post = (text: string) => ({
    method: 'POST' as const,
    path: '/api/analyze',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  // Warm the workers (module loading) before measuring.
  await Promise.all(bodies.slice(0, 8).map((b) => fetch(url + '/api/analyze', { ...post(b) })));
  const before = segmenterRate();
  const result = await autocannon({ url, connections, duration, requests: bodies.map(post) });
  const after = segmenterRate();
  server.kill('SIGTERM');
  await once(server, 'exit');
  const seg = Math.max(before, after);
  const rate = (result['2xx'] * bodyWords) / duration;
  console.log(
    `POST /api/analyze: recoupe serve on 127.0.0.1, ${connections} clients, ${duration} s, ${bodies.length} articles of ~${bodyWords.toFixed(0)} words in turn`,
  );
  console.log(
    `  requests ${result.requests.total} (${(result.requests.total / duration).toFixed(1)}/s); 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(`  latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  console.log(
    `  ${k(rate)} words/s served; Intl.Segmenter same run ${k(seg)} words/s (before ${k(before)}, after ${k(after)}): ratio ${(rate / seg).toFixed(2)}; load ${load()}`,
  );
}

rmSync(tmp, { recursive: true, force: true });
