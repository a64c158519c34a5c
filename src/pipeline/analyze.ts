// The library entry point: bytes or strings in, `Analysis` objects out
// (the very objects the CLI prints).
import type { Doc, KnownMeta } from '../doc/doc.js';
import type { Analysis, InputFormat, Provenance } from '../doc/schema.js';
import { DEFAULT_STAGES } from './default-stages.js';
import { draftDoc, INPUT_LAYERS, INPUT_STAGES, newDraft, RAW_INPUT_LAYERS, RAW_INPUT_STAGES } from './input-stages.js';
import { checkStageOrder, type Stage } from './stage.js';

export interface AnalyzeOptions {
  /** The input is already-clean text: no boilerplate removal, no metadata guessing; `text` is the input as decoded. */
  raw?: boolean;
  /** Replace the annotation stages (plugins); defaults to `defaultStages()`. Their order is checked once per array. */
  stages?: readonly Stage[];
}

export interface AnalyzeInput {
  /** Raw bytes of a file (any charset) … */
  bytes?: Uint8Array;
  /** … or a decoded string (text, Markdown or HTML). */
  text?: string;
  path?: string | null;
  format?: InputFormat;
  line?: number;
  /** Known metadata (JSONL fields); it takes precedence over guesses. */
  known?: KnownMeta;
  /** Charset named by the transport (HTTP Content-Type, WARC record); wins over <meta>. */
  charset?: string;
  /** How and when the input arrived. */
  provenance?: Provenance;
  /** A date to use when the document shows none (a WARC capture date), with the rule that gave it. */
  fallbackPublished?: { date: string; rule: string };
}

const checked = { clean: new WeakSet<readonly Stage[]>(), raw: new WeakSet<readonly Stage[]>() };

/**
 * Check that the annotation stages can run in this order after the input
 * stages (decode, layout, clean, meta; with `raw`: decode, raw-text, meta):
 * throws a `StageOrderError` naming the stage and the layer otherwise.
 * `analyzeDoc` calls it once per stages array and mode.
 */
export function checkStages(stages: readonly Stage[], options: { raw?: boolean } = {}): void {
  const seen = options.raw ? checked.raw : checked.clean;
  if (seen.has(stages)) return;
  checkStageOrder(stages, options.raw ? RAW_INPUT_LAYERS : INPUT_LAYERS);
  seen.add(stages);
}

/** Build the Doc with every layer. */
export function analyzeDoc(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Doc {
  const stages = options.stages ?? DEFAULT_STAGES;
  const raw = options.raw ?? false;
  checkStages(stages, { raw });
  const draft = newDraft(typeof input === 'string' ? { text: input } : input, raw);
  for (const stage of raw ? RAW_INPUT_STAGES : INPUT_STAGES) stage.run(draft);
  const doc = draftDoc(draft);
  for (const stage of stages) stage.run(doc);
  return doc;
}

/** Analyse one article: returns the `recoupe/analysis@1` object. */
export function analyze(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDoc(input, options).toJSON();
}
