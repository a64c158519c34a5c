// The held-out OrangeSum gold (eval/gold/): well-formed, big enough, and free of
// article text (the texts are copyrighted: only ids, offsets and short forms are stored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ATTRIBUTIONS_GOLD,
  hasOrangesum,
  loadOrangesumGold,
  loadSentenceGold,
  SENTENCES_GOLD,
} from '../eval/gold/orangesum.js';

const needsOrangesum = hasOrangesum ? false : '../shared/datasets/orangesum is not present';
const KINDS = new Set(['direct', 'indirect', 'mixed', 'according']);
const HELD_OUT = (line: number) => line >= 1001 && line <= 2000;

test('the stored gold holds no article text, only short cue and speaker forms', () => {
  const attributions = JSON.parse(readFileSync(ATTRIBUTIONS_GOLD, 'utf8'));
  for (const r of attributions.records) {
    assert.equal('content' in r, false, 'content must be stored as content_span offsets');
    for (const s of [r.cue, ...r.source, ...(r.via ?? [])]) assert.ok(s.length <= 80, `too long to be a name or cue: ${s.length} chars`);
  }
  const sentences = JSON.parse(readFileSync(SENTENCES_GOLD, 'utf8'));
  for (const d of sentences.docs) assert.deepEqual(Object.keys(d).sort(), ['ends', 'id', 'line', 'sha256']);
});

test('attribution gold: >= 15 held-out docs, spans in range and non-empty, same shape as the seed gold', { skip: needsOrangesum }, () => {
  const gold = loadOrangesumGold();
  assert.ok(gold.docs.length >= 15, `${gold.docs.length} docs`);
  const ids = new Set(gold.docs.map((d) => d.id));
  for (const d of gold.docs) assert.ok(HELD_OUT(d.line), `line ${d.line} is not held out`);
  for (const r of gold.records) {
    assert.ok(ids.has(r.doc), r.doc);
    assert.ok(r.content.trim().length > 0 && r.content === r.content.trim(), `${r.doc} ${r.cue}: content ${JSON.stringify(r.content)}`);
    assert.ok(KINDS.has(r.kind), r.kind);
    assert.ok(r.source.length > 0 && r.source.every((s) => s.trim() !== ''), `${r.doc} ${r.cue}: empty source`);
  }
  for (const id of ids) assert.ok(gold.records.some((r) => r.doc === id && !r.optional), `${id} has no required record`);
});

test('sentence gold: >= 300 boundaries, increasing ends right after a non-space character', { skip: needsOrangesum }, () => {
  const gold = loadSentenceGold();
  let boundaries = 0;
  for (const d of gold.docs) {
    assert.ok(HELD_OUT(d.line), `line ${d.line} is not held out`);
    let prev = 0;
    for (const e of d.ends) {
      assert.ok(e > prev && e <= d.text.length, `${d.id}: end ${e} after ${prev}`);
      assert.match(d.text[e - 1]!, /\S/u, `${d.id}: end ${e} follows a space`);
      prev = e;
    }
    assert.equal(d.ends.at(-1), d.text.trimEnd().length, `${d.id}: last sentence must end the text`);
    boundaries += d.ends.length - 1;
  }
  assert.ok(boundaries >= 300, `${boundaries} boundaries`);
});
