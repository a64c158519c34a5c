// Integration: the attributions layer on the seed articles, scored by the
// gold's own matching rule (../shared/gold/attributions.json). Skips when
// ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze } from '../src/pipeline/analyze.js';
import { scoreAttributions, type GoldRecord, type PredictedAttribution } from '../eval/score-attributions.js';
import { needsShared, sharedPath } from './helpers/shared.js';

test('seed articles: attribution F1 ≥ 0.85 by the gold matching rule', { skip: needsShared }, () => {
  const gold = JSON.parse(readFileSync(sharedPath('gold', 'attributions.json'), 'utf8')) as { records: GoldRecord[] };
  const files = readdirSync(sharedPath('seeds'));
  const predictions: Record<string, PredictedAttribution[]> = {};
  for (const doc of new Set(gold.records.map((r) => r.doc))) {
    const file = files.find((f) => f.startsWith(`${doc}_`));
    assert.ok(file, `no seed file for doc ${doc}`);
    predictions[doc] = analyze(readFileSync(sharedPath('seeds', file), 'utf8'), { raw: true }).attributions;
  }
  const s = scoreAttributions(gold.records, predictions);
  assert.ok(
    s.f1 >= 0.85,
    `F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)}); missed: ${s.missed.map((r) => r.content).join(' | ')}`,
  );
});
