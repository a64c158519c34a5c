// A French translation and its English original (texts written for recoupe, test/fixtures/translation/): the
// translation notice gives meta.origin and meta.translatedFrom, and the citation graph links the two articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../src/pipeline/analyze.js';
import { buildGraph } from '../src/corpus/graph.js';
import { claimRows, isTitleClaim } from '../src/corpus/claim-features.js';
import { claimTable } from '../src/corpus/claim-table.js';
import { matchClaims } from '../src/corpus/claim-groups.js';
import type { DocumentRow } from '../src/corpus/store.js';
import type { Analysis } from '../src/doc/schema.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/translation/${name}`, import.meta.url), 'utf8');

async function* each<T>(xs: T[]): AsyncGenerator<T> {
  yield* xs;
}

function row(a: Analysis, outlet: string, published: string): DocumentRow {
  const m = a.meta;
  return {
    id: a.id,
    inputPath: null,
    inputLine: null,
    format: 'text',
    title: m.title,
    outlet,
    published,
    language: m.language,
    url: null,
    authors: m.authors,
    origin: m.origin,
    wordCount: 0,
    addedAt: published,
  };
}

test('translation notices: « Traduit de l’anglais », « Source : Anti-Media », "Translated from the French", "originally published by"', () => {
  const fr = analyze(fixture('traduction-fr.txt'));
  assert.equal(fr.meta.language, 'fr');
  assert.deepEqual(fr.meta.origin, ['Anti-Media']);
  assert.equal(fr.meta.translatedFrom, 'en');
  assert.ok(fr.removed.some((r) => r.text.startsWith('Traduit de l')));
  assert.ok(!fr.text.includes('Traduit de'));
  const en = analyze(
    'The council voted the budget on Monday.\n\nThe mayor said taxes would rise.\n\nTranslated from the French by John Smith.\n\nOriginally published by Le Monde.',
  );
  assert.deepEqual(en.meta.origin, ['Le Monde']);
  assert.equal(en.meta.translatedFrom, 'fr');
  const plain = analyze(fixture('anti-media-en.txt'));
  assert.deepEqual(plain.meta.origin, []);
  assert.equal(plain.meta.translatedFrom ?? null, null);
  assert.deepEqual(analyze('Le conseil a voté le budget.\n\nArticle original publié sur The Guardian.').meta.origin, ['The Guardian']);
});

test('graph: the French translation is linked to the English article of the outlet it names', async () => {
  const en = analyze(fixture('anti-media-en.txt'));
  const fr = analyze(fixture('traduction-fr.txt'));
  const g = await buildGraph({
    documents: each([row(en, 'Anti-Media', '2026-03-10'), row(fr, 'Le Réveil', '2026-03-12')]),
    attributions: each([]),
    media: each([]),
    nearDuplicates: each([]),
  });
  const articles = g.nodes.filter((n) => n.kind === 'article');
  assert.equal(articles.length, 2);
  const link = g.edges.find((e) => e.source.startsWith('article:') && e.target.startsWith('article:'));
  assert.equal(link?.kind, 'translates');
  assert.ok(articles.find((n) => n.id === link!.target)!.label.includes('(Anti-Media)'));
  // The outlets are linked as before.
  assert.ok(g.edges.some((e) => e.kind === 'translates' && e.source.startsWith('outlet:') && e.target.startsWith('outlet:')));
  // An original published after the copy is not its source.
  const late = await buildGraph({
    documents: each([row(en, 'Anti-Media', '2026-03-20'), row(fr, 'Le Réveil', '2026-03-12')]),
    attributions: each([]),
    media: each([]),
    nearDuplicates: each([]),
  });
  assert.equal(late.nodes.filter((n) => n.kind === 'article').length, 0);
});

test('claims: the English original and its French translation group on « détruit trois fermes en mars » and « 40 familles »', async () => {
  const en = analyze(fixture('anti-media-en.txt'));
  const fr = analyze(fixture('traduction-fr.txt'));
  const rows = [
    ...claimRows(en).map((c) => ({ ...c, published: '2026-03-10', language: en.meta.language, outlet: null, title: isTitleClaim(c) })),
    ...claimRows(fr).map((c) => ({ ...c, published: '2026-03-12', language: fr.meta.language, outlet: null, title: isTitleClaim(c) })),
  ];
  const groups = matchClaims(await claimTable(rows));
  const grouped = (enText: string, frText: string) =>
    groups.some((g) => g.claims.some((c) => rows[c]!.text.includes(enText)) && g.claims.some((c) => rows[c]!.text.includes(frText)));
  // "three farms" is 3 farms as « trois fermes » is; "in March" is the month of « en mars ».
  assert.ok(grouped('destroyed three farms', 'détruit trois fermes'));
  assert.ok(grouped('40 families had left', '40 familles ont quitté'));
  // Dates have one key in both languages: "in March" and « en mars » are both the month 03.
  const dates = (a: Analysis) => a.entities.filter((e) => e.type === 'DATE').map((e) => e.key);
  assert.deepEqual(dates(en), dates(fr));
  assert.deepEqual(dates(en), ['date:-W-2', 'date:--03', 'date:--03']);
  // A claim meets no claim of the other figure: the farms stay apart from the families.
  assert.ok(!grouped('destroyed three farms', '40 familles'));
});

test('notices sharing one line (« Traduit de l’anglais par … . Source : X », « Source : X (traduit de l’anglais) »), « Article original en anglais : X »', () => {
  const body =
    "Le Pentagone a reconnu mardi que des armes larguées par avion étaient tombées aux mains de l'organisation État islamique près de Kobané.\n\nUn porte-parole a déclaré que l'armée enquêtait sur l'incident.";
  const notice = (line: string) => {
    const a = analyze(`${body}\n\n${line}`);
    return { origin: a.meta.origin, from: a.meta.translatedFrom ?? null, notice: a.removed.some((r) => r.reason === 'origin' && r.text === line) };
  };
  const both = { origin: ['Anti-Media'], from: 'en', notice: true };
  assert.deepEqual(notice('Traduit de l’anglais par la rédaction. Source : Anti-Media'), both);
  assert.deepEqual(notice("Traduit de l'anglais par Claire Martin – Source : Anti-Media"), both);
  assert.deepEqual(notice("Source : Anti-Media (traduit de l'anglais par Claire Martin)"), both);
  assert.deepEqual(notice("(Traduit de l'anglais)"), { origin: [], from: 'en', notice: true });
  // The credit line of French translating sites names the original's language and its outlet.
  assert.deepEqual(notice('Article original en anglais : Anti-Media'), both);
  assert.deepEqual(notice('Version originale en anglais sur Anti-Media'), both);
  // A "Source" notice whose next word ends with a colon names no outlet with that word.
  assert.deepEqual(notice('Source originale : Anti-Media').origin, ['Anti-Media']);
  // A line with anything besides notices is read whole: a sentence of the text is no notice.
  const prose = 'Le rapport a été publié hier. Source de tensions, il divise la coalition.';
  assert.deepEqual(notice(prose), { origin: [], from: null, notice: false });
});
