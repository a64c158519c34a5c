import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutralDateKey } from './date-keys.js';

test('date keys are ISO 8601 in every language: "March" = « mars », "March 10th, 2026" = « 10 mars 2026 »', () => {
  const en = neutralDateKey('en');
  const fr = neutralDateKey('fr');
  assert.equal(en('date:march'), 'date:--03');
  assert.equal(fr('date:mars'), 'date:--03');
  assert.equal(en('date:march-10th-2026'), 'date:2026-03-10');
  assert.equal(fr('date:10-mars-2026'), 'date:2026-03-10');
  assert.equal(fr('date:1er-decembre'), 'date:--12-01');
  assert.equal(fr('date:mars-2026'), 'date:2026-03');
  assert.equal(en('date:tuesday'), 'date:-W-2');
  assert.equal(fr('date:mardi'), 'date:-W-2');
  assert.equal(en('date:sunday'), 'date:-W-7');
  // A weekday before a full date adds nothing; other words stay, their month and weekday words folded.
  assert.equal(fr('date:mardi-10-mars-2026'), 'date:2026-03-10');
  assert.equal(fr('date:lundi-matin'), 'date:-W-1-matin');
  assert.equal(en('date:2026'), 'date:2026');
  assert.equal(en('loc:march'), 'loc:march');
  assert.equal(neutralDateKey('xx')('date:mars'), 'date:mars');
});
