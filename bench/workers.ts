// Bench: many `recoupe worker` processes on one PostgreSQL corpus.
//   npm run bench:workers [-- --articles N] [--workers 1,2,4] [--kill-articles N]
// For each worker count: a fresh database, N OrangeSum articles (../shared)
// queued, that many worker processes (one analysis thread each) started, and
// the time until the queue is empty. Prints articles/s, the speed-up against
// 1 worker measured in the same run, and checks that every run stored the same
// thing. Then a crash run with 4 workers on --kill-articles articles (default
// N): one worker is killed with SIGKILL at a third of the way, and the counts
// afterwards must show nothing lost (every input stored) and nothing
// duplicated (same documents and layers as the clean 1-worker reference).
// Needs a server: RECOUPE_TEST_PG (see .ci/postgres.sh), or --server URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { BANDS } from '../src/corpus/minhash.js';
import { openStore } from '../src/corpus/open.js';
import { expandInputs } from '../src/ingest/inputs.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { failedJobs, queueCounts } from '../src/queue/status.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';

const { values } = parseArgs({
  options: { articles: { type: 'string' }, workers: { type: 'string' }, 'kill-articles': { type: 'string' }, server: { type: 'string' } },
});
const server = values.server ?? process.env.RECOUPE_TEST_PG;
if (!hasShared || !server) {
  console.log(`bench:workers skipped: ${hasShared ? 'no PostgreSQL server (set RECOUPE_TEST_PG or pass --server URL)' : '../shared is not present'}`);
  process.exit(0);
}
const DATASET = sharedPath('datasets', 'orangesum', 'orangesum_articles_full.jsonl.gz');
const articles = Number(values.articles ?? 2000);
const killArticles = Number(values['kill-articles'] ?? articles);
const workerCounts = (values.workers ?? '1,2,4').split(',').map(Number);
/** Jobs of a killed worker come back after this long (the CLI default is 300 s; a bench need not wait that). */
const EXPIRE_SECONDS = 60;

const tmp = mkdtempSync(join(tmpdir(), 'recoupe-bench-workers-'));

