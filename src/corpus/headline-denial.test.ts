// A headline that repeats its article's denial is that denial (src/corpus/claim-features.ts `headlineDenial`), in the
// denier's name; any other headline with a verb of denial stays the outlet's voice (invented articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';
import { claimRows, isTitleClaim } from './claim-features.js';

const titleRow = (title: string, text: string, language = 'fr') => claimRows(analyze({ text, known: { title, language } }, { raw: true })).find(isTitleClaim)!;

test('« X dément avoir touché … » above the body’s denial is denied by the body’s speaker', () => {
  const r = titleRow(
    'Le maire de Saumur dément avoir touché 30 000 euros',
    'Le maire de Saumur, Jackie Goulet, dément avoir touché 30 000 euros de la société Batiloire en 2022. Il annonce une plainte.',
  );
  assert.equal(r.proposition?.denied, true, JSON.stringify(r));
  assert.equal(r.proposition?.negated, true);
  assert.equal(r.speakerKey, 'per:jackie-goulet');
});

test('"X denies taking …" above the body’s denial is denied in English too', () => {
  const r = titleRow(
    'Mayor denies taking £40,000 from builder',
    'The mayor of Dudley, Peter Lowe, denied taking £40,000 from the builder Castlerock in 2021, his office said on Friday.',
    'en',
  );
  assert.equal(r.proposition?.denied, true, JSON.stringify(r));
});

test('a headline with a verb of denial whose body reports no denial stays the outlet’s voice', () => {
  // The body states the payment: the headline's words after « dément » are in no claim its speaker denies.
  const r = titleRow(
    'Le maire de Saumur dément avoir touché 30 000 euros',
    'Le maire de Saumur, Jackie Goulet, a touché 30 000 euros de la société Batiloire en 2022, selon des documents du Courrier.',
  );
  assert.notEqual(r.proposition?.denied, true, JSON.stringify(r));
  assert.equal(r.speaker, null);
});
