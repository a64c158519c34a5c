// Searching a corpus by an entity through the real CLI: any of the entity's
// names finds every article that names it, whatever spelling the article uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { RecoupeServer } from '../src/server/app.js';
import { openCorpus } from '../src/server/corpus-adapter.js';

/** A corpus of invented sentences: one writes « Daesh », one « l'EI », one names neither; `more` adds files. */
function corpus(more: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-entity-filter-'));
  const files: Record<string, string> = {
    'daesh.txt': 'Les combattants de Daesh ont quitté la ville mardi, a déclaré le porte-parole de la coalition.\n',
    'ei.txt': "Des membres de l'EI ont été arrêtés jeudi, selon la police locale.\n",
    'pont.txt': 'Le maire a inauguré un pont lundi, a indiqué la mairie.\n',
    ...more,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const db = join(dir, 'c.db');
  assert.equal(runCli(['corpus', 'add', dir, '--db', db]).code, 0);
  return db;
}

test('corpus search --entity takes any name of the entity: Daech finds Daesh and EI', () => {
  const db = corpus();
  const found = (name: string) => {
    const r = runCli(['corpus', 'search', '', '--entity', name, '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { input_path: string }[]).map((h) => h.input_path.split('/').pop()).sort();
  };
  for (const name of ['Daech', 'ISIS', 'État islamique']) assert.deepEqual(found(name), ['daesh.txt', 'ei.txt'], name);
});

test('a plain corpus search naming an entity finds its other names too; other words stay a text search (issue 13)', () => {
  const db = corpus({ 'daech.txt': 'Daech a revendiqué l’attaque, selon un communiqué diffusé lundi.\n' });
  const found = (query: string) => {
    const r = runCli(['corpus', 'search', query, '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { input_path: string }[]).map((h) => h.input_path.split('/').pop());
  };
  const daech = found('Daech');
  assert.equal(daech[0], 'daech.txt', 'the article that writes the word comes first');
  assert.deepEqual(daech.sort(), ['daech.txt', 'daesh.txt', 'ei.txt']);
  assert.deepEqual(found('pont'), ['pont.txt']);
});

test('/api/search?q=Daech (the web app search) finds Daesh and EI too', async () => {
  const server = new RecoupeServer({ corpus: await openCorpus(corpus()), workers: 1 });
  try {
    const base = await server.listen(0, '127.0.0.1');
    const search = async (q: string) => {
      const body = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).json()) as { items: { id: string }[] };
      return body.items.length;
    };
    assert.equal(await search('Daech'), 2);
    assert.equal(await search('pont'), 1);
  } finally {
    await server.close();
  }
});

test('corpus search --entity takes a name the corpus writes but no knowledge base lists, without a QUERY (newcomer trial)', () => {
  const db = corpus({
    'maire.txt': 'Jean-Baptiste Léonard, maire de la commune, a inauguré la salle samedi.\n',
  });
  const found = (args: string[]) => {
    const r = runCli(['corpus', 'search', ...args, '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { input_path: string }[]).map((h) => h.input_path.split('/').pop());
  };
  assert.deepEqual(found(['--entity', 'Jean-Baptiste Leonard']), ['maire.txt'], 'accents aside, the name the corpus writes');
  assert.deepEqual(found(['--entity', 'Daech']).sort(), ['daesh.txt', 'ei.txt'], 'no QUERY: the filter alone');
});

test('corpus search --speaker ignores accents and case on both sides (« melenchon » finds « Mélenchon »)', () => {
  const db = corpus({
    'melenchon.txt': 'La réforme est injuste, a déclaré Jean-Luc Mélenchon mardi.\n',
  });
  for (const speaker of ['melenchon', 'MÉLENCHON', 'Mélenchon']) {
    const r = runCli(['corpus', 'search', '--speaker', speaker, '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { input_path: string }[]).map((h) => h.input_path.split('/').pop()),
      ['melenchon.txt'],
      speaker,
    );
  }
});
