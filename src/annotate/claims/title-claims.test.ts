// The title as a claim (src/corpus/claim-features.ts `titleClaim`): its subject and its nominal predicate, read with
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

test('a headline action noun gives the verb it nominalises (« Expulsion de … »), its argument after it no subject', () => {
  const [p] = titleOf('Expulsion de Hugo Ferrand à Vienne', 'Le banquier Hugo Ferrand a quitté Vienne vendredi, a indiqué la préfecture.');
  assert.ok(
    p!.predicate.some((s) => s.startsWith('expuls')),
    JSON.stringify(p),
  );
  assert.deepEqual(p!.subject, []);
  assert.ok(p!.arguments.includes('per:hugo-ferrand'), JSON.stringify(p));
});
