// Opens the corpus store a location names: a file path is an embedded SQLite
// corpus; a postgres:// URL is the shared store (see docs/corpus-schema.md).
import { SqliteStore } from './sqlite-store.js';
import type { CorpusStore } from './store.js';

export const DEFAULT_DB = 'recoupe.db';

/** Whether a --db value names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/**
 * `readOnly` (read commands): a SQLite file is opened read-only and its schema checked, never migrated;
 * otherwise it is integrity-checked (PRAGMA quick_check) and migrated.
 */
export async function openStore(location: string, options: { readOnly?: boolean } = {}): Promise<CorpusStore> {
  // pg is loaded only for a server: the embedded corpus does not pay for it.
  const store = isPostgresUrl(location) ? new (await import('./postgres-store.js')).PostgresStore(location) : openSqlite(location, options);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

function openSqlite(location: string, options: { readOnly?: boolean }): SqliteStore {
  try {
    return new SqliteStore(location, options);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new Error(`${location} is not a readable corpus file (${(e as Error).message})`);
    if (code === 'SQLITE_CANTOPEN') throw new Error(`cannot open ${location} (${(e as Error).message})`);
    throw e;
  }
}
