// WARC and WARC.gz files (ISO 28500; Common Crawl, the Internet Archive,
// Webrecorder) → articles. Only `response` records holding an HTML page with
// HTTP status 200 are articles; requests, metadata, revisits, redirects,
// errors, images and scripts are skipped. The record's target URI becomes the
// document's URL and its WARC-Date the fallback publication date.
//
// The records are read here rather than with warcio: warcio 2.4.11 loops
// forever skipping a record cut by the end of the file, says nothing when a
// Content-Length runs past it, and holds a whole record in memory. This reader
// streams: a record is read only when it is an article no larger than the
// byte cap (`--max-bytes`); any other record is skipped without being kept.
import { createReadStream } from 'node:fs';
import { brotliDecompressSync, createGunzip, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { charsetOf, isHtml } from '../fetch/content-type.js';
import { ByteReader, humanBytes } from './byte-reader.js';
import { InputError, readFailure } from './errors.js';
import type { InputItem } from './inputs.js';

export const WARC_NAME = /\.warc(\.gz)?$/i;
const GZ = /\.gz$/i;
/** A WARC header line longer than this is not a WARC header. */
const MAX_HEADER_LINE = 64 * 1024;
/** Bytes of a response record read to find its HTTP status line and headers. */
const MAX_HTTP_HEAD = 64 * 1024;

/**
 * The file's bytes, inflated by node's zlib when gzipped: it reads the
 * concatenated per-record gzip members as one stream. Offsets into a .warc.gz
 * are then not known, so only plain .warc records carry one.
 */
export function fileStream(path: string): NodeJS.ReadableStream & AsyncIterable<Buffer> {
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  if (!GZ.test(path)) return file;
  const gunzip = createGunzip();
  file.on('error', (e) => gunzip.destroy(e));
  return file.pipe(gunzip);
}

interface HttpHead {
  status: number;
  headers: Map<string, string>;
  /** Where the payload starts in the head buffer. */
  bodyStart: number;
}

/** The HTTP status line and headers at the start of a response block, if complete within `head`. */
function httpHead(head: Buffer): HttpHead | null {
  const end = head.indexOf('\r\n\r\n');
  const endLf = end < 0 ? head.indexOf('\n\n') : -1;
  if (end < 0 && endLf < 0) return null;
  const lines = head.toString('latin1', 0, end >= 0 ? end : endLf).split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
  }
  return { status: Number(m[1]), headers, bodyStart: end >= 0 ? end + 4 : endLf + 2 };
}

/** Chunked transfer coding undone (RFC 9112 §7.1); the bytes as they are when they are not chunked. */
function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let p = 0;
  for (;;) {
    const nl = b.indexOf('\r\n', p);
    if (nl < 0) return b;
    const size = parseInt(b.toString('latin1', p, nl).split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return b;
    if (size === 0) return Buffer.concat(parts);
    parts.push(b.subarray(nl + 2, nl + 2 + size));
    p = nl + 2 + size + 2;
    if (p > b.length) return Buffer.concat(parts);
  }
}

/** The payload with its transfer and content codings undone (the raw payload when they fail). */
function decodedPayload(payload: Buffer, headers: Map<string, string>, maxBytes: number): Buffer {
  let b = /chunked/i.test(headers.get('transfer-encoding') ?? '') ? dechunk(payload) : payload;
  const coding = (headers.get('content-encoding') ?? '').toLowerCase().trim();
  const opts = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') b = gunzipSync(b, opts);
    else if (coding === 'br') b = brotliDecompressSync(b, opts);
    else if (coding === 'deflate') {
      try {
        b = inflateSync(b, opts);
      } catch {
        b = inflateRawSync(b, opts);
      }
    }
  } catch {
    // Mislabelled or over-long: the bytes as recorded.
  }
  return b;
}

export interface WarcOptions {
  /** Largest article payload read; bigger records are skipped with an error line. */
  maxBytes: number;
}

