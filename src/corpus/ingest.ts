// `corpus add` as a library call: inputs → analysis workers → batched writes.
// Resumable: inputs already stored (by input key) are skipped before analysis,
// documents already stored (by content hash) are skipped at write time, and
// each batch is one transaction, so a crash loses only the batch in flight.
import { availableParallelism } from 'node:os';
import type { InputError } from '../ingest/errors.js';
import type { InputItem } from '../ingest/inputs.js';
import { AnalysisPool, type WorkItem, type WorkResult } from './analysis-pool.js';
import { judgeNearDuplicates } from './minhash.js';
import { inputKey } from './prepare.js';
import type { CorpusStore, PreparedDocument } from './store.js';

export interface IngestOptions {
  /** Analysis worker threads (default: one per core). */
  jobs?: number;
  /** Documents per write transaction. */
  batchSize?: number;
  /** Inputs per message to a worker. */
  chunkSize?: number;
  raw?: boolean;
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
  const jobs = options.jobs ?? availableParallelism();
  const batchSize = options.batchSize ?? 100;
  const chunkSize = options.chunkSize ?? 8;
  const report: IngestReport = { added: 0, duplicates: 0, alreadyStored: 0, failed: 0, nearDuplicates: 0 };
  const progress = options.onProgress ?? (() => {});
  const failed = (e: Pick<InputError, 'path' | 'reason'>) => {
    report.failed++;
    options.onError?.(e);
    progress(1);
  };

  const pool = new AnalysisPool(jobs, { raw: options.raw });
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
  const received = (results: WorkResult[]) => {
    for (const r of results) {
      if (r.ok) buffer.push(r.doc);
      else failed(r);
    }
    if (buffer.length >= batchSize) void flush();
  };

  const inFlight = new Set<Promise<void>>();
  const maxInFlight = pool.size * 2 + Math.ceil(batchSize / chunkSize);
  const submit = (chunk: WorkItem[]) => {
    const p: Promise<void> = pool.submit(chunk).then(received);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => {});
  };

  try {
    let chunk: WorkItem[] = [];
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
      chunk.push({ item, key });
      if (chunk.length < chunkSize) continue;
      submit(chunk);
      chunk = [];
      // Back-pressure: writes are synchronous on this thread, so queue enough work
      // for the workers to stay busy through one write (a batch), not much more.
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      await writes;
    }
    if (chunk.length) submit(chunk);
    await Promise.all(inFlight);
    await flush();
  } finally {
    await pool.close();
  }
  return report;
}
