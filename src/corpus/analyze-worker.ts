// A worker thread of `corpus add`: analyses inputs and prepares them for
// storage (stems, MinHash, claim features); the main thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeItem } from '../ingest/analyze-items.js';
import { prepareDocument } from './prepare.js';
import type { WorkItem, WorkResult } from './analysis-pool.js';

const raw = Boolean((workerData as { raw?: boolean } | undefined)?.raw);

function work({ item, key }: WorkItem): WorkResult {
  const where = item.kind === 'record' ? `${item.path}:${item.line}` : item.kind === 'bytes' ? (item.path ?? '<stdin>') : item.error.path;
  try {
    const r = analyzeItem(item, { raw });
    if (!r.ok) return { ok: false, path: r.error.path, reason: r.error.reason };
    return { ok: true, doc: prepareDocument(r.analysis, key) };
  } catch (e) {
    return { ok: false, path: where, reason: `analysis failed: ${(e as Error).message}` };
  }
}

parentPort!.on('message', (msg: { id: number; items: WorkItem[] }) => {
  parentPort!.postMessage({ id: msg.id, results: msg.items.map(work) });
});
