// Speed of the whole `analyze --raw` pipeline (with NER) on real news text,
// against Intl.Segmenter word segmentation of the same text in the same run.
//   npm run bench:ner [-- --lines 1000] [--lang en] [--datasets ../shared/datasets]
// Input: lines 1..N of ../shared/datasets/orangesum/orangesum_sample2000.jsonl (the DEV half);
// with --lang en, the first N stories of CoNLL-2003 train (Reuters, English; a training split).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { defaultStages } from '../src/pipeline/default-stages.js';
import { readConll } from '../src/annotate/entities/corpus.js';
import { segmenterWords } from './helpers/baseline.js';

const { values: args } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    lang: { type: 'string', default: 'fr' },
    datasets: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets') },
  },
});
const datasets = args.datasets!;
const path = args.lang === 'en' ? join(datasets, 'ner', 'conll2003-en', 'train.conllu') : join(datasets, 'orangesum', 'orangesum_sample2000.jsonl');
if (!existsSync(path)) {
  console.error(`bench:ner: ${path} not found (needs ../shared)`);
  process.exit(2);
}
const count = Math.min(1000, Number(args.lines));
const texts =
  args.lang === 'en'
    ? readConll(path)
        .slice(0, count)
        .map((d) => d.text)
    : readFileSync(path, 'utf8')
        .split('\n')
        .slice(0, count)
        .filter(Boolean)
        .map((l) => {
          const j = JSON.parse(l) as Record<string, unknown>;
          return [j.title, j.abstract, j.body].filter((x) => typeof x === 'string').join('\n\n');
        });

const segmentWords = () => segmenterWords(texts);
function analyzeAll(): number {
  let entities = 0;
  for (const t of texts) entities += analyzeDoc(t, { raw: true }).entities.length;
  return entities;
}
/**
 * The same pipeline without the entities stage (nor the stages that need its layer, which a
 * pipeline must not run without it): what NER costs, plus what depends on it.
 */
const dropped = new Set<string>();
const withoutEntities = defaultStages().filter((s) => {
  const keep = s.name !== 'entities' && !s.requires.some((r) => dropped.has(r));
  if (!keep) for (const p of s.provides) dropped.add(p);
  return keep;
});
function analyzeWithoutEntities(): number {
  let tokens = 0;
  for (const t of texts) tokens += analyzeDoc(t, { raw: true, stages: withoutEntities }).tokens.length;
  return tokens;
}
/** Best time of each over N interleaved rounds (after a warm-up), in seconds: the machine is shared, so interleaving exposes both to the same load. */
function race(fs: Array<() => number>): number[] {
  for (const f of fs) f();
  const best = fs.map(() => Infinity);
  for (let r = 0; r < Number(args.rounds); r++) {
    fs.forEach((f, k) => {
      const t0 = performance.now();
      f();
      best[k] = Math.min(best[k]!, (performance.now() - t0) / 1000);
    });
  }
  return best;
}

const words = segmentWords();
const [tSeg, tAnalyze, tBare] = race([segmentWords, analyzeAll, analyzeWithoutEntities]) as [number, number, number];
const fmt = (x: number) => Math.round(x).toLocaleString('en');
console.log(`${texts.length} articles (${args.lang}), ${fmt(words)} words (Intl.Segmenter word-like segments)`);
console.log(`Intl.Segmenter words:        ${fmt(words / tSeg)} words/s`);
console.log(`analyze --raw with entities: ${fmt(words / tAnalyze)} words/s  (${(tSeg / tAnalyze).toFixed(2)}× Intl.Segmenter)`);
console.log(
  `analyze --raw, no entities:  ${fmt(words / tBare)} words/s  (${(tSeg / tBare).toFixed(2)}× Intl.Segmenter; entities${dropped.size > 1 ? ` and what needs them (${[...dropped].join(', ')})` : ''} take ${((100 * (tAnalyze - tBare)) / tAnalyze).toFixed(0)}% of analyze)`,
);
