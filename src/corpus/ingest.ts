// `corpus add` as a library call: inputs → analysis workers → batched writes.
// Resumable: inputs already stored (by input key) are skipped before analysis,
// documents already stored (by content hash) are skipped at write time, and
// each batch is one transaction, so a crash loses only the batch in flight.
import type { InputError } from '../ingest/errors.js';
import { itemWhere, type InputItem } from '../ingest/inputs.js';
import { AnalysisPool, defaultJobs, prepareResult, type AnalysisResult } from '../pipeline/analysis-pool.js';
import { judgeNearDuplicates } from './minhash.js';
import { inputKey } from './prepare.js';
import type { CorpusStore, PreparedDocument } from './store.js';

export interface IngestOptions {
  /** Analysis worker threads (default: one per core). */
  jobs?: number;
  /** Documents per write transaction. */
  batchSize?: number;
  raw?: boolean;
  /** Milliseconds one document's analysis may take; one over it fails alone (default: no limit). */
  budgetMs?: number;
  /** Called once per input handled (stored, skipped or failed). */
  onProgress?: (n: number) => void;
  onError?: (error: Pick<InputError, 'path' | 'reason'>) => void;
}

export interface IngestReport {
  /** New documents stored. */
  added: number;
  /** Analysed, but a document with the same content hash was already stored. */
  duplicates: number;
  /** Inputs skipped before analysis: stored by an earlier run. */
  alreadyStored: number;
  failed: number;
  nearDuplicates: number;
}

export async function ingest(store: CorpusStore, items: AsyncIterable<InputItem>, options: IngestOptions = {}): Promise<IngestReport> {
  const jobs = options.jobs ?? defaultJobs();
  const batchSize = options.batchSize ?? 100;
  const raw = options.raw ?? false;
  const report: IngestReport = { added: 0, duplicates: 0, alreadyStored: 0, failed: 0, nearDuplicates: 0 };
  const progress = options.onProgress ?? (() => {});
  const failed = (e: Pick<InputError, 'path' | 'reason'>) => {
    report.failed++;
    options.onError?.(e);
    progress(1);
  };

  const pool = new AnalysisPool({ size: jobs, budgetMs: options.budgetMs, depth: 2 });
  let buffer: PreparedDocument[] = [];
  let writes: Promise<void> = Promise.resolve();
  const flush = () => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return writes;
    writes = writes.then(async () => {
      const r = await store.addBatch(batch, judgeNearDuplicates);
      report.added += r.added.length;
      report.duplicates += r.skipped;
      report.nearDuplicates += r.nearDuplicates;
      progress(batch.length);
    });
    return writes;
  };
  const received = (result: AnalysisResult) => {
    const r = prepareResult(result);
    if (r.ok) buffer.push(r.doc);
    else failed(r);
    if (buffer.length >= batchSize) void flush();
  };

  const inFlight = new Set<Promise<void>>();
  // Enough work queued for the workers to stay busy through one write (a batch), not much more.
  const maxInFlight = pool.size * 4 + batchSize;
  try {
    for await (const item of items) {
      if (item.kind === 'error') {
        failed(item.error);
        continue;
      }
      const key = inputKey(item);
      if (key && (await store.hasInputs([key])).has(key)) {
        report.alreadyStored++;
        progress(1);
        continue;
      }
      const p: Promise<void> = pool.analyze({ kind: 'prepare', item, key, raw }, itemWhere(item)).then(received);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => {});
      // Back-pressure: writes are synchronous on this thread.
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      await writes;
    }
    await Promise.all(inFlight);
    await flush();
  } finally {
    await pool.close();
  }
  return report;
}
