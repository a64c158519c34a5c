// NER evaluation, end to end: rebuild each test document's raw text from its
// CoNLL tokens, run the whole `analyze(text, { raw: true })` pipeline (project
// tokenizer, sentences, entities…), and score the PER/ORG/LOC entities against
// the gold character spans (exact span and type, micro-averaged).
//   npm run eval:ner [-- --corpus wikineural,hipe] [--model models/ner-fr.bin]
// Test splits are read here only, never by tools/train-ner.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { readConll, readHipe, readWikineural, type GoldDoc } from '../src/annotate/entities/corpus.js';
import { countMatches, microF1, type Counts } from '../src/annotate/entities/spans.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'wikineural,hipe' },
    model: { type: 'string' },
    data: { type: 'string', default: join(PACKAGE_ROOT, '..', 'shared', 'datasets', 'ner') },
  },
});
if (args.model) process.env.RECOUPE_NER_MODEL = args.model;
if (!existsSync(args.data!)) {
  console.error(`eval:ner: ${args.data} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}

const TESTS: Record<string, (dir: string) => GoldDoc[]> = {
  wikineural: (d) => readWikineural(join(d, 'wikineural-fr', 'test.conllu')),
  hipe: (d) => readHipe(join(d, 'hipe2020-fr', 'HIPE-data-v1.4-test-fr.tsv')),
  // English: CoNLL-2003 test (one document per Reuters story) and WikiNEuRal en test.
  conll: (d) => readConll(join(d, 'conll2003-en', 'test.conllu')),
  'wikineural-en': (d) => readWikineural(join(d, 'wikineural-en', 'test.conllu')),
};
const TYPES = ['PER', 'ORG', 'LOC'];

for (const name of args.corpus!.split(',')) {
  const read = TESTS[name];
  if (!read) {
    console.error(`unknown corpus "${name}" (known: ${Object.keys(TESTS).join(', ')})`);
    process.exit(2);
  }
  const docs = read(args.data!);
  const counts = new Map<string, Counts>();
  let words = 0;
  /** documents per detected language: entities depend on it (the model is the language's) */
  const languages = new Map<string, number>();
  const t0 = performance.now();
  for (const doc of docs) {
    const a = analyze(doc.text, { raw: true });
    languages.set(a.meta.language, (languages.get(a.meta.language) ?? 0) + 1);
    if (a.text !== doc.text) throw new Error(`${name} ${doc.id}: analyze changed the raw text; offsets would not align`);
    words += a.tokens?.length ?? 0;
    countMatches(doc.spans, a.entities, TYPES, counts);
  }
  const s = (performance.now() - t0) / 1000;
  const f = microF1(counts);
  const per = TYPES.map((t) => `${t} ${microF1(new Map([[t, counts.get(t)!]])).f.toFixed(1)}`).join('  ');
  const langs = [...languages].map(([l, k]) => `${l} ${k}`).join(', ');
  console.log(`${name}: ${docs.length} docs (detected language: ${langs}), ${words} tokens, ${s.toFixed(1)} s`);
  console.log(`  exact span+type, micro over PER/ORG/LOC: P ${f.p.toFixed(1)}  R ${f.r.toFixed(1)}  F1 ${f.f.toFixed(1)}   (${per})`);
}
