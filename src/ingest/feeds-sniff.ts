// RSS 1.0/2.0, Atom and XML sitemaps: recognised from their root element and
// read into a list of entries (the article URLs they announce).
import { parseXml, type WebXml } from './feeds-xml.js';
import { readFeed } from './feeds.js';
import { readSitemap } from './sitemap.js';

const ROOTS = new Set(['rss', 'feed', 'rdf:rdf', 'rdf', 'urlset', 'sitemapindex']);

/** Is this text an RSS/Atom feed or a sitemap? Its root element says (prolog skipped by index, no regex). */
export function isWebXml(text: string): boolean {
  const head = text.slice(0, 16384);
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i]!)) i++;
    const close = head.startsWith('<?', i) ? '?>' : head.startsWith('<!--', i) ? '-->' : head.startsWith('<!', i) ? '>' : null;
    if (!close) break;
    const end = head.indexOf(close, i + 2);
    if (end < 0) return false; // unterminated prolog
    i = end + close.length;
  }
  if (head[i] !== '<') return false;
  const m = /^<([A-Za-z][\w:.-]{0,40})[\s>/]/.exec(head.slice(i, i + 50));
  return !!m && ROOTS.has(m[1]!.toLowerCase());
}

/** Parse a feed or sitemap; relative URLs are resolved against `base`. Throws on anything else. */
export async function parseWebXml(text: string, base?: string): Promise<WebXml> {
  const doc = await parseXml(text);
  const feed = readFeed(doc, base);
  if (feed) return feed;
  const sitemap = readSitemap(doc, base);
  if (sitemap) return sitemap;
  throw new Error('XML is neither an RSS/Atom feed nor a sitemap');
}
