// Text-core throughput: tokens + sentences over the OrangeSum sample, in words
// per second of CPU time on one core (JavaScript runs on one thread), beside
// Intl.Segmenter('fr', word) over the same texts in the same run (the
// baseline), and their ratio.
//   npm run bench:text [-- PATH.jsonl] [--rounds N]
import { existsSync, readFileSync } from 'node:fs';
import { tokenize } from '../src/annotate/tokens.js';
import { splitSentences } from '../src/annotate/sentences.js';
import { sharedPath } from '../test/helpers/shared.js';
import { segmenterWords } from './helpers/baseline.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const path = args[0] ?? sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl');
if (!existsSync(path)) {
  console.error(`bench:text: ${path} not found (it lives in ../shared)`);
  process.exit(1);
}
/** OrangeSum rows keep the article in `body`; other JSONL files in `text`. */
const texts = readFileSync(path, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const r = JSON.parse(l) as { text?: string; body?: string };
    return r.text ?? r.body ?? '';
  });

const baseline = () => segmenterWords(texts);

function ours(): number {
  let n = 0;
  for (const t of texts) {
    const tokens = tokenize(t, 'fr');
    n += splitSentences(t, tokens, 'fr').length;
  }
  return n;
}

/**
 * Best of `rounds` timings (ms of CPU time of this process, so other processes
 * sharing the cores do not count), after one warm-up run.
 */
function best(fn: () => number): { ms: number; result: number } {
  let result = fn();
  let ms = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    result = fn();
    const t = process.cpuUsage(t0);
    ms = Math.min(ms, (t.user + t.system) / 1000);
  }
  return { ms, result };
}

const chars = texts.reduce((a, t) => a + t.length, 0);
const base = best(baseline);
const words = base.result;
const core = best(ours);
const rate = (ms: number) => (words / ms) * 1000;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(`${texts.length} texts, ${fmt(chars)} chars, ${fmt(words)} words (Intl.Segmenter isWordLike), best of ${rounds} rounds, CPU time`);
console.log(`Intl.Segmenter('fr', word)   ${fmt(rate(base.ms)).padStart(11)} words/s  (${base.ms.toFixed(0)} ms)`);
console.log(`recoupe tokens + sentences   ${fmt(rate(core.ms)).padStart(11)} words/s  (${core.ms.toFixed(0)} ms, ${fmt(core.result)} sentences)`);
console.log(`ratio recoupe / Intl.Segmenter: ${(base.ms / core.ms).toFixed(2)}x`);
