// HTML → clean text: main content blocks joined by blank lines, links kept as
// spans, dropped blocks in `removed`, page metadata as hints.
import { parseHTML } from 'linkedom';
import { TextBuilder } from '../doc/offset-map.js';
import type { Link } from '../doc/doc.js';
import type { Cleaned, CleanOptions } from './index.js';
import { extractMain } from './html/extract.js';
import { htmlMetaHints } from '../meta/html-meta.js';

/** linkedom builds no document element from input without any tag ("plain text" given as HTML): give it one. */
function parseDocument(html: string): ReturnType<typeof parseHTML> {
  const parsed = parseHTML(html);
  return parsed.document.documentElement ? parsed : parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
}

export function htmlToText(html: string, opts: CleanOptions = {}): Cleaned {
  const { document } = parseDocument(html);
  const hints = htmlMetaHints(document as unknown as Document, opts.url);
  const title = hints.find((h) => h.field === 'title')?.value ?? '';
  const ex = extractMain(document as unknown as Document, title);
  const tb = new TextBuilder();
  const links: Link[] = [];
  // Text in <head> (a description repeating the lead) is no anchor: search from <body>.
  const body = Math.max(0, html.search(/<body[\s>]/i));
  let cursor = body;
  for (const b of ex.blocks) {
    if (tb.size) tb.insert('\n\n');
    const at = tb.size;
    const anchor = anchorIn(html, b.text, cursor, body);
    if (anchor) {
      tb.copy(b.text.slice(0, anchor.length), anchor.at);
      tb.insert(b.text.slice(anchor.length));
      cursor = anchor.at + anchor.length;
    } else tb.insert(b.text);
    for (const l of b.links) links.push({ start: at + l.start, end: at + l.end, text: b.text.slice(l.start, l.end), href: l.href });
  }
  const { text, map } = tb.build();
  // By-lines the extractor removed still name the authors (after the page's declared metadata).
  for (const d of ex.dropped) if (d.reason === 'byline') hints.push({ field: 'author', value: d.text, rule: 'by-line in the page', text: d.text });
  return {
    text,
    map,
    removed: ex.dropped.map((d) => ({ text: d.text, reason: d.reason })),
    links,
    notes: [`main content chosen by ${ex.via}`],
    hints,
  };
}

/** The longest plain opening of a block we look up in the source (no entities, no markup). */
const ANCHOR_MAX = 40;
const ANCHOR_MIN = 8;

/**
 * Where a block starts in the HTML source, when its opening characters appear
 * there verbatim (text rebuilt from the DOM may differ by entities and white
 * space): the map then points the block's start back to the page. Searched
 * after the previous block first, since blocks come in document order.
 */
function anchorIn(html: string, text: string, from: number, body: number): { at: number; length: number } | null {
  const m = /^[^&<>"\n]{1,40}/u.exec(text.slice(0, ANCHOR_MAX));
  if (!m) return null;
  const probe = m[0].replace(/\s+\S*$/, '');
  if (probe.length < ANCHOR_MIN) return null;
  let at = html.indexOf(probe, from);
  if (at < 0) at = html.indexOf(probe, body);
  return at < 0 ? null : { at, length: probe.length };
}
