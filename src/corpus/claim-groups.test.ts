import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDayOf, claimTable, onlySaying, sayingStems, statedNumbers, untyped, weekdayOf } from './claim-table.js';
import { wordTools } from '../lang/stems.js';
import { agree, candidatePairs, claimBlocks, explainPair, matchClaims, Matcher, matchRule, PairJudge, roughlySame, type PairFeatures } from './claim-groups.js';
import { DEFAULT_PAIR_MODEL, loadPairModel, PAIR_FEATURES, PairModel, pairVector } from './claim-pair-model.js';
import type { ClaimFeatures } from './store.js';

/** A claim's features as the store gives them; `over` sets what a test is about. */
const row = (documentId: string, over: Partial<ClaimFeatures> = {}): ClaimFeatures => ({
  documentId,
  index: 0,
  published: '2018-11-05',
  language: 'fr',
  entityKeys: [],
  numbers: [],
  predicate: [],
  speakerKey: null,
  proposition: null,
  outlet: null,
  title: false,
  ...over,
});

const proposition = (predicate: string[], figures: string[], time: string[]) => ({
  predicate,
  figures,
  subject: [],
  arguments: [],
  time,
  negated: false,
  viaKeys: [],
});

test('a rounded figure states the same value, another figure or unit does not', () => {
  assert.ok(roughlySame('12 %', '12.39 %'));
  assert.ok(roughlySame('12.39', '12'));
  assert.ok(!roughlySame('8 %', '12.39 %'));
  assert.ok(!roughlySame('12 mort', '12.5 %'));
  assert.ok(!roughlySame('146', '148'));
});

test('a chain of matches never joins two figures for one thing: « deux immeubles » and « trois immeubles » stay apart', async () => {
  // Three claims of one day: two with another figure for the collapsed buildings, one in between naming no figure.
  // Each figure claim matches the figureless one on its own; closing the matches transitively would join all three.
  const claim = (documentId: string, figures: string[]) =>
    row(documentId, {
      entityKeys: ['geonames:2995469', 'loc:rue-d-aubagne'],
      predicate: ['=fall', 'immeubl', 'centr', 'vill', 'lund', 'matin'],
      proposition: proposition(['effondr'], figures, []),
    });
  const t = await claimTable([claim('a', ['2 immeubl']), claim('b', []), claim('c', ['3 immeubl'])]);
  const groups = matchClaims(t);
  assert.equal(groups.length, 1);
  // The figureless claim joins one of them; the other figure stays out of the group.
  assert.equal(groups[0]!.claims.length, 2);
  assert.ok(groups[0]!.claims.includes(1));
});

const features = (over: Partial<PairFeatures> = {}): PairFeatures => ({
  near: true,
  sameDocument: false,
  titles: 0,
  topicTitle: false,
  sameSpeaker: false,
  daysApart: 0,
  verbs: 0,
  negation: false,
  daysDiffer: false,
  modalDiffer: false,
  figuresDisagree: false,
  sharedFigure: false,
  sameFigure: false,
  entityless: true,
  sharedVerb: true,
  predicates: true,
  entities: { common: 0, jaccard: 0, containment: 0, shared: 0, peopleDiffer: false },
  subject: { same: false, peopleDiffer: false },
  words: { jaccard: 0.4, containment: 0.7, shared: 1.1 },
  ...over,
});

test('the same predicate with most of the wording joins; another day, other people or too little wording does not', () => {
  assert.ok(agree(features()));
  assert.ok(!agree(features({ daysDiffer: true })));
  assert.ok(!agree(features({ entities: { common: 0, jaccard: 0, containment: 0, shared: 0, peopleDiffer: true } })));
  assert.ok(!agree(features({ words: { jaccard: 0.2, containment: 0.5, shared: 1.1 } })));
  assert.ok(!agree(features({ sharedVerb: false, words: { jaccard: 0.2, containment: 0.7, shared: 1.1 } })));
});

