// Text and Markdown → clean body: blocks classified (src/clean/text/classify.ts),
// furniture kept aside with its reason and input offsets, paragraphs repaired,
// Markdown links kept as link spans.
import type { Cleaned } from '../index.js';
import { buildText, splitBlocks } from './blocks.js';
import { classify } from './classify.js';

export function textToClean(source: string): Cleaned {
  const { blocks, verdicts, hints } = classify(splitBlocks(source));
  const kept = blocks.filter((_, i) => !verdicts[i]);
  const built = buildText(kept);
  const removed = blocks.flatMap((b, i) => (verdicts[i] ? [{ text: b.plain, reason: verdicts[i]!, start: b.start, end: b.end }] : []));
  const notes = built.repairs ? [`${built.repairs} line break(s) inside a sentence joined`] : [];
  return { text: built.text, map: built.map, removed, links: built.links, notes, hints };
}
