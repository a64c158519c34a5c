// What the queue holds, for `recoupe worker --status` and `--failed`: read
// straight from pg-boss's tables (documented SQL users can run themselves).
import pg from 'pg';
import { QUEUE } from './jobs.js';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type QueueCounts = Record<(typeof JOB_STATES)[number], number>;

export interface FailedJob {
  id: string;
  /** Where the article came from (path, or path:line for JSONL). */
  input: string;
  error: string;
  attempts: number;
  failedOn: string | null;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'recoupe-queue' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function hasQueueSchema(c: pg.Client): Promise<boolean> {
  return (await c.query("SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss' AND tablename = 'job'")).rowCount! > 0;
}

export function queueCounts(url: string): Promise<QueueCounts> {
  return withClient(url, async (c) => {
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as QueueCounts;
    if (!(await hasQueueSchema(c))) return counts;
    // Archived jobs (pg-boss moves finished ones to pgboss.archive after a while) still count.
    const { rows } = await c.query<{ state: keyof QueueCounts; n: string }>(
      `SELECT state, count(*) AS n FROM (SELECT state FROM pgboss.job WHERE name = $1 UNION ALL SELECT state FROM pgboss.archive WHERE name = $1) j GROUP BY state`,
      [QUEUE],
    );
    for (const r of rows) counts[r.state] = Number(r.n);
    return counts;
  });
}

export function failedJobs(url: string): Promise<FailedJob[]> {
  return withClient(url, async (c) => {
    if (!(await hasQueueSchema(c))) return [];
    const where = `name = $1 AND state = 'failed'`;
    const cols = `id::text, data->>'kind' AS kind, data->>'path' AS path, data->>'line' AS line, coalesce(output->>'message', output->'value'->>'message', output::text) AS error, retry_count, completed_on`;
    const { rows } = await c.query(
      `SELECT ${cols} FROM pgboss.job WHERE ${where} UNION ALL SELECT ${cols} FROM pgboss.archive WHERE ${where} ORDER BY completed_on, id`,
      [QUEUE],
    );
    return rows.map((r) => ({
      id: r.id as string,
      input: r.kind === 'record' ? `${r.path}:${r.line}` : ((r.path as string | null) ?? (r.kind ? '<stdin>' : '<malformed job>')),
      error: (r.error as string | null) ?? '',
      attempts: Number(r.retry_count) + 1,
      failedOn: r.completed_on ? (r.completed_on as Date).toISOString() : null,
    }));
  });
}
