// The server's corpus views (claim grouping above all) are built in a thread of
// the worker pool, not on the event loop (issue 20 item 10): while the views
// thread is stuck in a long synchronous computation, /api/health and other
// requests are answered. No timing: the views thread is held on a shared word
// (as a grouping of a huge corpus would hold it) and released by the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecoupeServer } from '../../src/server/app.js';
import { openCorpus } from '../../src/server/corpus-adapter.js';
import { fixtureDatabase } from '../fixtures/web-corpus-db.js';

test('/api/health and sources answer while the views thread is busy; the claim groups arrive once it is done', { timeout: 120_000 }, async () => {
  const hold = new SharedArrayBuffer(4);
  const word = new Int32Array(hold);
  const server = new RecoupeServer({ corpus: await openCorpus(await fixtureDatabase(), { hold }), staticDir: null, workers: 1 });
  const base = await server.listen(0, '127.0.0.1');
  try {
    const events: string[] = [];
    const groups = fetch(`${base}/api/claim-groups`).then(async (r) => {
      events.push('claim-groups');
      return { status: r.status, body: (await r.json()) as { total: number } };
    });
    const health = await fetch(`${base}/api/health`);
    assert.equal(health.status, 200);
    events.push('health');
    const sources = await fetch(`${base}/api/sources`);
    assert.equal(sources.status, 200, 'the sources (read from the store, not the views) are answered too');
    events.push('sources');
    assert.deepEqual(events, ['health', 'sources'], 'the claim groups wait for the views thread, nothing else does');
    Atomics.store(word, 0, 1);
    Atomics.notify(word, 0);
    const g = await groups;
    assert.equal(g.status, 200);
    assert.ok(g.body.total > 0, 'the views built in the thread are served');
    assert.deepEqual(events, ['health', 'sources', 'claim-groups']);
  } finally {
    Atomics.store(word, 0, 1);
    Atomics.notify(word, 0);
    await server.close();
  }
});
