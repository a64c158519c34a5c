import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../pipeline/analyze.js';
import { tokenize } from '../tokens.js';
import { MAX_FEATURES, TRANSITION_FEATURES, prepare, staticFeatures } from './features.js';
import { FEATURE_VERSION, NT, NerModel, featureOptionsOf, loadModel, mixModels, staticFeatureTable } from './model.js';
import { ruleEntities } from './rules.js';
import { documentFeatures } from './document-features.js';
import { spansFromTags, tagsFromSpans } from './spans.js';
import { buildKnowledgeBase } from '../../kb/kb.js';
import { runCli } from '../../../test/helpers/cli.js';

const TEXT =
  'Le président Emmanuel Macron a reçu mardi 3 mars 2020 à Paris le Premier ministre irakien. ' +
  "Selon l'AFP, les jihadistes de l'État islamique (EI) ont quitté Mossoul, que les Américains écrivent Mosul. " +
  'Daech a perdu 8 000 combattants et 3,5 millions de dollars, a indiqué Reuters.';

function entities(text: string) {
  return analyze(text, { raw: true }).entities;
}
const find = (es: ReturnType<typeof entities>, text: string) => es.find((e) => e.text === text);

test('the tagger finds people and places in French text', () => {
  const es = entities(TEXT);
  assert.equal(find(es, 'Emmanuel Macron')?.type, 'PER');
  assert.equal(find(es, 'Paris')?.type, 'LOC');
});

test('aliases of one actor share one key, across spellings and languages', () => {
  const es = entities(TEXT);
  const isKeys = ['État islamique', 'EI', 'Daech'].map((t) => find(es, t)?.key);
  assert.deepEqual(isKeys, ['Q2429253', 'Q2429253', 'Q2429253']);
  assert.equal(find(es, 'Mossoul')?.key, find(es, 'Mosul')?.key);
  assert.match(find(es, 'Mossoul')!.key, /^geonames:/);
});

test('news agencies are media entities; demonyms point to their country', () => {
  const es = entities(TEXT);
  for (const outlet of ['AFP', 'Reuters']) assert.equal(find(es, outlet)?.subtype, 'media', outlet);
  const irakien = find(es, 'irakien');
  assert.equal(irakien?.key, 'iso3166:IQ');
  assert.equal(irakien?.subtype, 'demonym');
  assert.equal(find(es, 'Américains')?.key, 'iso3166:US');
});

test('English text is tagged by the English model', () => {
  const text = 'Prime Minister Theresa May met Angela Merkel in Berlin on Tuesday, the BBC reported.\nThe European Commission said it would respond.';
  const a = analyze(text, { raw: true });
  assert.equal(a.meta.language, 'en');
  assert.equal(loadModel('en')?.header.language, 'en');
  const es = a.entities;
  assert.equal(find(es, 'Theresa May')?.type, 'PER');
  assert.equal(find(es, 'Angela Merkel')?.type, 'PER');
  assert.equal(find(es, 'Berlin')?.type, 'LOC');
  assert.equal(find(es, 'European Commission')?.type, 'ORG');
});

test('keys are shared across languages: ISIS = Daech, Mosul = Mossoul, United States = États-Unis', () => {
  const fr = entities("Selon l'AFP, Daech a perdu Mossoul face aux forces soutenues par les États-Unis.");
  const en = entities('Islamic State fighters lost Mosul to forces backed by the United States, ISIS said, according to Reuters.');
  assert.equal(find(en, 'ISIS')?.key, find(fr, 'Daech')?.key);
  assert.equal(find(en, 'Islamic State')?.key, 'Q2429253');
  assert.equal(find(en, 'Mosul')?.key, find(fr, 'Mossoul')?.key);
  assert.equal(find(en, 'United States')?.key, find(fr, 'États-Unis')?.key);
  assert.equal(find(en, 'Reuters')?.subtype, 'media');
});

