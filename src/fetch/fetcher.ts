// The polite fetcher: robots.txt honoured, per-host concurrency and spacing,
// timeouts, retries with exponential backoff (429/5xx/network, Retry-After
// honoured), redirects followed by hand so each hop is recorded, conditional
// requests against an on-disk cache, and a cap on body size.
import { setTimeout as delay } from 'node:timers/promises';
import { charsetOf, retryAfterMs } from './content-type.js';
import { DiskCache, freshnessMs, isFresh, varyMatches, varyOf, type CacheEntry } from './disk-cache.js';
import { HostLimiter } from './host-limiter.js';
import { ROBOTS_MAX_BYTES, RobotsCache } from './robots.js';
import type { FetchFailure, FetchResult, Fetched, Hop } from './types.js';
import { defaultUserAgent } from './user-agent.js';

export interface FetcherOptions {
  userAgent?: string;
  /** Directory of the HTTP cache; null for none. */
  cacheDir?: string | null;
  /** Whole request, headers and body (ms). */
  timeoutMs?: number;
  /** Bodies longer than this are refused. */
  maxBytes?: number;
  /** Extra attempts after a 429, a 5xx, a timeout or a network error. */
  retries?: number;
  /** First backoff delay (ms); doubles at each attempt. */
  backoffMs?: number;
  /** A server asking to wait longer than this (Retry-After) is given up on. */
  maxRetryDelayMs?: number;
  perHostConcurrency?: number;
  /** Minimum spacing between two request starts on one host (ms); robots.txt Crawl-delay can raise it. */
  perHostIntervalMs?: number;
  maxRedirects?: number;
  /** Longest Crawl-delay obeyed (ms): a site asking for more gets this, with a notice. */
  maxCrawlDelayMs?: number;
  /** Where notices go (a capped Crawl-delay); by default one line on stderr. */
  notice?: (message: string) => void;
  /** Injected by tests to observe waits. */
  sleep?: (ms: number) => Promise<void>;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  retries: 3,
  backoffMs: 1_000,
  maxRetryDelayMs: 120_000,
  perHostConcurrency: 2,
  perHostIntervalMs: 1_000,
  maxRedirects: 10,
  maxCrawlDelayMs: 60_000,
};

