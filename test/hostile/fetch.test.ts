// Hostile sites (issue 20, item 9), on a loopback server: a Crawl-delay of
// 100,000 s is capped with a notice, and a sitemap index listing itself (and a
// sitemap listing a page twice) costs one fetch per URL, not 1+k+k²+k³.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expandInputs } from '../../src/ingest/inputs.js';
import { FETCH_DEFAULTS } from '../../src/fetch/fetcher.js';

test('Crawl-delay is capped with one notice per host; every URL is fetched once per run', { timeout: 60_000 }, async () => {
  const hits = new Map<string, number>();
  let base = '';
  const K = 6;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nCrawl-delay: 100000\n');
    if (path === '/index.xml')
      return xml(
        `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: K }, () => `<sitemap><loc>${base}/index.xml</loc></sitemap>`).join('')}<sitemap><loc>${base}/map.xml</loc></sitemap></sitemapindex>`,
      );
    if (path === '/map.xml')
      return xml(
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/a</loc></url><url><loc>${base}/a#again</loc></url><url><loc>${base}/b</loc></url></urlset>`,
      );
    if (path === '/a' || path === '/b')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>Page ${path}</title></head><body><article><h1>Page ${path}</h1><p>Le maire a déclaré que le budget serait voté en mars, selon le conseil municipal de la ville.</p></article></body></html>`,
        );
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const waits: number[] = [];
  const notices: string[] = [];
  try {
    const items = [];
    for await (const it of expandInputs([`${base}/index.xml`], async () => new Uint8Array(), {
      fetch: { cacheDir: null, sleep: async (ms) => void waits.push(ms), notice: (m) => notices.push(m) },
    }))
      items.push(it);
    const good = items.filter((i) => i.kind === 'bytes');
    assert.equal(good.length, 2, JSON.stringify(items.map((i) => (i.kind === 'error' ? i.error.message : i.path))));
    for (const p of ['/index.xml', '/map.xml', '/a', '/b', '/robots.txt']) assert.equal(hits.get(p), 1, `${p} fetched once`);
    assert.equal(notices.length, 1, notices.join(' | '));
    assert.match(notices[0]!, /Crawl-delay of 100000 s; waiting 60 s/);
    // The fake sleep does not advance time, so queued requests wait for their slots: at most one capped interval each.
    const requests = [...hits.values()].reduce((a, b) => a + b, 0);
    assert.ok(Math.max(0, ...waits) <= requests * FETCH_DEFAULTS.maxCrawlDelayMs, `no wait near 100,000 s (${Math.max(...waits)} ms)`);
  } finally {
    server.close();
  }
});
