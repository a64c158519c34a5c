// The text/Markdown cleaner and text metadata on small hand-written pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const fixture = (name: string) => join(PACKAGE_ROOT, 'test', 'fixtures', name);
const load = (name: string) => {
  const path = fixture(name);
  const source = readFileSync(path, 'utf8');
  return { source, doc: analyzeDoc({ text: source, path }) };
};
const reasonOf = (doc: ReturnType<typeof analyzeDoc>, needle: string) => doc.removed.find((r) => r.text.includes(needle))?.reason;

test('French scraped Markdown: body kept from first to last paragraph, furniture removed with reasons', () => {
  const { doc } = load('scraped-fr.md');
  assert.ok(doc.text.startsWith('Le conseil municipal a voté mardi soir'));
  assert.ok(doc.text.endsWith('sans obtenir gain de cause.'));
  assert.equal(reasonOf(doc, 'Chargement'), 'page chrome');
  assert.equal(reasonOf(doc, 'Site icon'), 'page chrome');
  assert.equal(reasonOf(doc, 'Jeudi, 28 Mars 2024'), 'crawl date');
  assert.equal(reasonOf(doc, 'pont-du-port-renovation-vote'), 'slug');
  assert.equal(reasonOf(doc, 'Photo : Jean Martin'), 'caption');
  assert.equal(reasonOf(doc, 'Partager Facebook'), 'share');
  assert.equal(reasonOf(doc, 'Source : Ouest-Exemple'), 'origin');
  assert.equal(reasonOf(doc, 'Paul Durand'), 'signature');
  assert.equal(reasonOf(doc, "n'engagent que"), 'disclaimer');
  assert.equal(reasonOf(doc, 'Quitter la version mobile'), 'page chrome');
  for (const r of doc.removed) assert.ok(!doc.text.includes(r.text), `removed text still in body: ${r.text}`);
});

test('French scraped Markdown: metadata with evidence, never the crawl date', () => {
  const { doc } = load('scraped-fr.md');
  const m = doc.meta;
  assert.equal(m.title, 'Le conseil municipal vote la rénovation du port');
  assert.deepEqual(m.authors, ['Jeanne Dupont', 'Marc Leroy']);
  assert.equal(m.published, '2024-03-22');
  assert.equal(m.outlet, "La Gazette d'exemple");
  assert.deepEqual(m.origin, ['Ouest-Exemple']);
  assert.equal(m.language, 'fr');
  const fields = new Set(m.evidence?.map((e) => e.field));
  for (const f of ['title', 'authors', 'published', 'outlet', 'origin']) assert.ok(fields.has(f), `no evidence for ${f}`);
  assert.equal(m.evidence?.find((e) => e.field === 'published')?.text, "La Gazette d'exemple, vendredi 22 mars 2024");
});

test('a sentence broken by a blank line is joined; Markdown links become spans mapped to the input', () => {
  const { doc, source } = load('scraped-fr.md');
  assert.ok(doc.text.includes("que les quais n'avaient pas été entretenus"));
  assert.equal(doc.links.length, 1);
  const link = doc.links[0]!;
  assert.equal(link.text, 'le rapport de la mairie');
  assert.equal(link.href, 'https://mairie.example.fr/rapport.pdf');
  assert.equal(doc.text.slice(link.start, link.end), link.text);
  const at = doc.map.toInput(link.start);
  assert.equal(source.slice(at, at + link.text.length), link.text);
  // Every body paragraph maps back to where it is in the input.
  for (const para of doc.text.split('\n\n')) {
    const start = doc.text.indexOf(para);
    const inp = doc.map.toInput(start);
    assert.equal(source.slice(inp, inp + 20), para.slice(0, 20));
  }
});

test('English scraped text: by-line, date line, wire credit as origin, newsletter and copyright removed', () => {
  const { doc } = load('scraped-en.txt');
  assert.equal(doc.meta.language, 'en');
  assert.equal(doc.meta.title, 'Harbour council approves dredging plan');
  assert.deepEqual(doc.meta.authors, ['John Smith']);
  assert.equal(doc.meta.published, '2019-11-19');
  assert.deepEqual(doc.meta.origin, ['Reuters']);
  assert.equal(reasonOf(doc, 'Sign up'), 'newsletter');
  assert.equal(reasonOf(doc, 'All rights reserved'), 'copyright');
  assert.equal(reasonOf(doc, 'Skip to main content'), 'page chrome');
  assert.ok(doc.text.startsWith('LONDON (Reuters)'));
});

