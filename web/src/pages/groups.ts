// Claim groups: the list, and one group — who said it, when, through which
// chain, whether the repeats are independent, with links to the articles.
import type { ClaimGroup } from '../../../src/server/corpus-port.js';
import { completeClaimReview } from '../../../src/present/claimreview.js';
import { api } from '../api.js';
import { clear, h } from '../dom.js';
import { count, countryOfKey, currentLang, fill, t, tMaybe } from '../i18n.js';
import { renderGroupReason, renderMatchReason } from '../../../src/present/reasons.js';
import { verdictShortKey } from '../../../src/present/html-i18n.js';
import { docLine, exportLinks, field, load, PAGE_SIZE, pager } from './common.js';

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
    const offset = Math.max(0, Number(params.get('offset')) || 0);
    const page = await api.claimGroups({ q: params.get('q') ?? undefined, limit: PAGE_SIZE, offset });
    const hrefFor = (o: number) => {
      const p = new URLSearchParams(params);
      if (o) p.set('offset', String(o));
      else p.delete('offset');
      return `#/groups?${p}`;
    };
    if (page.items.length === 0) list.append(h('p', { class: 'muted' }, t('noneFound')));
    const ul = h('ul', { class: 'groups' });
    for (const g of page.items) {
      ul.appendChild(
        h(
          'li',
          { class: verdictClass(g.verdict) },
          h('a', { href: `#/group/${encodeURIComponent(g.id)}` }, g.label),
          // The verdict in words, never by colour alone; « independent » only as the server gives it with its sources.
          ' ',
          h('span', { class: `badge ${verdictClass(g.verdict)}`, 'data-verdict': g.verdict }, t(verdictShortKey(g.verdict))),
          h('span', { class: 'muted' }, ` — ${count(g.mentions, 'n_mentions')}, ${count(g.outlets, 'n_outlets')}`, g.first ? `, ${g.first}` : ''),
        ),
      );
    }
    list.append(ul, pager(page.total, offset, PAGE_SIZE, hrefFor), exportLinks('/api/claim-groups', { q: params.get('q') ?? undefined }));
  });
}

/** The named upstream sources: only they can confirm a claim independently. */
const named = (g: ClaimGroup) => g.upstream.filter((u) => !u.anonymous && !u.denies);

/**
 * The verdict shown: "independent" (the only one that reads as confirmed) needs two distinct named upstream
 * sources listed and counted; the server's word alone is not enough.
 */
function shownVerdict(g: ClaimGroup): Verdict {
  return g.verdict === 'independent' && (named(g).length < 2 || g.origins < 2) ? 'undetermined' : g.verdict;
}

/** An entity key as words: a country code as its name, else the key without its type prefix. */
function keyLabel(key: string): string {
  return countryOfKey(key) ?? key.replace(/^[a-z]+:/, '').replace(/-/g, ' ');
}

/** The verdict and what it rests on, in the interface's language: which upstream sources, in how many outlets. */
function verdictEvidence(g: ClaimGroup): HTMLElement {
  const v = shownVerdict(g);
  const list = (us: ClaimGroup['upstream']) => us.map((u) => `${u.label} (${count(u.documents, 'n_documents')})`).join(t('listSep')) || '—';
  const box = h('section', { class: 'verdict-box', 'aria-labelledby': 'verdict-title' });
  box.append(h('p', { class: `verdict ${verdictClass(v)}`, id: 'verdict-title', 'data-verdict': v }, t(VERDICT_TEXT[v])));
  let because: string;
  if (v === 'independent') because = fill('evIndependent', { n: g.origins, p: g.outlets, list: list(named(g)) });
  else if (v === 'single-upstream') because = fill('evSingle', { list: list(g.upstream) });
  else because = fill('evUndetermined', { n: named(g).length, list: list(g.upstream.filter((u) => u.anonymous)) });
  box.append(h('p', { class: 'because' }, because));
  if (v !== g.verdict) box.append(h('p', { class: 'muted guard' }, t('evGuard')));
  // Mentions stating the opposite (« démenti par l'intéressé, … »): beside the verdict, never among its confirmations.
  const against = g.reasonMessages.filter((r) => r.id === 'contradicted');
  if (against.length) box.append(h('ul', { class: 'contradicted' }, ...against.map((r) => h('li', {}, renderGroupReason(r, currentLang())))));
  return box;
}

