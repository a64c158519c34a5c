// `recoupe worker`: take article jobs from the queue, analyse them on this
// machine's cores, store them in the shared corpus. Any number of workers on
// any number of machines share one queue (pg-boss hands each job to one worker,
// FOR UPDATE SKIP LOCKED). A job is completed only after its document is
// committed; a worker that dies leaves its jobs active until they expire and
// are retried, and storage by content hash makes the replay harmless. A job
// that keeps failing is parked in pg-boss's `failed` state with its error.
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { AnalysisPool, prepareResult } from '../pipeline/analysis-pool.js';
import { judgeNearDuplicates } from '../corpus/minhash.js';
import { openStore } from '../corpus/open.js';
import { ConnectionLostError, reconnectPolicy, withReconnect } from '../corpus/pg-reconnect.js';
import type { CorpusStore, PreparedDocument } from '../corpus/store.js';
import { startBoss } from './boss.js';
import { fromJob, jobWhere, QUEUE, type ArticleJob } from './jobs.js';

export interface WorkerOptions {
  /** Analysis threads (default: one per core). */
  threads?: number;
  /** Jobs taken from the queue at once (they are stored in one transaction). */
  batchSize?: number;
  raw?: boolean;
  /** Milliseconds one document's analysis may take; one over it is a failed job (default: no limit). */
  budgetMs?: number;
  /** Stop when no job is queued, waiting for a retry or active anywhere (default: wait for more). */
  exitWhenDone?: boolean;
  pollSeconds?: number;
  /** How often this worker may run the queue maintenance that expires the jobs of dead workers. */
  maintenanceSeconds?: number;
  signal?: AbortSignal;
  /** Called after each batch with the number of jobs it finished (stored, skipped or failed). */
  onProgress?: (n: number) => void;
  onError?: (where: string, reason: string) => void;
}

export interface WorkerReport {
  added: number;
  /** Analysed, but the same text was already stored (another input, or a replay). */
  duplicates: number;
  /** Jobs whose input was already stored: completed without analysis. */
  alreadyStored: number;
  /** Jobs failed (retried later by pg-boss while attempts remain). */
  failed: number;
}

type Job = PgBoss.Job<ArticleJob>;

/** A job's input key; jobs are written by other processes, so nothing in them is trusted to be well-formed. */
const keyOf = (j: Job): string | null => (typeof j.data?.key === 'string' ? j.data.key : null);

export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerReport> {
  const report: WorkerReport = { added: 0, duplicates: 0, alreadyStored: 0, failed: 0 };
  const store = await openStore(url);
  let boss: PgBoss | undefined;
  let pool: AnalysisPool | undefined;
  try {
    boss = await startBoss(url, {
      supervise: true,
      maintenanceSeconds: options.maintenanceSeconds,
      onError: (e) => options.onError?.('queue maintenance', e.message),
    });
    pool = new AnalysisPool({ size: options.threads ?? availableParallelism(), budgetMs: options.budgetMs, depth: 2 });
    const batchSize = options.batchSize ?? 8 * pool.size;
    const pollMs = (options.pollSeconds ?? 2) * 1000;
    // pg-boss's calls go through its own connections: each is retried through a server restart like the store's.
    const queue = queueCalls(boss);
    const ctx: Context = { store, queue, pool, report, options };
    // Two batches in flight: this one is analysed on the threads while the previous one is written on this thread.
    let writing: Promise<void> = Promise.resolve();
    while (!options.signal?.aborted) {
      const jobs = await queue.fetch(batchSize);
      if (jobs.length > 0) {
        const batch = await analyseBatch(jobs, ctx);
        await writing;
        writing = writeBatch(batch, ctx);
        writing.catch(() => {}); // awaited on the next turn; this only keeps it from counting as unhandled meanwhile
        continue;
      }
      await writing;
      if (options.exitWhenDone && (await queue.pending()) === 0) break;
      await sleep(pollMs, undefined, { signal: options.signal }).catch(() => {});
    }
    await writing;
  } finally {
    await pool?.close();
    await boss?.stop({ graceful: false, close: true, wait: true });
    await store.close();
  }
  return report;
}

/** The queue operations the worker makes, each retried while the connection is lost or refused. */
function queueCalls(boss: PgBoss) {
  const policy = reconnectPolicy();
  const retried = <T>(op: () => Promise<T>) => withReconnect('job queue', op, policy);
  return {
    fetch: (batchSize: number) => retried(() => boss.fetch<ArticleJob>(QUEUE, { batchSize })),
    pending: () => retried(() => boss.getQueueSize(QUEUE, { before: 'completed' })),
    complete: (ids: string[]) => retried(() => boss.complete(QUEUE, ids)),
    fail: (id: string, data: object) => retried(() => boss.fail(QUEUE, id, data)),
  };
}

