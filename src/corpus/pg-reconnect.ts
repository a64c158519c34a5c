// Surviving a PostgreSQL restart (issue 20 item 5). node-postgres does not
// reconnect by itself: a pooled connection the server closed fails its query
// (and the pool drops it), and the next checkout opens a new connection, which
// is refused until the server is back. So every store operation is retried
// whole, with exponential backoff, while the failure is a lost or refused
// connection; any other error (a constraint, bad SQL) is thrown at once.
// Retrying is safe because each write is one transaction keyed by content hash:
// a batch that died before COMMIT left nothing, one whose COMMIT reached the
// server is skipped as already stored on the retry.
import { setTimeout as sleep } from 'node:timers/promises';

/** SQLSTATE classes and codes of a connection lost or not yet accepted. */
const CONNECTION_STATES = /^(08|57P0[1-3]$|53300$)/; // connection exception; admin/crash shutdown, cannot connect now; too many connections
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|terminating connection/i;

/** Whether an error means the connection to the server was lost or refused (worth a retry), not that the query was wrong. */
export function isConnectionError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_STATES.test(code) || CONNECTION_ERRNOS.has(code))) return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

export interface ReconnectPolicy {
  /** Give up after this long without a working connection (ms). */
  maxWaitMs: number;
  /** First wait (ms), doubled after each failure up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Opening the store: no connection was ever made, so the message says it could not connect (not that it lost one). */
  opening?: boolean;
}

/** RECOUPE_PG_RECONNECT_SECONDS overrides how long a process waits for the server to come back (default 120 s). */
export function reconnectPolicy(env: NodeJS.ProcessEnv = process.env): ReconnectPolicy {
  const seconds = Number(env.RECOUPE_PG_RECONNECT_SECONDS);
  return { maxWaitMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 120_000, firstDelayMs: 100, maxDelayMs: 5_000 };
}

/** The error thrown once the server stayed unreachable past the policy's wait: one line, no stack needed. */
export class ConnectionLostError extends Error {
  constructor(where: string, waitedMs: number, cause: unknown, opening = false) {
    const seconds = Math.round(waitedMs / 1000);
    super(
      opening
        ? `could not connect to PostgreSQL (${where}) within ${seconds} s: ${(cause as Error).message}`
        : `lost the connection to PostgreSQL (${where}) and could not reconnect within ${seconds} s: ${(cause as Error).message}`,
    );
    this.name = 'ConnectionLostError';
  }
}

/**
 * Run `operation` until it succeeds, retrying it whole (with backoff) while it
 * fails on a lost or refused connection. `onRetry` hears of each wait.
 */
export async function withReconnect<T>(
  where: string,
  operation: () => Promise<T>,
  policy: ReconnectPolicy = reconnectPolicy(),
  onRetry?: (e: unknown, delayMs: number) => void,
): Promise<T> {
  const started = Date.now();
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return await operation();
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      const waited = Date.now() - started;
      if (waited + delay > policy.maxWaitMs) throw new ConnectionLostError(where, waited, e, policy.opening);
      onRetry?.(e, delay);
      await sleep(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}
