// Trains the NER tagger (averaged structured perceptron, Viterbi over BIO) on CoNLL-style
// corpora, re-tokenised by the project tokenizer, and writes models/ner-<lang>.bin.
//   npm run train:ner -- [--train wikineural-val] [--dev wikineural-val-tail]   (--train a*2,b: corpus a twice per epoch)
//                        [--epochs 6] [--bits 18] [--out models/ner-fr.bin] [--data ../shared/datasets/ner] [--save-at 8,10]
// Test splits are refused: they are for eval/ner.ts only.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { tokenize } from '../src/annotate/tokens.js';
import { readConll, readEuropeana, readHipe, readWikineural, type GoldDoc } from '../src/annotate/entities/corpus.js';
import { MAX_FEATURES, TRANSITION_FEATURES, documentFeature, prepare, useWordClusters, type FeatureOptions } from '../src/annotate/entities/features.js';
import {
  FEATURE_VERSION,
  NT,
  NerModel,
  quantisationScale,
  staticFeatureTable,
  wordClustersOf,
  type ModelHeader,
  type StaticFeatures,
} from '../src/annotate/entities/model.js';
import { consistentSpans } from '../src/annotate/entities/consistency.js';
import { DOCUMENT_FEATURES, documentFeatures } from '../src/annotate/entities/document-features.js';
import { hipeMentions } from '../src/annotate/entities/mentions.js';
import { countMatches, microF1, spansFromTags, tagsFromSpans, type Counts } from '../src/annotate/entities/spans.js';
import { knowledgeBase } from '../src/kb/kb.js';

const { values: args } = parseArgs({
  options: {
    train: { type: 'string', default: 'wikineural-val' },
    dev: { type: 'string', default: '' },
    epochs: { type: 'string', default: '6' },
    bits: { type: 'string', default: '18' },
    lang: { type: 'string', default: 'fr' },
    out: { type: 'string' },
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'ner') },
    seed: { type: 'string', default: '1' },
    // 'hipe' for data that puts titles and appositions in person mentions (HIPE):
    // the model then says so and the pipeline widens its names the same way (mentions.ts).
    'mention-style': { type: 'string', default: 'names' },
    // One name, one type per document after tagging (consistency.ts), recorded in the model header.
    'document-consistency': { type: 'boolean', default: false },
    // Word-class features from lang/<lang>/word-clusters.generated.tsv (npm run build:word-clusters).
    'word-clusters': { type: 'boolean', default: false },
    // The wider-context feature group (features.ts FeatureOptions.context), recorded in the model header.
    'context-features': { type: 'boolean', default: false },
    // The line-kind feature group (prose, table row, capitals), recorded in the model header.
    'line-features': { type: 'boolean', default: false },
    // A second pass with document features (document-features.ts), recorded in the model header.
    'document-features': { type: 'boolean', default: false },
    // Also write the model as it is after these epochs ("10,12": <out>.e10, <out>.e12), so one run
    // gives the candidates a tuning run's per-epoch dev scores choose between.
    'save-at': { type: 'string', default: '' },
    // Epochs of the two jackknifed first-pass models that tag the training text for the second pass's document
    // features (--document-features); default: --epochs.
    'first-pass-epochs': { type: 'string' },
  },
});

