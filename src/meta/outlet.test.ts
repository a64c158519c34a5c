// The outlet among the names a page declares, weighed against its URL (invented pages and hosts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOutlet } from './outlet.js';

const publisher = (value: string) => ({ value, rule: 'json-ld publisher' });
const site = (value: string) => ({ value, rule: 'meta og:site_name' });

test('outlet: the declared name the host spells wins over a section named as the site', () => {
  assert.deepEqual(chooseOutlet([publisher('Valley Wire'), site('U.S.')], 'https://www.valleywire.com/article/x'), { at: 0, value: 'Valley Wire' });
});

test('outlet: without a name the host spells, the site name before the JSON-LD publisher (a wire or an owner)', () => {
  assert.deepEqual(chooseOutlet([publisher('Associated Press'), site('Valley Post')], 'https://www.vpost.com/news/x'), { at: 1, value: 'Valley Post' });
});

test('outlet: a social handle that spells the host yields to the full name', () => {
  const handle = { value: '@valleywire', rule: 'meta twitter:site' };
  assert.deepEqual(chooseOutlet([publisher('Valley Holdings'), site('The Valley Wire'), handle], 'https://valleywire.com/x'), {
    at: 1,
    value: 'The Valley Wire',
  });
  assert.deepEqual(chooseOutlet([site('vw'), handle], 'https://vw.com/x'), { at: 0, value: 'vw.com' });
});

test("outlet: a site name that is only the host's first label is the host", () => {
  assert.deepEqual(chooseOutlet([site('vp')], 'https://www.vp.com/news/x'), { at: 0, value: 'vp.com' });
});

test('outlet: without a URL the declared order stands', () => {
  assert.deepEqual(chooseOutlet([publisher('Valley Post'), site('VP')], null), { at: 0, value: 'Valley Post' });
  assert.equal(chooseOutlet([], null), undefined);
});
