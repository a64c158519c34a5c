// `recoupe corpus add` end to end: real CLI in a child process, real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, cliArgs } from './helpers/cli.js';
import { syntheticJsonl } from './helpers/corpus-fixtures.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { BANDS } from '../src/corpus/minhash.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-corpus-add-'));

function count(db: string, sql: string): number {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
}

/** Every stored document is whole: its input, its claims, its search row and its LSH buckets are there. */
function assertWhole(db: string, expected: number | null): number {
  const d = new Database(db, { readonly: true });
  try {
    const docs = d.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    if (expected !== null) assert.equal(docs, expected);
    assert.equal(d.prepare('SELECT count(DISTINCT input_line) FROM documents').pluck().get(), docs, 'one document per input line');
    assert.equal(d.prepare('SELECT count(*) FROM inputs').pluck().get(), docs, 'one input row per document');
    assert.equal(
      d.prepare('SELECT count(*) FROM documents WHERE id NOT IN (SELECT document_id FROM claims)').pluck().get(),
      0,
      'every document has its claims',
    );
    assert.equal(d.prepare('SELECT count(*) FROM lsh_buckets').pluck().get(), docs * BANDS, 'every document has its LSH buckets');
    const lines = d.prepare('SELECT input_line FROM documents').pluck().all() as number[];
    const search = d.prepare('SELECT count(*) FROM documents_search WHERE documents_search MATCH ?').pluck();
    for (const line of lines) assert.equal(search.get(`text : "dossier${line - 1}"`), 1, `document of line ${line} is searchable once`);
    return docs;
  } finally {
    d.close();
  }
}

test('corpus add is idempotent and the re-run reports what was already stored', () => {
  const input = join(dir, 'small.jsonl');
  writeFileSync(input, syntheticJsonl(12));
  const db = join(dir, 'small.db');
  const first = runCli(['corpus', 'add', input, '--db', db, '--jobs', '2']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /12 added/);
  assertWhole(db, 12);
  const again = runCli(['corpus', 'add', input, input, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /0 added, 24 already stored/);
  assertWhole(db, 12);
});

test('corpus add killed with SIGKILL mid-run, then re-run: nothing lost, duplicated or half-written', async () => {
  const n = 1500;
  const input = join(dir, 'many.jsonl');
  writeFileSync(input, syntheticJsonl(n));
  const db = join(dir, 'killed.db');
  const child = spawn(process.execPath, cliArgs(['corpus', 'add', input, '--db', db, '--batch', '7', '--jobs', '1']), {
    cwd: PACKAGE_ROOT,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Kill once a few batches are committed and well before the end.
  let stored = 0;
  // Generous: on a loaded machine the child may take a minute to start its workers.
  for (let tries = 0; tries < 3000 && stored < 30; tries++) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      stored = count(db, 'SELECT count(*) FROM documents');
    } catch {
      stored = 0; // not created yet
    }
  }
  child.kill('SIGKILL');
  await exited;
  const before = assertWhole(db, null);
  assert.ok(before >= 30 && before < n, `killed mid-run (${before} of ${n} stored)`);

  const rerun = runCli(['corpus', 'add', input, '--db', db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`${n - before} added, ${before} already stored`));
  assertWhole(db, n);
});

test('corpus add: missing input and bad flags are one-line errors', () => {
  const db = join(dir, 'errors.db');
  const missing = runCli(['corpus', 'add', join(dir, 'nope.jsonl'), '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.jsonl: no such file or directory/);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
  const bad = runCli(['corpus', 'add', join(dir, 'nope.jsonl'), '--jobs', 'zero']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--jobs must be a positive integer/);
  const none = runCli(['corpus', 'search', 'x', '--db', join(dir, 'absent.db')]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no corpus at/);
});

test('corpus add with no readable input leaves no new store file behind, and keeps an existing one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-add-missing-'));
  const db = join(dir, 'new.db');
  const r = runCli(['corpus', 'add', join(dir, 'missing.txt'), '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.txt: no such file/);
  assert.deepEqual([existsSync(db), existsSync(`${db}-wal`), existsSync(`${db}-shm`)], [false, false, false]);
  writeFileSync(join(dir, 'a.txt'), 'Le maire a inauguré un pont lundi, a indiqué la mairie.\n');
  assert.equal(runCli(['corpus', 'add', join(dir, 'a.txt'), '--db', db]).code, 0);
  assert.equal(runCli(['corpus', 'add', join(dir, 'missing.txt'), '--db', db]).code, 1);
  assert.ok(existsSync(db));
});
