// Which command-line inputs come from the web: URL arguments, URL lists
// (a .urls file, or a .txt file whose every line is a URL), and feed or
// sitemap files (recognised by their root element, whatever their name).
import { DEFAULT_CACHE_DIR, Fetcher, type FetcherOptions } from '../fetch/fetcher.js';
import { InputError } from './errors.js';
import { isWebXml, parseWebXml } from './feeds-sniff.js';
import type { InputItem } from './inputs.js';
import { inflated, listedItems, urlInputs, xmlText, type ListedUrl, type WebContext } from './url-inputs.js';

export interface WebInputOptions {
  /** The fetcher to use; by default one with the default politeness and cache. */
  fetcher?: Fetcher;
  /** Options for the default fetcher. */
  fetch?: FetcherOptions;
  /** Fetches in flight at once across hosts. */
  window?: number;
}

const DEFAULT_WINDOW = 8;

/** One fetcher per run, made on first use, so robots.txt and host limits are shared. */
export function lazyWeb(options: WebInputOptions): () => WebContext {
  let ctx: WebContext | undefined;
  return () =>
    (ctx ??= {
      fetcher: options.fetcher ?? new Fetcher({ cacheDir: DEFAULT_CACHE_DIR, ...options.fetch }),
      window: options.window ?? DEFAULT_WINDOW,
    });
}

export function isUrlArg(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** Whether reading these inputs may fetch from the web (so they are not worth a counting pass). */
export function mayFetch(paths: string[]): boolean {
  return paths.some((p) => isUrlArg(p) || /\.(urls|txt|xml|rss|atom)$/i.test(p));
}

/** URL arguments given on the command line, fetched a few at a time. */
export function urlArgItems(urls: string[], web: () => WebContext): AsyncGenerator<InputItem> {
  return urlInputs(
    urls.map((url) => ({ url, via: 'url' as const })),
    web(),
  );
}

/** A file that is a feed, a sitemap or a URL list, as its items; null for any other file. */
export function webFileItems(path: string, bytes: Uint8Array, web: () => WebContext): AsyncGenerator<InputItem> | null {
  const xml = /\.xml\.gz$/i.test(path) ? inflatedOrNull(bytes) : bytes;
  if (xml && isWebXml(Buffer.from(xml.subarray(0, 16384)).toString('latin1'))) return listedItems(path, () => parseWebXml(xmlText(xml)), web(), 0);
  const lower = path.toLowerCase();
  if (!lower.endsWith('.urls') && !lower.endsWith('.txt')) return null;
  const list = urlList(path, Buffer.from(bytes).toString('utf8'), lower.endsWith('.urls'));
  return list ? listItems(list, web) : null;
}

function inflatedOrNull(bytes: Uint8Array): Uint8Array | null {
  try {
    return inflated(bytes);
  } catch {
    return null;
  }
}

async function* listItems(list: { urls: ListedUrl[]; errors: InputError[] }, web: () => WebContext): AsyncGenerator<InputItem> {
  for (const error of list.errors) yield { kind: 'error', error };
  yield* urlInputs(list.urls, web());
}

/**
 * The URLs of a list, one a line (blank lines and # comments skipped). A .txt
 * file is a list only when every line is a URL; in a .urls file, other lines
 * are errors.
 */
export function urlList(path: string, text: string, explicit: boolean): { urls: ListedUrl[]; errors: InputError[] } | null {
  const urls: ListedUrl[] = [];
  const errors: InputError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    if (isUrlArg(line) && !/\s/.test(line) && URL.canParse(line)) urls.push({ url: line, via: 'url-list', from: path });
    else if (explicit) errors.push(new InputError(`${path}:${i + 1}`, 'not an http(s) URL'));
    else return null;
  }
  if (urls.length === 0 && !explicit) return null;
  if (urls.length === 0) errors.push(new InputError(path, 'URL list holds no URL'));
  return { urls, errors };
}
