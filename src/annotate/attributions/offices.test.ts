// Offices and the bodies they speak for (lang/fr/offices.json; invented keys).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJson } from '../../lang/files.js';
import { langPath } from '../../lang/resources.js';
import { OfficesFileSchema, institutionOf, officeSynonym } from './offices.js';

test('an office under its other names is one office key; a qualifier after the body is kept', () => {
  assert.equal(officeSynonym('role:garde@sceaux', 'fr'), 'role:ministre@justice');
  assert.equal(officeSynonym('role:chef@diplomatie-americaine', 'fr'), 'role:ministre@affaires-etrangeres-americaine');
  assert.equal(officeSynonym('role:procureur@republique-lunel', 'fr'), 'role:procureur@lunel');
  // Nothing to map: the key as it is (another office, a person, a body that merely starts with the same letters).
  assert.equal(officeSynonym('role:ministre@interieur', 'fr'), 'role:ministre@interieur');
  assert.equal(officeSynonym('per:paul-marin', 'fr'), 'per:paul-marin');
  assert.equal(officeSynonym('role:garde@sceauxville', 'fr'), 'role:garde@sceauxville');
  assert.equal(officeSynonym(null, 'fr'), null);
});

test('the minister, the spokesman of the ministry and the ministry are one body; members and relations are not', () => {
  const ministry = 'inst:ministere@defense';
  assert.equal(institutionOf('role:ministre@defense', 'fr'), ministry);
  assert.equal(institutionOf('role:porte-parole@ministere-defense', 'fr'), ministry);
  assert.equal(institutionOf('role:ministère@defense', 'fr'), ministry);
  // Another country's ministry is another body.
  assert.notEqual(institutionOf('role:ministre@iranien-defense', 'fr'), ministry);
  assert.equal(institutionOf('role:préfet@police', 'fr'), institutionOf('role:préfecture@police', 'fr'));
  assert.equal(institutionOf('role:procureur@lunel', 'fr'), institutionOf('role:parquet@lunel', 'fr'));
  // A body by its name and its spokesman; a body's other name (« le Quai d'Orsay »).
  assert.equal(institutionOf('role:porte-parole@nissan', 'fr'), institutionOf('org:nissan', 'fr'));
  assert.equal(institutionOf('org:quai-d-orsay', 'fr'), institutionOf('role:porte-parole@ministere-affaires-etrangeres', 'fr'));
  // A member of a body, a relation of a person, a person, an anonymous source: no body to speak for.
  assert.equal(institutionOf('role:député@assemblee-nationale', 'fr'), null);
  assert.equal(institutionOf('role:avocat@per:paul-marin', 'fr'), null);
  assert.equal(institutionOf('per:paul-marin', 'fr'), null);
  assert.equal(institutionOf('anon:0123456789ab:source@proche-dossier', 'fr'), null);
});

test('lang/fr/offices.json validates; an entry without its source or with a misspelt field is refused', () => {
  const file = readJson<{ synonyms: { entries: Record<string, string>[] } }>(langPath('fr', 'offices.json'));
  assert.equal(OfficesFileSchema.safeParse(file).success, true);
  const [first, ...rest] = file.synonyms.entries;
  const { source: _, ...unsourced } = first!;
  const withEntries = (entries: Record<string, string>[]) => ({ ...file, synonyms: { ...file.synonyms, entries } });
  assert.equal(OfficesFileSchema.safeParse(withEntries([unsourced, ...rest])).success, false);
  assert.equal(OfficesFileSchema.safeParse(withEntries([{ ...first!, sam: 'x' }, ...rest])).success, false);
});
