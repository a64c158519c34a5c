import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { tokenize } from '../tokens.js';
import { datelinePlaces } from './dateline.js';

function places(text: string): string[] {
  const tokens = tokenize(text, 'fr');
  const forms = tokens.map((t) => text.slice(t.start, t.end));
  const lineStart = (i: number) => i === 0 || text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n');
  return datelinePlaces(forms, lineStart).map((d) => text.slice(tokens[d.first]!.start, tokens[d.last]!.end));
}

test('a wire dateline opens a line: place, optional date, bracketed credit, dash', () => {
  assert.deepEqual(places('PARIS (Reuters) - Le gouvernement a annoncé une réforme.'), ['PARIS']);
  assert.deepEqual(places('Texte.\nLOS ANGELES, 3 mars (AP) — Un incendie.\nSAINT-DENIS (AFP) – Rien.'), ['LOS ANGELES', 'SAINT-DENIS']);
  // Not at a line start, no dash after the bracket, or lowercase words in the bracket: no dateline.
  assert.deepEqual(places('Il a quitté PARIS (Reuters) - hier.'), []);
  assert.deepEqual(places('Emmanuel Macron (LREM) a dit non.'), []);
  assert.deepEqual(places('PARIS (selon nos informations) - rien.'), []);
});

test('inside a line, a dateline is a place in capitals, a day number and the credit (old newspapers)', () => {
  assert.deepEqual(places('une représentation diplomatique LONDRES. 15 (Havas). — On mande de Tokio'), ['LONDRES']);
  assert.deepEqual(places('EN PALESTINE. JERUSALEM, 24 (Reuter). — Le consulat a été attaqué.'), ['JERUSALEM']);
  // Without the day number, or in lowercase, inside a line: no dateline.
  assert.deepEqual(places('Il a quitté LONDRES. Le 15 (Havas). — Rien.'), []);
  assert.deepEqual(places('Il habite Londres, 15 (Havas). — Rien.'), []);
});

test('the credit of a dateline is an organisation', () => {
  const es = analyze("La conférence s'ouvre. LONDRES, 15 (Eeuter). — Le ministre est arrivé hier.", { raw: true }).entities;
  assert.equal(es.find((e) => e.text === 'LONDRES')?.type, 'LOC');
  assert.equal(es.find((e) => e.text === 'Eeuter')?.type, 'ORG');
});

test('the dateline place is a place, not the organisation the tagger may see next to the credit', () => {
  const es = analyze('PARIS (Reuters) - Le gouvernement a annoncé lundi une réforme des retraites.', { raw: true }).entities;
  const paris = es.find((e) => e.text === 'PARIS');
  assert.equal(paris?.type, 'LOC');
  assert.equal(paris?.key, analyze('Il vit à Paris depuis dix ans.', { raw: true }).entities.find((e) => e.text === 'Paris')?.key);
  assert.equal(es.find((e) => e.text === 'Reuters')?.type, 'ORG');
  // A capitalised outlet in that place is no place: "Le Monde (AFP) -" keeps the tagger's reading.
  const monde = analyze('Le Monde (AFP) - Le quotidien a changé de directeur.', { raw: true }).entities.find((e) => e.text === 'Le Monde');
  assert.notEqual(monde?.type, 'LOC');
});

test('"Le Canard" is the short name of Le Canard enchaîné, an outlet, not a person', () => {
  const es = analyze('Selon Le Canard enchaîné, le ministre savait. Le Canard affirme aussi que le préfet savait.', { raw: true }).entities;
  const keys = es.filter((e) => e.text.includes('Canard')).map((e) => [e.type, e.key]);
  assert.equal(keys.length, 2);
  for (const [type, key] of keys) assert.deepEqual([type, key], ['ORG', 'org:canard-enchaine']);
});

test('a capitalised preposition before a name opens no mention ("Selon OMPI" is "OMPI")', () => {
  const es = analyze("Une milice a revendiqué l'attaque contre le camp d'OMPI. Selon OMPI, des roquettes ont frappé le camp.", { raw: true }).entities;
  assert.ok(es.some((e) => e.text === 'OMPI' && e.start > 60));
  assert.ok(!es.some((e) => e.text.startsWith('Selon')));
});
