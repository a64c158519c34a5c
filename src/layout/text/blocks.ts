// Plain text / Markdown → blocks (paragraphs separated by blank lines), each
// line parsed for inline Markdown with its input offsets. The reverse (kept
// blocks → clean text) is src/clean/text/build.ts.
import { inlineMarkdown, wrappedHeadingLines, type Inline } from './markdown.js';

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
  /** the level of its heading, 1 to 6; 0 for none */
  level: number;
}

/** The lowest heading level among lines (1 is the headline), 0 when none is a heading. */
export const levelOf = (lines: Inline[]) => lines.reduce((m, l) => (l.level && (!m || l.level < m) ? l.level : m), 0);

export function splitBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let cur: Line[] = [];
  let curStart = 0;
  let curEnd = 0;
  const close = () => {
    if (cur.length)
      blocks.push({
        lines: cur,
        start: curStart,
        end: curEnd,
        plain: cur.map((l) => l.plain).join(' '),
        heading: cur.some((l) => l.heading),
        level: levelOf(cur),
      });
    cur = [];
  };
  const raws: string[] = [];
  const starts: number[] = [];
  for (let pos = 0; pos <= source.length; ) {
    let nl = source.indexOf('\n', pos);
    if (nl < 0) nl = source.length;
    raws.push(source.slice(pos, nl).replace(/\r$/, ''));
    starts.push(pos);
    pos = nl + 1;
  }
  // The last line of a heading html2text wrapped over several lines, and its level.
  let headingUntil = -1;
  let wrappedLevel = 0;
  for (let k = 0; k < raws.length; k++) {
    const raw = raws[k]!;
    const pos = starts[k]!;
    const parsed = inlineMarkdown(raw, pos);
    if (k > headingUntil) {
      const n = wrappedHeadingLines(raws, k);
      if (n) {
        headingUntil = k + n - 1;
        wrappedLevel = 7 - /^\s*(\*+)/.exec(raw)![1]!.length;
        close();
      }
    }
    if (k <= headingUntil) {
      parsed.heading = true;
      parsed.level = wrappedLevel;
    }
    if (!parsed.plain.trim()) close();
    else {
      // A heading opens a block of its own (html2text leaves no blank line before "****** Title ******").
      if (parsed.heading && k > headingUntil) close();
      if (!cur.length) curStart = pos;
      cur.push({ ...parsed, start: pos });
      curEnd = pos + raw.length;
      // …and closes it.
      if (parsed.heading && k >= headingUntil) close();
    }
  }
  close();
  return blocks;
}
