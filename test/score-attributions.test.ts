// The scorer implements the gold's matching rule; these cases pin each clause of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentMatches, scoreAttributions, speakerMatches, type GoldRecord } from '../eval/score-attributions.js';

const pred = (source: string | null, resolved: string | null, content: string) => ({
  source: source === null ? null : { text: source, resolved },
  content: { text: content },
});

test('content must hold at least 60% of the snippet words and not be too long', () => {
  assert.equal(contentMatches('les prix ont augmenté de dix pour cent', 'selon lui, les prix ont augmenté de dix pour cent cette année'), true);
  assert.equal(contentMatches('les prix ont augmenté de dix pour cent', 'les prix ont baissé'), false);
  assert.equal(contentMatches('un deux trois', 'un deux trois ' + 'x'.repeat(600)), false);
});

test('a speaker matches on a shared content word, never on a pronoun or an article alone', () => {
  assert.equal(speakerMatches(['Jeanne Morel'], { text: 'Mme Morel', resolved: null }), true);
  assert.equal(speakerMatches(['Jeanne Morel'], { text: 'elle', resolved: null }), false);
  assert.equal(speakerMatches(['Jeanne Morel'], { text: 'elle', resolved: 'Jeanne Morel' }), true);
  assert.equal(speakerMatches(['la préfecture'], { text: 'la mairie', resolved: null }), false);
});

test('precision counts predictions matching any record (optional too); recall counts required records', () => {
  const gold: GoldRecord[] = [
    { doc: 'a', source: ['Jeanne Morel'], content: 'le pont sera fermé' },
    { doc: 'a', source: ['des témoins'], content: 'la digue a cédé', optional: true },
    { doc: 'a', source: ['le maire'], content: 'les travaux dureront un an' },
  ];
  const s = scoreAttributions(gold, {
    a: [
      pred('elle', 'Jeanne Morel', 'le pont sera fermé'),
      pred('des témoins', null, 'la digue a cédé dans la nuit'),
      pred('il', null, 'les travaux dureront un an'),
    ],
  });
  assert.equal(s.tp, 2);
  assert.equal(s.predictions, 3);
  assert.equal(s.recalled, 1);
  assert.equal(s.required, 2);
  assert.ok(Math.abs(s.f1 - (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5)) < 1e-9);
});
