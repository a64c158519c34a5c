import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureUnitClass, neutralDateKey } from './cross-language.js';
import { predicateClass } from './predicate-classes.js';
import { wordTools } from './words.js';

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

test('date keys are ISO 8601 in every language: "March" = « mars », "March 10th, 2026" = « 10 mars 2026 »', () => {
  const en = neutralDateKey('en');
  const fr = neutralDateKey('fr');
  assert.equal(en('date:march'), 'date:--03');
  assert.equal(fr('date:mars'), 'date:--03');
  assert.equal(en('date:march-10th-2026'), 'date:2026-03-10');
  assert.equal(fr('date:10-mars-2026'), 'date:2026-03-10');
  assert.equal(fr('date:1er-decembre'), 'date:--12-01');
  assert.equal(fr('date:mars-2026'), 'date:2026-03');
  assert.equal(en('date:tuesday'), 'date:-W-2');
  assert.equal(fr('date:mardi'), 'date:-W-2');
  assert.equal(en('date:sunday'), 'date:-W-7');
  // A weekday before a full date adds nothing; other words stay, their month and weekday words folded.
  assert.equal(fr('date:mardi-10-mars-2026'), 'date:2026-03-10');
  assert.equal(fr('date:lundi-matin'), 'date:-W-1-matin');
  assert.equal(en('date:2026'), 'date:2026');
  assert.equal(en('loc:march'), 'loc:march');
  assert.equal(neutralDateKey('xx')('date:mars'), 'date:mars');
});
