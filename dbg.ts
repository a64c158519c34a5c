import { readFileSync } from 'node:fs';
import { layout } from './src/layout/index.js';
import { analyzeDoc } from './src/pipeline/analyze.js';
const f = process.argv[2]!;
const src = readFileSync(f, 'utf8');
const p = layout(src, 'text');
for (const b of p.blocks) console.log(`${b.kept ? '+' : '-'} ${b.zone.padEnd(4)} ${b.reason.padEnd(12)} ${b.rule ?? ''} | ${b.text.slice(0, 110)}`);
const d = analyzeDoc({ text: src, path: 'x.txt' }, { stages: [] });
console.log(JSON.stringify({ ...d.meta, evidence: d.meta.evidence }, null, 0));