/** Each upstream source: what it is, whether it counts, and the articles leading back to it. */
function upstreamList(g: ClaimGroup): HTMLElement {
  const docs = new Map(g.items.map((m) => [m.document.id, m.document]));
  return h(
    'ul',
    { class: 'upstream' },
    ...g.upstream.map((u) =>
      h(
        'li',
        { class: u.anonymous ? 'anon' : 'named' },
        u.label,
        h('span', { class: 'muted' }, ` — ${tMaybe(`upKind_${u.kind}`, u.kind)}, ${count(u.claims, 'n_mentions')}, ${count(u.documents, 'n_documents')}`),
        ' ',
        u.denies
          ? h('span', { class: 'counts no denies' }, `✗ ${t('countsDenies')}`)
          : h('span', { class: `counts ${u.anonymous ? 'no' : 'yes'}` }, u.anonymous ? `✗ ${t('countsNo')}` : `✓ ${t('countsYes')}`),
        h(
          'div',
          { class: 'leads' },
          `${t('leadsFrom')}${t('colon')}`,
          ...(u.documentIds ?? [])
            .map((id) => docs.get(id))
            .filter((d) => d !== undefined)
            .flatMap((d, i) => [i ? ' · ' : '', docLine(d)]),
        ),
      ),
    ),
  );
}

