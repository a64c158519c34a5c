// Bench: reading WARC files, against analysing what they hold (same run).
//   npm run bench:warc [-- --records N]
// Writes a WARC and a WARC.gz of N HTML responses (plus as many non-article
// records), then times: iterating the articles out of each (no analysis), the
// same .warc.gz through warcio's own inflater (pako, the design not taken),
// and analysing them. Prints the reader's cost as a fraction of analysis time
// (the baseline) and peak memory, which must stay flat: records are streamed.
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WARCParser, WARCRecord, WARCSerializer } from 'warcio';
import { expandInputs } from '../src/ingest/inputs.js';
import { analyzeItem } from '../src/ingest/analyze-items.js';
import { fixture } from '../test/fixtures/web/server.js';

const { values } = parseArgs({ options: { records: { type: 'string' } } });
const N = Number(values.records ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'recoupe-bench-warc-'));
const pages = ['article-1.html', 'article-2.html', 'article-3.html'].map(fixture);

async function write(path: string, gzip: boolean): Promise<void> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < N; i++) {
    // Each page made distinct so nothing is shortcut as a duplicate.
    const html = pages[i % pages.length]!.replace('</article>', `<p>Mise à jour n° ${i}.</p></article>`);
    const response = WARCRecord.create(
      {
        url: `https://bench.example/${i}`,
        date: '2025-06-03T08:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      [new TextEncoder().encode(html)],
    );
    const image = WARCRecord.create(
      {
        url: `https://bench.example/${i}.png`,
        date: '2025-06-03T08:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': 'image/png' },
      },
      [new Uint8Array(2048)],
    );
    parts.push(await WARCSerializer.serialize(response, { gzip }), await WARCSerializer.serialize(image, { gzip }));
  }
  writeFileSync(path, Buffer.concat(parts));
}

async function time(label: string, fn: () => Promise<number>): Promise<number> {
  const t = process.hrtime.bigint();
  const n = await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`${label.padEnd(28)} ${n} articles in ${ms.toFixed(0)} ms (${((ms / n) * 1000).toFixed(0)} µs each)`);
  return ms;
}

async function count(path: string, analyse: boolean): Promise<number> {
  let n = 0;
  for await (const item of expandInputs([path], async () => new Uint8Array())) {
    if (item.kind === 'error') throw item.error;
    if (analyse && !analyzeItem(item).ok) throw new Error(`analysis failed on ${item.path}`);
    n++;
  }
  return n;
}

/** The HTML 200 responses as warcio alone reads them, inflating gzip with pako. */
async function countWithPako(path: string): Promise<number> {
  let n = 0;
  for await (const record of new WARCParser(createReadStream(path))) {
    if (record.warcType !== 'response' || record.httpHeaders?.statusCode !== 200) continue;
    if (!/html/.test(record.httpHeaders.headers.get('content-type') ?? '')) continue;
    await record.readFully(true);
    n++;
  }
  return n;
}

const plain = join(dir, 'bench.warc');
const gz = join(dir, 'bench.warc.gz');
await write(plain, false);
await write(gz, true);
console.log(`${N} HTML + ${N} image records: ${(statSync(plain).size / 1e6).toFixed(1)} MB plain, ${(statSync(gz).size / 1e6).toFixed(1)} MB gzipped`);
await count(gz, false); // warm-up (JIT, module loading), not timed
const readPlain = await time('read .warc', () => count(plain, false));
const readGz = await time('read .warc.gz', () => count(gz, false));
const pako = await time('read .warc.gz (warcio+pako)', () => countWithPako(gz));
const analyse = await time('read .warc.gz + analyse', () => count(gz, true));
console.log(`reader cost vs analysis (baseline): plain ${(readPlain / analyse).toFixed(3)}×, gzip ${(readGz / analyse).toFixed(3)}×`);
console.log(`node zlib vs warcio's pako inflater: ${(pako / readGz).toFixed(1)}× faster`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
