// HTML → text: parse with linkedom, drop non-content elements, keep block
// structure as paragraphs.
import { parseHTML } from 'linkedom';
import { OffsetMap } from '../doc/offset-map.js';
import type { Cleaned } from './index.js';

const DROP = 'script, style, noscript, template, svg, nav, header, footer, aside, form, iframe, button';
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'TR', 'BR', 'FIGCAPTION', 'PRE', 'DD', 'DT']);

/** linkedom builds no document element from input without any tag ("plain text" given as HTML): give it one. */
function parseDocument(html: string): ReturnType<typeof parseHTML> {
  const parsed = parseHTML(html);
  return parsed.document.documentElement ? parsed : parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
}

export function htmlToText(html: string): Cleaned {
  const { document } = parseDocument(html);
  const hints: Record<string, string> = {};
  const title = document.querySelector('title')?.textContent?.trim();
  if (title) hints.title = title;
  for (const el of document.querySelectorAll(DROP)) el.remove();
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) parts.push(t);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const block = BLOCKS.has((child as Element).tagName);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(document.body ?? document.documentElement);
  flush();
  const text = parts.join('\n\n');
  // Text rebuilt from the DOM has no exact input offsets: map it to the whole input.
  return { text, map: new OffsetMap([{ text: 0, input: 0, length: 0 }]), removed: [], links: [], notes: [], hints };
}
