// The library entry point: bytes or strings in, `Analysis` objects out
// (the very objects the CLI prints).
import { Doc, type KnownMeta } from '../doc/doc.js';
import type { Analysis, InputFormat } from '../doc/schema.js';
import { decode } from '../ingest/decode.js';
import { detectFormat } from '../ingest/format.js';
import { clean, type MetaHint } from '../clean/index.js';
import { guessMeta } from '../meta/index.js';
import { defaultStages } from './default-stages.js';
import type { Stage } from './stage.js';

export interface AnalyzeOptions {
  /** The input is already-clean text: no boilerplate removal, no metadata guessing; `text` is the input as decoded. */
  raw?: boolean;
  /** Replace the annotation stages (plugins); defaults to `defaultStages()`. */
  stages?: Stage[];
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
}

/** Build the Doc with every layer. */
export function analyzeDoc(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Doc {
  const inp: AnalyzeInput = typeof input === 'string' ? { text: input } : input;
  const path = inp.path ?? null;
  let source: string;
  let encoding: string | undefined;
  const notes: string[] = [];
  if (inp.bytes) {
    const d = decode(inp.bytes);
    source = d.text;
    encoding = d.encoding;
    notes.push(...d.notes);
  } else {
    source = inp.text ?? '';
  }
  const format = inp.format ?? detectFormat(source, path);
  const docInput = { path, format, ...(inp.line ? { line: inp.line } : {}), ...(encoding ? { encoding } : {}) };
  let doc: Doc;
  let hints: MetaHint[] = [];
  if (options.raw) {
    doc = new Doc({ text: source, input: docInput, known: inp.known });
  } else {
    const cleaned = clean(source, format, { url: inp.known?.url ?? null });
    doc = new Doc({ text: cleaned.text, input: docInput, source, map: cleaned.map, known: inp.known });
    doc.removed = cleaned.removed;
    doc.links = cleaned.links;
    for (const n of cleaned.notes) doc.note('clean', n);
    hints = cleaned.hints;
  }
  for (const n of notes) doc.note('decode', n);
  guessMeta(doc, { raw: options.raw ?? false, hints });
  for (const stage of options.stages ?? defaultStages()) stage.run(doc);
  return doc;
}

/** Analyse one article: returns the `recoupe/analysis@1` object. */
export function analyze(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDoc(input, options).toJSON();
}
