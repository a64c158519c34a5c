import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimsDataSchema, claimsData } from './claims-data.js';
import { readJson } from './files.js';
import { langPath } from './resources.js';

test('every lang/<code>/claims.json validates against the one schema, the proposition words included', () => {
  for (const code of ['fr', 'en']) {
    const data = claimsData(code);
    assert.ok(data.numberWords.length > 0 && data.proposition?.lightVerbs.length, code);
  }
});

test('a misspelt field is an error naming it; $comment keys are allowed', () => {
  const file = readJson<Record<string, unknown>>(langPath('fr', 'claims.json'));
  assert.equal(ClaimsDataSchema.safeParse({ ...file, $comment_more: 'notes' }).success, true);
  const bad = ClaimsDataSchema.safeParse({ ...file, numberWord: ['deux'] });
  assert.equal(bad.success, false);
  assert.match(JSON.stringify(bad.error?.issues), /unknown field \\"numberWord\\"/);
  const { negation: _, ...missing } = file;
  assert.equal(ClaimsDataSchema.safeParse(missing).success, false);
});
