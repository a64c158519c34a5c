import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metaEvidence, provenanceOf } from './meta-evidence.js';
import type { Meta } from '../doc/schema.js';
import { analyze } from '../pipeline/analyze.js';

const meta = (evidence: Meta['evidence']): Meta => ({ title: 'T', outlet: 'O', origin: [], authors: ['A'], published: '2024-01-02', language: 'fr', evidence });

test('a value read from JSON-LD or <meta> is declared; one read from the URL or a date line is a guess', () => {
  const ev = metaEvidence(
    meta([
      { field: 'title', rule: 'json-ld headline', text: 'T' },
      { field: 'outlet', rule: 'url host', text: 'https://x.example/a' },
      { field: 'published', rule: 'date line', text: 'Paris, 2 janvier 2024' },
      { field: 'author', rule: 'meta author', text: 'A' },
    ]),
  );
  assert.equal(provenanceOf(ev, 'title'), 'declared');
  assert.equal(provenanceOf(ev, 'outlet'), 'guessed');
  assert.equal(provenanceOf(ev, 'published'), 'guessed');
  assert.equal(provenanceOf(ev, 'authors'), 'declared', '"author" evidence is the "authors" field');
  assert.deepEqual(ev.get('published')!.lines, [{ rule: 'date line', text: 'Paris, 2 janvier 2024' }]);
});

test('one guessed line makes the field a guess; no evidence at all is unrecorded', () => {
  const ev = metaEvidence(
    meta([
      { field: 'author', rule: 'json-ld author', text: 'A' },
      { field: 'author', rule: 'by-line in the text', text: 'B' },
    ]),
  );
  assert.equal(provenanceOf(ev, 'authors'), 'guessed');
  assert.equal(provenanceOf(ev, 'title'), 'unrecorded');
  assert.equal(provenanceOf(metaEvidence(meta(undefined)), 'published'), 'unrecorded');
});

test('values a Markdown file declares in its front matter are declared (newcomer trial: shown as guessed)', () => {
  const text = '---\ntitle: Le pont a cédé\nsite_name: Le Courrier\nauthor: Jeanne Roux\ndate: 2024-03-02\n---\n\nLe pont a cédé, a indiqué la préfecture.\n';
  const ev = metaEvidence(analyze({ text, path: 'pont.md' }).meta);
  for (const field of ['title', 'outlet', 'authors', 'published']) assert.equal(provenanceOf(ev, field), 'declared', field);
});
