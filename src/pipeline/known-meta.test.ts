// Metadata declared with an input is trusted only when it makes sense: a declared publication date that names no
// day is dropped with a note (JSONL « "published": "2018-13-45" » was copied into meta.published as is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './analyze.js';

const TEXT = 'Le maire a annoncé la fermeture du pont, a indiqué la préfecture.';

test('a declared day that exists is kept', () => {
  assert.equal(analyze({ text: TEXT, known: { published: '2024-02-29' } }, { raw: true }).meta.published, '2024-02-29');
});

test('a declared date that names no day is dropped, with a note saying so', () => {
  for (const published of ['2018-13-45', '2023-02-29', 'yesterday']) {
    const a = analyze({ text: TEXT, known: { published } }, { raw: true });
    assert.equal(a.meta.published, null, published);
    const note = (a.notes ?? []).find((n) => n.rule === 'known-meta');
    assert.ok(note?.message.includes(`"${published}"`), `${published}: ${JSON.stringify(a.notes)}`);
  }
});
