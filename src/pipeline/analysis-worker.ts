// A thread of the analysis pool (./analysis-pool.ts). Analyses one input per
// message and answers with what the caller needs, built here, off the main
// thread: the formatted output (`recoupe analyze`, `POST /api/analyze`) or the
// document prepared for the corpus (`corpus add`). Modules a job kind does not
// need are not loaded (the corpus code only for `prepare` jobs).
import { parentPort } from 'node:worker_threads';
import { analyzeItem } from '../ingest/analyze-items.js';
import type { InputItem } from '../ingest/inputs.js';
import { selectLayers, type LayerSet } from '../present/layers.js';
import { docName, formatters, type DocName, type Format } from '../present/formatters.js';
import type { PreparedDocument } from '../corpus/store.js';
import { analyze, type AnalyzeInput } from './analyze.js';

export type AnalysisJob =
  /** A CLI input, formatted as one item of `format` (its first: the caller adds separators). */
  | { kind: 'format'; item: Exclude<InputItem, { kind: 'error' }>; raw: boolean; layers: LayerSet; format: Format }
  /** An API request: the analysis as JSON text. */
  | { kind: 'json'; input: AnalyzeInput; raw: boolean; layers: LayerSet }
  /** A corpus input: analysed and prepared for storage. */
  | { kind: 'prepare'; item: Exclude<InputItem, { kind: 'error' }>; key: string | null; raw: boolean };

export type AnalysisResult =
  /** The output as UTF-8 bytes: encoded here, its buffer moved (not copied) to the main thread, written as is. */
  | { ok: true; output: Uint8Array; name: DocName }
  | { ok: true; doc: PreparedDocument }
  | { ok: false; path: string; reason: string; stack?: string; thrown?: boolean };

let prepare: typeof import('../corpus/prepare.js').prepareDocument | undefined;

/** One job, as a worker thread runs it; also called in process for a single small input (no thread to start). */
export async function work(job: AnalysisJob): Promise<AnalysisResult> {
  if (job.kind === 'json') {
    // As the server did: a failure is the request's answer, not an input error.
    try {
      const a = analyze(job.input, { raw: job.raw });
      // As the CLI: an article that cleaning empties (a page of scripts only) is a failure, not an empty answer.
      if (a.text.trim() === '') return { ok: false, path: '<request>', reason: 'no article text left after cleaning' };
      return { ok: true, output: utf8(JSON.stringify(selectLayers(a, job.layers))), name: { path: null, id: '' } };
    } catch (e) {
      return { ok: false, path: '<request>', reason: (e as Error).message ?? String(e), thrown: true };
    }
  }
  const r = analyzeItem(job.item, { raw: job.raw });
  if (!r.ok) return { ok: false, path: r.error.path, reason: r.error.reason, stack: r.error.cause?.stack };
  const a = r.analysis;
  if (job.kind === 'prepare') {
    prepare ??= (await import('../corpus/prepare.js')).prepareDocument;
    try {
      return { ok: true, doc: prepare(a, job.key) };
    } catch (e) {
      return { ok: false, path: a.input.path ?? '<stdin>', reason: `analysis failed: ${(e as Error).message}` };
    }
  }
  return { ok: true, output: utf8(formatters[job.format].item(selectLayers(a, job.layers), 0)), name: docName(a) };
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** The buffer a result may hand over without a copy. */
function transferable(r: AnalysisResult): ArrayBuffer[] {
  if (!('output' in r)) return [];
  const b = r.output;
  // Small buffers share node's pool slab: those are copied (transferring the slab would detach the others).
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? [b.buffer as ArrayBuffer] : [];
}

// One job at a time, answered in the order received (the pool posts a few ahead).
let chain: Promise<void> = Promise.resolve();
parentPort?.on('message', (msg: { id: number; job: AnalysisJob }) => {
  chain = chain
    .then(async () => {
      const result = await work(msg.job);
      parentPort!.postMessage({ id: msg.id, result }, transferable(result));
    })
    .catch((e: Error) => parentPort!.postMessage({ id: msg.id, result: { ok: false, path: '<worker>', reason: `internal error: ${e.message}` } }));
});
// Every module is loaded: the pool may send work (and start its time budget).
parentPort?.postMessage({ ready: true });
