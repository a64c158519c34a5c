// Entity linking, end to end through `analyze(text, { raw: true })`, on HIPE-2020 fr, whose
// NEL-LIT column gives the Wikidata id of each gold mention (or NIL):
//   - emitted: the Wikidata ids the entities layer gives (`wikidata`) on mentions aligned with
//     a gold mention; accuracy = the share of them equal to the gold id (a NIL gold counts wrong);
//     ids on predictions with no gold mention are counted apart (a tagging error, not a link);
//   - linked: the share of gold mentions with a Wikidata id whose aligned prediction carries
//     that id (recall), and the share whose prediction got any knowledge-base key (not a slug).
// Tune on dev (`--split dev`, the default), report test (`--split test`). `--split train` is a
// second tuning set when kb/wikidata.tsv is built from dev only (`build:wikidata-links -- --splits dev`).
// `--split news`: the modern news DEV set of eval/gold/entity-links.json (seeds and OrangeSum
// 2018 articles read from ../shared, default model): the share of mentions with the expected
// key, and the accuracy of the knowledge-base keys given.
//   npm run eval:linking [-- --split dev|test|train|news] [--model models/ner-fr-historical.bin] [--data DIR] [--show 20]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { readHipe } from '../src/annotate/entities/corpus.js';
import { align, goldId } from './link-scoring.js';

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    model: { type: 'string' },
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'ner') },
    show: { type: 'string', default: '0' },
  },
});
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
if (args.split === 'news') {
  if (args.model) process.env.RECOUPE_NER_MODEL = args.model;
  news(join(args.data!, '..', '..'));
  process.exit(0);
}
process.env.RECOUPE_NER_MODEL = args.model ?? join(PACKAGE_ROOT, 'models', 'ner-fr-historical.bin');
const FILES: Record<string, string> = {
  train: 'HIPE-data-v0.9-train-fr.tsv',
  dev: 'HIPE-data-v1.4-dev-fr.tsv',
  test: 'HIPE-data-v1.4-test-fr.tsv',
};
const file = FILES[args.split!];
if (!file) {
  console.error(`eval:linking: unknown split "${args.split}" (dev, test, train or news)`);
  process.exit(2);
}
const path = join(args.data!, 'hipe2020-fr', file);
if (!existsSync(path)) {
  console.error(`eval:linking: ${path} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}

const docs = readHipe(path);
let goldIds = 0;
let goldNil = 0;
let emittedRight = 0;
let emittedWrong = 0;
let emittedUnaligned = 0;
let recalled = 0;
let kbKeyed = 0;
const rules = new Map<string, { right: number; wrong: number }>();
const errors: string[] = [];
for (const doc of docs) {
  for (const g of doc.spans) {
    if (goldId(g)) goldIds++;
    else if (g.link === 'NIL') goldNil++;
  }
  const a = analyze(doc.text, { raw: true });
  if (a.text !== doc.text) throw new Error(`${doc.id}: analyze changed the raw text; offsets would not align`);
  for (const { entity: e, gold } of align(doc.spans, a.entities)) {
    const want = goldId(gold);
    if (want && e.rule && !e.rule.startsWith('slug')) kbKeyed++;
    if (!e.wikidata) continue;
    if (!gold) {
      emittedUnaligned++;
      continue;
    }
    const r = rules.get(e.rule ?? '?') ?? { right: 0, wrong: 0 };
    rules.set(e.rule ?? '?', r);
    if (e.wikidata === want) {
      emittedRight++;
      recalled++;
      r.right++;
    } else {
      emittedWrong++;
      r.wrong++;
      errors.push(`${doc.id}\t${e.text}\t${e.key}\t${e.wikidata}\tgold ${gold.link ?? '_'} «${doc.text.slice(gold.start, gold.end)}»`);
    }
  }
}
const emitted = emittedRight + emittedWrong;
console.log(`hipe ${args.split}: ${docs.length} docs, ${goldIds} gold mentions with a Wikidata id, ${goldNil} NIL`);
console.log(
  `  emitted Wikidata ids on gold mentions: ${emitted}, right ${emittedRight} = accuracy ${pct(emittedRight, emitted)}%  (+ ${emittedUnaligned} on predictions with no gold mention)`,
);
console.log(`  gold-linked mentions linked to their id: ${pct(recalled, goldIds)}%; given any knowledge-base key: ${pct(kbKeyed, goldIds)}%`);
console.log(`  by rule: ${[...rules].map(([k, v]) => `${k} ${v.right}/${v.right + v.wrong}`).join(', ')}`);
for (const line of errors.slice(0, Number(args.show))) console.log(`  ✗ ${line}`);

interface NewsGold {
  documents: Array<{ source: string; raw: boolean; sha256: string; mentions: Array<{ start: number; end: number; sha256: string; expect: string }> }>;
}

/** The modern news DEV set: texts from ../shared (`shared` is its folder), gold keys from eval/gold. */
function news(shared: string): void {
  const gold = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'eval', 'gold', 'entity-links.json'), 'utf8')) as NewsGold;
  const sha = (t: string) => createHash('sha256').update(t).digest('hex');
  const samplePath = join(shared, 'datasets', 'orangesum', 'orangesum_sample2000.jsonl');
  if (!existsSync(samplePath)) {
    console.error(`eval:linking: ${samplePath} not found (needs ../shared or --data DIR)`);
    process.exit(2);
  }
  const bodies = new Map<string, string>();
  for (const line of readFileSync(samplePath, 'utf8').split('\n')) {
    if (!line) continue;
    const j = JSON.parse(line) as { id: string; body: string };
    bodies.set(`orangesum/${j.id}`, j.body);
  }
  let total = 0;
  let rightKey = 0;
  let kbGiven = 0;
  let kbRight = 0;
  let kbWanted = 0;
  let kbFound = 0;
  const errors: string[] = [];
  for (const d of gold.documents) {
    const input = d.raw ? bodies.get(d.source) : readFileSync(join(shared, d.source), 'utf8');
    if (input === undefined) throw new Error(`${d.source}: not found in ../shared`);
    const a = analyze(input, { raw: d.raw });
    if (sha(a.text) !== d.sha256) throw new Error(`${d.source}: the analysed text changed (sha256); the gold offsets no longer apply`);
    const spans = d.mentions.map((m) => {
      if (sha(a.text.slice(m.start, m.end)) !== m.sha256) throw new Error(`${d.source} ${m.start}: mention text changed`);
      return { start: m.start, end: m.end, type: 'PER' as const, link: m.expect };
    });
    for (const { entity: e, gold: g } of align(spans, a.entities)) {
      if (!g) continue;
      total++;
      const kb = e.rule?.startsWith('kb-') === true;
      const right = g.link === 'slug' ? e.rule?.startsWith('slug') === true : e.key === g.link;
      if (right) rightKey++;
      else errors.push(`${d.source}\t${a.text.slice(g.start, g.end)}\tgot ${e.key} (${e.rule})\twant ${g.link}`);
      if (g.link !== 'slug') kbWanted++;
      if (g.link !== 'slug' && right) kbFound++;
      if (kb) {
        kbGiven++;
        if (right) kbRight++;
      }
    }
  }
  const mentions = gold.documents.reduce((n, d) => n + d.mentions.length, 0);
  console.log(`news dev: ${gold.documents.length} docs, ${mentions} gold mentions (${mentions - total} not found by the tagger)`);
  console.log(`  expected key: ${pct(rightKey, total)}% of the mentions found (${rightKey}/${total})`);
  console.log(`  knowledge-base keys given: ${kbGiven}, right ${pct(kbRight, kbGiven)}%; mentions that should link, linked right: ${pct(kbFound, kbWanted)}%`);
  for (const line of errors.slice(0, Number(args.show))) console.log(`  ✗ ${line}`);
}
