// The thread that builds the server's corpus views (./corpus-views.ts), run by
// the project's one worker pool (../pipeline/worker-pool.ts). It opens the
// corpus itself, read-only (a SQLite file or a PostgreSQL URL), so only the
// finished views cross to the main thread, whose event loop stays free for
// requests while the claim grouping runs here.
import { parentPort } from 'node:worker_threads';
import { openStore } from '../corpus/open.js';
import { deriveViews, type Derived } from './corpus-views.js';

export interface ViewsJob {
  location: string;
  version: string;
  /** Tests only: the thread blocks on this word until it is non-zero (a grouping that takes as long as the test wants). */
  hold?: SharedArrayBuffer;
}

export type ViewsResult = { ok: true; views: Derived } | { ok: false; reason: string };

async function work(job: ViewsJob): Promise<ViewsResult> {
  if (job.hold) Atomics.wait(new Int32Array(job.hold), 0, 0);
  try {
    const store = await openStore(job.location, { readOnly: true });
    try {
      return { ok: true, views: await deriveViews(store, job.version) };
    } finally {
      await store.close();
    }
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

parentPort?.on('message', (msg: { id: number; job: ViewsJob }) => {
  void work(msg.job).then((result) => parentPort!.postMessage({ id: msg.id, result }));
});
parentPort?.postMessage({ ready: true });