test('the West Bank is one place in both languages, never a bank', () => {
  const fr = entities('Des colons se sont installés en Cisjordanie, a indiqué Reuters.');
  const en = entities('Settlers moved into the West Bank, Reuters said.');
  assert.equal(find(en, 'West Bank')?.type, 'LOC');
  assert.equal(find(en, 'West Bank')?.key, find(fr, 'Cisjordanie')?.key);
});

test("a language's person-name lexicon feeds the tagger's gazetteer but names no entity", () => {
  const kb = buildKnowledgeBase('en', undefined);
  const [m] = kb.gazetteer.matches(['met', 'Smith', 'today']);
  assert.equal(kb.entity(m!.entry).subtype, 'lexicon');
  assert.equal(kb.lookup('Smith'), undefined);
  // The places and actors keep the names they share with the lexicon.
  assert.equal(kb.lookup('Paris')?.type, 'LOC');
  assert.equal(buildKnowledgeBase('fr', undefined).gazetteer.matches(['Smith']).length, 0);
});

test('a known actor or place ending a phrase the tagger took whole gets its own mention and key', () => {
  // The tagger reads "la lutte contre Daesh" as one name: the known alias inside must
  // still carry the actor's key, or a search for Daech misses the article.
  // (In quotes, the tagger takes these phrases whole, as it would a title.)
  const text =
    'Le président a cité "la lutte contre Daesh" et "la reconstruction du pays" parmi ses priorités. ' +
    '"Cette guerre contre Daesh, nous ne l\'avons pas finie", affirme le député. ' +
    'Le général parle de "la guerre en Syrie" depuis hier.';
  const es = entities(text);
  const isKey = find(entities('Daech a perdu du terrain.'), 'Daech')?.key;
  assert.equal(isKey, 'Q2429253');
  const daesh = es.filter((e) => e.text === 'Daesh');
  assert.equal(daesh.length, 2, JSON.stringify(es));
  for (const e of daesh) assert.deepEqual([e.type, e.key], ['ORG', isKey]);
  assert.deepEqual([find(es, 'Syrie')?.type, find(es, 'Syrie')?.key], ['LOC', 'iso3166:SY']);
  // The phrase itself is no name, and no mention overlaps another.
  assert.ok(!es.some((e) => /lutte|guerre/.test(e.text)), JSON.stringify(es));
  for (let i = 1; i < es.length; i++) assert.ok(es[i - 1]!.end <= es[i]!.start);
});

test('a capitalised name holding a place after a connector is not cut to the place', () => {
  const es = entities('Le Tour de France partira de Bruxelles cette année.');
  assert.ok(!es.some((e) => e.text === 'France'), JSON.stringify(es));
});

test('a closed-class word opening a sentence is no name alone', () => {
  const es = entities('Personne ne veut en parler à Lyon. Mon voisin est parti. Chacun sait que Jean Dupont viendra.');
  for (const word of ['Personne', 'Mon', 'Chacun']) assert.equal(find(es, word), undefined, JSON.stringify(es));
  assert.equal(find(es, 'Jean Dupont')?.type, 'PER');
});

test('dates and quantities come from the rules', () => {
  const es = entities(TEXT);
  assert.equal(find(es, 'mardi 3 mars 2020')?.type, 'DATE');
  assert.equal(find(es, '8 000 combattants')?.type, 'QUANTITY');
  assert.equal(find(es, '3,5 millions de dollars')?.type, 'QUANTITY');
});

test('rules: a month alone is not a date; a year after a preposition is; a bare number is no quantity', () => {
  const spans = (s: string) => {
    const toks = tokenize(s);
    return ruleEntities(
      toks.map((t) => s.slice(t.start, t.end)),
      toks,
      'fr',
    ).map((r) => [s.slice(toks[r.first]!.start, toks[r.last]!.end), r.type]);
  };
  assert.deepEqual(spans('La planète Mars est loin.'), []);
  assert.deepEqual(spans('Il est arrivé en 2016 avec 20 % des voix.'), [
    ['2016', 'DATE'],
    ['20 %', 'QUANTITY'],
  ]);
  assert.deepEqual(spans("L'article 3 du code."), []);
});

