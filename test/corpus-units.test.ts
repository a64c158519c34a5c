// Unit tests of the corpus building blocks: words and stems, query parsing,
// MinHash, candidate claims, source keys, peaks, row export, .jsonl.gz input,
// the claim table, snippets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { indexStems, wordTools, words } from '../src/lang/stems.js';
import { BANDS, lshBuckets, minhash, similarity } from '../src/corpus/minhash.js';
import { claimRows, numbersIn } from '../src/corpus/claim-features.js';
import { analyze } from '../src/pipeline/analyze.js';
import { sourceKey } from '../src/corpus/independence.js';
import { peaks } from '../src/corpus/narratives.js';
import { writeRows } from '../src/corpus/export.js';
import { csvCell } from '../src/present/csv.js';
import { claimTable, keysOf } from '../src/corpus/claim-table.js';
import { parseQuery, snippet } from '../src/corpus/search-query.js';
import { expandInputs } from '../src/ingest/inputs.js';
import { article } from './helpers/corpus-analyses.js';

/** The stems of `text` as a query sees them. */
function stemText(text: string, language: string): string {
  const tools = wordTools(language);
  return [...words(text)].map((w) => tools.stem(w.word)).join(' ');
}

test('stems fold French inflection and accents; elided articles split off', () => {
  const [a, b, c] = ['Livrées', 'livrés', 'LIVRE'].map((w) => stemText(w, 'fr'));
  assert.equal(a, b);
  assert.equal(stemText('États-Unis', 'fr'), stemText('etats-unis', 'fr'));
  assert.equal(stemText('missiles', 'fr'), stemText('missile', 'fr'));
  // The index also holds the unaccented spelling's stem, so accentless queries match.
  for (const [query, text] of [
    ['elysee', 'Élysée'],
    ['deputes', 'députés'],
    ['etats-unis', 'États-Unis'],
  ]) {
    assert.ok(indexStems(text!, 'fr').split(' ').includes(stemText(query!, 'fr')), `${query} → ${text}`);
  }
  assert.notEqual(a, stemText('armes', 'fr'));
  assert.ok(c);
  assert.deepEqual(
    [...words("l'armée d’Irak")].map((w) => w.word),
    ['l', 'armée', 'd', 'irak'],
  );
});

test('queries: words are stemmed, quoted phrases kept in order', () => {
  const q = parseQuery('missiles "État islamique" livrées', 'fr');
  assert.deepEqual(q.phrases, [['etat', 'islamique']]);
  assert.deepEqual(q.stems, [stemText('missiles', 'fr'), stemText('livrées', 'fr')]);
  assert.deepEqual(parseQuery('" ', 'fr'), { stems: [], phrases: [] });
});

test('MinHash: copies are similar, unrelated texts are not, buckets follow the signature', () => {
  const base =
    'Le conseil municipal a voté hier soir le budget de la ville pour l’année prochaine, avec une hausse des impôts locaux de trois pour cent et de nouvelles pistes cyclables.';
  const copy = base + ' Article repris avec autorisation.';
  const other =
    'La finale de la coupe a été remportée par une équipe de deuxième division devant un stade comble, une première depuis vingt ans dans la compétition.';
  assert.equal(similarity(minhash(base), minhash(base)), 1);
  assert.ok(similarity(minhash(base), minhash(copy)) >= 0.6);
  assert.ok(similarity(minhash(base), minhash(other)) < 0.1);
  assert.equal(lshBuckets(minhash(base)).length, BANDS);
  assert.deepEqual(lshBuckets(minhash(base)), lshBuckets(minhash(base)));
  assert.ok(lshBuckets(minhash(base)).every(Number.isSafeInteger));
});

test('numbers: thousands groups and decimal commas normalised', () => {
  assert.deepEqual(numbersIn('plus de 9 000 hommes, 3,5 % et 155mm en 2016'), ['9000', '3.5', '155', '2016']);
});

