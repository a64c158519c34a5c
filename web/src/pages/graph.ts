// The source/citation graph, drawn by cytoscape (bundled, loaded only on this
// page). Node colour = kind (outlet, speaker, medium); edge style = relation
// (quotes, cites, republishes, translates). Click a node for its neighbours.
import type { Core } from 'cytoscape';
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { load } from './common.js';
import type { MessageKey } from '../../../src/present/html-i18n.js';

const COLOURS: Record<string, string> = { outlet: '#1f5f99', speaker: '#2e8b57', media: '#d68910' };
let current: Core | null = null;

export async function graphPage(root: HTMLElement): Promise<void> {
  current?.destroy();
  current = null;
  const box = h('div', { id: 'graph', class: 'graph' });
  const info = h('aside', { class: 'details graph-info' }, h('p', { class: 'muted' }, t('graphHelp')));
  const legend = h('p', { class: 'graph-legend' }, ...Object.entries(COLOURS).map(([k, c]) => h('span', { class: 'dot', 'data-colour': c }, t(`kind_${k}` as MessageKey))));
  root.append(h('h2', {}, t('navGraph')), legend, h('div', { class: 'graph-wrap' }, box, info));
  for (const dot of legend.querySelectorAll<HTMLElement>('.dot')) dot.style.setProperty('--c', dot.dataset.colour ?? '#000');
  await load(root, async () => {
    const [{ default: cytoscape }, graph] = await Promise.all([import('cytoscape'), api.graph(300)]);
    const ids = new Set(graph.nodes.map((n) => n.id));
    const cy = cytoscape({
      container: box,
      elements: [
        ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, weight: n.weight } })),
        ...graph.edges
          .filter((e) => ids.has(e.source) && ids.has(e.target))
          .map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind, weight: e.weight } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': (n: { data(k: string): string }) => COLOURS[n.data('kind')] ?? '#888',
            width: 'mapData(weight, 1, 20, 14, 44)',
            height: 'mapData(weight, 1, 20, 14, 44)',
            'font-size': 10,
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
          },
        },
        { selector: 'edge', style: { width: 'mapData(weight, 1, 10, 1, 5)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#aaa', 'target-arrow-color': '#aaa' } },
        { selector: 'edge[kind = "cites"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[kind = "republishes"], edge[kind = "translates"]', style: { 'line-color': '#8e44ad', 'target-arrow-color': '#8e44ad' } },
        { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false },
      wheelSensitivity: 0.3,
    });
    current = cy;
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    cy.on('tap', 'node', (evt) => {
      const n = evt.target;
      clear(info);
      const neighbours = n.neighborhood('node').map((x: { data(k: string): string }) => x.data('label'));
      info.append(h('h3', {}, n.data('label')), h('p', { class: 'muted' }, t(`kind_${n.data('kind')}` as MessageKey)), h('ul', {}, ...neighbours.map((l: string) => h('li', {}, l))));
    });
  });
}
