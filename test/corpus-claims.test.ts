// Cross-document logic over a real SQLite store: claim groups and their
// independence, near-duplicates, narratives, the citation graph, search
// filters. The articles are short texts written for these tests; their
// entity, attribution and claim layers are filled by hand (unit-test fixtures).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, type EntitySpec } from './helpers/corpus-analyses.js';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { prepareDocument } from '../src/corpus/prepare.js';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { groupClaims, type ClaimGroup } from '../src/corpus/claim-groups.js';
import { copyFamilies, NO_COPIES } from '../src/corpus/independence.js';
import { narratives } from '../src/corpus/narratives.js';
import { gexf, graphJson } from '../src/corpus/graph.js';
import { claimGroupsOf, graphOf } from '../src/corpus/index.js';
import type { Analysis } from '../src/doc/schema.js';
import type { CorpusStore } from '../src/corpus/store.js';

const E = {
  daesh: [
    { text: 'Daesh', type: 'ORG', key: 'daesh', subtype: 'armed group' },
    { text: 'État islamique', type: 'ORG', key: 'daesh', subtype: 'armed group' },
  ],
  mossoul: [{ text: 'Mossoul', type: 'LOC', key: 'mossoul' }],
  raqqa: [{ text: 'Raqqa', type: 'LOC', key: 'raqqa' }],
  asiaNews: [{ text: 'Asia News', type: 'ORG', key: 'asia-news', subtype: 'media' }],
  infowars: [{ text: 'InfoWars', type: 'ORG', key: 'infowars', subtype: 'media' }],
  us: [
    { text: 'États-Unis', type: 'LOC', key: 'etats-unis' },
    { text: 'Washington', type: 'LOC', key: 'etats-unis' },
  ],
  iraqiArmy: [{ text: 'armée irakienne', type: 'ORG', key: 'armee-irakienne' }],
  hellfire: [{ text: 'Hellfire', type: 'MISC', key: 'hellfire' }],
  scanEagle: [{ text: 'ScanEagle', type: 'MISC', key: 'scaneagle' }],
  alQaida: [{ text: 'Al-Qaïda', type: 'ORG', key: 'al-qaida', subtype: 'armed group' }],
  kildani: [{ text: 'Ryan al-Kildani', type: 'PER', key: 'ryan-al-kildani' }],
  coalition: [{ text: 'coalition', type: 'ORG', key: 'coalition' }],
  psaki: [{ text: 'Jen Psaki', type: 'PER', key: 'jen-psaki' }],
} satisfies Record<string, EntitySpec[]>;

const A1_TEXT =
  "Des centaines de combattants de Daesh ont quitté Mossoul pour Raqqa sans être inquiétés, affirme l'agence Asia News. L'offensive contre la ville se poursuit dans les quartiers est.";
const transit = [...E.daesh, ...E.mossoul, ...E.raqqa, ...E.asiaNews];
const transitLayers = {
  entities: transit,
  attributions: [
    {
      cue: 'affirme',
      source: "l'agence Asia News",
      content: 'Des centaines de combattants de Daesh ont quitté Mossoul pour Raqqa sans être inquiétés',
      claim: true,
    },
  ],
};

