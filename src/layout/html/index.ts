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

export function layoutHtml(html: string, url?: string | null): PageLayout {
  const { document } = parseDocument(html);
  const declared = declaredHints(document as unknown as Document, url);
  const title = declared.find((h) => h.field === 'title')?.value ?? '';
  const ex = extractMain(document as unknown as Document, title);
  const blocks: LabelledBlock[] = [
    ...ex.blocks.map((b): LabelledBlock => ({ text: b.text, role: 'body', reason: 'body', kept: true, zone: 'body', links: b.links })),
    ...ex.dropped.map((d): LabelledBlock => {
      const zone = d.zone ?? 'body';
      return { text: d.text, role: roleOf(d.reason, zone), reason: d.reason, kept: false, zone };
    }),
  ];
  return { format: 'html', blocks, declared, notes: [`main content chosen by ${ex.via}`] };
}
