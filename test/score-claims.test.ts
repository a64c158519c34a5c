// The claim scorer's rules on tiny hand-made inputs: text location, pairwise
// P/R/F1, false "independent" verdicts, verdict mapping and confusion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, normaliseVerdict, oracleScore, scoreClaims, textMatches, type GoldCluster, type GoldMention, type SystemGroup } from '../eval/score-claims.js';

const clusters: GoldCluster[] = [
  { id: 'arrest', verdict: 'single-upstream' },
  { id: 'toll', verdict: 'independent' },
  { id: 'toll-other-figure', verdict: 'single-upstream' },
];
const m = (key: string, cluster: string, doc: string, text: string, upstream: string): GoldMention => ({ key, cluster, doc, text, upstream });
const mentions: GoldMention[] = [
  m('a1', 'arrest', 'd1', 'Le maire a été arrêté lundi à Lyon', 'wire:afp'),
  m('a2', 'arrest', 'd2', 'le maire de la ville a été arrêté lundi', 'wire:afp'),
  m('t1', 'toll', 'd1', 'Trois personnes sont mortes dans l’incendie', 'org:prefecture'),
  m('t2', 'toll', 'd3', "trois morts dans l'incendie, selon les pompiers", 'org:pompiers'),
  m('o1', 'toll-other-figure', 'd2', 'cinq personnes sont mortes dans l’incendie', 'wire:afp'),
];

test('a claim locates a mention by Dice >= 0.5 or by containment of >= 4 tokens, quotes and case folded', () => {
  assert.equal(textMatches('Trois personnes sont mortes dans l’incendie', "trois personnes sont mortes dans l'incendie"), true);
  assert.equal(textMatches('a été arrêté lundi à Lyon', 'Selon la police, le maire, soupçonné de fraude, a été arrêté lundi à Lyon après une enquête.'), true);
  assert.equal(textMatches('a déclaré', 'Le ministre a déclaré que les routes seraient fermées'), false);
  assert.equal(textMatches('10 personnes disparues', 'Immeubles effondrés : 10 personnes disparues, le ministre peu optimiste'), true);
  assert.equal(textMatches('Le maire de Lyon a été arrêté lundi après une longue enquête du parquet financier', 'a été arrêté'), false);
  assert.equal(textMatches('Le maire a été arrêté lundi à Lyon', 'Le préfet a annoncé un plan pour les routes'), false);
});

test('pairwise precision and recall count pairs of gold mentions held by one system group', () => {
  const groups: SystemGroup[] = [
    {
      id: 'g1',
      verdict: 'single-upstream',
      claims: [
        { doc: 'd1', text: 'Le maire a été arrêté lundi à Lyon.' },
        { doc: 'd2', text: 'Le maire de la ville a été arrêté lundi.' },
      ],
    },
    // merges the toll with another figure for it: one right pair (t1,t2), two wrong (t1,o1), (t2,o1)
    {
      id: 'g2',
      verdict: 'independent',
      claims: [
        { doc: 'd1', text: "Trois personnes sont mortes dans l'incendie." },
        { doc: 'd3', text: "Trois morts dans l'incendie, selon les pompiers." },
        { doc: 'd2', text: "Cinq personnes sont mortes dans l'incendie." },
        { doc: null, text: 'Trois personnes sont mortes.' },
      ],
    },
  ];
  const s = scoreClaims(clusters, mentions, groups);
  assert.deepEqual([s.pairs.tp, s.pairs.predicted, s.pairs.gold], [2, 4, 2]);
  assert.equal(s.pairs.precision, 0.5);
  assert.equal(s.pairs.recall, 1);
  assert.equal(s.ungrouped.length, 0);
  assert.deepEqual(s.falseIndependent, [{ group: 'g2', clusters: ['toll', 'toll-other-figure'], reason: 'mixes clusters' }]);
});

test('an independent verdict on a single-upstream cluster is false; one on an independent cluster is not', () => {
  const wrong: SystemGroup[] = [
    {
      id: 'g1',
      verdict: 'independent confirmations',
      claims: [
        { doc: 'd1', text: 'Le maire a été arrêté lundi à Lyon' },
        { doc: 'd2', text: 'le maire de la ville a été arrêté lundi' },
      ],
    },
  ];
  const s = scoreClaims(clusters, mentions, wrong);
  assert.equal(s.falseIndependent.length, 1);
  assert.equal(s.falseIndependent[0]!.reason, 'gold verdict single-upstream');
  assert.equal(s.confusion['single-upstream']?.independent, 1);
  assert.equal(s.confusion.independent?.none, 1);
  assert.deepEqual(s.ungrouped.sort(), ['o1', 't1', 't2']);

  const right: SystemGroup[] = [
    {
      id: 'g2',
      verdict: 'independent',
      claims: [
        { doc: 'd1', text: "Trois personnes sont mortes dans l'incendie" },
        { doc: 'd3', text: "trois morts dans l'incendie, selon les pompiers" },
      ],
    },
  ];
  const r = scoreClaims(clusters, mentions, right);
  assert.equal(r.falseIndependent.length, 0);
  assert.equal(r.independentOnOneUpstream.length, 0);
  assert.equal(r.confusion.independent?.independent, 1);
});

test('claims of another document never locate a mention', () => {
  const groups: SystemGroup[] = [
    {
      id: 'g',
      verdict: 'single-upstream',
      claims: [
        { doc: 'd3', text: 'Le maire a été arrêté lundi à Lyon' },
        { doc: 'd1', text: 'le maire de la ville a été arrêté lundi' },
      ],
    },
  ];
  const s = scoreClaims(clusters, mentions, groups);
  assert.equal(s.pairs.predicted, 0);
});

test('verdict strings of the contract and of the older code map to the three values', () => {
  assert.equal(normaliseVerdict('independent'), 'independent');
  assert.equal(normaliseVerdict('independent confirmations'), 'independent');
  assert.equal(normaliseVerdict('single source'), 'single-upstream');
  assert.equal(normaliseVerdict('single-upstream'), 'single-upstream');
  assert.equal(normaliseVerdict('undetermined'), 'undetermined');
  assert.equal(normaliseVerdict('confirmed'), 'other:confirmed');
});

test('oracle grouping: a mention is located by its best-matching claim, and verdicts are scored per judged cluster', () => {
  const claims = [{ text: 'Le préfet a annoncé un plan' }, { text: 'le maire a été arrêté' }, { text: 'Le maire a été arrêté lundi à Lyon' }];
  assert.equal(locate('Le maire a été arrêté lundi à Lyon', claims), 2);
  assert.equal(locate('cinq personnes sont mortes', claims), -1);
  const verdicts = new Map<string, string | null>([
    ['arrest', 'independent'],
    ['toll', 'independent'],
    ['toll-other-figure', null],
  ]);
  const o = oracleScore(clusters, verdicts);
  assert.equal(o.clusters, 3);
  assert.equal(o.right, 1);
  assert.equal(o.unlocated, 1);
  assert.deepEqual(o.falseIndependent, ['arrest']);
  assert.deepEqual(o.confusion, { 'single-upstream': { independent: 1, none: 1 }, independent: { independent: 1 } });
});
