// Every gold field of the seed articles (../shared/gold/metadata.json): title,
// outlet, origin, authors, published, language, body bounds, boilerplate removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsShared } from './helpers/shared.js';
import { checkSeeds } from '../eval/metadata-gold.js';

test('seed articles: every gold metadata field right', { skip: needsShared }, () => {
  const checks = checkSeeds();
  assert.ok(checks.length > 30);
  const wrong = checks.filter((c) => !c.ok).map((c) => `${c.doc} ${c.field}: got ${c.got}, want ${c.want}`);
  assert.deepEqual(wrong, []);
});
