// `recoupe watch` against the local feed on 127.0.0.1: a second round adds
// only the new items; an item whose article failed is tried again later.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startSite, page, type Site } from './fixtures/web/server.js';
import { runCliAsync } from './fixtures/web/run-cli.js';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase, needsPostgres } from './helpers/postgres.js';

let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'recoupe-watch-'));
const db = join(dir, 'corpus.db');

before(async () => {
  site = await startSite();
});
after(() => site.close());

function watchOnce() {
  return runCliAsync(['watch', `${site.base}/feed.rss`, '--db', db, '--once', '--delay', '0', '--retries', '0', '--jobs', '1', '--cache', join(dir, 'http')]);
}

function storedUrls(): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT url FROM documents ORDER BY url').all() as { url: string }[]).map((r) => r.url.replace(site.base, ''));
  } finally {
    d.close();
  }
}

test('a second round adds only the new items; a failed item is retried', async () => {
  const first = await watchOnce();
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /2 new entries, 0 seen before → .*: 2 added/);
  assert.deepEqual(storedUrls(), ['/article-1.html', '/article-2.html']);
  const d = new Database(db, { readonly: true });
  const stored = JSON.parse((d.prepare('SELECT analysis FROM documents ORDER BY url LIMIT 1').get() as { analysis: string }).analysis);
  d.close();
  assert.deepEqual(
    [stored.provenance.via, stored.provenance.from, stored.provenance.status, stored.meta.published],
    ['feed', `${site.base}/feed.rss`, 200, '2025-06-03'],
  );

  // The feed gains two items: one article, one whose page is not there yet.
  site.feedItems.unshift(
    { path: '/article-3.html', title: 'Harbour dredging delayed again', date: 'Thu, 05 Jun 2025 10:00:00 +0000' },
    { path: '/late.html', title: 'Pas encore en ligne', date: 'Thu, 05 Jun 2025 11:00:00 +0000' },
  );
  const hits = [site.hits('/article-1.html'), site.hits('/article-2.html')];
  const second = await watchOnce();
  assert.equal(second.code, 1, 'the missing page is a failure');
  assert.match(second.stderr, /late\.html: HTTP 404/);
  assert.match(second.stderr, /2 new entries, 2 seen before → .*: 1 added, 0 duplicate texts, 1 failed/);
  assert.deepEqual(storedUrls(), ['/article-1.html', '/article-2.html', '/article-3.html']);
  assert.deepEqual([site.hits('/article-1.html'), site.hits('/article-2.html')], hits, 'seen articles are not fetched again');

  site.routes.set('/late.html', page('article-2.html'));
  const third = await watchOnce();
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stderr, /1 new entries, 3 seen before → .*: 0 added, 1 duplicate texts, 0 failed/);
});

test('with --every, rounds go on until interrupted; Ctrl-C ends cleanly', async () => {
  const r = await runCliAsync(['watch', `${site.base}/feed.rss`, '--db', join(dir, 'loop.db'), '--every', '1h', '--delay', '0', '--jobs', '1', '--no-cache'], {
    onStderr: (text, child) => {
      if (/watch round 1 /.test(text)) child.kill('SIGINT');
    },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /watch round 1 .*new entries/);
  assert.doesNotMatch(r.stderr, /watch round 2/);
});

test('watch usage errors', async () => {
  for (const args of [
    ['watch'],
    ['watch', 'feed.xml'],
    ['watch', `${site.base}/feed.rss`, '--every', '5s'],
    ['watch', `${site.base}/feed.rss`, '--every', 'soon'],
  ]) {
    const r = await runCliAsync(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^recoupe watch: /);
  }
});

test('a PostgreSQL corpus keeps what watch has seen in the same database', { skip: needsPostgres }, async () => {
  const url = await createTestDatabase('recoupe_watch');
  try {
    const once = () => runCliAsync(['watch', `${site.base}/feed.rss`, '--db', url, '--once', '--delay', '0', '--retries', '0', '--jobs', '1', '--no-cache']);
    const first = await once();
    assert.equal(first.code, 0, first.stderr);
    // The feed as the tests above left it: every entry is new to this corpus.
    const fresh = Number(/(\d+) new entries, 0 seen before/.exec(first.stderr)?.[1]);
    assert.ok(fresh >= 2, first.stderr);
    const hits = site.hits('/article-1.html');
    const second = await once();
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, new RegExp(`0 new entries, ${fresh} seen before → .*: 0 added`));
    assert.equal(site.hits('/article-1.html'), hits, 'seen articles are not fetched again');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM watched_feed_items');
    await client.end();
    assert.equal(Number(rows[0]!.n), fresh);
  } finally {
    await dropTestDatabase(url);
  }
});

test('a first round that stores nothing (the feed is missing) leaves no empty database behind (newcomer trial)', async () => {
  const empty = join(dir, 'never.db');
  const r = await runCliAsync([
    'watch',
    `${site.base}/no-such-feed.rss`,
    '--db',
    empty,
    '--once',
    '--delay',
    '0',
    '--retries',
    '0',
    '--jobs',
    '1',
    '--no-cache',
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /no-such-feed\.rss: HTTP 404/);
  assert.equal(existsSync(empty), false);
});
