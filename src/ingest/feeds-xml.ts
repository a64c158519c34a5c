// Shared pieces for reading RSS/Atom feeds and XML sitemaps: the XML parser,
// the entry type, text, URL and date helpers.

/** One article a feed or sitemap announces. */
export interface FeedEntry {
  url: string;
  /** Stable identity for "seen already": guid / Atom id, else the URL. */
  key: string;
  title?: string;
  /** YYYY-MM-DD as the publisher wrote it, in its own time zone. */
  published?: string;
}

export type WebXml =
  | { kind: 'feed'; title: string | null; entries: FeedEntry[] }
  | { kind: 'sitemap'; entries: FeedEntry[] }
  | { kind: 'sitemap-index'; sitemaps: string[] };

export type XmlNode = Record<string, unknown>;

const LISTS = new Set(['item', 'entry', 'link', 'url', 'sitemap']);
// Loaded on first use: most runs read no feed, and the CLI starts faster without it.
let parser: Promise<{ parse(text: string): unknown }> | undefined;

/** Parse XML into plain objects (namespace prefixes dropped, lists always arrays). */
export async function parseXml(text: string): Promise<XmlNode> {
  parser ??= import('fast-xml-parser').then(
    ({ XMLParser }) =>
      new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        removeNSPrefix: true,
        parseTagValue: false,
        isArray: (name) => LISTS.has(name),
      }),
  );
  const p = await parser;
  try {
    return p.parse(text) as XmlNode;
  } catch (e) {
    throw new Error(`invalid XML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The text content of a parsed node (string, number, or {#text}). */
export function textOf(v: unknown): string | undefined {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return textOf((v as XmlNode)['#text']);
  return undefined;
}

export function asList(v: unknown): XmlNode[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is XmlNode => !!x && typeof x === 'object');
}

/** An absolute http(s) URL, or undefined. */
export function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

// RFC 822 month tokens (an English protocol format, as RSS 2.0 requires).
const RFC822_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The calendar day of an ISO 8601 or RFC 822 date, as written (no time-zone shift). */
export function dayOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const iso = /^\s{0,20}(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s{1,5}([A-Za-z]{3})[A-Za-z]{0,6}\.?\s{1,5}(\d{4})/.exec(date);
  if (!rfc) return undefined;
  const month = RFC822_MONTHS.indexOf(rfc[2]!.toLowerCase());
  if (month < 0) return undefined;
  return `${rfc[3]}-${String(month + 1).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`;
}
