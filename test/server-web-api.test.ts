// The API routes the web app's search, pickers, exports and graph use, over
// the real SQLite fixture corpus (no browser): the exact speaker, the entity
// filter by key or name, entity suggestions, sources by kind, whole-list
// exports (a claim group's mentions and the graph's node lists included), the
// graph of a time window, and their validation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RecoupeServer } from '../src/server/app.js';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';
import { FIXTURE_GROUPS, fixtureCorpus } from './fixtures/web-corpus.js';

let server: RecoupeServer;
let base: string;
before(async () => {
  server = new RecoupeServer({ corpus: await openCorpus(await fixtureDatabase()), workers: 1 });
  base = await server.listen(0, '127.0.0.1');
});
after(async () => {
  await server.close();
});

const get = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as { total: number; items: Record<string, unknown>[] } & Record<string, unknown> };
};
const titles = (items: Record<string, unknown>[]) => items.map((i) => i.title as string).sort();

test('speaker: part of a name by default in the API; the whole name with speakerExact', async () => {
  assert.equal((await get('/api/search?speaker=Marin')).body.total, 2);
  assert.equal((await get('/api/search?speaker=Marin&speakerExact=true')).body.total, 0);
  assert.deepEqual(titles((await get('/api/search?speaker=PAUL%20MARIN&speakerExact=true')).body.items), [
    'Deux cents familles évacuées à Lunel',
    'Le barrage de Lunel aurait cédé',
  ]);
  assert.equal((await get('/api/search?speaker=x&speakerExact=maybe')).status, 400);
});

test('entity: by key or by a name written in the corpus; suggestions with counts', async () => {
  assert.equal((await get('/api/search?entity=paul%20marin')).body.total, 2);
  assert.equal((await get('/api/search?entity=Lunel')).body.total, 5);
  assert.equal((await get('/api/search?entity=nobody-at-all')).body.total, 0);
  const suggested = (await get('/api/entities?q=marin')).body.items;
  assert.deepEqual(
    suggested.map((e) => [e.key, e.name, e.type, e.documents]),
    [['paul marin', 'Paul Marin', 'PER', 2]],
  );
  const page = (await get('/api/entities?limit=2&offset=1')).body;
  assert.equal(page.items.length, 2);
  assert.ok(page.total > 2);
});

test('sources by kind: outlets only, speakers only', async () => {
  const outlets = (await get('/api/sources?kind=outlet&limit=500')).body.items;
  assert.ok(outlets.length > 0 && outlets.every((s) => s.type === 'outlet'));
  const speakers = (await get('/api/sources?kind=speaker&limit=500')).body.items;
  assert.ok(speakers.length > 0 && speakers.every((s) => s.type === 'speaker'));
  assert.equal((await get('/api/sources?kind=robot')).status, 400);
});