const ARTICLES = {
  a1: article({ outlet: 'Le Veilleur', published: '2016-10-25', text: A1_TEXT, ...transitLayers }),
  // A republication of a1, declared and nearly identical.
  a4: article({ outlet: 'Le Relais', published: '2016-10-26', origin: ['Le Veilleur'], text: A1_TEXT + ' Article repris du Veilleur.', ...transitLayers }),
  a2: article({
    outlet: 'Info Express',
    published: '2016-10-27',
    text: "Selon Asia News, les jihadistes de l'État islamique ont quitté Mossoul et rejoint Raqqa en toute tranquillité. Les habitants restent inquiets.",
    entities: transit,
    attributions: [
      {
        cue: 'Selon',
        source: 'Asia News',
        kind: 'according',
        content: "les jihadistes de l'État islamique ont quitté Mossoul et rejoint Raqqa en toute tranquillité",
        claim: true,
      },
    ],
  }),
  a3: article({
    outlet: 'Le Quotidien',
    published: '2016-10-28',
    text: 'Ryan al-Kildani, chef de milice, a dénoncé le départ des combattants de Daesh, qui ont quitté Mossoul vers Raqqa sans être visés par la coalition.',
    entities: [...transit, ...E.kildani, ...E.coalition],
    attributions: [
      {
        cue: 'a dénoncé',
        source: 'Ryan al-Kildani',
        content: 'le départ des combattants de Daesh, qui ont quitté Mossoul vers Raqqa sans être visés par la coalition',
      },
    ],
    claims: [{ text: 'combattants de Daesh, qui ont quitté Mossoul vers Raqqa sans être visés par la coalition', attribution: 0 }],
  }),
  b1: article({
    outlet: 'Le Quotidien',
    published: '2014-01-10',
    text: "Les États-Unis ont livré 75 missiles Hellfire à l'armée irakienne, a confirmé Jen Psaki, porte-parole du département d'État.",
    entities: [...E.us, ...E.hellfire, ...E.iraqiArmy, ...E.psaki],
    attributions: [{ cue: 'a confirmé', source: 'Jen Psaki', content: "Les États-Unis ont livré 75 missiles Hellfire à l'armée irakienne", claim: true }],
  }),
  b2: article({
    outlet: 'Info Express',
    published: '2014-01-12',
    text: "Washington a livré des missiles Hellfire à l'armée irakienne pour frapper les camps d'Al-Qaïda, selon deux responsables du renseignement.",
    entities: [...E.us, ...E.hellfire, ...E.iraqiArmy, ...E.alQaida],
    attributions: [
      {
        cue: 'selon',
        source: 'deux responsables du renseignement',
        anonymous: true,
        kind: 'according',
        content: "Washington a livré des missiles Hellfire à l'armée irakienne pour frapper les camps d'Al-Qaïda",
        claim: true,
      },
    ],
  }),
  b3: article({
    outlet: 'Le Veilleur',
    published: '2014-01-20',
    text: "Les États-Unis vont fournir des drones ScanEagle à l'armée irakienne, a ajouté Jen Psaki.",
    entities: [...E.us, ...E.scanEagle, ...E.iraqiArmy, ...E.psaki],
    attributions: [{ cue: 'a ajouté', source: 'Jen Psaki', content: "Les États-Unis vont fournir des drones ScanEagle à l'armée irakienne", claim: true }],
  }),
  b4: article({
    outlet: 'Le Relais',
    published: '2014-01-21',
    text: "Des drones ScanEagle seront fournis par Washington à l'armée irakienne dans les prochaines semaines.",
    entities: [...E.us, ...E.scanEagle, ...E.iraqiArmy],
    claims: [{ text: "Des drones ScanEagle seront fournis par Washington à l'armée irakienne dans les prochaines semaines" }],
  }),
  c1: article({
    outlet: 'Le Veilleur',
    published: '2015-02-01',
    text: 'Les États-Unis livrent des armes à Daesh, affirme le site InfoWars.',
    entities: [...E.us, ...E.daesh, ...E.infowars],
    attributions: [{ cue: 'affirme', source: 'le site InfoWars', content: 'Les États-Unis livrent des armes à Daesh', claim: true }],
  }),
  c2: article({
    outlet: 'Info Express',
    published: '2015-02-03',
    text: "D'après InfoWars, Washington aurait livré des armes à l'État islamique près de Mossoul.",
    entities: [...E.us, ...E.daesh, ...E.infowars, ...E.mossoul],
    attributions: [
      {
        cue: "D'après",
        source: 'InfoWars',
        kind: 'according',
        hedged: true,
        content: "Washington aurait livré des armes à l'État islamique près de Mossoul",
        claim: true,
      },
    ],
  }),
};
type Name = keyof typeof ARTICLES;
const nameOf = new Map<string, Name>(Object.entries(ARTICLES).map(([k, a]) => [a.id, k as Name]));

async function storeOf(analyses: Analysis[]): Promise<CorpusStore> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'recoupe-claims-')), 'c.db'));
  await store.migrate();
  await store.addBatch(
    analyses.map((a) => prepareDocument(a, null)),
    judgeNearDuplicates,
  );
  return store;
}

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const names = (g: ClaimGroup) => g.documents.map((d) => nameOf.get(d.id)).sort();
const store = await storeOf(Object.values(ARTICLES));
const groups = await groupClaims(store.claims(), copyFamilies(await all(store.nearDuplicates())));

test('groups read from the store (features, then the grouped claims) are the groups of the claims in memory', async () => {
  assert.ok(groups.length > 0);
  assert.deepEqual(await claimGroupsOf(store), groups);
  const bigOnly = await claimGroupsOf(store, { minDocuments: 3 });
  assert.deepEqual(
    bigOnly,
    groups.filter((g) => g.documents.length >= 3),
  );
});

test('the republication is linked to its original as a near-duplicate', async () => {
  const dups = await all(store.nearDuplicates());
  assert.deepEqual(
    dups.map((d) => [nameOf.get(d.documentId), nameOf.get(d.duplicateOf)]),
    [['a4', 'a1']],
  );
  assert.ok(dups[0]!.similarity >= 0.5);
});

