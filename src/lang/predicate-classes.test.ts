import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predicateClass } from './predicate-classes.js';
import { wordTools } from './stems.js';

test('one event told with a verb, a participle or a noun falls in one predicate class', () => {
  const cls = predicateClass('fr');
  const stem = wordTools('fr').stem;
  const of = (w: string) => cls(stem(w));
  assert.equal(of('arrêté'), of('interpellés'));
  assert.equal(of('arrestation'), of('interpellation'));
  assert.equal(of('tués'), of('décès'));
  assert.notEqual(of('arrêté'), of('blessé'));
  // A word of no class keeps its stem.
  assert.equal(of('incendiées'), stem('incendiées'));
  // A language without the file keeps every stem.
  assert.equal(predicateClass('xx')('arret'), 'arret');
});
