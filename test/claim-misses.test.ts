// The missed-pair decomposition of eval:claims (eval/claim-misses.ts) on a hand-made claim table: each missed gold
// pair goes to the first bucket that holds it (no claim, never compared, rejected, join refused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainMisses, renderMisses } from '../eval/claim-misses.js';
import { claimTable } from '../src/corpus/claim-table.js';
import { PairJudge } from '../src/corpus/claim-groups.js';
import type { ClaimFeatures } from '../src/corpus/store.js';

const row = (documentId: string, index: number, entityKeys: string[], predicate: string[], figures: string[] = []): ClaimFeatures => ({
  documentId,
  index,
  published: '2018-11-05',
  language: 'fr',
  entityKeys,
  numbers: figures.map((f) => f.split(' ')[0]!),
  predicate,
  speakerKey: null,
  proposition: { predicate, figures, subject: [], arguments: [], time: [], negated: false, viaKeys: [] },
  outlet: null,
  title: false,
});

test('missed gold pairs are told apart: no claim, never compared, rejected (with its reason)', async () => {
  const t = await claimTable([
    // 0, 1: one block (a rare place), the same predicate, other figures for one unit: compared, held apart by a guard.
    row('a', 0, ['loc:zanzibar'], ['effondr', 'immeubl'], ['2 immeubl']),
    row('b', 0, ['loc:zanzibar'], ['effondr', 'immeubl'], ['3 immeubl']),
    // 2, 3: nothing in common: never in one block.
    row('c', 0, ['per:jean-dupont'], ['arrêt']),
    row('d', 0, ['org:acme'], ['vend']),
  ]);
  const located = [
    { claim: 0, mentions: ['m1'] },
    { claim: 1, mentions: ['m2'] },
    { claim: 2, mentions: ['m3'] },
    { claim: 3, mentions: ['m4'] },
  ];
  const docOf = new Map([
    ['m1', 'a'],
    ['m2', 'b'],
    ['m3', 'c'],
    ['m4', 'd'],
    ['m5', 'd'],
  ]);
  const missed: [string, string][] = [
    ['m1', 'm2'],
    ['m3', 'm4'],
    ['m4', 'm5'],
  ];
  const c = explainMisses(t, new PairJudge(null), located, missed, docOf);
  assert.equal(c.missed, 3);
  assert.equal(c.buckets.rejected.pairs, 1);
  assert.equal(c.rejected.guard, 1);
  assert.equal(c.buckets['not compared'].pairs, 1);
  assert.equal(c.buckets['no claim'].pairs, 1);
  assert.equal(c.buckets['no claim'].sameDocument, 1);
  assert.equal(c.sameDocument, 1);
  assert.equal(c.rejectedEntityless, 0);
  assert.deepEqual(
    c.pairs.map((p) => p.bucket),
    ['rejected', 'not compared', 'no claim'],
  );
  assert.match(renderMisses(c).join('\n'), /\(c\) compared and rejected by the pair judge: +1 \(0 in one document\): guard 1/);
});
