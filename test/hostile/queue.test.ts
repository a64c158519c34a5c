// The queue carries everything a direct add stores (issue 20, item 6), and a
// re-run of `corpus add --queue` does not queue the same jobs twice (item 12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/corpus/open.js';
import type { InputItem } from '../../src/ingest/inputs.js';
import { enqueueInputs } from '../../src/queue/enqueue.js';
import { fromJob, toJob } from '../../src/queue/jobs.js';
import { createTestDatabase, dropTestDatabase, needsPostgres } from '../helpers/postgres.js';

const page = (n: number): InputItem => ({
  kind: 'bytes',
  path: `https://a.example/${n}`,
  bytes: Buffer.from(`<html><body><article><p>Le maire ${n} a déclaré que le budget serait voté.</p></article></body></html>`, 'latin1'),
  format: 'html',
  charset: 'windows-1252',
  known: { url: `https://a.example/${n}`, published: '2024-05-06' },
  fallbackPublished: { date: '2024-05-01', rule: 'warc-date' },
  provenance: { via: 'warc', from: 'crawl.warc', url: `https://a.example/${n}`, status: 200 },
});

test('a queued job carries url, publication date, provenance, charset and format', () => {
  const item = page(1);
  const back = fromJob(JSON.parse(JSON.stringify(toJob(item as Exclude<InputItem, { kind: 'error' }>, 'k1'))));
  assert.deepEqual(back, item);
  const rec: InputItem = { kind: 'record', path: 'a.jsonl', line: 3, text: 'Texte.', html: false, known: { title: 'T' }, provenance: { via: 'jsonl' } };
  assert.deepEqual(fromJob(JSON.parse(JSON.stringify(toJob(rec, null)))), rec);
});

test('re-running --queue does not queue the jobs still waiting', { skip: needsPostgres, timeout: 120_000 }, async () => {
  const url = await createTestDatabase('recoupe_hostile_queue');
  const store = await openStore(url);
  try {
    async function* items() {
      for (let i = 0; i < 5; i++) yield page(i);
    }
    const first = await enqueueInputs(url, store, items());
    assert.equal(first.queued, 5);
    const second = await enqueueInputs(url, store, items());
    assert.equal(second.queued, 0);
    assert.equal(second.alreadyQueued, 5);
  } finally {
    await store.close();
    await dropTestDatabase(url);
  }
});
