// What a queued job carries: one input article, whole. Workers may run on other
// machines than the one that enqueued, where the enqueuer's paths do not exist,
// so the job holds the article itself (JSONL record fields, or the file's bytes
// as base64), plus its input key so a worker skips what is already stored.
import type { Arrival, InputItem } from '../ingest/inputs.js';

export const QUEUE = 'recoupe-corpus-add';

export type ArticleJob =
  | {
      kind: 'record';
      key: string | null;
      path: string;
      line: number;
      text: string;
      html: boolean;
      known: Extract<InputItem, { kind: 'record' }>['known'];
      provenance?: Arrival['provenance'];
    }
  // What the transport knew (URL, feed date, HTTP charset, format, provenance) travels with the bytes.
  | ({ kind: 'bytes'; key: string | null; path: string | null; base64: string } & Arrival);

/** The transport facts of a bytes input, without undefined fields (jobs are JSON). */
function arrival(item: Arrival): Arrival {
  const out: Arrival = {};
  if (item.format) out.format = item.format;
  if (item.charset) out.charset = item.charset;
  if (item.known) out.known = item.known;
  if (item.provenance) out.provenance = item.provenance;
  if (item.fallbackPublished) out.fallbackPublished = item.fallbackPublished;
  return out;
}

/** The job for an input (errors are reported by the enqueuer, never queued). */
export function toJob(item: Exclude<InputItem, { kind: 'error' }>, key: string | null): ArticleJob {
  if (item.kind === 'record')
    return {
      kind: 'record',
      key,
      path: item.path,
      line: item.line,
      text: item.text,
      html: item.html,
      known: item.known,
      ...(item.provenance ? { provenance: item.provenance } : {}),
    };
  return { kind: 'bytes', key, path: item.path, base64: Buffer.from(item.bytes).toString('base64'), ...arrival(item) };
}

/** The input a job carries; throws on a job that is not one recoupe wrote. */
export function fromJob(job: ArticleJob): InputItem {
  if (job?.kind === 'record' && typeof job.text === 'string' && typeof job.path === 'string')
    return {
      kind: 'record',
      path: job.path,
      line: job.line,
      text: job.text,
      html: job.html === true,
      known: job.known ?? {},
      ...(job.provenance ? { provenance: job.provenance } : {}),
    };
  if (job?.kind === 'bytes' && typeof job.base64 === 'string')
    return { kind: 'bytes', path: job.path ?? null, bytes: Buffer.from(job.base64, 'base64'), ...arrival(job) };
  throw new Error('not a recoupe article job');
}

/** Where an input came from, for messages and the failed-jobs listing. */
export function jobWhere(job: ArticleJob | undefined): string {
  if (job?.kind === 'record') return `${job.path}:${job.line}`;
  return job?.kind === 'bytes' ? (job.path ?? '<stdin>') : '<malformed job>';
}
