import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../../pipeline/analyze.js';
import { syntaxOf, type Syntax } from './index.js';
import { npBackward, npForward } from './phrases.js';

const sx = (text: string) => syntaxOf(analyzeDoc(text, { raw: true }));
const names = (s: Syntax) => s.names.map((c) => s.text.slice(s.words[c.first]!.start, s.words[c.last]!.end));
const idx = (s: Syntax, word: string) => s.words.findIndex((w) => w.text === word);
const range = (s: Syntax, a: number, b: number) => s.text.slice(s.words[a]!.start, s.words[b]!.end);

test('name chunks: particles, titles, acronyms, sentence-initial words', () => {
  const s = sx('Mercredi, Mme Nadia El Amrani et Wathiq al Batat ont rencontré le responsable syndical CGT Jean-Luc Perrin à Saint-Denis.');
  assert.deepEqual(names(s), ['Mme Nadia El Amrani', 'Wathiq al Batat', 'CGT', 'Jean-Luc Perrin', 'Saint-Denis']);
  assert.equal(s.names[0]!.gender, 'f');
});

test('a first name starts a new person after other capitalised words', () => {
  const s = sx('Il a rencontré le ministre délégué aux Sports Pierre Garnier.');
  assert.deepEqual(names(s), ['Sports', 'Pierre Garnier']);
});

test('noun phrases forwards stop at verbs, clauses and a second determiner', () => {
  const s = sx('Le rapport cite des élus locaux qui dénoncent dans un communiqué le projet.');
  const d = idx(s, 'des');
  assert.equal(range(s, d, npForward(s, d)), 'des élus locaux');
  const u = idx(s, 'un');
  assert.equal(range(s, u, npForward(s, u)), 'un communiqué');
});

test('noun phrases backwards keep complements and stop at a comma or a verb', () => {
  const s = sx('Jeudi, le ministère de la Santé publique a confirmé la fermeture.');
  const a = idx(s, 'a');
  assert.equal(range(s, npBackward(s, a - 1), a - 1), 'le ministère de la Santé publique');
});

test('a sentence cut by a broken line is one sentence for the parser', () => {
  // The segmenter joins a paragraph break followed by lower case; `continues`
  // only bridges splits it leaves (none here).
  const s = sx("Selon eux, l'armée de\n\nl'air a frappé.");
  assert.equal(s.continues.length, 1);
  assert.equal(s.continues[0], 0);
});
