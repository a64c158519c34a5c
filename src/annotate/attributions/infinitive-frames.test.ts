// Infinitive complements behind a negation or object clitics, and speakers described by their relation to the story
// (issue 14, session 13), on invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

const byCue = (text: string, cue: string) => attributionByCue(text, cue, 'fr');

test('an infinitive complement behind object clitics or a negation is the content, negation included', () => {
  const a = byCue("Paul Martin affirme l'avoir croisé la veille.", 'affirme');
  assert.equal(a.content.text, "l'avoir croisé la veille");
  const b = byCue("Cet ami a pourtant affirmé ne pas l'avoir vu de la soirée.", 'a pourtant affirmé');
  assert.equal(b.content.text, "ne pas l'avoir vu de la soirée");
  const c = byCue('Le maire Louis Perret assure ne jamais s’être rendu sur place.', 'assure');
  assert.equal(c.content.text, 'ne jamais s’être rendu sur place');
});

test('without a negation a clitic-like determiner before a noun opens no infinitive: "affirme la guerre"', () => {
  assert.deepEqual(
    attributionsOf('Le général Paul Roux affirme la guerre comme une nécessité.', 'fr').map((x) => x.cue?.text),
    [],
  );
});

test('"de" + negation after an addressee opens the directive: "a demandé à la cour de « ne pas oublier Léa »"', () => {
  const a = byCue('La mère de la victime, Sylvie Aubertin, a demandé à la cour de « ne pas oublier Léa ».', 'a demandé');
  assert.equal(a.source?.resolved, 'Sylvie Aubertin');
  assert.equal(a.content.text, 'à la cour de « ne pas oublier Léa »');
  const b = byCue('Paul Martin a demandé aux juges de ne pas fermer la route.', 'a demandé');
  assert.equal(b.content.text, 'aux juges de ne pas fermer la route');
});

test('relatives, friends and neighbours speak, and a possessive one stays unresolved: "Sa mère affirme …"', () => {
  const a = byCue('Au troisième, un père de famille qui préfère taire son nom affirme avoir signalé une fuite de gaz.', 'affirme');
  assert.equal(a.source?.text, 'un père de famille');
  assert.equal(a.content.text, 'avoir signalé une fuite de gaz');
  const b = byCue('Paul Martin a été blessé samedi. Sa mère affirme avoir vu la voiture.', 'affirme');
  assert.equal(b.source?.text, 'Sa mère');
  assert.equal(b.source?.resolved ?? null, null);
});
