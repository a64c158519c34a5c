// Opens the corpus store a location names: a file path is an embedded SQLite
// corpus; a postgres:// URL is the shared store (see docs/corpus-schema.md).
import { SqliteStore } from './sqlite-store.js';
import type { CorpusStore } from './store.js';

export const DEFAULT_DB = 'recoupe.db';

/** Whether a --db value names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

export async function openStore(location: string): Promise<CorpusStore> {
  // pg is loaded only for a server: the embedded corpus does not pay for it.
  const store = isPostgresUrl(location) ? new (await import('./postgres-store.js')).PostgresStore(location) : new SqliteStore(location);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
