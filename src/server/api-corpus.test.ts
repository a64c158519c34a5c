import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemsCsv, page, whole } from './api-corpus.js';

test('an exported list: one column per field, lists joined, formula-like cells defused', () => {
  const csv = itemsCsv([
    { id: 'a', title: '=HYPERLINK("http://x")', names: ['EI', 'Daesh'], n: 2 },
    { id: 'b', title: 'Plain, with comma', names: [], n: 0 },
  ]);
  assert.equal(csv, `id,title,names,n\r\na,"'=HYPERLINK(""http://x"")",EI; Daesh,2\r\nb,"Plain, with comma",,0\r\n`);
});

// An export (`format=csv|json`) is the whole list: the 500-item page cap of the JSON pages must not apply to it
// (newcomer trial: /api/claim-groups?format=csv gave 500 of 876 groups, the web app's export links included).
test('a page is capped at 500 items', () => {
  assert.deepEqual(page(new URLSearchParams('limit=900&offset=3')), { limit: 500, offset: 3 });
});

test('an export is not: the whole list from its start', () => {
  for (const format of ['csv', 'json']) {
    const p = page(whole(new URLSearchParams(`limit=20&offset=40&format=${format}`)));
    assert.ok(p.limit > 500, `${format}: ${p.limit}`);
    assert.equal(p.offset, 0);
  }
});