test('the day of the week of a claim: from a weekday key or a full date, none when its dates name two days', () => {
  assert.equal(weekdayOf(['date:-W-1-matin'], '2018-11-20'), 1);
  // 19 November 2018 was a Monday; « le 28 décembre » in an article of January is the year before (a Thursday in 2017).
  assert.equal(weekdayOf(['date:2018-11-19'], null), 1);
  assert.equal(weekdayOf(['date:--11-19'], '2018-11-21'), 1);
  assert.equal(weekdayOf(['date:--12-28'], '2018-01-03'), 4);
  assert.equal(weekdayOf(['date:-W-1', 'date:-W-2'], '2018-11-21'), 0);
  assert.equal(weekdayOf(['date:2017', 'date:--05'], '2018-11-21'), 0);
});

/** A claim of a body found in the rubble, published on `published`, naming the dates `time`. */
const discovery = (documentId: string, time: string[], published = '2018-11-07') =>
  row(documentId, {
    published,
    entityKeys: ['geonames:2995469', 'loc:rue-d-aubagne'],
    predicate: ['=discover', 'corp', 'victim', 'decombr'],
    proposition: proposition(['decouvert'], [], time),
  });

test('claims of one event on other days stay apart, even through a claim naming no day', async () => {
  const claim = discovery;
  const t = await claimTable([claim('a', ['date:-W-2']), claim('b', []), claim('c', ['date:-W-3'])]);
  const groups = matchClaims(t);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.claims.length, 2);
  assert.ok(groups[0]!.claims.includes(1));
});

test('one name typed differently by the entity layer is one entity; people stay people', async () => {
  assert.equal(untyped('per:nissan'), 'name:nissan');
  assert.equal(untyped('org:nissan'), 'name:nissan');
  assert.equal(untyped('geonames:2995469'), 'geonames:2995469');
  const t = await claimTable([row('a', { entityKeys: ['per:nissan', 'loc:tokyo'] }), row('b', { entityKeys: ['org:nissan'] })]);
  assert.deepEqual(t.entities.names, ['name:nissan', 'name:tokyo']);
  assert.deepEqual(t.people.names, ['name:nissan']);
});

test('an intent, a threat or an attempt is not the act: « menace de s’effondrer » stays apart from « se sont effondrés »', async () => {
  const claim = (documentId: string, predicate: string[]) =>
    row(documentId, {
      entityKeys: ['geonames:2995469'],
      predicate: [...predicate, 'immeubl', 'centr', 'vill'],
      proposition: proposition(predicate, [], []),
    });
  const done = claim('a', ['=fall']);
  const t = await claimTable([done, claim('b', ['=fall', '=threaten']), { ...done, documentId: 'c' }]);
  assert.ok(t.modal[1] !== 0 && t.modal[0] === 0);
  const groups = matchClaims(t);
  assert.deepEqual(
    groups.map((g) => g.claims),
    [[0, 2]],
  );
});