test('candidate claims when the claims layer is empty: sentences with an entity or a number', () => {
  const a = article({
    outlet: 'Test',
    published: '2020-01-01',
    text: 'Il pleuvait ce matin-là. Selon la préfecture, 40 personnes ont été évacuées à Lyon. Le calme est revenu.',
    entities: [{ text: 'Lyon', type: 'LOC', key: 'lyon' }],
    attributions: [{ cue: 'Selon', source: 'la préfecture', kind: 'according', content: '40 personnes ont été évacuées à Lyon' }],
  });
  const rows = claimRows(a);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.candidate, true);
  assert.deepEqual(rows[0]!.entityKeys, ['lyon']);
  assert.deepEqual(rows[0]!.numbers, ['40']);
  assert.equal(rows[0]!.speaker, 'la préfecture');
  // No entity layer either: capitalised names not opening a sentence stand in.
  const bare = article({ outlet: 'Test', published: '2020-01-01', text: 'Le maire de Villeneuve, Paul Durand, a inauguré le pont. Il pleut.' });
  assert.deepEqual(
    claimRows(bare).map((r) => r.entityKeys),
    [['paul durand', 'villeneuve']],
  );
});

test('a person named by surname alone after the full name is that person, not a content word (« Blanquer "choqué" »)', () => {
  const a = analyze(
    {
      text: 'Jean-Michel Blanquer a visité lundi le lycée de Mantes-la-Jolie.\n\nBlanquer "choqué" mais rappelle "le contexte"\n\nLes blanquer du pays.',
      known: { language: 'fr' },
    },
    { raw: true },
  );
  const shocked = claimRows(a).find((r) => r.text.startsWith('Blanquer'));
  assert.ok(shocked, JSON.stringify(claimRows(a)));
  assert.ok(shocked.entityKeys.includes('per:jean-michel-blanquer'), JSON.stringify(shocked));
  assert.ok(!shocked.predicate.some((s) => s.startsWith('blanqu')), JSON.stringify(shocked));
  // Two people of one surname: the surname alone names neither.
  const two = analyze(
    {
      text: 'Jean Dupont et Marie Dupont ont visité lundi le lycée de Mantes-la-Jolie.\n\nDupont "choqué" mais rappelle "le contexte"',
      known: { language: 'fr' },
    },
    { raw: true },
  );
  const alone = claimRows(two).find((r) => r.text.startsWith('Dupont'));
  assert.ok(alone && !alone.entityKeys.some((k) => k.includes('dupont')), JSON.stringify(alone));
});

test('a candidate sentence framing a quotation stands in by the quoted words, with their speaker', () => {
  // The quotation ends before the sentence's middle: the speaker must still be found, and the cue left out.
  const a = article({
    outlet: 'Test',
    published: '2020-01-01',
    text: "« Nous fermerons l'usine de Lunel en juin », a déclaré mardi à l'agence le directeur général du groupe Valcor, Jean Portal.",
    entities: [{ text: 'Lunel', type: 'LOC', key: 'lunel' }],
    attributions: [{ cue: 'a déclaré', source: 'Jean Portal', kind: 'direct', content: "Nous fermerons l'usine de Lunel en juin" }],
  });
  const [row] = claimRows(a);
  assert.equal(row!.candidate, true);
  assert.equal(row!.text, "Nous fermerons l'usine de Lunel en juin");
  assert.equal(row!.speaker, 'Jean Portal');
});

test('claims from the claims layer keep their attribution chain (outermost first)', () => {
  const a = article({
    outlet: 'Test',
    published: '2020-01-01',
    text: "Selon InfoWars, les médias iraniens avaient affirmé que l'armée avait largué des armes.",
    attributions: [
      { cue: 'Selon', source: 'InfoWars', kind: 'according', content: "les médias iraniens avaient affirmé que l'armée avait largué des armes" },
      { cue: 'avaient affirmé', source: 'les médias iraniens', anonymous: true, content: "l'armée avait largué des armes", parent: 0 },
    ],
    claims: [{ text: "l'armée avait largué des armes", attribution: 1 }],
  });
  const [c] = claimRows(a);
  assert.equal(c!.candidate, false);
  assert.equal(c!.speaker, 'les médias iraniens');
  assert.equal(c!.anonymous, true);
  assert.deepEqual(c!.via, ['InfoWars']);
});

