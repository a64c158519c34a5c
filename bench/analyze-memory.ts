// Streaming check: `recoupe analyze` over 10k and 100k JSONL articles must run
// in the same memory. Generates the articles (short French texts made up
// here from a seeded PRNG) in a temp dir, runs the real CLI on each file with
// output to /dev/null, and prints each run's peak RSS and their ratio (~1
// when memory is constant in the number of inputs).
//   npm run bench:memory [-- --lines 100000]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { prng } from '../test/helpers/prng.js';

const args = process.argv.slice(2);
const linesAt = args.indexOf('--lines');
const LARGE = linesAt >= 0 ? Number(args[linesAt + 1]) : 100_000;
const SMALL = Math.max(1, Math.round(LARGE / 10));

const SPEAKERS = ['le maire', 'la ministre de la Santé', 'M. Durand', 'un porte-parole de la préfecture', 'Mme Lefèvre', 'le syndicat'];
const CUES = ['a déclaré', 'a affirmé', 'a estimé', 'a indiqué', 'a-t-il assuré'];
const FACTS = [
  'le pont sera rouvert lundi',
  'les travaux auraient pris du retard',
  'la réforme entrera en vigueur le 1er juillet',
  'près de 5.143 personnes ont été évacuées',
  'le budget augmente de 3,5 %',
];
const MEDIA = ["l'AFP", 'Le Courrier du Valmont', 'France Bleu', 'Reuters'];

function article(r: () => number, i: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const paragraphs: string[] = [];
  const n = 2 + Math.floor(r() * 4);
  for (let p = 0; p < n; p++) {
    const fact = pick(FACTS);
    paragraphs.push(
      r() < 0.5
        ? `« ${fact[0]!.toUpperCase()}${fact.slice(1)} », ${pick(CUES)} ${pick(SPEAKERS)}, cité par ${pick(MEDIA)}.`
        : `Selon ${pick(MEDIA)}, ${fact}. ${pick(SPEAKERS)[0]!.toUpperCase()}${pick(SPEAKERS).slice(1)} ${pick(CUES)} que l'enquête (n° ${i}) continuait.`,
    );
  }
  return paragraphs.join('\n\n');
}

async function writeJsonl(path: string, lines: number): Promise<void> {
  const r = prng(42);
  const out = createWriteStream(path);
  for (let i = 0; i < lines; i++) {
    const rec = JSON.stringify({ text: article(r, i), title: `Article ${i}`, outlet: 'Banc d’essai', published: '2024-05-04' });
    if (!out.write(rec + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs the CLI (from source) on a file; returns its peak RSS in MB, as the child measures it at exit. */
function peakRss(file: string): { mb: number; seconds: number } {
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))';
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--import', report, '--import', 'tsx', join(PACKAGE_ROOT, 'src', 'cli', 'bin.ts'), 'analyze', file, '--format', 'jsonl'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const m = /maxrss (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`recoupe analyze ${file} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { mb: Number(m[1]) / 1024, seconds: (Date.now() - t0) / 1000 };
}

const dir = mkdtempSync(join(tmpdir(), 'recoupe-memory-'));
try {
  const small = join(dir, `articles-${SMALL}.jsonl`);
  const large = join(dir, `articles-${LARGE}.jsonl`);
  await writeJsonl(small, SMALL);
  await writeJsonl(large, LARGE);
  const a = peakRss(small);
  const b = peakRss(large);
  const fmt = (n: number, x: { mb: number; seconds: number }) =>
    `${n.toLocaleString('en-US').padStart(8)} articles: peak RSS ${x.mb.toFixed(0).padStart(5)} MB  (${x.seconds.toFixed(0)} s, ${(n / x.seconds).toFixed(0)} articles/s)`;
  console.log(fmt(SMALL, a));
  console.log(fmt(LARGE, b));
  console.log(
    `peak RSS ratio ${LARGE.toLocaleString('en-US')} / ${SMALL.toLocaleString('en-US')} articles: ${(b.mb / a.mb).toFixed(2)} (1.00 = constant memory)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