test('an explanation names the rule that joined the pair, then the parts that matched', () => {
  const e = explainPair(features(), { verbs: ['=injure'], figures: ['2 ~person'], entities: [], weekday: 1 });
  assert.match(e, /^predicate and wording: predicate =injure; wording \(shared weight 1\.10 .*; figures 2 ~person; the same day \(Monday\)$/);
  assert.equal(matchRule(features({ daysDiffer: true })), null);
  assert.equal(matchRule(features({ words: { jaccard: 0.5, containment: 0.8, shared: 2 } })), 'wording');
});

test('the subject the claim layer resolved (« Il sera naturalisé » → the person named before) joins and separates claims', async () => {
  // The subject: named before the predicate or a pronoun's referent; the claim row names it among its entities too.
  const claim = (documentId: string, subject: string[], named: string[] = subject) =>
    row(documentId, {
      entityKeys: named,
      predicate: ['naturalis', 'franc'],
      proposition: { ...proposition(['naturalis'], [], []), subject },
    });
  const t = await claimTable([
    claim('a', ['per:mamoudou-gassama']),
    claim('b', ['per:mamoudou-gassama']),
    claim('c', ['per:lassana-bathily']),
    // Another subject, but the first claim's person is named in it: not another person's act.
    claim('d', ['per:emmanuel-macron'], ['per:emmanuel-macron', 'per:mamoudou-gassama']),
  ]);
  const m = new Matcher(t);
  assert.deepEqual(m.compare(0, 1).subject, { same: true, peopleDiffer: false });
  assert.deepEqual(m.compare(0, 2).subject, { same: false, peopleDiffer: true });
  assert.deepEqual(m.compare(0, 3).subject, { same: false, peopleDiffer: false });
  assert.ok(m.conflict(0, 2));
  assert.ok(!m.conflict(0, 3));
  // Little wording in common: the same predicate said of the same subject joins; said of another person, even
  // worded alike, it stays apart.
  const few = { words: { jaccard: 0.2, containment: 0.4, shared: 0.8 } };
  assert.equal(matchRule(features(few)), null);
  assert.equal(matchRule(features({ ...few, subject: { same: true, peopleDiffer: false } })), 'predicate and subject');
  assert.equal(matchRule(features({ words: { jaccard: 0.9, containment: 0.9, shared: 3 }, subject: { same: false, peopleDiffer: true } })), null);
  const e = explainPair(features({ ...few, subject: { same: true, peopleDiffer: false } }), {
    verbs: ['naturalis'],
    figures: [],
    entities: ['name:mamoudou-gassama'],
    subject: ['name:mamoudou-gassama'],
  });
  assert.match(e, /^predicate and subject: .*; subject name:mamoudou-gassama; entities name:mamoudou-gassama$/);
});

test('a negation bearing on another verb of the clause does not keep a claim from its repeat; a denial of the predicate does', async () => {
  const claim = (documentId: string, predicate: string[], negated: boolean) =>
    row(documentId, {
      predicate: ['=hospitalise', 'enfant', 'huit'],
      numbers: ['8'],
      proposition: { ...proposition(predicate, ['8 an'], []), negated },
    });
  // « Un enfant de 8 ans a été hospitalisé » / « … a été hospitalisé mais son pronostic vital n'est pas engagé »:
  // the negated claim also states « engagé », which the other lacks, so its negation may bear there.
  const t = await claimTable([claim('a', ['=hospitalise'], false), claim('b', ['=hospitalise', 'engag'], true), claim('c', ['=hospitalise'], true)]);
  const m = new Matcher(t);
  assert.ok(!m.compare(0, 1).negation);
  assert.ok(!m.conflict(0, 1));
  // « Un enfant de 8 ans n'a pas été hospitalisé »: every predicate of the negated claim is the other's, a denial.
  assert.ok(m.compare(0, 2).negation);
  assert.ok(m.conflict(0, 2));
  assert.equal(matchRule(m.compare(0, 2)), null);
});

test('two mentions confirm each other only about a named thing: the same figure and act with no common entity does not', async () => {
  const claim = (documentId: string, entityKeys: string[], subject: string[] = []) =>
    row(documentId, {
      entityKeys,
      predicate: ['=kill', 'person', 'trois'],
      numbers: ['3'],
      proposition: { ...proposition(['=kill'], ['3 ~person'], []), subject },
    });
  // « Un individu a tué trois personnes » / « tuant au moins trois personnes »: one wording, maybe two events of a week.
  const t = await claimTable([
    claim('a', []),
    claim('b', ['loc:teheran']),
    claim('c', ['geonames:3028808', 'loc:trebes']),
    claim('d', ['loc:trebes']),
    claim('e', [], ['per:radouane-lakdim']),
    claim('f', [], ['per:radouane-lakdim']),
  ]);
  const m = new Matcher(t);
  assert.ok(m.same(0, 1));
  assert.ok(!m.anchored(0, 1));
  assert.ok(m.anchored(2, 3));
  assert.ok(m.anchored(4, 5));
});

test('a chain of matches each within a week does not drift: a group spans at most a week of publication', async () => {
  const claim = (documentId: string, published: string) =>
    row(documentId, {
      published,
      entityKeys: ['geonames:2995469', 'loc:rue-d-aubagne'],
      predicate: ['=fall', 'immeubl', 'centr', 'vill', 'matin'],
      proposition: proposition(['=fall'], [], []),
    });
  // Day 0, day 5 and day 10: each next one is within a week of the previous, the last is not within a week of the first.
  const t = await claimTable([claim('a', '2018-11-05'), claim('b', '2018-11-10'), claim('c', '2018-11-15')]);
  const m = new Matcher(t);
  assert.ok(m.same(0, 1) && m.same(1, 2));
  const groups = matchClaims(t);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.claims.length, 2);
  assert.ok(groups[0]!.claims.includes(1));
});

