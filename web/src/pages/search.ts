// Full-text search over the corpus with filters; the query lives in the URL
// hash (#/search?q=…) so a search can be shared.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { docLine, load } from './common.js';

const FILTERS = ['q', 'outlet', 'language', 'from', 'to'] as const;

export async function searchPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const inputs = {
    q: h('input', { type: 'search', name: 'q', placeholder: t('searchWords'), required: true }),
    outlet: h('input', { type: 'text', name: 'outlet', placeholder: t('outlet') }),
    language: h('input', { type: 'text', name: 'language', placeholder: t('language'), size: 3, maxlength: 2 }),
    from: h('input', { type: 'date', name: 'from', title: t('from') }),
    to: h('input', { type: 'date', name: 'to', title: t('to') }),
  };
  for (const k of FILTERS) inputs[k].value = params.get(k) ?? '';
  const form = h('form', { class: 'search-form' }, ...FILTERS.map((k) => inputs[k]), h('button', { type: 'submit' }, t('search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams(FILTERS.map((k) => [k, inputs[k].value.trim()] as [string, string]).filter(([, v]) => v));
    location.hash = `#/search?${next}`;
  });
  const results = h('div', { class: 'results' });
  root.append(h('h2', {}, t('search')), form, results);
  const q = params.get('q');
  if (!q) return;
  await load(results, async () => {
    const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
    const page = await api.search({ ...filter, limit: 100 });
    results.append(h('p', { class: 'muted' }, `${page.total} ${t('results')}`));
    const ul = h('ul', { class: 'hits' });
    for (const hit of page.items) ul.appendChild(h('li', {}, docLine(hit), h('p', { class: 'snippet' }, hit.snippet)));
    results.append(ul);
  });
}
