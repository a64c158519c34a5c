import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemsCsv } from './api-corpus.js';

test('an exported list: one column per field, lists joined, formula-like cells defused', () => {
  const csv = itemsCsv([
    { id: 'a', title: '=HYPERLINK("http://x")', names: ['EI', 'Daesh'], n: 2 },
    { id: 'b', title: 'Plain, with comma', names: [], n: 0 },
  ]);
  assert.equal(csv, `id,title,names,n\r\na,"'=HYPERLINK(""http://x"")",EI; Daesh,2\r\nb,"Plain, with comma",,0\r\n`);
});
