// Who speaks when a verdict depends on it: the antecedent of an incise pronoun, someone's words (« selon les
// déclarations de X »), a role before a place name. Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

const byCue = (text: string, cue: string) => {
  const a = analyze(text, { raw: true }).attributions.find((x) => x.cue?.text === cue);
  assert.ok(a, `no attribution with cue "${cue}" in: ${text}`);
  return a.source!;
};

test('« a-t-il expliqué » after a quotation: the subject of the main clause, not a person named in a clause fronted before it', () => {
  const text =
    "Si Jean Dupont n'a pas voulu répondre, le directeur du cabinet, Paul Martin, a confirmé c'était bien l'homme de la photo. « Il m'avait prévenu la veille », a-t-il expliqué.";
  assert.equal(byCue(text, 'a-t-il expliqué').resolved, 'Paul Martin');
});

test('« a-t-il expliqué »: not a person named in the complement of the subject’s description', () => {
  const text = "Le conseiller de Jean Dupont, Paul Martin, a confirmé c'était bien lui. « Il m'avait prévenu la veille », a-t-il expliqué.";
  assert.equal(byCue(text, 'a-t-il expliqué').resolved, 'Paul Martin');
});

test('« selon les déclarations … de X »: the words are X’s, X is the source', () => {
  for (const text of [
    "Le gardien n'avait aucune clé du hangar, selon les déclarations mardi soir du directeur du port, Marc Petit, devant les élus.",
    "Le gardien n'avait aucune clé du hangar, selon les propos de Marc Petit.",
  ]) {
    const s = byCue(text, 'selon');
    assert.equal(s.text, 'Marc Petit', text);
    assert.equal(s.key, 'per:marc-petit', text);
  }
});

test('a role before a place name is a role, never the place; a role before a person’s name is that person', () => {
  const garde = byCue('« Les règles sont claires », souligne la garde des Sceaux devant les élus de Lussac.', 'souligne');
  assert.ok(!garde.key?.startsWith('loc:'), garde.key ?? 'null');
  const minister = byCue("Selon la ministre de la Santé Claire Vidal, l'hôpital rouvrira lundi.", 'Selon');
  assert.equal(minister.key, 'per:claire-vidal');
});

test('« a-t-il déclaré »: the speaker going on, not the people named in a clause fronted before the main one', () => {
  const text =
    "« Le quai était fermé », a affirmé Luc Berthier, délégué du syndicat des dockers. Alors que les déclarations de Jean Dupont et du directeur du port, Marc Petit, s'opposent sur ce point, le syndicaliste a maintenu sa version. « Personne n'est entré », a-t-il déclaré.";
  assert.equal(byCue(text, 'a-t-il déclaré').resolved, 'Luc Berthier');
});
