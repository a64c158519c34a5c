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

/**
 * Maps `items` through `fn` with at most `window` calls in flight and yields the
 * results in input order: the pool stays busy while memory stays bounded by
 * the window, whatever the number of inputs.
 */
export async function* ordered<T, R>(items: AsyncIterable<T>, window: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of items) {
    const p = fn(item);
    // A rejection is awaited below, in order; this keeps it from being reported as unhandled meanwhile.
    p.catch(() => {});
    pending.push(p);
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
