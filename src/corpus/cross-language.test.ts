import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossLanguageKeys, figureUnitClass, measureUnitClasses } from './cross-language.js';
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
  assert.equal(figureUnitClass('en')('12 ferm'), '12 ferm');
  // Units that measure are classes too, marked light: « 10 ans » = "10 years".
  assert.equal(figureUnitClass('fr')(`10 ${stem('ans', 'fr')}`), figureUnitClass('en')(`10 ${stem('years', 'en')}`));
  assert.ok(measureUnitClasses('fr').has('~year'));
  assert.ok(!measureUnitClasses('fr').has('~family'));
  assert.equal(figureUnitClass('fr')('12'), '12');
  assert.equal(figureUnitClass('xx')('3 ferm'), '3 ferm');
  assert.equal(predicateClass('fr')(stem('quitté', 'fr')), predicateClass('en')(stem('left', 'en')));
  assert.equal(predicateClass('fr')(stem('arrêté', 'fr')), predicateClass('en')(stem('arrested', 'en')));
  assert.notEqual(predicateClass('fr')(stem('quitté', 'fr')), predicateClass('en')(stem('arrested', 'en')));
});

test('the bilingual lexicon: content words and predicate classes meet across languages, plain stems never', () => {
  const keys = (language: string, ws: string[]) =>
    crossLanguageKeys(language)(
      ws.map((w) => predicateClass(language)(stem(w, language))),
      new Set(),
    ).sort();
  // "seized several grenades" = « ont saisi plusieurs grenades »; "set fire to oil wells" = « incendié des puits de pétrole ».
  assert.deepEqual(keys('en', ['seized', 'several', 'grenades']), ['=seize', '^grenade']);
  assert.deepEqual(keys('fr', ['saisi', 'plusieurs', 'grenades']), ['=seize', '^grenade']);
  assert.deepEqual(keys('en', ['oil', 'airport', 'depot']), keys('fr', ['pétrole', 'aéroport', 'dépôt']));
  // A word outside the lexicon gives no key (the stems of two languages never meet), nor does a light class.
  assert.deepEqual(keys('en', ['pont', 'violence']), []);
  assert.deepEqual(crossLanguageKeys('en')(['=happen'], new Set(['=happen'])), []);
  assert.deepEqual(keys('xx', ['grenades']), []);
  // Units: « 24 colis » = "24 bundles".
  assert.equal(figureUnitClass('fr')(`24 ${stem('colis', 'fr')}`), figureUnitClass('en')(`24 ${stem('bundles', 'en')}`));
});

test('withdrawing and deploying troops meet across languages, and stay apart from each other and from leaving', () => {
  const cls = (language: string, w: string) => predicateClass(language)(stem(w, language));
  // "the army withdrew its 500 soldiers" = « l'armée a retiré ses 500 soldats » = "the withdrawal" = « le retrait ».
  assert.equal(cls('en', 'withdrew'), '=withdraw');
  assert.equal(cls('fr', 'retiré'), '=withdraw');
  assert.equal(cls('en', 'withdrawal'), cls('fr', 'retrait'));
  // "NATO deployed two battalions" = « l'Otan a déployé deux bataillons ».
  assert.equal(cls('en', 'deployed'), cls('fr', 'déployé'));
  assert.equal(cls('fr', 'déploiement'), '=deploy');
  assert.notEqual(cls('en', 'withdrew'), cls('en', 'deployed'));
  assert.notEqual(cls('fr', 'retiré'), cls('fr', 'quitté'));
});
