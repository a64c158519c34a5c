// The source/citation graph, drawn by cytoscape (bundled, loaded only on this
// page). Outlets, speakers and cited media are three shapes (and colours),
// keyed in a legend; each edge type can be hidden; a neighbourhood view shows
// one node and what is around it; a time window (#/graph?from=…&to=…) builds
// the graph of the articles published then; several layouts. A node's
// neighbours, and the list of all nodes (the keyboard's way in), are paged.
import type { Core, NodeSingular } from 'cytoscape';
import type { Graph } from '../../../src/server/corpus-port.js';
import { api } from '../api.js';
import { clear, h } from '../dom.js';
import { t, type Key } from '../i18n.js';
import { exportLinks, field, load, pager } from './common.js';

const KINDS = {
  outlet: { colour: '#1f5f99', shape: 'round-rectangle' },
  speaker: { colour: '#2e8b57', shape: 'ellipse' },
  media: { colour: '#b9770e', shape: 'diamond' },
} as const;
const EDGES = {
  quotes: { colour: '#7f8c8d', dashed: false },
  cites: { colour: '#7f8c8d', dashed: true },
  republishes: { colour: '#8e44ad', dashed: false },
  translates: { colour: '#8e44ad', dashed: true },
} as const;
const LAYOUTS = ['cose', 'concentric', 'breadthfirst', 'circle'] as const;
/** Neighbours listed per page in a node's panel (a hub has thousands). */
const NEIGHBOURS_PER_PAGE = 20;
const NODES_PER_PAGE = 50;
/** The nodes of the graph drawn (the heaviest): its lists and their exports hold these. */
const GRAPH_NODES = 300;
const SVG = 'http://www.w3.org/2000/svg';

let current: Core | null = null;

/** A small picture of a node shape or an edge style, for the legend (SVG built node by node). */
function icon(kind: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const el = (tag: string, attrs: Record<string, string>) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    svg.append(e);
  };
  if (kind in KINDS) {
    const { colour } = KINDS[kind as keyof typeof KINDS];
    if (kind === 'outlet') el('rect', { x: '3', y: '2', width: '16', height: '10', rx: '3', fill: colour });
    else if (kind === 'speaker') el('ellipse', { cx: '11', cy: '7', rx: '6', ry: '6', fill: colour });
    else el('polygon', { points: '11,0 18,7 11,14 4,7', fill: colour });
  } else {
    const e = EDGES[kind as keyof typeof EDGES];
    el('line', { x1: '1', y1: '7', x2: '21', y2: '7', stroke: e.colour, 'stroke-width': '2', ...(e.dashed ? { 'stroke-dasharray': '4 3' } : {}) });
  }
  return svg;
}

function layoutOptions(name: string): Record<string, unknown> {
  if (name === 'concentric')
    return { name, concentric: (n: NodeSingular) => Number(n.data('weight')), levelWidth: () => 2, minNodeSpacing: 30, animate: false };
  if (name === 'breadthfirst') return { name, directed: true, spacingFactor: 1.2, animate: false };
  if (name === 'circle') return { name, animate: false };
  // Forces strong enough that leaves do not pile onto their hub.
  return {
    name: 'cose',
    animate: false,
    randomize: true,
    nodeRepulsion: () => 200_000,
    idealEdgeLength: () => 90,
    nodeOverlap: 40,
    gravity: 0.2,
    padding: 30,
    nodeDimensionsIncludeLabels: true,
  };
}

