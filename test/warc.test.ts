// A WARC written with warcio holding HTML, non-HTML and error records: exactly
// the HTML responses with status 200 become articles, with their URLs and dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Analysis } from '../src/doc/schema.js';
import { expandInputs } from '../src/ingest/inputs.js';
import { analyzeItem } from '../src/ingest/analyze-items.js';
import { fixture } from './fixtures/web/server.js';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-warc-'));

interface Rec {
  type: 'response' | 'request' | 'resource' | 'revisit' | 'metadata';
  url: string;
  date: string;
  statusline?: string;
  headers?: Record<string, string>;
  body: Uint8Array | string;
}

const page = (name: string) => fixture(name);
const RECORDS: Rec[] = [
  {
    type: 'request',
    url: 'https://littoral.example/digue',
    date: '2025-06-03T08:00:00Z',
    statusline: 'GET /digue HTTP/1.1',
    headers: { Host: 'littoral.example' },
    body: '',
  },
  {
    type: 'response',
    url: 'https://littoral.example/digue',
    date: '2025-06-03T08:00:01Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: page('article-1.html'),
  },
  {
    type: 'response',
    url: 'https://littoral.example/style.css',
    date: '2025-06-03T08:00:02Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'text/css' },
    body: 'body { color: red }',
  },
  {
    type: 'response',
    url: 'https://littoral.example/logo.png',
    date: '2025-06-03T08:00:03Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'image/png' },
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]),
  },
  {
    type: 'response',
    url: 'https://littoral.example/absent',
    date: '2025-06-03T08:00:04Z',
    statusline: 'HTTP/1.1 404 Not Found',
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body><p>Page introuvable, désolé.</p></body></html>',
  },
  {
    type: 'response',
    url: 'https://littoral.example/old',
    date: '2025-06-03T08:00:05Z',
    statusline: 'HTTP/1.1 301 Moved Permanently',
    headers: { Location: 'https://littoral.example/digue', 'Content-Type': 'text/html' },
    body: '<html><body>Moved</body></html>',
  },
  {
    type: 'response',
    url: 'https://littoral.example/panne',
    date: '2025-06-03T08:00:06Z',
    statusline: 'HTTP/1.1 503 Service Unavailable',
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body><p>Service indisponible.</p></body></html>',
  },
  {
    type: 'response',
    url: 'https://littoral.example/api',
    date: '2025-06-03T08:00:07Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'application/json' },
    body: '{"ok":true}',
  },
  // A page in Windows-1252, gzip-encoded on the wire.
  {
    type: 'response',
    url: 'https://littoral.example/ete',
    date: '2024-07-14T12:30:00Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'text/html; charset=windows-1252', 'Content-Encoding': 'gzip' },
    body: gzipSync(iconv.encode(page('accents.html'), 'windows-1252')),
  },
  { type: 'resource', url: 'https://littoral.example/greve', date: '2025-06-04T09:00:00Z', headers: {}, body: page('article-2.html') },
  {
    type: 'revisit',
    url: 'https://littoral.example/digue',
    date: '2025-06-05T08:00:00Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'text/html' },
    body: '',
  },
  {
    type: 'response',
    url: 'https://coastal.example/dredging',
    date: '2025-06-02T10:00:00Z',
    statusline: 'HTTP/1.1 200 OK',
    headers: { 'Content-Type': 'application/xhtml+xml' },
    body: page('article-3.html'),
  },
];

