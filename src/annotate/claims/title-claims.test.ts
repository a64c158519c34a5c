// The title as a claim (src/corpus/claim-features.ts `titleClaim`): its subject and its arguments, read with
// the body's entities (invented articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { claimRows, isTitleClaim } from '../../corpus/claim-features.js';

const titleOf = (title: string, text: string) =>
  claimRows(analyze({ text, known: { title } }, { raw: true }))
    .filter(isTitleClaim)
    .map((r) => r.proposition!);

test('a name before the headline predicate is its subject, names after it its arguments (« Hugo Ferrand interpellé à Vienne »)', () => {
  const [p] = titleOf('Hugo Ferrand interpellé à Vienne', 'Le banquier Hugo Ferrand a été interpellé vendredi à Vienne par la gendarmerie.');
  assert.deepEqual(p!.subject, ['per:hugo-ferrand']);
  assert.ok(p!.arguments.length === 1 && !p!.arguments.includes('per:hugo-ferrand'), JSON.stringify(p));
});

test('a name after the headline predicate is an argument, no subject (« La gendarmerie interpelle Hugo Ferrand »)', () => {
  const [p] = titleOf('Vienne : la gendarmerie interpelle Hugo Ferrand', 'La gendarmerie a interpellé vendredi le banquier Hugo Ferrand à Vienne.');
  assert.ok(
    p!.predicate.some((s) => s.startsWith('interpel')),
    JSON.stringify(p),
  );
  assert.ok(!p!.subject.includes('per:hugo-ferrand') && p!.arguments.includes('per:hugo-ferrand'), JSON.stringify(p));
});
