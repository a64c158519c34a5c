// Page-layout stage: every block of the decoded input labelled with its role
// on the page (site header, navigation, title, by-line, date line, body,
// caption, credit, share bar, related links, comments, signature, origin
// notice, footer…) and the reason for it. `clean` keeps the body blocks,
// `meta` reads the labelled blocks and the metadata the markup declares.
// This folder imports neither of them (test/layout-imports.test.ts).
import type { InputFormat } from '../doc/schema.js';
import type { PageLayout } from './types.js';
import { layoutHtml } from './html/index.js';
import { layoutText } from './text/index.js';

export type { LabelledBlock, MetaHint, PageLayout, Role, Zone } from './types.js';
export { ROLES } from './types.js';

export interface LayoutOptions {
  /** the page's URL (dates in paths, the outlet's domain) */
  url?: string | null;
}

export function layout(source: string, format: InputFormat, opts: LayoutOptions = {}): PageLayout {
  return format === 'html' ? layoutHtml(source, opts.url) : layoutText(source, format);
}
