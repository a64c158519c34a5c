// The corpus integration suite on a real PostgreSQL server (RECOUPE_TEST_PG).
import { openStore } from '../src/corpus/open.js';
import { corpusSuite } from './corpus-suite.js';
import { createTestDatabase, dropTestDatabase, needsPostgres } from './helpers/postgres.js';

let url = '';

corpusSuite(
  'postgres',
  {
    async create() {
      url = await createTestDatabase();
      return openStore(url);
    },
    async reopen(store) {
      await store.close();
      return openStore(url);
    },
    dispose: () => dropTestDatabase(url),
  },
  needsPostgres,
);
