// Pieces shared by the pages: error boxes, document links, loading corpus data.
import type { DocumentSummary } from '../../../src/server/corpus-port.js';
import { ApiError } from '../api.js';
import { h, extLink, clear } from '../dom.js';
import { t } from '../i18n.js';

export function errorBox(err: unknown): HTMLElement {
  if (err instanceof ApiError && err.status === 503 && /no corpus/.test(err.message)) return h('p', { class: 'error no-corpus' }, t('noCorpus'));
  return h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${(err as Error).message}`);
}

/** "Title — Outlet, date" linking to the stored analysis, plus the original URL. */
export function docLine(d: DocumentSummary): HTMLElement {
  return h(
    'span',
    { class: 'doc-line' },
    h('a', { href: `#/doc/${encodeURIComponent(d.id)}` }, d.title ?? d.id.slice(0, 12)),
    d.outlet ? ` — ${d.outlet}` : '',
    d.published ? `, ${d.published}` : '',
    d.url ? ' ' : '',
    d.url ? extLink(d.url, '↗') : null,
  );
}

/** A form control with its visible label (placeholders are no labels). */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control);
}

/** Run a loader, showing errors in place of the page (its h1 stays). */
export async function load(root: HTMLElement, fill: () => Promise<void>): Promise<void> {
  try {
    await fill();
  } catch (err) {
    const heading = root.querySelector(':scope > h1');
    clear(root);
    if (heading) root.appendChild(heading);
    root.appendChild(errorBox(err));
  }
}
