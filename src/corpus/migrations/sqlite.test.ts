// Opening a SQLite file read-only: the schema is checked, and a file that is no corpus at all is told apart from an
// older corpus (in-memory databases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { checkSqliteSchema, migrateSqlite, SQLITE_MIGRATIONS } from './sqlite.js';

test('an empty database is no corpus; an older corpus is told to upgrade; the current one passes', () => {
  const empty = new Database(':memory:');
  assert.throws(() => checkSqliteSchema(empty, 'x.db'), /^Error: x\.db is not a recoupe corpus \(an empty file or another SQLite database\)/);
  const older = new Database(':memory:');
  migrateSqlite(older, 'old.db', SQLITE_MIGRATIONS.slice(0, 1));
  assert.throws(() => checkSqliteSchema(older, 'old.db'), /old\.db is not a recoupe corpus of this version \(schema 1\); open it once for writing/);
  const current = new Database(':memory:');
  migrateSqlite(current, 'c.db');
  assert.doesNotThrow(() => checkSqliteSchema(current, 'c.db'));
});
