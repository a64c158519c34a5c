// The corpus integration suite, one function run against every backend
// (test/corpus-sqlite.test.ts, test/postgres-corpus.test.ts): the same articles,
// the same questions, the same answers. Articles are written for these tests;
// the layers later stages will fill (entities, attributions, claims) are added
// by hand so that every filter is exercised whatever the pipeline finds today.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Analysis, Attribution, Entity } from '../src/doc/schema.js';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { isTitleClaim } from '../src/corpus/claim-features.js';
import { prepareDocument } from '../src/corpus/prepare.js';
import type { CorpusStore, PreparedDocument, SearchQuery } from '../src/corpus/store.js';
import { analyze } from '../src/pipeline/analyze.js';

export interface StoreFactory {
  /** A new, empty, migrated store. */
  create(): Promise<CorpusStore>;
  /** Open the same corpus again (a second process, or a restart). */
  reopen(store: CorpusStore): Promise<CorpusStore>;
  /** Remove what `create` made. */
  dispose?(): Promise<void>;
}

const MOSUL =
  "Des centaines de combattants de Daech ont quitté Mossoul pour Raqqa sans être inquiétés, selon un responsable kurde. « Les convois sont partis de nuit », a déclaré Jean Martin à l'Élysée. Mossoul reste encerclée ; à Mossoul, l'armée irakienne avance.";
const MOSUL_COPY = MOSUL.replace('de nuit', 'dans la nuit');
const MISSILES =
  "Les États-Unis ont livré 250 missiles antichars à l'armée irakienne, a indiqué le Pentagone. Selon une source anonyme, d'autres livraisons pourraient suivre au printemps.";
const WEATHER = 'Il pleuvra sur la Bretagne mardi. Irakienne ou pas, la météo reste incertaine pour l’armée des randonneurs.';

/** A span of `text` by its first occurrence of `s`. */
function span(text: string, s: string) {
  const start = text.indexOf(s);
  assert.ok(start >= 0, `fixture: "${s}" not in text`);
  return { start, end: start + s.length, text: s };
}

export function article(
  text: string,
  meta: { outlet: string; published: string | null; title: string },
  layers: (a: Analysis) => Partial<Analysis> = () => ({}),
): PreparedDocument {
  const a = analyze({ text, path: `fixtures/${meta.title}.txt`, known: { ...meta, published: meta.published ?? undefined, language: 'fr' } });
  // Only the hand-made layers: what the pipeline finds changes as it improves.
  const filled = { ...a, entities: [], attributions: [], claims: [], ...layers(a) };
  return prepareDocument(filled, `key:${meta.title}`);
}

export function entity(a: Analysis, s: string, type: Entity['type'], key: string, subtype: string | null = null): Entity {
  return { ...span(a.text, s), type, subtype, key };
}

export function attribution(
  a: Analysis,
  content: string,
  source: { text: string; resolved: string | null; anonymous: boolean; key: string | null } | null,
  hedged: boolean,
): Attribution {
  return {
    cue: null,
    source: source && { ...span(a.text, source.text), resolved: source.resolved, anonymous: source.anonymous, key: source.key },
    content: span(a.text, content),
    kind: 'according',
    via: [],
    hedged,
    parent: null,
  };
}

export const FIXTURES = (): PreparedDocument[] => [
  article(MOSUL, { outlet: 'Le Quotidien', published: '2017-06-02', title: 'mossoul' }, (a) => ({
    entities: [entity(a, 'Mossoul', 'LOC', 'mossoul'), entity(a, 'Raqqa', 'LOC', 'raqqa', 'city'), entity(a, 'Jean Martin', 'PER', 'jean martin')],
    attributions: [
      attribution(a, '« Les convois sont partis de nuit »', { text: 'Jean Martin', resolved: 'Jean Martin', anonymous: false, key: 'per:jean-martin' }, false),
    ],
  })),
  article(MOSUL_COPY, { outlet: 'Le Relais', published: '2017-06-03', title: 'mossoul-copie' }),
  article(MISSILES, { outlet: 'Dépêches Monde', published: '2017-05-20', title: 'missiles' }, (a) => ({
    entities: [entity(a, 'États-Unis', 'LOC', 'etats-unis')],
    attributions: [
      attribution(
        a,
        "Les États-Unis ont livré 250 missiles antichars à l'armée irakienne",
        { text: 'le Pentagone', resolved: 'Pentagone', anonymous: false, key: 'org:pentagone' },
        false,
      ),
      attribution(
        a,
        "d'autres livraisons pourraient suivre au printemps",
        { text: 'une source anonyme', resolved: null, anonymous: true, key: 'anon:0123456789ab:source' },
        true,
      ),
    ],
    claims: [{ ...span(a.text, "Les États-Unis ont livré 250 missiles antichars à l'armée irakienne"), attribution: 0, hedged: false }],
  })),
  article(WEATHER, { outlet: 'le quotidien', published: null, title: 'meteo' }),
];

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

