// Sources: outlets and speakers by number of mentions, named and anonymous
// apart, each linking to the documents that cite it.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../../../src/present/html-i18n.js';
import { exportLinks, field, load, PAGE_SIZE, pager } from './common.js';

export async function sourcesPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = h('input', { type: 'search', name: 'q', placeholder: t('searchWords') });
  q.value = params.get('q') ?? '';
  const anon = h('input', { type: 'checkbox', name: 'anonymous' });
  anon.checked = params.get('anonymous') === 'true';
  const form = h(
    'form',
    { class: 'search-form' },
    field(t('searchWords'), q),
    h('label', {}, anon, ' ', t('anonymous')),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (q.value.trim()) next.set('q', q.value.trim());
    if (anon.checked) next.set('anonymous', 'true');
    location.hash = `#/sources?${next}`;
  });
  const out = h('div', {});
  root.append(form, out);
  await load(out, async () => {
    const offset = Math.max(0, Number(params.get('offset')) || 0);
    const filter = { q: params.get('q') ?? undefined, anonymous: params.get('anonymous') ?? undefined };
    const page = await api.sources({ ...filter, limit: PAGE_SIZE, offset });
    const hrefFor = (o: number) => {
      const p = new URLSearchParams(params);
      if (o) p.set('offset', String(o));
      else p.delete('offset');
      return `#/sources?${p}`;
    };
    const body = h('tbody', {});
    for (const s of page.items) {
      const kind = s.type === 'outlet' ? 'outlet' : 'speaker';
      body.appendChild(
        h(
          'tr',
          {},
          h('td', { class: s.anonymous ? 'anon' : '' }, h('a', { href: `#/search?${new URLSearchParams({ [kind]: s.name })}` }, s.name)),
          h('td', {}, s.type ? t(`kind_${s.type}` as MessageKey) : '—', s.anonymous ? ` (${t('anonymous')})` : ''),
          h('td', {}, String(s.mentions)),
          h('td', {}, String(s.documents)),
        ),
      );
    }
    const head = h('tr', {}, ...[t('source'), t('kind'), t('mentions'), t('documents')].map((x) => h('th', {}, x)));
    out.append(
      h('table', { class: 'sources' }, h('thead', {}, head), body),
      pager(page.total, offset, PAGE_SIZE, hrefFor),
      exportLinks('/api/sources', filter),
    );
  });
}
