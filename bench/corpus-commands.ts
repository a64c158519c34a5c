// Bench: every `recoupe corpus` report on a built corpus, as a user runs it
// (the CLI from source, one process per command): wall time, time to the
// first byte of output, CPU time, rows (lines) and bytes, peak memory (max RSS).
//   node --import tsx bench/corpus-commands.ts --db FILE [--quick] [--only REPORT]   (bench/corpus.ts runs it after its add)
// The baseline of the same run is `corpus stats` (starting the CLI, opening
// the file, counting rows): each report's CPU time is printed against it.
import { loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCli, type CliRun } from './helpers/cli-run.js';

/** The reports, each in every format it offers; uncapped, as a user exports them. */
export const CORPUS_COMMANDS: string[][] = [
  ['stats'],
  ...['jsonl', 'csv', 'json'].map((f) => ['sources', '--format', f]),
  ...['jsonl', 'csv', 'json'].map((f) => ['duplicates', '--format', f]),
  ...['jsonl', 'csv', 'json'].map((f) => ['search', '', '--format', f]),
  ['search', 'gouvernement', '--format', 'jsonl'],
  ...['jsonl', 'csv', 'json'].map((f) => ['claims', '--format', f]),
  ['claims', '--min-documents', '2', '--format', 'jsonl'],
  ...['jsonl', 'csv', 'json'].map((f) => ['narratives', '--format', f]),
  ...['gexf', 'json', 'jsonl', 'csv'].map((f) => ['graph', '--format', f]),
];

/** One format per report: jsonl (gexf for the graph). */
export const QUICK_COMMANDS = CORPUS_COMMANDS.filter((c) => c.length < 3 || ['jsonl', 'gexf'].includes(c.at(-1)!));

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function line(args: string[], r: CliRun, baseline: number): string {
  const name = args.map((a) => (a === '' ? '""' : a)).join(' ');
  const first = r.firstByte === null ? 'no output' : `first byte ${r.firstByte.toFixed(1)} s`;
  return `  ${name.padEnd(44)} ${r.seconds.toFixed(1).padStart(6)} s wall, ${r.cpuSeconds.toFixed(1).padStart(5)} s CPU (${(r.cpuSeconds / baseline).toFixed(1).padStart(5)}× stats), ${first}, ${String(r.lines).padStart(7)} lines, ${mb(r.bytes).padStart(9)}, peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB`;
}

/** Time every report on `db`; prints one line each and returns the runs. */
export async function timeCorpusCommands(db: string, commands: string[][] = CORPUS_COMMANDS): Promise<Map<string, CliRun>> {
  console.log(
    `corpus reports on ${db} (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}):`,
  );
  const runs = new Map<string, CliRun>();
  let baseline = 0;
  for (const args of commands) {
    const r = await runCli(['corpus', ...args, '--db', db]);
    if (args[0] === 'stats') baseline = r.cpuSeconds;
    runs.set(args.join(' '), r);
    console.log(line(args, r, baseline || r.cpuSeconds));
  }
  const most = (f: (r: CliRun) => number) => Math.max(...[...runs.values()].map(f));
  console.log(
    `slowest report ${most((r) => r.seconds).toFixed(1)} s wall, ${most((r) => r.cpuSeconds).toFixed(1)} s CPU (goal ≤ 30 s); ` +
      `largest peak RSS ${most((r) => r.maxRssMb).toFixed(0)} MB (goal ≤ 1,500 MB); load average at the end ${loadavg()[0]!.toFixed(1)}`,
  );
  return runs;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, only: { type: 'string' }, quick: { type: 'boolean' } } });
  if (!values.db || !existsSync(values.db)) {
    console.error(
      'usage: node --import tsx bench/corpus-commands.ts --db FILE [--only REPORT] [--quick] (a corpus built by `recoupe corpus add` or bench/corpus.ts --db FILE)',
    );
    process.exit(2);
  }
  // --only REPORT: that report (and the stats baseline).
  const only = (c: string[]) => !values.only || c[0] === 'stats' || c[0] === values.only;
  await timeCorpusCommands(values.db, (values.quick ? QUICK_COMMANDS : CORPUS_COMMANDS).filter(only));
}
