// Hostile archives and dumps (issue 20, items 1, 2 and the small ones of 12):
// WARC files cut mid-record or lying about their lengths, records and JSONL
// lines far over the byte cap, truncated gzip, symlink loops, control
// characters in file names. Each input is built here; each run must end (the
// test timeout catches a hang), report one line per failure and keep every
// good record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expandInputs, type InputItem } from '../../src/ingest/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-hostile-ingest-'));
const LIMIT = { timeout: 30_000 };
const noStdin = async () => new Uint8Array();

const PAGE = (n: number) =>
  `<html><head><title>Article ${n}</title></head><body><article><h1>Article ${n}</h1><p>Le maire de Lyon a déclaré que le budget ${n} serait voté en mars, selon le conseil municipal.</p></article></body></html>`;

/** A WARC/1.1 response record (CRLF line ends, the block's length as its Content-Length unless told). */
function record(url: string, body: string | Buffer, opts: { declared?: number; type?: string; contentType?: string } = {}): Buffer {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${opts.contentType ?? 'text/html; charset=utf-8'}\r\n\r\n`), payload]);
  const head = `WARC/1.1\r\nWARC-Type: ${opts.type ?? 'response'}\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2025-06-03T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:${url.length}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${opts.declared ?? http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

async function collect(paths: string[], maxBytes?: number): Promise<{ items: InputItem[]; errors: string[]; good: InputItem[] }> {
  const items: InputItem[] = [];
  for await (const it of expandInputs(paths, noStdin, maxBytes ? { fetch: { maxBytes } } : {})) items.push(it);
  const errors = items.flatMap((i) => (i.kind === 'error' ? [i.error.message] : []));
  return { items, errors, good: items.filter((i) => i.kind !== 'error') };
}

test('a plain WARC cut in the middle of a record ends (no hang), keeps the records before and says it is truncated', LIMIT, async () => {
  const whole = Buffer.concat([record('https://a.example/1', PAGE(1)), record('https://a.example/2', PAGE(2)), record('https://a.example/3', PAGE(3))]);
  // Cut inside the third record's payload, then inside its headers, then inside the second's.
  for (const [name, cut, kept] of [
    ['payload', whole.length - 60, 2],
    ['headers', whole.length - record('https://a.example/3', PAGE(3)).length + 30, 2],
    ['second', record('https://a.example/1', PAGE(1)).length + 200, 1],
  ] as const) {
    const p = join(dir, `cut-${name}.warc`);
    writeFileSync(p, whole.subarray(0, cut));
    const { good, errors } = await collect([p]);
    assert.equal(good.length, kept, name);
    assert.equal(errors.length, 1, `${name}: ${errors.join(' | ')}`);
    assert.match(errors[0]!, /truncated WARC file/);
    assert.doesNotMatch(errors[0]!, /\n/);
  }
});

test('a record whose Content-Length runs past the end of the file is an error, not a silent success', LIMIT, async () => {
  const p = join(dir, 'lying.warc');
  writeFileSync(p, Buffer.concat([record('https://a.example/1', PAGE(1)), record('https://a.example/2', PAGE(2), { declared: 1_000_000 })]));
  const { good, errors } = await collect([p]);
  assert.equal(good.length, 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /record 2 \(https:\/\/a\.example\/2\) declares 1000000 bytes/);
});

test('a WARC record over --max-bytes is skipped by streaming through it, with one error line; the records after it are kept', LIMIT, async () => {
  // 64 MiB of spaces in one record, gzipped to a few dozen KiB: with a 1 MiB cap it is never held.
  const huge = record('https://a.example/huge', Buffer.alloc(64 * 1024 * 1024, 0x20));
  const p = join(dir, 'huge.warc.gz');
  writeFileSync(p, Buffer.concat([gzipSync(record('https://a.example/1', PAGE(1))), gzipSync(huge), gzipSync(record('https://a.example/2', PAGE(2)))]));
  const before = process.memoryUsage().rss;
  const { good, errors } = await collect([p], 1024 * 1024);
  assert.deepEqual(
    good.map((g) => (g.kind === 'bytes' ? g.known?.url : null)),
    ['https://a.example/1', 'https://a.example/2'],
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /huge\.warc\.gz#https:\/\/a\.example\/huge: record of 64 MiB is over the 1\.0 MiB limit \(--max-bytes\); skipped/);
  // The 64 MiB never sat in memory (generous bound: the gzip source above is counted too).
  assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024, 'memory stays flat');
  // A skipped non-article record of any size costs nothing either, and is not an error.
  const img = join(dir, 'image.warc');
  writeFileSync(
    img,
    Buffer.concat([record('https://a.example/big.png', Buffer.alloc(2 * 1024 * 1024), { contentType: 'image/png' }), record('https://a.example/1', PAGE(1))]),
  );
  const r = await collect([img], 1024 * 1024);
  assert.equal(r.good.length, 1);
  assert.deepEqual(r.errors, []);
});

test('a JSONL line over --max-bytes (plain or .gz) is one error; the lines around it are kept', LIMIT, async () => {
  const good = (n: number) => JSON.stringify({ text: `Le maire ${n} a déclaré que le budget serait voté.`, url: `https://a.example/${n}` });
  const long = JSON.stringify({ text: 'x'.repeat(8 * 1024 * 1024) });
  const lines = [good(1), long, good(2)].join('\n') + '\n';
  const plain = join(dir, 'long.jsonl');
  const gz = join(dir, 'long.jsonl.gz');
  writeFileSync(plain, lines);
  writeFileSync(gz, gzipSync(lines));
  for (const p of [plain, gz]) {
    const { good: kept, errors } = await collect([p], 1024 * 1024);
    assert.equal(kept.length, 2, p);
    assert.equal(errors.length, 1, p);
    assert.match(errors[0]!, /long\.jsonl(\.gz)?:2: line of 8\.0 MiB is over the 1\.0 MiB limit \(--max-bytes\); skipped/);
  }
});

test('a truncated gzip, a symlink loop and a newline in a file name each give one clear line', LIMIT, async () => {
  const cut = join(dir, 'cut.jsonl.gz');
  const full = gzipSync(
    Array.from({ length: 200 }, (_, i) => JSON.stringify({ text: `Article ${i} : le maire a parlé ${'longuement '.repeat(20)}.` })).join('\n'),
  );
  writeFileSync(cut, full.subarray(0, full.length - 40));
  const a = join(dir, 'loop-a.txt');
  const b = join(dir, 'loop-b.txt');
  symlinkSync(b, a);
  symlinkSync(a, b);
  const nl = join(dir, 'line\nbreak.txt');
  const { errors, good } = await collect([cut, a, nl]);
  assert.ok(good.length > 0, 'the records before the cut are kept');
  assert.equal(errors.length, 3, errors.join(' | '));
  assert.match(errors[0]!, /cut\.jsonl\.gz: truncated JSONL\.gz file/);
  assert.doesNotMatch(errors[0]!, /Z_BUF_ERROR/);
  assert.match(errors[1]!, /loop-a\.txt: cannot read: too many levels of symbolic links/);
  assert.match(errors[2]!, /line\\nbreak\.txt: no such file or directory/);
  for (const e of errors) assert.doesNotMatch(e, /\n/);
});
