// Well-formedness of the claim-cluster gold: structure always; with ../shared,
// every document's sha256 and every mention's span against the real texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  CLAIMS_DEV_GOLD,
  CLAIMS_HELDOUT_GOLD,
  checkGoldStructure,
  checkMentions,
  hasClaimSources,
  materialiseDocs,
  readClaimGold,
  scanOrangesum,
} from '../eval/gold/claims.js';

const files = [CLAIMS_DEV_GOLD, CLAIMS_HELDOUT_GOLD].filter((p) => existsSync(p));

test('claim gold files are well formed', () => {
  assert.ok(files.length > 0);
  for (const p of files) assert.deepEqual(checkGoldStructure(readClaimGold(p)), [], p);
});

test('dev and held-out gold share no document and no story', () => {
  if (files.length < 2) return;
  const [dev, held] = files.map(readClaimGold);
  const devDocs = new Set(dev!.documents.map((d) => d.id));
  assert.deepEqual(
    held!.documents.filter((d) => devDocs.has(d.id)).map((d) => d.id),
    [],
  );
  const devStories = new Set(dev!.stories.map((s) => s.id));
  assert.deepEqual(
    held!.stories.filter((s) => devStories.has(s.id)).map((s) => s.id),
    [],
  );
});

test('every mention is the exact slice of its article', { skip: hasClaimSources ? false : '../shared is not present' }, async () => {
  const golds = files.map(readClaimGold);
  const rows = await scanOrangesum(new Set(golds.flatMap((g) => g.documents.flatMap((d) => (d.line ? [d.line] : [])))));
  for (const g of golds) assert.deepEqual(checkMentions(g, materialiseDocs(g, rows)), []);
});
