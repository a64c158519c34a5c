// Claim groups: the list, and one group — who said it, when, through which
// chain, whether the repeats are independent, with links to the articles.
import { api } from '../api.js';
import { h } from '../dom.js';
import { count, t } from '../i18n.js';
import { docLine, field, load } from './common.js';

type Verdict = 'independent' | 'single-upstream' | 'undetermined';
const VERDICT_TEXT = { independent: 'independent', 'single-upstream': 'notIndependent', undetermined: 'undetermined' } as const;
const verdictClass = (v: Verdict) => (v === 'independent' ? 'independent' : v === 'single-upstream' ? 'single-origin' : 'undetermined');

export async function groupsPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = h('input', { type: 'search', name: 'q', placeholder: t('searchWords') });
  q.value = params.get('q') ?? '';
  const form = h('form', { class: 'search-form' }, field(t('searchWords'), q), h('button', { type: 'submit' }, t('search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/groups?${new URLSearchParams(q.value.trim() ? { q: q.value.trim() } : {})}`;
  });
  const list = h('div', {});
  root.append(form, list);
  await load(list, async () => {
    const page = await api.claimGroups({ q: params.get('q') ?? undefined, limit: 200 });
    if (page.items.length === 0) list.append(h('p', { class: 'muted' }, t('noneFound')));
    const ul = h('ul', { class: 'groups' });
    for (const g of page.items) {
      ul.appendChild(
        h(
          'li',
          { class: verdictClass(g.verdict) },
          h('a', { href: `#/group/${encodeURIComponent(g.id)}` }, g.label),
          h(
            'span',
            { class: 'muted' },
            ` — ${count(g.mentions, 'n_mentions')}, ${count(g.outlets, 'n_outlets')}, ${count(g.origins, 'n_origins')}`,
            g.first ? `, ${g.first}` : '',
          ),
        ),
      );
    }
    list.append(ul);
  });
}

export async function groupPage(root: HTMLElement, id: string): Promise<void> {
  await load(root, async () => {
    const g = await api.claimGroup(id);
    // "Confirmed" only for the independent verdict (two distinct named upstream sources in two publishers).
    const verdict = h('p', { class: `verdict ${verdictClass(g.verdict)}` }, t(VERDICT_TEXT[g.verdict]));
    const why = h('details', { class: 'reasons' }, h('summary', {}, t('reasonsTitle')), h('ul', {}, ...g.reasons.map((r) => h('li', {}, r))));
    const body = h('tbody', {});
    for (const m of g.items) {
      const who = m.source ? `${m.source}${m.anonymous ? ` (${t('anonymous')})` : ''}` : t('unattributed');
      body.appendChild(
        h(
          'tr',
          {},
          h('td', { class: m.anonymous ? 'anon' : '' }, who),
          h('td', {}, m.document.published ?? '—'),
          h('td', {}, [m.document.outlet ?? '…', ...m.via, m.source ?? '?'].join(' ← ')),
          h('td', { class: 'quote' }, m.text, m.hedged ? ` (${t('hedged')})` : ''),
          h('td', {}, docLine(m.document)),
        ),
      );
    }
    const head = h('tr', {}, ...[t('who'), t('when'), t('chain'), t('claimText'), t('article')].map((x) => h('th', {}, x)));
    const reasons = h(
      'ul',
      { class: 'upstream' },
      ...g.upstream.map((u) =>
        h(
          'li',
          { class: u.anonymous ? 'anon' : '' },
          u.label,
          h('span', { class: 'muted' }, ` — ${count(u.claims, 'n_mentions')}, ${count(u.documents, 'n_documents')}`),
        ),
      ),
    );
    const ld = h('pre', { class: 'jsonld' });
    const ldBox = h('details', { class: 'claimreview' }, h('summary', {}, t('claimReview')), ld);
    ldBox.addEventListener('toggle', async () => {
      if (ldBox.open && !ld.textContent) ld.textContent = JSON.stringify(await api.claimReview(id), null, 2);
    });
    root.append(
      h('h2', { class: 'group-label' }, g.label),
      h('p', { class: 'muted' }, `${count(g.mentions, 'n_mentions')}, ${count(g.outlets, 'n_outlets')}, ${count(g.origins, 'n_origins')}`),
      verdict,
      why,
      h('h3', {}, t('originsTitle')),
      reasons,
      h('table', { class: 'mentions' }, h('thead', {}, head), body),
      ldBox,
    );
  });
}
