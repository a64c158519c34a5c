// Narratives on a timeline: one row per narrative, one dot per article on
// its publication date (SVG built node by node; labels are text nodes).
import type { Narrative } from '../../../src/server/corpus-port.js';
import { api } from '../api.js';
import { h } from '../dom.js';
import { count, t } from '../i18n.js';
import { docLine, load } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const ROW = 34;
const LEFT = 240;
const WIDTH = 960;
const DAY = 86_400_000;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function timeline(narratives: Narrative[]): SVGSVGElement {
  const dates = narratives.flatMap((n) => n.events.map((e) => e.date).filter((d): d is string => d !== null)).map(time);
  const min = dates.length ? Math.min(...dates) : 0;
  const max = dates.length ? Math.max(...dates) : 0;
  const span = Math.max(max - min, DAY);
  const x = (d: string) => LEFT + ((time(d) - min) / span) * (WIDTH - LEFT - 30);
  const height = narratives.length * ROW + 40;
  const root = svg('svg', { class: 'timeline', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img' });
  root.append(svg('title', {}, t('timeline')));
  narratives.forEach((n, row) => {
    const y = 20 + row * ROW;
    root.append(svg('line', { x1: LEFT, x2: WIDTH - 20, y1: y, y2: y, class: 'lane' }));
    root.append(svg('text', { x: 4, y: y + 4, class: 'lane-label' }, n.label.length > 32 ? `${n.label.slice(0, 31)}…` : n.label));
    // Dots of one claim group share a colour (six, then they repeat).
    const claims = [...new Set(n.events.map((e) => e.claim ?? ''))];
    for (const e of n.events) {
      if (!e.date) continue;
      const dot = svg('circle', { cx: x(e.date), cy: y, r: 6, class: `event g${claims.indexOf(e.claim ?? '') % 6}` });
      dot.append(svg('title', {}, `${e.date} — ${e.document.outlet ?? ''} — ${e.document.title ?? ''}\n${e.claim ?? ''}`));
      root.append(dot);
    }
  });
  if (dates.length) {
    const axis = 20 + narratives.length * ROW;
    const ticks: [number, string][] = [
      [min, 'start'],
      [min + span / 2, 'middle'],
      [max, 'end'],
    ];
    for (const [d, anchor] of ticks) {
      const label = new Date(d).toISOString().slice(0, 10);
      root.append(svg('text', { x: x(label), y: axis, class: 'axis', 'text-anchor': anchor }, label));
    }
  }
  return root;
}

export async function narrativesPage(root: HTMLElement): Promise<void> {
  await load(root, async () => {
    const narratives = await api.narratives(50);
    if (narratives.length === 0) {
      root.append(h('p', { class: 'muted' }, t('noneFound')));
      return;
    }
    root.append(h('div', { class: 'timeline-wrap' }, timeline(narratives)));
    for (const n of narratives) {
      root.append(
        h(
          'details',
          { class: 'narrative' },
          h('summary', {}, n.label, h('span', { class: 'muted' }, ` — ${count(n.events.length, 'n_documents')}, ${n.first ?? '?'} → ${n.last ?? '?'}`)),
          h(
            'ul',
            {},
            ...n.events.map((e) => h('li', {}, e.date ?? '—', ' ', docLine(e.document), e.claim ? h('span', { class: 'muted' }, ` — ${e.claim}`) : null)),
          ),
        ),
      );
    }
  });
}
