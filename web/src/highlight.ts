// Renders one analysis: metadata, a legend that toggles layers, the text with
// its layers highlighted (click a passage for details), the attribution table
// and the removed boilerplate. Whatever layers exist are shown; empty ones too.
import type { Analysis, Attribution } from '../../src/doc/schema.js';
import { marksOf, segments, segmentClasses, labelsEndingAt, LAYERS, type Mark } from '../../src/present/html-marks.js';
import { h, extLink, append, clear } from './dom.js';
import { safeHttpUrl } from '../../src/present/html-escape.js';
import { articleFacts, describeMark, kindLabel, sourceLabel, unsupportedLayerNote, viaLabel } from '../../src/present/report-facts.js';
import { countryOfKey, fill, t, tMaybe, type Key } from './i18n.js';
import { metaEvidence, provenanceOf } from '../../src/present/meta-evidence.js';

export function renderAnalysis(a: Analysis): HTMLElement {
  const marks = marksOf(a);
  const details = h('aside', { class: 'details', 'aria-live': 'polite', 'aria-label': t('details') }, h('p', { class: 'muted' }, t('clickForDetails')));
  const text = renderText(a, marks, details);
  return h(
    'article',
    { class: 'analysis' },
    renderMeta(a),
    renderLegend(text),
    h('div', { class: 'reading' }, text, details),
    renderAttributions(a),
    renderLinks(a),
    renderRemoved(a),
  );
}

