// Bench: `corpus add` of the 36,150 OrangeSum articles (../shared), then search
// latency, then every `recoupe corpus` report on the result (bench/corpus-commands.ts).
//   npm run bench:corpus [-- --limit N] [--jobs N] [--db FILE] [--quick]
// Prints total time, peak memory (max RSS of the process, workers included),
// time per 1,000 articles at 1k, 10k and the end, the last against the first
// (the baseline of the same run), search latency percentiles, and each
// report's time, first byte and peak memory (--quick: one format per report).
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/corpus/ingest.js';
import { openStore } from '../src/corpus/open.js';
import { expandInputs, type InputItem } from '../src/ingest/inputs.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { CORPUS_COMMANDS, QUICK_COMMANDS, timeCorpusCommands } from './corpus-commands.js';

const { values } = parseArgs({ options: { limit: { type: 'string' }, jobs: { type: 'string' }, db: { type: 'string' }, quick: { type: 'boolean' } } });
const DATASET = sharedPath('datasets', 'orangesum', 'orangesum_articles_full.jsonl.gz');
if (!hasShared) {
  console.log('bench:corpus skipped: ../shared is not present');
  process.exit(0);
}
const limit = values.limit ? Number(values.limit) : Infinity;

/** The dataset through the same input path as `recoupe corpus add FILE.jsonl.gz` (streamed), cut at --limit. */
async function* articles(): AsyncGenerator<InputItem> {
  let n = 0;
  for await (const item of expandInputs([DATASET], async () => new Uint8Array())) {
    if (++n > limit) return;
    yield item;
  }
}

/** Queries a user of a French news corpus would type: single words, several words, inflected forms, phrases. */
const QUERIES = [
  'gouvernement',
  'hôpital',
  'élections municipales',
  'réforme des retraites',
  'grève',
  'police',
  'incendie',
  'coronavirus',
  'Emmanuel Macron',
  'Donald Trump',
  'migrants',
  'attentat',
  'tribunal',
  'condamné',
  "livraisons d'armes",
  'football',
  'climat',
  'manifestants',
  'accident de la route',
  'enquête ouverte',
  '"gilets jaunes"',
  '"selon une source"',
  'Syrie',
  'Mossoul',
  'économie chômage',
  'présidentielle',
  'vaccin',
  'Brexit',
  'député',
  "ministre de l'Intérieur",
];

const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'recoupe-bench-'));
const db = values.db ?? join(dir!, 'bench.db');
const store = await openStore(db);
// Time the single writer spends in transactions (the rest of the main thread is reading and waiting).
let writing = 0;
const addBatch = store.addBatch.bind(store);
store.addBatch = async (docs, judge) => {
  const t = performance.now();
  try {
    return await addBatch(docs, judge);
  } finally {
    writing += performance.now() - t;
  }
};
const marks = new Map<number, number>();
/** CPU seconds (all threads) at the same marks: on a shared machine wall time measures the neighbours too. */
const cpuMarks = new Map<number, number>();
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const checkpoints = [1000, 10_000];
let done = 0;
const started = performance.now();
marks.set(0, started);
const cpuStarted = cpuNow();
cpuMarks.set(0, cpuStarted);
const report = await ingest(store, articles(), {
  jobs: values.jobs ? Number(values.jobs) : undefined,
  onProgress: (n) => {
    for (let k = 0; k < n; k++) {
      done++;
      if (done % 1000 === 0) {
        marks.set(done, performance.now());
        cpuMarks.set(done, cpuNow());
      }
    }
  },
});
const total = (performance.now() - started) / 1000;
const at = (n: number) => ((marks.get(n)! - marks.get(n - 1000)!) / 1000).toFixed(2);
const cpuAt = (n: number) => (cpuMarks.get(n)! - cpuMarks.get(n - 1000)!).toFixed(2);
const cpuTotal = cpuNow() - cpuStarted;
const last = Math.floor(done / 1000) * 1000;

console.log(
  `corpus add: ${done} articles (${report.added} added, ${report.duplicates} duplicate texts, ${report.failed} failed, ${report.nearDuplicates} near-duplicate links) in ${total.toFixed(1)} s (${(done / total).toFixed(0)} articles/s)`,
);
console.log(
  `CPU time (all threads): ${cpuTotal.toFixed(1)} s, i.e. ≥ ${(cpuTotal / availableParallelism()).toFixed(1)} s of wall time on ${availableParallelism()} idle cores; load average at the end: ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`writer busy: ${(writing / 1000).toFixed(1)} s of ${total.toFixed(1)} s`);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
const points = [...checkpoints.filter((c) => c < last), last].filter((c) => c >= 1000);
for (const c of points) console.log(`time per 1,000 articles at ${c}: ${at(c)} s wall, ${cpuAt(c)} s CPU`);
if (points.length > 1)
  console.log(
    `last / first: ${(Number(at(last)) / Number(at(1000))).toFixed(2)} wall, ${(Number(cpuAt(last)) / Number(cpuAt(1000))).toFixed(2)} CPU (goal ≤ 1.3)`,
  );

// Search: every query 5 times, first page (20 hits) as the web app asks for it.
const times: number[] = [];
const cpuTimes: number[] = [];
let hits = 0;
for (let round = 0; round < 5; round++)
  for (const text of QUERIES) {
    const t = performance.now();
    const c = cpuNow();
    for await (const _ of store.search({ text, limit: 20 })) hits++;
    times.push(performance.now() - t);
    cpuTimes.push((cpuNow() - c) * 1000);
  }
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(1);
console.log(
  `search (${QUERIES.length} queries × 5, first 20 hits, ${hits} hits): wall p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms, max ${pct(times, 100)} ms; ` +
    `CPU p95 ${pct(cpuTimes, 95)} ms (goal p95 ≤ 50 ms)`,
);
const stats = await store.stats();
console.log(
  `corpus: ${stats.documents} documents, ${stats.claims + stats.candidateClaims} claims (${stats.candidateClaims} candidate sentences), ${stats.nearDuplicates} near-duplicate links`,
);
await store.close();
try {
  await timeCorpusCommands(db, values.quick ? QUICK_COMMANDS : CORPUS_COMMANDS);
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
