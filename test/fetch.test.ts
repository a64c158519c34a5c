// The polite fetcher against a local site on 127.0.0.1 (no other address is touched).
import { createServer, type AddressInfo } from 'node:net';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fetcher, type FetcherOptions } from '../src/fetch/fetcher.js';
import { HostLimiter } from '../src/fetch/host-limiter.js';
import type { FetchResult, Fetched } from '../src/fetch/types.js';
import { startSite, type Site } from './fixtures/web/server.js';

let site: Site;
before(async () => {
  site = await startSite();
});
after(() => site.close());

function fetcher(opts: FetcherOptions = {}): Fetcher {
  return new Fetcher({ perHostIntervalMs: 0, backoffMs: 1, cacheDir: null, ...opts });
}

function ok(r: FetchResult): Fetched {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r;
}

test('sends a clear User-Agent and reads the page', async () => {
  const r = ok(await fetcher().fetch(`${site.base}/article-1.html`));
  assert.equal(r.status, 200);
  assert.match(Buffer.from(r.bytes).toString(), /Port-Bérard/);
  assert.equal(r.charset, 'utf-8');
  const ua = site.requests.find((q) => q.path === '/article-1.html')!.headers['user-agent'];
  assert.match(ua ?? '', /^recoupe\/\d+\.\d+\.\d+ \(.+\)$/);
});

test('robots.txt: the recoupe group is obeyed, read once per site', async () => {
  const before = site.hits('/robots.txt');
  const f = fetcher();
  const r = await f.fetch(`${site.base}/private/secret.html`);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /disallowed by robots\.txt/);
  assert.equal(site.hits('/private/secret.html'), 0);
  // The "User-agent: *" group disallows everything; recoupe has its own group.
  ok(await f.fetch(`${site.base}/article-2.html`));
  // A redirect into a disallowed path is refused too.
  const viaRedirect = await f.fetch(`${site.base}/to-private`);
  assert.equal(viaRedirect.ok, false);
  assert.equal(site.hits('/private/secret.html'), 0);
  assert.equal(site.hits('/robots.txt') - before, 1);
});

test('an unreachable robots.txt (5xx) means nothing is fetched from that site', async () => {
  const saved = site.routes.get('/robots.txt')!;
  site.routes.set('/robots.txt', (_q, res) => void res.writeHead(503).end());
  try {
    const before = site.hits('/article-1.html');
    const r = await fetcher({ retries: 0 }).fetch(`${site.base}/article-1.html`);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /robots\.txt unreachable/);
    assert.equal(site.hits('/article-1.html'), before);
    // A missing robots.txt (404) allows everything.
    site.routes.delete('/robots.txt');
    ok(await fetcher().fetch(`${site.base}/article-1.html`));
  } finally {
    site.routes.set('/robots.txt', saved);
  }
});

test('redirects are followed and recorded; the final URL is the canonical one', async () => {
  const r = ok(await fetcher().fetch(`${site.base}/old-link`));
  assert.equal(r.url, `${site.base}/old-link`);
  assert.equal(r.finalUrl, `${site.base}/article-2.html?from=moved`);
  assert.deepEqual(r.redirects, [
    { url: `${site.base}/old-link`, status: 301 },
    { url: `${site.base}/moved`, status: 302 },
  ]);
  const loop = await fetcher({ maxRedirects: 5 }).fetch(`${site.base}/loop`);
  assert.equal(loop.ok, false);
  assert.match(!loop.ok ? loop.reason : '', /more than 5 redirects/);
});

test('timeouts, HTTP errors and refused connections are failures with a reason', async () => {
  // /slow answers after 3 s; 2 s leaves robots.txt time to load on a busy machine.
  const f = fetcher({ timeoutMs: 2000, retries: 0 });
  const slow = await f.fetch(`${site.base}/slow`);
  assert.deepEqual(slow, { ok: false, url: `${site.base}/slow`, reason: 'timed out after 2 s' });
  const missing = await f.fetch(`${site.base}/missing`);
  assert.equal(missing.ok, false);
  assert.equal(!missing.ok && missing.status, 404);
  assert.match(!missing.ok ? missing.reason : '', /^HTTP 404/);
  // A loopback port that was just freed: nothing listens there (port 9 is one fetch refuses to dial at all).
  const port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
  const refused = await f.fetch(`http://127.0.0.1:${port}/x`);
  // Said in words a user offline or with a typo understands, the code kept for the curious.
  assert.match(!refused.ok ? refused.reason : '', /^site unreachable: connection refused by the host \(ECONNREFUSED\)/);
  assert.equal(
    await fetcher()
      .fetch('ftp://127.0.0.1/x')
      .then((r) => !r.ok && r.reason),
    'unsupported URL scheme ftp:',
  );
});

test('retries 5xx with exponential backoff; Retry-After is honoured or, when too long, given up on', async () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  const flaky = ok(await fetcher({ sleep, backoffMs: 100 }).fetch(`${site.base}/flaky`));
  assert.equal(flaky.status, 200);
  assert.deepEqual(waits, [2000], 'waited what Retry-After asked');
  waits.length = 0;
  const broken = await fetcher({ sleep, backoffMs: 100, retries: 3 }).fetch(`${site.base}/broken`);
  assert.equal(broken.ok, false);
  assert.match(!broken.ok ? broken.reason : '', /HTTP 500 .*after 4 attempts/);
  assert.deepEqual(waits, [100, 200, 400]);
  const hitsBefore = site.hits('/busy');
  const busy = await fetcher({ sleep }).fetch(`${site.base}/busy`);
  assert.match(!busy.ok ? busy.reason : '', /HTTP 429.*retry after 86400 s/);
  assert.equal(site.hits('/busy') - hitsBefore, 1);
});