test('an entity never runs over a line break', () => {
  const text = 'Jean\nDupont';
  const toks = tokenize(text);
  const tags = Uint8Array.from([1, 2]); // B-PER I-PER
  assert.equal(spansFromTags(toks, tags).length, 1);
  assert.equal(spansFromTags(toks, tags, text).length, 2);
});

test('gold spans become BIO tags over project tokens and back', () => {
  const text = 'Il vit à Saint-Denis avec Jean Dupont.';
  const toks = tokenize(text);
  const gold = [
    { start: 9, end: 20, type: 'LOC' },
    { start: 26, end: 37, type: 'PER' },
  ];
  const back = spansFromTags(toks, tagsFromSpans(toks, gold)).map((s) => ({ start: s.start, end: s.end, type: s.type }));
  assert.deepEqual(back, gold);
});

test('a model survives serialisation (int16) and tags the same', () => {
  const bits = 10;
  const w = new Float32Array((1 << bits) * NT);
  let seed = 7;
  for (let i = 0; i < w.length; i++) w[i] = ((seed = (seed * 1103515245 + 12345) >>> 0) % 2001) / 1000 - 1;
  const header = { format: 'recoupe-ner' as const, featureVersion: FEATURE_VERSION, language: 'fr', bits, scale: 32767, trainedOn: [] };
  const m = new NerModel(header, w);
  const again = NerModel.parse(m.serialize(), 'test');
  const text = 'Le maire de Lyon, Gérard Collomb, parle.';
  const p = prepare(text, tokenize(text), null);
  assert.deepEqual([...again.tag(p)], [...m.tag(p)]);
});

test('a model with a second pass survives serialisation and mixing, and tags with both tables', () => {
  const bits = 10;
  const random = (seed: number) => Float32Array.from({ length: (1 << bits) * NT }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 2001) / 1000 - 1);
  const header = { format: 'recoupe-ner' as const, featureVersion: FEATURE_VERSION, language: 'fr', bits, scale: 32767, trainedOn: [] };
  const m = new NerModel(header, random(7), new NerModel(header, random(11)));
  const again = NerModel.parse(m.serialize(), 'test');
  assert.ok(again.second);
  const text = 'Le maire de Lyon, Gérard Collomb, parle. Collomb et Lyon, Lyon !';
  const p = prepare(text, tokenize(text), null);
  assert.deepEqual([...again.tagDocument(p)], [...m.tagDocument(p)]);
  // An int16 model sweeps both passes' emissions at once (interleaved tables): the same tags as pass after pass.
  const [doc] = documentFeatures([{ lowered: p.lowered, forms: p.forms, start: p.start, tags: again.tag(p) }]);
  const twoSweeps = again.second!.tag(p, undefined, doc);
  assert.ok(
    twoSweeps.some((t) => t !== 0),
    'the random model tags something',
  );
  assert.deepEqual([...again.tagDocument(p)], [...twoSweeps]);
  // A fresh model's first tagDocument fills both models' word sums in one sweep over the interleaved table.
  assert.deepEqual([...NerModel.parse(m.serialize(), 'fresh').tagDocument(p)], [...twoSweeps]);
  const mixed = mixModels([m, again]);
  assert.ok(mixed.second);
  assert.deepEqual([...NerModel.parse(mixed.serialize(), 'mixed').tagDocument(p)], [...m.tagDocument(p)]);
  assert.throws(() => mixModels([m, new NerModel(header, random(7))]), /headers differ/);
});