test('format=csv|json exports the whole list, not one page', async () => {
  const total = (await get('/api/search?q=barrage&limit=1')).body.total;
  const csv = await fetch(`${base}/api/search?q=barrage&limit=1&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="recoupe-search\.csv"$/);
  assert.equal((await csv.text()).trimEnd().split('\r\n').length, total + 1);
  const json = await fetch(`${base}/api/documents?limit=1&format=json`);
  assert.equal(((await json.json()) as unknown[]).length, (await get('/api/documents')).body.total);
  assert.equal((await fetch(`${base}/api/search?q=barrage&format=xlsx`)).status, 400);
});

test('the graph of a time window holds only what those articles say', async () => {
  const all = (await get('/api/graph')).body as unknown as { nodes: { label: string }[] };
  const day = (await get('/api/graph?from=2024-03-05&to=2024-03-05')).body as unknown as { nodes: { label: string }[] };
  assert.ok(day.nodes.length > 0 && day.nodes.length < all.nodes.length);
  assert.ok(
    day.nodes.some((n) => n.label === 'Radio Sud'),
    'the outlet of the 5 March article',
  );
  assert.ok(!day.nodes.some((n) => n.label === 'Le Courrier du Nord'), 'not the 2 March one');
  assert.equal((await get('/api/graph?from=5%20mars')).status, 400);
  assert.equal((await get('/api/search?from=2018-13-45')).status, 400, 'a date that names no day');
});

test("a claim group's mentions: paged, and exported whole as CSV (document fields as columns) or JSON", async () => {
  const group = (await get('/api/claim-groups')).body.items.find((g) => (g.mentions as number) > 1)!;
  const path = `/api/claim-groups/${encodeURIComponent(group.id as string)}/mentions`;
  const one = await get(`${path}?limit=1`);
  assert.equal(one.body.items.length, 1);
  assert.equal(one.body.total, group.mentions);
  const csv = await fetch(`${base}${path}?limit=1&format=csv`);
  assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="recoupe-mentions\.csv"$/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  assert.equal(
    lines[0],
    'document.id,document.title,document.outlet,document.published,document.language,document.url,document.attributions,document.claims,text,hedged,source,sourceKey,anonymous,cue,via',
  );
  assert.equal(lines.length, one.body.total + 1);
  const json = (await (await fetch(`${base}${path}?limit=1&format=json`)).json()) as unknown[];
  assert.equal(json.length, one.body.total);
  assert.equal((await get('/api/claim-groups/nope/mentions')).status, 404);
});

test("the graph's node list and a node's neighbours: paged, heaviest first, exported whole", async () => {
  const graph = (await get('/api/graph')).body as unknown as { nodes: { id: string; weight: number }[]; edges: { source: string; target: string }[] };
  const nodes = await get('/api/graph/nodes?limit=2');
  assert.equal(nodes.body.total, graph.nodes.length);
  assert.ok((nodes.body.items[0]!.weight as number) >= (nodes.body.items[1]!.weight as number));
  const csv = await fetch(`${base}/api/graph/nodes?limit=2&format=csv`);
  assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename="recoupe-nodes\.csv"$/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  assert.equal(lines[0], 'id,label,kind,weight');
  assert.equal(lines.length, graph.nodes.length + 1);
  // The hub: the node with the most edges; its neighbours are the other ends of its edges.
  const degree = (id: string) => graph.edges.filter((e) => e.source === id || e.target === id).length;
  const hub = [...graph.nodes].sort((x, y) => degree(y.id) - degree(x.id))[0]!.id;
  const near = new Set(graph.edges.flatMap((e) => (e.source === hub ? [e.target] : e.target === hub ? [e.source] : [])));
  const path = `/api/graph/nodes/${encodeURIComponent(hub)}/neighbours`;
  assert.equal((await get(`${path}?limit=1`)).body.total, near.size);
  const json = (await (await fetch(`${base}${path}?limit=1&format=json`)).json()) as { id: string }[];
  assert.deepEqual(new Set(json.map((n) => n.id)), near);
  assert.equal((await get('/api/graph/nodes/nope/neighbours')).status, 404);
  assert.equal((await get('/api/graph/nodes?nodes=many')).status, 400);
});

test('the new exports defuse formula-like cells (a mention and a node written as a formula)', async () => {
  const formula = '=HYPERLINK("http://evil.example","clic")';
  const port = fixtureCorpus();
  const g = FIXTURE_GROUPS[0]!;
  const graph = await port.graph({ limit: 200 });
  const hostile = new RecoupeServer({
    corpus: {
      ...port,
      claimGroup: async () => ({ ...g, items: [{ ...g.items[0]!, text: formula }] }),
      graph: async () => ({ ...graph, nodes: [...graph.nodes, { id: 'speaker:evil', label: formula, kind: 'speaker', weight: 99 }] }),
    },
    workers: 1,
  });
  const at = await hostile.listen(0, '127.0.0.1');
  try {
    const defused = `"'=HYPERLINK(""http://evil.example"",""clic"")"`;
    const mentions = await (await fetch(`${at}/api/claim-groups/${g.id}/mentions?format=csv`)).text();
    assert.ok(mentions.split('\r\n')[1]!.includes(`,${defused},`), mentions);
    const nodes = await (await fetch(`${at}/api/graph/nodes?format=csv`)).text();
    assert.equal(nodes.split('\r\n')[1], `speaker:evil,${defused},speaker,99`);
  } finally {
    await hostile.close();
  }
});
