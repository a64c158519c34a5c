// Options and helpers shared by the `recoupe corpus …` subcommands.
import { isCalendarDate } from '../../text/calendar-date.js';
import { existsSync, rmSync } from 'node:fs';
import { oneOf } from '../args.js';
import { UsageError } from '../../ingest/errors.js';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../../corpus/open.js';
import type { CorpusStore } from '../../corpus/store.js';
import { ROW_FORMATS, writeRows, type RowFormat } from '../../corpus/export.js';
import type { CliIO } from '../command.js';

export const DB_OPTION = { db: { type: 'string' } } as const;
export const FORMAT_OPTION = { format: { type: 'string' } } as const;
export const DB_HELP = `  --db FILE    the corpus file (default ./${DEFAULT_DB}), or a postgres:// URL (shared corpus)`;
export const FORMAT_HELP = `  --format F   ${ROW_FORMATS.join(', ')} (default jsonl); every row, no cap`;

/** Open a corpus that must already exist (reading commands never create an empty file by mistake). */
export async function openExisting(db: string | undefined): Promise<CorpusStore> {
  const location = db ?? DEFAULT_DB;
  if (!/^postgres(ql)?:\/\//i.test(location) && !existsSync(location))
    throw new UsageError(`no corpus at ${location} (create it with \`recoupe corpus add PATH --db ${location}\`)`);
  return openStore(location, { readOnly: true });
}

export function rowFormat(value: string | undefined): RowFormat {
  return oneOf<RowFormat>(value, ROW_FORMATS, '--format', 'jsonl');
}

/** Run `fn` on an open store, then close it; write its rows in the chosen format. */
export async function exportRows(
  io: CliIO,
  db: string | undefined,
  format: RowFormat,
  rows: (store: CorpusStore) => AsyncIterable<object> | Iterable<object> | Promise<Iterable<object>>,
): Promise<number> {
  const store = await openExisting(db);
  try {
    await writeRows(await rows(store), format, io.stdout);
  } finally {
    await store.close();
  }
  return 0;
}

export { positiveInt } from '../args.js';

export function isoDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw new UsageError(`${flag} must be a calendar date YYYY-MM-DD (got "${value}")`);
  return value;
}

/**
 * The corpus a command writes to, opened; `close()` removes a SQLite file this command created and left without any
 * document (no input could be read, a feed was unreachable), rather than leave an empty database behind. Whether it
 * is empty is asked of the store, not of the run's report: a run that fails half-way keeps what it stored.
 */
export async function openWritableStore(location: string): Promise<{ store: CorpusStore; close(): Promise<void> }> {
  const creates = !isPostgresUrl(location) && location !== ':memory:' && !existsSync(location);
  const store = await openStore(location);
  return {
    store,
    async close() {
      const empty =
        creates &&
        (await store.stats().then(
          (s) => s.documents === 0,
          () => false,
        ));
      await store.close();
      if (empty) for (const f of [location, `${location}-wal`, `${location}-shm`]) rmSync(f, { force: true });
    },
  };
}
