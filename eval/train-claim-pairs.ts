// train:claim-pairs — fits the claim pair model (src/corpus/claim-pair-model.ts) on the DEV claim gold, with
// cross-validation by story, and writes models/claim-pairs.json.
//
//   npm run eval:claims -- --keep                     (a DEV store: gold documents + distractors; prints `kept DIR`)
//   npm run train:claim-pairs -- --dir DIR [--folds 4] [--out models/claim-pairs.json] [--threshold 0.5] [--l2 1] [--dry-run] [--dump]
//
// Pairs are the candidate pairs grouping itself compares (the blocks of claim-groups.ts), labelled from the gold:
// two claims locating mentions of one cluster are one proposition; of two clusters, or one a gold mention and the
// other a claim of a distractor article (another story by construction), are not; the rest (unannotated sentences
// of gold articles, distractors among themselves) are left out. Stories are dealt into folds; each fold's model is
// fitted on the other folds' pairs, and grouping with it is scored on that fold's gold mentions only (pairwise
// P/R/F1, summed over folds: the out-of-fold figure the model card reports, for each threshold tried). The shipped
// model is fitted on all folds. DEV only: the held-out gold is refused.
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { claimTable, keysOf as keysOfRow, type ClaimTable } from '../src/corpus/claim-table.js';
import { candidatePairs, claimBlocks, Matcher, matchClaims, matchRule } from '../src/corpus/claim-groups.js';
import { DEFAULT_PAIR_MODEL, guarded, PAIR_FEATURES, PairModel, pairVector, type PairModelFile } from '../src/corpus/claim-pair-model.js';
import { openStore } from '../src/corpus/open.js';
import { CLAIMS_DEV_GOLD, goldForScoring, hasClaimSources, materialiseDocs, readClaimGold, scanOrangesum, sha256 } from './gold/claims.js';
import { prf, scoreClaims, textMatches, type GoldCluster, type GoldMention, type SystemGroup } from './score-claims.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    gold: { type: 'string', default: CLAIMS_DEV_GOLD },
    folds: { type: 'string', default: '4' },
    out: { type: 'string', default: DEFAULT_PAIR_MODEL },
    threshold: { type: 'string' },
    l2: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
    // Lists the DEV pairs the out-of-fold model gets wrong at 0.5, with texts and features (DEV only).
    dump: { type: 'boolean', default: false },
  },
});

function fail(msg: string): never {
  process.stderr.write(`train:claim-pairs: ${msg}\n`);
  process.exit(2);
}

if (!hasClaimSources) {
  console.log('train:claim-pairs skipped: ../shared is not present');
  process.exit(0);
}
if (!values.dir) fail('--dir DIR: a store kept by `npm run eval:claims -- --keep`');
const gold = readClaimGold(resolve(values.gold!));
if (gold.split !== 'dev') fail('the held-out gold is report only: fit on DEV');
const nFolds = Number(values.folds);
const l2 = Number(values.l2);
/** The out-of-fold pairwise precision a shipped setting keeps (below it, more than 2 in 5 predicted pairs would be false; the hand rules keep 69 on DEV, in sample). */
const MIN_PRECISION = 0.6;

