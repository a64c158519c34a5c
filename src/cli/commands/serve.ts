// recoupe serve [--db FILE] [--port N] [--host H]
import { existsSync } from 'node:fs';
import { isPostgresUrl } from '../../corpus/open.js';
import { watchNpmParent } from '../parent-watch.js';
import { parse } from '../args.js';
import type { CommandBody, CliIO } from '../command.js';
import { UsageError } from '../../ingest/errors.js';
import { RecoupeServer, DEFAULT_MAX_BODY } from '../../server/app.js';
import { openCorpus } from '../../server/corpus-adapter.js';

const usage = `Usage: recoupe serve [options]

Serve the HTTP API (described at /api/openapi.json) and the web app.

Options:
  --db FILE        a corpus database: enables the corpus endpoints and pages
  --port N         port to listen on (default 8080; 0 picks a free one)
  --host H         address to bind (default 127.0.0.1: this machine only)
  --workers N      analysis worker threads (default: CPU count, at most 4)
  --max-body SIZE  largest accepted request, in KiB (default ${DEFAULT_MAX_BODY / 1024})
  --timeout S      seconds one analysis may take (default 20)`;

function intFlag(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${value}")`);
  return Number(value);
}

export const serveCommand: CommandBody = {
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values } = parse(
      args,
      {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        workers: { type: 'string' },
        'max-body': { type: 'string' },
        timeout: { type: 'string' },
      },
      false,
    );
    const port = intFlag(values.port, '--port', 8080, 0, 65535);
    const host = values.host ?? '127.0.0.1';
    if (values.db && !isPostgresUrl(values.db) && !existsSync(values.db)) throw new UsageError(`--db ${values.db}: no such file`);
    const server = new RecoupeServer({
      corpus: values.db ? await openCorpus(values.db) : null,
      workers: values.workers === undefined ? undefined : intFlag(values.workers, '--workers', 1, 1, 64),
      maxBody: intFlag(values['max-body'], '--max-body', DEFAULT_MAX_BODY / 1024, 1, 1024 * 1024) * 1024,
      analyzeTimeoutMs: intFlag(values.timeout, '--timeout', 20, 1, 3600) * 1000,
    });
    if (server.statics.size === 0) io.stderr.write('recoupe serve: the web app is not built (npm run build:web); serving the API only\n');
    // Set before listening (a signal sent once the address is printed finds it). Stops on Ctrl-C, kill, a closed terminal, or (under npx) when npm is gone: see parent-watch.ts.
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    for (const s of signals) process.once(s, stop);
    const unwatch = watchNpmParent(() => {
      io.stderr.write('recoupe serve: npm, which started this server, is gone: stopping\n');
      stop();
    });
    let url: string;
    try {
      url = await server.listen(port, host);
    } catch (e) {
      unwatch();
      for (const s of signals) process.off(s, stop);
      await server.close();
      throw new Error(`cannot listen on ${host}:${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    io.stderr.write(`recoupe serve: listening on ${url}/ (API: ${url}/api/openapi.json)${values.db ? `, corpus ${values.db}` : ', no corpus'}\n`);
    await stopped;
    unwatch();
    for (const s of signals) process.off(s, stop);
    await server.close();
    return 0;
  },
};