/** Where fetched responses are cached by default (relative to the working directory). */
export const DEFAULT_CACHE_DIR = '.cache/recoupe-http';

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,application/rss+xml,application/atom+xml,application/xml;q=0.8,text/plain;q=0.7,*/*;q=0.1';

interface RawResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
}

class BodyTooLarge extends Error {}

export class Fetcher {
  readonly userAgent: string;
  /** Sent with every request (lower-case names, as `Vary` is matched against them); conditionals are added per request. */
  private readonly requestHeaders: Record<string, string>;
  private readonly o: Required<Omit<FetcherOptions, 'cacheDir' | 'userAgent'>>;
  private readonly cache: DiskCache | null;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? defaultUserAgent();
    this.requestHeaders = { 'user-agent': this.userAgent, accept: ACCEPT };
    const sleep = options.sleep ?? ((ms: number) => delay(ms));
    this.o = { ...FETCH_DEFAULTS, sleep, ...stripUndefined(options) } as typeof this.o;
    this.cache = options.cacheDir ? new DiskCache(options.cacheDir) : null;
    this.limiter = new HostLimiter(this.o.perHostConcurrency, this.o.sleep);
    this.robots = new RobotsCache((u) => this.follow(u, false, ROBOTS_MAX_BYTES, true));
  }

  private readonly capped = new Set<string>();

  /** A robots.txt Crawl-delay, capped (`Crawl-delay: 100000` would mean 27.8 hours between requests). */
  private crawlDelay(host: string, asked: number): number {
    const max = this.o.maxCrawlDelayMs;
    if (asked <= max) return asked;
    if (!this.capped.has(host)) {
      this.capped.add(host);
      (this.o.notice ?? ((m: string) => process.stderr.write(`recoupe: ${m}\n`)))(
        `${host} asks for a Crawl-delay of ${asked / 1000} s; waiting ${max / 1000} s between its requests instead`,
      );
    }
    return max;
  }

  /** GET `url` politely. Never throws: failures come back with their reason. */
  fetch(url: string): Promise<FetchResult> {
    return this.follow(url, true, this.o.maxBytes, false);
  }

  private async follow(url: string, obeyRobots: boolean, maxBytes: number, truncate: boolean): Promise<FetchResult> {
    const fail = (reason: string, status?: number): FetchFailure => ({ ok: false, url, reason, ...(status !== undefined ? { status } : {}) });
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return fail('not a valid URL');
    }
    const redirects: Hop[] = [];
    for (;;) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return fail(`unsupported URL scheme ${current.protocol}`);
      const here = current.href;
      let intervalMs = this.o.perHostIntervalMs;
      if (obeyRobots) {
        const rules = await this.robots.rules(here);
        if (rules.refusal) return fail(rules.refusal);
        if (!rules.allows(here)) return fail(here === url ? 'disallowed by robots.txt' : `redirect target ${here} disallowed by robots.txt`);
        intervalMs = Math.max(intervalMs, this.crawlDelay(current.host, rules.crawlDelayMs ?? 0));
      }
      const stored = await this.cache?.get(here);
      // A response stored for other request headers (Vary) is neither served nor revalidated.
      const cached = stored && varyMatches(stored.head, this.requestHeaders) ? stored : undefined;
      const now = Date.now();
      let res: RawResponse | FetchFailure;
      if (cached && isFresh(cached.head, now)) {
        if (!cached.head.location) return this.done(url, redirects, cached, 'fresh');
        res = { status: cached.head.status, statusText: '', headers: new Headers({ location: cached.head.location }), body: new Uint8Array() };
      } else {
        res = await this.request(here, intervalMs, conditionalHeaders(cached), maxBytes, truncate);
        if ('ok' in res) return { ...res, url };
        if (res.status === 304 && cached && !cached.head.location) {
          const lifetime = freshnessMs(res.headers, now, false);
          cached.head.storedAt = now;
          cached.head.lifetimeMs = lifetime ?? 0;
          if (lifetime !== null) await this.cache?.put(cached);
          return this.done(url, redirects, cached, 'revalidated');
        }
      }
      const location = res.headers.get('location');
      if (REDIRECTS.has(res.status) && location) {
        redirects.push({ url: here, status: res.status });
        if (redirects.length > this.o.maxRedirects) return fail(`more than ${this.o.maxRedirects} redirects`, res.status);
        let next: URL;
        try {
          next = new URL(location, here);
        } catch {
          return fail(`redirect to an invalid URL "${location.slice(0, 100)}"`, res.status);
        }
        if ((res.status === 301 || res.status === 308) && !(cached && isFresh(cached.head, now))) {
          const lifetime = freshnessMs(res.headers, now, true);
          if (lifetime)
            await this.store(
              {
                url: here,
                status: res.status,
                location: next.href,
                contentType: null,
                storedAt: now,
                fetchedAt: new Date(now).toISOString(),
                lifetimeMs: lifetime,
              },
              new Uint8Array(),
            );
        }
        current = next;
        continue;
      }
      if (res.status < 200 || res.status > 299) return fail(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, res.status);
      const vary = varyOf(res.headers, this.requestHeaders);
      const lifetime = vary === null ? null : freshnessMs(res.headers, now, false);
      const entry: CacheEntry = { head: { ...headOf(here, res, now, lifetime ?? 0), ...(vary ? { vary } : {}) }, body: res.body };
      if (lifetime !== null) await this.store(entry.head, entry.body);
      return this.done(url, redirects, entry, 'miss');
    }
  }

  private done(url: string, redirects: Hop[], entry: CacheEntry, cache: Fetched['cache']): Fetched {
    return {
      ok: true,
      url,
      finalUrl: entry.head.url,
      status: entry.head.status,
      redirects,
      contentType: entry.head.contentType,
      charset: charsetOf(entry.head.contentType),
      bytes: entry.body,
      fetchedAt: entry.head.fetchedAt,
      cache,
    };
  }

  private async store(head: CacheEntry['head'], body: Uint8Array): Promise<void> {
    // A full disk or a read-only cache directory must not fail the fetch.
    await this.cache?.put({ head, body }).catch(() => undefined);
  }

  /** One URL, no redirect following, retried on transient failures. */
  private async request(
    url: string,
    intervalMs: number,
    extra: Record<string, string>,
    maxBytes: number,
    truncate: boolean,
  ): Promise<RawResponse | FetchFailure> {
    const host = new URL(url).host;
    const headers = { ...this.requestHeaders, ...extra };
    let lastReason = '';
    let lastStatus: number | undefined;
    for (let attempt = 0; attempt <= this.o.retries; attempt++) {
      let wait = this.o.backoffMs * 2 ** attempt;
      const release = await this.limiter.acquire(host, intervalMs);
      try {
        const res = await fetch(url, { redirect: 'manual', headers, signal: AbortSignal.timeout(this.o.timeoutMs) });
        if (!RETRYABLE.has(res.status)) {
          const body = res.status >= 200 && res.status <= 299 ? await readLimited(res, maxBytes, truncate) : new Uint8Array();
          if (!(res.status >= 200 && res.status <= 299)) await res.body?.cancel();
          return { status: res.status, statusText: res.statusText, headers: res.headers, body };
        }
        await res.body?.cancel();
        lastStatus = res.status;
        lastReason = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
        const asked = retryAfterMs(res.headers.get('retry-after'), Date.now());
        if (asked !== undefined) {
          if (asked > this.o.maxRetryDelayMs)
            return { ok: false, url, status: res.status, reason: `${lastReason} (server asks to retry after ${Math.round(asked / 1000)} s)` };
          wait = asked;
        }
      } catch (e) {
        if (e instanceof BodyTooLarge) return { ok: false, url, reason: e.message };
        lastStatus = undefined;
        lastReason = networkReason(e, this.o.timeoutMs);
      } finally {
        release();
      }
      if (attempt < this.o.retries) await this.o.sleep(wait);
    }
    const tries = this.o.retries + 1;
    return {
      ok: false,
      url,
      reason: `${lastReason}${tries > 1 ? ` after ${tries} attempts` : ''}`,
      ...(lastStatus !== undefined ? { status: lastStatus } : {}),
    };
  }
}