test('mixing models averages their weights; models trained otherwise are refused', () => {
  const bits = 4;
  const header = { format: 'recoupe-ner' as const, featureVersion: FEATURE_VERSION, language: 'fr', bits, scale: 100, trainedOn: [] };
  const a = new Int16Array((1 << bits) * NT).fill(100); // 1.0 at scale 100
  const b = new Int16Array((1 << bits) * NT).fill(-300); // -1.5 at scale 200
  b[5] = 200; // 1.0
  const mixed = mixModels([new NerModel(header, a), new NerModel({ ...header, scale: 200 }, b)]);
  const weight = (i: number) => mixed.weights[i]! / (mixed.weights instanceof Int16Array ? mixed.header.scale : 1);
  assert.ok(Math.abs(weight(0) - -0.25) < 1e-6);
  assert.ok(Math.abs(weight(5) - 1) < 1e-6);
  assert.equal(mixed.header.mixedFrom, 2);
  assert.throws(() => mixModels([new NerModel(header, a), new NerModel({ ...header, mentionStyle: 'hipe' }, a)]), /headers differ/);
});

test('the cached per-word sums score exactly like the plain feature list', () => {
  const m = loadModel('fr')!;
  const text = "Selon l'AFP, le maire de Lyon, Gérard Collomb, a rencontré mardi à Mossoul des représentants de l'ONU. Lyon, Lyon !";
  const toks = tokenize(text);
  const p = prepare(text, toks, buildKnowledgeBase('fr', undefined).gazetteer);
  assert.deepEqual([...m.tag(p)], [...m.tag(p, staticFeatureTable(p))]);
  assert.ok(m.tag(p).some((t) => t !== 0));
});

test('with the optional feature groups, the cached sums score like the plain feature list', () => {
  const bits = 12;
  const w = new Float32Array((1 << bits) * NT);
  let seed = 11;
  for (let i = 0; i < w.length; i++) w[i] = ((seed = (seed * 1103515245 + 12345) >>> 0) % 2001) / 1000 - 1;
  const header = {
    format: 'recoupe-ner' as const,
    featureVersion: FEATURE_VERSION,
    language: 'en',
    bits,
    scale: 1,
    trainedOn: [],
    contextFeatures: true,
    lineFeatures: true,
  };
  const m = new NerModel(header, w);
  // A prose line, a table row and a capitals headline: every line kind.
  const text = 'Leeds beat Arsenal on Sunday.\nLeeds 2 Arsenal 1\nSOCCER - LEEDS BEAT ARSENAL';
  const p = prepare(text, tokenize(text, 'en'), null);
  assert.deepEqual([...p.line], [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
  const options = featureOptionsOf(header);
  assert.deepEqual([...m.tag(p)], [...m.tag(p, staticFeatureTable(p, options))]);
  // The groups change the scores: the same weights without them tag otherwise somewhere.
  const plain = new NerModel({ ...header, contextFeatures: false, lineFeatures: false }, w);
  assert.notDeepEqual([...plain.tag(p)], [...m.tag(p)]);
});

test('Viterbi with its shortcuts finds the best-scoring BIO sequence (checked by brute force)', () => {
  const m = loadModel('fr')!;
  const w = m.weights;
  const text = 'Hier Jean Dupont visitait Lyon'; // five tokens: 9^5 sequences
  const p = prepare(text, tokenize(text), buildKnowledgeBase('fr', undefined).gazetteer);
  const feats = new Int32Array(MAX_FEATURES);
  const row = (f: number) => (f & m.mask) * NT;
  // emit[i][t] and trans[i][q][t] from the plain feature lists.
  const emit = Array.from({ length: p.n }, (_, i) => {
    const k = staticFeatures(p, i, feats, featureOptionsOf(m.header));
    return Array.from({ length: NT }, (_, t) => [...feats.subarray(0, k)].reduce((s, f) => s + w[row(f) + t]!, 0));
  });
  const trans = Array.from({ length: p.n }, (_, i) =>
    Array.from({ length: NT }, (_, q) => {
      const f = [...m.transitionsOf(p, i, q).subarray(0, TRANSITION_FEATURES)];
      return Array.from({ length: NT }, (_, t) => f.reduce((s, x) => s + w[row(x) + t]!, 0));
    }),
  );
  const allowed = (q: number, t: number) => t === 0 || t % 2 === 1 || q === t || q === t - 1;
  let best = -Infinity;
  let bestSeq: number[] = [];
  for (let code = 0; code < NT ** p.n; code++) {
    const seq = Array.from({ length: p.n }, (_, i) => Math.floor(code / NT ** i) % NT);
    let s = 0;
    for (let i = 0; i < p.n && s > -Infinity; i++) {
      const q = i > 0 ? seq[i - 1]! : 0;
      s = allowed(q, seq[i]!) ? s + emit[i]![seq[i]!]! + trans[i]![q]![seq[i]!]! : -Infinity;
    }
    if (s > best) [best, bestSeq] = [s, seq];
  }
  assert.equal(p.n, 5);
  assert.deepEqual([...m.tag(p)], bestSeq);
});

test('a word keeps its features when the word table grows', () => {
  const m = loadModel('fr')!;
  const text = 'Le maire de Lyon, Gérard Collomb, parle.';
  const before = prepare(text, tokenize(text), null);
  const tags = [...m.tag(before)];
  // Thousands of new words make the table rehash and grow.
  const filler = Array.from({ length: 40_000 }, (_, i) => `mot${i.toString(36)}`).join(' ');
  prepare(filler, tokenize(filler), null);
  const after = prepare(text, tokenize(text), null);
  assert.deepEqual([...after.ids], [...before.ids]);
  assert.deepEqual([...m.tag(after)], tags);
});

test('a broken model file is a clear error', () => {
  assert.throws(() => NerModel.parse(Buffer.from('not a model'), 'x.bin'), /x\.bin: not a recoupe NER model/);
});

test('RECOUPE_NER_MODEL pointing nowhere is a one-line error, also from the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-ner-'));
  const prev = process.env.RECOUPE_NER_MODEL;
  process.env.RECOUPE_NER_MODEL = join(dir, 'missing.bin');
  try {
    assert.throws(() => loadModel('fr'), /RECOUPE_NER_MODEL: no such file/);
    const r = runCli(['analyze', '--raw', '-'], { input: 'Bonjour Paris.' });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /RECOUPE_NER_MODEL: no such file/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    if (prev === undefined) delete process.env.RECOUPE_NER_MODEL;
    else process.env.RECOUPE_NER_MODEL = prev;
  }
});

