// The HTTP API on loopback: analyse, the corpus endpoints (fixture port),
// the OpenAPI document covering every route, security headers, limits,
// timeouts and static serving without traversal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { RecoupeServer } from '../src/server/app.js';
import { FIXTURE_DOCS } from './fixtures/web-corpus.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';
import { openCorpus } from '../src/server/corpus-adapter.js';

const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
const validateAnalysis = new Ajv2020({ strict: false }).compile(schema);
const example = readFileSync(join(PACKAGE_ROOT, 'examples', 'barrage-sur-la-lune.html'), 'utf8');

let staticDir: string;
let server: RecoupeServer;
let base: string;

before(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'recoupe-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(staticDir, 'app.js'), 'export {};');
  server = new RecoupeServer({ corpus: await openCorpus(await fixtureDatabase()), staticDir, workers: 1, maxBody: 64 * 1024, requestTimeoutMs: 1000 });
  base = await server.listen(0, '127.0.0.1');
});
after(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, type = 'application/json') =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** A raw request: the path goes on the wire exactly as given (fetch would normalise ".."). */
function raw(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('POST /api/analyze returns the same analysis object as the library and CLI', async () => {
  const r = await post('/api/analyze', { html: example });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /application\/json/);
  const got = await r.json();
  assert.ok(validateAnalysis(got), JSON.stringify(validateAnalysis.errors?.slice(0, 2)));
  const { tokens, ...expected } = analyze({ text: example, format: 'html', known: {} });
  assert.deepEqual(got, JSON.parse(JSON.stringify(expected)));
  // Tokens only when asked, as with `recoupe analyze --layers`.
  const all = await (await post('/api/analyze', { html: example, layers: 'all' })).json();
  assert.deepEqual(all.tokens, JSON.parse(JSON.stringify(tokens)));
});

test('known metadata and raw mode are passed through', async () => {
  const r = await post('/api/analyze', { text: '  Le maire a parlé.  ', raw: true, title: 'Titre connu', published: '2024-01-02' });
  const a = await r.json();
  assert.equal(a.text, '  Le maire a parlé.  ');
  assert.equal(a.meta.title, 'Titre connu');
  assert.equal(a.meta.published, '2024-01-02');
});

test('bad analyse requests get clear 4xx errors', async () => {
  const cases: [Promise<Response>, number, RegExp][] = [
    [post('/api/analyze', '{not json'), 400, /not valid JSON/],
    [post('/api/analyze', { text: 'a', html: 'b' }), 400, /exactly one/],
    [post('/api/analyze', {}), 400, /exactly one/],
    [post('/api/analyze', { text: '   ' }), 400, /empty/],
    [post('/api/analyze', { text: 'x', extra: 1 }), 400, /extra/],
    [post('/api/analyze', { text: 'x', published: 'yesterday' }), 400, /published/],
    [post('/api/analyze', { text: 'x', published: '2018-13-45' }), 400, /published/],
    [post('/api/analyze', { text: 'abc\u0000def ghi' }), 400, /binary content/],
    [post('/api/analyze', { text: '\ufffd\u0007k\ufffd\ufffdZ\u0002\ufffd'.repeat(50) }), 400, /binary content/],
    [post('/api/analyze', { text: 'x', layers: 'tokens,nope' }), 400, /unknown layer "nope"/],
    [post('/api/analyze', 'plain', 'text/plain'), 415, /application\/json/],
    [post('/api/analyze', { text: 'x'.repeat(70 * 1024) }), 413, /larger than/],
    [fetch(base + '/api/analyze'), 405, /POST/],
    [fetch(base + '/api/nothing'), 404, /no API route/],
  ];
  for (const [p, status, message] of cases) {
    const r = await p;
    assert.equal(r.status, status);
    assert.match((await r.json()).error, message);
  }
});

test('an oversized body is refused as it streams, without a Content-Length', async () => {
  const u = new URL(base);
  const status = await new Promise<number>((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/analyze', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let i = 0; i < 100; i++) req.write('x'.repeat(1024));
    req.end();
  });
  assert.equal(status, 413);
});

test('every route the server answers is in /api/openapi.json, and every documented path is served', async () => {
  const doc = await (await fetch(base + '/api/openapi.json')).json();
  assert.equal(doc.openapi, '3.1.0');
  const documented = new Set(
    Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
  );
  const served = new Set(server.router.routes.map((r) => `${r.method} ${r.path}`));
  assert.deepEqual([...served].sort(), [...documented].sort());
  // The body schemas are real JSON Schemas: the analyse response validates against the documented one.
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: 'api', components: doc.components });
  const analysis = await (await post('/api/analyze', { text: 'Bonjour.' })).json();
  assert.ok(ajv.validate({ $ref: 'api#/components/schemas/Analysis' }, analysis));
  const groups = await (await fetch(base + '/api/claim-groups')).json();
  assert.ok(ajv.validate({ $ref: 'api#/components/schemas/ClaimGroupPage' }, groups), JSON.stringify(ajv.errors));
  const group = await (await fetch(`${base}/api/claim-groups/${groups.items[0].id}`)).json();
  assert.ok(ajv.validate({ $ref: 'api#/components/schemas/ClaimGroup' }, group), JSON.stringify(ajv.errors));
  assert.ok(!ajv.validate({ $ref: 'api#/components/schemas/ClaimGroup' }, { ...group, items: 'nope' }));
});

