// Main-content extraction: recoupe end to end (file bytes into analyze()) against Mozilla Readability
// (over linkedom), measured in the same run on both ../shared benchmarks.
// Usage: npm run bench:extraction
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { analyze } from '../src/pipeline/analyze.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { f1OfCounts, loadArticleBenchmark, loadTrafilatura, shingleCounts, shingleF1, snippetCounts, type Page } from './extraction-data.js';

type Extractor = (page: Page) => string;

/**
 * recoupe as a user runs it: the page file's bytes into analyze() with its URL
 * (as a JSONL line {"html", "url"} gives it), decoding, layout, cleaning and
 * metadata included. The annotation stages are left out: they never change
 * the text.
 */
const recoupe: Extractor = (page) => analyze({ bytes: page.bytes, path: page.file, known: { url: page.url } }, { stages: [] }).text;

const readability: Extractor = (page) => {
  const { document } = parseHTML(page.html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
};

/** Both extractors on every page, alternating which goes first, so that machine load hits both alike. */
function runAll(pages: Page[], fns: [string, Extractor][]): { outputs: Map<string, string[]>; ms: Map<string, number> } {
  const outputs = new Map(fns.map(([n]) => [n, [] as string[]]));
  const ms = new Map(fns.map(([n]) => [n, 0]));
  pages.forEach((p, i) => {
    const order = i % 2 ? [...fns].reverse() : fns;
    for (const [name, fn] of order) {
      const t0 = performance.now();
      let out = '';
      try {
        out = fn(p);
      } catch (e) {
        process.stderr.write(`${name} failed on ${p.id}: ${(e as Error).message}\n`);
      }
      ms.set(name, ms.get(name)! + performance.now() - t0);
      outputs.get(name)![i] = out;
    }
  });
  return { outputs, ms };
}

function main(): void {
  if (!hasShared) {
    console.log('../shared is not present: nothing to measure');
    return;
  }
  const traf = loadTrafilatura(sharedPath('datasets', 'extraction', 'trafilatura-eval-fr'));
  const aeb = loadArticleBenchmark(sharedPath('datasets', 'extraction', 'article-extraction-benchmark'));
  const rows: string[] = [];
  const fns: [string, Extractor][] = [
    ['recoupe', recoupe],
    ['readability', readability],
  ];
  const t = runAll(traf, fns);
  const a = runAll(aeb, fns);
  const speed: Record<string, number> = {};
  for (const [name] of fns) {
    const tc = traf.map((p, i) => snippetCounts(p, t.outputs.get(name)![i]!));
    const ac = aeb.map((p, i) => shingleCounts(p.body, a.outputs.get(name)![i]!));
    const s = shingleF1(ac);
    speed[name] = (traf.length + aeb.length) / ((t.ms.get(name)! + a.ms.get(name)!) / 1000);
    rows.push(
      `${name.padEnd(12)} trafilatura-eval-fr F1 ${(100 * f1OfCounts(tc)).toFixed(1)}   ` +
        `article-extraction-benchmark F1 ${(100 * s.f1).toFixed(1)} (P ${(100 * s.precision).toFixed(1)} R ${(100 * s.recall).toFixed(1)})   ` +
        `${speed[name]!.toFixed(1)} pages/s`,
    );
  }
  console.log(`pages: trafilatura-eval-fr ${traf.length}, article-extraction-benchmark ${aeb.length}`);
  for (const r of rows) console.log(r);
  console.log(`throughput ratio recoupe / readability: ${(speed.recoupe! / speed.readability!).toFixed(2)}`);
}

main();