test('a user knowledge-base file adds entities and wins over the shipped one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-kb-'));
  const file = join(dir, 'kb.json');
  writeFileSync(file, JSON.stringify({ entities: [{ key: 'my:paris-team', type: 'ORG', subtype: 'club', names: ['PSG', 'Paris Saint-Germain'] }] }));
  const kb = buildKnowledgeBase('fr', file);
  assert.equal(kb.lookup('Paris Saint-Germain')?.key, 'my:paris-team');
  assert.equal(kb.lookup('psg')?.subtype, 'club');
  assert.equal(kb.lookup('Daech')?.key, 'Q2429253');
  assert.equal(kb.lookupDomain('www.lemonde.fr')?.subtype, 'media');
  writeFileSync(file, '{"entities": [{"type": "ORG"}]}');
  assert.throws(() => buildKnowledgeBase('fr', file), /knowledge base .*kb\.json/);
});

test('the names of a ranked list are persons; numbered paragraphs opening on common words are not', () => {
  const es = entities(
    'Puis les autres coureurs : 12. Camenzind. 23. Huser. 28. Dufaux m. t. 60. Moos à 44 secondes.\n' +
      '1. Toutes les marchandises seront taxées. 2. Amnistie complète est accordée. 3. Projet de loi sur les communes. ' +
      "L'amnistie a été votée.",
  );
  for (const name of ['Camenzind', 'Huser', 'Dufaux', 'Moos']) assert.equal(find(es, name)?.type, 'PER', name);
  // A common word (written in lowercase elsewhere in the document, or a function word) and a word before lowercase words are no names.
  for (const word of ['Toutes', 'Amnistie', 'Projet']) assert.equal(find(es, word), undefined, word);
});

