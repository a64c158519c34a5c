// Throughput of the full `analyze --raw` pipeline (tokens, sentences, quotes,
// attributions, claims) over the OrangeSum sample, as words per second on one
// core and as a ratio to Intl.Segmenter('fr', {granularity: 'word'}) word
// segmentation of the same texts measured in the same run.
//
//   npm run bench:attributions [-- FILE.jsonl]      (default ../shared/datasets/orangesum/orangesum_sample2000.jsonl)
//
// Target (issue 4): at least 200,000 words/s for the full analysis.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { SHARED } from '../test/helpers/shared.js';
import { segmenterWords } from './helpers/baseline.js';

const file = process.argv[2] ?? join(SHARED, 'datasets', 'orangesum', 'orangesum_sample2000.jsonl');
if (!existsSync(file)) {
  console.error(`bench:attributions: no such file ${file}`);
  process.exit(2);
}
const texts = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const row = JSON.parse(l) as { text?: string; body?: string };
    return row.text ?? row.body ?? '';
  });

const segment = () => segmenterWords(texts);
function analyzeAll(): number {
  let attributions = 0;
  for (const t of texts) attributions += analyzeDoc(t, { raw: true }).attributions.length;
  return attributions;
}
function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

// Warm-up (lexicons load, JIT), then the best of three runs each.
analyzeAll();
segment();
let words = 0;
let attributions = 0;
let seg = Infinity;
let full = Infinity;
for (let k = 0; k < 3; k++) {
  const [w, s] = time(segment);
  const [a, f] = time(analyzeAll);
  words = w;
  attributions = a;
  seg = Math.min(seg, s);
  full = Math.min(full, f);
}
const wps = (s: number) => Math.round(words / s).toLocaleString('en-US');
console.log(`${texts.length} texts, ${words.toLocaleString('en-US')} words (Intl.Segmenter), ${attributions} attributions`);
console.log(`Intl.Segmenter word segmentation: ${wps(seg)} words/s`);
console.log(`full analyze (raw) with attributions + claims: ${wps(full)} words/s`);
console.log(`ratio analyze / Intl.Segmenter: ${(seg / full).toFixed(2)}  (target: ≥ 200,000 words/s → ${words / full >= 200_000 ? 'met' : 'NOT met'})`);
