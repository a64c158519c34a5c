import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../tokens.js';
import { consistentSpans } from './consistency.js';
import type { ModelType } from './model.js';
import type { TokenSpan } from './spans.js';

/** Spans over `text` given as [surface, type, occurrence], in text order. */
function setup(text: string, tagged: Array<[string, ModelType, number]>) {
  const tokens = tokenize(text, 'en');
  const forms = tokens.map((t) => text.slice(t.start, t.end));
  const spans: TokenSpan[] = tagged.map(([surface, type, nth]) => {
    let at = -1;
    for (let k = 0; k <= nth; k++) at = text.indexOf(surface, at + 1);
    const first = tokens.findIndex((t) => t.start === at);
    const last = tokens.findIndex((t) => t.end === at + surface.length);
    return { start: at, end: at + surface.length, type, first, last };
  });
  const out = consistentSpans(
    spans,
    forms,
    forms.map((f) => f.toLowerCase()),
    tokens,
    text,
  );
  return out.map((s) => `${text.slice(s.start, s.end)}/${s.type}`);
}

test('one name, one type: the majority type wins, ties keep each its own', () => {
  const text = 'Rotor won. Rotor lost. Rotor played. Ajax won. Ajax lost.';
  assert.deepEqual(
    setup(text, [
      ['Rotor', 'ORG', 0],
      ['Rotor', 'PER', 1],
      ['Rotor', 'ORG', 2],
      ['Ajax', 'ORG', 0],
      ['Ajax', 'LOC', 1],
    ]),
    ['Rotor/ORG', 'Rotor/ORG', 'Rotor/ORG', 'Ajax/ORG', 'Ajax/LOC'],
  );
});

test('untagged occurrences of a tagged name are added; a surname alone is the person', () => {
  const text = 'Gianluigi Lentini joined Atalanta. Lentini said Atalanta paid.\nAtalanta';
  assert.deepEqual(
    setup(text, [
      ['Gianluigi Lentini', 'PER', 0],
      ['Atalanta', 'ORG', 0],
      ['Lentini', 'ORG', 1],
    ]),
    ['Gianluigi Lentini/PER', 'Atalanta/ORG', 'Lentini/PER', 'Atalanta/ORG', 'Atalanta/ORG'],
  );
});

test('a lowercase word is never added, even when its capitalised form is a name', () => {
  const text = 'Rose Smith left. A rose grew.';
  assert.deepEqual(setup(text, [['Rose Smith', 'PER', 0]]), ['Rose Smith/PER']);
});
