// The analysis worker pool (./worker-pool.ts running ./analysis-worker.ts),
// shared by `recoupe analyze`, `corpus add` and `recoupe serve`, and the
// ordered, bounded stream of results the CLI commands read from it.
import { availableParallelism } from 'node:os';
import { startWorker } from './worker-thread.js';
import { OverBudgetError, WorkerPool, type WorkerPoolOptions } from './worker-pool.js';
import type { AnalysisJob, AnalysisResult } from './analysis-worker.js';
import type { PreparedDocument } from '../corpus/store.js';

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
