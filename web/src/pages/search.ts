// Search over the corpus with filters; the query lives in the URL hash
// (#/search?q=…&speaker=…) so a search can be shared. Without any, the page
// lists the documents, latest first.
import { api } from '../api.js';
import { h } from '../dom.js';
import { count, t } from '../i18n.js';
import { docLine, field, load } from './common.js';

const TEXT_FILTERS = ['q', 'speaker', 'outlet', 'language', 'from', 'to'] as const;
const FLAGS = ['anonymous', 'hedged'] as const;

export async function searchPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const inputs = {
    q: h('input', { type: 'search', name: 'q', placeholder: t('searchWords') }),
    speaker: h('input', { type: 'text', name: 'speaker', placeholder: t('speaker') }),
    outlet: h('input', { type: 'text', name: 'outlet', placeholder: t('outlet') }),
    language: h('input', { type: 'text', name: 'language', placeholder: t('language'), size: 3, maxlength: 2 }),
    from: h('input', { type: 'date', name: 'from', title: t('from') }),
    to: h('input', { type: 'date', name: 'to', title: t('to') }),
  };
  const flags = { anonymous: h('input', { type: 'checkbox', name: 'anonymous' }), hedged: h('input', { type: 'checkbox', name: 'hedged' }) };
  for (const k of TEXT_FILTERS) inputs[k].value = params.get(k) ?? '';
  for (const k of FLAGS) flags[k].checked = params.get(k) === 'true';
  const form = h(
    'form',
    { class: 'search-form' },
    ...TEXT_FILTERS.map((k) => field(t(k === 'q' ? 'searchWords' : k), inputs[k])),
    ...FLAGS.map((k) => h('label', {}, flags[k], ' ', t(k))),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams(TEXT_FILTERS.map((k) => [k, inputs[k].value.trim()] as [string, string]).filter(([, v]) => v));
    for (const k of FLAGS) if (flags[k].checked) next.set(k, 'true');
    location.hash = `#/search?${next}`;
  });
  const results = h('div', { class: 'results' });
  root.append(form, results);
  const given = Object.fromEntries([...TEXT_FILTERS, ...FLAGS].map((k) => [k, params.get(k) ?? undefined]));
  const searching = Object.values(given).some((v) => v);
  await load(results, async () => {
    const page = searching ? await api.search({ ...given, limit: 100 }) : await api.documents({ limit: 100 });
    results.append(h('p', { class: 'muted' }, searching ? count(page.total, 'n_results') : count(page.total, 'n_documents')));
    const ul = h('ul', { class: 'hits' });
    for (const hit of page.items) ul.appendChild(h('li', {}, docLine(hit), 'snippet' in hit ? h('p', { class: 'snippet' }, String(hit.snippet)) : null));
    results.append(ul);
  });
}
