import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.js';

test('French, English and straight quotes with nesting', () => {
  const s = '« Il m\'a dit “partez” hier », raconte-t-elle. Il parle de "fake news".';
  const q = findQuotes(s).map((x) => [x.text, x.depth, x.closed]);
  assert.deepEqual(q, [
    ['« Il m\'a dit “partez” hier »', 0, true],
    ['“partez”', 1, true],
    ['"fake news"', 0, true],
  ]);
});

test('an unbalanced opener closes at the end of its paragraph', () => {
  const s = '« Nous ne partirons pas, dit-il.\n\nLa suite est ailleurs.';
  const [q] = findQuotes(s);
  assert.equal(q!.closed, false);
  assert.equal(q!.text, '« Nous ne partirons pas, dit-il.');
});

test('unmatched closers are ignored', () => {
  assert.deepEqual(findQuotes('texte » sans ouverture ”'), []);
});
