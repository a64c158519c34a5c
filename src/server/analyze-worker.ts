// Runs in a worker thread: analyses one article per message. Keeping analysis
// off the main thread lets the server answer other requests meanwhile and
// stop a runaway analysis (the pool terminates the worker on timeout).
import { parentPort } from 'node:worker_threads';
import { analyze, type AnalyzeInput } from '../pipeline/analyze.js';
import { selectLayers, type LayerSet } from '../present/layers.js';

export interface AnalyzeJob {
  id: number;
  input: AnalyzeInput;
  raw: boolean;
  layers: LayerSet;
}

/** The analysis comes back already serialised: JSON.stringify runs here, off the main thread, and a string crosses threads far cheaper than an object graph. */
export type AnalyzeReply = { id: number; ok: true; json: string } | { id: number; ok: false; error: string };

parentPort?.on('message', (job: AnalyzeJob) => {
  let reply: AnalyzeReply;
  try {
    reply = { id: job.id, ok: true, json: JSON.stringify(selectLayers(analyze(job.input, { raw: job.raw }), job.layers)) };
  } catch (e) {
    reply = { id: job.id, ok: false, error: (e as Error).message ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
