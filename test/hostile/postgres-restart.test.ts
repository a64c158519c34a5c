// A PostgreSQL restart in the middle of `corpus add`, `recoupe worker` and
// `serve` (issue 20 item 5): the run waits for the server with backoff and goes
// on, nothing is lost or stored twice; a server that stays away is one error
// line and a non-zero exit. These tests restart a real server, so they start
// their own (.ci/postgres.sh on a port of its own, never the shared
// RECOUPE_TEST_PG one other suites use) and skip when PostgreSQL is not installed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { ingest } from '../../src/corpus/ingest.js';
import { openStore } from '../../src/corpus/open.js';
import { isConnectionError, withReconnect } from '../../src/corpus/pg-reconnect.js';
import type { InputItem } from '../../src/ingest/inputs.js';
import { enqueueInputs } from '../../src/queue/enqueue.js';
import { runWorker } from '../../src/queue/worker.js';
import { RecoupeServer } from '../../src/server/app.js';
import { openCorpus } from '../../src/server/corpus-adapter.js';
import { cli, STACK } from './helpers.js';

const PORT = process.env.RECOUPE_RESTART_PG_PORT ?? '54339';
const env = { ...process.env, RECOUPE_PG_PORT: PORT, RECOUPE_PG_DATA: `/tmp/recoupe-pg-restart-${PORT}` };
const installed = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
const skip = installed ? false : 'PostgreSQL is not installed (apt-get install postgresql)';

const server = (action: 'start' | 'stop') => execFileSync('bash', ['.ci/postgres.sh', action], { env, encoding: 'utf8' });
const URL_BASE = `postgres://postgres@127.0.0.1:${PORT}`;

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${URL_BASE}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${URL_BASE}/${name}`;
}

/** Stop the server now and start it again in the background; resolves once it is back. */
function restart(): Promise<void> {
  server('stop');
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        server('start');
        resolve();
      } catch (e) {
        reject(e);
      }
    }, 500),
  );
}

const article = (n: number): InputItem => ({
  kind: 'record',
  path: 'restart.jsonl',
  line: n + 1,
  text: `Le maire de la commune numéro ${n} a déclaré mardi que le budget ${n} serait voté avant l'été. « Nous tiendrons les délais », a-t-il ajouté.`,
  html: false,
  known: { title: `Budget ${n}` },
  provenance: { via: 'jsonl' },
});

async function count(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('SELECT count(*) AS n FROM documents')).rows[0].n);
  } finally {
    await c.end();
  }
}

test('connection errors are told apart from query errors', () => {
  assert.ok(isConnectionError({ code: 'ECONNREFUSED' }));
  assert.ok(isConnectionError({ code: '57P01', message: 'terminating connection due to administrator command' }));
  assert.ok(isConnectionError(new Error('Connection terminated unexpectedly')));
  assert.ok(!isConnectionError({ code: '23505', message: 'duplicate key value violates unique constraint' }));
  assert.ok(!isConnectionError({ code: '42601', message: 'syntax error' }));
});

test('a query error is not retried; a connection error is, until the wait runs out', async () => {
  let calls = 0;
  await assert.rejects(
    withReconnect('db', async () => {
      calls++;
      throw Object.assign(new Error('syntax error'), { code: '42601' });
    }),
    /syntax error/,
  );
  assert.equal(calls, 1);
  calls = 0;
  const policy = { maxWaitMs: 50, firstDelayMs: 10, maxDelayMs: 20 };
  await assert.rejects(
    withReconnect(
      'db',
      async () => {
        calls++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      },
      policy,
    ),
    /lost the connection to PostgreSQL \(db\) and could not reconnect within 0 s: connect ECONNREFUSED/,
  );
  assert.ok(calls >= 2, 'retried');
  const refused = async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  };
  await assert.rejects(withReconnect('db', refused, { ...policy, opening: true }), /could not connect to PostgreSQL \(db\) within 0 s/);
});

