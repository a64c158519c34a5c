import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { frontMatter } from './front-matter.js';

const ARTICLE = `---
title: "Le pont de Lunel a cédé"
site_name: Le Courrier
authors:
  - Jeanne Roux
  - name: Paul Marin
publishDate: 2024-03-02T08:00:00+01:00
tags: [pont, Lunel]
---

Le pont de Lunel a cédé dans la nuit de lundi à mardi, a indiqué la préfecture, qui ne signale aucun blessé.
`;

test('a Markdown front matter gives the metadata and is no part of the article (newcomer trial)', () => {
  const a = analyze({ text: ARTICLE, path: 'pont.md' });
  assert.equal(a.meta.title, 'Le pont de Lunel a cédé');
  assert.equal(a.meta.outlet, 'Le Courrier');
  assert.deepEqual(a.meta.authors, ['Jeanne Roux', 'Paul Marin']);
  assert.equal(a.meta.published, '2024-03-02');
  assert.ok(a.text.startsWith('Le pont de Lunel a cédé dans la nuit'), a.text);
  assert.ok(!a.text.includes('tags'));
  assert.ok((a.meta.evidence ?? []).some((e) => e.field === 'outlet' && e.rule === 'front matter' && e.text === 'site_name: Le Courrier'));
});

test('no front matter: a rule line that does not open the file, YAML that is not a mapping, one never closed', () => {
  assert.equal(frontMatter('Texte.\n---\ntitle: x\n---\n'), null);
  assert.equal(frontMatter('---\n- a\n- b\n---\nTexte.'), null);
  assert.equal(frontMatter('---\ntitle: x\nTexte sans fin.'), null);
  assert.equal(frontMatter('---\ntitle: "x\n---\nTexte.'), null, 'unparsable YAML');
});

test('a front-matter date that names no day declares nothing (2018-13-45)', () => {
  const a = analyze({ text: ARTICLE.replace('2024-03-02T08:00:00+01:00', '2024-13-45'), path: 'pont.md' });
  assert.equal(a.meta.published, null);
});
