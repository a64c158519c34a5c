// What only a shared server has to get right: several writers at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { openStore } from '../src/corpus/open.js';
import { redactUrl } from '../src/corpus/postgres-store.js';
import type { CorpusStore } from '../src/corpus/store.js';
import { FIXTURES } from './corpus-suite.js';
import { createTestDatabase, dropTestDatabase, needsPostgres } from './helpers/postgres.js';

describe('PostgreSQL store with concurrent writers', { skip: needsPostgres }, () => {
  let url = '';
  let writers: CorpusStore[] = [];
  before(async () => {
    url = await createTestDatabase();
    writers = await Promise.all([0, 1, 2, 3].map(() => openStore(url)));
  });
  after(async () => {
    for (const w of writers) await w.close();
    await dropTestDatabase(url);
  });

  test('four writers adding overlapping batches store each document once and link the copies', async () => {
    const docs = FIXTURES();
    // Each writer holds the original or the copy of the same story, plus the others in a different order.
    const batches = [
      [docs[0]!, docs[2]!],
      [docs[1]!, docs[3]!],
      [docs[3]!, docs[0]!, docs[1]!],
      [docs[2]!, docs[1]!],
    ];
    const results = await Promise.all(writers.map((w, i) => w.addBatch(batches[i]!, judgeNearDuplicates)));
    const added = results.flatMap((r) => r.added);
    assert.deepEqual([...added].sort(), docs.map((d) => d.analysis.id).sort(), 'each document added by exactly one writer');
    assert.equal(
      results.reduce((n, r) => n + r.skipped, 0),
      9 - 4,
    );
    const stats = await writers[0]!.stats();
    assert.equal(stats.documents, 4);
    assert.equal(stats.entities, 4);
    assert.equal(stats.nearDuplicates, 1, 'the copy and the original met, whoever wrote first');
    assert.equal(stats.inputs, 4);
  });
});

test('a connection URL is shown without its password', () => {
  assert.equal(redactUrl('postgres://reader:s3cret@db.example:5432/news'), 'postgres://reader:***@db.example:5432/news');
  assert.equal(redactUrl('postgres://db.example/news'), 'postgres://db.example/news');
});
