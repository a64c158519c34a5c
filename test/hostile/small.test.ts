// The small items of issue 20 (12): over-long output names, a one-line
// article without a final period, a page of scripts only, a search for "(",
// serve --db postgres://… accepted as a URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline/analyze.js';
import { syntheticJsonl } from '../helpers/corpus-fixtures.js';
import { cli, STACK } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-hostile-small-'));

test('analyze --out: an input name near the file-system limit still gives one file per document', { timeout: 60_000 }, async () => {
  const long = join(dir, 'a'.repeat(249) + '.jsonl');
  writeFileSync(long, syntheticJsonl(2));
  const out = join(dir, 'out');
  const r = await cli(['analyze', long, '--out', out, '--jobs', '1']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readdirSync(out).length, 2);
  for (const f of readdirSync(out)) assert.ok(Buffer.byteLength(f) <= 255);
});

test('a one-line article without a final period is kept; a page of scripts only is no article', { timeout: 60_000 }, async () => {
  const a = analyze({ text: 'Le maire de Lyon a déclaré que le budget serait voté en mars', format: 'text' }, {});
  assert.match(a.text, /budget serait voté en mars/);
  const p = join(dir, 'script.html');
  writeFileSync(p, '<html><body><script>var t = "Le maire a dit que tout va bien et que le budget sera voté";</script></body></html>');
  const r = await cli(['analyze', p]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /script\.html: no article text left after cleaning/);
  assert.doesNotMatch(r.stderr, STACK);
});

test('searching "(" (no word) finds nothing rather than the whole corpus', { timeout: 60_000 }, async () => {
  const db = join(dir, 'c.db');
  const jsonl = join(dir, 'c.jsonl');
  writeFileSync(jsonl, syntheticJsonl(4));
  assert.equal((await cli(['corpus', 'add', jsonl, '--db', db, '--jobs', '1'])).code, 0);
  for (const q of ['(', '*', '")"', 'AND']) {
    const r = await cli(['corpus', 'search', q, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    if (q !== 'AND') assert.equal(r.stdout.trim(), '', `"${q}" lists nothing`);
  }
  const all = await cli(['corpus', 'search', 'budget', '--db', db]);
  assert.equal(all.stdout.trim().split('\n').length, 4);
});

test('serve --db postgres://… is taken as a server URL, not a missing file', { timeout: 60_000 }, async () => {
  const r = await cli(['serve', '--db', 'postgres://recoupe@127.0.0.1:1/none', '--port', '0']);
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stderr, /no such file/);
  assert.doesNotMatch(r.stderr, STACK);
  assert.equal(
    r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('(run with')).length,
    1,
    r.stderr,
  );
});