test('a fixed phrase of a class is a predicate of it: « mis en garde à vue » joins « arrêté »', async () => {
  const t = await claimTable([
    row('a', { entityKeys: ['per:carlos-ghosn', 'loc:tokyo'], predicate: ['arret', 'tokyo'], proposition: proposition(['arret'], [], []) }),
    row('b', { entityKeys: ['per:carlos-ghosn', 'loc:tokyo'], predicate: ['mis', 'gard', 'vu', 'polic', 'tokyo'], proposition: proposition(['mis'], [], []) }),
  ]);
  assert.equal(matchClaims(t).length, 1);
});

test('a light predicate is never the only evidence: « se sont déroulés » and « aidés » / « soutenir » join nothing alone', async () => {
  // Claims whose proposition keeps the raw stem, as the claim layer gives it; the table folds it to its class.
  const claim = (documentId: string, verb: string, words: string[]) =>
    row(documentId, { predicate: [verb, ...words], numbers: ['22'], proposition: proposition([verb], ['22 heur'], []) });
  const t = await claimTable([
    // « Les faits se sont déroulés vers 22 heures » / a strike on Iraq « s'est déroulée vers 22 heures »: one time, two events.
    claim('a', 'deroul', ['fait', 'dijon']),
    claim('b', 'deroul', ['frapp', 'missil']),
    // « les terroristes sont aidés » / « les États-Unis … soutenir l'Irak »: one light class (help).
    claim('c', 'aid', ['terror']),
    claim('d', 'souten', ['irak']),
    // A full predicate still counts: « tués vers 22 heures » twice.
    claim('e', 'tu', ['fait', 'dijon']),
    claim('f', 'tu', ['frapp', 'missil']),
  ]);
  const m = new Matcher(t);
  assert.ok(!m.compare(0, 1).sharedVerb);
  assert.ok(!m.compare(2, 3).sharedVerb);
  assert.ok(m.compare(4, 5).sharedVerb);
  assert.equal(matchRule(m.compare(0, 1)), null);
  assert.equal(matchRule(m.compare(2, 3)), null);
  assert.equal(matchRule(m.compare(4, 5)), 'predicate and figure');
  // Nor is it content wording: « les faits … se sont déroulés » shares only « faits » with « Les faits se sont déroulés ».
  assert.ok(!t.stems.names.includes('=happen') && !t.stems.names.includes('=help'));
  assert.ok(t.stems.names.includes('=kill'));
});