export function corpusSuite(backend: string, factory: StoreFactory, skip: string | false = false): void {
  describe(`corpus store: ${backend}`, { skip }, () => {
    let store: CorpusStore;
    let docs: PreparedDocument[];
    const ids = () => docs.map((d) => d.analysis.id);
    const titles = async (q: SearchQuery) => (await collect(store.search(q))).map((h) => h.title);

    before(async () => {
      store = await factory.create();
      docs = FIXTURES();
      const first = await store.addBatch(docs.slice(0, 2), judgeNearDuplicates);
      const rest = await store.addBatch(docs.slice(2), judgeNearDuplicates);
      assert.deepEqual([...first.added, ...rest.added], ids());
    });
    after(async () => {
      await store?.close();
      await factory.dispose?.();
    });

    test('adding the same documents again stores nothing twice', async () => {
      const before = await store.stats();
      const again = await store.addBatch(FIXTURES(), judgeNearDuplicates);
      assert.deepEqual(again, { added: [], skipped: 4, nearDuplicates: 0 });
      assert.deepEqual(await store.stats(), before);
    });

    test('reopening migrates nothing and keeps everything', async () => {
      const before = await store.stats();
      store = await factory.reopen(store);
      await store.migrate();
      assert.deepEqual(await store.stats(), before);
    });

    test('a stored analysis comes back as it went in', async () => {
      const [mosul] = docs;
      // What went in: every layer but the tokens (the analysis JSON the worker serialised) and the text.
      const stored = await store.getDocument(mosul!.analysis.id);
      assert.deepEqual(stored, { ...JSON.parse(mosul!.analysisJson), text: mosul!.analysis.text });
      assert.deepEqual(stored!.entities, mosul!.analysis.entities);
      assert.ok(stored!.sentences.length > 0, 'the layers the writers do not read come back too');
      assert.equal(await store.getDocument('0'.repeat(64)), null);
      assert.deepEqual(
        (await collect(store.getDocuments([ids()[2]!, 'missing', ids()[0]!]))).map((a) => a.id),
        [ids()[2], ids()[0]],
      );
      assert.equal(await store.has(ids()[1]!), true);
      assert.deepEqual(await store.hasInputs(['key:meteo', 'key:nothing']), new Set(['key:meteo']));
    });

    test('documents are listed in insertion order with their metadata', async () => {
      const rows = await collect(store.documents());
      assert.deepEqual(
        rows.map((r) => r.id),
        ids(),
      );
      assert.deepEqual(
        rows.map((r) => [r.outlet, r.published, r.language]),
        [
          ['Le Quotidien', '2017-06-02', 'fr'],
          ['Le Relais', '2017-06-03', 'fr'],
          ['Dépêches Monde', '2017-05-20', 'fr'],
          ['le quotidien', null, 'fr'],
        ],
      );
      assert.ok(rows.every((r) => r.wordCount > 10 && !Number.isNaN(Date.parse(r.addedAt))));
    });

    test('search folds accents and matches stems, all words required', async () => {
      assert.deepEqual((await titles({ text: 'Élysée' })).sort(), ['mossoul', 'mossoul-copie']);
      assert.deepEqual((await titles({ text: '"elysee"' })).sort(), ['mossoul', 'mossoul-copie']);
      assert.deepEqual((await titles({ text: 'Missile livraison' })).sort(), ['missiles']);
      assert.deepEqual(await titles({ text: 'missiles Raqqa' }), []);
      assert.deepEqual((await titles({ text: 'irakiennes' })).sort(), ['meteo', 'missiles', 'mossoul', 'mossoul-copie']);
    });

    test('a quoted phrase needs its words in order', async () => {
      assert.deepEqual((await titles({ text: '"armee irakienne"' })).sort(), ['missiles', 'mossoul', 'mossoul-copie']);
      assert.deepEqual(await titles({ text: '"partis de nuit"' }), ['mossoul']);
      assert.deepEqual(await titles({ text: 'convois "dans la nuit"' }), ['mossoul-copie']);
    });

    test('the best match comes first and the snippet shows it', async () => {
      const hits = await collect(store.search({ text: 'Mossoul', outlet: 'le quotidien' }));
      assert.deepEqual(
        hits.map((h) => h.title),
        ['mossoul'],
      );
      assert.match(hits[0]!.snippet, /Mossoul/);
      const ranked = await collect(store.search({ text: 'armée' }));
      assert.ok(
        ranked.every((h, i) => i === 0 || h.rank >= ranked[i - 1]!.rank),
        'ranks ascend',
      );
    });

    test('filters: outlet, dates, language, entity, speaker, hedged, anonymous, limit', async () => {
      assert.deepEqual(await titles({ text: '', outlet: 'LE QUOTIDIEN' }), ['mossoul', 'meteo']);
      assert.deepEqual(await titles({ text: '', from: '2017-06-01' }), ['mossoul-copie', 'mossoul']);
      assert.deepEqual(await titles({ text: '', to: '2017-06-02' }), ['mossoul', 'missiles']);
      assert.deepEqual(await titles({ text: '', language: 'en' }), []);
      assert.deepEqual(await titles({ text: '', entity: 'raqqa' }), ['mossoul']);
      // A query naming an entity also finds the documents that mention it under another name, after the word matches.
      assert.deepEqual(await titles({ text: 'Washington' }), []);
      assert.deepEqual(await titles({ text: 'Washington', textEntity: 'etats-unis' }), ['missiles']);
      assert.deepEqual(await titles({ text: 'antichars', textEntity: 'raqqa', limit: 5 }), ['missiles', 'mossoul']);
      assert.deepEqual(await titles({ text: 'Washington', textEntity: 'etats-unis', outlet: 'Le Quotidien' }), []);
      assert.deepEqual(await titles({ text: '', speaker: 'pentag' }), ['missiles']);
      assert.deepEqual(await titles({ text: '', speaker: 'jean MARTIN' }), ['mossoul']);
      assert.deepEqual(await titles({ text: '', speaker: 'PENTAGÔNE' }), ['missiles'], 'accents and case ignored on both sides');
      assert.deepEqual(await titles({ text: '', speaker: '%' }), []);
      assert.deepEqual(await titles({ text: '', hedged: true }), ['missiles']);
      assert.deepEqual(await titles({ text: '', anonymous: true }), ['missiles']);
      assert.deepEqual(await titles({ text: '' }), ['mossoul-copie', 'mossoul', 'missiles', 'meteo']);
      assert.deepEqual(await titles({ text: '', limit: 2 }), ['mossoul-copie', 'mossoul']);
      assert.deepEqual(await titles({ text: 'armée', anonymous: true }), ['missiles']);
    });

    test('layers are stored row by row', async () => {
      const entities = await collect(store.entities());
      assert.deepEqual(
        entities.filter((e) => e.documentId === ids()[0]).map((e) => [e.index, e.text, e.key]),
        [
          [0, 'Mossoul', 'mossoul'],
          [1, 'Raqqa', 'raqqa'],
          [2, 'Jean Martin', 'jean martin'],
        ],
      );
      const attributions = await collect(store.attributions());
      const anonymous = attributions.find((x) => x.anonymous);
      assert.equal(anonymous?.source, 'une source anonyme');
      assert.equal(anonymous?.hedged, true);
      assert.equal(anonymous?.sourceResolved, null);
      assert.deepEqual(anonymous?.via, []);
    });

    test('claims carry their features and their document', async () => {
      const claims = await collect(store.claims());
      const expected = docs.flatMap((d) => d.claims);
      assert.equal(claims.length, expected.length);
      const missile = claims.find((c) => !c.candidate);
      assert.ok(missile);
      assert.deepEqual(
        { ...missile, inputPath: undefined, outlet: undefined, published: undefined, language: undefined, origin: undefined },
        { ...expected.find((c) => !c.candidate)!, inputPath: undefined, outlet: undefined, published: undefined, language: undefined, origin: undefined },
      );
      assert.deepEqual([missile.outlet, missile.published, missile.inputPath, missile.origin], ['Dépêches Monde', '2017-05-20', 'fixtures/missiles.txt', []]);
      assert.equal(missile.speaker, 'Pentagone');
    });

    test("claim features: every claim, by date, document id then index, with its document's date and language", async () => {
      const claims = await collect(store.claims());
      const features = await collect(store.claimFeatures());
      // An order of the content, not of insertion (the missiles, added third, are the earliest dated).
      const order = features.map((f) => [f.published ?? '', f.documentId, f.index] as const);
      const byContent = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] - b[2]));
      assert.deepEqual(order, byContent);
      assert.ok(new Set(order.map((o) => o[1])).size > 1, 'claims of several documents');
      assert.deepEqual(
        features,
        claims.map((c) => ({
          documentId: c.documentId,
          index: c.index,
          published: c.published,
          language: c.language,
          entityKeys: c.entityKeys,
          numbers: c.numbers,
          predicate: c.predicate,
          speakerKey: c.speakerKey,
          proposition: c.proposition,
          outlet: c.outlet,
          title: isTitleClaim(c),
        })),
      );
      // Titles are claims too, flagged as such.
      assert.ok(features.some((f) => f.title) && features.some((f) => !f.title));
    });

    test('claims by key: the claims asked for, unknown keys left out', async () => {
      const claims = await collect(store.claims());
      const wanted = [claims.at(-1)!, claims[0]!];
      const keys = [...wanted.map((c) => ({ documentId: c.documentId, index: c.index })), { documentId: 'f'.repeat(64), index: 0 }];
      const key = (c: { documentId: string; index: number }) => `${c.documentId}#${c.index}`;
      const found = await collect(store.claimsAt(keys));
      assert.deepEqual(
        found.sort((a, b) => key(a).localeCompare(key(b))),
        wanted.sort((a, b) => key(a).localeCompare(key(b))),
      );
      assert.deepEqual(await collect(store.claimsAt([])), []);
    });

    test('entities of one subtype only', async () => {
      const all = await collect(store.entities());
      const cities = await collect(store.entities({ subtype: 'city' }));
      assert.deepEqual(
        cities.map((e) => e.text),
        ['Raqqa'],
      );
      assert.deepEqual(
        cities,
        all.filter((e) => e.subtype === 'city'),
      );
      assert.deepEqual(await collect(store.entities({ subtype: 'no such subtype' })), []);
    });

    test('a republished copy is linked to the earlier original', async () => {
      const links = await collect(store.nearDuplicates());
      assert.equal(links.length, 1);
      assert.equal(links[0]!.documentId, ids()[1]);
      assert.equal(links[0]!.duplicateOf, ids()[0]);
      assert.ok(links[0]!.similarity >= 0.5 && links[0]!.similarity < 1);
    });

    test('sources: outlets, then speakers as actors (by key), named and anonymous', async () => {
      const rows = await collect(store.sources());
      assert.deepEqual(
        rows.map((r) => [r.kind, r.key, r.name, r.anonymous, r.count, r.documents, r.first, r.last]),
        [
          ['outlet', 'Dépêches Monde', 'Dépêches Monde', false, 1, 1, '2017-05-20', '2017-05-20'],
          ['outlet', 'Le Quotidien', 'Le Quotidien', false, 1, 1, '2017-06-02', '2017-06-02'],
          ['outlet', 'Le Relais', 'Le Relais', false, 1, 1, '2017-06-03', '2017-06-03'],
          ['outlet', 'le quotidien', 'le quotidien', false, 1, 1, null, null],
          ['speaker', 'per:jean-martin', 'Jean Martin', false, 1, 1, '2017-06-02', '2017-06-02'],
          ['speaker', 'org:pentagone', 'Pentagone', false, 1, 1, '2017-05-20', '2017-05-20'],
          // Anonymous sources are scoped to their document; the report groups them by what they are.
          ['speaker', 'anon:source', 'une source anonyme', true, 1, 1, '2017-05-20', '2017-05-20'],
        ],
      );
    });

    test('stats count every layer', async () => {
      const s = await store.stats();
      const candidates = docs.flatMap((d) => d.claims).filter((c) => c.candidate).length;
      assert.deepEqual(s, {
        documents: 4,
        inputs: 4,
        entities: 4,
        attributions: 3,
        claims: 1, // the attributed claim: what `report` counts
        titleClaims: 1, // the title as the outlet's claim
        candidateClaims: candidates,
        nearDuplicates: 1,
        outlets: 4,
        languages: { fr: 4 },
        firstPublished: '2017-05-20',
        lastPublished: '2017-06-03',
      });
    });
  });
}
