// Every speaker of an attribution is an actor: « Barack Obama et Angela Merkel ont affirmé que … » gives Angela
// Merkel her own row in `corpus sources` (the CLI and /api/sources read the same listing) and her own node in the
// citation graph, under the key claim grouping gives her (a lone « Mme Merkel » elsewhere is the same person).
// The store keeps co-sources in attributions.co_sources; a store written before that column (schema 2) fills it
// from the stored analysis when opened. SQLite always; PostgreSQL when RECOUPE_TEST_PG names a server.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Analysis, Attribution } from '../src/doc/schema.js';
import { graphOf } from '../src/corpus/index.js';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { openStore } from '../src/corpus/open.js';
import { actors } from '../src/corpus/source-keys.js';
import type { CorpusStore } from '../src/corpus/store.js';
import { article, attribution } from './corpus-suite.js';
import { createTestDatabase, dropTestDatabase, needsPostgres } from './helpers/postgres.js';

const PAIR = "Barack Obama et Angela Merkel ont affirmé que l'accord sur le climat serait signé avant l'été.";
const ALONE = "L'accord sur le climat sera signé en juin, a déclaré Mme Merkel.";

/** The attribution of `content` by `first`, with the other speakers as its co-sources. */
function coordinated(a: Analysis, content: string, first: [string, string], others: [string, string][]): Attribution {
  const base = attribution(a, content, { text: first[0], resolved: first[0], anonymous: false, key: first[1] }, false);
  return {
    ...base,
    coSources: others.map(([text, key]) => {
      const start = a.text.indexOf(text);
      return { start, end: start + text.length, text, key, rule: 'coordination' };
    }),
  };
}

const DOCS = () => [
  article(PAIR, { outlet: 'Le Quotidien', published: '2019-03-05', title: 'climat' }, (a) => ({
    attributions: [
      coordinated(a, "l'accord sur le climat serait signé avant l'été", ['Barack Obama', 'per:barack-obama'], [['Angela Merkel', 'per:angela-merkel']]),
    ],
  })),
  article(ALONE, { outlet: 'Le Relais', published: '2019-03-06', title: 'climat-juin' }, (a) => ({
    attributions: [
      attribution(a, "L'accord sur le climat sera signé en juin", { text: 'Mme Merkel', resolved: 'Mme Merkel', anonymous: false, key: 'per:merkel' }, false),
    ],
  })),
];

async function speakers(store: CorpusStore) {
  const out: [string, string, number, number][] = [];
  for await (const s of actors(store.sources(), store.claimFeatures())) if (s.kind === 'speaker') out.push([s.key, s.name, s.count, s.documents]);
  return out;
}

async function expectActors(store: CorpusStore) {
  // The co-source is listed, and the lone surname of the other article joins her full name.
  assert.deepEqual(await speakers(store), [
    ['per:angela-merkel', 'Angela Merkel', 2, 2],
    ['per:barack-obama', 'Barack Obama', 1, 1],
  ]);
  const graph = await graphOf(store);
  assert.deepEqual(
    graph.nodes
      .filter((n) => n.kind === 'speaker')
      .map((n) => [n.id, n.documents])
      .sort(),
    [
      ['speaker:per:angela-merkel', 2],
      ['speaker:per:barack-obama', 1],
    ],
  );
  assert.deepEqual(
    graph.edges.filter((e) => e.target === 'speaker:per:angela-merkel').map((e) => [e.source, e.kind]),
    [
      ['outlet:le quotidien', 'quotes'],
      ['outlet:le relais', 'quotes'],
    ].sort(),
  );
}

interface Backend {
  open(): Promise<CorpusStore>;
  /** Make the corpus look written before co-sources were stored (schema 2): no column, migration 3 not applied. */
  downgrade(): Promise<void>;
  dispose(): Promise<void>;
}

const DOWNGRADE = ['ALTER TABLE attributions DROP COLUMN co_sources', 'DELETE FROM schema_migrations WHERE version = 3'];

function suite(name: string, make: () => Promise<Backend>, skip: string | false = false) {
  describe(`co-sources as actors (${name})`, { skip }, () => {
    test('corpus sources and the graph count each co-source as an actor under the unified key', async () => {
      const b = await make();
      const store = await b.open();
      try {
        await store.addBatch(DOCS(), judgeNearDuplicates);
        const rows = [];
        for await (const a of store.attributions()) rows.push(a.coSources.map((c) => [c.text, c.key]));
        assert.deepEqual(rows.sort(), [[], [['Angela Merkel', 'per:angela-merkel']]]);
        await expectActors(store);
        // --speaker finds the article where she is a co-source, not only where she speaks first.
        const titles = async (speaker: string) => {
          const out: (string | null)[] = [];
          for await (const h of store.search({ text: '', speaker })) out.push(h.title);
          return out.sort();
        };
        assert.deepEqual(await titles('angela'), ['climat']);
        assert.deepEqual(await titles('MERKEL'), ['climat', 'climat-juin']);
      } finally {
        await store.close();
        await b.dispose();
      }
    });

    test('a store written before co-sources opens and fills them from the stored analyses', async () => {
      const b = await make();
      try {
        const first = await b.open();
        await first.addBatch(DOCS(), judgeNearDuplicates);
        await first.close();
        await b.downgrade();
        const store = await b.open();
        try {
          await expectActors(store);
        } finally {
          await store.close();
        }
      } finally {
        await b.dispose();
      }
    });
  });
}

suite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-cosources-'));
  const file = join(dir, 'corpus.db');
  return {
    open: () => openStore(file),
    async downgrade() {
      const db = new Database(file);
      try {
        for (const sql of DOWNGRADE) db.exec(sql);
      } finally {
        db.close();
      }
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

suite(
  'postgres',
  async () => {
    const url = await createTestDatabase();
    return {
      open: () => openStore(url),
      async downgrade() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          for (const sql of DOWNGRADE) await client.query(sql);
        } finally {
          await client.end();
        }
      },
      dispose: () => dropTestDatabase(url),
    };
  },
  needsPostgres,
);
