// Versioned migrations: applied once, in order, recorded; re-running is a
// no-op; a corpus from a newer recoupe is refused. SQLite always, PostgreSQL
// when RECOUPE_TEST_PG names a server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase, needsPostgres } from '../../../test/helpers/postgres.js';
import { pendingMigrations, type Migration } from './migration.js';
import { migratePostgres } from './postgres.js';
import { migrateSqlite } from './sqlite.js';

const V1: Migration = { version: 1, name: 'first', sql: 'CREATE TABLE t (a INTEGER)' };
const V2: Migration = { version: 2, name: 'second', sql: 'ALTER TABLE t ADD COLUMN b INTEGER' };

test('pending migrations are the missing ones, in order', () => {
  assert.deepEqual(pendingMigrations([V1, V2], [], 'db'), [V1, V2]);
  assert.deepEqual(pendingMigrations([V1, V2], [1], 'db'), [V2]);
  assert.deepEqual(pendingMigrations([V1, V2], [1, 2], 'db'), []);
  assert.throws(() => pendingMigrations([V1], [1, 2], 'db'), /db was written by a newer recoupe \(corpus schema 2, this one knows 1\)/);
});

test('SQLite: each version applied once, re-running is a no-op', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-migrate-'));
  const db = new Database(join(dir, 'm.db'));
  try {
    migrateSqlite(db, 'm.db', [V1]);
    migrateSqlite(db, 'm.db', [V1]);
    migrateSqlite(db, 'm.db', [V1, V2]);
    migrateSqlite(db, 'm.db', [V1, V2]);
    assert.deepEqual(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all(), [
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
    assert.equal(db.pragma('user_version', { simple: true }), 2);
    db.prepare('INSERT INTO t (a, b) VALUES (1, 2)').run();
    assert.throws(() => migrateSqlite(db, 'm.db', [V1]), /newer recoupe/);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: each version applied once, also when workers start together', { skip: needsPostgres }, async () => {
  const url = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client the server ends (the teardown's DROP DATABASE … WITH (FORCE) may still meet one) is reported as a
  // pool error: unhandled, it crashed this file in CI (57P01, "terminating connection due to administrator command").
  pool.on('error', (e) => assert.match(e.message, /terminating connection/));
  try {
    // Four workers starting at once: the advisory lock lets one apply, the others find it done.
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const client = await pool.connect();
        try {
          await migratePostgres(client, 'db', [V1, V2]);
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows, [
      { version: 1, name: 'first' },
      { version: 2, name: 'second' },
    ]);
    const client = await pool.connect();
    try {
      await assert.rejects(migratePostgres(client, 'db', [V1]), /newer recoupe/);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    await dropTestDatabase(url);
  }
});
