import { BUDGET_HELP, budgetSeconds, parse } from '../args.js';
import type { Command, CliIO } from '../command.js';
import { printable, UsageError } from '../../ingest/errors.js';
import { expandInputs } from '../../ingest/inputs.js';
import { ingest } from '../../corpus/ingest.js';
import { DEFAULT_DB, isPostgresUrl } from '../../corpus/open.js';
import { enqueueCommand } from './worker.js';
import { Progress } from '../progress.js';
import { readAll } from '../stdin.js';
import { DB_HELP, DB_OPTION, openWritableStore, positiveInt } from './corpus-common.js';
import { FETCH_FLAGS, FETCH_USAGE, fetcherOptions } from '../../fetch/cli-options.js';
import { mayFetch } from '../../ingest/url-args.js';

const usage = `Usage: recoupe corpus add PATH... [options]

Analyse articles and store them in the corpus. PATH is a file, a directory, a
.jsonl or .jsonl.gz file (one article per line), - for stdin, a URL, a URL list,
an RSS/Atom feed or sitemap, or a .warc/.warc.gz file. Adding the same
article twice stores it once; after an interruption, run the same command again
to finish the job.

Options:
${DB_HELP}
  --jobs N     analysis threads (default: one per core)
  --batch N    documents per write transaction (default 100)
  --raw        inputs are already-clean text
${BUDGET_HELP}
  --queue      with --db postgres://…: queue the articles for \`recoupe worker\`
               (on any machine) instead of analysing them here

${FETCH_USAGE}`;

export const corpusAdd: Command = {
  name: 'add',
  summary: 'analyse articles and store them',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(args, {
      ...DB_OPTION,
      jobs: { type: 'string' },
      batch: { type: 'string' },
      raw: { type: 'boolean' },
      budget: { type: 'string' },
      queue: { type: 'boolean' },
      ...FETCH_FLAGS,
    });
    if (positionals.length === 0) throw new UsageError('no PATH given (use - for stdin)');
    const jobs = positiveInt(values.jobs, '--jobs');
    const batchSize = positiveInt(values.batch, '--batch');
    if (values.queue && !isPostgresUrl(values.db ?? '')) throw new UsageError('--queue needs --db postgres://… (the queue lives in the PostgreSQL corpus)');
    const readStdin = () => readAll(io.stdin);
    const web = { fetch: fetcherOptions(values) };
    // The total is only worth a second pass over the inputs when someone watches the bar.
    let total: number | undefined;
    if (io.stderr.isTTY && !(positionals as string[]).includes('-') && !mayFetch(positionals)) {
      total = 0;
      for await (const _ of expandInputs(positionals, readStdin)) total++;
    }
    const progress = new Progress(io.stderr, 'stored', total);
    const location = values.db ?? DEFAULT_DB;
    const opened = await openWritableStore(location);
    const store = opened.store;
    try {
      if (values.queue) return await enqueueCommand(values.db!, store, expandInputs(positionals, readStdin, web), io, progress);
      const report = await ingest(store, expandInputs(positionals, readStdin, web), {
        jobs,
        batchSize,
        raw: values.raw ?? false,
        budgetMs: budgetSeconds(values.budget) * 1000,
        onProgress: (n) => progress.tick(n),
        onError: (e) => io.stderr.write(`recoupe corpus add: ${printable(e.path)}: ${e.reason}\n`),
      });
      progress.done();
      io.stderr.write(
        `${store.location}: ${report.added} added, ${report.alreadyStored} already stored, ${report.duplicates} duplicate texts, ${report.failed} failed, ${report.nearDuplicates} near-duplicate links\n`,
      );
      return report.failed > 0 ? 1 : 0;
    } finally {
      await opened.close();
    }
  },
};
