import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { CancelledError, OverBudgetError, PoolBusyError, PoolError, WorkerPool } from './worker-pool.js';
import { ordered } from './analysis-pool.js';

// A test worker: `{ wait: i32 }` blocks until the shared flag is set, `loop` never ends,
// `crash` throws, anything else answers at once.
const CODE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, job }) => {
  if (job.wait) Atomics.wait(job.wait, 0, 0);
  if (job.loop) for (;;);
  if (job.crash) throw new Error('boom');
  parentPort.postMessage({ id, result: job.name });
});
parentPort.postMessage({ ready: true });`;
type Job = { name: string; wait?: Int32Array; loop?: boolean; crash?: boolean };
const start = () => new Worker(CODE, { eval: true });

function gate() {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return {
    flag,
    open() {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    },
  };
}

test('a task over its time budget fails alone; the worker is replaced and the next task runs', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1, budgetMs: 200 });
  try {
    const looping = pool.run({ name: 'loop', loop: true });
    const next = pool.run({ name: 'next' });
    await assert.rejects(looping, (e: Error) => e instanceof OverBudgetError && /time budget of 200 ms/.test(e.message));
    assert.equal(await next, 'next');
    assert.equal(pool.size, 1);
  } finally {
    await pool.close();
  }
});

test('with tasks posted ahead (depth 2), the task behind one over budget is run again elsewhere, not lost', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1, budgetMs: 300, depth: 2 });
  try {
    const results = await Promise.allSettled([pool.run({ name: 'loop', loop: true }), pool.run({ name: 'behind' }), pool.run({ name: 'third' })]);
    assert.equal(results[0].status, 'rejected');
    assert.deepEqual(results.slice(1), [
      { status: 'fulfilled', value: 'behind' },
      { status: 'fulfilled', value: 'third' },
    ]);
  } finally {
    await pool.close();
  }
});

test('a cancelled running task frees its worker (replaced) and the next task runs; no budget needed', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1 });
  try {
    const stop = new AbortController();
    const looping = pool.run({ name: 'loop', loop: true }, 'a', stop.signal);
    const next = pool.run({ name: 'next' }, 'b');
    // Cancelled once the worker has it (the loop would never end on its own).
    setTimeout(() => stop.abort(), 100);
    await assert.rejects(looping, (e: Error) => e instanceof CancelledError);
    assert.equal(await next, 'next');
    assert.equal(pool.size, 1);
    assert.equal(pool.cancelled, 1);
  } finally {
    await pool.close();
  }
});

test('a cancelled waiting task leaves its queue; the others run; an aborted signal refuses at once', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1 });
  const g = gate();
  try {
    const first = pool.run({ name: 'first', wait: g.flag });
    const stop = new AbortController();
    const waiting = pool.run({ name: 'waiting' }, '', stop.signal);
    const last = pool.run({ name: 'last' });
    assert.equal(pool.queued, 2);
    stop.abort();
    await assert.rejects(waiting, (e: Error) => e instanceof CancelledError);
    assert.equal(pool.queued, 1);
    g.open();
    assert.deepEqual(await Promise.all([first, last]), ['first', 'last']);
    await assert.rejects(pool.run({ name: 'late' }, '', stop.signal), (e: Error) => e instanceof CancelledError);
  } finally {
    await pool.close();
  }
});

test('a crashing task fails alone', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1 });
  try {
    await assert.rejects(pool.run({ name: 'c', crash: true }), (e: Error) => e instanceof PoolError && /boom/.test(e.message));
    assert.equal(await pool.run({ name: 'after' }), 'after');
  } finally {
    await pool.close();
  }
});

test("clients are served in turn: a second client waits for one task, not for the first client's whole queue", async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1 });
  const g = gate();
  const done: string[] = [];
  const track = (p: Promise<string>) => p.then((name) => done.push(name));
  try {
    const all = [
      track(pool.run({ name: 'a1', wait: g.flag }, 'A')),
      track(pool.run({ name: 'a2' }, 'A')),
      track(pool.run({ name: 'a3' }, 'A')),
      track(pool.run({ name: 'b1' }, 'B')),
    ];
    g.open();
    await Promise.all(all);
    assert.deepEqual(done, ['a1', 'b1', 'a2', 'a3']);
  } finally {
    await pool.close();
  }
});

test('a client with nothing running gets an extra worker while another client holds the pool', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1, extraWorkers: 1 });
  const g = gate();
  try {
    const held = [pool.run({ name: 'a1', wait: g.flag }, 'A'), pool.run({ name: 'a2', wait: g.flag }, 'A')];
    // A's tasks cannot finish before the gate opens: B is answered first or the test never ends.
    assert.equal(await pool.run({ name: 'b1' }, 'B'), 'b1');
    g.open();
    assert.deepEqual(await Promise.all(held), ['a1', 'a2']);
  } finally {
    await pool.close();
  }
});

test('a client over its queue cap is refused; others are not', async () => {
  const pool = new WorkerPool<Job, string>(start, { size: 1, maxQueuePerClient: 1 });
  const g = gate();
  try {
    const running = pool.run({ name: 'a1', wait: g.flag }, 'A');
    const queued = pool.run({ name: 'a2' }, 'A');
    await assert.rejects(pool.run({ name: 'a3' }, 'A'), PoolBusyError);
    const other = pool.run({ name: 'b1' }, 'B');
    g.open();
    assert.deepEqual(await Promise.all([running, queued, other]), ['a1', 'a2', 'b1']);
  } finally {
    await pool.close();
  }
});

test('ordered: results in input order, at most `window` in flight', async () => {
  let inFlight = 0;
  let most = 0;
  async function* numbers() {
    for (let i = 0; i < 20; i++) yield i;
  }
  const out: number[] = [];
  for await (const r of ordered(numbers(), 4, async (i) => {
    most = Math.max(most, ++inFlight);
    // Later inputs finish first.
    await new Promise((resolve) => setTimeout(resolve, (20 - i) % 5));
    inFlight--;
    return i * 10;
  }))
    out.push(r);
  assert.deepEqual(
    out,
    Array.from({ length: 20 }, (_, i) => i * 10),
  );
  assert.ok(most <= 4, `at most 4 in flight (saw ${most})`);
});

test('ordered: the items in flight stay under the byte bound, and one larger than it still runs', async () => {
  let inFlight = 0;
  let most = 0;
  const sizes = [3, 3, 3, 10, 1, 1, 1, 1];
  async function* items() {
    yield* sizes;
  }
  const out: number[] = [];
  for await (const r of ordered(
    items(),
    100,
    async (size) => {
      inFlight += size;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= size;
      return size;
    },
    { of: (size) => size, max: 6 },
  ))
    out.push(r);
  assert.deepEqual(out, sizes);
  // 10 runs alone (over the bound by itself); otherwise at most 6 bytes in flight.
  assert.equal(most, 10);
});
