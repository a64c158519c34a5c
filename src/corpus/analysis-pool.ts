// A pool of analysis worker threads, from the build or from source (see
// src/pipeline/worker-thread.ts).
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../pipeline/worker-thread.js';
import type { InputItem } from '../ingest/inputs.js';
import type { PreparedDocument } from './store.js';

export interface WorkItem {
  item: InputItem;
  key: string | null;
}
export type WorkResult = { ok: true; doc: PreparedDocument } | { ok: false; path: string; reason: string };

interface Slot {
  worker: Worker;
  load: number;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (r: WorkResult[]) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number, options: { raw?: boolean } = {}) {
    const workerData = { raw: options.raw ?? false };
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = startWorker(import.meta.url, 'analyze-worker', { workerData });
      const slot: Slot = { worker, load: 0 };
      worker.on('message', (msg: { id: number; results: WorkResult[] }) => {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        w.slot.load--;
        w.resolve(msg.results);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`analysis worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  /** Chunks submitted and not yet answered. */
  get inFlight(): number {
    return this.waiting.size;
  }

  get size(): number {
    return this.slots.length;
  }

  submit(items: WorkItem[]): Promise<WorkResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.load < a.load ? b : a));
    const id = this.nextId++;
    slot.load++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, items });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
