// Who speaks when a verdict depends on it: the antecedent of an incise pronoun, someone's words (« selon les
// déclarations de X »), a role before a place name. Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

/** The source of the attribution whose cue is `cue` (fails when there is none). */
function sourceOf(text: string, cue: string) {
  const found = analyze(text, { raw: true }).attributions.filter((x) => x.cue?.text === cue);
  assert.equal(found.length, 1, `one attribution with cue "${cue}" in: ${text}`);
  return found[0]!.source!;
}

const incises: { why: string; text: string; cue: string; speaker: string }[] = [
  {
    why: 'not a person named in a clause fronted before the main one',
    text: "Si Jean Dupont n'a pas voulu répondre, le directeur du cabinet, Paul Martin, a confirmé c'était bien l'homme de la photo. « Il m'avait prévenu la veille », a-t-il expliqué.",
    cue: 'a-t-il expliqué',
    speaker: 'Paul Martin',
  },
  {
    why: 'not a person named in the complement of the subject’s description',
    text: "Le conseiller de Jean Dupont, Paul Martin, a confirmé c'était bien lui. « Il m'avait prévenu la veille », a-t-il expliqué.",
    cue: 'a-t-il expliqué',
    speaker: 'Paul Martin',
  },
  {
    why: 'the speaker going on, not the people named in a fronted clause with an apposition',
    text: "« Le quai était fermé », a affirmé Luc Berthier, délégué du syndicat des dockers. Alors que les déclarations de Jean Dupont et du directeur du port, Marc Petit, s'opposent sur ce point, le syndicaliste a maintenu sa version. « Personne n'est entré », a-t-il déclaré.",
    cue: 'a-t-il déclaré',
    speaker: 'Luc Berthier',
  },
];

for (const c of incises)
  test(`an incise pronoun after a quotation: ${c.why}`, () => {
    assert.equal(sourceOf(c.text, c.cue).resolved, c.speaker);
  });

test('« selon les déclarations … de X »: the words are X’s, X is the source', () => {
  for (const text of [
    "Le gardien n'avait aucune clé du hangar, selon les déclarations mardi soir du directeur du port, Marc Petit, devant les élus.",
    "Le gardien n'avait aucune clé du hangar, selon les propos de Marc Petit.",
  ]) {
    const s = sourceOf(text, 'selon');
    assert.deepEqual([s.text, s.key], ['Marc Petit', 'per:marc-petit'], text);
  }
});

test('a role before a place name is a role, never the place; a role before a person’s name is that person', () => {
  const garde = sourceOf('« Les règles sont claires », souligne la garde des Sceaux devant les élus de Lussac.', 'souligne');
  assert.ok(!garde.key?.startsWith('loc:'), garde.key ?? 'null');
  assert.equal(sourceOf("Selon la ministre de la Santé Claire Vidal, l'hôpital rouvrira lundi.", 'Selon').key, 'per:claire-vidal');
});
