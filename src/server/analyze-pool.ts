// A fixed pool of analysis workers with a bounded queue and a per-article
// time limit. A worker that overruns is terminated and replaced, so one
// hostile article cannot hold the server.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../pipeline/worker-thread.js';
import { availableParallelism } from 'node:os';
import type { AnalyzeInput } from '../pipeline/analyze.js';
import type { AnalyzeJob, AnalyzeReply } from './analyze-worker.js';
import { HttpError } from './http.js';
import { DEFAULT_LAYERS, type LayerSet } from '../present/layers.js';

export interface PoolOptions {
  workers?: number;
  /** Milliseconds one analysis may take. */
  timeoutMs?: number;
  /** Jobs waiting beyond this are refused with 503. */
  maxQueue?: number;
}

interface Pending {
  job: AnalyzeJob;
  /** The analysis as JSON text. */
  resolve(json: string): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

function newWorker(): Worker {
  return startWorker(import.meta.url, 'analyze-worker');
}

export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly timeoutMs: number;
  readonly maxQueue: number;

  constructor(options: PoolOptions = {}) {
    const n = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxQueue = options.maxQueue ?? 512;
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: newWorker(), current: null, timer: null };
    slot.worker.unref();
    slot.worker.on('message', (reply: AnalyzeReply) => this.finish(slot, reply));
    slot.worker.on('error', (e) => this.fail(slot, new Error(`analysis worker crashed: ${e.message}`)));
    return slot;
  }

  /** Analyse in a worker; resolves to the `recoupe/analysis@1` object as JSON text. */
  analyze(input: AnalyzeInput, raw: boolean, layers: LayerSet = DEFAULT_LAYERS): Promise<string> {
    if (this.closed) return Promise.reject(new HttpError(503, 'server is shutting down'));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new HttpError(503, 'too many analyses waiting; retry later'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, input, raw, layers }, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      slot.timer = setTimeout(() => this.fail(slot, new HttpError(503, `analysis took longer than ${this.timeoutMs} ms`)), this.timeoutMs);
      slot.worker.postMessage(p.job);
    }
  }

  private finish(slot: Slot, reply: AnalyzeReply): void {
    const p = slot.current;
    if (!p || p.job.id !== reply.id) return;
    this.release(slot);
    if (reply.ok) p.resolve(reply.json);
    else p.reject(new HttpError(422, `analysis failed: ${reply.error}`));
    this.pump();
  }

  /** The worker is in an unknown state (timeout, crash): fail its job and replace it. */
  private fail(slot: Slot, error: Error): void {
    const p = slot.current;
    this.release(slot);
    void slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    p?.reject(error);
    this.pump();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new HttpError(503, 'server is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
