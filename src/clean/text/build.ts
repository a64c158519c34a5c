// Kept text blocks → clean text through a TextBuilder, repairing paragraphs
// broken inside a sentence; Markdown links kept as link spans.
import { TextBuilder, type OffsetMap } from '../../doc/offset-map.js';
import type { Link } from '../../doc/doc.js';
import type { Line } from '../../layout/text/blocks.js';

/**
 * Ends a sentence or an announcement (":"): a break after it is real. A closing
 * quotation mark ends nothing by itself (« … » a déclaré X) unless the quoted
 * sentence ended inside it.
 */
const CLOSED = /(?:[.!?…:;]|[.!?…]\s?[»"”)\]])\s*$/u;
const STARTS_LOWER = /^[\p{Ll}]/u;

/** A break between `a` and `b` falls inside a sentence. */
export function brokenSentence(a: string, b: string): boolean {
  return !CLOSED.test(a) && STARTS_LOWER.test(b.trimStart());
}

export interface Built {
  text: string;
  map: OffsetMap;
  links: Link[];
  repairs: number;
}

/** Kept blocks → clean text; paragraphs and lines broken inside a sentence are joined with a space. */
export function buildText(blocks: { lines: Line[] }[]): Built {
  const tb = new TextBuilder();
  const links: Link[] = [];
  let repairs = 0;
  let prev = '';
  for (const b of blocks) {
    b.lines.forEach((line, i) => {
      if (tb.size) {
        const joined = brokenSentence(prev, line.plain);
        const sep = joined ? ' ' : i === 0 ? '\n\n' : '\n';
        if (joined) repairs++;
        tb.insert(sep);
      }
      const at = tb.size;
      for (const p of line.pieces) tb.copy(p.s, p.at);
      for (const l of line.links) links.push({ start: at + l.start, end: at + l.end, text: line.plain.slice(l.start, l.end), href: l.href });
      prev = line.plain;
    });
  }
  const { text, map } = tb.build();
  return { text, map, links, repairs };
}
