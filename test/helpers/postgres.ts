// A fresh PostgreSQL database per test file, on the server RECOUPE_TEST_PG
// names (a URL with the right to CREATE DATABASE; `.ci/postgres.sh start`
// starts one on loopback and prints it). Without it, PostgreSQL tests skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_PG = process.env.RECOUPE_TEST_PG;
// CI starts a server (.ci/run): there, a missing one is a failure, not a skip.
if (!TEST_PG && process.env.CI) throw new Error('RECOUPE_TEST_PG is not set in CI: .ci/run must start PostgreSQL (bash .ci/postgres.sh start)');
/** Pass as the `skip` option of a test or suite. */
export const needsPostgres = TEST_PG ? false : 'RECOUPE_TEST_PG is not set (start a server: eval "$(bash .ci/postgres.sh start)")';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create an empty database and return its URL. */
export async function createTestDatabase(prefix = 'recoupe_test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_PG!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
