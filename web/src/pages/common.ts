// Pieces shared by the pages: error boxes, document links, loading corpus data.
import type { DocumentSummary } from '../../../src/server/corpus-port.js';
import { ApiError } from '../api.js';
import { h, extLink, clear } from '../dom.js';
import { fill, t } from '../i18n.js';

/** The server answers in English: say the same in the interface's language (by status, and the message for the ambiguous ones). */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return (err as Error).message;
  const m = err.message;
  if (err.status === 413) return fill('errTooLarge', { size: '?', limit: mib(Number(/(\d+) bytes/.exec(m)?.[1] ?? Number.NaN)) });
  if (err.status === 400 && /article is empty/.test(m)) return t('errEmpty');
  if (err.status === 503) return /budget|time/i.test(m) ? t('errTimeout') : t('errBusy');
  if (err.status === 422) return t('errFailed');
  if (err.status === 404) return t('errNotFound');
  if (err.status >= 500) return t('errServer');
  return `${t('errBadRequest')}${t('colon')}${m}`;
}

/** Bytes as mebibytes with one decimal, in the interface's number format. */
export function mib(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1_048_576).toLocaleString(document.documentElement.lang || 'fr', { maximumFractionDigits: 1 }) : '?';
}

export function errorBox(err: unknown): HTMLElement {
  if (err instanceof ApiError && err.status === 503 && /no corpus/.test(err.message)) return h('p', { class: 'error no-corpus' }, t('noCorpus'));
  return h('p', { class: 'error', role: 'alert' }, `${t('error')}${t('colon')}${errorText(err)}`);
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
export async function load(root: HTMLElement, fillPage: () => Promise<void>): Promise<void> {
  const loading = h('p', { class: 'muted loading', role: 'status' }, t('loading'));
  root.appendChild(loading);
  try {
    await fillPage();
    loading.remove();
  } catch (err) {
    const heading = root.querySelector(':scope > h1');
    clear(root);
    if (heading) root.appendChild(heading);
    root.appendChild(errorBox(err));
  }
}