const CORPORA: Record<string, (dir: string) => GoldDoc[]> = {
  'wikineural-val': (d) => readWikineural(join(d, 'wikineural-fr', 'val.conllu'), 1),
  // 90/10 split of val (in sentences) for tuning before the final run on all of it.
  'wikineural-val-head': (d) => tenth(readWikineural(join(d, 'wikineural-fr', 'val.conllu'), 1), false),
  'wikineural-val-tail': (d) => tenth(readWikineural(join(d, 'wikineural-fr', 'val.conllu'), 1), true),
  // The tail as 40-sentence documents (as eval:ner reads the test), for document-level choices.
  'wikineural-val-tail-docs': (d) => tailDocs(join(d, 'wikineural-fr', 'val.conllu')),
  'hipe-train': (d) => readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v0.9-train-fr.tsv'), true),
  'hipe-dev': (d) => readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv'), true),
  // Dev as whole documents (as eval:ner reads the test): a second pass's document features see the whole page.
  'hipe-dev-docs': (d) => readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv')),
  // Halves of dev, to tune choices that put part of dev into training.
  'hipe-dev-a': (d) => half(readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv'), true), false),
  'hipe-dev-b': (d) => half(readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv'), true), true),
  europeana: (d) => readEuropeana(join(d, 'europeana-fr', 'enp_FR.bnf.bio')),
  // English (--lang en): CoNLL-2003 gold (Reuters, one document per story) and WikiNEuRal silver.
  'conll-train': (d) => readConll(join(d, 'conll2003-en', 'train.conllu')),
  'conll-val': (d) => readConll(join(d, 'conll2003-en', 'val.conllu')),
  'wikineural-en-val': (d) => readWikineural(join(d, 'wikineural-en', 'val.conllu'), 1),
  'wikineural-en-val-head': (d) => tenth(readWikineural(join(d, 'wikineural-en', 'val.conllu'), 1), false),
  // The tail as 40-sentence documents (as eval:ner reads the test), so document-level choices are
  // measured; only documents wholly after the head's last sentence.
  'wikineural-en-val-tail': (d) => tailDocs(join(d, 'wikineural-en', 'val.conllu')),
};

/** The last tenth of a WikiNEuRal file as 40-sentence documents, only those wholly after the head's last sentence. */
function tailDocs(path: string): GoldDoc[] {
  const cut = Math.floor(readWikineural(path, 1).length * 0.9);
  return readWikineural(path, 40).filter((_, k) => 40 * k >= cut);
}

function split(docs: GoldDoc[], share: number, tail: boolean): GoldDoc[] {
  const cut = Math.floor(docs.length * share);
  return tail ? docs.slice(cut) : docs.slice(0, cut);
}
const tenth = (docs: GoldDoc[], tail: boolean) => split(docs, 0.9, tail);
const half = (docs: GoldDoc[], tail: boolean) => split(docs, 0.5, tail);

/** Corpora annotated in the HIPE mention style (titles, appositions, place nouns); the rest mark names only. */
const HIPE_STYLE = new Set(['hipe-train', 'hipe-dev', 'hipe-dev-docs', 'hipe-dev-a', 'hipe-dev-b']);
/** Documents of the names-only corpora, brought to the mention style of the model being trained. */
const namesOnly = new WeakSet<GoldDoc>();

/** Corpora read one sentence per example, in their order: a group is 40 consecutive sentences (as eval:ner reads WikiNEuRal). */
const SENTENCE_CORPORA = new Set(['wikineural-val', 'wikineural-val-head', 'wikineural-en-val', 'wikineural-en-val-head', 'europeana']);
/** Per training document, its group: the document a second pass's document features are computed over. */
const groupOf = new Map<GoldDoc, number>();
let groups = 0;
function assignGroups(name: string, corpus: GoldDoc[]): void {
  if (groupOf.has(corpus[0]!)) return; // a repeated corpus ("name*2") keeps its groups
  /** HIPE sentences keep their newspaper issue's id */
  const byId = new Map<string, number>();
  let next = groups;
  corpus.forEach((d, k) => {
    let g: number;
    if (SENTENCE_CORPORA.has(name)) g = groups + Math.floor(k / 40);
    else if (HIPE_STYLE.has(name)) g = byId.get(d.id) ?? groups + byId.size;
    else g = groups + k;
    byId.set(d.id, g);
    groupOf.set(d, g);
    next = Math.max(next, g + 1);
  });
  groups = next;
}

function load(names: string): GoldDoc[] {
  const docs: GoldDoc[] = [];
  for (const item of names.split(',').filter(Boolean)) {
    // "name*2": the corpus twice per epoch (weights a small gold corpus against a large silver one).
    const [name = '', times = '1'] = item.split('*');
    const read = CORPORA[name];
    if (!/^[1-9]\d*$/.test(times)) {
      console.error(`train:ner: "${item}": a corpus is repeated a whole number of times (name*2)`);
      process.exit(2);
    }
    if (!read) {
      console.error(`train:ner: unknown corpus "${name}" (known: ${Object.keys(CORPORA).join(', ')}; test splits are for eval only)`);
      process.exit(2);
    }
    const corpus = read(args.data!);
    if (!HIPE_STYLE.has(name)) for (const d of corpus) namesOnly.add(d);
    assignGroups(name, corpus);
    for (let k = 0; k < Number(times); k++) docs.push(...corpus);
  }
  return docs;
}

if (!existsSync(args.data!)) {
  console.error(`train:ner: ${args.data} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}
const kb = knowledgeBase(args.lang!);
const withClusters = args['word-clusters'] === true;
if (withClusters) useWordClusters(wordClustersOf(args.lang!));
const featureOptions: FeatureOptions = { clusters: withClusters, context: args['context-features'] === true, lines: args['line-features'] === true };
interface Example {
  doc: GoldDoc;
  tokens: ReturnType<typeof tokenize>;
  gold: Uint8Array;
  prepared: ReturnType<typeof prepare>;
  stat: StaticFeatures;
}

function toExample(doc: GoldDoc): Example {
  const tokens = tokenize(doc.text, args.lang);
  const prepared = prepare(doc.text, tokens, kb.gazetteer);
  const ex = { doc, tokens, gold: tagsFromSpans(tokens, doc.spans), prepared, stat: staticFeatureTable(prepared, featureOptions) };
  // One convention in the training data: names-only corpora get the titles, appositions and
  // place nouns the pipeline adds (so the tagger is not taught to leave them out).
  if (namesOnly.has(doc)) ex.gold = tagsFromSpans(tokens, styled(spansFromTags(tokens, ex.gold, doc.text), ex));
  return ex;
}

/** Spans in the mention style of the model being trained (what the pipeline outputs). */
function styled(
  spans: ReturnType<typeof spansFromTags>,
  ex: Pick<Example, 'doc' | 'tokens' | 'prepared'>,
  consistency = header.documentConsistency,
): ReturnType<typeof spansFromTags> {
  if (consistency) spans = consistentSpans(spans, ex.prepared.forms, ex.prepared.lowered, ex.tokens, ex.doc.text);
  return mentionStyle === 'hipe' ? hipeMentions(spans, ex.prepared.forms, ex.tokens, ex.doc.text, args.lang!) : spans;
}

const bits = Number(args.bits);
const mentionStyle = args['mention-style'];
if (mentionStyle !== 'names' && mentionStyle !== 'hipe') {
  console.error(`train:ner: --mention-style is names or hipe, not "${mentionStyle}"`);
  process.exit(2);
}
const header: ModelHeader = {
  format: 'recoupe-ner',
  featureVersion: FEATURE_VERSION,
  language: args.lang!,
  bits,
  scale: 1,
  trainedOn: args.train!.split(','),
  mentionStyle,
  ...(args['document-consistency'] ? { documentConsistency: true } : {}),
  ...(withClusters ? { wordClusters: args.lang! } : {}),
  ...(featureOptions.context ? { contextFeatures: true } : {}),
  ...(featureOptions.lines ? { lineFeatures: true } : {}),
};
/** A perceptron in training: its model (float weights), one step, and the averaged weights. */
function perceptron(h: ModelHeader) {
  const w = new Float32Array((1 << bits) * NT);
  /** Σ (update × time) for the averaged perceptron's lazy averaging. */
  const u = new Float64Array(w.length);
  const model = new NerModel(h, w);
  let time = 1;
  /** Lazy averaging: remember when each weight changed (Daumé's trick). */
  const accumulate = (index: number, delta: number) => {
    u[index]! += delta * time;
  };
  /** One structured-perceptron step on an example (with these static features): Viterbi, then gold minus predicted features. */
  const step = (ex: Example, stat: StaticFeatures): number => {
    const y = model.tag(ex.prepared, stat);
    const g = ex.gold;
    let errors = 0;
    for (let i = 0; i < g.length; i++) if (y[i] !== g[i]) errors++;
    if (errors > 0) {
      for (let i = 0; i < g.length; i++) {
        const gi = g[i]!;
        const yi = y[i]!;
        if (gi !== yi) {
          model.update(stat.feats, i * MAX_FEATURES, stat.count[i]!, gi, 1, accumulate);
          model.update(stat.feats, i * MAX_FEATURES, stat.count[i]!, yi, -1, accumulate);
        }
        const gp = i > 0 ? g[i - 1]! : 0;
        const yp = i > 0 ? y[i - 1]! : 0;
        if (gp !== yp || gi !== yi) {
          model.update(model.transitionsOf(ex.prepared, i, gp), 0, TRANSITION_FEATURES, gi, 1, accumulate);
          model.update(model.transitionsOf(ex.prepared, i, yp), 0, TRANSITION_FEATURES, yi, -1, accumulate);
        }
      }
    }
    time++;
    return errors;
  };
  const averaged = (): Float32Array => {
    const avg = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) avg[i] = w[i]! - u[i]! / time;
    return avg;
  };
  return { step, averaged };
}

/**
 * Static features plus document features for every example (`--document-features`), to
 * train the second pass on. The first pass's tags on a text must have the errors it makes on
 * unseen text, so the training documents are cut in two halves of their groups (the story,
 * or 40 consecutive sentences) and each half is tagged by a first-pass model trained on the
 * other half (jackknifing, as Krishnan & Manning 2006 do); each token's document features
 * are then computed over its group.
 */
function withDocumentFeatures(examples: Example[]): Map<Example, StaticFeatures> {
  /** per training document (repeats once), the first-pass tags of the model of the other half */
  const tagsOf = new Map<GoldDoc, Uint8Array>();
  for (const half of [0, 1]) {
    const part = examples.filter((ex) => groupOf.get(ex.doc)! % 2 !== half);
    const p = perceptron(header);
    for (let epoch = 1; epoch <= Number(args['first-pass-epochs'] ?? args.epochs); epoch++) {
      shuffle(part, Number(args.seed) + epoch);
      for (const ex of part) p.step(ex, ex.stat);
    }
    const m = new NerModel(header, p.averaged());
    for (const ex of examples) if (groupOf.get(ex.doc)! % 2 === half && !tagsOf.has(ex.doc)) tagsOf.set(ex.doc, m.tag(ex.prepared, ex.stat));
    console.log(`first pass, half ${half + 1} of 2: trained on ${part.length} examples (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  /** per group, its examples (one per document, repeats left out), in order */
  const groups = new Map<number, Example[]>();
  const seen = new Set<GoldDoc>();
  for (const ex of examples) {
    if (seen.has(ex.doc)) continue;
    seen.add(ex.doc);
    const g = groupOf.get(ex.doc)!;
    const list = groups.get(g);
    if (list) list.push(ex);
    else groups.set(g, [ex]);
  }
  const byDoc = new Map<GoldDoc, StaticFeatures>();
  for (const list of groups.values()) {
    const rows = documentFeatures(list.map((ex) => ({ ...ex.prepared, tags: tagsOf.get(ex.doc)! })));
    list.forEach((ex, k) => byDoc.set(ex.doc, appended(ex.stat, rows[k]!)));
  }
  return new Map(examples.map((ex) => [ex, byDoc.get(ex.doc)!]));
}

/** Static features plus each token's document features (`documentFeatures` rows, −1 = none). */
function appended(stat: StaticFeatures, rows: Int16Array): StaticFeatures {
  const feats = stat.feats.slice();
  const count = stat.count.slice();
  for (let i = 0; i < count.length; i++) {
    for (let j = i * DOCUMENT_FEATURES; j < (i + 1) * DOCUMENT_FEATURES; j++) {
      if (rows[j]! >= 0) feats[i * MAX_FEATURES + count[i]!++] = documentFeature(rows[j]!);
    }
  }
  return { feats, count };
}

function evaluate(examples: Example[], m: NerModel, consistency = header.documentConsistency, secondPass = true): string {
  const counts = new Map<string, Counts>();
  for (const ex of examples) {
    const tags = secondPass ? m.tagDocument(ex.prepared) : m.tag(ex.prepared);
    const pred = styled(spansFromTags(ex.tokens, tags, ex.doc.text), ex, consistency);
    countMatches(ex.doc.spans, pred, ['PER', 'ORG', 'LOC'], counts);
  }
  const f = microF1(counts);
  const per = [...counts].map(([t, c]) => `${t} ${(microF1(new Map([[t, c]])).f).toFixed(1)}`).join(' ');
  return `P ${f.p.toFixed(1)} R ${f.r.toFixed(1)} F1 ${f.f.toFixed(2)} (${per})`;
}

/** Deterministic shuffle (mulberry32) so a retrain gives the same model. */
function shuffle<T>(a: T[], seed: number): void {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

const out = args.out ?? join(PACKAGE_ROOT, 'models', `ner-${args.lang}.bin`);
const saveAt = new Set(args['save-at']!.split(',').filter(Boolean).map(Number));
const t0 = performance.now();
const train = load(args.train!).map(toExample);
const dev = args
  .dev!.split(',')
  .filter(Boolean)
  .map((name) => ({ name, examples: load(name).map(toExample) }));
const nTokens = train.reduce((s, e) => s + e.tokens.length, 0);
console.log(
  `train: ${train.length} docs, ${nTokens} tokens; dev: ${dev.map((d) => `${d.name} ${d.examples.length} docs`).join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
const trainer = perceptron(header);
// The second pass (--document-features): a second model, trained on the same examples with
// document features, alongside the first (each step of an epoch trains both).
const documentStats = args['document-features'] ? withDocumentFeatures(train) : null;
const secondTrainer = documentStats && perceptron(header);
const current = () => {
  const second = secondTrainer && new NerModel(header, secondTrainer.averaged());
  return new NerModel(header, trainer.averaged(), second);
};
for (let epoch = 1; epoch <= Number(args.epochs); epoch++) {
  shuffle(train, Number(args.seed) + epoch);
  let errors = 0;
  for (const ex of train) {
    errors += trainer.step(ex, ex.stat);
    if (secondTrainer) secondTrainer.step(ex, documentStats!.get(ex)!);
  }
  const line = `epoch ${epoch}: train token errors ${((100 * errors) / nTokens).toFixed(2)}%`;
  console.log(line);
  if (dev.length) {
    const m = current();
    for (const d of dev) console.log(`  dev ${d.name}: ${evaluate(d.examples, m)}`);
    if (m.second) for (const d of dev) console.log(`  (first pass only: ${evaluate(d.examples, m, header.documentConsistency, false)})`);
    if (header.documentConsistency) for (const d of dev) console.log(`  (without document consistency: ${evaluate(d.examples, m, false)})`);
  }
  if (saveAt.has(epoch) && epoch < Number(args.epochs)) save(`${out}.e${epoch}`);
}
const shipped = save(out);
for (const d of dev) console.log(`int16 model, dev ${d.name}: ${evaluate(d.examples, shipped)}`);
/** The model as trained so far, quantised as shipped, and its bytes written to `path`. */
function save(path: string): NerModel {
  const avg = trainer.averaged();
  const secondAvg = secondTrainer?.averaged();
  const final = new NerModel(
    { ...header, scale: quantisationScale(avg) },
    avg,
    secondAvg && new NerModel({ ...header, scale: quantisationScale(secondAvg) }, secondAvg),
  );
  const bytes = final.serialize();
  writeFileSync(path, bytes);
  console.log(`wrote ${path} (${(bytes.length / 1e6).toFixed(2)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return NerModel.parse(bytes, 'trained model');
}
