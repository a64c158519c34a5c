import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../tokens.js';
import { DOCUMENT_FEATURES, DOCUMENT_ROWS, documentFeatures } from './document-features.js';
import { TAGS } from './model.js';

/** A part over `text` whose tokens get the tags given by position (the rest O). */
function part(text: string, tagged: Record<number, (typeof TAGS)[number]>) {
  const tokens = tokenize(text, 'en');
  const forms = tokens.map((t) => text.slice(t.start, t.end));
  const tags = Uint8Array.from(forms, (_, i) => TAGS.indexOf(tagged[i] ?? 'O'));
  const start = Uint8Array.from(forms, (_, i) => (i === 0 ? 1 : 0));
  return { forms, lowered: forms.map((f) => f.toLowerCase()), start, tags };
}

const rowsAt = (rows: Int16Array, i: number) => [...rows.subarray(i * DOCUMENT_FEATURES, (i + 1) * DOCUMENT_FEATURES)];

test("capitalised words get the first pass's view of the word's other occurrences; lowercase words none", () => {
  // the full name tagged PER, the surname alone ORG
  const [rows] = documentFeatures([part('Gianluigi Lentini signed. Lentini scored.', { 0: 'B-PER', 1: 'I-PER', 4: 'B-ORG' })]);
  for (const i of [2, 5]) assert.deepEqual(rowsAt(rows!, i), [-1, -1, -1, -1]); // "signed", "scored"
  const once = rowsAt(rows!, 0); // "Gianluigi": met once
  const full = rowsAt(rows!, 1); // the other "Lentini" is a one-word organisation
  const surname = rowsAt(rows!, 4); // the other "Lentini" ends a person's name
  for (const r of [...once, ...full, ...surname]) assert.ok(r >= 0 && r < DOCUMENT_ROWS);
  assert.notDeepEqual(surname, full);
  assert.notDeepEqual(once, full);
  assert.notDeepEqual(once, surname);
});

test('names compare lowercased across the parts of a group', () => {
  const [, seen] = documentFeatures([part('ROTOR won.', { 0: 'B-ORG' }), part('Rotor lost.', {})]);
  const [, unseen] = documentFeatures([part('MOTOR won.', { 0: 'B-ORG' }), part('Rotor lost.', {})]);
  assert.notDeepEqual(rowsAt(seen!, 0), rowsAt(unseen!, 0));
});
