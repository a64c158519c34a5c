// One round of `recoupe watch`: fetch each feed (conditionally, through the
// HTTP cache), keep the entries not seen before, fetch and store those
// articles, and mark them seen once stored. An entry whose article failed is
// not marked, so the next round tries it again.
import type { Fetched } from '../fetch/types.js';
import { parseWebXml } from './feeds-sniff.js';
import type { FeedEntry } from './feeds-xml.js';
import type { SeenState } from './feeds-seen.js';
import type { InputItem } from './inputs.js';
import { inflated, entriesToFetch, urlInputs, xmlText, type ListedUrl, type WebContext } from './url-inputs.js';

export interface WatchFailure {
  path: string;
  reason: string;
}

export interface WatchDeps {
  web: WebContext;
  seen: SeenState;
  /** Analyse and store the articles; report each input that failed through `onError`. */
  add(items: AsyncIterable<InputItem>, onError: (e: WatchFailure) => void): Promise<{ added: number; duplicates: number }>;
  onError(e: WatchFailure): void;
}

export interface WatchReport {
  feeds: number;
  /** Entries not seen before, fetched this round. */
  fresh: number;
  /** Entries already stored by an earlier round. */
  seen: number;
  added: number;
  /** New entries whose text was already in the corpus (same content hash). */
  duplicates: number;
  failed: number;
}

export async function watchRound(feeds: string[], deps: WatchDeps): Promise<WatchReport> {
  const report: WatchReport = { feeds: feeds.length, fresh: 0, seen: 0, added: 0, duplicates: 0, failed: 0 };
  const fail = (e: WatchFailure) => {
    report.failed++;
    deps.onError(e);
  };
  const todo: { feed: string; entries: FeedEntry[] }[] = [];
  const listed: ListedUrl[] = [];
  const queued = new Set<string>();
  for (const feed of feeds) {
    const read = await feedEntries(feed, deps.web, fail);
    if (!read) continue;
    const { kind, entries } = read;
    const unseen = await deps.seen.unseen(
      feed,
      entries.map((e) => e.key),
    );
    const fresh = entries.filter((e) => unseen.has(e.key));
    report.seen += entries.length - fresh.length;
    report.fresh += fresh.length;
    todo.push({ feed, entries: fresh });
    // Two feeds announcing one article: fetched once.
    listed.push(
      ...entriesToFetch(
        fresh.filter((e) => !queued.has(e.url)),
        kind,
        feed,
      ),
    );
    for (const e of fresh) queued.add(e.url);
  }
  const failedUrls = new Set<string>();
  const stored = await deps.add(urlInputs(listed, deps.web), (e) => {
    failedUrls.add(e.path);
    fail(e);
  });
  report.added = stored.added;
  report.duplicates = stored.duplicates;
  for (const { feed, entries } of todo)
    await deps.seen.markSeen(
      feed,
      entries.filter((e) => !failedUrls.has(e.url)),
    );
  return report;
}

async function feedEntries(feed: string, web: WebContext, fail: (e: WatchFailure) => void): Promise<{ kind: 'feed' | 'sitemap'; entries: FeedEntry[] } | null> {
  const r = await web.fetcher.fetch(feed);
  if (!r.ok) {
    fail({ path: feed, reason: r.reason });
    return null;
  }
  try {
    const xml = await parseWebXml(feedText(r), r.finalUrl);
    if (xml.kind === 'sitemap-index') throw new Error('a sitemap index: watch the sitemaps it lists instead');
    return { kind: xml.kind, entries: xml.entries };
  } catch (e) {
    fail({ path: feed, reason: (e as Error).message });
    return null;
  }
}

function feedText(r: Fetched): string {
  return xmlText(inflated(r.bytes), r.charset);
}