export async function graphPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  current?.destroy();
  current = null;
  const box = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': t('navGraph') });
  const info = h('aside', { class: 'details graph-info', 'aria-live': 'polite', 'aria-label': t('details') }, h('p', { class: 'muted' }, t('graphHelp')));
  const legend = h(
    'div',
    { class: 'graph-legend', role: 'group', 'aria-label': t('graphLegend') },
    ...Object.keys(KINDS).map((k) => h('span', { class: `key key-${k}` }, icon(k), ' ', t(`kind_${k}` as Key))),
  );
  // Controls: time window, edge types, layout, neighbourhood.
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  from.value = params.get('from') ?? '';
  to.value = params.get('to') ?? '';
  const timeForm = h(
    'form',
    { class: 'search-form graph-time' },
    field(t('from'), from),
    field(t('to'), to),
    h('button', { type: 'submit' }, t('applyFilter')),
  );
  timeForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (from.value) next.set('from', from.value);
    if (to.value) next.set('to', to.value);
    location.hash = `#/graph?${next}`;
  });
  const edgeBoxes = Object.keys(EDGES).map((k) => {
    const box = h('input', { type: 'checkbox', checked: true, 'data-edge': k });
    return { kind: k, box, label: h('label', { class: 'edge-toggle' }, box, ' ', icon(k), ' ', t(`edge_${k}` as Key)) };
  });
  const edgeSet = h('fieldset', { class: 'legend edges' }, h('legend', {}, t('edgeTypes')), ...edgeBoxes.map((e) => e.label));
  const layout = h('select', { name: 'layout' }, ...LAYOUTS.map((l) => h('option', { value: l }, t(`layout_${l}` as Key))));
  const focus = h('input', { type: 'text', name: 'node', list: 'graph-nodes', autocomplete: 'off' });
  const nodeOptions = h('datalist', { id: 'graph-nodes' });
  const depth = h('select', { name: 'depth' }, h('option', { value: '1' }, '1'), h('option', { value: '2' }, '2'));
  const showNeighbourhood = h('button', { type: 'submit', class: 'neighbourhood' }, t('neighbourhood'));
  const showAll = h('button', { type: 'button', class: 'show-all' }, t('showAll'));
  const focusForm = h(
    'form',
    { class: 'search-form graph-focus' },
    field(t('focusNode'), focus),
    nodeOptions,
    field(t('depth'), depth),
    showNeighbourhood,
    showAll,
  );
  const controls = h('div', { class: 'graph-controls' }, timeForm, edgeSet, h('div', { class: 'search-form' }, field(t('layout'), layout)), focusForm);
  root.append(legend, controls, h('div', { class: 'graph-wrap' }, box, info));
  await load(root, async () => {
    // The graph drawn, and the one the exports of its lists are taken from.
    const when = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined };
    const exportOf = (path: string) => exportLinks(path, { nodes: String(GRAPH_NODES), ...when });
    const [{ default: cytoscape }, graph] = await Promise.all([import('cytoscape'), api.graph({ limit: GRAPH_NODES, ...when })]);
    const cy = draw(cytoscape, box, graph);
    current = cy;
    const relayout = () => cy.layout(layoutOptions(layout.value) as never).run();
    relayout();
    layout.addEventListener('change', () => {
      relayout();
      box.dataset.layout = layout.value;
    });
    box.dataset.layout = layout.value;
    for (const e of edgeBoxes) e.box.addEventListener('change', () => cy.edges(`[kind = "${e.kind}"]`).toggleClass('off', !e.box.checked));
    for (const n of cy.nodes().toArray()) nodeOptions.append(h('option', { value: String(n.data('label')) }));
    // One node and its neighbours (to the depth asked); the rest hidden until "show all".
    const neighbourhood = (n: NodeSingular) => {
      let keep = n.closedNeighborhood();
      if (depth.value === '2') keep = keep.union(keep.nodes().closedNeighborhood());
      cy.elements().addClass('faded');
      keep.removeClass('faded');
      cy.fit(keep, 40);
      box.dataset.focus = n.id();
      box.dataset.visible = String(keep.nodes().length);
    };
    const byLabel = (label: string) => cy.nodes().filter((n) => String(n.data('label')) === label)[0] as NodeSingular | undefined;
    focusForm.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = byLabel(focus.value.trim());
      if (n) {
        neighbourhood(n);
        show(n);
      }
    });
    showAll.addEventListener('click', () => {
      cy.elements().removeClass('faded');
      cy.fit(undefined, 30);
      delete box.dataset.focus;
      box.dataset.visible = String(cy.nodes().length);
    });
    const show = (n: NodeSingular) => {
      cy.nodes().unselect();
      n.select();
      clear(info);
      const kind = String(n.data('kind'));
      const label = String(n.data('label'));
      const filter = kind === 'outlet' ? 'outlet' : 'speaker';
      const neighbours = n
        .neighborhood('node')
        .sort((x, y) => Number(y.data('weight')) - Number(x.data('weight')))
        .toArray() as NodeSingular[];
      const list = h('ul', { class: 'neighbours' });
      const nav = h('div', {});
      const around = h('button', { type: 'button', class: 'link node-neighbourhood' }, t('neighbourhood'));
      around.addEventListener('click', () => {
        focus.value = label;
        neighbourhood(n);
      });
      const page = (offset: number) => {
        clear(list);
        for (const x of neighbours.slice(offset, offset + NEIGHBOURS_PER_PAGE)) {
          const b = h('button', { type: 'button', class: 'link' }, String(x.data('label')));
          b.addEventListener('click', () => show(x));
          list.append(h('li', {}, b));
        }
        clear(nav);
        nav.append(pagedNav(neighbours.length, offset, NEIGHBOURS_PER_PAGE, page));
      };
      info.append(
        h('h3', {}, label),
        h('p', { class: 'muted' }, t(`kind_${kind}` as Key)),
        h('p', {}, h('a', { href: `#/search?${new URLSearchParams({ [filter]: label })}`, class: 'node-search' }, t('documents')), ' · ', around),
        h('h4', {}, `${t('neighbours')} (${neighbours.length})`),
        list,
        nav,
        exportOf(`/api/graph/nodes/${encodeURIComponent(n.id())}/neighbours`),
      );
      page(0);
    };
    cy.on('tap', 'node', (evt) => show(evt.target as NodeSingular));
    // The same nodes as a list of buttons, a page at a time: reachable by keyboard and screen readers.
    const all = cy
      .nodes()
      .sort((x, y) => Number(y.data('weight')) - Number(x.data('weight')))
      .toArray() as NodeSingular[];
    const list = h('ul', { class: 'node-list' });
    const nav = h('div', {});
    const pageNodes = (offset: number) => {
      clear(list);
      for (const n of all.slice(offset, offset + NODES_PER_PAGE)) {
        const b = h('button', { type: 'button', class: 'link', 'data-node': n.id() }, String(n.data('label')));
        b.addEventListener('click', () => show(n));
        list.appendChild(h('li', {}, b));
      }
      clear(nav);
      nav.append(pagedNav(all.length, offset, NODES_PER_PAGE, pageNodes));
    };
    pageNodes(0);
    root.append(h('details', { class: 'nodes' }, h('summary', {}, `${t('nodeList')} (${all.length})`), list, nav, exportOf('/api/graph/nodes')));
  });
}

