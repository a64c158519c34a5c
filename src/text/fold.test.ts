import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, foldLower, foldLowerSameLength } from './fold.js';

test('fold drops diacritics and keeps the case; foldLower lowercases too', () => {
  assert.equal(fold("l'État islamique, Ça, Noël, Åland, São Tomé"), "l'Etat islamique, Ca, Noel, Aland, Sao Tome");
  assert.equal(foldLower('ÉTAT Islamique'), 'etat islamique');
  // Letters without a decomposition stay: œ, ß, ł are letters of their own.
  assert.equal(fold('cœur Straße Łódź'), 'cœur Straße Łodz');
  // Already decomposed input (e + combining acute) folds the same.
  assert.equal(fold('e\u0301te\u0301'), 'ete');
});

test('foldLowerSameLength keeps every offset valid', () => {
  for (const s of ['Mercredi 3 Février 2021', 'İstanbul, le 1er août', 'emoji 🎉 après', 'e\u0301te\u0301', 'ǅemal', '']) {
    const f = foldLowerSameLength(s);
    assert.equal(f.length, s.length, s);
  }
  assert.equal(foldLowerSameLength('Mercredi 3 Février 2021'), 'mercredi 3 fevrier 2021');
  assert.equal(foldLowerSameLength('İstanbul ÉTÉ'), 'istanbul ete');
  assert.equal(foldLowerSameLength('emoji 🎉 Après'), 'emoji 🎉 apres');
});
