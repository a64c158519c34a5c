// The pg-boss instance of recoupe's queue: jobs live in the `pgboss` schema of
// the corpus database itself, so one URL names the corpus and its queue.
import PgBoss from 'pg-boss';
import { QUEUE } from './jobs.js';

export interface QueuePolicy {
  /** An active job not finished after this long is taken to be lost with its worker, and retried. */
  expireInSeconds: number;
  /** Attempts after the first, for a crash or an error; then the job is parked in the failed state. */
  retryLimit: number;
  retryDelaySeconds: number;
}

export const DEFAULT_POLICY: QueuePolicy = { expireInSeconds: 300, retryLimit: 3, retryDelaySeconds: 10 };

/** pg-boss's schema (its default). */
export const BOSS_SCHEMA = 'pgboss';

/**
 * Start pg-boss on `url`. `supervise`: this instance takes its turn at the
 * maintenance that expires jobs of dead workers (pg-boss runs it in one
 * instance at a time, every `maintenanceSeconds`).
 */
export async function startBoss(url: string, options: { supervise: boolean; maintenanceSeconds?: number; onError?: (e: Error) => void }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    application_name: 'recoupe-queue',
    max: 2,
    schedule: false,
    supervise: options.supervise,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
  });
  // Errors of the background maintenance (a dropped connection…) land here; the next round retries.
  boss.on('error', options.onError ?? (() => {}));
  await boss.start();
  await boss.createQueue(QUEUE, {
    name: QUEUE,
    retryLimit: DEFAULT_POLICY.retryLimit,
    retryDelay: DEFAULT_POLICY.retryDelaySeconds,
    expireInSeconds: DEFAULT_POLICY.expireInSeconds,
  });
  return boss;
}
