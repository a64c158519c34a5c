// Two mentions naming no common entity confirm each other when they state one measured value in largely the same rare
// words (`Matcher.measuredAlike`): the value and what it measures anchor them (invented sentences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';
import { claimRows } from './claim-features.js';
import { claimTable } from './claim-table.js';
import { Matcher } from './claim-groups.js';

/** The first claim of each text, as the table of `corpus claims` holds it. */
async function matcherOf(texts: string[]) {
  const rows = texts.map((text, i) => {
    const [c] = claimRows(analyze({ text, known: { language: 'fr' } }, { raw: true }));
    return { ...c!, documentId: `d${i}`, published: '2025-02-13', language: 'fr', outlet: null, title: false };
  });
  return new Matcher(await claimTable(rows));
}

test('one rate with its value in the same rare words anchors two mentions that name no entity', async () => {
  const m = await matcherOf([
    "Le taux d'inflation a atteint 2,4 % sur un an en mars dans la zone euro, a indiqué mardi la Banque de France.",
    "Le taux d'inflation est monté à 2,4 % sur un an en mars dans la zone euro, selon l'OFCE.",
    'Les ventes de voitures neuves ont progressé de 2,4 % en mars, selon les constructeurs.',
    "Le taux d'inflation a atteint 3,1 % sur un an en mars dans la zone euro, selon l'OFCE.",
  ]);
  assert.ok(m.measuredAlike(0, 1));
  // The same value of another thing, or another value of the same thing: no anchor.
  assert.ok(!m.measuredAlike(0, 2));
  assert.ok(!m.measuredAlike(0, 3));
});

test('a count is no measure: « tué trois personnes » twice anchors nothing', async () => {
  const m = await matcherOf([
    'Un homme armé a tué trois personnes dans un supermarché vendredi matin.',
    'Un homme armé a tué trois personnes dans un supermarché vendredi matin.',
  ]);
  assert.ok(!m.measuredAlike(0, 1));
});