test('the same claim across outlets, in different words, is one group with its documents', () => {
  const transitGroups = groups.filter((g) => g.documents.some((d) => ['a1', 'a2', 'a3', 'a4'].includes(nameOf.get(d.id)!)));
  assert.equal(transitGroups.length, 1);
  const g = transitGroups[0]!;
  assert.deepEqual(names(g), ['a1', 'a2', 'a3', 'a4']);
  assert.equal(g.first, '2016-10-25');
  assert.equal(g.last, '2016-10-28');
  assert.deepEqual(g.entityKeys, ['daesh', 'mossoul', 'raqqa']);
  assert.ok(g.speakers.includes('Ryan al-Kildani'));
  const doc = g.documents.find((d) => nameOf.get(d.id) === 'a2')!;
  assert.equal(doc.outlet, 'Info Express');
  assert.equal(doc.published, '2016-10-27');
});

test('independence: outlets citing the same source and a republication count once', () => {
  const g = groups.find((x) => names(x).includes('a1'))!;
  // Asia News (a1, its republication a4, a2) and Ryan al-Kildani (a3).
  assert.equal(g.independence.distinctSources, 2);
  assert.equal(g.independence.verdict, 'independent');
  // These hand-made analyses predate source keys: the speaker's name stands in.
  const asia = g.independence.sources.find((s) => s.key === 'name:asia news')!;
  assert.deepEqual(asia.documents.map((d) => nameOf.get(d)).sort(), ['a1', 'a2', 'a4']);
  // Two outlets relaying InfoWars: one source.
  const infowars = groups.find((x) => names(x).includes('c1'))!;
  assert.deepEqual(names(infowars), ['c1', 'c2']);
  assert.equal(infowars.independence.distinctSources, 1);
  assert.equal(infowars.independence.verdict, 'single-upstream');
});

test('US missile deliveries to the Iraqi army are not grouped with claims that the US arms Daesh', () => {
  const missiles = groups.find((x) => names(x).includes('b1'))!;
  assert.deepEqual(names(missiles), ['b1', 'b2']);
  assert.ok(!groups.some((g) => names(g).includes('c1') && (names(g).includes('b1') || names(g).includes('b2'))));
  // Delivering drones is another claim about the same actors.
  const drones = groups.find((x) => names(x).includes('b3'))!;
  assert.deepEqual(names(drones), ['b3', 'b4']);
  // Its numbers: b1 says 75, b2 says none: compatible.
  assert.deepEqual(missiles.numbers, ['75']);
});

/** b1's delivery with another figure. */
const MISSILES_300 = article({
  outlet: 'La Gazette',
  published: '2014-01-11',
  text: "Les États-Unis ont livré 300 missiles Hellfire à l'armée irakienne.",
  entities: [...E.us, ...E.hellfire, ...E.iraqiArmy],
  claims: [{ text: "Les États-Unis ont livré 300 missiles Hellfire à l'armée irakienne" }],
});

test('a different figure makes a different claim', async () => {
  const s = await storeOf([ARTICLES.b1, MISSILES_300]);
  assert.equal((await groupClaims(s.claims(), NO_COPIES)).length, 0);
  await s.close();
});

test('narratives join claim groups about the same actors close in time, with a timeline', () => {
  const stories = narratives(groups);
  const arms = stories.find((n) => n.claimGroups.length === 2 && n.entityKeys.includes('armee-irakienne'))!;
  assert.ok(arms, JSON.stringify(stories.map((n) => n.entityKeys)));
  assert.equal(arms.documents, 4);
  assert.equal(arms.first, '2014-01-10');
  assert.equal(arms.last, '2014-01-21');
  assert.deepEqual(
    arms.timeline.map((t) => t.date),
    ['2014-01-10', '2014-01-12', '2014-01-20', '2014-01-21'],
  );
  assert.deepEqual(new Set(arms.outlets.map((o) => o.outlet)), new Set(['Le Quotidien', 'Info Express', 'Le Veilleur', 'Le Relais']));
  // The 2016 transit story is not part of it (another time, other actors).
  assert.ok(!arms.claimGroups.some((g) => g.first?.startsWith('2016')));
});

test('the citation graph: outlets quote speakers, cite media, republish each other', async () => {
  const g = await graphOf(store);
  assert.deepEqual(JSON.parse([...graphJson(g)].join('')), g);
  const edge = (source: string, kind: string, target: string) => g.edges.find((e) => e.source === source && e.kind === kind && e.target === target);
  assert.equal(edge('outlet:le quotidien', 'quotes', 'speaker:jen psaki')?.count, 1);
  assert.equal(edge('outlet:le veilleur', 'quotes', 'speaker:jen psaki')?.count, 1);
  // Media nodes are keyed as sources are (the knowledge base's outlet key when it knows one).
  const media = (label: string) => g.nodes.find((n) => n.kind === 'media' && n.label.endsWith(label))?.id ?? '';
  assert.equal(edge('outlet:le veilleur', 'cites', media('InfoWars'))?.first, '2015-02-01');
  assert.ok(edge('outlet:info express', 'cites', media('Asia News')));
  // Declared origin and near-duplicate: the same republication, counted from both signals.
  assert.equal(edge('outlet:le relais', 'republishes', 'outlet:le veilleur')?.count, 2);
  assert.ok(!g.edges.some((e) => e.target.includes('responsables')), 'anonymous sources are not nodes');
  const xml = [...gexf(g)].join('');
  assert.match(xml, /<gexf xmlns="http:\/\/gexf.net\/1.3"/);
  assert.equal((xml.match(/<edge /g) ?? []).length, g.edges.length);
});

