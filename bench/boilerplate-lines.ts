// The line boilerplate rules alone (layout/lexicon/boilerplate.ts, issue 17):
// every line and sentence of the first N OrangeSum sample bodies (../shared;
// skipped cleanly when absent) through boilerplateReason, 3 passes, CPU time.
// Usage: npx tsx bench/boilerplate-lines.ts [ARTICLES=500]
import { readFileSync } from 'node:fs';
import { boilerplateReason } from '../src/layout/lexicon/boilerplate.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';

if (!hasShared) {
  console.log('bench boilerplate-lines skipped: ../shared is not present');
  process.exit(0);
}
const articles = Number(process.argv[2] ?? 500);
const lines: string[] = [];
const sample = readFileSync(sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl'), 'utf8');
for (const l of sample
  .split('\n')
  .filter((x) => x.trim())
  .slice(0, articles)) {
  const body = String((JSON.parse(l) as { body?: string }).body ?? '');
  lines.push(...body.split(/\n|(?<=[.!?]) /));
}
let hits = 0;
const start = process.cpuUsage();
for (let pass = 0; pass < 3; pass++) for (const line of lines) if (boilerplateReason(line, true)) hits++;
const used = process.cpuUsage(start);
console.log(`${lines.length} lines x 3 passes, ${hits} furniture: ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
