// One person named under two transliterations of a surname (« Zelenskiy » / « Ukrainian President Volodymyr
// Zelensky ») in two articles is one upstream source, through the real CLI: never an « independent » confirmation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'recoupe-spellings-'));

/** The second article's words: the first article's statement, or (as two reporters write two people's words) another wording. */
const SAME_WORDS = 'that 27 of the 39 drones were shot down over the Kyiv region on Sunday night.';
const OTHER_WORDS = 'air defences downed 27 of the 39 drones over the Kyiv region overnight.';

function verdictOf(speakerA: string, speakerB: string, wordsB = SAME_WORDS): { verdict: string; upstream: number } {
  const a = join(dir, `${speakerA.length}-${speakerB.length}-a.txt`);
  const b = join(dir, `${speakerA.length}-${speakerB.length}-b.txt`);
  writeFileSync(
    a,
    `Kyiv repels night attack\n\nKYIV (Reuters) - Russia sent a large wave of attack drones at central Ukraine on Sunday, the air force said in a statement.\n\n${speakerA} said 27 of the 39 drones were shot down over the Kyiv region on Sunday night.\n\nThe mayor said two buildings were damaged in the Obolon district.\n`,
  );
  writeFileSync(
    b,
    `Air defence busy over Kyiv\n\nResidents of the capital spent hours in shelters as sirens sounded across the city.\n\n${speakerB} said ${wordsB}\n\nEnergy facilities in the west of the country were also hit, the ministry reported.\n`,
  );
  const db = join(dir, `${speakerA.length}-${speakerB.length}.db`);
  assert.equal(runCli(['corpus', 'add', a, b, '--db', db]).code, 0);
  const r = runCli(['corpus', 'claims', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const group = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { label: string; verdict: string; independent_sources: number })
    .find((g) => g.label.includes('27 of the 39 drones'));
  assert.ok(group, r.stdout);
  return { verdict: group.verdict, upstream: group.independent_sources };
}

test('two transliterations of one surname, one with a title before the name: one upstream, not independent', () => {
  assert.deepEqual(verdictOf('President Volodymyr Zelenskiy', 'Ukrainian President Volodymyr Zelensky'), { verdict: 'single-upstream', upstream: 1 });
});

// One statement in the same words is one upstream whoever each copy credits it to (a copied sentence): two people's
// separate confirmations are worded apart.
test('two people of one given name and different surnames stay two sources', () => {
  assert.deepEqual(verdictOf('Defence Minister Rustem Umerov', 'President Rustem Zelensky', OTHER_WORDS), { verdict: 'independent', upstream: 2 });
});
