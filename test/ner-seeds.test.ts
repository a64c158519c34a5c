// On the seed articles (../shared/seeds), every spelling of one actor resolves
// to one key, and every outlet they name is a media entity.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../src/pipeline/analyze.js';
import { normaliseAlias } from '../src/kb/normalise.js';
import { hasShared, needsShared, sharedPath } from './helpers/shared.js';

/** The alias groups of issue 5: each must end up under one key. */
const GROUPS = [
  ['Daesh', 'Daech', 'DAESH', 'EI', "l'EI", 'État islamique', 'Etat islamique', "l'État islamique", 'Etat islamique-EI', 'ISIS', 'ISIL', 'Islamic State'],
  ['Mossoul', 'Mossul', 'Mosul'],
  ['Irak', "l'Irak", 'irakien', 'irakienne', 'irakiens', 'irakiennes', 'Irakiens'],
];
/** Outlets and agencies named in news text; any of them present in a seed must be a media entity there. */
const OUTLETS = [
  'AFP',
  'Reuters',
  'Fars',
  'Al Mayadeen',
  'Al Manar',
  'Asia News',
  'AsiaNews',
  'Arabi-Press',
  'InfoWars',
  'HuffPost Québec',
  'Le Monde',
  'Le Figaro',
  'Al Jazeera',
  'Sputnik',
];

const seeds = hasShared ? readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')) : [];
const analyses = seeds.map((f) => analyze(readFileSync(sharedPath('seeds', f), 'utf8')));

test('every alias group resolves to one key across the seeds', { skip: needsShared }, () => {
  for (const group of GROUPS) {
    const wanted = new Set(group.map(normaliseAlias));
    const keys = new Map<string, string>();
    for (const a of analyses) {
      for (const e of a.entities) if (wanted.has(normaliseAlias(e.text))) keys.set(e.key, e.text);
    }
    assert.ok(keys.size > 0, `no mention of ${group[0]} found`);
    assert.equal(keys.size, 1, `${group[0]}: several keys ${JSON.stringify([...keys])}`);
  }
});

test('every outlet named in the seeds is a media entity', { skip: needsShared }, () => {
  let found = 0;
  for (const a of analyses) {
    for (const outlet of OUTLETS) {
      let at = a.text.indexOf(outlet);
      while (at >= 0) {
        const before = a.text[at - 1] ?? ' ';
        const after = a.text[at + outlet.length] ?? ' ';
        // A word boundary on both sides ("Fars" but not "Farsi"); a name inside a URL token is no mention.
        const inUrl = a.tokens?.some((t) => t.kind === 'url' && t.start <= at && t.end > at);
        if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after) && !inUrl) {
          found++;
          const e = a.entities.find((x) => x.start <= at && x.end >= at + outlet.length);
          assert.equal(e?.subtype, 'media', `"${outlet}" at ${at} in ${a.id.slice(0, 8)}: ${JSON.stringify(e ?? null)}`);
        }
        at = a.text.indexOf(outlet, at + 1);
      }
    }
  }
  assert.ok(found > 0, 'no outlet found in the seeds');
});

test('no place key on a person mention in the seeds; a surname takes the full name key', { skip: needsShared }, () => {
  for (const a of analyses) {
    for (const e of a.entities) {
      if (e.type === 'PER') assert.doesNotMatch(e.key, /^(?:geonames|iso3166):/, `${e.text} is a person with a place key`);
      assert.ok(e.rule, `${e.text}: no link evidence`);
    }
  }
  const psaki = analyses.flatMap((a) => a.entities).filter((e) => e.type === 'PER' && /Psaki$/.test(e.text));
  assert.ok(psaki.length >= 2);
  assert.equal(new Set(psaki.map((e) => e.key)).size, 1, JSON.stringify(psaki.map((e) => [e.text, e.key])));
});
