// Expands the PATH arguments of the CLI into a stream of inputs: files,
// directories (recursive), JSONL lines (one article each), stdin ("-"),
// and from the web and archives: URLs, URL lists, feeds, sitemaps, WARC files.
// Streams: a JSONL file of 100k articles is read line by line.
import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { leadingDay } from '../text/calendar-date.js';
import type { KnownMeta } from '../doc/doc.js';
import type { InputFormat, Provenance } from '../doc/schema.js';
import { ByteReader, humanBytes } from './byte-reader.js';
import { InputError, readFailure } from './errors.js';
import { FETCH_DEFAULTS } from '../fetch/fetcher.js';
import { isUrlArg, lazyWeb, urlArgItems, webFileItems, type WebInputOptions } from './url-args.js';
import { inflated, type WebContext } from './url-inputs.js';
import { fileStream, WARC_NAME, warcItems } from './warc.js';

const PAGE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];
/** Files a directory is read for; a page or text file may be gzip-compressed (a crawler's page.html.gz). */
export const ARTICLE_EXTENSIONS = [...PAGE_EXTENSIONS, ...PAGE_EXTENSIONS.map((x) => `${x}.gz`), '.jsonl', '.jsonl.gz', '.warc', '.warc.gz'];

const hasExtension = (name: string, exts: string[]) => exts.some((x) => name.toLowerCase().endsWith(x));
const isJsonl = (name: string) => hasExtension(name, ['.jsonl', '.jsonl.gz']);

/** What the transport knows beyond the bytes (HTTP headers, WARC record, feed entry). */
export interface Arrival {
  format?: InputFormat;
  charset?: string;
  known?: KnownMeta;
  provenance?: Provenance;
  fallbackPublished?: { date: string; rule: string };
}

/** One article to analyse: raw bytes from a file, URL or WARC record, or a string from a JSONL record. */
export type InputItem =
  | ({ kind: 'bytes'; path: string | null; bytes: Uint8Array } & Arrival)
  | { kind: 'record'; path: string; line: number; text: string; html: boolean; known: KnownMeta; provenance?: Provenance }
  | { kind: 'error'; error: InputError };

export type ExpandOptions = WebInputOptions;

export async function* expandInputs(paths: string[], readStdin: () => Promise<Uint8Array>, options: ExpandOptions = {}): AsyncGenerator<InputItem> {
  const web = lazyWeb(options);
  const maxBytes = options.fetch?.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    if (p === '-') {
      yield* stdinItems(await readStdin());
      continue;
    }
    if (isUrlArg(p)) {
      // Consecutive URL arguments are fetched together, a few at a time.
      let j = i;
      while (j + 1 < paths.length && isUrlArg(paths[j + 1]!)) j++;
      yield* urlArgItems(paths.slice(i, j + 1), web);
      i = j;
      continue;
    }
    let info: Stats;
    try {
      info = await stat(p);
    } catch (e) {
      yield { kind: 'error', error: new InputError(p, readFailure(e)) };
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      for await (const file of walk(p)) {
        found++;
        if (file instanceof InputError) yield { kind: 'error', error: file };
        else yield* fileItems(file, web, maxBytes);
      }
      if (found === 0) yield { kind: 'error', error: new InputError(p, `directory holds no readable article (${ARTICLE_EXTENSIONS.join(' ')})`) };
    } else {
      yield* fileItems(p, web, maxBytes);
    }
  }
}

/** Article files under dir, recursively, in name order; an unreadable folder comes out as its error. */
async function* walk(dir: string): AsyncGenerator<string | InputError> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield new InputError(dir, readFailure(e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile() && hasExtension(e.name, ARTICLE_EXTENSIONS)) yield full;
  }
}

async function* fileItems(path: string, web: () => WebContext, maxBytes: number): AsyncGenerator<InputItem> {
  if (isJsonl(path)) {
    yield* jsonlItems(path, maxBytes);
    return;
  }
  if (WARC_NAME.test(path)) {
    yield* warcItems(path, { maxBytes });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield { kind: 'error', error: new InputError(path, readFailure(e)) };
    return;
  }
  if (path.toLowerCase().endsWith('.gz')) {
    try {
      bytes = inflated(bytes);
    } catch (e) {
      yield { kind: 'error', error: new InputError(path, (e as Error).message) };
      return;
    }
  }
  // Feeds, sitemaps and URL lists are read by the web ingest.
  yield* webFileItems(path, bytes, web) ?? [{ kind: 'bytes', path, bytes, provenance: { via: 'file' } }];
}

