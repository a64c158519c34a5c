// Plain text / Markdown → blocks (paragraphs separated by blank lines), each
// line parsed for inline Markdown with its input offsets; and the reverse:
// kept blocks → clean text through a TextBuilder, repairing paragraphs broken
// inside a sentence.
import { TextBuilder } from '../../doc/offset-map.js';
import type { Link } from '../../doc/doc.js';
import { inlineMarkdown, type Inline } from './markdown.js';

export interface Line extends Inline {
  start: number;
}

export interface TextBlock {
  lines: Line[];
  /** input offsets of the block */
  start: number;
  end: number;
  /** the block's plain text, lines joined by a space */
  plain: string;
  heading: boolean;
}

export function splitBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let cur: Line[] = [];
  let curStart = 0;
  let curEnd = 0;
  const close = () => {
    if (cur.length) blocks.push({ lines: cur, start: curStart, end: curEnd, plain: cur.map((l) => l.plain).join(' '), heading: cur.some((l) => l.heading) });
    cur = [];
  };
  let pos = 0;
  while (pos <= source.length) {
    let nl = source.indexOf('\n', pos);
    if (nl < 0) nl = source.length;
    const raw = source.slice(pos, nl).replace(/\r$/, '');
    const parsed = inlineMarkdown(raw, pos);
    if (!parsed.plain.trim()) close();
    else {
      if (!cur.length) curStart = pos;
      cur.push({ ...parsed, start: pos });
      curEnd = pos + raw.length;
      // A Markdown heading is a block of its own.
      if (parsed.heading) close();
    }
    pos = nl + 1;
  }
  close();
  return blocks;
}

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
  map: import('../../doc/offset-map.js').OffsetMap;
  links: Link[];
  repairs: number;
}

/** Kept blocks → clean text; paragraphs and lines broken inside a sentence are joined with a space. */
export function buildText(blocks: TextBlock[]): Built {
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
