// The analysis worker pool (./worker-pool.ts running ./analysis-worker.ts),
// shared by `recoupe analyze`, `corpus add` and `recoupe serve`, and the
// ordered, bounded stream of results the CLI commands read from it.
import { availableParallelism } from 'node:os';
import { startWorker } from './worker-thread.js';
import { OverBudgetError, WorkerPool, type WorkerPoolOptions } from './worker-pool.js';
import type { AnalysisJob, AnalysisResult } from './analysis-worker.js';
import type { PreparedDocument } from '../corpus/store.js';
import type { InputItem } from '../ingest/inputs.js';

export type { AnalysisJob, AnalysisResult } from './analysis-worker.js';

export function defaultJobs(): number {
  return availableParallelism();
}

export class AnalysisPool extends WorkerPool<AnalysisJob, AnalysisResult> {
  constructor(options: Partial<WorkerPoolOptions> = {}) {
    super(() => startWorker(import.meta.url, 'analysis-worker'), { size: options.size ?? defaultJobs(), ...options });
  }

  /**
   * Runs the job; an input over budget or a crashed worker comes back as a
   * failed result naming `where`, so the caller's run goes on.
   */
  async analyze(job: AnalysisJob, where: string, client = ''): Promise<AnalysisResult> {
    try {
      return await this.run(job, client);
    } catch (e) {
      if (e instanceof OverBudgetError) return { ok: false, path: where, reason: `analysis ${e.message}` };
      throw e;
    }
  }
}

/**
 * Inputs up to this size, when a run has only one, are analysed on the main
 * thread: starting a worker thread (loading every module and language file a
 * second time) costs more than the analysis. Every stage is linear in its
 * input (docs/limits.md), so such an input cannot run away; an explicit
 * `--budget` still sends it to a worker, the only place a budget can stop it.
 */
export const IN_PROCESS_MAX_BYTES = 256 * 1024;

/** The bytes of an input as read (a JSONL record's text counted as UTF-16 code units: close enough for a threshold). */
export function inputSize(item: Exclude<InputItem, { kind: 'error' }>): number {
  return item.kind === 'bytes' ? item.bytes.byteLength : item.text.length;
}

/** Runs a job on this thread (see IN_PROCESS_MAX_BYTES); the pipeline is loaded on first use. */
export async function analyzeInProcess(job: AnalysisJob): Promise<AnalysisResult> {
  const { work } = await import('./analysis-worker.js');
  try {
    return await work(job);
  } catch (e) {
    return { ok: false, path: '<input>', reason: `internal error: ${(e as Error).message}` };
  }
}

/** The first `n` items of a stream, and the stream of all its items (those first ones included). */
export async function peek<T>(items: AsyncIterable<T>, n: number): Promise<{ first: T[]; all: AsyncIterable<T> }> {
  const it = items[Symbol.asyncIterator]();
  const first: T[] = [];
  let done = false;
  while (first.length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    first.push(r.value);
  }
  async function* all(): AsyncGenerator<T> {
    yield* first;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { first, all: all() };
}

/** A `prepare` job's result, narrowed. */
export function prepareResult(r: AnalysisResult): { ok: true; doc: PreparedDocument } | { ok: false; path: string; reason: string } {
  if (!r.ok) return r;
  if ('doc' in r) return r;
  throw new Error('a prepare job answered without a document');
}

/** How many inputs `recoupe analyze` keeps in flight per thread, and their most bytes in all (`ordered`). */
export const WINDOW_PER_THREAD = 32;
export const WINDOW_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Maps `items` through `fn` with at most `window` calls in flight and yields the
 * results in input order: the pool stays busy while memory stays bounded by
 * the window, whatever the number of inputs. `bytes`, when given, also bounds
 * the items in flight by their summed size (`maxBytes`; one item is always let in).
 *
 * The window must be wide: output waits for the oldest input, so while one long
 * (or first, cold) analysis holds it, the other threads can only run the inputs
 * already in the window. With 4 per thread, a thread's first document (its
 * lexicons, models and compiled code loaded on first use: seconds under load)
 * left the other thread idle for most of that time (worker profiles of
 * `analyze` over 500 articles: 4 of 20 s idle; 32 per thread: none).
 */
export async function* ordered<T, R>(
  items: AsyncIterable<T>,
  window: number,
  fn: (item: T) => Promise<R>,
  bytes?: { of: (item: T) => number; max: number },
): AsyncGenerator<R> {
  const pending: { result: Promise<R>; size: number }[] = [];
  let inFlight = 0;
  const next = async (): Promise<R> => {
    const head = pending.shift()!;
    inFlight -= head.size;
    return head.result;
  };
  for await (const item of items) {
    const size = bytes ? bytes.of(item) : 0;
    while (pending.length > 0 && (pending.length >= window || (bytes && inFlight + size > bytes.max))) yield await next();
    const result = fn(item);
    // A rejection is awaited below, in order; this keeps it from being reported as unhandled meanwhile.
    result.catch(() => {});
    pending.push({ result, size });
    inFlight += size;
  }
  while (pending.length) yield await next();
}
