// HTML main content and page metadata on a small hand-written page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const path = join(PACKAGE_ROOT, 'test', 'fixtures', 'article.html');
const doc = analyzeDoc({ bytes: readFileSync(path), path });

test('HTML: the article paragraphs, without menu, caption, share bar, related list or footer', () => {
  const paras = doc.text.split('\n\n');
  assert.equal(paras.length, 3, doc.text);
  assert.ok(paras[0]!.startsWith('Le conseil municipal a voté'));
  assert.ok(paras[2]!.endsWith('lors du vote.'));
  for (const junk of ['Accueil', 'Photo : Jean Martin', 'Facebook', 'Les plus lus', 'Tous droits réservés', 'À lire aussi', 'Par Jeanne Dupont']) {
    assert.ok(!doc.text.includes(junk), `${junk} left in the text`);
  }
  assert.ok(doc.removed.some((r) => r.reason === 'caption' && r.text.includes('vu depuis la digue')));
  assert.ok(doc.removed.some((r) => r.reason === 'share'));
});

test('HTML: each paragraph maps back to where it starts in the page source', () => {
  const source = readFileSync(path, 'utf8');
  let start = 0;
  for (const para of doc.text.split('\n\n')) {
    const at = doc.map.toInput(start);
    assert.equal(source.slice(at, at + 15), para.slice(0, 15));
    start += para.length + 2;
  }
});

test('HTML: links in the body are spans with their href', () => {
  const l = doc.links.find((x) => x.text === 'le rapport de la mairie');
  assert.ok(l);
  assert.equal(l.href, 'https://mairie.example.fr/rapport.pdf');
  assert.equal(doc.text.slice(l.start, l.end), l.text);
});

test('HTML: metadata from JSON-LD and Open Graph, each with its evidence', () => {
  const m = doc.meta;
  assert.equal(m.title, 'Le port sera rénové');
  assert.equal(m.outlet, "La Gazette d'exemple");
  assert.deepEqual(m.authors, ['Jeanne Dupont']);
  assert.equal(m.published, '2024-03-22');
  assert.equal(m.language, 'fr');
  assert.equal(m.evidence?.find((e) => e.field === 'published')?.rule, 'json-ld datePublished');
});

test('HTML without metadata tags: the date shown under the heading, not the sidebar one', () => {
  const html = `<html><body><aside class="sidebar"><time datetime="2021-01-05">5 janvier</time></aside>
  <article><h1>Un titre assez long pour être le titre</h1><p class="date">Publié le 3 février 2020</p>
  <p>${'Un paragraphe de texte qui raconte quelque chose. '.repeat(8)}</p></article></body></html>`;
  assert.equal(analyzeDoc({ text: html, format: 'html' }).meta.published, '2020-02-03');
});

test('HTML: a UTC timestamp just after midnight yields to the day the page writes locally', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-08-25T00:23:33Z"}</script>
  <script>var page = {"dateCreated":"2020-08-24"};</script></head><body><article><h1>Titre de la page</h1>
  <p>${'Du texte pour le corps de l’article, assez long pour compter. '.repeat(8)}</p></article></body></html>`;
  assert.equal(analyzeDoc({ text: html, format: 'html' }).meta.published, '2020-08-24');
});

test('HTML nested thousands of elements deep: text still extracted, no stack overflow', () => {
  const html = `<html><body>${'<div>'.repeat(20_000)}${'texte très profond. '.repeat(30)}${'</div>'.repeat(20_000)}</body></html>`;
  const deep = analyzeDoc({ text: html, format: 'html' });
  assert.ok(deep.text.includes('texte très profond.'));
});
