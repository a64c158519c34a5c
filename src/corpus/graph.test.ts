import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph } from './graph.js';
import type { AttributionRow, DocumentRow } from './store.js';

async function* each<T>(xs: T[]): AsyncGenerator<T> {
  yield* xs;
}

const doc = (id: string): DocumentRow =>
  ({ id, outlet: 'Le Réveil', published: '2026-03-12', language: 'fr', title: id, url: null, origin: [] }) as unknown as DocumentRow;
const cited = (documentId: string, via: string): AttributionRow =>
  ({ documentId, index: 0, source: null, sourceResolved: null, sourceKey: null, coSources: [], anonymous: null, via: [via] }) as unknown as AttributionRow;

test('media nodes use the unified actor keys: elision and determiners dropped, the knowledge base key of an outlet', async () => {
  const names = ["l'AFP", 'AFP', 'Le Parisien', 'le Parisien', 'Parisien', 'Europe 1'];
  const g = await buildGraph({
    documents: each(names.map((_, i) => doc(`d${i}`))),
    attributions: each(names.map((n, i) => cited(`d${i}`, n))),
    media: each([]),
    nearDuplicates: each([]),
  });
  const media = g.nodes.filter((n) => n.kind === 'media').map((n) => n.id);
  // Three outlets: AFP, Le Parisien, Europe 1 (not « media:1 »).
  assert.equal(media.length, 3, media.join(' '));
  assert.ok(!media.includes('media:1'));
});

test("an outlet's own reporting is no citation: no edge from an outlet to itself under another spelling", async () => {
  const g = await buildGraph({
    documents: each([doc('d1'), doc('d2')]),
    attributions: each([cited('d1', 'le Réveil'), cited('d2', 'Réveil'), cited('d2', "l'AFP")]),
    media: each([]),
    nearDuplicates: each([]),
  });
  assert.deepEqual(
    g.edges.map((e) => `${e.source} -> ${e.target}`),
    ['outlet:le reveil -> media:Q40464'],
  );
});

test('two outlets whose names end alike stay two nodes: a publisher by its whole name, a cited outlet by the name it ends with', async () => {
  const outlet = (id: string, name: string): DocumentRow => ({ ...doc(id), outlet: name }) as DocumentRow;
  const g = await buildGraph({
    documents: each([outlet('d1', 'Le Courrier'), outlet('d2', "Le Courrier de l'Ouest"), outlet('d3', 'La Voix')]),
    attributions: each([cited('d3', 'le site Le Relais du Monde'), cited('d3', "l'hebdomadaire Le Courrier de l'Ouest")]),
    media: each([]),
    nearDuplicates: each([]),
  });
  const ids = g.nodes.map((n) => n.id);
  assert.ok(ids.includes('outlet:le courrier') && ids.includes("outlet:le courrier de l'ouest"), ids.join(' '));
  // « Le Relais du Monde » is not Le Monde (the knowledge base's key for « Monde »).
  assert.deepEqual(
    g.edges.map((e) => e.target),
    ['media:courrierdelouest', 'media:relaisdumonde'],
  );
});
