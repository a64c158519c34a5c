// Less common constructions of reported speech, on invented sentences:
// relative-clause subjects, opening medium phrases, fronted clefts, infinitives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

const run = (text: string) => analyze(text, { raw: true }).attributions;
const byCue = (text: string, cue: string) => {
  const a = run(text).find((x) => x.cue?.text === cue);
  assert.ok(a, `no attribution with cue "${cue}" in: ${text}`);
  return a;
};

test('"Celle qui … confie avoir …": the pronoun heading the relative clause speaks', () => {
  const a = byCue("Nora Belkacem a quitté la scène en 2019. Celle qui a longtemps dirigé la troupe confie avoir hésité.", 'confie');
  assert.equal(a.source?.text, 'Celle');
  assert.equal(a.source?.resolved, 'Nora Belkacem');
  assert.equal(a.content.text, 'avoir hésité');
});

test('a medium phrase opening the sentence is the via', () => {
  const a = byCue("Dans une interview au Parisien, le maire a affirmé que la piscine rouvrirait.", 'a affirmé');
  assert.deepEqual(a.via.map((v) => v.text), ['une interview au Parisien']);
  const b = byCue("A Midi Libre, la chanteuse Lou Verne a déclaré soutenir les grévistes.", 'a déclaré');
  assert.deepEqual(b.via.map((v) => v.text), ['Midi Libre']);
});

test('"X, c\'est ce que réclame Y": the fronted phrase is the content', () => {
  const a = byCue("Le marché est calme. Une baisse des taux, c'est ce que réclame le patronat.", 'réclame');
  assert.equal(a.content.text, 'Une baisse des taux');
});