test("an outlet's title label (« actualité automobile, infos, scoop ») is no shared wording; a story's repeated headline words are", async () => {
  // Six headlines of one site over five months, about six different cars, each ending with the site's label; the
  // articles' own claims never say the label. The last two are of one week: without the rule, the label joins them.
  const days = ['01-10', '02-10', '03-10', '04-10', '05-10', '05-12'];
  const rows = days.flatMap((d, i) => [
    row(`car${i}`, { published: `2018-${d}`, outlet: 'site', predicate: [`essai${i}`] }),
    row(`car${i}`, { index: 1, published: `2018-${d}`, outlet: 'site', title: true, predicate: [`modele${i}`, 'actual', 'automobil', 'infos', 'scoop'] }),
  ]);
  assert.equal(matchClaims(await claimTable(rows)).length, 0);
  // Another outlet's titles are not this one's: the same words in its headlines of that week still join them.
  const other = rows.map((r) => (r.documentId === 'car4' || r.documentId === 'car5' ? { ...r, outlet: 'other' } : r));
  assert.equal(matchClaims(await claimTable(other)).length, 1);
  // The same words in six headlines of one week are a story's, not a label: they still join.
  const week = days.flatMap((_, i) => [
    row(`story${i}`, { published: `2018-06-1${i}`, outlet: 'site', predicate: [`detail${i}`] }),
    row(`story${i}`, { index: 1, published: `2018-06-1${i}`, outlet: 'site', title: true, predicate: [`detail${i}`, 'actual', 'automobil', 'infos', 'scoop'] }),
  ]);
  assert.ok(matchClaims(await claimTable(week)).length > 0);
});

test('the day of a date is no figure: « morte le 29 décembre » and « décédée à 22 ans » do not disagree', () => {
  const dated = { numbers: ['29', '2017'], proposition: proposition(['mort'], [], ['date:2017-12-29']) };
  assert.deepEqual(statedNumbers(dated), []);
  assert.deepEqual(statedNumbers({ numbers: ['5', '2'], proposition: proposition(['effondr'], ['2 immeubl'], ['date:--11-05', 'date:-W-1']) }), ['2']);
  // Without a date, every number but a year stays.
  assert.deepEqual(statedNumbers({ numbers: ['29', '2017'], proposition: null }), ['29']);
});

test('two groups of several claims do not join through one bridge: a claim stating two facts agrees with each', async () => {
  // A and B tell one fact (s), C and D another (t, v); B states both (« arrêtés après une bagarre »), so B agrees with C,
  // and nothing else agrees across: one pair across the two groups is a bridge, not a proposition.
  const t = await claimTable([
    row('a', { predicate: ['s1', 's2', 's3'] }),
    row('b', { predicate: ['s1', 's2', 's3', 't1', 't2', 't3'] }),
    row('c', { predicate: ['t1', 't2', 't3', 'v'] }),
    row('d', { predicate: ['t1', 't2', 't3', 'v', 'u1', 'u2', 'u3'] }),
  ]);
  const m = new Matcher(t);
  assert.ok(m.same(0, 1) && m.same(1, 2) && m.same(2, 3) && !m.same(0, 2) && !m.same(1, 3));
  const groups = matchClaims(t);
  assert.deepEqual(groups.map((g) => [...g.claims].sort()).sort(), [
    [0, 1],
    [2, 3],
  ]);
});

/** A pair model file whose every probability is `p` (all weights 0): what the judge does around the model. */
const flatModel = (p: number, threshold: number, orRules: boolean) =>
  new PairModel({
    about: 'test',
    features: [...PAIR_FEATURES],
    mean: PAIR_FEATURES.map(() => 0),
    scale: PAIR_FEATURES.map(() => 1),
    weights: PAIR_FEATURES.map(() => 0),
    bias: Math.log(p / (1 - p)),
    threshold,
    orRules,
  });