describe('a PostgreSQL restart', { skip, timeout: 300_000 }, () => {
  before(() => {
    server('start');
  });
  after(() => {
    server('stop');
  });

  test('corpus add waits for the server and stores every document once', async () => {
    const url = await freshDatabase('recoupe_restart_add');
    const store = await openStore(url);
    const total = 24;
    let written = 0;
    let restarted: Promise<void> | null = null;
    // The inputs restart the server once the first batch is committed: the rest of the run meets the restart.
    async function* items(): AsyncGenerator<InputItem> {
      for (let i = 0; i < total; i++) {
        if (i === 12) {
          while (written < 4) await new Promise((r) => setTimeout(r, 20));
          restarted = restart();
        }
        yield article(i);
      }
    }
    try {
      const report = await ingest(store, items(), { jobs: 1, batchSize: 4, onProgress: (n) => (written += n) });
      await restarted;
      assert.equal(report.failed, 0);
      assert.equal(report.added + report.duplicates, total);
      assert.equal(await count(url), total, 'every document stored once');
      assert.equal((await store.stats()).documents, total, 'the store itself works after the restart');
    } finally {
      await store.close();
    }
  });

  test('recoupe worker goes on after a restart and completes every job', async () => {
    const url = await freshDatabase('recoupe_restart_worker');
    const store = await openStore(url);
    const total = 12;
    async function* items() {
      for (let i = 0; i < total; i++) yield article(100 + i);
    }
    let restarted: Promise<void> | null = null;
    const errors: string[] = [];
    try {
      assert.equal((await enqueueInputs(url, store, items())).queued, total);
      const report = await runWorker(url, {
        threads: 1,
        batchSize: 3,
        exitWhenDone: true,
        pollSeconds: 0.2,
        onProgress: () => {
          restarted ??= restart();
        },
        onError: (where, reason) => errors.push(`${where}: ${reason}`),
      });
      await restarted;
      // pg-boss's background maintenance may report the restart (it retries on its next round); no job may fail.
      assert.deepEqual(
        errors.filter((e) => !e.startsWith('queue maintenance:')),
        [],
      );
      assert.equal(report.failed, 0);
      assert.equal(report.added + report.duplicates + report.alreadyStored, total);
      assert.equal(await count(url), total);
    } finally {
      await store.close();
    }
  });

  test('serve answers corpus requests again after a restart', async () => {
    const url = await freshDatabase('recoupe_restart_serve');
    const store = await openStore(url);
    await ingest(
      store,
      (async function* () {
        for (let i = 0; i < 3; i++) yield article(200 + i);
      })(),
      { jobs: 1 },
    );
    await store.close();
    const app = new RecoupeServer({ corpus: await openCorpus(url), staticDir: null, workers: 1 });
    const base = await app.listen(0, '127.0.0.1');
    try {
      const before = await fetch(`${base}/api/search?q=budget`);
      assert.equal(before.status, 200);
      await restart();
      const again = await fetch(`${base}/api/search?q=budget`);
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { total: number }).total, 3);
    } finally {
      await app.close();
    }
  });

  test('a server that stays away: corpus add is one error line and exit 1', async () => {
    const url = await freshDatabase('recoupe_restart_gone');
    server('stop');
    const saved = process.env.RECOUPE_PG_RECONNECT_SECONDS;
    process.env.RECOUPE_PG_RECONNECT_SECONDS = '1';
    try {
      const r = await cli(['corpus', 'add', '-', '--db', url], 'Le maire a déclaré que le budget serait voté.\n');
      assert.equal(r.code, 1);
      // It never connected: the message says so (it said "lost the connection", newcomer trial).
      assert.match(r.stderr, /could not connect to PostgreSQL .* within \d+ s/);
      assert.doesNotMatch(r.stderr, STACK);
    } finally {
      if (saved === undefined) delete process.env.RECOUPE_PG_RECONNECT_SECONDS;
      else process.env.RECOUPE_PG_RECONNECT_SECONDS = saved;
      server('start');
    }
  });
});
