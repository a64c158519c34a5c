// The corpus report commands through the real CLI: every format parses, rows are uncapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { syntheticJsonl } from './helpers/corpus-fixtures.js';

const N = 60;
const dir = mkdtempSync(join(tmpdir(), 'recoupe-corpus-cli-'));
const input = join(dir, 'articles.jsonl');
writeFileSync(input, syntheticJsonl(N));
const db = join(dir, 'c.db');
const added = runCli(['corpus', 'add', input, '--db', db]);

/** Parse CSV rows (RFC 4180, as written by the exporter). */
function csvRows(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted && c === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

test('corpus add stored every article', () => {
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stderr, new RegExp(`${N} added`));
});

test('search is uncapped and every format carries the same rows', () => {
  const jsonl = runCli(['corpus', 'search', 'conseil municipal', '--db', db]);
  assert.equal(jsonl.code, 0, jsonl.stderr);
  const rows = jsonl.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(rows.length, N);
  const json = JSON.parse(runCli(['corpus', 'search', 'conseil municipal', '--db', db, '--format', 'json']).stdout);
  assert.deepEqual(
    json.map((r: { id: string }) => r.id),
    rows.map((r) => r.id),
  );
  const csv = csvRows(runCli(['corpus', 'search', 'conseil municipal', '--db', db, '--format', 'csv']).stdout);
  assert.equal(csv.length, N + 1);
  assert.deepEqual(csv[0]!.slice(0, 3), ['id', 'input_path', 'input_line']);
  // Stemmed and folded: « votés » finds « a voté »; filters narrow.
  assert.equal(runCli(['corpus', 'search', 'votés', '--db', db]).stdout.trim().split('\n').length, N);
  const lyon = runCli(['corpus', 'search', 'budget', '--db', db, '--outlet', 'La Gazette Fictive', '--to', '2021-03-10', '--format', 'json']);
  const hits = JSON.parse(lyon.stdout) as { outlet: string; published: string }[];
  assert.ok(hits.length > 0 && hits.length < N);
  assert.ok(hits.every((h) => h.outlet === 'La Gazette Fictive' && h.published <= '2021-03-10'));
  // An entity no document names: no rows, and a line saying so.
  const unknown = runCli(['corpus', 'search', '--entity', 'Zorglub', '--db', db]);
  assert.equal(unknown.code, 0, unknown.stderr);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /no document names the entity "Zorglub"/);
  const limited = runCli(['corpus', 'search', 'budget', '--db', db, '--limit', '5']);
  assert.equal(limited.stdout.trim().split('\n').length, 5);
});

test('sources, claims, narratives, duplicates, graph and stats print parseable output', () => {
  const sources = runCli(['corpus', 'sources', '--db', db])
    .stdout.trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    sources
      .filter((s) => s.kind === 'outlet')
      .map((s) => [s.name, s.documents])
      .sort(),
    [
      ['La Gazette Fictive', N / 2],
      ['Le Courrier du Test', N / 2],
    ],
  );
  for (const cmd of ['claims', 'narratives', 'duplicates']) {
    for (const format of ['jsonl', 'json', 'csv']) {
      const r = runCli(['corpus', cmd, '--db', db, '--format', format]);
      assert.equal(r.code, 0, `${cmd} ${format}: ${r.stderr}`);
      if (format === 'json') assert.ok(Array.isArray(JSON.parse(r.stdout)));
    }
  }
  const gexf = runCli(['corpus', 'graph', '--db', db, '--format', 'gexf']);
  assert.equal(gexf.code, 0, gexf.stderr);
  assert.match(gexf.stdout, /^<\?xml[\s\S]*<\/gexf>\n$/);
  const graph = JSON.parse(runCli(['corpus', 'graph', '--db', db]).stdout);
  assert.ok(graph.nodes.some((n: { id: string }) => n.id === 'outlet:la gazette fictive'));
  const stats = JSON.parse(runCli(['corpus', 'stats', '--db', db]).stdout)[0];
  assert.equal(stats.documents, N);
  assert.equal(stats.inputs, N);
});

test('bad report options are usage errors', () => {
  const r = runCli(['corpus', 'claims', '--db', db, '--format', 'xml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format must be one of jsonl, csv, json/);
  const d = runCli(['corpus', 'search', 'x', '--db', db, '--from', 'yesterday']);
  assert.equal(d.code, 2);
  assert.match(d.stderr, /--from must be a calendar date/);
  // A well-shaped string that names no day is refused too: compared as text it would select every later document.
  const impossible = runCli(['corpus', 'search', 'x', '--db', db, '--to', '2018-13-45']);
  assert.equal(impossible.code, 2);
  assert.match(impossible.stderr, /--to must be a calendar date YYYY-MM-DD \(got "2018-13-45"\)/);
  assert.equal(runCli(['corpus', 'frobnicate']).code, 2);
});

test('a usage error prints one line and a hint to the subcommand help, not the whole corpus help', () => {
  for (const [args, sub, message] of [
    [['corpus', 'stats', '--db', join(dir, 'nonexist.db')], 'corpus stats', /no corpus at /],
    [['corpus', 'search', '--db', db], 'corpus search', /no QUERY and no filter given/],
    // Empty values would match every document; a negative number is the option's own error, not parseArgs' guess.
    [['corpus', 'search', '  ', '--db', db], 'corpus search', /QUERY is empty/],
    [['corpus', 'search', 'x', '--speaker', '', '--db', db], 'corpus search', /--speaker is empty/],
    [['corpus', 'search', 'x', '--limit', '-3', '--db', db], 'corpus search', /--limit must be a positive integer \(got "-3"\)/],
    [['frobnicate'], '', /unknown command "frobnicate"/],
  ] as const) {
    const r = runCli([...args]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, message);
    assert.equal(lines[1], sub ? `see \`recoupe ${sub} --help\`` : 'see `recoupe --help`');
  }
  assert.equal(runCli(['corpus', 'frobnicate']).stderr.trimEnd().split('\n')[1], 'see `recoupe corpus --help`');
});
