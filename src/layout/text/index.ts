// Page layout of plain text and Markdown: blocks split at blank lines, each
// labelled (src/layout/text/label.ts) with its role and reason.
import type { LabelledBlock, PageLayout } from '../types.js';
import { roleOf } from '../roles.js';
import { splitBlocks } from './blocks.js';
import { labelTextBlocks } from './label.js';
import { frontMatter } from './front-matter.js';

/** Words a lone block needs to stand as the article. */
const MIN_LONE_WORDS = 4;

export function layoutText(source: string, format: 'text' | 'markdown'): PageLayout {
  // A front matter declares the metadata and is no part of the article: its blocks are set apart before the others are labelled.
  const front = frontMatter(source);
  const all = splitBlocks(source);
  const head = front ? all.filter((b) => b.start < front.end) : [];
  const { blocks, verdicts, rules, zones, boilerplate } = labelTextBlocks(front ? all.filter((b) => b.start >= front.end) : all);
  const frontBlocks: LabelledBlock[] = head.map((b) => ({
    text: b.plain,
    role: 'hidden',
    reason: 'front matter',
    kept: false,
    zone: 'head',
    start: b.start,
    end: b.end,
    lines: b.lines,
  }));
  const labelled: LabelledBlock[] = blocks.map((b, i) => {
    const reason = verdicts[i] ?? 'body';
    return {
      text: b.plain,
      role: roleOf(reason, zones[i]!),
      reason,
      kept: !verdicts[i],
      zone: zones[i]!,
      start: b.start,
      end: b.end,
      lines: b.lines,
      ...(rules[i] ? { rule: rules[i] } : {}),
      ...(boilerplate[i] ? { boilerplate: true } : {}),
    };
  });
  const notes: string[] = [];
  // A one-line article without a final period reads as a lone title: with no body left, the longest block
  // that no boilerplate rule claimed is the article rather than nothing.
  if (labelled.length > 0 && !labelled.some((b) => b.kept)) {
    let best = -1;
    labelled.forEach((b, i) => {
      if (!b.boilerplate && b.text.trim().split(/\s+/).length >= MIN_LONE_WORDS && (best < 0 || b.text.length > labelled[best]!.text.length)) best = i;
    });
    if (best >= 0) {
      const b = labelled[best]!;
      labelled[best] = { ...b, kept: true, reason: 'body', role: roleOf('body', b.zone) };
      notes.push(`no body block found: the longest block (labelled ${b.reason}) kept as the article`);
    }
  }
  return { format, blocks: [...frontBlocks, ...labelled], declared: front?.hints ?? [], notes };
}
