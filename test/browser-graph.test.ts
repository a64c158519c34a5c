// The source graph, in chromium, over the real SQLite fixture corpus:
// outlets, speakers and media are distinct shapes keyed in a legend; each
// edge type can be hidden; a neighbourhood view around a chosen node; a time
// window; layouts whose nodes do not pile up; a hub's neighbours paged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { fitsPhone, needsChromium, openSession, screenshots, useLanguage, type Session } from './helpers/browser.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(await openCorpus(await fixtureDatabase()));
});
after(async () => {
  await s?.close();
});

async function open(page: Page, hash = '#/graph'): Promise<void> {
  await page.goto(`${s.url}/${hash}`);
  await page.waitForSelector('main[data-ready="true"] #graph[data-nodes] canvas');
}

/** Evaluated against the page's cytoscape instance. */
type Cy = {
  nodes(sel?: string): { map<T>(f: (n: Node) => T): T[]; length: number };
  edges(sel?: string): { length: number };
};
type Node = { id(): string; data(k: string): string; style(k: string): string; position(): { x: number; y: number }; visible(): boolean };

test('outlets, speakers and media are distinct shapes, keyed in the legend', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  const shapes = await page.evaluate(() => {
    const cy = (document.getElementById('graph') as unknown as { cy: Cy }).cy;
    const out: Record<string, string[]> = {};
    for (const [kind, shape] of cy.nodes().map((n) => [n.data('kind'), n.style('shape')])) out[kind!] = [...new Set([...(out[kind!] ?? []), shape!])];
    return out;
  });
  assert.deepEqual(shapes, { outlet: ['round-rectangle'], speaker: ['ellipse'], media: ['diamond'] });
  const legend = await page.$$eval('.graph-legend .key', (ks) => ks.map((k) => [k.textContent?.trim(), k.querySelector('svg > *')?.tagName]));
  assert.deepEqual(legend, [
    ['média publiant', 'rect'],
    ['locuteur', 'ellipse'],
    ['média cité', 'polygon'],
  ]);
  await page.close();
});

test('each edge type can be hidden', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  // Hidden edges wear the "off" class (display: none).
  const shown = () =>
    page.evaluate(() => {
      const cy = (document.getElementById('graph') as unknown as { cy: Cy }).cy;
      return cy.edges().length - cy.edges('.off').length;
    });
  const all = await shown();
  const quotes = await page.evaluate(() => (document.getElementById('graph') as unknown as { cy: Cy }).cy.edges('[kind = "quotes"]').length);
  assert.ok(quotes > 0 && quotes < all);
  await page.uncheck('input[data-edge="quotes"]');
  assert.equal(await shown(), all - quotes);
  await page.check('input[data-edge="quotes"]');
  assert.equal(await shown(), all);
  await page.close();
});

test('the neighbourhood of a chosen node; show all again', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  const total = Number(await page.getAttribute('#graph', 'data-nodes'));
  await page.fill('input[name="node"]', 'Paul Marin');
  await page.click('button.neighbourhood');
  await page.waitForSelector('#graph[data-focus]');
  const visible = await page.evaluate(() => (document.getElementById('graph') as unknown as { cy: Cy }).cy.nodes(':visible').map((n) => n.data('label')));
  assert.ok(visible.includes('Paul Marin') && visible.includes('Le Courrier du Nord'), visible.join(', '));
  assert.ok(visible.length < total, `${visible.length} of ${total} nodes shown`);
  assert.equal(await page.textContent('.graph-info h3'), 'Paul Marin');
  await screenshots(page, 'graph-neighbourhood');
  await page.click('button.show-all');
  assert.equal(await page.getAttribute('#graph', 'data-visible'), String(total));
  await page.close();
});

test('a time window builds the graph of the articles published then', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  const total = Number(await page.getAttribute('#graph', 'data-nodes'));
  await page.fill('input[name="from"]', '2024-03-05');
  await page.fill('input[name="to"]', '2024-03-05');
  await page.click('.graph-time button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('from=2024-03-05'));
  await page.waitForSelector('main[data-ready="true"] #graph[data-nodes] canvas');
  const windowed = Number(await page.getAttribute('#graph', 'data-nodes'));
  assert.ok(windowed > 0 && windowed < total, `${windowed} of ${total}`);
  await page.close();
});

