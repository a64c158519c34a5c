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
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const MAX_WORDS = 60_000;
const CONTEXTS = 1000;
const DIMS = 64;
const FINE = 256;
const COARSE = 32;
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
  },
});
const MIN_COUNT = Number(args['min-count']);
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
const docs: string[][] = [];
const counts = new Map<string, number>();
function addText(text: string): void {
  const words = (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace('’', "'"));
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  docs.push(words);
}
const sources: string[] = [];
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

const fine = kmeans(vectors, vocab.length, FINE);
const coarse = kmeans(fine.centroids, FINE, COARSE);
const header = [
  `# Word classes for the ${args.lang} NER tagger. GENERATED by tools/build-word-clusters.ts: do not edit.`,
  `# From ${sources.join(', ')}: the ${vocab.length} lowercased words seen >= ${MIN_COUNT} times,`,
  `# neighbour PPMI vectors randomly projected, spherical k-means: ${FINE} fine classes, ${COARSE} coarse classes of those. No text.`,
  '# word\tfine\tcoarse',
];
const rows = vocab.map((w, i) => `${w}\t${fine.assign[i]}\t${coarse.assign[fine.assign[i]!]}`);
writeFileSync(out, `${header.join('\n')}\n${rows.join('\n')}\n`);
console.log(`${rows.length} words → ${out}`);
