import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './quotes.js';

test('French, English and straight quotes with nesting', () => {
  const s = '« Il m\'a dit “partez” hier », raconte-t-elle. Il parle de "fake news".';
  const q = findQuotes(s).map((x) => [x.text, x.depth, x.closed]);
  assert.deepEqual(q, [
    ["« Il m'a dit “partez” hier »", 0, true],
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

const texts = (s: string) => findQuotes(s).map((x) => [x.text, x.depth, x.closed]);

test('a quotation re-opened with « at each paragraph runs on (the French convention)', () => {
  const s = '« Nous partirons demain.\n\n« Et nous ne reviendrons pas », dit-il.';
  assert.deepEqual(texts(s), [[s.slice(0, s.indexOf('»') + 1), 0, true]]);
});

test('a quotation closed in the next paragraph without re-opening runs on', () => {
  const s = '"Nous partirons demain.\n\nEt nous ne reviendrons pas", dit-il.';
  assert.deepEqual(texts(s), [['"Nous partirons demain.\n\nEt nous ne reviendrons pas"', 0, true]]);
});

test('an unclosed quotation ends with its paragraph when the next neither re-opens nor closes it', () => {
  const s = '« Des familles sont parties (…)\n\nToujours selon Asia News\n\n« Ce déménagement adviendrait.\n\nLa « Phalange » proteste. »';
  assert.deepEqual(texts(s), [
    ['« Des familles sont parties (…)', 0, false],
    ['« Ce déménagement adviendrait.\n\nLa « Phalange » proteste. »', 0, true],
    ['« Phalange »', 1, true],
  ]);
});

test('straight quotes: a spaced closer before a comma is no opener', () => {
  assert.deepEqual(texts('Il a dit "non " , puis "oui".'), [
    ['"non "', 0, true],
    ['"oui"', 0, true],
  ]);
  assert.deepEqual(texts('ceux qui en sont sortis ", analyse-t-il.'), []);
});
