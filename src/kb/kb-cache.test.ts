import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cachedSnapshot } from './kb-cache.js';
import { buildKnowledgeBase, KnowledgeBase } from './kb.js';

test('a cached value is built once per set of inputs, rebuilt when an input changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-kb-cache-'));
  const input = join(dir, 'input.txt');
  const env = { RECOUPE_CACHE_DIR: join(dir, 'cache') };
  try {
    writeFileSync(input, 'one');
    let builds = 0;
    const build = () => ({ n: ++builds, m: new Map([['a', 1]]) });
    assert.deepEqual(cachedSnapshot('t', { dirs: [], files: [input] }, build, env), { n: 1, m: new Map([['a', 1]]) });
    assert.deepEqual(cachedSnapshot('t', { dirs: [], files: [input] }, build, env), { n: 1, m: new Map([['a', 1]]) }, 'read back, not rebuilt');
    writeFileSync(input, 'two');
    assert.equal(cachedSnapshot('t', { dirs: [], files: [input] }, build, env).n, 2, 'an edited input builds afresh');
    assert.equal(readdirSync(env.RECOUPE_CACHE_DIR).length, 1, 'the stale file is removed');
    assert.equal(cachedSnapshot('t', { dirs: [], files: [input] }, build, { RECOUPE_CACHE: '0' }).n, 3, 'RECOUPE_CACHE=0 builds every time');
    // A cache folder that cannot be created (a file is in the way): built, no error.
    writeFileSync(join(dir, 'blocked'), '');
    assert.equal(cachedSnapshot('t', { dirs: [], files: [input] }, build, { RECOUPE_CACHE_DIR: join(dir, 'blocked', 'x') }).n, 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a knowledge base restored from its snapshot answers as the one built', () => {
  const built = buildKnowledgeBase('fr', undefined);
  const restored = KnowledgeBase.fromSnapshot('fr', structuredClone(built.snapshot()));
  assert.equal(restored.entities.length, built.entities.length);
  for (const name of ["l'État islamique", 'Daech', 'Lyon', 'Irakiens', 'AFP', 'Le Monde', 'nowhere-at-all'])
    assert.deepEqual(restored.lookup(name), built.lookup(name), name);
  assert.deepEqual(restored.lookupDomain('www.lemonde.fr'), built.lookupDomain('www.lemonde.fr'));
  const forms = ['Le', 'maire', 'de', 'Lyon', 'et', "l'", 'AFP', 'à', 'Paris'];
  assert.deepEqual(restored.gazetteer.matches(forms), built.gazetteer.matches(forms));
  assert.ok(built.gazetteer.matches(forms).length > 0);
});