/** The shared pager, its links turned into in-page buttons (the route stays). */
function pagedNav(total: number, offset: number, size: number, go: (offset: number) => void): HTMLElement {
  const nav = pager(total, offset, size, () => location.hash || '#/graph');
  for (const a of nav.querySelectorAll('a')) {
    const next = a.classList.contains('next') ? offset + size : Math.max(0, offset - size);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      go(next);
    });
  }
  return nav;
}

function draw(cytoscape: typeof import('cytoscape'), container: HTMLElement, graph: Graph): Core {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const cy = cytoscape({
    container,
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
          'background-color': (n: { data(k: string): string }) => KINDS[n.data('kind') as keyof typeof KINDS]?.colour ?? '#888',
          shape: (n: { data(k: string): string }) => KINDS[n.data('kind') as keyof typeof KINDS]?.shape ?? 'ellipse',
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
          'line-color': (e: { data(k: string): string }) => EDGES[e.data('kind') as keyof typeof EDGES]?.colour ?? '#aaa',
          'target-arrow-color': (e: { data(k: string): string }) => EDGES[e.data('kind') as keyof typeof EDGES]?.colour ?? '#aaa',
          'line-style': (e: { data(k: string): string }) => (EDGES[e.data('kind') as keyof typeof EDGES]?.dashed ? 'dashed' : 'solid'),
        },
      },
      { selector: '.off', style: { display: 'none' } },
      { selector: '.faded', style: { display: 'none' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
    ],
    layout: { name: 'preset' },
    wheelSensitivity: 0.3,
  });
  // A handle for the browser tests (shapes, positions, what is shown).
  Object.assign(container, { cy });
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.visible = String(cy.nodes().length);
  return cy;
}
