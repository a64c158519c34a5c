// The HTML author DEV gold (eval/gold/html-authors-dev.json): well-formed, made
// of file names and short names only, outside the scraped-text held-out split,
// and every page it lists is in ../shared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HTML_AUTHORS_DEV, loadAuthorPages, type AuthorPage } from '../eval/gold/html-authors.js';
import { splitOf } from '../eval/scraped.js';
import { needsShared } from './helpers/shared.js';

const gold = JSON.parse(readFileSync(HTML_AUTHORS_DEV, 'utf8')) as { about: string; pages: AuthorPage[] };
const DATASETS = new Set(['htmldate-eval-fr', 'article-extraction-benchmark']);
const MAX_NAME = 60;

test('html authors gold: one entry per page, known datasets, short author names', () => {
  assert.ok(gold.about.length > 100);
  assert.ok(gold.pages.length >= 30);
  const seen = new Set<string>();
  for (const p of gold.pages) {
    assert.ok(DATASETS.has(p.dataset), p.dataset);
    assert.match(p.file, /^[\w.-]+\.html(?:\.gz)?$/);
    assert.ok(!seen.has(p.file), `${p.file} listed twice`);
    seen.add(p.file);
    for (const a of p.authors) assert.ok(a.length > 1 && a.length <= MAX_NAME && !/\n/.test(a), a);
  }
  // Pages crediting nobody must stay in (the outlet or a CMS placeholder is no author).
  assert.ok(gold.pages.some((p) => p.authors.length === 0) && gold.pages.some((p) => p.authors.length > 0));
});

// The scraped-text eval scores authors on its held-out pages: a DEV gold that listed them would tune on them.
test('html authors gold: no page of the scraped-text held-out split', () => {
  const held = gold.pages.filter((p) => splitOf(p.file) === 'held-out').map((p) => p.file);
  assert.deepEqual(held, []);
});

test('html authors gold: every page is found in ../shared, with its URL', { skip: needsShared }, () => {
  const pages = loadAuthorPages();
  assert.equal(pages.length, gold.pages.length);
  for (const p of pages) {
    assert.ok(p.bytes.length > 0, p.file);
    assert.ok(p.url?.startsWith('http'), `${p.file} has no URL`);
  }
});
