// The OrangeSum gold (eval/gold/: held-out files and the DEV attribution file): well-formed,
// big enough, and free of article text (the texts are copyrighted: only ids, offsets and short forms are stored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ATTRIBUTIONS_GOLD,
  DEV_2018_ATTRIBUTIONS_GOLD,
  DEV_ATTRIBUTIONS_GOLD,
  DEV_MAGAZINES_ATTRIBUTIONS_GOLD,
  HELDOUT_2018_ATTRIBUTIONS_GOLD,
  HELDOUT_MAGAZINES_ATTRIBUTIONS_GOLD,
  hasOrangesum,
  loadOrangesumGold,
  loadSentenceGold,
  ORANGESUM_SAMPLE,
  SENTENCES_GOLD,
  sha256,
} from '../eval/gold/orangesum.js';

const needsOrangesum = hasOrangesum ? false : '../shared/datasets/orangesum is not present';
const KINDS = new Set(['direct', 'indirect', 'mixed', 'according']);
const HELD_OUT = (line: number) => line >= 1001 && line <= 2000;
const DEV = (line: number) => line >= 1 && line <= 1000;
/** Each attribution gold file with the sample lines its articles must come from. */
const ATTRIBUTION_FILES = [
  { name: 'held-out', path: ATTRIBUTIONS_GOLD, inRange: HELD_OUT },
  { name: 'dev', path: DEV_ATTRIBUTIONS_GOLD, inRange: DEV },
];
/** Articles of the full dataset (issue 14: 2018 ones, then magazine and opinion outlets), outside the sample; the split is the parity of sha256(id)'s last hex digit. */
const FULL_2018_FILES = [
  { name: '2018 dev', path: DEV_2018_ATTRIBUTIONS_GOLD, parity: 0 },
  { name: '2018 held-out', path: HELDOUT_2018_ATTRIBUTIONS_GOLD, parity: 1 },
  { name: 'magazines dev', path: DEV_MAGAZINES_ATTRIBUTIONS_GOLD, parity: 0 },
  { name: 'magazines held-out', path: HELDOUT_MAGAZINES_ATTRIBUTIONS_GOLD, parity: 1 },
];

test('the stored gold holds no article text, only short cue and speaker forms', () => {
  for (const { path } of [...ATTRIBUTION_FILES, ...FULL_2018_FILES]) {
    const attributions = JSON.parse(readFileSync(path, 'utf8'));
    for (const r of attributions.records) {
      assert.equal('content' in r, false, 'content must be stored as content_span offsets');
      for (const s of [r.cue, ...r.source, ...(r.via ?? [])]) assert.ok(s.length <= 80, `too long to be a name or cue: ${s.length} chars`);
    }
  }
  const sentences = JSON.parse(readFileSync(SENTENCES_GOLD, 'utf8'));
  for (const d of sentences.docs) assert.deepEqual(Object.keys(d).sort(), ['ends', 'id', 'line', 'sha256']);
});

for (const { name, path, inRange } of ATTRIBUTION_FILES) {
  test(`${name} attribution gold: >= 15 docs in its line range, spans in range and non-empty, same shape as the seed gold`, { skip: needsOrangesum }, () => {
    const gold = loadOrangesumGold(path);
    assert.ok(gold.docs.length >= 15, `${gold.docs.length} docs`);
    const texts = new Map(gold.docs.map((d) => [d.id, d.text.toLowerCase()]));
    for (const d of gold.docs) assert.ok(inRange(d.line), `line ${d.line} is outside the ${name} lines`);
    for (const r of gold.records) {
      const text = texts.get(r.doc);
      assert.ok(text !== undefined, r.doc);
      // cue, speaker and via forms are surface forms of the article (resolved pronouns name someone it mentions)
      for (const form of [r.cue, ...r.source, ...(r.via ?? [])])
        assert.ok(text.includes(form.toLowerCase()), `${r.doc}: ${JSON.stringify(form)} is not in the text`);
      assert.ok(r.content.trim().length > 0 && r.content === r.content.trim(), `${r.doc} ${r.cue}: content ${JSON.stringify(r.content)}`);
      assert.ok(KINDS.has(r.kind), r.kind);
      assert.ok(r.source.length > 0 && r.source.every((s) => s.trim() !== ''), `${r.doc} ${r.cue}: empty source`);
    }
    for (const id of texts.keys())
      assert.ok(
        gold.records.some((r) => r.doc === id && !r.optional),
        `${id} has no required record`,
      );
  });
}

for (const { name, path, parity } of FULL_2018_FILES) {
  test(`${name} attribution gold: full-dataset articles outside the sample, split by id hash, every snippet found`, { skip: needsOrangesum }, () => {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { docs: { id: string; file?: string }[] };
    const sampleIds = new Set(
      readFileSync(ORANGESUM_SAMPLE, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id),
    );
    for (const d of raw.docs) {
      assert.equal(d.file, 'full', d.id);
      assert.equal(sampleIds.has(d.id), false, `${d.id} is in the sample`);
      assert.equal(Number.parseInt(sha256(d.id).slice(-1), 16) % 2, parity, `${d.id} is in the wrong split`);
    }
    const gold = loadOrangesumGold(path);
    assert.ok(gold.docs.length >= 3 && gold.records.filter((r) => !r.optional).length >= 15);
    for (const r of gold.records) assert.ok(KINDS.has(r.kind) && r.content.trim() === r.content && r.content.length > 0, `${r.doc} ${r.cue}`);
  });
}

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
