// Main-content extraction: recoupe end to end (file bytes into analyze()) against Mozilla Readability
// (over linkedom), measured in the same run on both ../shared benchmarks.
// Usage: RECOUPE_SHARED=/path/to/shared npm run bench:extraction [-- --corpus traf|aeb] [--split study|other] [--worst N] [--recoupe-only]
//   --split: the article-extraction benchmark's pages in two halves by the first hex digit of
//            sha256(page id): 0–7 = study (errors looked at), 8–f = other (never looked at);
//            without it, both halves and the total are printed.
//   --worst N: the N lowest-scoring pages of the selection (recoupe), to study errors.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { analyze } from '../src/pipeline/analyze.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { type BodyPage, f1OfCounts, loadArticleBenchmark, loadTrafilatura, shingleCounts, shingleF1, snippetCounts, type Page } from './extraction-data.js';

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

/** The half of the article-extraction benchmark a page belongs to, fixed by its id alone. */
export function half(id: string): 'study' | 'other' {
  return Number.parseInt(createHash('sha256').update(id).digest('hex')[0]!, 16) < 8 ? 'study' : 'other';
}

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

const pct = (x: number) => (100 * x).toFixed(1);

function main(): void {
  if (!hasShared) {
    console.log('../shared is not present: nothing to measure');
    return;
  }
  const { values: opt } = parseArgs({
    options: { corpus: { type: 'string' }, split: { type: 'string' }, worst: { type: 'string' }, 'recoupe-only': { type: 'boolean' } },
  });
  const fns: [string, Extractor][] = [['recoupe', recoupe]];
  if (!opt['recoupe-only']) fns.push(['readability', readability]);
  const worst = Number(opt.worst ?? 0);
  const speed: Record<string, [number, number]> = {};
  const timed = (name: string, n: number, ms: number) => {
    const s = (speed[name] ??= [0, 0]);
    s[0] += n;
    s[1] += ms;
  };
  const empty = (name: string, ids: string[], outs: string[]) => {
    const none = ids.filter((_, i) => !outs[i]!.trim());
    if (none.length) console.log(`${name}: ${none.length} page(s) with no text: ${none.join(' ')}`);
  };
  if (!opt.corpus || opt.corpus === 'traf') {
    const traf = loadTrafilatura(sharedPath('datasets', 'extraction', 'trafilatura-eval-fr'));
    const t = runAll(traf, fns);
    console.log(`trafilatura-eval-fr: ${traf.length} pages, snippet F1`);
    for (const [name] of fns) {
      const outs = t.outputs.get(name)!;
      const tc = traf.map((p, i) => snippetCounts(p, outs[i]!));
      timed(name, traf.length, t.ms.get(name)!);
      console.log(`  ${name.padEnd(12)} ${pct(f1OfCounts(tc))}`);
      empty(
        name,
        traf.map((p) => p.id),
        outs,
      );
      if (name === 'recoupe' && worst)
        for (const i of traf
          .map((_, i) => i)
          .sort((a, b) => f1OfCounts([tc[a]!]) - f1OfCounts([tc[b]!]))
          .slice(0, worst))
          console.log(`    ${pct(f1OfCounts([tc[i]!]))} tp ${tc[i]!.tp} fp ${tc[i]!.fp} fn ${tc[i]!.fn} ${traf[i]!.id}`);
    }
  }
  if (!opt.corpus || opt.corpus === 'aeb') {
    let aeb: BodyPage[] = loadArticleBenchmark(sharedPath('datasets', 'extraction', 'article-extraction-benchmark'));
    if (opt.split) aeb = aeb.filter((p) => half(p.id) === opt.split);
    const a = runAll(aeb, fns);
    console.log(`article-extraction-benchmark: ${aeb.length} pages, 4-shingle F1 (P R)`);
    for (const [name] of fns) {
      const outs = a.outputs.get(name)!;
      const ac = aeb.map((p, i) => shingleCounts(p.body, outs[i]!));
      timed(name, aeb.length, a.ms.get(name)!);
      const row = (sel: (i: number) => boolean) => {
        const s = shingleF1(ac.filter((_, i) => sel(i)));
        return `${pct(s.f1)} (${pct(s.precision)} ${pct(s.recall)})`;
      };
      const halves = opt.split ? '' : `   study ${row((i) => half(aeb[i]!.id) === 'study')}   other ${row((i) => half(aeb[i]!.id) === 'other')}`;
      console.log(`  ${name.padEnd(12)} ${opt.split ?? 'total'} ${row(() => true)}${halves}`);
      empty(
        name,
        aeb.map((p) => p.id),
        outs,
      );
      if (name === 'recoupe' && worst) {
        const f1 = (i: number) => shingleF1([ac[i]!]).f1;
        for (const i of aeb
          .map((_, i) => i)
          .sort((x, y) => f1(x) - f1(y))
          .slice(0, worst)) {
          const c = ac[i]!;
          console.log(`    ${pct(f1(i))} P ${pct(c.tp / (c.tp + c.fp || 1))} R ${pct(c.tp / (c.tp + c.fn || 1))} ${aeb[i]!.id} ${aeb[i]!.url}`);
        }
      }
    }
  }
  for (const [name, [n, ms]] of Object.entries(speed)) console.log(`${name.padEnd(12)} ${(n / (ms / 1000)).toFixed(1)} pages/s`);
  if (speed.recoupe && speed.readability)
    console.log(`throughput ratio recoupe / readability: ${(speed.recoupe[0] / speed.recoupe[1] / (speed.readability[0] / speed.readability[1])).toFixed(2)}`);
}

main();
