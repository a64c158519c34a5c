// Clean stage: the article body out of the page layout (src/layout/), the
// blocks labelled as furniture kept aside with their role and reason, and a
// map from the clean text back to the input.
import type { Link, Removed } from '../doc/doc.js';
import type { OffsetMap } from '../doc/offset-map.js';
import type { PageLayout } from '../layout/types.js';
import { htmlText } from './html.js';
import { buildText } from './text/build.js';

export interface Cleaned {
  text: string;
  map: OffsetMap;
  removed: Removed[];
  links: Link[];
  notes: string[];
}

/** `source`: the decoded input the layout was read from (HTML blocks are anchored back to it). */
export function clean(page: PageLayout, source: string): Cleaned {
  const removed: Removed[] = page.blocks
    .filter((b) => !b.kept)
    .map((b) => ({ text: b.text, reason: b.reason, role: b.role, ...(b.start !== undefined ? { start: b.start, end: b.end } : {}) }));
  const kept = page.blocks.filter((b) => b.kept);
  if (page.format === 'html') return { ...htmlText(kept, source), removed, notes: page.notes };
  const built = buildText(kept.map((b) => ({ lines: b.lines ?? [] })));
  const notes = [...page.notes, ...(built.repairs ? [`${built.repairs} line break(s) inside a sentence joined`] : [])];
  return { text: built.text, map: built.map, removed, links: built.links, notes };
}
