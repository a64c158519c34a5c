// Outlet names live in the knowledge base (kb/actors.<code>.json): the attribution
// rules read every name of a media entity, and outletNames never become mentions.
// Sentences written for these tests (fictional people).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKnowledgeBase, outletNames } from './kb.js';
import { analyze } from '../pipeline/analyze.js';

test('outlet names: names and outletNames of media entities, per language', () => {
  const fr = outletNames('fr');
  for (const name of ['AFP', 'Le Monde', 'Gala', 'X', 'Journal du dimanche']) assert.ok(fr.includes(name), name);
  assert.ok(!fr.includes('Daech'), 'an armed group is no outlet');
  assert.ok(outletNames('en').includes('Axios'));
  assert.deepEqual(outletNames('xx'), []);
});

test("the user's knowledge base (RECOUPE_KB) adds its outlets, in every language", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'recoupe-kb-')), 'kb.json');
  writeFileSync(
    file,
    JSON.stringify({
      entities: [
        { type: 'ORG', subtype: 'media', names: ['Le Courrier des Alpes'], outletNames: ['Alpes Info'] },
        { type: 'ORG', names: ['Comité des Fêtes de Vallorcine'] },
      ],
    }),
  );
  for (const language of ['fr', 'en', 'xx']) {
    const names = outletNames(language, file);
    assert.ok(names.includes('Le Courrier des Alpes') && names.includes('Alpes Info'), language);
    assert.ok(!names.includes('Comité des Fêtes de Vallorcine'), 'not a media entity');
  }
  assert.ok(outletNames('fr', file).includes('AFP'), 'the curated outlets stay');
});

test('outletNames are not mentions: neither matched by the gazetteer nor looked up as aliases', () => {
  const kb = buildKnowledgeBase('fr', undefined);
  for (const name of ['Gala', 'Voici', 'Challenges', 'X']) {
    assert.equal(kb.lookup(name), undefined, name);
    assert.equal(kb.gazetteer.matches([name]).length, 0, name);
  }
  assert.equal(kb.lookup('Le Monde')?.subtype, 'media');
});

test('an outlet name of the knowledge base is an intermediary: « a déclaré à Gala »', () => {
  const [a] = analyze('La chanteuse Lina Marchal a déclaré à Gala que sa tournée commencerait en mars.', { raw: true }).attributions;
  assert.deepEqual(
    a?.via.map((v) => v.text),
    ['Gala'],
  );
  const [b] = analyze('Senator Ann Briggs told Axios that the bill would pass.', { raw: true }).attributions;
  assert.deepEqual(
    b?.via.map((v) => v.text),
    ['Axios'],
  );
});

test('a knowledge base entity needs names or outletNames', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'recoupe-kb-')), 'kb.json');
  writeFileSync(file, JSON.stringify({ entities: [{ type: 'ORG', subtype: 'media' }] }));
  assert.throws(() => buildKnowledgeBase('fr', file), /names or outletNames/);
});