test('the pair model joins pairs of two documents it scores above its threshold, never a pair a guard holds apart', () => {
  const sure = new PairJudge(flatModel(0.99, 0.5, false));
  const named = { common: 1, jaccard: 0.5, containment: 1, shared: 0.5, peopleDiffer: false };
  assert.ok(sure.strength(features({ words: { jaccard: 0, containment: 0, shared: 0 }, sharedVerb: false, entities: named })) > 0.9);
  // A pair naming nothing in common, with almost no wording in common, is never the model's to join.
  assert.equal(sure.strength(features({ words: { jaccard: 0, containment: 0, shared: 0 }, sharedVerb: false })), -1);
  for (const guard of [{ figuresDisagree: true }, { daysDiffer: true }, { modalDiffer: true }, { near: false }, { negation: true }])
    assert.equal(sure.strength(features(guard)), -1, JSON.stringify(guard));
  assert.equal(sure.strength(features({ subject: { same: false, peopleDiffer: true } })), -1);
  // Within one document the rules alone decide.
  assert.equal(sure.strength(features({ sameDocument: true, words: { jaccard: 0, containment: 0, shared: 0 } })), -1);
  assert.equal(new PairJudge(flatModel(0.3, 0.5, false)).strength(features()), -1);
});

test('with orRules the rules keep their matches, ranked before every pair only the model accepts', () => {
  const judge = new PairJudge(flatModel(0.3, 0.5, true));
  const ruled = features();
  assert.ok(agree(ruled));
  assert.ok(judge.strength(ruled) > 1);
  assert.equal(judge.strength(features({ words: { jaccard: 0, containment: 0, shared: 0 } })), -1);
  // Without a model, the hand rules alone.
  assert.ok(new PairJudge(null).strength(ruled) >= 0);
});

test('a pair model file of other features is refused; the shipped model loads and separates a repeat from a stranger', () => {
  assert.throws(() => new PairModel({ ...flatModel(0.5, 0.5, false).file, features: ['rule'] }), /features/);
  const model = loadPairModel(DEFAULT_PAIR_MODEL);
  assert.ok(model, 'models/claim-pairs.json is shipped');
  const repeat = features({
    entityless: false,
    entities: { common: 2, jaccard: 0.8, containment: 1, shared: 1.5, peopleDiffer: false },
    words: { jaccard: 0.6, containment: 0.9, shared: 2.5 },
    sameFigure: true,
    sharedFigure: true,
  });
  const stranger = features({ sharedVerb: false, words: { jaccard: 0.02, containment: 0.05, shared: 0.1 } });
  assert.ok(model.probability(pairVector(repeat, true)) >= model.threshold);
  assert.ok(model.probability(pairVector(stranger, false)) < model.threshold);
});

test('a claim that only says someone spoke (« a confirmé l’information ») matches no other on its cue', async () => {
  const saying = sayingStems('fr');
  const stem = (w: string) => wordTools('fr').stem(w);
  assert.ok(saying.has(stem('confirmer')) && saying.has(stem('informations')) && saying.has(stem('propos')));
  assert.ok(!saying.has(stem('immeuble')));
  assert.ok(onlySaying([stem('confirmé'), stem('information')], saying));
  assert.ok(!onlySaying([stem('confirmé'), stem('livraisons'), stem('missiles')], saying));
  assert.ok(!onlySaying([], saying));
  // Three articles of one week: two cue-only claims about unrelated stories, and a claim with content.
  const cueOnly = (documentId: string) =>
    row(documentId, { predicate: [stem('confirmé'), stem('information')], proposition: proposition([stem('confirmé')], [], []) });
  const t = await claimTable([cueOnly('a'), cueOnly('b')]);
  assert.equal(t.stems.offsets[2], 0);
  assert.equal(t.verbs.offsets[2], 0);
  assert.deepEqual(matchClaims(t, { pairModel: null }), []);
  // The same words with content beside the cue still match.
  const withContent = (documentId: string) =>
    row(documentId, {
      predicate: [stem('confirmé'), stem('livraisons'), stem('missiles')],
      proposition: proposition([stem('confirmé')], [], []),
    });
  assert.equal(matchClaims(await claimTable([withContent('a'), withContent('b')]), { pairModel: null }).length, 1);
});