test('bodies over the size limit are refused, announced or streamed', async () => {
  const f = fetcher({ maxBytes: 100_000 });
  for (const path of ['/huge', '/huge-chunked']) {
    const r = await f.fetch(`${site.base}${path}`);
    assert.equal(r.ok, false, path);
    assert.match(!r.ok ? r.reason : '', /body too large/);
  }
  ok(await fetcher({ maxBytes: 400_000 }).fetch(`${site.base}/huge-chunked`));
});

test('on-disk cache: fresh responses are not refetched, stale ones revalidated with ETag', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'recoupe-http-'));
  const fresh = `${site.base}/article-3.html`; // Cache-Control: max-age=3600
  const validated = `${site.base}/article-1.html`; // ETag + Last-Modified, no max-age
  const first = new Fetcher({ cacheDir, perHostIntervalMs: 0 });
  assert.equal(ok(await first.fetch(fresh)).cache, 'miss');
  assert.equal(ok(await first.fetch(validated)).cache, 'miss');
  const hits3 = site.hits('/article-3.html');
  const n = site.requests.length;
  // A new run (new Fetcher) over the same cache directory.
  const second = new Fetcher({ cacheDir, perHostIntervalMs: 0 });
  const again = ok(await second.fetch(fresh));
  assert.equal(again.cache, 'fresh');
  assert.match(Buffer.from(again.bytes).toString(), /dredging/);
  assert.equal(site.hits('/article-3.html'), hits3);
  const reval = ok(await second.fetch(validated));
  assert.equal(reval.cache, 'revalidated');
  assert.match(Buffer.from(reval.bytes).toString(), /Port-Bérard/);
  const cond = site.requests.slice(n).find((q) => q.path === '/article-1.html')!;
  assert.equal(cond.headers['if-none-match'], '"article-1.html-v1"');
  assert.equal(cond.headers['if-modified-since'], 'Tue, 03 Jun 2025 08:00:00 GMT');
});

test('on-disk cache honours Vary: a response stored for one User-Agent does not answer another; Vary: * is never reused', async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'recoupe-http-'));
  for (const [path, vary] of [
    ['/varies-by-agent', 'Accept-Encoding, User-Agent'],
    ['/varies-by-all', '*'],
  ] as const) {
    site.routes.set(path, (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=3600', vary });
      res.end('<p>Une page qui change selon le client.</p>');
    });
  }
  const run = (userAgent: string) => new Fetcher({ cacheDir, perHostIntervalMs: 0, userAgent });
  const byAgent = `${site.base}/varies-by-agent`;
  assert.equal(ok(await run('reader-a').fetch(byAgent)).cache, 'miss');
  assert.equal(ok(await run('reader-a').fetch(byAgent)).cache, 'fresh', 'same request headers: served from the cache');
  const hits = site.hits('/varies-by-agent');
  assert.equal(ok(await run('reader-b').fetch(byAgent)).cache, 'miss', 'another User-Agent: fetched again');
  assert.equal(site.hits('/varies-by-agent'), hits + 1);
  const byAll = `${site.base}/varies-by-all`;
  assert.equal(ok(await run('reader-a').fetch(byAll)).cache, 'miss');
  assert.equal(ok(await run('reader-a').fetch(byAll)).cache, 'miss');
});

test('per-host concurrency: never more than the limit in flight', async () => {
  let inFlight = 0;
  let most = 0;
  site.routes.set('/steady', (_q, res) => {
    inFlight++;
    most = Math.max(most, inFlight);
    // Held long enough that the second request arrives meanwhile even on a loaded machine.
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }, 1000);
  });
  const f = fetcher({ perHostConcurrency: 2 });
  const results = await Promise.all(Array.from({ length: 4 }, () => f.fetch(`${site.base}/steady`)));
  assert.ok(results.every((r) => r.ok));
  assert.equal(most, 2, 'two at a time, never more');
});

test('per-host spacing: each start waits the interval after the previous one, per host', async () => {
  const waits: number[] = [];
  const limiter = new HostLimiter(4, async (ms) => void waits.push(ms));
  const releases = await Promise.all([limiter.acquire('a:80', 400), limiter.acquire('a:80', 400), limiter.acquire('b:80', 400), limiter.acquire('a:80', 400)]);
  releases.forEach((release) => release());
  // The first on each host starts at once; the next ones on host a 400 and 800 ms later.
  assert.equal(waits.length, 2, String(waits));
  assert.ok(waits[0]! > 350 && waits[0]! <= 400, String(waits));
  assert.ok(waits[1]! > 750 && waits[1]! <= 800, String(waits));
});

test('robots.txt Crawl-delay spaces requests to that host', async () => {
  const saved = site.routes.get('/robots.txt')!;
  site.routes.set(
    '/robots.txt',
    (_q, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: recoupe\nCrawl-delay: 5\nDisallow:\n'),
  );
  try {
    const waits: number[] = [];
    const f = fetcher({ sleep: async (ms) => void waits.push(ms) });
    ok(await f.fetch(`${site.base}/article-1.html`));
    ok(await f.fetch(`${site.base}/article-2.html`));
    // The second page waits out the 5 s since the first began (the test's sleep returns at once).
    assert.equal(waits.length, 1, String(waits));
    assert.ok(waits[0]! > 3000 && waits[0]! <= 5000, String(waits));
  } finally {
    site.routes.set('/robots.txt', saved);
  }
});
