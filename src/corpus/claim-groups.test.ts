import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimTable } from './claim-table.js';
import { matchClaims, roughlySame } from './claim-groups.js';

test('a rounded figure states the same value, another figure or unit does not', () => {
  assert.ok(roughlySame('12 %', '12.39 %'));
  assert.ok(roughlySame('12.39', '12'));
  assert.ok(!roughlySame('8 %', '12.39 %'));
  assert.ok(!roughlySame('12 mort', '12.5 %'));
  assert.ok(!roughlySame('146', '148'));
});

test('a chain of matches never joins two figures for one thing: « deux immeubles » and « trois immeubles » stay apart', async () => {
  // Three claims of one day: two with another figure for the collapsed buildings, one in between naming no figure.
  // Each figure claim matches the figureless one on its own; closing the matches transitively would join all three.
  const claim = (documentId: string, figures: string[]) => ({
    documentId,
    index: 0,
    published: '2018-11-05',
    language: 'fr',
    entityKeys: ['geonames:2995469', 'loc:rue-d-aubagne'],
    numbers: [],
    predicate: ['=fall', 'immeubl', 'centr', 'vill', 'lund', 'matin'],
    speakerKey: null,
    proposition: { predicate: ['effondr'], figures, subject: [], arguments: [], time: [], negated: false, viaKeys: [] },
  });
  const t = await claimTable([claim('a', ['2 immeubl']), claim('b', []), claim('c', ['3 immeubl'])]);
  const groups = matchClaims(t);
  assert.equal(groups.length, 1);
  // The figureless claim joins one of them; the other figure stays out of the group.
  assert.equal(groups[0]!.claims.length, 2);
  assert.ok(groups[0]!.claims.includes(1));
});
