// `recoupe corpus add --queue`: turn inputs into jobs for `recoupe worker`.
// Inputs already stored (by input key) are not queued again, so re-running the
// same command after an interruption queues only what is missing.
import type { InputError } from '../ingest/errors.js';
import type { InputItem } from '../ingest/inputs.js';
import { inputKey } from '../corpus/prepare.js';
import type { CorpusStore } from '../corpus/store.js';
import { BOSS_SCHEMA, DEFAULT_POLICY, startBoss, type QueuePolicy } from './boss.js';
import { QUEUE, toJob } from './jobs.js';

export interface EnqueueOptions {
  policy?: Partial<QueuePolicy>;
  /** Jobs per insert statement. */
  batchSize?: number;
  onProgress?: (n: number) => void;
  onError?: (error: Pick<InputError, 'path' | 'reason'>) => void;
}

export interface EnqueueReport {
  queued: number;
  alreadyStored: number;
  /** Inputs whose job from an earlier run is still waiting or running. */
  alreadyQueued: number;
  failed: number;
}

export async function enqueueInputs(url: string, store: CorpusStore, items: AsyncIterable<InputItem>, options: EnqueueOptions = {}): Promise<EnqueueReport> {
  const policy = { ...DEFAULT_POLICY, ...options.policy };
  const batchSize = options.batchSize ?? 500;
  const progress = options.onProgress ?? (() => {});
  const report: EnqueueReport = { queued: 0, alreadyStored: 0, alreadyQueued: 0, failed: 0 };
  const boss = await startBoss(url, { supervise: false });
  try {
    let batch: { item: Exclude<InputItem, { kind: 'error' }>; key: string | null }[] = [];
    const flush = async () => {
      const keys = batch.flatMap((b) => (b.key ? [b.key] : []));
      const stored = await store.hasInputs(keys);
      // Jobs still waiting or running from an earlier run are not queued twice.
      const pending = await pendingKeys(boss, keys);
      const jobs = batch
        .filter((b) => !(b.key && (stored.has(b.key) || pending.has(b.key))))
        .map((b) => ({
          name: QUEUE,
          data: toJob(b.item, b.key),
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          expireInSeconds: policy.expireInSeconds,
        }));
      if (jobs.length) await boss.insert(jobs);
      report.queued += jobs.length;
      report.alreadyStored += batch.filter((b) => b.key && stored.has(b.key)).length;
      report.alreadyQueued += batch.filter((b) => b.key && !stored.has(b.key) && pending.has(b.key)).length;
      progress(batch.length);
      batch = [];
    };
    for await (const item of items) {
      if (item.kind === 'error') {
        report.failed++;
        options.onError?.(item.error);
        progress(1);
        continue;
      }
      batch.push({ item, key: inputKey(item) });
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  return report;
}

/** Input keys among `keys` with a job not yet done (created, retry or active) in recoupe's queue. */
async function pendingKeys(boss: Awaited<ReturnType<typeof startBoss>>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const db = boss.getDb() as { executeSql(sql: string, values: unknown[]): Promise<{ rows: { key: string }[] }> };
  const r = await db.executeSql(
    `SELECT DISTINCT data->>'key' AS key FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') AND data->>'key' = ANY($2::text[])`,
    [QUEUE, keys],
  );
  return new Set(r.rows.map((x) => x.key));
}
