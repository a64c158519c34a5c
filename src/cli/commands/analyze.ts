// recoupe analyze PATH... [--format json|jsonl|md] [--raw] [--out DIR] [--layers L] [--jobs N] [--budget S]
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, oneOf } from '../args.js';
import type { CommandBody, CliIO } from '../command.js';
import { printable, readFailure, UsageError } from '../../ingest/errors.js';
import { expandInputs, itemWhere } from '../../ingest/inputs.js';
import { FETCH_FLAGS, FETCH_USAGE, fetcherOptions } from '../../fetch/cli-options.js';
import { Progress } from '../progress.js';
import { formatters, FORMATS, type DocName, type Format } from '../../present/formatters.js';
import { readAll } from '../stdin.js';
import { LAYERS_HELP, parseLayers } from '../../present/layers.js';
import {
  AnalysisPool,
  analyzeInProcess,
  defaultJobs,
  IN_PROCESS_MAX_BYTES,
  inputSize,
  ordered,
  WINDOW_MAX_BYTES,
  WINDOW_PER_THREAD,
  peek,
  type AnalysisResult,
} from '../../pipeline/analysis-pool.js';
import { BUDGET_HELP, budgetSeconds, positiveInt } from '../args.js';

const usage = `Usage: recoupe analyze PATH... [options]

Analyse articles and print one analysis per document (schema recoupe/analysis@1).
PATH is a file, a directory (recursive: .txt .md .html .htm .jsonl) or - for stdin (one article, or JSONL records).
A JSONL file holds one article per line: {"text"|"html": …, "url", "title", "outlet", "published"}.
PATH may also be a URL (https://…), a URL list (.urls, or a .txt file of URLs only, one a line),
an RSS/Atom feed or XML sitemap (URL or file: its articles are fetched), or a .warc/.warc.gz file.

Options:
  --format F   jsonl (default), json (one array) or md (readable summary)
  --raw        input is already-clean text: no boilerplate removal, no metadata guessing
  --out DIR    write one file per document into DIR instead of stdout
  --layers L   ${LAYERS_HELP}
  --jobs N     analysis threads (default: one per core)
${BUDGET_HELP}
  --debug      show stack traces

${FETCH_USAGE}`;

export const analyzeCommand: CommandBody = {
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(args, {
      format: { type: 'string' },
      raw: { type: 'boolean' },
      out: { type: 'string' },
      layers: { type: 'string' },
      jobs: { type: 'string' },
      budget: { type: 'string' },
      ...FETCH_FLAGS,
    });
    if (positionals.length === 0) throw new UsageError('no PATH given (use - for stdin)');
    const format = oneOf<Format>(values.format, FORMATS, '--format', 'jsonl');
    const fmt = formatters[format];
    const layers = parseLayers(values.layers);
    const outDir = values.out;
    if (outDir) {
      try {
        mkdirSync(outDir, { recursive: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // EEXIST from a recursive mkdir: the path (or one of its parents) is a file, not a folder.
        const reason =
          code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way: --out names a folder' : `cannot create the folder (${code ?? String(e)})`;
        throw new UsageError(`--out ${outDir}: ${reason}`);
      }
    }
    const fetch = fetcherOptions(values);
    const jobs = positiveInt(values.jobs, '--jobs') ?? defaultJobs();
    const budgetMs = budgetSeconds(values.budget) * 1000;
    const raw = values.raw ?? false;
    const progress = new Progress(io.stderr, 'analysed');
    let failures = 0;
    let written = 0;
    const usedNames = new Set<string>();
    if (!outDir) io.stdout.write(fmt.begin());
    // Inputs are analysed in worker threads, a bounded window of them in flight,
    // and written in input order: every core works and memory stays flat.
    // Started on the first input that needs it: one small input is analysed on this thread, with no worker to start.
    let pool: AnalysisPool | null = null;
    try {
      const { first, all: inputs } = await peek(
        expandInputs(positionals, () => readAll(io.stdin), { fetch }),
        2,
      );
      const only = first.length === 1 ? first[0]! : null;
      const inProcess = only !== null && only.kind !== 'error' && inputSize(only) <= IN_PROCESS_MAX_BYTES && values.budget === undefined;
      const analyses = ordered(
        inputs,
        jobs * WINDOW_PER_THREAD,
        async (item): Promise<AnalysisResult> => {
          if (item.kind === 'error') return { ok: false, path: item.error.path, reason: item.error.reason, stack: item.error.cause?.stack };
          const job = { kind: 'format', item, raw, layers, format } as const;
          if (inProcess) return analyzeInProcess(job);
          pool ??= new AnalysisPool({ size: jobs, budgetMs, depth: 2 });
          return pool.analyze(job, itemWhere(item));
        },
        { of: (item) => (item.kind === 'error' ? 0 : inputSize(item)), max: WINDOW_MAX_BYTES },
      );
      for await (const r of analyses) {
        if (!r.ok) {
          failures++;
          io.stderr.write(`recoupe analyze: ${printable(r.path)}: ${r.reason}\n`);
          if (io.debug && r.stack) io.stderr.write(r.stack + '\n');
          continue;
        }
        if (!('output' in r)) continue;
        if (outDir) {
          const name = uniqueName(r.name, usedNames) + fmt.extension;
          try {
            writeFileSync(join(outDir, name), Buffer.concat([Buffer.from(fmt.begin()), r.output, Buffer.from(fmt.end())]));
          } catch (e) {
            // One output that cannot be written (a full disk, a name the file system refuses) fails alone.
            failures++;
            io.stderr.write(`recoupe analyze: ${printable(join(outDir, name))}: ${readFailure(e).replace(/^cannot read/, 'cannot write')}\n`);
            continue;
          }
        } else {
          if (written > 0 && fmt.separator) await write(io.stdout, fmt.separator);
          await write(io.stdout, r.output);
        }
        written++;
        progress.tick();
      }
    } finally {
      await (pool as AnalysisPool | null)?.close();
    }
    progress.done();
    if (!outDir) io.stdout.write(fmt.end());
    return failures > 0 ? 1 : 0;
  },
};

/** Bytes of an output file's base name, at most (255 with the line, counter and extension). */
const MAX_NAME_BYTES = 200;

/** A file name for a document's output: input base name (plus JSONL line), else its id. */
export function uniqueName(a: DocName, used: Set<string>): string {
  let base = a.path ? basename(a.path).replace(/\.[^.]+$/, '') : a.id.slice(0, 16);
  // File systems refuse names over 255 bytes: keep the start of a long one (room left for suffixes).
  while (Buffer.byteLength(base) > MAX_NAME_BYTES) base = base.slice(0, Math.max(1, base.length - Math.ceil((Buffer.byteLength(base) - MAX_NAME_BYTES) / 4)));
  if (a.line) base += `-${a.line}`;
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
  used.add(name);
  return name;
}

/** Write with back-pressure so memory stays flat over 100k documents. */
function write(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}
