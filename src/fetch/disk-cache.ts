// The on-disk HTTP cache: re-runs neither refetch fresh responses nor
// re-download unchanged ones (conditional requests with the stored validators).
// One JSON head + one body file per URL, written atomically (tmp + rename) so a
// crash never leaves a half entry.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CacheHead {
  url: string;
  status: number;
  /** For a cached permanent redirect: where it points. */
  location?: string;
  contentType: string | null;
  etag?: string;
  lastModified?: string;
  /** Epoch ms when the response was stored or last revalidated. */
  storedAt: number;
  /** ISO time the body was received. */
  fetchedAt: string;
  /** How long the response stays fresh after storedAt (ms); 0 = revalidate every time. */
  lifetimeMs: number;
  /** The request headers the response's `Vary` names, as they were sent (lower-case names; null = not sent). */
  vary?: Record<string, string | null>;
}

export interface CacheEntry {
  head: CacheHead;
  body: Uint8Array;
}

export class DiskCache {
  constructor(readonly dir: string) {}

  private file(url: string, ext: string): string {
    const h = createHash('sha256').update(url).digest('hex');
    return join(this.dir, h.slice(0, 2), `${h}${ext}`);
  }

  async get(url: string): Promise<CacheEntry | undefined> {
    try {
      const head = JSON.parse(await readFile(this.file(url, '.json'), 'utf8')) as CacheHead;
      if (head.url !== url) return undefined;
      const body = head.location ? new Uint8Array() : await readFile(this.file(url, '.body'));
      return { head, body };
    } catch {
      return undefined;
    }
  }

  async put(entry: CacheEntry): Promise<void> {
    const headFile = this.file(entry.head.url, '.json');
    await mkdir(join(headFile, '..'), { recursive: true });
    if (!entry.head.location) await atomicWrite(this.file(entry.head.url, '.body'), entry.body);
    await atomicWrite(headFile, JSON.stringify(entry.head));
  }
}

async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * What a response's `Vary` asks the cache to remember of the request (RFC 9111 §4.1):
 * undefined when nothing, null when the response can never be reused (`Vary: *`).
 */
export function varyOf(responseHeaders: Headers, requestHeaders: Record<string, string>): CacheHead['vary'] | null {
  const names = (responseHeaders.get('vary') ?? '')
    .split(',', 64)
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  if (names.includes('*')) return null;
  return Object.fromEntries(names.map((n) => [n, requestHeaders[n] ?? null]));
}

/** Whether a stored response may answer a request with these headers. */
export function varyMatches(head: CacheHead, requestHeaders: Record<string, string>): boolean {
  return Object.entries(head.vary ?? {}).every(([name, value]) => (requestHeaders[name] ?? null) === value);
}

export function isFresh(head: CacheHead, now: number): boolean {
  return now - head.storedAt < head.lifetimeMs;
}

/** Freshness lifetime from Cache-Control / Expires; null when the response must not be stored. */
export function freshnessMs(headers: Headers, now: number, permanentRedirect: boolean): number | null {
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(^|,)\s{0,10}no-store/.test(cc)) return null;
  if (/(^|,)\s{0,10}no-cache/.test(cc)) return 0;
  const maxAge = /(^|,)\s{0,10}max-age\s{0,5}=\s{0,5}(\d{1,10})/.exec(cc);
  if (maxAge) return Number(maxAge[2]) * 1000;
  const expires = headers.get('expires');
  if (expires) {
    const t = Date.parse(expires);
    const date = Date.parse(headers.get('date') ?? '') || now;
    return Number.isNaN(t) ? 0 : Math.max(0, t - date);
  }
  // RFC 9111 §4.2.2: 301 and 308 are heuristically cacheable.
  return permanentRedirect ? 24 * 3600 * 1000 : 0;
}
