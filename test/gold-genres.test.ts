// The attribution gold outside wire copy (eval/gold/genres-attributions-*.json): page documents store no page text,
// the split follows its fixed rule, no page is held out for attribution work, and every snippet is found again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadGenresGold } from '../eval/gold/genres.js';
import { needsShared, sharedPath } from './helpers/shared.js';

const FILES: [string, string][] = [
  ['dev', 'eval/gold/genres-attributions-dev.json'],
  ['heldout', 'eval/gold/genres-attributions-heldout.json'],
  ['dev', 'eval/gold/genres-written-dev.json'],
  ['heldout', 'eval/gold/genres-written-heldout.json'],
  ['dev', 'eval/gold/genres-web-dev.json'],
  ['heldout', 'eval/gold/genres-web-heldout.json'],
  ['dev', 'eval/gold/genres-mixed-dev.json'],
  ['heldout', 'eval/gold/genres-mixed-heldout.json'],
  ['dev', 'eval/gold/genres-trial-dev.json'],
  ['heldout', 'eval/gold/genres-trial-heldout.json'],
];
const KINDS = new Set(['direct', 'indirect', 'mixed', 'according']);

for (const [split, path] of FILES) {
  test(`${path}: split rule, no page text, no held-out page, records well-formed`, () => {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as {
      docs: { id: string; text?: string; page?: { file: string } }[];
      records: Record<string, unknown>[];
    };
    const ids = new Set(raw.docs.map((d) => d.id));
    for (const d of raw.docs) {
      const name = d.page ? d.page.file : d.id;
      const even = Number.parseInt(createHash('sha256').update(name).digest('hex').at(-1)!, 16) % 2 === 0;
      assert.equal(even ? 'dev' : 'heldout', split, `${name} is in the wrong split`);
      if (d.page) {
        assert.equal(d.text, undefined, 'page text must not be stored');
        // htmldate-eval-fr pages (and their same-named copies) are held out for attribution work.
        if (existsSync(sharedPath('datasets', 'extraction', 'htmldate-eval-fr', 'html')))
          assert.ok(!existsSync(sharedPath('datasets', 'extraction', 'htmldate-eval-fr', 'html', d.page.file)), d.page.file);
      }
    }
    for (const r of raw.records) {
      assert.ok(ids.has(r.doc as string), String(r.doc));
      assert.ok(KINDS.has(r.kind as string), String(r.kind));
      assert.ok(Array.isArray(r.source) && r.source.length > 0);
      const page = raw.docs.find((d) => d.id === r.doc)!.page;
      assert.equal(page ? 'content_span' in r && !('content' in r) : typeof r.content === 'string', true, 'page records store offsets and sha256 only');
    }
  });
  test(`${path}: every content snippet is in its document`, { skip: needsShared }, () => {
    const gold = loadGenresGold(path);
    for (const r of gold.records) assert.ok(gold.docs.get(r.doc)!.includes(r.content), `${r.doc}: ${r.content}`);
  });
}
