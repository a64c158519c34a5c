// Pieces shared by the pages: error boxes, document links, loading corpus data.
import type { DocumentSummary } from '../../../src/server/corpus-port.js';
import { foldLowerSameLength } from '../../../src/text/fold.js';
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

/** The page size of every list. */
export const PAGE_SIZE = 50;

/** "1–50 of 126" with previous and next links; `hrefFor(offset)` is the route of another page. */
export function pager(total: number, offset: number, limit: number, hrefFor: (offset: number) => string): HTMLElement {
  const nav = h('nav', { class: 'pager', 'aria-label': t('pager') });
  nav.append(h('span', { class: 'page-of' }, total === 0 ? '0' : fill('pageOf', { from: offset + 1, to: Math.min(total, offset + limit), total })));
  if (offset > 0) nav.append(h('a', { href: hrefFor(Math.max(0, offset - limit)), class: 'prev', rel: 'prev' }, `← ${t('prevPage')}`));
  if (offset + limit < total) nav.append(h('a', { href: hrefFor(offset + limit), class: 'next', rel: 'next' }, `${t('nextPage')} →`));
  return nav;
}

/** Download links of a list route: the whole list as CSV or JSON (the server writes both; CSV cells that look like formulas are defused). */
export function exportLinks(path: string, params: Record<string, string | undefined>): HTMLElement {
  const q = (format: string) => {
    const p = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    p.set('format', format);
    return `${path}?${p}`;
  };
  return h(
    'p',
    { class: 'exports' },
    h('span', { class: 'muted' }, `${t('exportLabel')}${t('colon')}`),
    h('a', { href: q('csv'), download: '', class: 'export-csv' }, t('exportCsv')),
    h('a', { href: q('json'), download: '', class: 'export-json' }, t('exportJson')),
  );
}

/**
 * The text with the searched words marked (<mark>, built as DOM nodes): a word matches where a text word starts with
 * it, or with its first five letters (the search is stemmed: « évacuées » for « évacuation »), accents and case aside.
 */
export function highlighted(text: string, words: string[]): Node {
  const frag = document.createDocumentFragment();
  const stems = words
    .map((w) => foldLowerSameLength(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length >= 2)
    .map((w) => w.slice(0, 5));
  const chars = [...text];
  if (stems.length === 0 || chars.length !== text.length) {
    frag.append(text);
    return frag;
  }
  const folded = foldLowerSameLength(text);
  const re = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (const m of folded.matchAll(re)) {
    if (!stems.some((s) => m[0].startsWith(s))) continue;
    frag.append(text.slice(last, m.index), h('mark', {}, text.slice(m.index, m.index + m[0].length)));
    last = m.index + m[0].length;
  }
  frag.append(text.slice(last));
  return frag;
}

/**
 * Suggestions under a text field (a <datalist>), asked from the server as the user types (after a short pause);
 * `fetchOptions` gives [value, label] pairs.
 */
export function withSuggestions(input: HTMLInputElement, id: string, fetchOptions: (typed: string) => Promise<[string, string][]>): HTMLElement {
  const list = h('datalist', { id });
  input.setAttribute('list', id);
  input.setAttribute('autocomplete', 'off');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked: string | null = null;
  const refresh = async () => {
    const typed = input.value.trim();
    if (typed === asked) return;
    asked = typed;
    const options = await fetchOptions(typed).catch(() => []);
    if (asked !== typed) return;
    clear(list);
    for (const [value, label] of options) list.append(h('option', { value, label }));
    list.dataset.for = typed;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  });
  input.addEventListener('focus', () => void refresh());
  return list;
}
