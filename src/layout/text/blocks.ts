// Plain text / Markdown → blocks (paragraphs separated by blank lines), each
// line parsed for inline Markdown with its input offsets. The reverse (kept
// blocks → clean text) is src/clean/text/build.ts.
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
      // A heading opens a block of its own (html2text leaves no blank line before "****** Title ******").
      if (parsed.heading) close();
      if (!cur.length) curStart = pos;
      cur.push({ ...parsed, start: pos });
      curEnd = pos + raw.length;
      // …and closes it.
      if (parsed.heading) close();
    }
    pos = nl + 1;
  }
  close();
  return blocks;
}
