import { readConllStories } from './conll-text.js';
const st = readConllStories('/work/shared/datasets/ner/conll2003-en/train.conllu');
for (const i of process.argv.slice(2).map(Number)) console.log(`=== ${i}\n${st[i - 1]!.text}`);
