import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lang/resources.js';
import { analyze } from '../../pipeline/analyze.js';
import type { KbEntity } from '../../kb/kb.js';
import { emptyContext, LARGE_CITY, linkMention, linkSurnames, noteMatch, noteMention, type NamedMention } from './link.js';
import type { Entity } from '../../doc/schema.js';

const entities = (text: string) => analyze(text, { raw: true }).entities;
const find = (es: Entity[], text: string, from = 0) => es.find((e) => e.text === text && e.start >= from);

const city = (key: string, country: string, population: number): KbEntity => ({
  key,
  type: 'LOC',
  subtype: 'city',
  names: [],
  domains: [],
  curated: false,
  country,
  population,
});
const country = (code: string): KbEntity => ({
  key: `iso3166:${code}`,
  type: 'LOC',
  subtype: 'country',
  names: [],
  domains: [],
  curated: false,
  country: code,
});

test('a small city links only when the document names its country or another of its cities', () => {
  const obama = city('geonames:1854849', 'JP', 32_896);
  const ctx = emptyContext();
  assert.deepEqual(linkMention(obama, 'LOC', 'Obama', ctx), { type: 'LOC', subtype: null, key: 'loc:obama', rule: 'slug-unsupported', wikidata: null });
  noteMatch(ctx, country('JP'));
  assert.equal(linkMention(obama, 'LOC', 'Obama', ctx).rule, 'kb-city-country');
  const lausanne = city('geonames:2659994', 'CH', 116_751);
  const other = emptyContext();
  noteMention(other, lausanne, 'LOC');
  assert.equal(linkMention(lausanne, 'LOC', 'Lausanne', other).rule, 'slug-unsupported', 'one city alone is no evidence for itself');
  noteMention(other, city('geonames:2660646', 'CH', 183_981), 'LOC');
  assert.equal(linkMention(lausanne, 'LOC', 'Lausanne', other).key, 'geonames:2659994');
});

test('a small city after a determiner a city name does not take is not linked ("la Mustang", "une Bentley")', () => {
  const obama = city('geonames:1854849', 'JP', 32_896);
  const ctx = emptyContext();
  noteMatch(ctx, country('JP'));
  assert.equal(linkMention(obama, 'LOC', 'Obama', ctx, true).rule, 'slug-unsupported');
  const es = entities('Le constructeur américain Ford présente aux Etats-Unis la Mustang, une voiture de sport. La Mustang coûte cher.');
  for (const e of es.filter((x) => x.text === 'Mustang')) assert.ok(!e.key.startsWith('geonames:'), e.key);
  // A city whose own name opens with the article keeps its link ("la Chaux-de-Fonds" is La Chaux-de-Fonds).
  const chaux = find(entities('Le conseil communal de la Chaux-de-Fonds, en Suisse, a voté le budget.'), 'Chaux-de-Fonds');
  assert.equal(chaux?.key, 'geonames:2660076');
});

test('a city name links to the city only when the tagger calls it a place; a large city needs no other evidence', () => {
  const tokyo = city('geonames:1850147', 'JP', 8_336_599);
  assert.ok(tokyo.population! >= LARGE_CITY);
  assert.equal(linkMention(tokyo, 'LOC', 'Tokyo', emptyContext()).rule, 'kb-city-large');
  const asPerson = linkMention(tokyo, 'PER', 'Tokyo', emptyContext());
  assert.equal(asPerson.type, 'PER');
  assert.equal(asPerson.key, 'per:tokyo', 'never a place key on a person mention');
  assert.equal(asPerson.rule, 'slug-unsupported');
});

test('a curated city is a city: no place key when the tagger calls it a person', () => {
  const washington: KbEntity = { ...city('geonames:4140963', 'US', 689_545), country: undefined, curated: true };
  assert.equal(linkMention(washington, 'LOC', 'Washington', emptyContext()).rule, 'kb-curated');
  const person = linkMention(washington, 'PER', 'Washington', emptyContext());
  assert.deepEqual([person.type, person.key, person.rule, person.wikidata], ['PER', 'per:washington', 'slug-unsupported', null]);
});

