// Sentence boundary precision / recall / F1 of the project's segmenter against
// hand-annotated HELD-OUT OrangeSum articles (eval/gold/orangesum-sentences.json).
// A boundary is a sentence end offset other than the end of the text, compared
// after trimming trailing whitespace. Usage: npm run eval:sentences [-- --verbose]
import { tokenize, splitSentences } from '../src/index.js';
import { hasOrangesum, loadSentenceGold, ORANGESUM_SAMPLE } from './gold/orangesum.js';

const verbose = process.argv.includes('--verbose');

if (!hasOrangesum) {
  console.log(`skipped: ${ORANGESUM_SAMPLE} is not present`);
  process.exit(0);
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

/** Boundaries of one text: trimmed ends, without the end of the text itself. */
function boundaries(text: string, ends: number[]): Set<number> {
  const last = trimEnd(text, text.length);
  return new Set(ends.map((e) => trimEnd(text, e)).filter((e) => e > 0 && e < last));
}

const around = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 40), at) + '‖' + text.slice(at, at + 25));

const gold = loadSentenceGold();
let tp = 0;
let fp = 0;
let fn = 0;
const errors: string[] = [];
for (const doc of gold.docs) {
  const want = boundaries(doc.text, doc.ends);
  const got = boundaries(
    doc.text,
    splitSentences(doc.text, tokenize(doc.text)).map((s) => s.end),
  );
  for (const b of got) {
    if (want.has(b)) tp++;
    else {
      fp++;
      errors.push(`FP line ${doc.line} ${doc.id} @${b} ${around(doc.text, b)}`);
    }
  }
  for (const b of want) {
    if (!got.has(b)) {
      fn++;
      errors.push(`FN line ${doc.line} ${doc.id} @${b} ${around(doc.text, b)}`);
    }
  }
}

const p = tp + fp ? tp / (tp + fp) : 0;
const r = tp + fn ? tp / (tp + fn) : 0;
const f = p + r ? (2 * p * r) / (p + r) : 0;
const pct = (x: number) => (100 * x).toFixed(2);
if (verbose) for (const e of errors) console.log(e);
console.log(
  `sentence boundaries on held-out OrangeSum: ${gold.docs.length} docs, ${tp + fn} gold boundaries, ${tp + fp} predicted; ` +
    `P ${pct(p)} R ${pct(r)} F1 ${pct(f)} (tp ${tp}, fp ${fp}, fn ${fn})`,
);
