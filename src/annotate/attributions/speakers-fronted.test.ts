// Who speaks when the subject's name is followed by a long apposition with a name in its complement, or when a
// participial phrase opens the sentence before the subject. Invented sentences (issue 14; the constructions come
// from OrangeSum 2018 articles of the DEV set, not these sentences).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue } from '../../../test/helpers/attributions.js';

const byCue = (text: string, cue: string) => attributionByCue(text, cue).source!;

test("a long bare description after a person's name: the name speaks, not a name in its complement", () => {
  const a = byCue('Julien Bayou, tête de liste des écologistes pour les régionales en Île-de-France, a dénoncé des « promesses creuses ».', 'a dénoncé');
  assert.equal(a.resolved ?? a.text, 'Julien Bayou');
  const b = byCue('Marc Duval, numéro deux du Rassemblement national dans les Hauts-de-France, a fustigé un « scandale ».', 'a fustigé');
  assert.equal(b.resolved ?? b.text, 'Marc Duval');
});

test('a participial phrase opening the sentence is no person: the pronoun resolves to the subject after the comma', () => {
  const text =
    'Invitée de Sudradio mardi, la présidente de la région Valérie Pécresse s\'est dite "surprise", mais a tenu à défendre le "bilan" de sa majorité.\n\n"Nous avons tenu nos engagements", a-t-elle insisté.';
  assert.equal(byCue(text, 'a-t-elle insisté').resolved, 'Valérie Pécresse');
});
