// Sources: outlets and speakers by number of mentions, named and anonymous
// apart, each linking to the documents that cite it.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import type { MessageKey } from '../../../src/present/html-i18n.js';
import { field, load } from './common.js';

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
    const page = await api.sources({ q: params.get('q') ?? undefined, anonymous: params.get('anonymous') ?? undefined, limit: 200 });
    const body = h('tbody', {});
    for (const s of page.items) {
      const filter = s.type === 'outlet' ? 'outlet' : 'speaker';
      body.appendChild(
        h(
          'tr',
          {},
          h('td', { class: s.anonymous ? 'anon' : '' }, h('a', { href: `#/search?${new URLSearchParams({ [filter]: s.name })}` }, s.name)),
          h('td', {}, s.type ? t(`kind_${s.type}` as MessageKey) : '—', s.anonymous ? ` (${t('anonymous')})` : ''),
          h('td', {}, String(s.mentions)),
          h('td', {}, String(s.documents)),
        ),
      );
    }
    const head = h('tr', {}, ...[t('source'), t('kind'), t('mentions'), t('documents')].map((x) => h('th', {}, x)));
    out.append(h('p', { class: 'muted' }, `${page.total}`), h('table', { class: 'sources' }, h('thead', {}, head), body));
  });
}
