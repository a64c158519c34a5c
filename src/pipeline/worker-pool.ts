// The one pool of worker threads behind `recoupe analyze`, `corpus add` and
// `recoupe serve`. Written here rather than taken from piscina/tinypool because
// what it must do is mostly what those leave out: a time budget per task that
// terminates the worker in the middle of a runaway analysis and starts a fresh
// one (the run goes on), and fairness between clients (one queue per client,
// served in turn, plus a few extra workers so that a client with nothing
// running is not stuck behind another's long tasks). A worker handles one task
// at a time, so a timeout or a crash loses that task only.
import type { Worker } from 'node:worker_threads';

/** A task ran past its time budget; its worker was replaced. */
export class OverBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`took longer than the time budget of ${budgetMs < 1000 ? `${budgetMs} ms` : `${budgetMs / 1000} s`}: stopped`);
  }
}

/** The task was refused: too many tasks waiting (for the pool, or from this client). */
export class PoolBusyError extends Error {}

/** The worker running the task crashed or the pool was closed. */
export class PoolError extends Error {}

/** The caller cancelled the task (its AbortSignal fired): taken out of its queue, or its worker replaced. */
export class CancelledError extends Error {}

export interface WorkerPoolOptions {
  /** Worker threads kept running. */
  size: number;
  /** Milliseconds one task may take, from the moment a worker starts it (Infinity: no budget). */
  budgetMs?: number;
  /** Tasks waiting beyond this are refused (PoolBusyError). */
  maxQueue?: number;
  /** Tasks waiting from one client beyond this are refused. */
  maxQueuePerClient?: number;
  /**
   * Tasks posted ahead to each worker (default 1): with 2, a worker starts its
   * next task without waiting for the main thread, which on a busy machine may
   * be scheduled late. The budget of a task starts when the one before it ends.
   */
  depth?: number;
  /**
   * Workers started beyond `size` for a client that has nothing running while
   * every worker is busy with other clients' tasks; they stop when idle.
   */
  extraWorkers?: number;
}

interface Task<J, R> {
  job: J;
  client: string;
  resolve(r: R): void;
  reject(e: Error): void;
}

interface Slot<J, R> {
  worker: Worker;
  /** Tasks posted to it, in order (the first is the one it works on), with their message ids; replies to anything else are ignored. */
  tasks: { id: number; task: Task<J, R> }[];
  /** The budget of the first task. */
  timer: NodeJS.Timeout | null;
  extra: boolean;
  /** It has finished a task (a worker that dies before any cannot start: see `replace`). */
  answered: boolean;
  /** It has loaded its modules (its `{ ready: true }` message): a task's budget starts then. */
  ready: boolean;
}

export class WorkerPool<J, R> {
  private readonly slots: Slot<J, R>[] = [];
  /** Waiting tasks per client (kept while it has tasks waiting or running). */
  private readonly queues = new Map<string, Task<J, R>[]>();
  private readonly running = new Map<string, number>();
  /** When each client with tasks waiting or running was last given a worker (a turn number). */
  private readonly lastServed = new Map<string, number>();
  private turn = 0;
  private waiting = 0;
  private nextId = 1;
  private cancelledTasks = 0;
  private closed = false;
  /** Workers in a row that died before finishing any task. */
  private stillborn = 0;
  readonly budgetMs: number;
  private readonly maxQueue: number;
  private readonly maxQueuePerClient: number;
  private readonly extraWorkers: number;
  private readonly depth: number;