/** The metadata, each value with where it came from; a guessed value carries a visible warning. */
function renderMeta(a: Analysis): HTMLElement {
  const m = a.meta;
  const evidence = metaEvidence(m);
  const dl = h('dl', { class: 'meta' });
  for (const [k, v] of articleFacts(m)) {
    const ev = evidence.get(k);
    const prov = provenanceOf(evidence, k);
    const dd = h('dd', { 'data-field': k, 'data-provenance': prov }, v);
    if (prov === 'guessed' && k !== 'language') dd.append(' ', h('span', { class: 'guess', title: t('guessedLong') }, `⚠ ${t('guessed')}`));
    if (ev) {
      const lines = h(
        'ul',
        {},
        ...ev.lines.map((l) => h('li', {}, h('span', { class: 'rule' }, l.rule), l.text ? ` — ${fill('quoted', { text: clip(l.text) })}` : '')),
      );
      dd.append(' ', h('details', { class: 'evidence' }, h('summary', {}, prov === 'declared' ? `${t('evidence')} (${t('declared')})` : t('evidence')), lines));
    } else if (k !== 'language') {
      dd.append(' ', h('span', { class: 'muted small' }, `(${t('noEvidence')})`));
    }
    append(dl, h('dt', {}, t(k)), dd);
  }
  return h('header', {}, h('h2', { class: 'doc-title' }, m.url ? extLink(m.url, m.title ?? m.url) : (m.title ?? a.id.slice(0, 12))), dl);
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Attributions only at first (speaker, cue, content, via, hedges); entities and claims one click away. */
const MORE_LAYERS = new Set(['m-ent', 'm-claim']);
const CONTENT_KINDS = ['direct', 'indirect', 'mixed', 'according'] as const;
const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY'] as const;

function layerBox(text: HTMLElement, layer: { key: Key; cls: string }): HTMLElement {
  const on = !MORE_LAYERS.has(layer.cls);
  text.classList.toggle(`hide-${layer.cls}`, !on);
  const box = h('input', { type: 'checkbox', checked: on, 'data-layer': layer.cls });
  box.addEventListener('change', () => text.classList.toggle(`hide-${layer.cls}`, !box.checked));
  return h('label', { class: `swatch ${layer.cls}` }, box, ' ', t(layer.key));
}

/** The layer toggles, then a key to every colour: content kinds and entity types. */
function renderLegend(text: HTMLElement): HTMLElement {
  const basic = LAYERS.filter((l) => !MORE_LAYERS.has(l.cls));
  const more = LAYERS.filter((l) => MORE_LAYERS.has(l.cls));
  const key = (title: Key, items: HTMLElement[]) => h('div', { class: 'key-group' }, h('span', { class: 'key-title' }, `${t(title)}${t('colon')}`), ...items);
  return h(
    'fieldset',
    { class: 'legend' },
    h('legend', {}, t('layers')),
    h('div', { class: 'layer-row' }, ...basic.map((l) => layerBox(text, l))),
    h('div', { class: 'layer-row more' }, h('span', { class: 'key-title' }, `${t('layersMore')}${t('colon')}`), ...more.map((l) => layerBox(text, l))),
    h(
      'details',
      { class: 'colour-key' },
      h('summary', {}, t('keyTitle')),
      key(
        'keyContentKinds',
        CONTENT_KINDS.map((k) => h('span', { class: `swatch m-content m-k-${k}`, 'data-key': `m-k-${k}` }, t(k))),
      ),
      key(
        'keyEntityTypes',
        ENTITY_TYPES.map((k) => h('span', { class: `swatch m-ent m-ent-${k}`, 'data-key': `m-ent-${k}` }, `${k} — ${t(`type_${k}`)}`)),
      ),
      key('keyRoles', [
        h('span', { class: 'swatch m-source' }, t('speaker')),
        h('span', { class: 'swatch m-anon' }, t('anonymous')),
        h('span', { class: 'swatch m-cue' }, t('cue')),
        h('span', { class: 'swatch m-via' }, t('via')),
        h('span', { class: 'swatch m-content m-hedged' }, t('hedged')),
        h('span', { class: 'swatch m-claim' }, t('claim')),
      ]),
    ),
  );
}

function renderText(a: Analysis, marks: Mark[], details: HTMLElement): HTMLElement {
  const root = h('div', { class: 'text', lang: a.meta.language });
  for (const seg of segments(a.text.length, marks)) {
    const piece = a.text.slice(seg.start, seg.end);
    if (seg.marks.length === 0) {
      root.appendChild(document.createTextNode(piece));
      continue;
    }
    const span = h('span', { class: `seg ${segmentClasses(seg, marks).join(' ')}`, tabindex: 0, 'data-marks': seg.marks.join(' ') }, piece);
    const show = () =>
      showDetails(
        details,
        a,
        seg.marks.map((i) => marks[i]!),
      );
    span.addEventListener('click', show);
    span.addEventListener('keydown', (e) => e.key === 'Enter' && show());
    span.title = seg.marks.map((i) => markTitle(a, marks[i]!)).join('\n');
    root.appendChild(span);
    for (const m of labelsEndingAt(seg, marks)) {
      // The role tags (speaker, cue, anonymous…) are read by screen readers too, in brackets.
      const label = m.entityType ?? t(m.label!);
      root.appendChild(
        h('span', { class: `tag tag-${m.role} ${m.classes.join(' ')}` }, h('span', { class: 'sr-only' }, ' ('), label, h('span', { class: 'sr-only' }, ') ')),
      );
    }
  }
  return root;
}

const sourceName = (at: Attribution) => sourceLabel(at, t);

/** The hover text of a passage: an entity by its type in words, not its key. */
function markTitle(a: Analysis, m: Mark): string {
  if (m.entity === undefined) return describeMark(a, m, t);
  const en = a.entities[m.entity]!;
  return `${en.text} — ${tMaybe(`type_${en.type}`, en.type)}${en.subtype ? `, ${tMaybe(`sub_${en.subtype}`, en.subtype)}` : ''}`;
}

/** The chain a reader follows: outlet ← intermediaries ← speaker, through parents. */
function chain(a: Analysis, i: number): string {
  const parts: string[] = [];
  const seen = new Set<number>();
  for (let k: number | null = i; k !== null && !seen.has(k) && a.attributions[k]; k = a.attributions[k]!.parent) {
    seen.add(k);
    const at = a.attributions[k]!;
    parts.unshift([...at.via.map((v) => v.text)].reverse().concat(sourceName(at)).join(' ← '));
  }
  return [a.meta.outlet ?? '…', ...parts].join(' ← ');
}

function showDetails(panel: HTMLElement, a: Analysis, marks: Mark[]): void {
  clear(panel);
  append(panel, h('h3', {}, t('details')));
  const shown = new Set<string>();
  for (const m of marks) {
    const key = `${m.attribution ?? ''}/${m.entity ?? ''}/${m.claim ?? ''}`;
    if (shown.has(key)) continue;
    shown.add(key);
    if (m.attribution !== undefined) append(panel, attributionDetail(a, m.attribution));
    else if (m.entity !== undefined) append(panel, entityDetail(a, m.entity));
    else if (m.claim !== undefined) append(panel, claimDetail(a, m.claim));
  }
}

const pairs = (cls: string, rows: [Key, Node | string][]) => h('dl', { class: cls }, ...rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));

/** Who, according to whom, said how, how sure, which rule. */
function attributionDetail(a: Analysis, i: number): HTMLElement {
  const at = a.attributions[i]!;
  const sure: string[] = [];
  if (at.hedged) sure.push(`${t('hedgedBy')}${at.hedges?.length ? ` (${at.hedges.map((x) => fill('quoted', { text: x.text })).join(', ')})` : ''}`);
  if (at.negated) sure.push(t('negated'));
  if (at.question) sure.push(t('question'));
  return pairs('attr-detail', [
    ['whoSpeaks', h('span', {}, sourceName(at), ' ', h('em', {}, at.source?.anonymous ? t('anonymous') : at.source ? t('named') : ''))],
    ['accordingTo', chain(a, i)],
    ['saidHow', at.cue?.text ?? '—'],
    ['what', h('span', { class: 'quote' }, at.content.text)],
    ['form', t(at.kind)],
    ['howSure', sure.join(', ') || t('sure')],
    ['whichRule', at.rule ? tMaybe(`rule_${at.rule}`, at.rule) : t('ruleUnknown')],
  ]);
}

