// The source/citation graph, drawn by cytoscape (bundled, loaded only on this
// page). Node colour = kind (outlet, speaker, medium); edge style = relation
// (quotes, cites, republishes, translates). Click a node for its neighbours.
import type { Core, NodeSingular } from 'cytoscape';
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
  const legend = h(
    'p',
    { class: 'graph-legend' },
    ...Object.entries(COLOURS).map(([k, c]) => h('span', { class: 'dot', 'data-colour': c }, t(`kind_${k}` as MessageKey))),
  );
  root.append(legend, h('div', { class: 'graph-wrap' }, box, info));
  for (const dot of legend.querySelectorAll<HTMLElement>('.dot')) dot.style.setProperty('--c', dot.dataset.colour ?? '#000');
  await load(root, async () => {
    const [{ default: cytoscape }, graph] = await Promise.all([import('cytoscape'), api.graph({ limit: 300 })]);
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
        {
          selector: 'edge',
          style: {
            width: 'mapData(weight, 1, 10, 1, 5)',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': '#aaa',
            'target-arrow-color': '#aaa',
          },
        },
        { selector: 'edge[kind = "cites"]', style: { 'line-style': 'dashed' } },
        { selector: 'edge[kind = "republishes"], edge[kind = "translates"]', style: { 'line-color': '#8e44ad', 'target-arrow-color': '#8e44ad' } },
        { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, padding: 30, nodeDimensionsIncludeLabels: true },
      wheelSensitivity: 0.3,
    });
    current = cy;
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
    const show = (n: NodeSingular) => {
      cy.nodes().unselect();
      n.select();
      clear(info);
      const neighbours = n.neighborhood('node').map((x) => String(x.data('label')));
      const kind = String(n.data('kind'));
      const label = String(n.data('label'));
      const filter = kind === 'outlet' ? 'outlet' : 'speaker';
      info.append(
        h('h3', {}, label),
        h('p', { class: 'muted' }, t(`kind_${kind}` as MessageKey)),
        h('p', {}, h('a', { href: `#/search?${new URLSearchParams({ [filter]: label })}`, class: 'node-search' }, t('documents'))),
        h('ul', {}, ...neighbours.map((l) => h('li', {}, l))),
      );
    };
    cy.on('tap', 'node', (evt) => show(evt.target as NodeSingular));
    // The same nodes as a list of buttons: reachable by keyboard and screen readers.
    const list = h('ul', { class: 'node-list' });
    for (const n of cy
      .nodes()
      .sort((x, y) => Number(y.data('weight')) - Number(x.data('weight')))
      .toArray() as NodeSingular[]) {
      const b = h('button', { type: 'button', class: 'link', 'data-node': n.id() }, String(n.data('label')));
      b.addEventListener('click', () => show(n));
      list.appendChild(h('li', {}, b));
    }
    root.append(h('details', { class: 'nodes' }, h('summary', {}, `${t('navGraph')} (${cy.nodes().length})`), list));
  });
}
