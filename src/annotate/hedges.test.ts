import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../pipeline/analyze.js';
import { hedgeMarkers } from './hedges.js';
import { syntaxOf } from './syntax/index.js';

const markers = (text: string, sequenceOfTenses = false) => {
  const sx = syntaxOf(analyzeDoc(text, { raw: true }));
  return hedgeMarkers(sx, 0, sx.words.length - 1, { sequenceOfTenses }).map((m) => sx.text.slice(m.start, m.end));
};

test('the conditional of any verb, from generated stems, but not imperfects or nouns', () => {
  assert.deepEqual(markers('Les rebelles contrôleraient la ville et auraient pris le port.'), ['contrôleraient', 'auraient']);
  assert.deepEqual(markers('Il parlait du portrait et du trait de caractère.'), []);
});

test('lexical hedges: adverbs, adjectives, phrases, hedge verbs', () => {
  assert.deepEqual(markers("Un possible complice semble avoir fui, sans doute vers l'étranger."), ['possible', 'semble', 'sans doute']);
});

test('a status label ("présumé") hedges a predicate, not a person noun of the subject; "présumé innocent" is the law', () => {
  assert.deepEqual(markers('Le présumé complice a été arrêté dimanche à la frontière.'), []);
  assert.deepEqual(markers("L'auteur présumé de l'attaque a été interpellé."), []);
  assert.deepEqual(markers("L'homme est l'auteur présumé de l'attaque."), ['présumé']);
  assert.deepEqual(markers("Le suspect reste présumé innocent jusqu'au procès."), []);
  // On a thing the label doubts the thing itself.
  assert.deepEqual(markers('Un accord présumé entre les deux pays prévoit un échange.'), ['présumé']);
});

test('modal conditionals are not hedges; sequence of tenses drops the conditional but keeps "pourrait"', () => {
  assert.deepEqual(markers('Le texte devrait être voté.'), []);
  assert.deepEqual(markers('la mesure figurerait dans le budget et pourrait coûter cher', true), ['pourrait']);
});

test('the consequence of a hypothesis is not a hedge, a conditional in the next sentence still is', () => {
  assert.deepEqual(markers('Si la digue cédait, tout le quartier serait inondé. Le maire aurait été prévenu.'), ['aurait']);
  assert.deepEqual(markers('Au cas où le vol serait annulé, les passagers seraient remboursés.'), []);
});

test('"ne saurait" (cannot) is no hedge, the conditional of "savoir" alone still is', () => {
  assert.deepEqual(markers('Le ministre ne saurait accepter une telle décision.'), []);
  assert.deepEqual(markers('Le suspect saurait où se trouvent les otages.'), ['saurait']);
});

test('nothing inside a condition hedges ("si cela paraît nécessaire"), an intensifying "si" opens none', () => {
  assert.deepEqual(markers('Il prendra des mesures si cela paraît nécessaire.'), []);
  assert.deepEqual(markers("Il prendra des mesures si c'est possible, et semble décidé."), ['semble']);
  assert.deepEqual(markers("Le virus est si contagieux qu'il pourrait tout bloquer."), ['pourrait']);
});
