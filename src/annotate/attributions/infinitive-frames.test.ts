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

test('a participle after an incise frames a que-clause behind an aside: "…, reconnaissant au passage que …"', () => {
  const a = byCue('« Nous irons jusqu’au bout », a déclaré le syndicaliste Paul Roux, reconnaissant au passage que la grève coûtait cher.', 'reconnaissant');
  assert.equal(a.source?.resolved, 'Paul Roux');
  assert.equal(a.content.text, 'la grève coûtait cher');
});

test('« On y lit que … »: the clitic stands for the medium named in the sentence before, which is the source', () => {
  const a = byCue(
    'Le quotidien The New York Times a publié des extraits d’un document classifié. On y lit que les pertes seraient deux fois supérieures.',
    'lit',
  );
  assert.equal(a.source?.text, 'un document classifié');
  // No medium in the sentence before: hearsay in the author's voice, no attribution.
  assert.deepEqual(
    attributionsOf('Paul Roux est allé à Lyon en mai. On y lit que la ville change vite.', 'fr').map((x) => x.cue?.text),
    [],
  );
});

test('a companion is no part of the inverted subject, and a name apposed to it is the companion’s', () => {
  const a = byCue('« On n’a jamais légitimé la moindre violence », a assuré l’avocat aux côtés de son associée, Ornella Spatafora.', 'a assuré');
  assert.equal(a.source?.text, 'l’avocat');
  // Without a companion the name apposed to the role speaks.
  const b = byCue('« On n’a jamais légitimé la moindre violence », a assuré l’avocat, Paul Roux.', 'a assuré');
  assert.equal(b.source?.resolved, 'Paul Roux');
});
