// Metadata evaluation: every gold field of the seed articles
// (../shared/gold/metadata.json), then the same rules on HTML pages whose
// gold title/author/date we have (trafilatura-eval-fr), to see that they
// generalise. Usage: npm run eval:metadata
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { checkSeeds } from './metadata-gold.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/’/g, "'").replace(/[.]+$/, '').trim().toLowerCase();

function seeds(): boolean {
  const checks = checkSeeds();
  for (const c of checks) if (!c.ok) console.log(`  FAIL ${c.doc} ${c.field}: got ${c.got}, want ${c.want}`);
  const ok = checks.filter((c) => c.ok).length;
  console.log(`seeds: ${ok}/${checks.length} gold checks right`);
  return ok === checks.length;
}

function htmlPages(): void {
  const dir = sharedPath('datasets', 'extraction', 'trafilatura-eval-fr');
  const gold = JSON.parse(readFileSync(join(dir, 'evaldata-fr.json'), 'utf8')) as Record<
    string,
    { file: string; title?: string; author?: string; date?: string }
  >;
  const score = { title: { ok: 0, n: 0 }, author: { ok: 0, n: 0 }, date: { ok: 0, n: 0 } };
  for (const [url, g] of Object.entries(gold)) {
    if (!g.title && !g.author && !g.date) continue;
    const path = join(dir, 'html', g.file);
    const m = analyzeDoc({ bytes: readFileSync(path), path, known: { url } }).meta;
    if (g.title) {
      score.title.n++;
      if (norm(m.title ?? '') === norm(g.title)) score.title.ok++;
    }
    if (g.author) {
      score.author.n++;
      const want = g.author.split(/;\s*/).map(norm);
      if (m.authors.length && m.authors.every((a) => want.some((w) => w.includes(norm(a)) || norm(a).includes(w)))) score.author.ok++;
    }
    if (g.date) {
      score.date.n++;
      if (m.published === g.date) score.date.ok++;
    }
  }
  for (const [k, { ok, n }] of Object.entries(score)) console.log(`trafilatura-eval-fr pages with gold ${k}: ${ok}/${n} right`);
}

if (!hasShared) console.log('../shared is not present: nothing to evaluate');
else {
  const allRight = seeds();
  htmlPages();
  process.exitCode = allRight ? 0 : 1;
}