  /** `start` creates a worker that posts `{ ready: true }` once loaded, then answers each `{ id, job }` with `{ id, result }`. */
  constructor(
    private readonly start: () => Worker,
    options: WorkerPoolOptions,
  ) {
    this.budgetMs = options.budgetMs ?? Infinity;
    this.maxQueue = options.maxQueue ?? Infinity;
    this.maxQueuePerClient = options.maxQueuePerClient ?? Infinity;
    this.extraWorkers = options.extraWorkers ?? 0;
    this.depth = Math.max(1, options.depth ?? 1);
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn(false));
  }

  /** Tasks cancelled by their caller so far. */
  get cancelled(): number {
    return this.cancelledTasks;
  }

  /** Tasks the workers hold (started, or posted ahead). */
  get busy(): number {
    return this.slots.reduce((n, s) => n + s.tasks.length, 0);
  }

  /** Worker threads kept running. */
  get size(): number {
    return this.slots.filter((s) => !s.extra).length;
  }

  /** Tasks waiting for a worker. */
  get queued(): number {
    return this.waiting;
  }

  /**
   * Runs `job` in a worker. `client` names whose task it is, for fairness (one queue per client). When `signal`
   * fires, the task is cancelled: a waiting one leaves its queue; a running one has its worker replaced, so a long
   * analysis nobody waits for any more does not hold a worker.
   */
  run(job: J, client = '', signal?: AbortSignal): Promise<R> {
    if (this.closed) return Promise.reject(new PoolError('the worker pool is closed'));
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled'));
    if (this.waiting >= this.maxQueue) return Promise.reject(new PoolBusyError('too many analyses waiting; retry later'));
    const queue = this.queues.get(client) ?? [];
    if (queue.length >= this.maxQueuePerClient) return Promise.reject(new PoolBusyError('too many analyses waiting from this client; retry later'));
    return new Promise<R>((resolve, reject) => {
      const task: Task<J, R> = { job, client, resolve, reject };
      if (signal) {
        const onAbort = () => this.cancel(task);
        signal.addEventListener('abort', onAbort, { once: true });
        task.resolve = (r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r);
        };
        task.reject = (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        };
      }
      queue.push(task);
      this.queues.set(client, queue);
      this.waiting++;
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queue of this.queues.values()) for (const t of queue) t.reject(new PoolError('the worker pool is closed'));
    this.queues.clear();
    this.waiting = 0;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(extra: boolean): Slot<J, R> {
    const slot: Slot<J, R> = { worker: this.start(), tasks: [], timer: null, extra, answered: false, ready: false };
    // A pool left open (a server's) must not keep the process alive by itself.
    slot.worker.unref();
    slot.worker.on('message', (msg: { id: number; result: R } | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        for (const t of slot.tasks) this.send(slot, t.id, t.task);
        this.startBudget(slot);
        return;
      }
      const at = slot.tasks.findIndex((t) => t.id === msg.id);
      if (at < 0) return;
      const { task } = slot.tasks.splice(at, 1)[0]!;
      this.release(slot, task);
      this.startBudget(slot);
      slot.answered = true;
      this.stillborn = 0;
      task.resolve(msg.result);
      this.afterTask(slot);
    });
    slot.worker.on('error', (e) => this.replace(slot, new PoolError(`analysis worker crashed: ${e.message}`)));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new PoolError(`analysis worker exited with code ${code}`));
    });
    return slot;
  }

  /**
   * Next task in turn: from the client served longest ago (a client new or
   * back after a pause first), among those with a waiting task.
   */
  private take(onlyIdleClients: boolean): Task<J, R> | null {
    let best: string | null = null;
    for (const [client, queue] of this.queues) {
      if (queue.length === 0 || (onlyIdleClients && (this.running.get(client) ?? 0) > 0)) continue;
      if (best === null || (this.lastServed.get(client) ?? -1) < (this.lastServed.get(best) ?? -1)) best = client;
    }
    if (best === null) return null;
    this.waiting--;
    return this.queues.get(best)!.shift()!;
  }

  private pump(): void {
    if (this.closed) return;
    // Breadth first: every worker gets a task before any gets a second.
    for (let d = 1; d <= this.depth; d++) {
      for (const slot of this.slots) {
        if (slot.tasks.length >= d || this.waiting === 0) continue;
        this.assign(slot, this.take(false)!);
      }
    }
    // Every worker is busy: a client with nothing running gets an extra worker, up to the limit.
    while (this.waiting > 0 && this.slots.filter((s) => s.extra).length < this.extraWorkers) {
      const task = this.take(true);
      if (!task) break;
      const slot = this.spawn(true);
      this.slots.push(slot);
      this.assign(slot, task);
    }
  }

  private assign(slot: Slot<J, R>, task: Task<J, R>): void {
    const id = this.nextId++;
    slot.tasks.push({ id, task });
    this.running.set(task.client, (this.running.get(task.client) ?? 0) + 1);
    this.lastServed.set(task.client, this.turn++);
    if (!slot.ready) return;
    this.send(slot, id, task);
    if (slot.tasks.length === 1) this.startBudget(slot);
  }

  private send(slot: Slot<J, R>, id: number, task: Task<J, R>): void {
    slot.worker.postMessage({ id, job: task.job });
  }

  /** The budget of the worker's current (first) task starts now: a worker still loading is not counted against it. */
  private startBudget(slot: Slot<J, R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (!slot.ready || slot.tasks.length === 0 || !Number.isFinite(this.budgetMs)) return;
    slot.timer = setTimeout(() => this.replace(slot, new OverBudgetError(this.budgetMs)), this.budgetMs);
  }

  /** A cancelled task: out of its queue if it waits; if a worker has it, the worker is replaced (it may be deep in a long analysis). */
  private cancel(task: Task<J, R>): void {
    this.cancelledTasks++;
    const queue = this.queues.get(task.client);
    const waiting = queue?.indexOf(task) ?? -1;
    if (waiting >= 0) {
      queue!.splice(waiting, 1);
      this.waiting--;
      if (queue!.length === 0 && !this.running.has(task.client)) {
        this.queues.delete(task.client);
        this.lastServed.delete(task.client);
      }
      task.reject(new CancelledError('cancelled'));
      return;
    }
    for (const slot of this.slots) {
      const i = slot.tasks.findIndex((t) => t.task === task);
      if (i < 0) continue;
      if (i === 0) {
        this.replace(slot, new CancelledError('cancelled'));
        return;
      }
      // Posted ahead, not started: its answer will be ignored (its id is no longer the slot's).
      slot.tasks.splice(i, 1);
      this.uncount(task.client);
      task.reject(new CancelledError('cancelled'));
      this.pump();
      return;
    }
  }

  /** The task no longer runs: its client's count goes down. */
  private release(slot: Slot<J, R>, task: Task<J, R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    this.uncount(task.client);
  }

  private uncount(client: string): void {
    const n = (this.running.get(client) ?? 1) - 1;
    if (n > 0) this.running.set(client, n);
    else {
      this.running.delete(client);
      if (this.queues.get(client)?.length === 0) {
        this.queues.delete(client);
        this.lastServed.delete(client);
      }
    }
  }

  /** An extra worker with nothing left to do stops; the others take the next task. */
  private afterTask(slot: Slot<J, R>): void {
    if (slot.extra && this.waiting === 0 && slot.tasks.length === 0) this.remove(slot);
    this.pump();
  }

  private remove(slot: Slot<J, R>): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
  }

  /**
   * The worker is in an unknown state (over budget, crashed): fail the task it
   * was working on, put the ones posted after it back at the head of their
   * queues, and start a fresh worker.
   */
  private replace(slot: Slot<J, R>, error: Error): void {
    if (!this.slots.includes(slot)) return;
    const [first, ...rest] = slot.tasks.splice(0);
    this.remove(slot);
    for (const { task } of rest.reverse()) {
      this.release(slot, task);
      const queue = this.queues.get(task.client) ?? [];
      queue.unshift(task);
      this.queues.set(task.client, queue);
      this.waiting++;
    }
    if (first) {
      this.release(slot, first.task);
      first.task.reject(error);
    }
    // Workers that cannot even start (a broken build) are not restarted for ever.
    if (!slot.answered && !(error instanceof OverBudgetError) && !(error instanceof CancelledError) && ++this.stillborn >= 3) {
      for (const queue of this.queues.values()) for (const t of queue) t.reject(error);
      this.queues.clear();
      this.waiting = 0;
      this.closed = true;
      return;
    }
    if (!slot.extra && !this.closed) this.slots.push(this.spawn(false));
    this.pump();
  }
}
