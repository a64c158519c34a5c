// SQLite migrations: the schema of src/corpus/sqlite-schema.ts is version 1
// (all `IF NOT EXISTS`, so files created before this table existed upgrade by
// re-running it). PRAGMA user_version mirrors the latest version for tools.
import type Database from 'better-sqlite3';
import { SQLITE_SCHEMA, SQLITE_V2, SQLITE_V3 } from '../sqlite-schema.js';
import { MIGRATIONS_TABLE, pendingMigrations, type Migration } from './migration.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'corpus schema', sql: SQLITE_SCHEMA },
  { version: 2, name: 'source keys and claim propositions', sql: SQLITE_V2 },
  { version: 3, name: 'co-sources of attributions', sql: SQLITE_V3 },
];

export function migrateSqlite(db: Database.Database, location: string, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // BEGIN IMMEDIATE: two processes opening a new file at once apply each migration once.
  db.transaction(() => {
    const applied = db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).pluck().all() as number[];
    for (const m of pendingMigrations(migrations, applied, location)) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
  db.pragma(`user_version = ${migrations.at(-1)?.version ?? 0}`);
}

/** For a read-only opening: the file must hold the current schema already (no migration is written). */
export function checkSqliteSchema(db: Database.Database, location: string, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  const applied = exists ? (db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).pluck().all() as number[]) : [];
  // No migrations table: an empty file or another program's SQLite database, which `corpus add` should not be pointed at
  // to « upgrade » it (it would add a corpus's tables to it).
  if (!exists)
    throw new Error(`${location} is not a recoupe corpus (an empty file or another SQLite database); \`recoupe corpus add PATH --db NEW_FILE\` creates one`);
  const pending = pendingMigrations(migrations, applied, location);
  if (pending.length > 0)
    throw new Error(
      `${location} is not a recoupe corpus of this version (schema ${Math.max(0, ...applied)}); open it once for writing (\`recoupe corpus add\`) to upgrade it`,
    );
}
