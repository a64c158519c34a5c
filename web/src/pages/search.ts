// Search over the corpus with filters; the query lives in the URL hash
// (#/search?q=…&speaker=…&offset=50) so a search, and each of its pages, can
// be shared. Speaker, outlet and entity fields suggest names as one types
// (an entity's aliases included); the speaker matches the whole name unless
// "exact" is unticked. Without any filter the page lists the documents,
// latest first. Every list is paged and can be exported (CSV, JSON).
import { api } from '../api.js';
import { h } from '../dom.js';
import { count, t, tMaybe, type Key } from '../i18n.js';
import { docLine, exportLinks, field, highlighted, load, PAGE_SIZE, pager, withSuggestions } from './common.js';

const TEXT_FILTERS = ['q', 'speaker', 'outlet', 'entity', 'language', 'from', 'to'] as const;
const FLAGS = ['anonymous', 'hedged'] as const;
const LABELS: Record<(typeof TEXT_FILTERS)[number], Key> = {
  q: 'searchWords',
  speaker: 'speaker',
  outlet: 'outlet',
  entity: 'entityFilter',
  language: 'language',
  from: 'from',
  to: 'to',
};

async function speakerOptions(typed: string): Promise<[string, string][]> {
  const page = await api.sources({ q: typed || undefined, kind: 'speaker', limit: 12 });
  return page.items.map((s) => [s.name, `${s.name} — ${count(s.documents, 'n_documents')}`]);
}

async function outletOptions(typed: string): Promise<[string, string][]> {
  const page = await api.sources({ q: typed || undefined, kind: 'outlet', limit: 12 });
  return page.items.map((s) => [s.name, `${s.name} — ${count(s.documents, 'n_documents')}`]);
}

/** An entity by its usual name, with its type and its other names (« Daesh — organisation (EI, ISIS, Daech) »). */
async function entityOptions(typed: string): Promise<[string, string][]> {
  const page = await api.entities({ q: typed || undefined, limit: 12 });
  return page.items.map((e) => {
    const others = e.names.length ? ` (${e.names.slice(0, 5).join(', ')})` : '';
    return [e.name, `${e.name} — ${tMaybe(`type_${e.type}`, e.type)}${others}`];
  });
}

export async function searchPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const inputs = {
    q: h('input', { type: 'search', name: 'q' }),
    speaker: h('input', { type: 'text', name: 'speaker' }),
    outlet: h('input', { type: 'text', name: 'outlet' }),
    entity: h('input', { type: 'text', name: 'entity' }),
    language: h('input', { type: 'text', name: 'language', size: 3, maxlength: 2 }),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
  };
  const flags = { anonymous: h('input', { type: 'checkbox', name: 'anonymous' }), hedged: h('input', { type: 'checkbox', name: 'hedged' }) };
  const exact = h('input', { type: 'checkbox', name: 'speakerExact' });
  for (const k of TEXT_FILTERS) inputs[k].value = params.get(k) ?? '';
  for (const k of FLAGS) flags[k].checked = params.get(k) === 'true';
  // The whole name by default: "on" is not every speaker whose name contains it.
  exact.checked = params.get('speakerExact') !== 'false';
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    ...TEXT_FILTERS.map((k) => field(t(LABELS[k]), inputs[k])),
    withSuggestions(inputs.speaker, 'speaker-suggestions', speakerOptions),
    withSuggestions(inputs.outlet, 'outlet-suggestions', outletOptions),
    withSuggestions(inputs.entity, 'entity-suggestions', entityOptions),
    h('label', {}, exact, ' ', t('speakerExact')),
    ...FLAGS.map((k) => h('label', {}, flags[k], ' ', t(k))),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams(TEXT_FILTERS.map((k) => [k, inputs[k].value.trim()] as [string, string]).filter(([, v]) => v));
    if (next.get('speaker') && !exact.checked) next.set('speakerExact', 'false');
    for (const k of FLAGS) if (flags[k].checked) next.set(k, 'true');
    location.hash = `#/search?${next}`;
  });
  const results = h('div', { class: 'results' });
  root.append(form, results);
  const given: Record<string, string | undefined> = Object.fromEntries([...TEXT_FILTERS, ...FLAGS].map((k) => [k, params.get(k) ?? undefined]));
  const searching = Object.values(given).some((v) => v);
  if (given.speaker) given.speakerExact = exact.checked ? 'true' : 'false';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const size = Math.min(500, Math.max(1, Number(params.get('limit')) || PAGE_SIZE));
  const hrefFor = (o: number) => {
    const p = new URLSearchParams(params);
    if (o) p.set('offset', String(o));
    else p.delete('offset');
    return `#/search?${p}`;
  };
  const words = (given.q ?? '').split(/\s+/).filter(Boolean);
  await load(results, async () => {
    const page = searching ? await api.search({ ...given, limit: size, offset }) : await api.documents({ limit: size, offset });
    results.append(h('p', { class: 'muted count' }, searching ? count(page.total, 'n_results') : count(page.total, 'n_documents')));
    const ul = h('ul', { class: 'hits' });
    for (const hit of page.items)
      ul.appendChild(h('li', {}, docLine(hit), 'snippet' in hit ? h('p', { class: 'snippet' }, highlighted(String(hit.snippet), words)) : null));
    results.append(ul, pager(page.total, offset, size, hrefFor), exportLinks(searching ? '/api/search' : '/api/documents', given));
  });
}
