// Frames of magazine, opinion and TV-page prose (issue 14, session 4), on invented sentences: connectives between an
// incise verb and its subject or participle, incises opened by the verb governing a cue infinitive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

// Short texts are given their language: identification needs more words than one test sentence holds.
const run = (text: string) => attributionsOf(text, 'fr');
const byCue = (text: string, cue: string) => attributionByCue(text, cue, 'fr');

test('a connective between an inverted verb and its subject, or between auxiliary and participle, keeps the incise', () => {
  const a = byCue('« Je ne suis pas en mesure de le dire », conclut néanmoins Bernard Lacombe.', 'conclut');
  assert.equal(a.source?.text, 'Bernard Lacombe');
  assert.equal(a.content.text, '« Je ne suis pas en mesure de le dire »');
  const b = byCue("Paul Girard est furieux. « Arrêtons avec ça ! », a-t-il d'abord soutenu.", "a-t-il d'abord soutenu");
  assert.equal(b.source?.resolved, 'Paul Girard');
  const c = byCue('Le ministre a en substance déclaré que rien ne changerait.', 'a en substance déclaré');
  assert.equal(c.content.text, 'rien ne changerait');
});

test('the verb governing a cue infinitive opens an incise: "finit par dire X", "a tenu à préciser X"', () => {
  const a = byCue("Léo Marin s'énerve. « Je ne veux pas être sur ce plateau », finit par dire Léo Marin avant de sortir.", 'finit par dire');
  assert.equal(a.source?.text, 'Léo Marin');
  assert.equal(a.content.text, '« Je ne veux pas être sur ce plateau »');
  const b = byCue('« Il faut partir », a tenu à préciser le ministre.', 'a tenu à préciser');
  assert.equal(b.source?.text, 'le ministre');
  // Not after a subject: the governing verb stays outside the cue ("Le ministre a tenu à préciser que …").
  const c = byCue('Le ministre a tenu à préciser que la loi serait votée.', 'préciser');
  assert.equal(c.source?.text, 'Le ministre');
});

test('an outlet that reports is no speaker of the quotation standing after it', () => {
  const text =
    "Paul Morel a fait une petite référence au passé, a relevé le Huffington Post.\n\n« J'ai vu, dans le passé, beaucoup de responsables changer leurs plans. »";
  const a = run(text);
  assert.ok(a.some((x) => x.cue?.text === 'a relevé'));
  assert.equal(a.filter((x) => x.cue === null).length, 0, JSON.stringify(a.map((x) => [x.cue?.text, x.source?.text])));
  // A person's quotation still continues: the rule is about outlets.
  const b = run('Paul Morel a dénoncé un « scandale », a-t-il dit.\n\n« Nous ne lâcherons rien, jamais, sur ce dossier. »');
  assert.ok(
    b.some((x) => x.cue === null && x.source?.resolved === 'Paul Morel'),
    JSON.stringify(b.map((x) => [x.cue?.text, x.source?.text])),
  );
});

test('"ce que" + inverted verb comments on what came before only after a presentative', () => {
  const a = run("Le ministre n'en démord pas. « J'entends ce que disent les Français. Je garde le cap. »");
  assert.ok(!a.some((x) => x.cue?.text === 'disent'), JSON.stringify(a.map((x) => x.cue?.text)));
  const b = byCue("Le projet sera abandonné. C'est en tout cas ce que révèle Le Parisien.", 'révèle');
  assert.equal(b.content.text, 'Le projet sera abandonné');
  const c = byCue('Le projet sera abandonné. Voilà ce que révèle Le Parisien.', 'révèle');
  assert.equal(c.source?.text, 'Le Parisien');
});

test('"lâcher" frames a colon', () => {
  const a = byCue('Le maire a fini par lâcher : « On verra bien ».', 'lâcher');
  assert.equal(a.content.text, '« On verra bien »');
});