test('no place key on a person: "Obama" alone is not the Japanese town', () => {
  for (const e of entities("Obama a parlé hier devant la presse. Le président n'a rien ajouté.")) {
    assert.doesNotMatch(e.key, /^geonames:1854849$/);
  }
});

test('a surname alone takes the key of the full name the article gives, titles left out', () => {
  const es = entities(
    'Le président Barack Obama a rencontré mardi le Premier ministre japonais. ' +
      'Obama a ensuite déclaré que les États-Unis soutiendraient le Japon. ' +
      "« Nous n'avons pas d'informations », a déclaré Jen Psaki, porte-parole du département d'État. Mme Psaki a ajouté que la visite durerait deux jours.",
  );
  const obama = find(es, 'Obama', 40)!;
  assert.equal(obama.type, 'PER');
  assert.equal(obama.key, find(es, 'Barack Obama')!.key);
  assert.equal(obama.rule, 'doc-surname');
  assert.equal(find(es, 'Mme Psaki')?.key, find(es, 'Jen Psaki')?.key);
});

test('two persons with one surname leave the surname alone unlinked', () => {
  const m = (start: number, first: number, last: number, key: string, type: Entity['type'] = 'PER'): NamedMention => ({
    entity: { start, end: start + 1, text: '', type, subtype: null, key, rule: 'slug' },
    first,
    last,
  });
  const forms = ['Marine', 'Le', 'Pen', 'Jean-Marie', 'Le', 'Pen', 'Le', 'Pen'];
  const ms = [m(0, 0, 2, 'per:marine-le-pen'), m(3, 3, 5, 'per:jean-marie-le-pen'), m(6, 6, 7, 'per:le-pen')];
  linkSurnames(ms, forms, null);
  assert.equal(ms[2]!.entity.key, 'per:le-pen');
  const one = [m(0, 0, 2, 'per:marine-le-pen'), m(6, 6, 7, 'loc:le-pen', 'LOC')];
  linkSurnames(one, forms, null);
  assert.deepEqual([one[1]!.entity.key, one[1]!.entity.type, one[1]!.entity.rule], ['per:marine-le-pen', 'PER', 'doc-surname']);
});

test('every entity says why it has its key', () => {
  const es = entities("Selon l'AFP, Daech a quitté Mossoul mardi ; les forces irakiennes ont repris 3 quartiers de Bagdad.");
  assert.ok(es.length > 3);
  for (const e of es) assert.ok(e.rule, `${e.text} has a rule`);
  assert.equal(find(es, 'Daech')?.rule, 'kb-curated');
  assert.equal(find(es, 'irakiennes')?.rule, 'kb-demonym');
  assert.equal(find(es, 'mardi')?.rule, 'pattern');
});

test('a linked country or curated actor carries its Wikidata id; a demonym and a slug do not', () => {
  const es = entities('Les Irakiens et Daech : la France et la Suisse ont protesté, a dit Jean Dupont.');
  assert.equal(find(es, 'Daech')?.wikidata, 'Q2429253');
  assert.equal(find(es, 'Suisse')?.wikidata, 'Q39');
  assert.equal(find(es, 'Suisse')?.key, 'iso3166:CH');
  assert.equal(find(es, 'Irakiens')?.key, 'iso3166:IQ');
  assert.equal(find(es, 'Irakiens')?.wikidata, null);
  assert.equal(find(es, 'Jean Dupont')?.wikidata, null);
});

test('a name after a product noun is a MISC mention, not a person', () => {
  const es = entities("Le Pentagone a expliqué que 75 missiles air-sol Hellfire avaient été livrés à l'armée.");
  const hellfire = find(es, 'Hellfire');
  assert.equal(hellfire?.type, 'MISC');
  assert.equal(hellfire?.key, 'misc:hellfire');
});

