import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimReviewDraft, completeClaimReview } from './claimreview.js';
import type { ClaimGroup } from '../server/corpus-port.js';

const doc = {
  id: 'd1',
  title: 'T',
  outlet: 'Le Courrier',
  published: '2024-03-02',
  language: 'fr',
  url: 'https://courrier.example/a',
  attributions: 1,
  claims: 1,
};
const group: ClaimGroup = {
  id: 'g',
  label: 'Le barrage a cédé',
  mentions: 1,
  outlets: 1,
  origins: 1,
  verdict: 'single-upstream',
  first: '2024-03-02',
  last: '2024-03-02',
  independent: false,
  reasons: [],
  reasonMessages: [],
  upstream: [],
  items: [
    { document: doc, text: 'Le barrage a cédé', hedged: false, source: 'Paul Marin', sourceKey: 'per:paul-marin', anonymous: false, cue: 'a dit', via: [] },
  ],
  explanation: [],
  explanationMessages: [],
  entityKeys: [],
  entityNames: {},
  numbers: [],
};

test("the draft describes what the mentions rest on in the verdict's terms, never « independent origins » it does not establish", () => {
  assert.match(claimReviewDraft(group).description as string, /every mention traces back to one upstream source/);
  const undetermined = claimReviewDraft({ ...group, verdict: 'undetermined', origins: 0 }).description as string;
  assert.match(undetermined, /independence undetermined/);
  assert.doesNotMatch(undetermined, /independent origin|independently confirmed/);
  assert.match(
    claimReviewDraft({ ...group, verdict: 'independent', origins: 2 }).description as string,
    /independently confirmed by 2 distinct named upstream sources/,
  );
});

test('a filled-in ClaimReview has every field a publishable one needs, and no null', () => {
  const { jsonld, missing } = completeClaimReview(claimReviewDraft(group), {
    ratingValue: 1,
    alternateName: 'Faux',
    explanation: 'Le barrage est intact.',
    authorName: 'Vérif',
    url: 'https://verif.example/barrage',
    datePublished: '2024-03-04',
  });
  assert.deepEqual(missing, []);
  assert.equal(jsonld['@context'], 'https://schema.org');
  assert.equal(jsonld['@type'], 'ClaimReview');
  assert.equal(jsonld.claimReviewed, 'Le barrage a cédé');
  assert.equal(jsonld.creativeWorkStatus, undefined, 'no longer a draft');
  assert.deepEqual(jsonld.reviewRating, {
    '@type': 'Rating',
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    alternateName: 'Faux',
    ratingExplanation: 'Le barrage est intact.',
  });
  assert.deepEqual(jsonld.author, { '@type': 'Organization', name: 'Vérif' });
  assert.equal(jsonld.url, 'https://verif.example/barrage');
  assert.equal((jsonld.itemReviewed as { '@type': string })['@type'], 'Claim');
  assert.ok(!JSON.stringify(jsonld).includes('null'), 'no null left');
});

test('an incomplete form stays a draft and says what is missing; a javascript: URL is refused', () => {
  const { jsonld, missing } = completeClaimReview(claimReviewDraft(group), {
    ratingValue: null,
    alternateName: '',
    explanation: '',
    authorName: ' ',
    url: 'javascript:alert(1)',
    datePublished: '2024-3-4',
  });
  assert.deepEqual(missing, ['ratingValue', 'authorName', 'url', 'datePublished']);
  assert.equal(jsonld.creativeWorkStatus, 'Draft');
  assert.equal(jsonld.url, undefined);
  assert.ok(!JSON.stringify(jsonld).includes('null'));
});

test('appearance lists each document once however many times it mentions the claim', () => {
  const other = { ...doc, id: 'd2', url: 'https://autre.example/b' };
  const mention = group.items[0]!;
  const items = [mention, { ...mention, text: 'Le barrage aurait cédé' }, { ...mention, document: other }, mention];
  const claim = claimReviewDraft({ ...group, items, mentions: items.length }).itemReviewed as { appearance: { url: string }[] };
  assert.deepEqual(
    claim.appearance.map((x) => x.url),
    ['https://courrier.example/a', 'https://autre.example/b'],
  );
});

test('the claim author is typed by its source key; the outlet speaks for an unsourced claim; an anonymous one names no one', () => {
  const author = (patch: Partial<ClaimGroup['items'][number]>) =>
    (claimReviewDraft({ ...group, items: [{ ...group.items[0]!, ...patch }] }).itemReviewed as { author?: unknown }).author;
  assert.deepEqual(author({}), { '@type': 'Person', name: 'Paul Marin' });
  assert.deepEqual(author({ source: 'la préfecture', sourceKey: 'org:prefecture' }), { '@type': 'Organization', name: 'la préfecture' });
  assert.deepEqual(author({ source: null, sourceKey: null }), { '@type': 'Organization', name: doc.outlet });
  assert.equal(author({ source: 'une source proche du dossier', sourceKey: 'anon:x', anonymous: true }), undefined);
});
