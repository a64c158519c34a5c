// The job queue on a real PostgreSQL server: `corpus add --queue` then workers.
// A worker killed with SIGKILL mid-run loses nothing and duplicates nothing; a
// poison job is parked with its error and the others are all stored.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { BANDS } from '../src/corpus/minhash.js';
import { openStore } from '../src/corpus/open.js';
import { expandInputs } from '../src/ingest/inputs.js';
import { startBoss } from '../src/queue/boss.js';
import { enqueueInputs } from '../src/queue/enqueue.js';
import { QUEUE } from '../src/queue/jobs.js';
import { failedJobs, queueCounts } from '../src/queue/status.js';
import { runWorker } from '../src/queue/worker.js';
import { runCli, cliArgs } from './helpers/cli.js';
import { syntheticJsonl } from './helpers/corpus-fixtures.js';
import { createTestDatabase, dropTestDatabase, needsPostgres } from './helpers/postgres.js';

const noStdin = async () => new Uint8Array();

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0].n);
  } finally {
    await c.end();
  }
}

/** Enqueue a JSONL file through the library, with a short expiry so that the jobs of a killed worker come back quickly. */
async function enqueueFile(url: string, file: string) {
  const store = await openStore(url);
  try {
    return await enqueueInputs(url, store, expandInputs([file], noStdin), { policy: { expireInSeconds: 3, retryLimit: 2, retryDelaySeconds: 0 } });
  } finally {
    await store.close();
  }
}

describe('queue and workers (PostgreSQL)', { skip: needsPostgres }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-queue-'));
  const urls: string[] = [];
  const database = async () => {
    const url = await createTestDatabase();
    urls.push(url);
    return url;
  };
  after(async () => {
    for (const u of urls) await dropTestDatabase(u);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the CLI queues, a worker stores, a re-run queues nothing', async () => {
    const url = await database();
    const file = join(dir, 'cli.jsonl');
    writeFileSync(file, syntheticJsonl(12));
    const queued = runCli(['corpus', 'add', '--queue', '--db', url, file]);
    assert.equal(queued.code, 0, queued.stderr);
    assert.match(queued.stderr, /12 queued/);
    assert.equal((await queueCounts(url)).created, 12);
    const worked = runCli(['worker', '--db', url, '--exit-when-done', '--jobs', '1']);
    assert.equal(worked.code, 0, worked.stderr);
    assert.match(worked.stderr, /12 added/);
    assert.equal(await count(url, 'SELECT count(*) AS n FROM documents'), 12);
    const again = runCli(['corpus', 'add', '--queue', '--db', url, file]);
    assert.match(again.stderr, /0 queued .* 12 already stored/);
    const status = JSON.parse(runCli(['worker', '--db', url, '--status']).stdout);
    assert.deepEqual([status.created, status.completed, status.failed], [0, 12, 0]);
    const search = runCli(['corpus', 'search', 'dossier7', '--db', url]);
    assert.equal(search.stdout.trim().split('\n').length, 1);
  });

  test('a worker killed mid-run loses and duplicates nothing', async () => {
    const url = await database();
    const n = 60;
    const file = join(dir, 'crash.jsonl');
    writeFileSync(file, syntheticJsonl(n));
    assert.equal((await enqueueFile(url, file)).queued, n);
    const child = spawn(process.execPath, cliArgs(['worker', '--db', url, '--jobs', '1', '--batch', '1']), { stdio: 'ignore' });
    let storedAtKill = 0;
    for (let i = 0; i < 600 && storedAtKill < 5; i++) {
      await sleep(100);
      storedAtKill = await count(url, 'SELECT count(*) AS n FROM documents');
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    assert.ok(storedAtKill >= 5 && storedAtKill < n, `killed mid-run (${storedAtKill} of ${n} stored)`);
    // A second worker finishes the queue, the dead one's active job included once it expires.
    const report = await runWorker(url, { threads: 1, exitWhenDone: true, maintenanceSeconds: 1, pollSeconds: 0.2 });
    assert.equal(report.failed, 0);
    assert.equal(await count(url, 'SELECT count(*) AS n FROM documents'), n);
    assert.equal(await count(url, 'SELECT count(*) AS n FROM inputs'), n);
    // Nothing half-written: every document has its whole near-duplicate index entry (all its bands).
    assert.equal(await count(url, `SELECT count(*) AS n FROM (SELECT document_number FROM lsh_buckets GROUP BY 1 HAVING count(*) = ${BANDS}) t`), n);
    const counts = await queueCounts(url);
    assert.deepEqual([counts.completed, counts.failed, counts.active, counts.created, counts.retry], [n, 0, 0, 0, 0]);
  });

  test('a poison job is parked with its error and never blocks the rest', async () => {
    const url = await database();
    const file = join(dir, 'poison.jsonl');
    writeFileSync(file, syntheticJsonl(10));
    assert.equal((await enqueueFile(url, file)).queued, 10);
    const boss = await startBoss(url, { supervise: false });
    await boss.insert([{ name: QUEUE, data: { kind: 'record', key: null, path: 'evil.jsonl', line: 3, text: 42 }, retryLimit: 1, retryDelay: 0 }]);
    await boss.stop({ graceful: false, close: true, wait: true });
    const errors: string[] = [];
    const report = await runWorker(url, { threads: 1, batchSize: 4, exitWhenDone: true, pollSeconds: 0.2, onError: (where) => errors.push(where) });
    assert.equal(report.added, 10);
    assert.equal(report.failed, 2, 'first attempt and one retry');
    assert.deepEqual(errors, ['evil.jsonl:3', 'evil.jsonl:3']);
    assert.equal(await count(url, 'SELECT count(*) AS n FROM documents'), 10);
    const parked = await failedJobs(url);
    assert.equal(parked.length, 1);
    assert.equal(parked[0]!.input, 'evil.jsonl:3');
    assert.equal(parked[0]!.attempts, 2);
    assert.match(parked[0]!.error, /malformed job/);
    const listed = runCli(['worker', '--db', url, '--failed', '--format', 'csv']);
    assert.match(listed.stdout, /evil\.jsonl:3,.*malformed job/);
  });
});

test('bad arguments are one-line usage errors, no server needed', () => {
  const r = runCli(['worker', '--db', 'recoupe.db']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--db must be a postgres:\/\/ URL/);
  const q = runCli(['corpus', 'add', '--queue', 'x.jsonl']);
  assert.equal(q.code, 2);
  assert.match(q.stderr, /--queue needs --db postgres/);
});
