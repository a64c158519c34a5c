// `recoupe analyze` on URLs, URL lists, feeds and sitemaps served by a local
// site on 127.0.0.1: articles with their final URL and provenance, failures
// one line each, exit 1, the run never stopped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Analysis } from '../src/doc/schema.js';
import { startSite, type Site } from './fixtures/web/server.js';
import { runCliAsync } from './fixtures/web/run-cli.js';

let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'recoupe-web-'));
const FAST = ['--delay', '0', '--retries', '0', '--cache', join(dir, 'http-cache')];

before(async () => {
  site = await startSite();
});
after(() => site.close());

async function analyze(...args: string[]): Promise<{ code: number; docs: Analysis[]; errors: string[] }> {
  const r = await runCliAsync(['analyze', ...args, ...FAST]);
  const docs = r.stdout.trim()
    ? r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Analysis)
    : [];
  const errors = r.stderr.trim() ? r.stderr.trim().split('\n') : [];
  return { code: r.code, docs, errors };
}

test('URLs: articles with final URL, redirects and provenance; failures reported per URL', async () => {
  const b = site.base;
  const r = await analyze(`${b}/old-link`, `${b}/missing`, `${b}/image.png`, `${b}/private/secret.html`, `${b}/article-3.html`);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.docs.map((d) => d.meta.url),
    [`${b}/article-2.html?from=moved`, `${b}/article-3.html`],
    'input order kept, final URL is meta.url',
  );
  const moved = r.docs[0]!;
  assert.equal(moved.input.path, `${b}/old-link`);
  assert.equal(moved.provenance?.via, 'url');
  assert.equal(moved.provenance?.status, 200);
  assert.deepEqual(
    moved.provenance?.redirects?.map((h) => h.status),
    [301, 302],
  );
  assert.ok(!Number.isNaN(Date.parse(moved.provenance?.fetched ?? '')));
  assert.match(moved.text, /trafic ferroviaire/);
  assert.deepEqual(r.errors, [
    `recoupe analyze: ${b}/missing: HTTP 404 Not Found`,
    `recoupe analyze: ${b}/image.png: not an article: content type image/png`,
    `recoupe analyze: ${b}/private/secret.html: disallowed by robots.txt`,
  ]);
});

test('charset from the header, from <meta>, detected when missing, repaired when the header is wrong', async () => {
  const b = site.base;
  const r = await analyze(
    `${b}/meta-charset.html`,
    `${b}/wrong-charset.html`,
    `${b}/latin1-header.html`,
    `${b}/no-charset-1252.html`,
    `${b}/no-charset-utf8.html`,
  );
  assert.equal(r.code, 0, r.errors.join('\n'));
  assert.equal(r.docs.length, 5);
  for (const d of r.docs) {
    assert.match(d.text, /Les pompiers ont déclaré que l'été serait « très sec »/, d.input.path ?? '');
    assert.doesNotMatch(d.text, /Ã|�/);
  }
  assert.deepEqual(
    r.docs.map((d) => d.input.encoding),
    ['windows-1252', 'windows-1252', 'windows-1252', 'windows-1252', 'utf-8'],
  );
});

test('RSS and Atom feeds and a sitemap index: their articles, with the dates they give', async () => {
  const b = site.base;
  const r = await analyze(`${b}/feed.rss`, `${b}/atom.xml`, `${b}/sitemap.xml`);
  assert.equal(r.code, 0, r.errors.join('\n'));
  const got = r.docs.map((d) => [d.provenance?.via, d.provenance?.from, d.meta.url, d.meta.published]);
  // Each URL is fetched once per run: the sitemap's pages already came from the feeds.
  assert.deepEqual(got, [
    ['feed', `${b}/feed.rss`, `${b}/article-1.html`, '2025-06-03'],
    ['feed', `${b}/feed.rss`, `${b}/article-2.html`, '2025-06-04'],
    // The publisher's own day, not shifted to UTC.
    ['feed', `${b}/atom.xml`, `${b}/article-3.html`, '2025-06-02'],
  ]);
  const s = await analyze(`${b}/sitemap.xml`);
  assert.equal(s.code, 0, s.errors.join('\n'));
  assert.deepEqual(
    s.docs.map((d) => [d.provenance?.via, d.provenance?.from, d.meta.url, d.meta.published]),
    [
      ['sitemap', `${b}/sitemap-news.xml`, `${b}/article-1.html`, '2025-06-03'],
      // <lastmod> is not a publication date.
      ['sitemap', `${b}/sitemap-news.xml`, `${b}/article-3.html`, null],
    ],
  );
});

test('URL list files: .urls (bad lines reported), .txt of URLs only; a prose .txt stays an article', async () => {
  const b = site.base;
  const urls = join(dir, 'watchlist.urls');
  writeFileSync(urls, `# outlets to check\n${b}/article-1.html\n\nnot a url\n${b}/article-3.html\n`);
  const txt = join(dir, 'list.txt');
  writeFileSync(txt, `${b}/article-2.html\r\n`);
  const prose = join(dir, 'prose.txt');
  writeFileSync(prose, `Le maire a déclaré que le site ${b}/article-2.html était faux.\n`);
  const r = await analyze(urls, txt, prose);
  assert.equal(r.code, 1);
  assert.deepEqual(r.errors, [`recoupe analyze: ${urls}:4: not an http(s) URL`]);
  assert.deepEqual(
    r.docs.map((d) => [d.provenance?.via, d.meta.url ?? null]),
    [
      ['url-list', `${b}/article-1.html`],
      ['url-list', `${b}/article-3.html`],
      ['url-list', `${b}/article-2.html`],
      ['file', null],
    ],
  );
  assert.equal(r.docs[0]!.provenance?.from, urls);
});

test('a feed and a gzipped sitemap saved as files are read too; a re-run is served from the HTTP cache', async () => {
  const b = site.base;
  const feed = join(dir, 'saved.xml');
  writeFileSync(feed, `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title><item><link>${b}/article-3.html</link></item></channel></rss>`);
  const sitemap = join(dir, 'sitemap.xml.gz');
  writeFileSync(sitemap, gzipSync(`<urlset><url><loc>${b}/article-2.html</loc></url></urlset>`));
  const first = await analyze(feed, sitemap);
  assert.equal(first.code, 0, first.errors.join('\n'));
  assert.deepEqual(
    first.docs.map((d) => [d.provenance?.from, d.meta.url]),
    [
      [feed, `${b}/article-3.html`],
      [sitemap, `${b}/article-2.html`],
    ],
  );
  const hits = site.hits('/article-3.html');
  const again = await analyze(feed);
  assert.equal(again.docs[0]!.provenance?.cache, 'fresh');
  assert.equal(site.hits('/article-3.html'), hits, 'not refetched');
  assert.equal(again.docs[0]!.id, first.docs[0]!.id);
});

test('fetch flags are checked', async () => {
  const r = await runCliAsync(['analyze', `${site.base}/article-1.html`, '--timeout', 'soon']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--timeout must be a number/);
});