test('a name after a product noun and its complement is a MISC mention; a person after "du" stays one', () => {
  assert.equal(find(entities('La marine a tiré un missile de croisière Tomahawk sur la base.'), 'Tomahawk')?.type, 'MISC');
  assert.equal(find(entities("Le pilote de l'avion du président Martin Dupont a atterri."), 'Martin Dupont')?.type, 'PER');
});

test('an artillery piece named after its noun and a calibre is a MISC mention', () => {
  const es = entities("L'armée a reçu 50 batteries d'artillerie de 155mm M-198 et des munitions.");
  // The tagger may take the calibre in ("155mm M-198"); either way the name is no person.
  assert.equal(es.find((e) => e.text.endsWith('M-198'))?.type, 'MISC');
});

test('a country name the tagger leaves out is found after a function word, written without its capital accent too', () => {
  const es = entities("Des sources ont dit que les Etats-Unis approvisionnent activement l'EI en armes.");
  assert.equal(find(es, 'Etats-Unis')?.key, 'iso3166:US');
  assert.equal(find(es, 'Etats-Unis')?.type, 'LOC');
  // Not at a sentence start nor before another capitalised word (a first name, a longer name).
  assert.ok(entities('Maurice Dupont est arrivé hier.').every((e) => e.key !== 'iso3166:MU'));
});

test("a curated name that needs its country links only when the document names it ('Parti démocrate')", () => {
  const alone = find(entities('Le Parti démocrate a remporté les élections cantonales à Sion.'), 'Parti démocrate');
  assert.equal(alone?.rule, 'slug-unsupported');
  assert.equal(alone?.wikidata, null);
  const us = find(entities('Aux États-Unis, le Parti démocrate a remporté les élections.'), 'Parti démocrate');
  assert.equal(us?.rule, 'kb-curated');
  assert.equal(us?.wikidata, 'Q29552');
});

test('a place qualified by a region adjective is another place; a place ending a longer name is not linked', () => {
  const es = entities('Le journal rapporte que la Suisse romande a voté non, comme toute la Suisse.');
  assert.equal(find(es, 'Suisse romande')?.key, 'loc:suisse-romande');
  assert.equal(find(es, 'Suisse romande')?.wikidata, null);
  assert.equal(find(es, 'Suisse')?.key, 'iso3166:CH');
  // The historical model cuts "Courrier de Genève" to its place: that "Genève" is not the city.
  const prev = process.env.RECOUPE_NER_MODEL;
  try {
    process.env.RECOUPE_NER_MODEL = join(PACKAGE_ROOT, 'models', 'ner-fr-historical.bin');
    const text = "Le Courrier de Genève et l'Echo de Paris en parlent.";
    const name = { start: text.indexOf('Courrier'), end: text.indexOf(' et ') };
    const inside = entities(text).filter((e) => e.end === name.end);
    assert.equal(inside.length, 1);
    assert.ok(!inside[0]!.key.startsWith('geonames:'), inside[0]!.key);
    assert.equal(inside[0]!.wikidata, null);
  } finally {
    if (prev === undefined) delete process.env.RECOUPE_NER_MODEL;
    else process.env.RECOUPE_NER_MODEL = prev;
  }
});

test('a city name after a division noun names the division, not the city ("le département de Paris")', () => {
  const text = 'Le département de Paris et le diocèse de Lyon, en France, votent. Paris et Lyon aussi.';
  const es = entities(text);
  // Whatever span the tagger gives the division, no mention there carries a city key.
  const division = es.filter((e) => e.end <= text.indexOf(', en France'));
  assert.ok(division.length > 0 && division.every((e) => !e.key.startsWith('geonames:') && e.wikidata === null), JSON.stringify(division));
  // The cities alone, later in the same document, still link.
  assert.equal(find(es, 'Paris', text.indexOf('votent'))?.key, 'geonames:2988507');
  assert.equal(find(es, 'Lyon', text.indexOf('votent'))?.key, 'geonames:2996944');
});
