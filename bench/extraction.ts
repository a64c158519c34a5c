// Main-content extraction: recoupe's clean stage against Mozilla Readability
// (over linkedom), measured in the same run on both ../shared benchmarks.
// Usage: npm run bench:extraction [-- --only recoupe] [-- --dump DIR]
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { clean } from '../src/clean/index.js';
import { guessMeta } from '../src/meta/index.js';
import { Doc } from '../src/doc/doc.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import {
  f1OfCounts,
  loadArticleBenchmark,
  loadTrafilatura,
  shingleCounts,
  shingleF1,
  snippetCounts,
  type Page,
} from './extraction-data.js';

type Extractor = (page: Page) => string;

/** recoupe: clean + meta, as `recoupe analyze` runs them. */
const recoupe: Extractor = (page) => {
  const c = clean(page.html, 'html', { url: page.url });
  const doc = new Doc({ text: c.text, input: { path: null, format: 'html' }, source: page.html, map: c.map });
  guessMeta(doc, { raw: false, hints: c.hints, source: page.html });
  return c.text;
};

const readability: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
};

function run(name: string, pages: Page[], fn: Extractor): { outputs: string[]; ms: number } {
  const t0 = performance.now();
  const outputs = pages.map((p) => {
    try {
      return fn(p);
    } catch (e) {
      process.stderr.write(`${name} failed on ${p.id}: ${(e as Error).message}\n`);
      return '';
    }
  });
  return { outputs, ms: performance.now() - t0 };
}

function main(): void {
  if (!hasShared) {
    console.log('../shared is not present: nothing to measure');
    return;
  }
  const dumpWorst = process.argv.includes('--worst');
  const traf = loadTrafilatura(sharedPath('datasets', 'extraction', 'trafilatura-eval-fr'));
  const aeb = loadArticleBenchmark(sharedPath('datasets', 'extraction', 'article-extraction-benchmark'));
  const rows: string[] = [];
  const speed: Record<string, number> = {};
  for (const [name, fn] of [['recoupe', recoupe], ['readability', readability]] as const) {
    const t = run(name, traf, fn);
    const a = run(name, aeb, fn);
    const tc = traf.map((p, i) => snippetCounts(p, t.outputs[i]!));
    const ac = aeb.map((p, i) => shingleCounts(p.body, a.outputs[i]!));
    const s = shingleF1(ac);
    speed[name] = (traf.length + aeb.length) / ((t.ms + a.ms) / 1000);
    rows.push(
      `${name.padEnd(12)} trafilatura-eval-fr F1 ${(100 * f1OfCounts(tc)).toFixed(1)}   ` +
        `article-extraction-benchmark F1 ${(100 * s.f1).toFixed(1)} (P ${(100 * s.precision).toFixed(1)} R ${(100 * s.recall).toFixed(1)})   ` +
        `${speed[name]!.toFixed(1)} pages/s`,
    );
    if (dumpWorst && name === 'recoupe') {
      const worst = aeb.map((p, i) => ({ id: p.id, c: ac[i]! })).sort((x, y) => x.c.tp - y.c.tp).slice(0, 15);
      for (const w of worst) console.log(`  aeb ${w.id.slice(0, 12)} tp ${w.c.tp.toFixed(2)} fp ${w.c.fp.toFixed(2)} fn ${w.c.fn.toFixed(2)}`);
      traf.forEach((p, i) => {
        const c = tc[i]!;
        if (c.fp || c.fn) console.log(`  traf ${p.id} fp ${c.fp} fn ${c.fn}`);
      });
    }
  }
  console.log(`pages: trafilatura-eval-fr ${traf.length}, article-extraction-benchmark ${aeb.length}`);
  for (const r of rows) console.log(r);
  console.log(`throughput ratio recoupe / readability: ${(speed.recoupe! / speed.readability!).toFixed(2)}`);
}

main();
