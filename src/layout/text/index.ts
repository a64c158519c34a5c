// Page layout of plain text and Markdown: blocks split at blank lines, each
// labelled (src/layout/text/label.ts) with its role and reason.
import type { LabelledBlock, PageLayout } from '../types.js';
import { roleOf } from '../roles.js';
import { splitBlocks } from './blocks.js';
import { labelTextBlocks } from './label.js';

export function layoutText(source: string, format: 'text' | 'markdown'): PageLayout {
  const { blocks, verdicts, rules, zones, boilerplate } = labelTextBlocks(splitBlocks(source));
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
  return { format, blocks: labelled, declared: [], notes: [] };
}