test('two dates of one weekday are two days: « samedi 17 novembre » and « samedi 24 novembre » stay apart (a body found on each)', async () => {
  assert.equal(calendarDayOf(['date:2018-11-17'], null), 20181117);
  assert.equal(calendarDayOf(['date:--11-24', 'date:-W-6'], '2018-11-26'), 20181124);
  assert.equal(calendarDayOf(['date:--12-28'], '2019-01-03'), 20181228);
  assert.equal(calendarDayOf(['date:--11-17', 'date:--11-24'], '2018-11-26'), 0);
  assert.equal(calendarDayOf(['date:-W-6', 'date:2018'], '2018-11-26'), 0);
  const claim = (documentId: string, time: string[]) => discovery(documentId, time, '2018-11-26');
  const t = await claimTable([claim('a', ['date:--11-17']), claim('b', ['date:--11-24'])]);
  assert.equal(t.weekday[0], t.weekday[1]);
  assert.deepEqual(matchClaims(t, { pairModel: null }), []);
  const same = await claimTable([claim('a', ['date:--11-24']), claim('b', ['date:2018-11-24'])]);
  assert.equal(matchClaims(same, { pairModel: null }).length, 1);
});

test('candidate pairs: each pair once, and every pair some block visits (windows over time in large blocks)', async () => {
  // 150 claims over 150 days sharing two entity keys (two blocks past BLOCK_WINDOW: sorted by date, windowed), a third
  // of them a third key: pairs meet in several blocks, some only in one.
  const claims = Array.from({ length: 150 }, (_, i) =>
    row(`d${i}`, {
      published: new Date(Date.UTC(2018, 0, 1 + i)).toISOString().slice(0, 10),
      entityKeys: i % 3 === 0 ? ['per:nissan', 'loc:tokyo', 'org:renault'] : ['per:nissan', 'loc:tokyo'],
    }),
  );
  const t = await claimTable(claims);
  const m = new Matcher(t);
  const once: string[] = [];
  candidatePairs(t, m, claimBlocks(t), (x, y) => once.push(`${x}-${y}`));
  assert.equal(new Set(once).size, once.length);
  // The same pairs as visiting every block's window and keeping the first visit.
  const all = new Set<string>();
  const blocks = claimBlocks(t);
  for (const members of blocks.values()) {
    if (members.length > 64) members.sort((x, y) => t.document[x]! - t.document[y]!);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length && j <= i + 64; j++) {
        const x = Math.min(members[i]!, members[j]!);
        const y = Math.max(members[i]!, members[j]!);
        if (m.near(x, y)) all.add(`${x}-${y}`);
      }
  }
  assert.ok(once.length > 0);
  assert.deepEqual(new Set(once), all);
});

test('a figure in a unit that measures (« 10 ans ») is evidence only with a shared predicate; a count is evidence alone', async () => {
  // « ami depuis 10 ans de X » and « risquait jusqu'à 10 ans de prison »: one figure, one unit, two things.
  const friend = row('a', { numbers: ['10'], predicate: ['ami', 'accompagn'], proposition: proposition(['accompagn'], ['10 an'], []) });
  const prison = row('b', { numbers: ['10'], predicate: ['risqu', 'prison', 'magnat'], proposition: proposition(['risqu'], ['10 an'], []) });
  // The same duration with one predicate: « condamné à 10 ans » twice.
  const jailed = row('c', { numbers: ['10'], predicate: ['=convict', 'prison'], proposition: proposition(['=convict'], ['10 an'], []) });
  const jailed2 = row('d', { numbers: ['10'], predicate: ['=convict', 'ferm'], proposition: proposition(['=convict'], ['10 an'], []) });
  // A count of a thing (« 40 familles ») is evidence without a predicate in common.
  const families = row('e', { numbers: ['40'], predicate: ['evacu'], proposition: proposition(['evacu'], ['40 famill'], []) });
  const families2 = row('f', { numbers: ['40'], predicate: ['reloge'], proposition: proposition(['reloge'], ['40 famill'], []) });
  const t = await claimTable([friend, prison, jailed, jailed2, families, families2]);
  const m = new Matcher(t);
  const measured = m.compare(0, 1);
  assert.equal(measured.sameFigure, false);
  assert.equal(measured.sharedFigure, false);
  assert.equal(measured.figuresDisagree, false);
  const convicted = m.compare(2, 3);
  assert.equal(convicted.sameFigure, true);
  assert.equal(convicted.sharedFigure, true);
  const counted = m.compare(4, 5);
  assert.equal(counted.sameFigure, true);
  assert.equal(counted.sharedFigure, true);
});

