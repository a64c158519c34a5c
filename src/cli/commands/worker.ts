// recoupe worker --db postgres://… : analyse and store queued articles.
import { DEFAULT_BUDGET_SECONDS, budgetSeconds, parse } from '../args.js';
import type { CommandBody, CliIO } from '../command.js';
import { printable, UsageError } from '../../ingest/errors.js';
import { isPostgresUrl } from '../../corpus/open.js';
import { writeRows } from '../../corpus/export.js';
import type { CorpusStore } from '../../corpus/store.js';
import type { InputItem } from '../../ingest/inputs.js';
import { Progress } from '../progress.js';
import { ROW_FORMATS } from '../../corpus/export.js';
import { FORMAT_OPTION, positiveInt, rowFormat } from './corpus-common.js';

const usage = `Usage: recoupe worker --db postgres://USER:PASSWORD@HOST/DB [options]

Take the articles queued by \`recoupe corpus add --queue --db URL\`, analyse
them on this machine's cores and store them in the PostgreSQL corpus. Start as
many workers as you like, on as many machines: each job goes to one worker; the
jobs of a worker that dies are retried after they expire; a job that keeps
failing is parked (see --failed) and never blocks the others. Ctrl-C (SIGINT)
or SIGTERM finishes the batch in hand, then stops.

Options:
  --db URL           the PostgreSQL corpus and its queue (required)
  --jobs N           analysis threads (default: one per core)
  --batch N          jobs taken at once and stored in one transaction (default: 8 per thread)
  --exit-when-done   stop once nothing is queued, retrying or in progress
  --raw              queued inputs are already-clean text
  --budget S         seconds one document's analysis may take (default ${DEFAULT_BUDGET_SECONDS}); a job over
                     it fails alone
  --status           print the number of jobs in each state, then exit
  --failed           list parked jobs with their errors, then exit
  --format F         with --failed: ${ROW_FORMATS.join(', ')} (default jsonl); every row, no cap`;

export const workerCommand: CommandBody = {
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parse(
      args,
      {
        db: { type: 'string' },
        jobs: { type: 'string' },
        batch: { type: 'string' },
        'exit-when-done': { type: 'boolean' },
        raw: { type: 'boolean' },
        budget: { type: 'string' },
        status: { type: 'boolean' },
        failed: { type: 'boolean' },
        ...FORMAT_OPTION,
      },
      false,
    );
    const url = values.db;
    if (!url || !isPostgresUrl(url)) throw new UsageError('--db must be a postgres:// URL (workers share a PostgreSQL corpus)');
    // pg and pg-boss load only here: the other commands do not pay for them.
    const [{ failedJobs, queueCounts }, { runWorker }, { redactUrl }] = await Promise.all([
      import('../../queue/status.js'),
      import('../../queue/worker.js'),
      import('../../corpus/postgres-store.js'),
    ]);
    if (values.status) {
      io.stdout.write(JSON.stringify(await queueCounts(url)) + '\n');
      return 0;
    }
    if (values.failed) {
      await writeRows(await failedJobs(url), rowFormat(values.format), io.stdout);
      return 0;
    }
    const threads = positiveInt(values.jobs, '--jobs');
    const batchSize = positiveInt(values.batch, '--batch');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const progress = new Progress(io.stderr, 'jobs');
    try {
      const report = await runWorker(url, {
        threads,
        batchSize,
        raw: values.raw ?? false,
        budgetMs: budgetSeconds(values.budget) * 1000,
        exitWhenDone: values['exit-when-done'] ?? false,
        signal: stop.signal,
        onProgress: (n) => progress.tick(n),
        onError: (where, reason) => io.stderr.write(`recoupe worker: ${where}: ${reason}\n`),
      });
      progress.done();
      io.stderr.write(
        `${redactUrl(url)}: ${report.added} added, ${report.alreadyStored} already stored, ${report.duplicates} duplicate texts, ${report.failed} failed (retried while attempts remain)\n`,
      );
      return report.failed > 0 ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

/** `recoupe corpus add --queue`: queue the inputs for workers and say how many. */
export async function enqueueCommand(url: string, store: CorpusStore, items: AsyncIterable<InputItem>, io: CliIO, progress: Progress): Promise<number> {
  const { enqueueInputs } = await import('../../queue/enqueue.js');
  const report = await enqueueInputs(url, store, items, {
    onProgress: (n) => progress.tick(n),
    onError: (e) => io.stderr.write(`recoupe corpus add: ${printable(e.path)}: ${e.reason}\n`),
  });
  progress.done();
  io.stderr.write(
    `${store.location}: ${report.queued} queued for \`recoupe worker\`, ${report.alreadyStored} already stored, ${report.alreadyQueued} already queued, ${report.failed} failed\n`,
  );
  return report.failed > 0 ? 1 : 0;
}
