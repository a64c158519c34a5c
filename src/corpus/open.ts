// Opens the corpus store a location names: a file path is an embedded SQLite
// corpus; a postgres:// URL is the shared store (see docs/corpus-schema.md).
import { SqliteStore } from './sqlite-store.js';
import type { CorpusStore } from './store.js';

export const DEFAULT_DB = 'recoupe.db';

export async function openStore(location: string): Promise<CorpusStore> {
  if (/^postgres(ql)?:\/\//i.test(location)) throw new Error('PostgreSQL corpus stores are not available in this build');
  const store = new SqliteStore(location);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