test('a day named in a date (« le 30 janvier dernier ») is no stated figure', () => {
  assert.deepEqual(statedNumbers({ numbers: ['30', '12'], proposition: proposition([], [], ['date:30--01-dernier']) }), ['12']);
  assert.deepEqual(statedNumbers({ numbers: ['30'], proposition: proposition([], [], ['date:1er--05-prochain']) }), ['30']);
});

test('the pair model never joins two claims of two documents that share only a predicate class', () => {
  const judge = new PairJudge(loadPairModel());
  const bare = features({ sharedVerb: true, predicates: true, sharedFigure: true, verbs: 0.25, words: { jaccard: 0.03, containment: 0.1, shared: 0.35 } });
  assert.equal(judge.strength(bare), -1);
});

test('without predicates, the same entities group a title, not two body clauses with no word in common', () => {
  const same = { common: 2, jaccard: 1, containment: 1, shared: 1.5, peopleDiffer: false };
  const none = { jaccard: 0, containment: 0, shared: 0 };
  assert.ok(!agree(features({ sharedVerb: false, predicates: false, entities: same, words: none })));
  assert.ok(agree(features({ sharedVerb: false, predicates: false, entities: same, words: none, titles: 1 })));
});

test('a headline naming a topic (« Attaques dans l’Aude ») joins no clause of another article, only its own lead', async () => {
  const aude = 'geonames:3038032';
  const attack = (documentId: string, predicate: string[], over: Partial<ClaimFeatures> = {}) =>
    row(documentId, { entityKeys: [aude], predicate, proposition: { ...proposition(['attaqu'], [], []), arguments: [aude] }, ...over });
  const t = await claimTable([
    attack('a', ['attaqu'], { title: true }),
    // Two facts of the story in two other articles: the headline agreed with each and chained them.
    attack('b', ['attaqu', 'tu', 'person']),
    attack('c', ['attaqu', 'bless', 'seiz']),
    attack('a', ['attaqu', 'terror', 'carcasson'], { index: 1 }),
    // Other stories of the corpus: the Aude and attacks are rare in it.
    ...Array.from({ length: 12 }, (_, i) => row(`other${i}`, { entityKeys: [`loc:ville${i}`], predicate: [`sujet${i}`, 'vot'] })),
  ]);
  const m = new Matcher(t);
  const f = m.compare(0, 1);
  assert.ok(f.topicTitle && matchRule(f) === null && matchRule({ ...f, topicTitle: false }) !== null, 'a topic headline and another article');
  assert.ok(!m.compare(0, 3).topicTitle && matchRule(m.compare(0, 3)) !== null, 'a topic headline and its own article');
  // With the rules alone (the pair model weighs the two facts' shared predicate and place on its own).
  assert.ok(!matchClaims(t, { pairModel: null }).some((x) => x.claims.includes(1) && x.claims.includes(2)));
  // A headline naming its subject is a claim: « Lakdim attaque dans l'Aude ».
  const named = await claimTable([
    attack('d', ['attaqu'], { title: true, proposition: { ...proposition(['attaqu'], [], []), subject: ['per:radouane-lakdim'] } }),
    attack('b', ['attaqu', 'tu', 'person']),
  ]);
  assert.ok(!new Matcher(named).compare(0, 1).topicTitle, 'a headline naming its subject');
});
