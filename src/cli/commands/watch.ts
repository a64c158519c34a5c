// recoupe watch FEED... --db FILE|URL [--every 15m] [--once]
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from '../args.js';
import type { CommandBody, CliIO } from '../command.js';
import { printable, UsageError } from '../../ingest/errors.js';
import { Fetcher } from '../../fetch/fetcher.js';
import { FETCH_FLAGS, FETCH_USAGE, fetcherOptions } from '../../fetch/cli-options.js';
import { isUrlArg } from '../../ingest/url-args.js';
import { SqliteSeenState, type SeenState } from '../../ingest/feeds-seen.js';
import { watchRound, type WatchReport } from '../../ingest/feeds-watch.js';
import { ingest } from '../../corpus/ingest.js';
import { DEFAULT_DB, isPostgresUrl } from '../../corpus/open.js';
import { DB_HELP, DB_OPTION, openWritableStore, positiveInt } from './corpus-common.js';

const usage = `Usage: recoupe watch FEED... [--db FILE|URL] [--every 15m | --once] [options]

Keep a corpus up to date from RSS/Atom feeds or news sitemaps (URLs): each round
fetches the feeds (conditionally, through the HTTP cache), then fetches, analyses
and stores only the articles not seen in an earlier round. Stop with Ctrl-C.

Options:
${DB_HELP}
  --every D    time between rounds: 30m, 2h, 90s… (default 15m, at least 1m)
  --once       one round, then exit (1 if anything failed)
  --jobs N     analysis threads (default: one per core)

${FETCH_USAGE}`;

const DEFAULT_EVERY = '15m';
const MIN_EVERY_MS = 60_000;

export const watchCommand: CommandBody = {
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(args, {
      ...DB_OPTION,
      every: { type: 'string' },
      once: { type: 'boolean' },
      jobs: { type: 'string' },
      ...FETCH_FLAGS,
    });
    if (positionals.length === 0) throw new UsageError('no FEED given');
    const notUrl = positionals.find((p) => !isUrlArg(p));
    if (notUrl) throw new UsageError(`FEED must be an http(s) URL (got "${notUrl}")`);
    if (values.once && values.every) throw new UsageError('--once and --every exclude each other');
    const everyMs = duration(values.every ?? DEFAULT_EVERY);
    const jobs = positiveInt(values.jobs, '--jobs');
    const db = values.db ?? DEFAULT_DB;
    const web = { fetcher: new Fetcher(fetcherOptions(values)), window: 8 };
    const opened = await openWritableStore(db);
    const store = opened.store;
    const seen = await seenState(db);
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      for (let round = 1; ; round++) {
        const report = await watchRound(positionals, {
          web,
          seen,
          add: (items, onError) => ingest(store, items, { jobs, onError }),
          onError: (e) => io.stderr.write(`recoupe watch: ${printable(e.path)}: ${e.reason}\n`),
        });
        io.stderr.write(summary(round, store.location, report) + '\n');
        if (values.once) return report.failed > 0 ? 1 : 0;
        if (stop.signal.aborted) return 0;
        try {
          await sleep(everyMs, undefined, { signal: stop.signal });
        } catch {
          return 0;
        }
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await seen.close();
      await opened.close();
    }
  },
};

/** The seen-entries table lives in the corpus itself, whichever store it is. */
async function seenState(db: string): Promise<SeenState> {
  if (!isPostgresUrl(db)) return new SqliteSeenState(db);
  // pg is loaded only for a server, as in openStore.
  return new (await import('../../ingest/feeds-seen-postgres.js')).PostgresSeenState(db);
}

function summary(round: number, location: string, r: WatchReport): string {
  return `watch round ${round} (${new Date().toISOString()}): ${r.feeds} feed(s), ${r.fresh} new entries, ${r.seen} seen before → ${location}: ${r.added} added, ${r.duplicates} duplicate texts, ${r.failed} failed`;
}

/** "90s", "15m", "2h" → ms. */
function duration(value: string): number {
  const m = /^(\d{1,6})(s|m|h)$/.exec(value.trim());
  if (!m) throw new UsageError(`--every must be a duration like 30m, 2h or 90s (got "${value}")`);
  const ms = Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'];
  if (ms < MIN_EVERY_MS) throw new UsageError('--every must be at least 1m: feeds are not polled faster than that');
  return ms;
}
