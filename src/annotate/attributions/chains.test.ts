// Speakers and their upstream chains (speaker ← intermediaries) on sentences written for these tests (fictional
// people): a relay named inside the speaker phrase or set off after the cue is an intermediary, never the speaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

const brief = (text: string) =>
  analyze(text, { raw: true }).attributions.map((a) => ({
    source: a.source?.resolved ?? a.source?.text ?? null,
    anonymous: a.source?.anonymous ?? null,
    via: a.via.map((v) => v.text),
    content: a.content.text,
  }));

test('« X, cité par Y, a affirmé que … »: X speaks, Y relays', () => {
  assert.deepEqual(brief('Jean Dupont, cité par Le Monde, a affirmé que 1200 lits avaient été fermés.'), [
    { source: 'Jean Dupont', anonymous: false, via: ['Le Monde'], content: '1200 lits avaient été fermés' },
  ]);
});

test('« X a affirmé, selon Y, que … »: X speaks, Y relays (no second attribution to Y)', () => {
  assert.deepEqual(brief('Jean Dupont a affirmé, selon Le Monde, que 1200 lits avaient été fermés.'), [
    { source: 'Jean Dupont', anonymous: false, via: ['Le Monde'], content: '1200 lits avaient été fermés' },
  ]);
});

test('"X, quoted by Y, said …": X speaks, Y relays', () => {
  assert.deepEqual(brief('John Smith, quoted by Reuters, said the plant would close.'), [
    { source: 'John Smith', anonymous: false, via: ['Reuters'], content: 'the plant would close' },
  ]);
});

test('the relay phrase of a speaker is part of the frame, not a claim in the outlet voice', () => {
  for (const text of [
    'Jean Dupont, cité par Le Monde, a affirmé que 1200 lits avaient été fermés.',
    'Jean Dupont a affirmé, selon Le Monde, que 1200 lits avaient été fermés.',
    'John Smith, quoted by Reuters, said the plant would close.',
  ]) {
    const claims = analyze(text, { raw: true }).claims;
    assert.deepEqual(
      claims.map((c) => [c.text, c.attribution]),
      [[text.includes('plant') ? 'the plant would close' : '1200 lits avaient été fermés', 0]],
    );
  }
});
