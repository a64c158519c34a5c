// The fetch flags shared by the commands that take URLs (analyze, corpus add, watch).
import { UsageError } from '../ingest/errors.js';
import { DEFAULT_CACHE_DIR, FETCH_DEFAULTS, type FetcherOptions } from './fetcher.js';

export const FETCH_FLAGS = {
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  retries: { type: 'string' },
  'user-agent': { type: 'string' },
} as const;

export const FETCH_USAGE = `Fetching (URLs, URL lists, feeds, sitemaps; robots.txt is always honoured):
  --cache DIR       HTTP cache directory (default ${DEFAULT_CACHE_DIR}); --no-cache for none
  --delay S         seconds between two requests to one host (default ${FETCH_DEFAULTS.perHostIntervalMs / 1000})
  --timeout S       seconds allowed per request (default ${FETCH_DEFAULTS.timeoutMs / 1000})
  --max-bytes N     larger bodies are refused (default ${FETCH_DEFAULTS.maxBytes})
  --retries N       retries after 429, 5xx or network errors (default ${FETCH_DEFAULTS.retries})
  --user-agent UA   replace the User-Agent (keep a way to contact you in it)`;

type FetchFlagValues = { [K in keyof typeof FETCH_FLAGS]?: (typeof FETCH_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

export function fetcherOptions(v: FetchFlagValues): FetcherOptions {
  const o: FetcherOptions = { cacheDir: v['no-cache'] ? null : (v.cache ?? DEFAULT_CACHE_DIR) };
  if (v.delay !== undefined) o.perHostIntervalMs = number(v.delay, '--delay', 0) * 1000;
  if (v.timeout !== undefined) o.timeoutMs = number(v.timeout, '--timeout', 0.001) * 1000;
  if (v['max-bytes'] !== undefined) o.maxBytes = Math.floor(number(v['max-bytes'], '--max-bytes', 1));
  if (v.retries !== undefined) o.retries = Math.floor(number(v.retries, '--retries', 0));
  if (v['user-agent'] !== undefined) {
    if (!v['user-agent'].trim()) throw new UsageError('--user-agent must not be empty');
    o.userAgent = v['user-agent'];
  }
  return o;
}

function number(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${flag} must be a number ≥ ${min} (got "${value}")`);
  return n;
}
