// URLs → articles: each URL is fetched politely; a feed or sitemap found at a
// URL is expanded into the articles it lists, which are fetched in turn.
// Pages are fetched a few at a time but come out in input order.
import { gunzipSync } from 'node:zlib';
import type { Fetcher } from '../fetch/fetcher.js';
import { mapInOrder } from '../fetch/in-order.js';
import { isHtml, mediaType } from '../fetch/content-type.js';
import type { FetchResult, Fetched } from '../fetch/types.js';
import type { Provenance } from '../doc/schema.js';
import { decode, DecodeError } from './decode.js';
import { InputError } from './errors.js';
import { isWebXml, parseWebXml } from './feeds-sniff.js';
import type { FeedEntry, WebXml } from './feeds-xml.js';
import type { InputItem } from './inputs.js';

/** A URL to fetch and how it was found. */
export interface ListedUrl {
  url: string;
  via: Provenance['via'];
  /** The list, feed or sitemap that named it. */
  from?: string;
  /** Publication day the feed or sitemap gives. */
  published?: string;
  /** Sitemap-index nesting level. */
  depth?: number;
}

export interface WebContext {
  fetcher: Fetcher;
  /** Fetches in flight at once (the fetcher still limits each host). */
  window: number;
  /** URLs already fetched in this run: each is fetched once (a sitemap index listing itself, a URL in two feeds). */
  seen?: Set<string>;
}

/** The URLs not yet fetched in this run (by their normalised form, fragment dropped), marked as seen. */
async function* firstTimes(urls: AsyncIterable<ListedUrl> | Iterable<ListedUrl>, seen: Set<string>): AsyncGenerator<ListedUrl> {
  for await (const l of urls) {
    let key = l.url;
    try {
      const u = new URL(l.url);
      u.hash = '';
      key = u.href;
    } catch {
      // Not a URL: the fetcher reports it.
    }
    if (seen.has(key)) continue;
    seen.add(key);
    yield l;
  }
}

/** Sitemap indexes nest at most this deep (an index of indexes of sitemaps). */
const MAX_DEPTH = 3;
/** A gzipped sitemap may inflate to at most this. */
const MAX_INFLATED = 100 * 1024 * 1024;

export async function* urlInputs(urls: AsyncIterable<ListedUrl> | Iterable<ListedUrl>, ctx: WebContext): AsyncGenerator<InputItem> {
  const fetched = mapInOrder(firstTimes(urls, (ctx.seen ??= new Set())), async (l) => ({ listed: l, result: await ctx.fetcher.fetch(l.url) }), ctx.window);
  for await (const { listed, result } of fetched) yield* resultItems(listed, result, ctx);
}

async function* resultItems(listed: ListedUrl, r: FetchResult, ctx: WebContext): AsyncGenerator<InputItem> {
  if (!r.ok) {
    yield { kind: 'error', error: new InputError(listed.url, r.reason) };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = inflated(r.bytes);
  } catch (e) {
    yield { kind: 'error', error: new InputError(listed.url, (e as Error).message) };
    return;
  }
  if (isWebXml(Buffer.from(bytes.subarray(0, 16384)).toString('latin1'))) {
    yield* listedItems(listed.url, () => parseWebXml(xmlText(bytes, r.charset), r.finalUrl), ctx, listed.depth ?? 0);
    return;
  }
  const type = mediaType(r.contentType);
  const html = isHtml(r.contentType);
  if (!html && type !== 'text/plain' && type !== '') {
    yield { kind: 'error', error: new InputError(listed.url, `not an article: content type ${type}`) };
    return;
  }
  yield {
    kind: 'bytes',
    path: listed.url,
    bytes,
    ...(html ? { format: 'html' as const } : {}),
    ...(r.charset ? { charset: r.charset } : {}),
    known: { url: r.finalUrl, ...(listed.published ? { published: listed.published } : {}) },
    provenance: provenanceOf(listed, r),
  };
}

/** The bytes, inflated when they are a gzip file (sitemap.xml.gz). */
export function inflated(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (e) {
    throw new Error(`bad gzip body: ${(e as Error).message}`);
  }
}

/** The articles of a feed or sitemap (or the sitemaps of an index), fetched in turn. */
export async function* listedItems(where: string, read: () => Promise<WebXml>, ctx: WebContext, depth: number): AsyncGenerator<InputItem> {
  let xml: WebXml;
  try {
    xml = await read();
  } catch (e) {
    yield { kind: 'error', error: new InputError(where, e instanceof DecodeError ? e.message : (e as Error).message) };
    return;
  }
  if (xml.kind === 'sitemap-index') {
    if (depth >= MAX_DEPTH) {
      yield { kind: 'error', error: new InputError(where, `sitemap indexes nested more than ${MAX_DEPTH} deep`) };
      return;
    }
    yield* urlInputs(
      xml.sitemaps.map((url) => ({ url, via: 'sitemap' as const, from: where, depth: depth + 1 })),
      ctx,
    );
    return;
  }
  if (xml.entries.length === 0) {
    yield { kind: 'error', error: new InputError(where, `${xml.kind} lists no article`) };
    return;
  }
  yield* urlInputs(entriesToFetch(xml.entries, xml.kind, where), ctx);
}

export function entriesToFetch(entries: FeedEntry[], via: 'feed' | 'sitemap', from: string): ListedUrl[] {
  return entries.map((e) => ({ url: e.url, via, from, ...(e.published ? { published: e.published } : {}) }));
}

export function provenanceOf(listed: ListedUrl, r: Fetched): Provenance {
  return {
    via: listed.via,
    ...(listed.from ? { from: listed.from } : {}),
    url: r.url,
    finalUrl: r.finalUrl,
    status: r.status,
    fetched: r.fetchedAt,
    redirects: r.redirects,
    cache: r.cache,
  };
}

/** Decode a feed: the HTTP charset, else the XML declaration's encoding, else UTF-8/1252 detection. */
export function xmlText(bytes: Uint8Array, charset?: string): string {
  const declared = /^\s{0,100}<\?xml[^>]{0,200}?encoding\s{0,5}=\s{0,5}["']([A-Za-z0-9_.:-]{1,40})/.exec(
    Buffer.from(bytes.subarray(0, 400)).toString('latin1'),
  );
  const cs = charset ?? declared?.[1];
  return decode(bytes, cs ? { charset: cs } : undefined).text;
}