// Gold texts, and the store's documents mapped to gold documents (the eval's JSONL line, or the seed's file name).
const docs = materialiseDocs(gold, await scanOrangesum(new Set(gold.documents.flatMap((d) => (d.line ? [d.line] : [])))));
const { clusters, mentions } = goldForScoring(gold, docs);
const storyOf = new Map(gold.stories.flatMap((s) => s.clusters.map((c) => [c.id, s.id] as const)));
const lineIds = readFileSync(join(values.dir, 'articles.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => String((JSON.parse(l) as { id: unknown }).id));
const seedIds = new Map(gold.documents.flatMap((d) => (d.file ? [[d.file, d.id] as const] : [])));
const db = new Database(join(values.dir, 'corpus.sqlite'), { readonly: true, fileMustExist: true });
const goldDocOf = new Map<string, string>();
for (const r of db.prepare('SELECT id, input_path AS path, input_line AS line FROM documents').all() as {
  id: string;
  path: string | null;
  line: number | null;
}[]) {
  const id = r.path?.endsWith('.jsonl') && r.line ? lineIds[r.line - 1] : seedIds.get(basename(r.path ?? ''));
  if (id) goldDocOf.set(r.id, id);
}
const textOf = new Map(
  (db.prepare('SELECT document_id AS d, claim_index AS i, text FROM claims').all() as { d: string; i: number; text: string }[]).map((r) => [
    `${r.d}#${r.i}`,
    r.text,
  ]),
);
db.close();

const store = await openStore(join(values.dir, 'corpus.sqlite'), { readOnly: true });
const t: ClaimTable = await claimTable(store.claimFeatures());
await store.close();

// Each claim's gold document (null: a distractor) and the gold clusters whose mentions it locates.
const goldIds = new Set(gold.documents.map((d) => d.id));
const mentionsOf = new Map<string, GoldMention[]>();
for (const m of mentions) {
  let l = mentionsOf.get(m.doc);
  if (!l) mentionsOf.set(m.doc, (l = []));
  l.push(m);
}
const claimDoc: (string | null)[] = [];
const claimText: string[] = [];
const claimClusters: Set<string>[] = [];
for (let c = 0; c < t.count; c++) {
  const storeDoc = t.documentIds[t.document[c]!]!;
  const g = goldDocOf.get(storeDoc);
  const doc = g && goldIds.has(g) ? g : null;
  const text = textOf.get(`${storeDoc}#${t.index[c]}`) ?? '';
  claimDoc.push(doc);
  claimText.push(text);
  claimClusters.push(new Set(doc ? (mentionsOf.get(doc) ?? []).filter((m) => textMatches(m.text, text)).map((m) => m.cluster) : []));
}

// Labelled candidate pairs.
interface Pair {
  x: Float64Array;
  y: 0 | 1;
  stories: string[];
  a: number;
  b: number;
}
const matcher = new Matcher(t);
const pairs: Pair[] = [];
const seen = new Set<number>();
let guardedPairs = 0;
// Each candidate pair comes once (`candidatePairs`); `seen` keeps them for blocking's reach below.
candidatePairs(t, matcher, claimBlocks(t), (a, b) => {
  seen.add(a * t.count + b);
  const ca = claimClusters[a]!;
  const cb = claimClusters[b]!;
  let label: 0 | 1;
  if (ca.size && cb.size) label = [...ca].some((k) => cb.has(k)) ? 1 : 0;
  else if ((ca.size && claimDoc[b] === null) || (cb.size && claimDoc[a] === null)) label = 0;
  else return;
  const f = matcher.compare(a, b);
  // Pairs of one document are the rules' alone (`PairJudge`): the gold labels few of them, mostly a title and its lead.
  if (f.sameDocument) return;
  if (guarded(f)) {
    guardedPairs++;
    return;
  }
  const stories = [...new Set([...ca, ...cb].map((k) => storyOf.get(k)!))];
  pairs.push({ x: pairVector(f, matchRule(f) !== null), y: label, stories, a, b });
});
// How many gold-positive claim pairs blocking reaches at all (recall's ceiling).
let positives = 0;
let reached = 0;
for (let a = 0; a < t.count; a++) {
  if (!claimClusters[a]!.size) continue;
  for (let b = a + 1; b < t.count; b++)
    if ([...claimClusters[a]!].some((k) => claimClusters[b]!.has(k))) {
      positives++;
      if (seen.has(a * t.count + b)) reached++;
    }
}
console.log(
  `pairs: ${pairs.length} labelled (${pairs.filter((p) => p.y).length} one proposition), ${guardedPairs} held apart by guards; blocking reaches ${reached} of ${positives} gold-positive claim pairs`,
);

/** Logistic regression with an L2 penalty, standardised features, batch gradient descent (convex: it converges). */
function fit(train: Pair[]): Omit<PairModelFile, 'about' | 'threshold'> {
  const n = PAIR_FEATURES.length;
  const mean = new Array<number>(n).fill(0);
  const scale = new Array<number>(n).fill(0);
  for (const p of train) for (let i = 0; i < n; i++) mean[i]! += p.x[i]! / train.length;
  for (const p of train) for (let i = 0; i < n; i++) scale[i]! += (p.x[i]! - mean[i]!) ** 2 / train.length;
  for (let i = 0; i < n; i++) scale[i] = Math.sqrt(scale[i]!) || 1;
  const xs = train.map((p) => Float64Array.from(p.x, (v, i) => (v - mean[i]!) / scale[i]!));
  const w = new Float64Array(n);
  let bias = 0;
  const rate = 0.5;
  for (let it = 0; it < 3000; it++) {
    const grad = new Float64Array(n);
    let gb = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      let z = bias;
      for (let i = 0; i < n; i++) z += w[i]! * x[i]!;
      const e = 1 / (1 + Math.exp(-z)) - train[k]!.y;
      for (let i = 0; i < n; i++) grad[i]! += e * x[i]!;
      gb += e;
    }
    for (let i = 0; i < n; i++) w[i]! -= (rate * (grad[i]! + l2 * w[i]!)) / xs.length;
    bias -= (rate * gb) / xs.length;
  }
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return { features: [...PAIR_FEATURES], mean: mean.map(round), scale: scale.map(round), weights: [...w].map(round), bias: round(bias) };
}

// Stories dealt into folds by a hash of their id.
const stories = gold.stories.map((s) => s.id).sort((a, b) => (sha256(a) < sha256(b) ? -1 : 1));
const foldOf = new Map(stories.map((s, i) => [s, i % nFolds]));
const thresholds = values.threshold ? [Number(values.threshold)] : [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/** Pairwise scores of grouping with `model` (null: the hand rules) on the gold mentions of the stories `keep` accepts. */
function groupScore(model: PairModel | null, keep: (story: string) => boolean) {
  const groups: SystemGroup[] = matchClaims(t, { pairModel: model }).map((g) => ({
    id: g.id,
    verdict: 'undetermined',
    claims: g.claims.map((c) => ({ doc: claimDoc[c]!, text: claimText[c]! })),
  }));
  const cs: GoldCluster[] = clusters.filter((c) => keep(storyOf.get(c.id)!));
  const ms = mentions.filter((m) => keep(storyOf.get(m.cluster)!));
  return scoreClaims(cs, ms, groups).pairs;
}

const pct = (x: number) => (100 * x).toFixed(1);
const show = (s: { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number }) =>
  `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (tp ${s.tp}, predicted ${s.predicted}, gold ${s.gold})`;

const rules = groupScore(null, () => true);
console.log(`hand rules, all DEV: ${show(rules)}`);
const modes = [false, true].flatMap((orRules) => thresholds.map((threshold) => ({ orRules, threshold })));
const oof = modes.map(() => ({ tp: 0, predicted: 0, gold: 0 }));
for (let k = 0; k < nFolds; k++) {
  const train = pairs.filter((p) => p.stories.every((s) => foldOf.get(s) !== k));
  const fitted = fit(train);
  modes.forEach(({ orRules, threshold }, i) => {
    const s = groupScore(new PairModel({ about: 'fold', threshold, orRules, ...fitted }), (story) => foldOf.get(story) === k);
    oof[i]!.tp += s.tp;
    oof[i]!.predicted += s.predicted;
    oof[i]!.gold += s.gold;
  });
}
// Pair-level view (out of fold): the hand rules and the model on the labelled pairs.
{
  const ruleAt = PAIR_FEATURES.indexOf('rule');
  const tally = (pred: (p: Pair, i: number) => boolean) => {
    let tp = 0;
    let fp = 0;
    pairs.forEach((p, i) => {
      if (!pred(p, i)) return;
      if (p.y) tp++;
      else fp++;
    });
    const pos = pairs.filter((p) => p.y).length;
    return `P ${pct(tp / Math.max(1, tp + fp))} R ${pct(tp / pos)} (tp ${tp}, fp ${fp})`;
  };
  const prob = new Float64Array(pairs.length);
  for (let k = 0; k < nFolds; k++) {
    const m = new PairModel({ about: 'fold', threshold: 0.5, ...fit(pairs.filter((p) => p.stories.every((s) => foldOf.get(s) !== k))) });
    pairs.forEach((p, i) => {
      if (p.stories.some((s) => foldOf.get(s) === k)) prob[i] = m.probability(p.x);
    });
  }
  console.log(`pairs, hand rules: ${tally((p) => p.x[ruleAt] === 1)}`);
  for (const th of thresholds) console.log(`pairs, model out of fold at ${th}: ${tally((_, i) => prob[i]! >= th)}`);
  if (values.dump)
    pairs.forEach((p, i) => {
      const wrong = p.y ? prob[i]! < 0.5 : prob[i]! >= 0.5;
      if (!wrong || (!p.y && claimDoc[p.a] === null) || (!p.y && claimDoc[p.b] === null)) return;
      const f = PAIR_FEATURES.map((n, j) => `${n}=${+p.x[j]!.toFixed(2)}`)
        .filter((x) => !x.endsWith('=0'))
        .join(' ');
      console.log(
        `${p.y ? 'MISSED' : 'FALSE'} ${prob[i]!.toFixed(2)} ${f}\n  ${claimText[p.a]!.slice(0, 140)}\n  ${claimText[p.b]!.slice(0, 140)}\n  v: ${keysOfRow(t.verbs, p.a)} | ${keysOfRow(t.verbs, p.b)}\n  e: ${keysOfRow(t.entities, p.a)} | ${keysOfRow(t.entities, p.b)}\n  s: ${keysOfRow(t.stems, p.a)} | ${keysOfRow(t.stems, p.b)}`,
      );
    });
}
const outOfFold = modes.map((m, i) => ({ ...m, ...prf(oof[i]!.tp, oof[i]!.predicted, oof[i]!.gold) }));
for (const s of outOfFold) console.log(`out of fold, ${s.orRules ? 'rules or ' : ''}threshold ${s.threshold}: ${show(s)}`);

// The setting of the best out-of-fold F1 among those keeping precision (a false group can make a false « independent »).
// `--threshold` chooses the threshold (and keeps whichever of the two modes is better there).
const kept = outOfFold.filter((s) => (values.threshold ? s.threshold === Number(values.threshold) : s.precision >= MIN_PRECISION));
if (!kept.length) fail(`no setting keeps out-of-fold precision >= ${MIN_PRECISION}`);
const best = kept.reduce((a, b) => (b.f1 > a.f1 ? b : a));
const chosen = best.threshold;
const all = fit(pairs);
const model: PairModelFile = {
  about:
    'Claim pair model of recoupe (src/corpus/claim-pair-model.ts; card: models/claim-pairs.md). Logistic regression over pair features, fitted by eval/train-claim-pairs.ts on the DEV claim gold (eval/gold/claims-dev.json) and its store; no text.',
  threshold: chosen,
  orRules: best.orRules,
  ...all,
  trained: {
    pairs: pairs.length,
    positives: pairs.filter((p) => p.y).length,
    folds: nFolds,
    l2,
    stories: stories.length,
    outOfFold: outOfFold.map((s) => ({
      orRules: s.orRules,
      threshold: s.threshold,
      precision: +pct(s.precision),
      recall: +pct(s.recall),
      f1: +pct(s.f1),
      tp: s.tp,
      predicted: s.predicted,
      gold: s.gold,
    })),
    handRules: { precision: +pct(rules.precision), recall: +pct(rules.recall), f1: +pct(rules.f1) },
  },
};
console.log(`fitted on all ${pairs.length} pairs, threshold ${chosen}: in-sample ${show(groupScore(new PairModel(model), () => true))}`);
console.log(PAIR_FEATURES.map((f, i) => `${f} ${all.weights[i]!.toFixed(2)}`).join(', '));
if (!values['dry-run']) {
  writeFileSync(values.out!, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${values.out}`);
}
