// Hostile storage (issue 20, items 10 and 11, and `corpus stats --format`): a
// corpus file with garbage in its middle is refused for writing with one line;
// a read-only file stays readable by every read command, which write nothing;
// the server's corpus views are built once in the background, served while a
// newer build runs, and the store is not re-counted per request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreCorpus } from '../../src/server/corpus-adapter.js';
import type { CorpusStore, DocumentRow } from '../../src/corpus/store.js';
import { syntheticJsonl } from '../helpers/corpus-fixtures.js';
import { cli, STACK } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-hostile-storage-'));
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function corpus(name: string, n: number): Promise<string> {
  const db = join(dir, name);
  const jsonl = join(dir, `${name}.jsonl`);
  writeFileSync(jsonl, syntheticJsonl(n));
  const r = await cli(['corpus', 'add', jsonl, '--db', db, '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  return db;
}

test('a corpus file with garbage in its middle is refused for writing, with one line and no stack', { timeout: 120_000 }, async () => {
  const db = await corpus('damaged.db', 40);
  const size = statSync(db).size;
  const fd = openSync(db, 'r+');
  // Garbage over a few pages in the middle (not the header: the file still opens).
  writeSync(fd, Buffer.alloc(3 * 4096, 0xa5), 0, 3 * 4096, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
  const more = join(dir, 'more.jsonl');
  writeFileSync(more, JSON.stringify({ text: 'Le maire a déclaré que le budget serait voté en mars.' }) + '\n');
  const r = await cli(['corpus', 'add', more, '--db', db, '--jobs', '1']);
  assert.notEqual(r.code, 0, 'no success on a damaged file');
  assert.match(r.stderr, /damaged|not a readable corpus|malformed/);
  assert.doesNotMatch(r.stderr, STACK);
});

test('a read-only corpus file is readable by read commands, which change nothing in it', { timeout: 120_000 }, async () => {
  const db = await corpus('readonly.db', 6);
  chmodSync(db, 0o444);
  const before = hash(db);
  const stats = await cli(['corpus', 'stats', '--db', db]);
  assert.equal(stats.code, 0, stats.stderr);
  assert.equal(JSON.parse(stats.stdout)[0].documents, 6);
  for (const args of [['search', 'budget'], ['sources'], ['graph', '--format', 'json'], ['claims']]) {
    const r = await cli(['corpus', ...args, '--db', db]);
    assert.equal(r.code, 0, `${args[0]}: ${r.stderr}`);
  }
  assert.equal(hash(db), before, 'no schema version or migration written by reads');
});

test('corpus stats --format jsonl and csv work', { timeout: 60_000 }, async () => {
  const db = await corpus('stats.db', 3);
  const jsonl = await cli(['corpus', 'stats', '--db', db, '--format', 'jsonl']);
  assert.equal(jsonl.code, 0, jsonl.stderr);
  assert.equal(JSON.parse(jsonl.stdout.trim()).documents, 3);
  const csv = await cli(['corpus', 'stats', '--db', db, '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\r\n')[0]!, /^documents,/);
  const bad = await cli(['corpus', 'stats', '--db', db, '--format', 'xml']);
  assert.equal(bad.code, 2);
});

/** A store of n documents that counts how often it is counted and read. */
function fakeStore(n: number) {
  const calls = { stats: 0, documents: 0 };
  const rows = (k: number): DocumentRow[] =>
    Array.from({ length: k }, (_, i) => ({
      id: `d${i}`,
      inputPath: null,
      inputLine: null,
      format: 'text',
      title: `t${i}`,
      outlet: `o${i % 7}`,
      published: '2024-01-01',
      language: 'fr',
      url: null,
      authors: [],
      origin: [],
      wordCount: 10,
      addedAt: '',
    }));
  let docs = n;
  const store = {
    backend: 'sqlite',
    async stats() {
      calls.stats++;
      return { documents: docs, claims: 0, titleClaims: 0, candidateClaims: 0, nearDuplicates: 0 };
    },
    async *documents() {
      calls.documents++;
      yield* rows(docs);
    },
    async *attributions() {},
    async *claims() {},
    async *nearDuplicates() {},
    async *entities() {},
    async close() {},
  };
  return { store: store as unknown as CorpusStore, calls, add: (k: number) => (docs += k) };
}

test('server views: built once in the background, the event loop free meanwhile, no count per request, refreshed after a change', {
  timeout: 60_000,
}, async () => {
  const { store, calls, add } = fakeStore(30_000);
  const corpus = new StoreCorpus(store, 50);
  // While the views build, other work (a health check) gets the event loop.
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const first = await corpus.documents({ limit: 5, offset: 0 });
  clearInterval(timer);
  assert.equal(first.total, 30_000);
  assert.ok(ticks > 0, 'the event loop turned while 30,000 rows were read');
  assert.equal(calls.documents, 1);
  const t0 = Date.now();
  const counted = calls.stats;
  for (let i = 0; i < 50; i++) await corpus.documents({ limit: 5, offset: i });
  const allowed = 1 + Math.ceil((Date.now() - t0) / 50);
  assert.ok(
    calls.stats - counted <= allowed,
    `the store is counted at most once per refresh period (${calls.stats - counted} counts for 50 requests, ${allowed} allowed)`,
  );
  // Another process adds documents: after the refresh period the views are rebuilt in the background.
  add(10);
  await new Promise((r) => setTimeout(r, 80));
  await corpus.documents({ limit: 5, offset: 0 }); // starts the check, answered from the current views
  for (let i = 0; i < 100 && (await corpus.documents({ limit: 1, offset: 0 })).total !== 30_010; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal((await corpus.documents({ limit: 1, offset: 0 })).total, 30_010);
});