test('source keys: the name, not the description around it', () => {
  assert.equal(sourceKey('la TV pan-arabe Al Mayadeen'), 'al mayadeen');
  assert.equal(sourceKey("L'agence de presse Asia News"), 'asia news');
  assert.equal(sourceKey('InfoWars'), 'infowars');
  assert.equal(sourceKey('le site d’information al-Ahad'), 'le site d’information al-ahad');
});

test('peaks: local maxima of two documents or more reaching half the highest day', () => {
  const t = [
    { date: '2020-01-01', documents: 1 },
    { date: '2020-01-02', documents: 6 },
    { date: '2020-01-03', documents: 2 },
    { date: '2020-01-10', documents: 3 },
    { date: '2020-01-20', documents: 1 },
  ];
  assert.deepEqual(peaks(t), [
    { date: '2020-01-02', documents: 6 },
    { date: '2020-01-10', documents: 3 },
  ]);
});

async function render(rows: object[], format: 'jsonl' | 'csv' | 'json'): Promise<string> {
  const out = new PassThrough();
  let s = '';
  out.on('data', (c) => (s += c));
  await writeRows(rows, format, out);
  return s;
}

test('row export: CSV quoting, JSON arrays, JSONL lines', async () => {
  assert.equal(csvCell('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvCell(['x', 1]), '"[""x"",1]"');
  assert.equal(csvCell(null), '');
  const rows = [
    { id: 'a', n: 1, tags: ['x'] },
    { id: 'b', n: 2, tags: [] },
  ];
  assert.equal(await render(rows, 'csv'), 'id,n,tags\r\na,1,"[""x""]"\r\nb,2,[]\r\n');
  assert.deepEqual(JSON.parse(await render(rows, 'json')), rows);
  assert.deepEqual(JSON.parse(await render([], 'json')), []);
  assert.deepEqual(
    (await render(rows, 'jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    rows,
  );
});

test('.jsonl.gz inputs are decompressed as a stream', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-gz-'));
  const path = join(dir, 'articles.jsonl.gz');
  writeFileSync(path, gzipSync('{"text":"Premier article.","title":"Un"}\n{"text":"Second article."}\n'));
  const items = [];
  for await (const item of expandInputs([dir], async () => new Uint8Array())) items.push(item);
  assert.deepEqual(
    items.map((i) => (i.kind === 'record' ? [i.line, i.text] : i.kind)),
    [
      [1, 'Premier article.'],
      [2, 'Second article.'],
    ],
  );
});

test('a gzip-compressed page in a directory is read as the page it holds; a broken one is its own error (newcomer trial)', async () => {
  const { analyzeItem } = await import('../src/ingest/analyze-items.js');
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-gz-page-'));
  const page =
    '<html><head><title>Le pont</title></head><body><article><h1>Le pont</h1><p>Le maire a inauguré le pont de la commune mardi matin, a indiqué la mairie.</p></article></body></html>';
  writeFileSync(join(dir, 'page.html.gz'), gzipSync(page));
  writeFileSync(join(dir, 'broken.txt.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
  const items = [];
  for await (const item of expandInputs([dir], async () => new Uint8Array())) items.push(item);
  assert.deepEqual(
    items.map((i) => i.kind),
    ['error', 'bytes'],
  );
  const result = analyzeItem(items[1]!);
  assert.ok(result.ok);
  assert.equal(result.analysis.input.format, 'html');
  assert.match(result.analysis.text, /inauguré le pont/);
});

test('span index: overlaps with nested spans, innermost container, merged cover', async () => {
  const { SpanIndex, mergeSpans } = await import('../src/text/span-index.js');
  const spans = [
    { start: 0, end: 100, id: 'outer' },
    { start: 10, end: 20, id: 'a' },
    { start: 15, end: 18, id: 'nested' },
    { start: 50, end: 60, id: 'b' },
  ];
  const idx = new SpanIndex(spans);
  assert.deepEqual(
    idx
      .overlapping(17, 55)
      .map((s) => s.id)
      .sort(),
    ['a', 'b', 'nested', 'outer'],
  );
  assert.deepEqual(
    idx.overlapping(20, 50).map((s) => s.id),
    ['outer'],
  );
  assert.equal(idx.innermost(16)?.id, 'nested');
  // Starting in [10, 50): not the outer span that only overlaps, not the one starting at 50.
  assert.deepEqual(
    idx.startingIn(10, 50).map((s) => s.id),
    ['a', 'nested'],
  );
  // Ending by 55: 'a' and 'nested' end before it, 'nested' starts last; 'outer' and 'b' run over it.
  assert.equal(idx.lastEndingBy(55)?.id, 'nested');
  assert.equal(idx.lastEndingBy(5), undefined);
  assert.equal(idx.innermost(30)?.id, 'outer');
  assert.equal(idx.innermost(100), undefined);
  // Covered: [12, 19) sits in 'a' and 'outer'; [90, 101) runs past every span; [55, 60) in 'b' and 'outer'.
  const inner = new SpanIndex(spans.slice(1));
  assert.equal(inner.covers(12, 19), true);
  assert.equal(inner.covers(12, 21), false);
  assert.equal(inner.covers(55, 60), true);
  assert.equal(inner.covers(5, 15), false);
  assert.equal(idx.covers(90, 101), false);
  assert.deepEqual(mergeSpans(spans), [{ start: 0, end: 100 }]);
  assert.deepEqual(
    mergeSpans([
      { start: 5, end: 8 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
    ]),
    [
      { start: 1, end: 4 },
      { start: 5, end: 8 },
    ],
  );
});

test('claim table: ids in string order, rows sorted like the keys, rarity weights, years are not facts', async () => {
  const claim = (documentId: string, index: number, entityKeys: string[], numbers: string[], predicate: string[]) => ({
    documentId,
    index,
    published: '2024-03-01',
    language: 'fr',
    entityKeys,
    numbers,
    predicate,
    speakerKey: null,
    proposition: null,
    outlet: null,
    title: false,
  });
  const t = await claimTable([
    claim('d1', 0, ['port-lumiere', 'zoe-arnal'], ['2023', '48'], ['ferm', 'usin']),
    claim('d1', 1, ['zoe-arnal'], [], ['annonc']),
    claim('d2', 0, ['port-lumiere', 'vallee-grise'], ['48'], ['ferm']),
  ]);
  assert.equal(t.count, 3);
  assert.deepEqual(t.documentIds, ['d1', 'd2']);
  assert.deepEqual([...t.document], [0, 0, 1]);
  assert.deepEqual(t.entities.names, ['port-lumiere', 'vallee-grise', 'zoe-arnal']);
  assert.deepEqual(keysOf(t.entities, 0), ['port-lumiere', 'zoe-arnal']);
  assert.deepEqual(keysOf(t.entities, 2), ['port-lumiere', 'vallee-grise']);
  assert.deepEqual(keysOf(t.facts, 0), ['48']);
  assert.deepEqual(keysOf(t.facts, 1), []);
  // Held by 2 claims of 3: log(1 + 3/2); by 1: log(1 + 3).
  assert.equal(t.entities.weight[0], Math.log(1 + 3 / 2));
  assert.equal(t.entities.weight[1], Math.log(4));
});

test('snippets: around the first match; the opening when nothing is asked for', () => {
  const text = 'Le conseil municipal a voté hier. La nouvelle piscine ouvrira en juin selon la mairie.';
  assert.match(snippet(text, parseQuery('piscines', 'fr'), 'fr', 40), /piscine/);
  assert.equal(snippet(text, parseQuery('', 'fr'), 'fr', 20), 'Le conseil municipal…');
});