/** The first n OrangeSum rows as a JSONL file (read by `corpus add` as any user's dump would be). */
async function subset(n: number): Promise<string> {
  const file = join(tmp, `orangesum-${n}.jsonl`);
  const out = createWriteStream(file);
  const lines = createInterface({ input: createReadStream(DATASET).pipe(createGunzip()), crlfDelay: Infinity });
  let i = 0;
  for await (const line of lines) {
    if (i++ >= n) break;
    if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  lines.close();
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

const databases = new Set<string>();

async function freshDatabase(name: string): Promise<string> {
  databases.add(name);
  await sql(server!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(server!, `CREATE DATABASE ${name}`);
  const u = new URL(server!);
  u.pathname = `/${name}`;
  return u.toString();
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/bin.ts'), 'worker', '--db', url, '--jobs', '1', '--exit-when-done'], {
    stdio: 'ignore',
  });
}

interface Layers {
  documents: number;
  inputs: number;
  entities: number;
  attributions: number;
  claims: number;
  lsh: number;
}

async function layers(url: string): Promise<Layers> {
  const [r] = await sql<Record<keyof Layers, string>>(
    url,
    `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM inputs) AS inputs, (SELECT count(*) FROM entities) AS entities,
       (SELECT count(*) FROM attributions) AS attributions, (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM lsh_buckets) AS lsh`,
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as unknown as Layers;
}

interface Run {
  workers: number;
  seconds: number;
  /** From the first stored document to the last: the rate once every process has started. */
  steadyRate: number;
  layers: Layers;
  failed: number;
  killedAt: number | null;
  /** CPU seconds the worker processes used (all their threads), last seen before they exited. */
  cpuSeconds: number;
}

/** utime + stime of a process from /proc (Linux), in seconds; null once it is gone. */
function cpuOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

async function run(file: string, n: number, workers: number, kill: boolean): Promise<Run> {
  const url = await freshDatabase(`recoupe_bench_w${workers}${kill ? '_kill' : ''}`);
  const store = await openStore(url);
  const enqueued = await enqueueInputs(
    url,
    store,
    expandInputs([file], async () => new Uint8Array()),
    { policy: { expireInSeconds: EXPIRE_SECONDS } },
  );
  await store.close();
  if (enqueued.queued !== n) throw new Error(`queued ${enqueued.queued} of ${n}`);
  const started = Date.now();
  const procs = Array.from({ length: workers }, () => startWorker(url));
  const cpu = procs.map(() => 0);
  const exited = procs.map((p) => new Promise<void>((resolve) => p.once('exit', () => resolve())));
  let firstAt = 0;
  let lastCount = 0;
  let lastAt = started;
  let killedAt: number | null = null;
  let done = false;
  void Promise.all(exited).then(() => (done = true));
  while (!done) {
    await sleep(500);
    procs.forEach((p, i) => (cpu[i] = cpuOf(p.pid) ?? cpu[i]!));
    const [{ n: stored }] = (await sql<{ n: string }>(url, 'SELECT count(*) AS n FROM documents')) as [{ n: string }];
    const count = Number(stored);
    if (count > 0 && !firstAt) firstAt = Date.now();
    if (count > lastCount) [lastCount, lastAt] = [count, Date.now()];
    if (kill && killedAt === null && count >= n / 3) {
      procs[0]!.kill('SIGKILL');
      killedAt = count;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const failed = (await failedJobs(url)).length;
  const counts = await queueCounts(url);
  if (counts.created + counts.retry + counts.active > 0) throw new Error(`jobs left in the queue: ${JSON.stringify(counts)}`);
  return {
    workers,
    seconds,
    steadyRate: lastCount / Math.max(0.001, (lastAt - firstAt) / 1000),
    layers: await layers(url),
    failed,
    killedAt,
    cpuSeconds: cpu.reduce((a, b) => a + b, 0),
  };
}

const same = (a: Layers, b: Layers) => JSON.stringify(a) === JSON.stringify(b);

try {
  console.log(`bench:workers — ${articles} OrangeSum articles, worker processes with 1 analysis thread each, PostgreSQL at ${new URL(server).host}`);
  const file = await subset(Math.max(articles, killArticles));
  const small = articles === killArticles ? file : await subset(articles);
  const runs: Run[] = [];
  for (const w of workerCounts) {
    const r = await run(small, articles, w, false);
    runs.push(r);
    const base = runs[0]!;
    console.log(
      `${w} worker(s): ${r.seconds.toFixed(1)} s wall, ${(articles / r.seconds).toFixed(1)} articles/s overall (×${(base.seconds / r.seconds).toFixed(2)} vs ${base.workers}), ` +
        `${r.steadyRate.toFixed(1)} articles/s steady (×${(r.steadyRate / base.steadyRate).toFixed(2)}); ${r.layers.documents} documents, ${r.failed} failed jobs; ` +
        `workers used ${r.cpuSeconds.toFixed(0)} CPU s (${((1000 * r.cpuSeconds) / articles).toFixed(0)} ms per article, start-up included)`,
    );
  }
  const reference = runs[0]!.layers;
  const consistent = runs.every((r) => same(r.layers, reference));
  console.log(`every run stored the same documents and layers: ${consistent ? 'yes' : 'NO'} ${JSON.stringify(reference)}`);

  const crash = await run(file, killArticles, 4, true);
  console.log(
    `load average while it ran: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const lost = killArticles - crash.layers.inputs - crash.failed;
  console.log(
    `crash run: 4 workers on ${killArticles} articles, one killed with SIGKILL at ${crash.killedAt} stored; ${crash.seconds.toFixed(1)} s wall ` +
      `(includes the ${EXPIRE_SECONDS} s expiry of the killed worker's jobs); ${JSON.stringify(crash.layers)}`,
  );
  const halfWritten = crash.layers.lsh !== BANDS * crash.layers.documents; // every stored document has all its LSH bands
  // The clean runs are the reference when they had the same articles.
  const comparable = killArticles === articles;
  const matchesReference = !comparable || same(crash.layers, reference);
  console.log(
    `inputs lost: ${lost}; failed jobs: ${crash.failed}; half-written documents: ${halfWritten ? 'SOME' : 'none'}; ` +
      `same documents and layers as the clean runs: ${comparable ? (matchesReference ? 'yes' : 'NO') : 'not compared (another number of articles)'}`,
  );
  if (!consistent || lost !== 0 || halfWritten || !matchesReference) process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
  for (const name of databases) await sql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