/** Name and type in words; what it refers to (a country for country codes; its other names in the text); its articles in the corpus. */
function entityDetail(a: Analysis, i: number): HTMLElement {
  const en = a.entities[i]!;
  const type = `${tMaybe(`type_${en.type}`, en.type)}${en.subtype ? ` — ${tMaybe(`sub_${en.subtype}`, en.subtype.replace(/[-_]/g, ' '))}` : ''}`;
  const rows: [Key, Node | string][] = [
    ['entityName', en.text],
    ['entityType', type],
  ];
  const refers = entityReferent(a, en.key, en.text);
  if (refers) rows.push(['entityRefers', refers]);
  rows.push(['entityDocs', h('a', { href: `#/search?${new URLSearchParams({ entity: en.key })}`, class: 'entity-search' }, en.text)]);
  return pairs('entity-detail', rows);
}

function entityReferent(a: Analysis, key: string, text: string): string | null {
  const country = countryOfKey(key);
  if (country) return country;
  const others = [...new Set(a.entities.filter((e) => e.key === key && e.text !== text).map((e) => e.text))];
  return others.length ? others.join(', ') : null;
}

function claimDetail(a: Analysis, i: number): HTMLElement {
  const c = a.claims[i]!;
  const at = c.attribution !== null ? a.attributions[c.attribution] : undefined;
  const words = c.text.split(/\s+/).slice(0, 8).join(' ');
  return pairs('claim-detail', [
    ['claimText', h('span', { class: 'quote' }, c.text)],
    ['claimVoice', at ? sourceName(at) : t('outletVoice')],
    ['howSure', [c.hedged ? t('hedgedBy') : t('sure'), c.negated ? t('negated') : '', c.question ? t('question') : ''].filter(Boolean).join(', ')],
    ['claimFind', h('a', { href: `#/groups?${new URLSearchParams({ q: words })}`, class: 'claim-search' }, words)],
  ]);
}

function renderAttributions(a: Analysis): HTMLElement {
  const list = a.attributions;
  const section = h('section', { class: 'attributions' }, h('h3', {}, `${t('attributions')} (${list.length})`));
  if (list.length === 0) {
    // A language without attribution data: say the layer was not analysed, not that nothing was found.
    const unsupported = unsupportedLayerNote(a, 'attributions') !== null;
    section.appendChild(
      h('p', { class: unsupported ? 'muted not-supported' : 'muted' }, unsupported ? fill('layerNotAnalysed', { language: a.meta.language }) : t('noneFound')),
    );
    return section;
  }
  const body = h('tbody', {});
  list.forEach((at, i) =>
    body.appendChild(
      h(
        'tr',
        {},
        h('td', {}, String(i + 1)),
        h('td', { class: at.source?.anonymous ? 'anon' : '' }, sourceName(at)),
        h('td', {}, at.cue?.text ?? '—'),
        h('td', {}, kindLabel(at, t)),
        h('td', {}, viaLabel(at)),
        h('td', { class: 'quote' }, at.content.text),
      ),
    ),
  );
  const head = h('tr', {}, ...['#', t('source'), t('cue'), t('kind'), t('via'), t('content')].map((x) => h('th', {}, x)));
  section.appendChild(h('table', {}, h('thead', {}, head), body));
  return section;
}

function renderRemoved(a: Analysis): HTMLElement {
  const det = h('details', { class: 'removed' }, h('summary', {}, `${t('removed')} (${a.removed.length})`));
  const ul = h('ul', {});
  for (const r of a.removed) ul.appendChild(h('li', {}, h('span', { class: 'reason' }, r.reason), ' ', r.text));
  det.appendChild(ul);
  return det;
}

function renderLinks(a: Analysis): HTMLElement {
  const links = a.links ?? [];
  const ul = h('ul', { class: 'links' });
  for (const l of links) {
    const ok = safeHttpUrl(l.href);
    ul.appendChild(h('li', {}, ok ? extLink(ok, l.text || ok) : h('span', { class: 'blocked' }, `${l.text} — ${t('blockedLink')}: ${l.href}`)));
  }
  return h('details', { class: 'links' }, h('summary', {}, `${t('links')} (${links.length})`), ul);
}
