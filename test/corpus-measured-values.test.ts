// Two named bodies stating one measured value in two outlets confirm each other even when the claim names no entity
// (« Le taux d'inflation a atteint 2,4 % … »): through the real CLI (invented articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsOf } from './helpers/corpus-groups.js';

test('one rate stated by two named bodies in two outlets is independent; by one body twice it is not', () => {
  const article = (outlet: string, text: string) => ({ outlet, published: '2025-04-02', title: 'Inflation', text });
  const groups = groupsOf([
    article('Le Progrès', "Le taux d'inflation a atteint 2,4 % sur un an en mars dans la zone euro, a indiqué mardi la Banque de France."),
    article('Sud Ouest', "Le taux d'inflation est monté à 2,4 % sur un an en mars dans la zone euro, selon l'OFCE."),
  ]);
  const g = groups.find((x) => x.label.includes('2,4 %'));
  assert.ok(g, JSON.stringify(groups.map((x) => x.label)));
  assert.equal(g.verdict, 'independent', g.reasons.join('\n'));
  const same = groupsOf([
    article('Le Progrès', "Le taux d'inflation a atteint 2,4 % sur un an en mars dans la zone euro, a indiqué mardi la Banque de France."),
    article('Sud Ouest', "Le taux d'inflation est monté à 2,4 % sur un an en mars dans la zone euro, selon la Banque de France."),
  ]).find((x) => x.label.includes('2,4 %'));
  assert.ok(same);
  assert.notEqual(same.verdict, 'independent', same.reasons.join('\n'));
});
