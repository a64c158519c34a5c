// The claim groups `corpus claims` prints for a few articles, through the real CLI (a fresh store each time).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli.js';

export interface Group {
  label: string;
  verdict: string;
  contradicts: string[];
  contradicted_by: { text: string; speaker: string | null; bySubject: boolean }[];
  reasons: string[];
  claims: { text: string }[];
  upstream_sources: { key: string; label: string; kind?: string; denies?: boolean }[];
}

/** The groups `corpus claims` prints for these articles. */
export function groupsOf(articles: object[]): Group[] {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-groups-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, articles.map((r) => JSON.stringify(r)).join('\n'));
  const db = join(dir, 'x.db');
  assert.equal(runCli(['corpus', 'add', input, '--db', db]).code, 0);
  const r = runCli(['corpus', 'claims', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Group);
}