async function writeWarc(path: string, gzip: boolean): Promise<void> {
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo({ filename: path, warcVersion: 'WARC/1.1' }, { software: 'recoupe tests' });
  parts.push(await WARCSerializer.serialize(info, { gzip }));
  for (const r of RECORDS) {
    const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
    const record = WARCRecord.create(
      {
        url: r.url,
        date: r.date,
        type: r.type,
        warcVersion: 'WARC/1.1',
        ...(r.type === 'resource' ? { warcHeaders: { 'Content-Type': 'text/html' } } : { statusline: r.statusline, httpHeaders: r.headers }),
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  writeFileSync(path, Buffer.concat(parts));
}

async function ingest(path: string): Promise<{ docs: Analysis[]; errors: string[] }> {
  const docs: Analysis[] = [];
  const errors: string[] = [];
  for await (const item of expandInputs([path], async () => new Uint8Array())) {
    const r = analyzeItem(item);
    if (r.ok) docs.push(r.analysis);
    else errors.push(r.error.message);
  }
  return { docs, errors };
}

for (const gzip of [false, true]) {
  test(`${gzip ? 'WARC.gz' : 'WARC'}: exactly the HTML 200 responses are articles, with URL and date`, async () => {
    const path = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    await writeWarc(path, gzip);
    const { docs, errors } = await ingest(path);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      docs.map((d) => [d.meta.url, d.provenance?.fetched, d.meta.published]),
      [
        ['https://littoral.example/digue', '2025-06-03T08:00:01Z', '2025-06-03'],
        ['https://littoral.example/ete', '2024-07-14T12:30:00Z', '2024-07-14'],
        ['https://coastal.example/dredging', '2025-06-02T10:00:00Z', '2025-06-02'],
      ],
    );
    assert.match(docs[0]!.text, /Port-Bérard/);
    assert.match(docs[1]!.text, /l'été serait « très sec »/);
    const p = docs[0]!.provenance!;
    assert.equal(p.via, 'warc');
    assert.equal(p.from, path);
    assert.equal(p.status, 200);
    assert.match(p.warc?.recordId ?? '', /^<urn:uuid:/);
    if (gzip) assert.equal(p.warc?.offset, undefined);
    else
      for (const d of docs)
        assert.equal(
          readFileSync(path)
            .subarray(d.provenance!.warc!.offset!, d.provenance!.warc!.offset! + 8)
            .toString(),
          'WARC/1.1',
          'offset points at the record',
        );
    // The capture date is only a fallback, and says so.
    assert.deepEqual(
      docs[0]!.meta.evidence?.find((e) => e.field === 'published'),
      { field: 'published', rule: 'warc-date', text: '2025-06-03' },
    );
  });
}

test('CLI: a WARC with no article, and a file that is not a WARC, fail with a reason', async () => {
  const empty = join(dir, 'empty.warc');
  const info = WARCRecord.createWARCInfo({ filename: 'empty.warc', warcVersion: 'WARC/1.1' }, { software: 'recoupe tests' });
  writeFileSync(empty, await WARCSerializer.serialize(info));
  const bogus = join(dir, 'bogus.warc.gz');
  writeFileSync(bogus, 'this is not an archive\n');
  const good = join(dir, 'good.warc.gz');
  await writeWarc(good, true);
  const r = runCli(['analyze', empty, bogus, good]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout.trim().split('\n').length, 3);
  const errs = r.stderr.trim().split('\n');
  assert.equal(errs.length, 2, r.stderr);
  assert.match(errs[0]!, /empty\.warc: WARC file holds no HTML response with status 200/);
  assert.match(errs[1]!, /bogus\.warc\.gz: not a WARC\.gz file/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('corpus add stores the articles of a WARC, with their URLs and provenance', async () => {
  const warc = join(dir, 'store.warc.gz');
  await writeWarc(warc, true);
  const db = join(dir, 'corpus.db');
  const r = runCli(['corpus', 'add', warc, '--db', db, '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  const d = new Database(db, { readonly: true });
  const rows = d.prepare('SELECT url, published, analysis FROM documents ORDER BY url').all() as { url: string; published: string; analysis: string }[];
  d.close();
  assert.deepEqual(
    rows.map((x) => [x.url, x.published, (JSON.parse(x.analysis) as Analysis).provenance?.via]),
    [
      ['https://coastal.example/dredging', '2025-06-02', 'warc'],
      ['https://littoral.example/digue', '2025-06-03', 'warc'],
      ['https://littoral.example/ete', '2024-07-14', 'warc'],
    ],
  );
});
