import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimTable } from './claim-table.js';
import { Matcher } from './claim-groups.js';
import { labelIndex, wholeness } from './claim-label.js';
import type { ClaimFeatures } from './store.js';

/** A claim of the Ghosn story as the store gives it: `text` is what the label would show. */
interface Claim {
  text: string;
  entityKeys: string[];
  stems: string[];
  predicate: string[];
  title?: boolean;
}

const features = (c: Claim, i: number): ClaimFeatures => ({
  documentId: `d${i}`,
  index: 0,
  published: '2018-11-19',
  language: 'fr',
  entityKeys: c.entityKeys,
  numbers: [],
  predicate: c.stems,
  speakerKey: null,
  proposition: { predicate: c.predicate, figures: [], subject: [], arguments: c.entityKeys, time: [], negated: false, viaKeys: [] },
  outlet: null,
  title: c.title ?? false,
});

const label = async (claims: Claim[]) => {
  const t = await claimTable(claims.map(features));
  const m = new Matcher(t);
  const members = claims.map((_, i) => i);
  return claims[
    labelIndex(
      t,
      members,
      claims.map((c) => c.text),
      (x, y) => m.compare(x, y),
    )
  ]!.text;
};

const fragment: Claim = {
  text: 'qui avait été arrêté lundi à Tokyo',
  entityKeys: ['geonames:1850147'],
  stems: ['arret', 'lund', 'tokyo'],
  predicate: ['arret'],
};
const headline: Claim = {
  text: 'Ghosn arrêté à Tokyo',
  entityKeys: ['geonames:1850147', 'per:carlos-ghosn'],
  stems: ['arret'],
  predicate: ['arret'],
  title: true,
};
const clause: Claim = {
  text: 'Carlos Ghosn a été arrêté lundi à Tokyo',
  entityKeys: ['geonames:1850147', 'per:carlos-ghosn'],
  stems: ['arret', 'lund'],
  predicate: ['arret'],
};

test('a group is labelled by a clause of its own, not by the fragment that came first', async () => {
  assert.equal(await label([fragment, headline, clause]), clause.text);
  // Without a whole clause, a headline stating the predicate is better than a piece of a sentence.
  assert.equal(await label([fragment, headline]), headline.text);
});

test('among whole clauses the label is the one agreeing most with the rest of its group', async () => {
  const aside: Claim = {
    text: 'Le patron de Renault est resté discret',
    entityKeys: ['org:renault'],
    stems: ['discret', 'patron', 'rest'],
    predicate: ['rest'],
  };
  assert.equal(await label([aside, fragment, clause]), clause.text);
});

test('how whole a claim reads: a capitalised clause with a predicate, a headline, a fragment', async () => {
  const place: Claim = { text: 'Lundi à Tokyo', entityKeys: ['geonames:1850147'], stems: ['lund'], predicate: [] };
  const t = await claimTable([fragment, headline, clause, place].map(features));
  assert.deepEqual(
    [fragment, headline, clause, place].map((x, c) => wholeness(t, c, x.text)),
    [0, 1, 2, 1],
  );
});
