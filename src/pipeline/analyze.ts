// The library entry point: bytes or strings in, `Analysis` objects out
// (the very objects the CLI prints).
import { Doc, type KnownMeta } from '../doc/doc.js';
import type { Analysis, InputFormat, Provenance } from '../doc/schema.js';
import { decode } from '../ingest/decode.js';
import { detectFormat } from '../ingest/format.js';
import { clean } from '../clean/index.js';
import { layout } from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
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
  /** Charset named by the transport (HTTP Content-Type, WARC record); wins over <meta>. */
  charset?: string;
  /** How and when the input arrived. */
  provenance?: Provenance;
  /** A date to use when the document shows none (a WARC capture date), with the rule that gave it. */
  fallbackPublished?: { date: string; rule: string };
}

/** Build the Doc with every layer. */
export function analyzeDoc(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Doc {
  const inp: AnalyzeInput = typeof input === 'string' ? { text: input } : input;
  const path = inp.path ?? null;
  let source: string;
  let encoding: string | undefined;
  const notes: string[] = [];
  if (inp.bytes) {
    const d = decode(inp.bytes, inp.charset ? { charset: inp.charset } : undefined);
    source = d.text;
    encoding = d.encoding;
    notes.push(...d.notes);
  } else {
    source = inp.text ?? '';
  }
  const format = inp.format ?? detectFormat(source, path);
  const docInput = { path, format, ...(inp.line ? { line: inp.line } : {}), ...(encoding ? { encoding } : {}) };
  const extra = { known: inp.known, provenance: inp.provenance };
  let doc: Doc;
  let page: PageLayout | undefined;
  if (options.raw) {
    doc = new Doc({ text: source, input: docInput, ...extra });
  } else {
    // The page's URL helps metadata (dates in paths, the outlet's domain); the fetch time never does.
    const url = inp.known?.url ?? inp.provenance?.finalUrl ?? inp.provenance?.url ?? null;
    page = layout(source, format, { url });
    const cleaned = clean(page, source);
    doc = new Doc({ text: cleaned.text, input: docInput, source, map: cleaned.map, ...extra });
    doc.removed = cleaned.removed;
    doc.links = cleaned.links;
    for (const n of cleaned.notes) doc.note('clean', n);
  }
  for (const n of notes) doc.note('decode', n);
  guessMeta(doc, { raw: options.raw ?? false, ...(page ? { page } : {}) });
  const fallback = inp.fallbackPublished;
  if (!doc.meta.published && fallback) {
    doc.meta.published = fallback.date;
    (doc.meta.evidence ??= []).push({ field: 'published', rule: fallback.rule, text: fallback.date });
  }
  for (const stage of options.stages ?? defaultStages()) stage.run(doc);
  return doc;
}

/** Analyse one article: returns the `recoupe/analysis@1` object. */
export function analyze(input: AnalyzeInput | string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDoc(input, options).toJSON();
}