test('in every layout no two nodes lie on each other', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  for (const layout of ['cose', 'concentric', 'breadthfirst', 'circle']) {
    await page.selectOption('select[name="layout"]', layout);
    const closest = await page.evaluate(() => {
      const ps = (document.getElementById('graph') as unknown as { cy: Cy }).cy.nodes().map((n) => n.position());
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) min = Math.min(min, Math.hypot(ps[i]!.x - ps[j]!.x, ps[i]!.y - ps[j]!.y));
      return min;
    });
    assert.ok(closest >= 20, `${layout}: closest nodes ${closest.toFixed(1)} px apart`);
  }
  await page.close();
});

test('a hub’s neighbours are paged, not a list thousands of pixels long', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  // A synthetic hub: one outlet quoting 130 speakers.
  await page.route('**/api/graph?*', (route) =>
    route.fulfill({
      json: {
        nodes: [
          { id: 'o:hub', label: 'Le Grand Média', kind: 'outlet', weight: 130 },
          ...Array.from({ length: 130 }, (_, i) => ({ id: `s:${i}`, label: `Locuteur ${i + 1}`, kind: 'speaker', weight: 1 })),
        ],
        edges: Array.from({ length: 130 }, (_, i) => ({ source: 'o:hub', target: `s:${i}`, kind: 'quotes', weight: 1 })),
      },
    }),
  );
  await open(page);
  await page.click('details.nodes summary');
  assert.equal(await page.$$eval('.node-list li', (l) => l.length), 50, 'the node list is paged too');
  await page.click('.node-list button:text-is("Le Grand Média")');
  assert.equal(await page.$$eval('.graph-info ul.neighbours li', (l) => l.length), 20);
  assert.match((await page.textContent('.graph-info .pager')) ?? '', /1–20 sur 130/);
  await page.click('.graph-info .pager a.next');
  assert.match((await page.textContent('.graph-info .pager')) ?? '', /21–40 sur 130/);
  const height = await page.$eval('.graph-info', (e) => e.getBoundingClientRect().height);
  assert.ok(height < 1200, `the panel is ${height} px high`);
  await screenshots(page, 'graph-hub');
  assert.ok(await fitsPhone(page));
  await page.close();
});

test('the node list and a node’s neighbours export whole as CSV and JSON', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  await page.click('details.nodes summary');
  const nodes = Number(/\((\d+)\)/.exec((await page.textContent('details.nodes summary')) ?? '')![1]);
  assert.equal(await page.textContent('details.nodes a.export-csv'), 'Exporter en CSV');
  const csv = await fetch(`${s.url}${(await page.getAttribute('details.nodes a.export-csv', 'href'))!}`);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="recoupe-nodes\.csv"/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,label,kind,weight');
  assert.equal(lines.length - 1, nodes);
  await page.click('.node-list li:first-child button');
  const neighbours = Number(/\((\d+)\)/.exec((await page.textContent('.graph-info h4')) ?? '')![1]);
  assert.ok(neighbours > 0);
  const json = (await (await fetch(`${s.url}${(await page.getAttribute('.graph-info a.export-json', 'href'))!}`)).json()) as { label: string }[];
  assert.equal(json.length, neighbours);
  const first = await page.textContent('.graph-info ul.neighbours li:first-child button');
  assert.ok(json.some((n) => n.label === first));
  await page.close();
});

test('the graph page in English', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await useLanguage(page, s.url, 'en', '#/graph');
  await page.waitForSelector('main[data-ready="true"] #graph[data-nodes] canvas');
  const text = (await page.textContent('main')) ?? '';
  for (const label of ['publishing outlet', 'Links shown', 'quotes (outlet → speaker)', 'Layout', 'Neighbourhood', 'Show all'])
    assert.ok(text.includes(label), label);
  await page.click('details.nodes summary');
  assert.equal(await page.textContent('details.nodes a.export-csv'), 'Export as CSV');
  await page.evaluate(() => localStorage.setItem('recoupe.lang', 'fr'));
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
