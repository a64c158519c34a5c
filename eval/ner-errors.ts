// NER error analysis on a DEV split (never a test split): where the end-to-end
// entities (`analyze(text, {raw: true})`) differ from gold, by kind of error, and
// how much the layers after the tagger (KB type fixes and additions, rules) change
// against the tagger's own spans.
//   npm run eval:ner-errors [-- --corpus hipe-dev|wikineural-val-tail|conll-val|wikineural-en-val-tail] [--model path.bin] [--show 30]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { readConll, readHipe, readWikineural, type GoldDoc } from '../src/annotate/entities/corpus.js';
import { prepare } from '../src/annotate/entities/features.js';
import { loadModel } from '../src/annotate/entities/model.js';
import { countMatches, microF1, spansFromTags, type Counts, type TypedSpan } from '../src/annotate/entities/spans.js';
import { knowledgeBase } from '../src/kb/kb.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'hipe-dev' },
    model: { type: 'string' },
    show: { type: 'string', default: '0' },
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'ner') },
  },
});
if (args.model) process.env.RECOUPE_NER_MODEL = args.model;
if (!existsSync(args.data!)) {
  console.error(`eval:ner-errors: ${args.data} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}
const DEV: Record<string, (dir: string) => GoldDoc[]> = {
  'hipe-dev': (d) => readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-dev-fr.tsv')),
  'wikineural-val-tail': (d) => {
    const docs = readWikineural(join(d, 'wikineural-fr', 'val.conllu'));
    return docs.slice(Math.floor(docs.length * 0.9));
  },
  // English: CoNLL-2003 val (for a model trained without it) and the tail of WikiNEuRal en val.
  'conll-val': (d) => readConll(join(d, 'conll2003-en', 'val.conllu')),
  // As tools/train-ner.ts cuts it: documents wholly after the first 90% of the sentences.
  'wikineural-en-val-tail': (d) => {
    const path = join(d, 'wikineural-en', 'val.conllu');
    const cut = Math.floor(readWikineural(path, 1).length * 0.9);
    return readWikineural(path, 40).filter((_, k) => 40 * k >= cut);
  },
};
const read = DEV[args.corpus!];
if (!read) {
  console.error(`eval:ner-errors: unknown dev corpus "${args.corpus}" (known: ${Object.keys(DEV).join(', ')})`);
  process.exit(2);
}
const TYPES = ['PER', 'ORG', 'LOC'];
const overlaps = (a: TypedSpan, b: TypedSpan) => a.start < b.end && b.start < a.end;
const tally = new Map<string, number>();
const examples = new Map<string, string[]>();
const show = Number(args.show);
function count(kind: string, example?: string): void {
  tally.set(kind, (tally.get(kind) ?? 0) + 1);
  if (example === undefined || show === 0) return;
  const list = examples.get(kind) ?? [];
  if (list.length < show) list.push(example);
  examples.set(kind, list);
}

/** Kind of a gold span the system missed, given all predicted spans. */
function missKind(g: TypedSpan, pred: TypedSpan[]): string {
  const same = pred.find((p) => p.start === g.start && p.end === g.end);
  if (same) return `${g.type}: right span, typed ${same.type}`;
  const o = pred.filter((p) => overlaps(p, g));
  if (!o.length) return `${g.type}: missed (no overlap)`;
  const p = o.find((x) => x.type === g.type) ?? o[0]!;
  const where = p.start <= g.start && p.end >= g.end ? 'too long' : p.start >= g.start && p.end <= g.end ? 'too short' : 'crossing';
  return `${g.type}: boundary ${where}${p.type === g.type ? '' : `, typed ${p.type}`}${o.length > 1 ? ' (split)' : ''}`;
}

const docs = read(args.data!);
const endToEnd = new Map<string, Counts>();
const taggerOnly = new Map<string, Counts>();
let unreachable = 0;
let goldTotal = 0;
for (const doc of docs) {
  const a = analyze(doc.text, { raw: true });
  const tokens = a.tokens ?? [];
  const pred: TypedSpan[] = a.entities;
  countMatches(doc.spans, pred, TYPES, endToEnd);
  // The tagger of the document's detected language, as the pipeline picks it (both passes of a model with a second pass).
  const kb = knowledgeBase(a.meta.language);
  const model = loadModel(a.meta.language);
  const tagged = model ? spansFromTags(tokens, model.tagDocument(prepare(doc.text, tokens, kb.gazetteer)), doc.text) : [];
  countMatches(doc.spans, tagged, TYPES, taggerOnly);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  const snippet = (s: TypedSpan) =>
    `${JSON.stringify(doc.text.slice(s.start, s.end))} [${doc.text.slice(Math.max(0, s.start - 30), s.start).replace(/\s+/g, ' ')}|…|${doc.text.slice(s.end, s.end + 30).replace(/\s+/g, ' ')}]`;
  const goldKeys = new Set(doc.spans.filter((s) => TYPES.includes(s.type)).map((s) => `${s.start}:${s.end}:${s.type}`));
  const predKeys = new Set(pred.filter((s) => TYPES.includes(s.type)).map((s) => `${s.start}:${s.end}:${s.type}`));
  const taggedKeys = new Set(tagged.map((s) => `${s.start}:${s.end}:${s.type}`));
  for (const g of doc.spans) {
    if (!TYPES.includes(g.type)) continue;
    goldTotal++;
    if (!starts.has(g.start) || !ends.has(g.end)) {
      unreachable++;
      count('gold span not on token boundaries', snippet(g));
    }
    const k = `${g.start}:${g.end}:${g.type}`;
    if (predKeys.has(k)) continue;
    count(
      missKind(g, pred),
      `${snippet(g)} → ${pred
        .filter((p) => overlaps(p, g))
        .map((p) => `${p.type} ${JSON.stringify(doc.text.slice(p.start, p.end))}`)
        .join(', ')}`,
    );
    if (taggedKeys.has(k)) count('later layers lost a right tagger span', snippet(g));
  }
  for (const p of pred) {
    if (!TYPES.includes(p.type)) continue;
    const k = `${p.start}:${p.end}:${p.type}`;
    if (goldKeys.has(k)) continue;
    if (!doc.spans.some((g) => overlaps(g, p))) count(`${p.type}: spurious (no gold overlap)`, snippet(p));
    if (!taggedKeys.has(k)) count('wrong span added or retyped after the tagger', `${p.type} ${snippet(p)}`);
  }
}
const line = (name: string, c: Map<string, Counts>) => {
  const f = microF1(c);
  const per = TYPES.map((t) => `${t} ${microF1(new Map([[t, c.get(t)!]])).f.toFixed(1)}`).join('  ');
  console.log(`${name}: P ${f.p.toFixed(1)}  R ${f.r.toFixed(1)}  F1 ${f.f.toFixed(1)}   (${per})`);
};
console.log(`${args.corpus}: ${docs.length} docs, ${goldTotal} gold PER/ORG/LOC (${unreachable} not on token boundaries)`);
line('end to end (analyze --raw)', endToEnd);
line('tagger spans only        ', taggerOnly);
for (const [kind, n] of [...tally].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(n).padStart(6)}  ${kind}`);
  for (const e of examples.get(kind) ?? []) console.log(`          ${e}`);
}