test("in a ranked list, a short abbreviation in brackets after a competitor's name is a country; elsewhere it is left to the tagger", () => {
  const list = "Classement de l'étape : 1. Jean Dupont (Fr) à 2'24. 2. Marco Rossi (It) à 3'10. 3. Peter Müller (S) m. t.";
  const es = analyze(list, { raw: true }).entities;
  for (const code of ['Fr', 'It', 'S']) assert.equal(es.find((e) => e.text === code)?.type, 'LOC', code);
  const prose = 'Selon Jean Dupont (Ps), la motion passera.';
  assert.equal(
    analyze(prose, { raw: true }).entities.find((e) => e.text === 'Ps'),
    undefined,
  );
});

test("an acronym in brackets right after an organisation's name is its short name, not after a place", () => {
  const es = analyze("L'Union des fromagers du Jura (UFJ) constate que les prix baissent.", { raw: true }).entities;
  assert.equal(es.find((e) => e.text === 'UFJ')?.type, 'ORG');
  assert.equal(
    analyze('Il habite à Lausanne (VD) depuis dix ans.', { raw: true }).entities.find((e) => e.text === 'VD'),
    undefined,
  );
});

test('the names listed after a plural civility are persons, each its own mention', () => {
  const es = analyze('Les orateurs politiques : MM. Marc Peter, Rochaix, Fazy, Horace Micheli et Sion ont parlé.', { raw: true }).entities;
  for (const name of ['Rochaix', 'Fazy', 'Horace Micheli', 'Sion']) assert.equal(es.find((e) => e.text === name)?.type, 'PER', name);
  // Without the plural civility, a place stays a place.
  const places = analyze('Les orateurs sont venus de Genève, Fribourg et Sion.', { raw: true }).entities;
  assert.equal(places.find((e) => e.text === 'Sion')?.type, 'LOC');
});

test('a place prefix joined to a capitalised name makes a place ("outre-Rhin"), not of a lowercase word', () => {
  const es = analyze('Les méthodes en vigueur outre-Rhin sont discutées. Une vente outre-mer.', { raw: true }).entities;
  assert.equal(es.find((e) => e.text === 'outre-Rhin')?.type, 'LOC');
  assert.equal(
    es.find((e) => e.text === 'outre-mer'),
    undefined,
  );
});

test('a portfolio after "ministre de" is no entity; a known place there stays', () => {
  const es = entities("Le ministre de l'Économie, Bruno Le Maire, a parlé. Les ministres de l'Union européenne se réunissent à Bruxelles.");
  assert.equal(find(es, 'Économie'), undefined, JSON.stringify(es));
  assert.equal(find(es, 'Bruno Le Maire')?.type, 'PER');
  assert.equal(find(es, 'Union européenne')?.key, 'Q458');
});

test('ordinals in titles of office are no name, at a sentence start or elsewhere; contractions opening a quote neither', () => {
  const fr = entities('La Première ministre Élisabeth Borne a défendu le budget. Selon le Premier ministre, tout va bien.');
  for (const word of ['La Première', 'Première', 'Premier']) assert.equal(find(fr, word), undefined, JSON.stringify(fr));
  assert.equal(find(fr, 'Élisabeth Borne')?.type, 'PER');
  const en = entities('"It\'s a disaster," said Tom Reyes, a former U.S. ambassador to Niger. "It’s over," he added.');
  for (const word of ["It's", 'It’s']) assert.equal(find(en, word), undefined, JSON.stringify(en));
  assert.equal(find(en, 'Tom Reyes')?.type, 'PER');
});

test('a curated organisation opening a person name the tagger took whole is two mentions', () => {
  const es = entities("Interrogé par France Inter, le député LFI Éric Coquerel a dénoncé « un budget d'austérité ».");
  assert.equal(find(es, 'LFI')?.type, 'ORG');
  assert.equal(find(es, 'Éric Coquerel')?.type, 'PER');
  assert.equal(find(es, 'LFI Éric Coquerel'), undefined);
});

test('the French statistics office is an organisation, not a place', () => {
  const es = entities("Selon l'Insee, le PIB a reculé de 0,1 % au troisième trimestre.");
  assert.equal(find(es, 'Insee')?.type, 'ORG');
});
