// XML sitemaps (sitemaps.org) and Google News sitemaps → article URLs; a
// sitemap index → the sitemaps it lists.
import { absoluteUrl, asList, dayOf, textOf, type FeedEntry, type WebXml, type XmlNode } from './feeds-xml.js';

export function readSitemap(doc: XmlNode, base?: string): WebXml | null {
  const index = doc.sitemapindex as XmlNode | undefined;
  if (index) {
    const sitemaps = asList(index.sitemap)
      .map((s) => absoluteUrl(textOf(s.loc), base))
      .filter((u): u is string => !!u);
    return { kind: 'sitemap-index', sitemaps };
  }
  const urlset = doc.urlset as XmlNode | undefined;
  if (!urlset) return null;
  const entries: FeedEntry[] = [];
  for (const u of asList(urlset.url)) {
    const url = absoluteUrl(textOf(u.loc), base);
    if (!url) continue;
    // <lastmod> is when the page last changed, not when it was published: only
    // the News extension's publication date is kept.
    const news = asList(u.news)[0];
    const published = dayOf(textOf(news?.publication_date));
    entries.push({ url, key: url, ...(published ? { published } : {}) });
  }
  return { kind: 'sitemap', entries };
}
