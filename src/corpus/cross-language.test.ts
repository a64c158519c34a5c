import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureUnitClass } from './cross-language.js';
import { predicateClass } from '../lang/predicate-classes.js';
import { wordTools } from '../lang/stems.js';

const stem = (w: string, language: string) => wordTools(language).stem(w);

test('figures and predicates meet across languages: « 40 familles ont quitté » = "40 families had left"', () => {
  const fr = figureUnitClass('fr')(`40 ${stem('familles', 'fr')}`);
  const en = figureUnitClass('en')(`40 ${stem('families', 'en')}`);
  assert.equal(fr, en);
  assert.equal(fr, '40 ~family');
  assert.notEqual(figureUnitClass('en')(`40 ${stem('farms', 'en')}`), fr);
  // A unit outside the lists and a bare value stay as they are.
  assert.equal(figureUnitClass('en')('12 euro'), '12 euro');
  assert.equal(figureUnitClass('fr')('12'), '12');
  assert.equal(figureUnitClass('xx')('3 ferm'), '3 ferm');
  assert.equal(predicateClass('fr')(stem('quitté', 'fr')), predicateClass('en')(stem('left', 'en')));
  assert.equal(predicateClass('fr')(stem('arrêté', 'fr')), predicateClass('en')(stem('arrested', 'en')));
  assert.notEqual(predicateClass('fr')(stem('quitté', 'fr')), predicateClass('en')(stem('arrested', 'en')));
});
