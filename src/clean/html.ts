// HTML → clean text: main content blocks joined by blank lines, links kept as
// spans, dropped blocks in `removed`, page metadata as hints.
import { parseHTML } from 'linkedom';
import { TextBuilder } from '../doc/offset-map.js';
import type { Link } from '../doc/doc.js';
import type { Cleaned, CleanOptions } from './index.js';
import { extractMain } from './html/extract.js';
import { htmlMetaHints } from '../meta/html-meta.js';

export function htmlToText(html: string, opts: CleanOptions = {}): Cleaned {
  const { document } = parseHTML(html);
  const hints = htmlMetaHints(document as unknown as Document, opts.url);
  const title = hints.find((h) => h.field === 'title')?.value ?? '';
  const ex = extractMain(document as unknown as Document, title);
  const tb = new TextBuilder();
  const links: Link[] = [];
  for (const b of ex.blocks) {
    if (tb.size) tb.insert('\n\n');
    const at = tb.size;
    tb.insert(b.text);
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
