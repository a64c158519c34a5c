// One person quoted directly by one outlet and through another outlet (« X, cité par Le Monde, a affirmé … ») is one
// upstream source, through the real CLI: the relay is an intermediary, never a second "independent" source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

test('a statement told directly and through a relay (« cité par ») has one upstream source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-relays-'));
  const input = join(dir, 'two.jsonl');
  writeFileSync(
    input,
    [
      {
        outlet: 'Journal A',
        published: '2024-03-01',
        url: 'https://journal-a.example/hopitaux',
        title: 'Hôpitaux',
        text: 'Le ministre de la Santé, Jean Dupont, a affirmé mardi que 1200 lits avaient été fermés en Bretagne en 2023.',
      },
      {
        outlet: 'Journal E',
        published: '2024-03-03',
        title: 'Le ministre alerte',
        text: 'Jean Dupont, cité par Le Monde, a affirmé que 1200 lits avaient été fermés en Bretagne en 2023.',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const db = join(dir, 'x.db');
  assert.equal(runCli(['corpus', 'add', input, '--db', db]).code, 0);
  const r = runCli(['corpus', 'claims', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const group = r.stdout
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          label: string;
          verdict: string;
          upstream_sources: { key: string; kind?: string }[];
          documents: { outlet: string; title: string | null; url: string | null }[];
        },
    )
    .find((g) => g.label.includes('1200 lits'));
  assert.ok(group, r.stdout);
  assert.notEqual(group.verdict, 'independent', JSON.stringify(group.upstream_sources));
  assert.deepEqual(
    group.upstream_sources.filter((s) => s.kind !== 'outlet').map((s) => s.key),
    ['per:jean-dupont'],
  );
  // Each document says where to read it again: its title and URL (null when the input gave none).
  assert.deepEqual(group.documents.map((d) => [d.outlet, d.title, d.url]).sort(), [
    ['Journal A', 'Hôpitaux', 'https://journal-a.example/hopitaux'],
    ['Journal E', 'Le ministre alerte', null],
  ]);
});