/** Which parts of the claims matched: shared entities and figures, and the matcher's own account. */
function matched(g: ClaimGroup): HTMLElement {
  const section = h('section', { class: 'matched' }, h('h3', {}, t('matchedTitle')));
  const dl = h('dl', { class: 'meta' });
  if (g.entityKeys.length)
    dl.append(
      h('dt', {}, t('matchedEntities')),
      h(
        'dd',
        {},
        ...g.entityKeys.flatMap((k, i) => [i ? ', ' : '', h('a', { href: `#/search?${new URLSearchParams({ entity: k })}` }, g.entityNames[k] ?? keyLabel(k))]),
      ),
    );
  if (g.numbers.length) dl.append(h('dt', {}, t('matchedNumbers')), h('dd', {}, g.numbers.join(', ')));
  section.append(dl);
  if (g.explanationMessages.length)
    section.append(
      h(
        'details',
        { class: 'explanation' },
        h('summary', {}, t('matchedHow')),
        h('ul', {}, ...g.explanationMessages.map((m) => h('li', {}, renderMatchReason(m, currentLang())))),
      ),
    );
  return section;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/** The ClaimReview form: the verdict, its explanation, who publishes it; the JSON-LD follows every change. */
function claimReviewForm(id: string): HTMLElement {
  const rating = h(
    'select',
    { name: 'rating' },
    h('option', { value: '' }, t('crChoose')),
    ...RATINGS.map((r) => h('option', { value: String(r) }, t(`rating${r}`))),
  );
  const explanation = h('textarea', { name: 'explanation', rows: 3 });
  const org = h('input', { type: 'text', name: 'org' });
  const url = h('input', { type: 'url', name: 'url' });
  const date = h('input', { type: 'date', name: 'date' });
  date.value = new Date().toISOString().slice(0, 10);
  const status = h('p', { class: 'cr-status', role: 'status' });
  // A named, focusable region: ARIA forbids aria-label on a plain <pre> (axe aria-prohibited-attr, seen by the English browser test).
  const out = h('pre', { class: 'jsonld', role: 'region', 'aria-label': t('crOutput'), tabindex: 0 });
  const form = h(
    'form',
    { class: 'claimreview-form' },
    field(t('crRating'), rating),
    field(t('crExplanation'), explanation),
    field(t('crOrg'), org),
    field(t('crUrl'), url),
    field(t('crDate'), date),
  );
  const box = h('details', { class: 'claimreview' }, h('summary', {}, t('crTitle')), form, status, h('h4', {}, t('crOutput')), out);
  let draft: Record<string, unknown> | null = null;
  const FIELD_LABEL = { ratingValue: 'crRating', authorName: 'crOrg', url: 'crUrl', datePublished: 'crDate' } as const;
  const update = () => {
    if (!draft) return;
    const r = rating.value ? Number(rating.value) : null;
    const { jsonld, missing } = completeClaimReview(draft, {
      ratingValue: r,
      alternateName: r ? t(`rating${r as 1}`) : '',
      explanation: explanation.value,
      authorName: org.value,
      url: url.value,
      datePublished: date.value,
    });
    out.textContent = JSON.stringify(jsonld, null, 2);
    status.className = `cr-status ${missing.length ? 'incomplete' : 'complete'}`;
    status.textContent = missing.length ? fill('crMissing', { list: missing.map((m) => t(FIELD_LABEL[m])).join(', ') }) : t('crValid');
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  box.addEventListener('toggle', async () => {
    if (!box.open || draft) return;
    draft = (await api.claimReview(id)) as Record<string, unknown>;
    update();
  });
  return box;
}

export async function groupPage(root: HTMLElement, id: string): Promise<void> {
  await load(root, async () => {
    const g = await api.claimGroup(id);
    const why = h(
      'details',
      { class: 'reasons' },
      h('summary', {}, t('reasonsRaw')),
      h('ul', {}, ...g.reasonMessages.map((r) => h('li', {}, renderGroupReason(r, currentLang())))),
    );
    const head = h('tr', {}, ...[t('who'), t('when'), t('chain'), t('claimText'), t('article')].map((x) => h('th', {}, x)));
    const body = h('tbody', {});
    const mentions = h('table', { class: 'mentions' }, h('thead', {}, head), body);
    const pagerBox = h('div', {});
    // The mentions, a page at a time (a claim repeated by hundreds of articles).
    const showMentions = (offset: number) => {
      clear(body);
      for (const m of g.items.slice(offset, offset + PAGE_SIZE)) {
        const who = m.source ? `${m.source}${m.anonymous ? ` (${t('anonymous')})` : ''}` : t('unattributed');
        body.appendChild(
          h(
            'tr',
            {},
            h('td', { class: m.anonymous ? 'anon' : '' }, who),
            h('td', {}, m.document.published ?? '—'),
            h('td', {}, [m.document.outlet ?? '…', ...m.via, m.source ?? '?'].join(' ← ')),
            h(
              'td',
              { class: 'quote' },
              m.text,
              m.hedged ? ` (${t('hedged')})` : '',
              // The same words credited to someone else elsewhere: which is right is for the reader to check.
              ...(m.conflictingSpeakers?.length
                ? [
                    h(
                      'div',
                      { class: 'conflict' },
                      `${t('alsoCreditedTo')} ${m.conflictingSpeakers.map((x) => `${x.speaker} (${x.documents.length})`).join(', ')}`,
                    ),
                  ]
                : []),
            ),
            h('td', {}, docLine(m.document)),
          ),
        );
      }
      clear(pagerBox);
      const nav = pager(g.items.length, offset, PAGE_SIZE, () => `#/group/${encodeURIComponent(id)}`);
      for (const a of nav.querySelectorAll('a')) {
        const next = a.classList.contains('next') ? offset + PAGE_SIZE : Math.max(0, offset - PAGE_SIZE);
        a.addEventListener('click', (e) => {
          e.preventDefault();
          showMentions(next);
        });
      }
      pagerBox.append(nav);
    };
    showMentions(0);
    root.append(
      h('h2', { class: 'group-label' }, g.label),
      // How many distinct upstream sources, only where the verdict establishes it (undetermined: they cannot be told apart).
      h(
        'p',
        { class: 'muted' },
        `${count(g.mentions, 'n_mentions')}, ${count(g.outlets, 'n_outlets')}`,
        shownVerdict(g) === 'undetermined' ? '' : `, ${count(g.origins, 'n_origins')}`,
      ),
      verdictEvidence(g),
      h('h3', {}, t('originsTitle')),
      upstreamList(g),
      matched(g),
      why,
      h('h3', {}, t('mentionsTitle')),
      mentions,
      pagerBox,
      exportLinks(`/api/claim-groups/${encodeURIComponent(id)}/mentions`, {}),
      claimReviewForm(id),
    );
  });
}
