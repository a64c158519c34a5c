import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { analysisJsonSchema } from '../src/doc/json-schema.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { runCli } from './helpers/cli.js';
import { needsShared, sharedPath } from './helpers/shared.js';

const published = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'analysis.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(published);

test('the published JSON Schema is generated from the zod schema (run `npm run schema`)', () => {
  assert.deepEqual(published, JSON.parse(JSON.stringify(analysisJsonSchema())));
});

function assertValid(doc: unknown, label: string) {
  const ok = validate(doc);
  assert.ok(ok, `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

function checkSpans(doc: { text: string; sentences: { start: number; end: number }[]; quotes?: { start: number; end: number; text: string }[] }) {
  for (const s of doc.sentences) assert.ok(s.start < s.end && s.end <= doc.text.length);
  for (const q of doc.quotes ?? []) assert.equal(doc.text.slice(q.start, q.end), q.text);
}

test('bundled examples validate against the published schema', () => {
  const r = runCli(['analyze', 'examples', '--format', 'jsonl']);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(docs.length, 3);
  for (const d of docs) {
    assertValid(d, d.input.path);
    checkSpans(d);
  }
});

test('the seeds give three documents that validate against the published schema', { skip: needsShared }, () => {
  const r = runCli(['analyze', sharedPath('seeds'), '--format', 'jsonl', '--layers', '+tokens']);
  assert.equal(r.code, 0, r.stderr);
  const docs = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(docs.length, 3);
  for (const d of docs) {
    assertValid(d, d.input.path);
    checkSpans(d);
    assert.ok(d.sentences.length > 10 && d.tokens.length > 300);
  }
});
