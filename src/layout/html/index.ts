// Page layout of an HTML page: the metadata its markup declares (read first:
// Readability rewrites the document), then the main content chosen and every
// other block labelled with its reason and role.
import { parseHTML } from 'linkedom';
import type { LabelledBlock, PageLayout } from '../types.js';
import { roleOf } from '../roles.js';
import { extractMain } from './extract.js';
import { declaredHints } from './declared.js';

/** linkedom builds no document element from input without any tag ("plain text" given as HTML): give it one. */
function parseDocument(html: string): ReturnType<typeof parseHTML> {
  const parsed = parseHTML(html);
  return parsed.document.documentElement ? parsed : parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
}

/** Elements nested deeper than this are read as their text: real pages stay far below (a few dozen levels). */
export const MAX_HTML_DEPTH = 1000;
/** Elements HTML closes by itself when a sibling opens (`<p>…<p>`, `<li>…<li>`): not counted as nesting. */
const IMPLIED_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'command',
  'basefont',
  'frame',
  'isindex',
]);
const TAG = /<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/g;

/**
 * The page with its tags below depth `max` removed (their text kept), or null when it is not that deep.
 * The HTML parser keeps its open elements in an array it shifts and unshifts (quadratic in depth: 100k
 * nested tags took minutes) and tree walks recurse: capping the depth first keeps every later step linear.
 */
export function capNesting(html: string, max = MAX_HTML_DEPTH): { html: string; dropped: number } | null {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (IMPLIED_CLOSE.has(name) || VOID.has(name) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest && (deepest = depth) > max) break;
  }
  if (deepest <= max) return null;
  depth = 0;
  let dropped = 0;
  const drop = () => {
    dropped++;
    return ' ';
  };
  const out = html.replace(TAG, (tag, close: string, rawName: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    if (IMPLIED_CLOSE.has(name) || VOID.has(name) || selfClosing) return depth >= max ? drop() : tag;
    if (close) {
      const deep = depth > max;
      depth = Math.max(0, depth - 1);
      return deep ? drop() : tag;
    }
    depth++;
    return depth > max ? drop() : tag;
  });
  return { html: out, dropped };
}

/** The summary the page declares for its article (read before Readability rewrites the document). */
function descriptions(document: Document): string[] {
  const out: string[] = [];
  for (const m of Array.from(document.querySelectorAll('meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]')))
    out.push(m.getAttribute('content') ?? '');
  return out;
}

/** The pictures' alternative texts the page gives (read before Readability rewrites the document). */
function alts(document: Document): string[] {
  const out: string[] = [];
  for (const m of Array.from(document.querySelectorAll('meta[property="og:image:alt"], meta[name="twitter:image:alt"]')))
    out.push(m.getAttribute('content') ?? '');
  for (const img of Array.from(document.querySelectorAll('img[alt]'))) out.push(img.getAttribute('alt') ?? '');
  return out;
}

export function layoutHtml(html: string, url?: string | null): PageLayout {
  const capped = capNesting(html);
  const { document } = parseDocument(capped?.html ?? html);
  const declared = declaredHints(document as unknown as Document, url);
  const titles = declared.filter((h) => h.field === 'title' || h.field === 'title-tag').map((h) => h.value);
  const doc = document as unknown as Document;
  const authors = declared.filter((h) => h.field === 'author').map((h) => h.value);
  const ex = extractMain(doc, { titles, descriptions: descriptions(doc), alts: alts(doc), authors });
  const blocks: LabelledBlock[] = [
    ...ex.blocks.map((b): LabelledBlock => ({ text: b.text, role: 'body', reason: 'body', kept: true, zone: 'body', links: b.links })),
    ...ex.dropped.map((d): LabelledBlock => {
      const zone = d.zone ?? 'body';
      return { text: d.text, role: roleOf(d.reason, zone), reason: d.reason, kept: false, zone };
    }),
  ];
  const notes = [`main content chosen by ${ex.via}`];
  if (capped) notes.push(`HTML nested deeper than ${MAX_HTML_DEPTH} elements: ${capped.dropped} tags below that depth read as plain text`);
  return { format: 'html', blocks, declared, notes };
}