export async function* warcItems(path: string, options: WarcOptions): AsyncGenerator<InputItem> {
  let articles = 0;
  let records = 0;
  const gzipped = GZ.test(path);
  const reader = new ByteReader(fileStream(path));
  const fail = (reason: string): InputItem => ({ kind: 'error', error: new InputError(path, reason) });
  try {
    for (;;) {
      let start = reader.offset;
      let first = await reader.line(MAX_HEADER_LINE);
      while (first && !first.tooLong && first.bytes.toString('latin1').trim() === '') {
        start = reader.offset;
        first = await reader.line(MAX_HEADER_LINE);
      }
      if (!first) break;
      if (first.tooLong || !/^WARC\/\d/.test(first.bytes.toString('latin1'))) {
        yield fail(`not a WARC file (no WARC/1.x header at record ${records + 1})`);
        return;
      }
      records++;
      const headers = new Map<string, string>();
      for (;;) {
        const l = await reader.line(MAX_HEADER_LINE);
        if (!l) {
          yield fail(`truncated WARC file: record ${records} ends inside its headers`);
          return;
        }
        if (l.tooLong) {
          yield fail(`not a WARC file (a header line of record ${records} is over ${humanBytes(MAX_HEADER_LINE)})`);
          return;
        }
        const s = l.bytes.toString('utf8').replace(/\r?\n$/, '');
        if (s === '') break;
        const i = s.indexOf(':');
        if (i > 0) headers.set(s.slice(0, i).trim().toLowerCase(), s.slice(i + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      if (!headers.has('content-length') || !Number.isSafeInteger(length) || length < 0) {
        yield fail(`not a WARC file (record ${records} has no valid Content-Length)`);
        return;
      }
      const url = headers.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') ?? '';
      const truncated = (got: number) =>
        fail(`truncated WARC file: record ${records}${url ? ` (${url})` : ''} declares ${length} bytes, the file ends after ${got}`);
      if (headers.get('warc-type') !== 'response') {
        const got = await reader.skip(length);
        if (got < length) {
          yield truncated(got);
          return;
        }
        continue;
      }
      const head = await reader.read(Math.min(length, MAX_HTTP_HEAD));
      const rest = length - head.length;
      if (head.length < Math.min(length, MAX_HTTP_HEAD)) {
        yield truncated(head.length);
        return;
      }
      const http = httpHead(head);
      const contentType = http?.headers.get('content-type');
      const article = !!http && http.status === 200 && isHtml(contentType) && /^https?:/i.test(url);
      if (!article) {
        const got = await reader.skip(rest);
        if (got < rest) {
          yield truncated(head.length + got);
          return;
        }
        continue;
      }
      const payloadSize = head.length - http.bodyStart + rest;
      if (payloadSize > options.maxBytes) {
        const got = await reader.skip(rest);
        if (got < rest) {
          yield truncated(head.length + got);
          return;
        }
        yield {
          kind: 'error',
          error: new InputError(
            `${path}#${url}`,
            `record of ${humanBytes(payloadSize)} is over the ${humanBytes(options.maxBytes)} limit (--max-bytes); skipped`,
          ),
        };
        continue;
      }
      const tail = await reader.read(rest);
      if (tail.length < rest) {
        yield truncated(head.length + tail.length);
        return;
      }
      const bytes = decodedPayload(Buffer.concat([head.subarray(http.bodyStart), tail]), http.headers, options.maxBytes);
      const date = headers.get('warc-date');
      const charset = charsetOf(contentType);
      articles++;
      yield {
        kind: 'bytes',
        path: `${path}#${url}`,
        bytes,
        format: 'html',
        ...(charset ? { charset } : {}),
        known: { url },
        ...(date && /^\d{4}-\d{2}-\d{2}/.test(date) ? { fallbackPublished: { date: date.slice(0, 10), rule: 'warc-date' } } : {}),
        provenance: {
          via: 'warc',
          from: path,
          url,
          status: http.status,
          ...(date ? { fetched: date } : {}),
          warc: { recordId: headers.get('warc-record-id') ?? null, ...(gzipped ? {} : { offset: start }) },
        },
      };
    }
  } catch (e) {
    yield fail(readFailure(e, 'WARC'));
    return;
  }
  if (records === 0) yield fail('not a WARC file (no record found)');
  else if (articles === 0) yield fail('WARC file holds no HTML response with status 200');
}
