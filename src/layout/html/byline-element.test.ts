// Author metadata of invented HTML pages: JSON-LD, <meta>, by-line elements,
// label/value credits and by-lines in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../../pipeline/analyze.js';

const LEAD =
  '<p>Le conseil départemental a voté mardi soir le budget des collèges, en hausse de quatre pour cent sur un an.</p><p>Les élus de l’opposition ont réclamé une rallonge pour la rénovation thermique des bâtiments les plus anciens.</p><p>Le vote définitif aura lieu au printemps, après une concertation avec les équipes éducatives.</p>';

function authorsOf(head: string, body: string, url = 'https://www.gazette-exemple.fr/education/budget-colleges'): string[] {
  const html = `<!DOCTYPE html><html lang="fr"><head><title>Budget des collèges en hausse</title>${head}</head><body>${body}</body></html>`;
  return analyzeDoc({ bytes: Buffer.from(html), path: 'page.html', known: { url } }).meta.authors;
}

const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

test('html authors: JSON-LD persons, in an array or referenced by @id from a @graph', () => {
  const arr = ld({
    '@type': 'NewsArticle',
    headline: 'Budget des collèges en hausse',
    author: [
      { '@type': 'Person', name: 'Aline Brun' },
      { '@type': 'Person', name: 'Karim Saïdi' },
    ],
  });
  assert.deepEqual(authorsOf(arr, `<article><h1>Budget des collèges en hausse</h1>${LEAD}</article>`), ['Aline Brun', 'Karim Saïdi']);
  const graph = ld({
    '@graph': [
      { '@type': 'NewsArticle', author: { '@id': '#p1' } },
      { '@type': 'Person', '@id': '#p1', name: 'Odile Ferrand' },
    ],
  });
  assert.deepEqual(authorsOf(graph, `<article><h1>Budget des collèges en hausse</h1>${LEAD}</article>`), ['Odile Ferrand']);
});

test('html authors: an outlet or URL given as author falls through to the by-line element', () => {
  const head = `<meta name="author" content="Gazette Exemple"><meta property="article:author" content="https://www.facebook.com/gazette">`;
  const body = `<article><h1>Budget des collèges en hausse</h1><div class="article__byline">Par <a href="/auteurs/pb">Pauline Berthier</a>, journaliste <time>12 mars 2024</time></div>${LEAD}</article>`;
  assert.deepEqual(authorsOf(head, body), ['Pauline Berthier']);
});

test('html authors: the by-line after the heading, not the author of a comment or of a teaser', () => {
  const body = `<article><h1>Budget des collèges en hausse</h1><p class="signature">Par Gilles Texier</p>${LEAD}
    <section class="comments"><div class="comment-author">Lecteur Anonyme</div><p>Enfin une bonne nouvelle pour nos enfants et leurs professeurs.</p></section></article>
    <aside class="related"><span class="author">Par Maud Lenoir</span></aside>`;
  assert.deepEqual(authorsOf('', body), ['Gilles Texier']);
});

test('html authors: a by-line element naming a co-author missing from JSON-LD wins', () => {
  const head = ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Aline Brun' } });
  const body = `<article><h1>Budget des collèges en hausse</h1><address class="authorsign">Aline Brun et Hervé Costes</address>${LEAD}</article>`;
  assert.deepEqual(authorsOf(head, body), ['Aline Brun', 'Hervé Costes']);
});

test('html authors: a <dt>Auteur</dt><dd>…</dd> credit, and itemprop="author" with a nested name', () => {
  const dl = `<article><h1>Budget des collèges en hausse</h1><dl><dt>Rubrique</dt><dd>Éducation</dd><dt>Auteur</dt><dd><a href="/equipe/ns">Noé Sarrazin</a></dd></dl>${LEAD}</article>`;
  assert.deepEqual(authorsOf('', dl), ['Noé Sarrazin']);
  const micro = `<article><h1>Budget des collèges en hausse</h1><div itemprop="author" itemscope><span itemprop="name">Sacha Morin</span></div>${LEAD}</article>`;
  assert.deepEqual(authorsOf('', micro), ['Sacha Morin']);
});

test('html authors: the outlet signing with an agency leaves the agency; an outlet alone leaves nobody', () => {
  const head = `<meta property="og:site_name" content="Gazette Exemple">`;
  const withAgency = ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Gazette Exemple avec AFP' } });
  assert.deepEqual(authorsOf(head + withAgency, `<article><h1>Budget des collèges en hausse</h1>${LEAD}</article>`), ['AFP']);
  const alone = ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Gazette Exemple' } });
  assert.deepEqual(authorsOf(head + alone, `<article><h1>Budget des collèges en hausse</h1>${LEAD}</article>`), []);
});

test('html authors: a "Propos recueillis par" line closing the article', () => {
  const body = `<article><h1>Budget des collèges en hausse</h1>${LEAD}<p>Propos recueillis par Jules Perrin</p></article>`;
  assert.deepEqual(authorsOf('', body), ['Jules Perrin']);
});

test('html authors: English by-lines', () => {
  const body = `<article><h1>School budget rises</h1><p class="byline">By <span>Ruth Okafor</span><span>Staff Writer</span> Nov. 19, 2019</p><p>The county board approved on Tuesday a four percent rise in the budget of its middle schools, after a long debate.</p><p>Opposition members asked for more money to insulate the oldest buildings before next winter.</p></article>`;
  assert.deepEqual(authorsOf('', body, 'https://news.example.com/schools'), ['Ruth Okafor']);
});
