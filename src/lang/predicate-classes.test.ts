import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lightClasses, phraseClasses, predicateClass } from './predicate-classes.js';
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
  assert.equal(of('inaugurées'), stem('inaugurées'));
  // « incendiées » is a burn since issue 15 (the class of "set fire", "burned").
  assert.equal(of('incendiées'), of('incendie'));
  // A language without the file keeps every stem.
  assert.equal(predicateClass('xx')('arret'), 'arret');
});

test('a fixed phrase of several words names its class: « placé en garde à vue » is an arrest, « mis en examen » a charge', () => {
  const phrases = phraseClasses('fr');
  const stem = wordTools('fr').stem;
  const held = (text: string) => new Set(text.split(' ').map(stem));
  const classesOf = (text: string) => phrases.filter((p) => p.stems.every((s) => held(text).has(s))).map((p) => p.key);
  assert.deepEqual(classesOf('placé en garde à vue mardi'), [predicateClass('fr')(stem('arrêté'))]);
  assert.deepEqual(classesOf('Nicolas Sarkozy mis en examen'), [predicateClass('fr')(stem('inculpé'))]);
  assert.deepEqual(classesOf('les deux rappeurs en sont venus aux mains'), [predicateClass('fr')(stem('bagarre'))]);
  // One word of a phrase alone is not the phrase (« le garde du corps », « la vue »).
  assert.deepEqual(classesOf('le garde du corps du président'), []);
  assert.deepEqual(phraseClasses('xx'), []);
});

test('generic predicates are marked light in the language data: « se dérouler », « avoir lieu », « aider », "happen"', () => {
  const stem = (code: string) => wordTools(code).stem;
  const fr = (w: string) => predicateClass('fr')(stem('fr')(w));
  const light = lightClasses('fr');
  for (const w of ['déroulés', 'survenu', 'aidés', 'soutenir']) assert.ok(light.has(fr(w)), w);
  for (const w of ['arrêté', 'tués', 'menacé']) assert.ok(!light.has(fr(w)), w);
  const held = new Set('la réunion a eu lieu mardi'.split(' ').map(stem('fr')));
  assert.ok(phraseClasses('fr').some((p) => light.has(p.key) && p.stems.every((s) => held.has(s))));
  assert.ok(lightClasses('en').has(predicateClass('en')(stem('en')('happened'))));
  assert.equal(lightClasses('xx').size, 0);
});