/**
 * Standard input is one article, or JSONL when its first line is a JSON object with an article field: `grep … dump.jsonl
 * | recoupe analyze -` reads records as a .jsonl file does (it was read as one text, JSON escapes and URL included).
 */
async function* stdinItems(bytes: Uint8Array): AsyncGenerator<InputItem> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nl = buffer.indexOf(0x0a);
  const first = buffer
    .subarray(0, nl < 0 ? buffer.length : nl)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!first.startsWith('{') || parseRecord(STDIN, 1, first).kind !== 'record') {
    yield { kind: 'bytes', path: null, bytes, provenance: { via: 'stdin' } };
    return;
  }
  // Read as a .jsonl file is: the same line reader and messages. Standard input is already in memory, so no line is
  // too long to hold (a file's lines are capped by --max-bytes because they are streamed).
  yield* jsonlItems(STDIN, Number.POSITIVE_INFINITY, Readable.from([buffer]));
}

const STDIN = '<stdin>';

async function* jsonlItems(path: string, maxBytes: number, stream: AsyncIterable<Buffer> = fileStream(path)): AsyncGenerator<InputItem> {
  // .jsonl.gz is decompressed as a stream: a 36k-article dump never sits in memory,
  // and a line over the byte cap is streamed through, never held.
  const reader = new ByteReader(stream);
  let line = 0;
  try {
    for (let l: Awaited<ReturnType<ByteReader['line']>>; (l = await reader.line(maxBytes)); ) {
      line++;
      if (l.tooLong) {
        yield {
          kind: 'error',
          error: new InputError(`${path}:${line}`, `line of ${humanBytes(l.length)} is over the ${humanBytes(maxBytes)} limit (--max-bytes); skipped`),
        };
        continue;
      }
      const raw = l.bytes.toString('utf8').replace(/\r?\n$/, '');
      if (!raw.trim()) continue;
      yield parseRecord(path, line, line === 1 ? raw.replace(/^\uFEFF/, '') : raw);
    }
  } catch (e) {
    yield { kind: 'error', error: new InputError(path, readFailure(e, 'JSONL')) };
    return;
  }
  if (line === 0) yield { kind: 'error', error: new InputError(path, 'empty file') };
}

// Field names seen in real article dumps, in order of preference (first present wins).
const TEXT_FIELDS = ['text', 'body', 'content'] as const;
const KNOWN_FIELDS: Record<'url' | 'title' | 'outlet' | 'published' | 'language', readonly string[]> = {
  url: ['url'],
  title: ['title'],
  outlet: ['outlet', 'site'],
  published: ['published', 'published_time', 'date'],
  language: ['language', 'lang'],
};

function firstString(r: Record<string, unknown>, fields: readonly string[]): string | undefined {
  for (const f of fields) {
    const v = r[f];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

export function parseRecord(path: string, line: number, raw: string): InputItem {
  const where = `${path}:${line}`;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch {
    return { kind: 'error', error: new InputError(where, 'not a JSON object (invalid JSON)') };
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { kind: 'error', error: new InputError(where, 'not a JSON object') };
  const r = rec as Record<string, unknown>;
  const htmlText = firstString(r, ['html']);
  const text = htmlText ?? firstString(r, TEXT_FIELDS);
  if (!text) return { kind: 'error', error: new InputError(where, `record has no ${['html', ...TEXT_FIELDS].map((f) => `"${f}"`).join(' or ')}`) };
  const html = htmlText !== undefined;
  const known: KnownMeta = {};
  for (const [k, fields] of Object.entries(KNOWN_FIELDS) as [keyof typeof KNOWN_FIELDS, readonly string[]][]) {
    const v = firstString(r, fields);
    if (v) known[k] = v.trim();
  }
  // "2018-03-12T08:00:00Z" declares its day; anything else is kept as written, and checked (and noted) where the Doc is made.
  const day = known.published && leadingDay(known.published);
  if (day) known.published = day;
  for (const k of ['authors', 'origin'] as const) {
    const v = r[k];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) known[k] = v as string[];
  }
  // A news agency credited by the record ("source_agency": "Orange avec AFP") is where the copy was taken from.
  const agency = firstString(r, ['source_agency', 'agency']);
  if (!known.origin && agency) known.origin = [agency.trim()];
  return { kind: 'record', path, line, text, html, known, provenance: { via: 'jsonl' } };
}

/** Where an input came from, as error lines name it (`path:line` for a JSONL record). */
export function itemWhere(item: InputItem): string {
  return item.kind === 'record' ? `${item.path}:${item.line}` : item.kind === 'bytes' ? (item.path ?? '<stdin>') : item.error.path;
}
