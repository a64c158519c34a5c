// Entity linking, end to end through `analyze(text, { raw: true })`, on HIPE-2020 fr, whose
// NEL-LIT column gives the Wikidata id of each gold mention (or NIL):
//   - emitted: the Wikidata ids the entities layer gives (`wikidata`) on mentions aligned with
//     a gold mention; accuracy = the share of them equal to the gold id (a NIL gold counts wrong);
//     ids on predictions with no gold mention are counted apart (a tagging error, not a link);
//   - linked: the share of gold mentions with a Wikidata id whose aligned prediction carries
//     that id (recall), and the share whose prediction got any knowledge-base key (not a slug).
// Tune on dev (`--split dev`, the default), report test (`--split test`).
//   npm run eval:linking [-- --split dev|test] [--model models/ner-fr-historical.bin] [--data DIR] [--show 20]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { readHipe } from '../src/annotate/entities/corpus.js';
import { align, goldId } from './link-scoring.js';

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'dev' },
    model: { type: 'string', default: join(PACKAGE_ROOT, 'models', 'ner-fr-historical.bin') },
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'ner') },
    show: { type: 'string', default: '0' },
  },
});
const FILES: Record<string, string> = { dev: 'HIPE-data-v1.4-dev-fr.tsv', test: 'HIPE-data-v1.4-test-fr.tsv' };
const file = FILES[args.split!];
if (!file) {
  console.error(`eval:linking: unknown split "${args.split}" (dev or test)`);
  process.exit(2);
}
const path = join(args.data!, 'hipe2020-fr', file);
if (!existsSync(path)) {
  console.error(`eval:linking: ${path} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}
process.env.RECOUPE_NER_MODEL = args.model;

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
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
const emitted = emittedRight + emittedWrong;
console.log(`hipe ${args.split}: ${docs.length} docs, ${goldIds} gold mentions with a Wikidata id, ${goldNil} NIL`);
console.log(
  `  emitted Wikidata ids on gold mentions: ${emitted}, right ${emittedRight} = accuracy ${pct(emittedRight, emitted)}%  (+ ${emittedUnaligned} on predictions with no gold mention)`,
);
console.log(`  gold-linked mentions linked to their id: ${pct(recalled, goldIds)}%; given any knowledge-base key: ${pct(kbKeyed, goldIds)}%`);
console.log(`  by rule: ${[...rules].map(([k, v]) => `${k} ${v.right}/${v.right + v.wrong}`).join(', ')}`);
for (const line of errors.slice(0, Number(args.show))) console.log(`  ✗ ${line}`);
