// What a fetch returns. A failure is a value, never an exception: one bad URL
// must not stop a crawl of thousands.

/** One redirect that was followed: the URL that answered and its 3xx status. */
export interface Hop {
  url: string;
  status: number;
}

export interface Fetched {
  ok: true;
  /** The URL asked for. */
  url: string;
  /** The URL that answered 200 after redirects: the canonical one. */
  finalUrl: string;
  status: number;
  redirects: Hop[];
  contentType: string | null;
  /** Charset named by the Content-Type header, if any. */
  charset: string | undefined;
  bytes: Uint8Array;
  /** ISO time the body was received from the server (for a cached body: when it was first received). */
  fetchedAt: string;
  /** miss: downloaded now; fresh: served from the cache; revalidated: the server answered 304. */
  cache: 'miss' | 'fresh' | 'revalidated';
}

export interface FetchFailure {
  ok: false;
  url: string;
  reason: string;
  status?: number;
}

export type FetchResult = Fetched | FetchFailure;