function conditionalHeaders(cached: CacheEntry | undefined): Record<string, string> {
  if (!cached || cached.head.location) return {};
  const h: Record<string, string> = {};
  if (cached.head.etag) h['if-none-match'] = cached.head.etag;
  if (cached.head.lastModified) h['if-modified-since'] = cached.head.lastModified;
  return h;
}

function headOf(url: string, res: RawResponse, now: number, lifetimeMs: number): CacheEntry['head'] {
  const etag = res.headers.get('etag');
  const lastModified = res.headers.get('last-modified');
  return {
    url,
    status: res.status,
    contentType: res.headers.get('content-type'),
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    storedAt: now,
    fetchedAt: new Date(now).toISOString(),
    lifetimeMs,
  };
}

/** Read the body, refusing (or cutting, for robots.txt) past `max` bytes. */
async function readLimited(res: Response, max: number, truncate: boolean): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (!truncate && declared > max) {
    await res.body?.cancel();
    throw new BodyTooLarge(`body too large: ${declared} bytes announced, limit ${max}`);
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      if (truncate) break;
      throw new BodyTooLarge(`body too large: more than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const code = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  const plain = NETWORK_ERRORS[code];
  return plain ? `${plain} (${code})` : `network error: ${code}`;
}

/** What the usual socket errors mean for a user, who may simply be offline. */
const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: 'host not found: no network, or a misspelt address',
  EAI_AGAIN: 'host name lookup failed: no network?',
  ECONNREFUSED: 'connection refused by the host',
  ECONNRESET: 'connection reset by the host',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable: no route to it',
  ENETUNREACH: 'network unreachable: no network?',
  CERT_HAS_EXPIRED: "the site's TLS certificate has expired",
};

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