test('corpus endpoints answer from the SQLite corpus', async () => {
  const docs = await (await fetch(base + '/api/documents?limit=2')).json();
  assert.equal(docs.items.length, 2);
  assert.equal(docs.total, FIXTURE_DOCS.length + 1);
  const report = await fetch(`${base}/api/documents/${FIXTURE_DOCS[0]!.id}/report?lang=en`);
  assert.match(report.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(report.headers.get('content-security-policy') ?? '', /^default-src 'none'; style-src 'unsafe-inline';.*frame-ancestors 'none'$/);
  assert.doesNotMatch(report.headers.get('content-security-policy') ?? '', /script-src/);
  assert.match(await report.text(), /<h2>Attributions \(2\)<\/h2>/);
  const md = await fetch(`${base}/api/documents/${FIXTURE_DOCS[0]!.id}/report?format=md`);
  assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
  assert.match(await md.text(), /^# \[Le barrage de Lunel aurait cédé\]/);
  assert.equal((await fetch(`${base}/api/documents/${FIXTURE_DOCS[0]!.id}/report?format=pdf`)).status, 400);
  const one = await fetch(`${base}/api/documents/${FIXTURE_DOCS[0]!.id}`);
  assert.equal((await one.json()).id, FIXTURE_DOCS[0]!.id);
  assert.equal((await fetch(base + '/api/documents/nope')).status, 404);
  const hits = await (await fetch(base + '/api/search?q=barrage&outlet=Radio%20Sud')).json();
  assert.deepEqual(
    hits.items.map((h: { outlet: string }) => h.outlet),
    ['Radio Sud'],
  );
  assert.equal((await fetch(base + '/api/search')).status, 400);
  assert.equal((await fetch(base + '/api/documents?limit=-1')).status, 400);
  assert.equal((await fetch(base + '/api/search?q=x&from=2024-13')).status, 400);
  const groups = await (await fetch(base + '/api/claim-groups?q=barrage')).json();
  assert.equal(groups.items.length, 1);
  assert.equal((await fetch(base + '/api/claim-groups/nope')).status, 404);
  const cr = await fetch(`${base}/api/claim-groups/${groups.items[0].id}/claimreview`);
  assert.match(cr.headers.get('content-type') ?? '', /application\/ld\+json/);
  const ld = await cr.json();
  assert.equal(ld['@type'], 'ClaimReview');
  assert.equal(ld.itemReviewed.appearance.length, 3); // one appearance per article, though one of them also states it in its title
  assert.equal(ld.itemReviewed.firstAppearance.datePublished, '2024-03-02');
  for (const p of ['/api/sources', '/api/graph', '/api/narratives', '/api/claim-groups']) assert.equal((await fetch(base + p)).status, 200, p);
});

test('without a corpus, corpus endpoints answer 503 "no corpus" and analysis still works', async () => {
  const bare = new RecoupeServer({ staticDir: null, workers: 1 });
  const url = await bare.listen(0, '127.0.0.1');
  try {
    for (const p of ['/api/documents', '/api/search?q=x', '/api/claim-groups/x', '/api/graph', '/api/narratives', '/api/sources']) {
      const r = await fetch(url + p);
      assert.equal(r.status, 503, p);
      assert.match((await r.json()).error, /no corpus/);
    }
    assert.equal((await fetch(url + '/api/health').then((r) => r.json())).corpus, false);
    const r = await fetch(url + '/', {});
    assert.equal(r.status, 503);
    assert.match(await r.text(), /build:web/);
  } finally {
    await bare.close();
  }
});

test('every response carries the security headers', async () => {
  for (const r of [await fetch(base + '/'), await fetch(base + '/api/health'), await fetch(base + '/nope'), await post('/api/analyze', '{')]) {
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
  }
});

test('a loopback server refuses foreign Host headers (DNS rebinding)', async () => {
  const u = new URL(base);
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: u.hostname, port: u.port, path: '/api/health', headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  assert.equal(await status('evil.example'), 421);
  assert.equal(await status(`evil.example:${u.port}`), 421);
  assert.equal(await status(`localhost:${u.port}`), 200);
  assert.equal(await status(`127.0.0.1:${u.port}`), 200);
});

test('static files are served from the app folder only: no traversal, nothing outside', async () => {
  assert.equal((await raw('/')).status, 200);
  assert.equal((await raw('/app.js')).status, 200);
  for (const p of [
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/app.js/../../package.json',
    '//etc/passwd',
    '/%00',
    '/index.html%00.js',
    '/.%2e/src/server/app.ts',
    '\\..\\package.json',
  ]) {
    const r = await raw(p);
    assert.ok(r.status === 404 || r.status === 400, `${p} → ${r.status}`);
    assert.doesNotMatch(r.body, /"name": "recoupe"|root:|import /, p);
  }
  assert.equal((await fetch(base + '/app.js', { method: 'DELETE' })).status, 405);
});

test('an analysis over its time limit fails with 503 and the pool recovers', async () => {
  const slow = new RecoupeServer({ staticDir: null, workers: 1, analyzeTimeoutMs: 1 });
  const url = await slow.listen(0, '127.0.0.1');
  try {
    const r = await fetch(url + '/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: example }) });
    assert.equal(r.status, 503);
    assert.match((await r.json()).error, /longer than the time budget of 1 ms/);
    assert.equal(slow.pool.size, 1);
  } finally {
    await slow.close();
  }
});

test('a client that never finishes its request is disconnected', async () => {
  const u = new URL(base);
  const closed = await new Promise<string>((resolve) => {
    const sock = connect(Number(u.port), u.hostname, () => {
      sock.write(`POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:${u.port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"te`);
    });
    let got = '';
    sock.on('data', (d) => (got += d));
    sock.on('close', () => resolve(got));
    setTimeout(() => resolve('still open after 5 s'), 5000).unref();
  });
  assert.match(closed, /^HTTP\/1\.1 408|^$/);
});
