// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → the articles they announce.
import { absoluteUrl, asList, dayOf, textOf, type FeedEntry, type WebXml, type XmlNode } from './feeds-xml.js';

export function readFeed(doc: XmlNode, base?: string): Extract<WebXml, { kind: 'feed' }> | null {
  const rss = doc.rss as XmlNode | undefined;
  if (rss) {
    const channel = asList(rss.channel)[0] ?? {};
    return { kind: 'feed', title: textOf(channel.title) ?? null, entries: entries(asList(channel.item), rssEntry, base) };
  }
  const rdf = (doc.RDF ?? doc['rdf:RDF']) as XmlNode | undefined;
  if (rdf) {
    const channel = asList(rdf.channel)[0] ?? {};
    return { kind: 'feed', title: textOf(channel.title) ?? null, entries: entries(asList(rdf.item), rssEntry, base) };
  }
  const atom = doc.feed as XmlNode | undefined;
  if (atom) return { kind: 'feed', title: textOf(atom.title) ?? null, entries: entries(asList(atom.entry), atomEntry, base) };
  return null;
}

function entries(nodes: XmlNode[], read: (n: XmlNode, base?: string) => FeedEntry | undefined, base?: string): FeedEntry[] {
  const out: FeedEntry[] = [];
  for (const n of nodes) {
    const e = read(n, base);
    if (e) out.push(e);
  }
  return out;
}

function rssEntry(item: XmlNode, base?: string): FeedEntry | undefined {
  const guid = asList(item.guid)[0] ?? (typeof item.guid === 'string' ? { '#text': item.guid } : undefined);
  const guidText = textOf(item.guid);
  const permalink = guid && guid['@_isPermaLink'] !== 'false' ? guidText : undefined;
  const url = absoluteUrl(textOf(item.link), base) ?? absoluteUrl(permalink, base);
  if (!url) return undefined;
  return entry(url, guidText, textOf(item.title), textOf(item.pubDate) ?? textOf(item.date));
}

function atomEntry(node: XmlNode, base?: string): FeedEntry | undefined {
  const links = asList(node.link);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const url = absoluteUrl(alternate?.['@_href'] as string | undefined, base);
  if (!url) return undefined;
  return entry(url, textOf(node.id), textOf(node.title), textOf(node.published) ?? textOf(node.updated));
}

function entry(url: string, id: string | undefined, title: string | undefined, date: string | undefined): FeedEntry {
  const published = dayOf(date);
  return { url, key: id ?? url, ...(title ? { title } : {}), ...(published ? { published } : {}) };
}
