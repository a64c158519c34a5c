// Kept HTML blocks → clean text: blocks joined by blank lines, links kept as
// spans, each block's start anchored back to the page source when its opening
// appears there verbatim.
import { TextBuilder, type OffsetMap } from '../doc/offset-map.js';
import type { Link } from '../doc/doc.js';
import type { LabelledBlock } from '../layout/types.js';

export function htmlText(blocks: LabelledBlock[], html: string): { text: string; map: OffsetMap; links: Link[] } {
  const tb = new TextBuilder();
  const links: Link[] = [];
  // Text in <head> (a description repeating the lead) is no anchor: search from <body>.
  const body = Math.max(0, html.search(/<body[\s>]/i));
  let cursor = body;
  for (const b of blocks) {
    if (tb.size) tb.insert('\n\n');
    const at = tb.size;
    const anchor = anchorIn(html, b.text, cursor, body);
    if (anchor) {
      tb.copy(b.text.slice(0, anchor.length), anchor.at);
      tb.insert(b.text.slice(anchor.length));
      cursor = anchor.at + anchor.length;
    } else tb.insert(b.text);
    for (const l of b.links ?? []) links.push({ start: at + l.start, end: at + l.end, text: b.text.slice(l.start, l.end), href: l.href });
  }
  const { text, map } = tb.build();
  return { text, map, links };
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