test('search: stems, folded accents, phrases and filters', async () => {
  const ids = async (q: Parameters<CorpusStore['search']>[0]) => (await all(store.search(q))).map((h) => nameOf.get(h.id)).sort();
  assert.deepEqual(await ids({ text: 'missile livrées' }), ['b1', 'b2']);
  assert.deepEqual(await ids({ text: 'etats-unis drone' }), ['b3']);
  assert.deepEqual(await ids({ text: 'drone scaneagle' }), ['b3', 'b4']);
  assert.deepEqual(await ids({ text: '"état islamique"' }), ['a2', 'c2']);
  assert.deepEqual(await ids({ text: 'Mossoul', from: '2016-10-26', to: '2016-10-27' }), ['a2', 'a4']);
  assert.deepEqual(await ids({ text: 'Mossoul', outlet: 'le relais' }), ['a4']);
  assert.deepEqual(await ids({ text: '', speaker: 'psaki' }), ['b1', 'b3']);
  assert.deepEqual(await ids({ text: '', entity: 'infowars' }), ['c1', 'c2']);
  assert.deepEqual(await ids({ text: '', hedged: true }), ['c2']);
  assert.deepEqual(await ids({ text: 'armée', anonymous: true }), ['b2']);
  const [hit] = await all(store.search({ text: 'drones', limit: 1 }));
  assert.match(hit!.snippet, /drones/);
});

test('a headline joining several statements gives one title claim per statement', async () => {
  const { titleParts } = await import('../src/corpus/claim-features.js');
  assert.deepEqual(titleParts('Soupçons de fraude fiscale : Carlos Ghosn arrêté à Tokyo, Nissan souhaite son départ'), [
    'Soupçons de fraude fiscale',
    'Carlos Ghosn arrêté à Tokyo',
    'Nissan souhaite son départ',
  ]);
  // Short parts stay with their neighbour.
  assert.deepEqual(titleParts('Mantes-la-Jolie : 151 lycéens interpellés'), ['Mantes-la-Jolie : 151 lycéens interpellés']);
  assert.deepEqual(titleParts(null), []);
});

test('the same documents added in another order give the same groups', async () => {
  // A figureless claim agrees with two claims whose figures conflict (75 and 300 missiles): it joins one of them, and
  // which one must not depend on the order the documents were added in (claims are read in an order of the content).
  const docs = [ARTICLES.b1, ARTICLES.b2, MISSILES_300];
  const forward = await storeOf(docs);
  const backward = await storeOf([...docs].reverse());
  const [g1, g2] = [await claimGroupsOf(forward), await claimGroupsOf(backward)];
  assert.ok(g1.some((g) => g.documents.length === 2));
  assert.deepEqual(g2, g1);
  assert.deepEqual(await groupClaims(backward.claims(), NO_COPIES), await groupClaims(forward.claims(), NO_COPIES));
  await forward.close();
  await backward.close();
});

test('corpus claims: a quotation credited to another person in another article is shown on the claim (conflictingSpeakers)', async () => {
  const quote = 'Nous ne laisserons jamais tomber les habitants de la vallée';
  const said = (outlet: string, who: string, key: string) => {
    const a = article({
      outlet,
      published: '2024-03-02',
      text: `« ${quote} », a déclaré ${who} lundi à Lunel.`,
      attributions: [{ source: who, content: quote, kind: 'direct', cue: 'a déclaré', claim: true }],
    });
    a.attributions[0]!.source!.key = key;
    return a;
  };
  const marin = said('Le Courrier', 'Paul Marin', 'per:paul-marin');
  const roux = said('Radio Sud', 'Claire Roux', 'per:claire-roux');
  const s = await storeOf([marin, roux]);
  try {
    const claims = (await claimGroupsOf(s, { minClaims: 1 })).flatMap((g) => g.claims);
    const of = (id: string) => claims.find((c) => c.documentId === id)!;
    assert.deepEqual(of(marin.id).conflictingSpeakers, [{ speaker: 'Claire Roux', speakerKey: 'per:claire-roux', documents: [roux.id] }]);
    assert.deepEqual(of(roux.id).conflictingSpeakers, [{ speaker: 'Paul Marin', speakerKey: 'per:paul-marin', documents: [marin.id] }]);
  } finally {
    await s.close();
  }
});
