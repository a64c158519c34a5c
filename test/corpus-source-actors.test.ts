// Sources are actors, through the real CLI (`corpus add`, `corpus sources`, `corpus claims`): a title and a surname
// is the person the corpus names in full, an outlet that speaks is an outlet, someone's words and a complement are
// no speaker, and a speaker with no key is never listed under a made-up `name:` key (invented articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from './helpers/cli.js';
import { openStore } from '../src/corpus/open.js';
import { judgeNearDuplicates } from '../src/corpus/minhash.js';
import { article, attribution } from './corpus-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-source-actors-'));

interface Row {
  kind: string;
  key: string;
  name: string;
}

function speakers(db: string): Row[] {
  const r = runCli(['corpus', 'sources', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row)
    .filter((s) => s.kind === 'speaker');
}

/** An OrangeSum-like JSONL row of a French article. */
const row = (title: string, body: string, site: string, published: string) => ({ title, body, site, published, language: 'fr' });

function addJsonl(name: string, rows: object[]): string {
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = join(dir, `${name}.db`);
  const added = runCli(['corpus', 'add', input, '--db', db]);
  assert.equal(added.code, 0, added.stderr);
  return db;
}

test('a title and a surname (« President Zelensky ») is the person the corpus names in full, in sources and claims', () => {
  const db = addJsonl('titles', [
    row(
      'Kiev demande des armes',
      "Le président ukrainien Volodymyr Zelensky a affirmé lundi que l'armée avait abattu 27 drones au-dessus de Kiev dans la nuit.",
      'Le Matin',
      '2023-03-06',
    ),
    row('Nuit agitée à Kiev', "President Zelensky a déclaré lundi que l'armée avait abattu 27 drones au-dessus de Kiev dans la nuit.", 'Le Soir', '2023-03-06'),
  ]);
  const keys = speakers(db).map((s) => s.key);
  assert.deepEqual(keys, ['per:volodymyr-zelensky']);
  const r = runCli(['corpus', 'claims', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const groups = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { verdict: string; claims: { speakerKey: string | null }[] });
  const drones = groups.find((g) => g.claims.length === 2);
  assert.ok(drones, r.stdout);
  assert.deepEqual(
    drones.claims.map((c) => c.speakerKey),
    ['per:volodymyr-zelensky', 'per:volodymyr-zelensky'],
  );
  // One person said it twice: never two sources confirming each other.
  assert.notEqual(drones.verdict, 'independent');
});

test('an outlet that speaks is an outlet, not a person; an outlet name holding « et » is one speaker', () => {
  const db = addJsonl('outlets', [
    row(
      'Démission à la mairie',
      'Selon Sud Ouest, le maire de la commune a démissionné mardi. Sciences et Avenir affirme que la digue a cédé sous la pression.',
      'Le Quotidien',
      '2023-03-07',
    ),
  ]);
  const keys = speakers(db).map((s) => s.key);
  assert.ok(keys.includes('org:sudouest'), keys.join(' '));
  assert.ok(keys.includes('org:sciencesetavenir'), keys.join(' '));
  assert.ok(!keys.some((k) => k.startsWith('per:')), keys.join(' '));
});

test("someone's words (« selon ses propres dires ») are no speaker", () => {
  const db = addJsonl('words', [
    row('Menaces', 'Le maire a reçu des menaces de mort, selon ses propres dires. Il aurait quitté la ville, selon ses dires.', 'Le Journal', '2023-03-06'),
  ]);
  assert.deepEqual(
    speakers(db).map((s) => s.name),
    [],
  );
});

test('a speaker without a key is not listed; a document stored before keys existed falls back to its name', async () => {
  const db = join(dir, 'keyless.db');
  const store = await openStore(db);
  await store.addBatch(
    [
      article('La a indiqué que le pont restera fermé jusqu’à lundi.', { outlet: 'Le Relais', published: '2023-03-06', title: 'pont' }, (a) => ({
        attributions: [attribution(a, 'le pont restera fermé jusqu’à lundi', { text: 'La', resolved: null, anonymous: false, key: null }, false)],
      })),
    ],
    judgeNearDuplicates,
  );
  await store.close();
  assert.deepEqual(speakers(db), []);
  // The same row in a store whose keys came later (the document was added before migration 2): named by its name.
  const raw = new Database(db);
  raw.prepare("UPDATE schema_migrations SET applied_at = '9999-01-01T00:00:00.000Z' WHERE version = 2").run();
  raw.close();
  assert.deepEqual(
    speakers(db).map((s) => s.key),
    ['name:la'],
  );
});
