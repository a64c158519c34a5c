// Averages the weights of NER models trained alike with different shuffling seeds
// (parameter mixing, McDonald, Hall & Mann 2010): one model of the same size that
// varies less from seed to seed than any of its parts (`mixModels`, model.ts).
//   npm run mix:ner -- --out models/ner-fr.bin a.bin b.bin c.bin
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NerModel, mixModels } from '../src/annotate/entities/model.js';

const { values: args, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
try {
  if (!args.out || positionals.length < 2) throw new Error('usage: mix:ner --out OUT.bin A.bin B.bin [C.bin …]');
  const bytes = mixModels(positionals.map((path) => NerModel.parse(readFileSync(path), path))).serialize();
  writeFileSync(args.out, bytes);
  console.log(`mixed ${positionals.length} models → ${args.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
} catch (e) {
  console.error(`mix:ner: ${(e as Error).message}`);
  process.exit(2);
}
