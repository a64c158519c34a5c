// Language identification on whole CoNLL-2003 documents (train and val splits only;
// the test split is for eval:ner and is never studied): how many English documents
// the pipeline's identifier (src/meta/language.ts, as analyze() calls it) does not
// call `en`, with the first characters of each.
//   RECOUPE_SHARED=/work/shared npx tsx eval/language-id-conll.ts [--data DIR]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readConll } from '../src/annotate/entities/corpus.js';
import { detectLanguage } from '../src/meta/language.js';
import { SHARED } from '../test/helpers/shared.js';

const { values: args } = parseArgs({ options: { data: { type: 'string', default: join(SHARED, 'datasets', 'ner') } } });
const dir = join(args.data!, 'conll2003-en');
if (!existsSync(dir)) {
  console.error(`language-id-conll: ${dir} not found (needs ../shared/datasets/ner or --data DIR)`);
  process.exit(2);
}
for (const split of ['train', 'val']) {
  const docs = readConll(join(dir, `${split}.conllu`));
  const missed = docs.map((d) => ({ id: d.id, text: d.text, lang: detectLanguage(d.text) })).filter((d) => d.lang !== 'en');
  console.log(`${split}: ${missed.length} of ${docs.length} documents not identified as en`);
  for (const d of missed) console.log(`  ${d.id} ${d.lang} ${JSON.stringify(d.text.slice(0, 60))}`);
}