test('a weekday, day and month without a year is resolved against the other dates of the text', () => {
  const text =
    "Vendredi, 22 Déc. - 21h15\n\nLe maire a annoncé hier soir la fermeture du pont pour des travaux qui dureront jusqu'au 15 janvier 2018, a-t-il précisé devant le conseil.\n\nLes riverains devront emprunter la déviation par le nord de la ville pendant toute la durée du chantier.";
  assert.equal(analyzeDoc({ text, path: 'x.txt' }).meta.published, '2017-12-22');
});

test('no date line, no published date (never today, never a date from the body of a text)', () => {
  const text =
    'Titre de la dépêche\n\nLe 19 décembre, le ministre a annoncé une réforme qui entrera en vigueur le 1er janvier 2025, a-t-il indiqué lors de la conférence de presse.\n\nLes syndicats ont aussitôt appelé à la grève pour protester contre cette réforme jugée injuste.';
  assert.equal(analyzeDoc({ text, path: 'x.txt' }).meta.published, null);
});

test('--raw keeps the text exactly as decoded', () => {
  const { source } = load('scraped-fr.md');
  const doc = analyzeDoc({ text: source, path: 'x.md' }, { raw: true });
  assert.equal(doc.text, source);
  assert.equal(doc.removed.length, 0);
  assert.equal(doc.meta.title, null);
});

test('hostile Markdown (long runs of brackets and stars) is handled without blowing up', () => {
  const text = `${'['.repeat(50_000)}](${'*'.repeat(50_000)}\n\n${'a '.repeat(20_000)}`;
  const doc = analyzeDoc({ text, path: 'x.md' });
  assert.ok(doc.text.length > 0);
});

test('character references left by html2text are read as characters; a bare "&" is prose; offsets point into the input', () => {
  const source = [
    '****** L&#x27;enquête d&#x27;une commission sur AT&amp;T ******',
    '',
    'Par Jeanne Dupont',
    '',
    'La commission a publi&eacute; mardi son rapport sur AT&T et R&D&nbsp;: elle juge que l&#39;opérateur a manqué à ses obligations envers les abonnés &#8230;',
    '',
    'Les syndicats ont aussitôt réagi, estimant que le rapport &laquo;&#xA0;confirme leurs craintes&#xA0;&raquo; et que le régulateur doit agir.',
  ].join('\n');
  const doc = analyzeDoc({ text: source, path: 'x.txt' });
  assert.equal(doc.meta.title, "L'enquête d'une commission sur AT&T");
  assert.ok(doc.text.includes("publié mardi son rapport sur AT&T et R&D\u00a0: elle juge que l'opérateur"), doc.text);
  assert.ok(doc.text.includes('abonnés …'));
  assert.ok(doc.text.includes('«\u00a0confirme leurs craintes\u00a0»'));
  assert.ok(!/&[#a-z]/i.test(doc.text.replace(/AT&T|R&D/g, '')), doc.text);
  // The input is not rewritten: a decoded character maps to its reference, the text after it to the input after it.
  const e = doc.text.indexOf('é mardi');
  assert.equal(source.slice(doc.map.toInput(e), doc.map.toInput(e) + 8), '&eacute;');
  const at = doc.map.toInput(e + 1);
  assert.equal(source.slice(at, at + 6), ' mardi');
  // Unknown names, numbers of no character and references in a text where "&" is prose stay as they are.
  const prose = analyzeDoc({
    text: 'Procter&Gamble; et AT&T signent.\n\nLe code &#0; et &foo; restent tels quels dans ce texte de démonstration.',
    path: 'y.txt',
  });
  assert.ok(prose.text.includes('Procter&Gamble; et AT&T signent.'), prose.text);
  assert.ok(prose.text.includes('&#0; et &foo;'), prose.text);
});
