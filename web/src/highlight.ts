// Renders one analysis: metadata, a legend that toggles layers, the text with
// its layers highlighted (click a passage for details), the attribution table
// and the removed boilerplate. Whatever layers exist are shown; empty ones too.
import type { Analysis, Attribution } from '../../src/doc/schema.js';
import { marksOf, segments, segmentClasses, labelsEndingAt, LAYERS, type Mark } from '../../src/present/html-marks.js';
import { h, extLink, append, clear } from './dom.js';
import { safeHttpUrl } from '../../src/present/html-escape.js';
import { articleFacts, describeMark, kindLabel, sourceLabel, viaLabel } from '../../src/present/report-facts.js';
import { t } from './i18n.js';

export function renderAnalysis(a: Analysis): HTMLElement {
  const marks = marksOf(a);
  const details = h('aside', { class: 'details', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('clickForDetails')));
  const text = renderText(a, marks, details);
  return h(
    'article',
    { class: 'analysis' },
    renderMeta(a),
    renderLegend(text),
    h('div', { class: 'reading' }, text, details),
    renderAttributions(a.attributions),
    renderLinks(a),
    renderRemoved(a),
  );
}

function renderMeta(a: Analysis): HTMLElement {
  const m = a.meta;
  const dl = h('dl', { class: 'meta' });
  for (const [k, v] of articleFacts(m)) append(dl, h('dt', {}, t(k)), h('dd', {}, v));
  return h('header', {}, h('h2', { class: 'doc-title' }, m.url ? extLink(m.url, m.title ?? m.url) : (m.title ?? a.id.slice(0, 12))), dl);
}

function renderLegend(text: HTMLElement): HTMLElement {
  const legend = h('fieldset', { class: 'legend' }, h('legend', {}, t('layers')));
  for (const layer of LAYERS) {
    const box = h('input', { type: 'checkbox', checked: true, 'data-layer': layer.cls });
    box.addEventListener('change', () => text.classList.toggle(`hide-${layer.cls}`, !box.checked));
    append(legend, h('label', { class: `swatch ${layer.cls}` }, box, ' ', t(layer.key)));
  }
  return legend;
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
    span.title = seg.marks.map((i) => describeMark(a, marks[i]!, t)).join('\n');
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
    if (m.attribution !== undefined) {
      const at = a.attributions[m.attribution]!;
      append(
        panel,
        h(
          'dl',
          { class: 'attr-detail' },
          h('dt', {}, t('source')),
          h('dd', {}, sourceName(at), ' ', h('em', {}, at.source?.anonymous ? t('anonymous') : t('named'))),
          h('dt', {}, t('cue')),
          h('dd', {}, at.cue?.text ?? '—'),
          h('dt', {}, t('kind')),
          h('dd', {}, t(at.kind), at.hedged ? ` — ${t('hedged')}` : ''),
          h('dt', {}, t('chain')),
          h('dd', {}, chain(a, m.attribution)),
          h('dt', {}, t('content')),
          h('dd', { class: 'quote' }, at.content.text),
        ),
      );
    } else {
      append(panel, h('p', {}, describeMark(a, m, t)));
    }
  }
}

function renderAttributions(list: Attribution[]): HTMLElement {
  const section = h('section', { class: 'attributions' }, h('h3', {}, `${t('attributions')} (${list.length})`));
  if (list.length === 0) {
    section.appendChild(h('p', { class: 'muted' }, t('noneFound')));
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