interface Context {
  store: CorpusStore;
  queue: ReturnType<typeof queueCalls>;
  pool: AnalysisPool;
  report: WorkerReport;
  options: WorkerOptions;
}

interface AnalysedBatch {
  jobs: Job[];
  /** Jobs finished without writing anything (input already stored). */
  done: string[];
  docs: { job: Job; doc: PreparedDocument }[];
  failures: { job: Job; reason: string }[];
}

async function analyseBatch(jobs: Job[], ctx: Context): Promise<AnalysedBatch> {
  const stored = await ctx.store.hasInputs(jobs.flatMap((j) => keyOf(j) ?? []));
  const batch: AnalysedBatch = { jobs, done: [], docs: [], failures: [] };
  const todo: Job[] = [];
  for (const j of jobs) {
    const key = keyOf(j);
    if (key && stored.has(key)) {
      batch.done.push(j.id);
      ctx.report.alreadyStored++;
    } else todo.push(j);
  }
  const results = await analyse(todo, ctx.pool, ctx.options.raw ?? false);
  todo.forEach((job, i) => {
    const r = results[i]!;
    if (r.ok) batch.docs.push({ job, doc: r.doc });
    else batch.failures.push({ job, reason: r.reason });
  });
  return batch;
}

/** Store, then complete: a job is done only once its document is committed. */
async function writeBatch(batch: AnalysedBatch, ctx: Context): Promise<void> {
  const { queue, report } = ctx;
  const { done, failures } = batch;
  for (const part of await storeAll(ctx.store, batch.docs)) {
    if ('error' in part) failures.push(...part.jobs.map((job) => ({ job, reason: `storage failed: ${part.error}` })));
    else {
      done.push(...part.jobs.map((j) => j.id));
      report.added += part.added;
      report.duplicates += part.skipped;
    }
  }
  if (done.length) await queue.complete(done);
  for (const f of failures) {
    report.failed++;
    ctx.options.onError?.(jobWhere(f.job.data), f.reason);
    await queue.fail(f.job.id, { message: f.reason, input: jobWhere(f.job.data) });
  }
  ctx.options.onProgress?.(batch.jobs.length);
}

type Analysed = ReturnType<typeof prepareResult>;

/** Analyse the jobs on the pool's threads, in parallel; a malformed job is a failure, not a crash. */
async function analyse(jobs: Job[], pool: AnalysisPool, raw: boolean): Promise<Analysed[]> {
  return Promise.all(
    jobs.map(async (j): Promise<Analysed> => {
      let item: ReturnType<typeof fromJob>;
      try {
        item = fromJob(j.data);
      } catch (e) {
        return { ok: false, path: String(j.id), reason: `malformed job: ${(e as Error).message}` };
      }
      if (item.kind === 'error') return { ok: false, path: item.error.path, reason: item.error.reason };
      return prepareResult(await pool.analyze({ kind: 'prepare', item, key: keyOf(j), raw }, jobWhere(j.data)));
    }),
  );
}

type StoredPart = { jobs: Job[]; added: number; skipped: number } | { jobs: Job[]; error: string };

/**
 * Store the batch in one transaction; if that fails, store the documents one
 * by one, so that one document the database refuses fails alone instead of
 * taking its batch-mates down with it at every retry.
 */
async function storeAll(store: CorpusStore, docs: { job: Job; doc: PreparedDocument }[]): Promise<StoredPart[]> {
  if (docs.length === 0) return [];
  const attempt = async (part: typeof docs): Promise<StoredPart> => {
    const jobs = part.map((d) => d.job);
    try {
      const r = await store.addBatch(
        part.map((d) => d.doc),
        judgeNearDuplicates,
      );
      return { jobs, added: r.added.length, skipped: r.skipped };
    } catch (e) {
      // The server stayed unreachable: the worker stops (its jobs expire and are retried), nothing is marked failed.
      if (e instanceof ConnectionLostError) throw e;
      return { jobs, error: (e as Error).message };
    }
  };
  const whole = await attempt(docs);
  if (!('error' in whole) || docs.length === 1) return [whole];
  const parts: StoredPart[] = [];
  for (const d of docs) parts.push(await attempt([d]));
  return parts;
}
