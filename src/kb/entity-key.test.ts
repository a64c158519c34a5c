import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityKeyFor } from './entity-key.js';

test('an entity filter given a name resolves to the key all its aliases share, in either language', () => {
  const key = entityKeyFor('Daech');
  assert.notEqual(key, 'Daech');
  for (const alias of ['Daesh', 'EI', 'ISIS', 'Islamic State', 'État islamique']) assert.equal(entityKeyFor(alias), key, alias);
});

test('a value that names no known entity is taken as a key', () => {
  assert.equal(entityKeyFor('per:hamed-al-zameli'), 'per:hamed-al-zameli');
  assert.equal(entityKeyFor(entityKeyFor('Daech')), entityKeyFor('Daech'));
});
