// The stages before annotation: decode the bytes, lay the page out (label every
// block with its role), clean it into the article text (which creates the Doc:
// its text never changes afterwards) and guess the metadata. They run on a `Draft`, the state of an input before its
// Doc exists, and follow the same contract as the annotation stages (`requires`,
// `provides`, checked once). Each is a thin wrapper around its module
// (src/ingest, src/layout, src/clean, src/meta), which keeps its own logic.
import { Doc, type KnownMeta } from '../doc/doc.js';
import type { InputFormat } from '../doc/schema.js';
import { decode } from '../ingest/decode.js';
import { detectFormat } from '../ingest/format.js';
import { clean } from '../clean/index.js';
import { layout } from '../layout/index.js';
import type { PageLayout } from '../layout/types.js';
import { guessMeta } from '../meta/index.js';
import { isCalendarDate } from '../text/calendar-date.js';
import type { AnalyzeInput } from './analyze.js';
import { checkStageOrder, type Stage } from './stage.js';

/** One input on its way to becoming a Doc. */
export interface Draft {
  readonly input: AnalyzeInput;
  /** `--raw`: the input is the article text, kept exactly as decoded. */
  readonly raw: boolean;
  /** The decoded input (set by `decode`). */
  source: string;
  format: InputFormat;
  encoding?: string;
  /** Messages from before the Doc existed, written into it once it does. */
  pending: { rule: string; message: string }[];
  /** The page layout: labelled blocks and declared metadata (set by `layout`; none with `--raw`). */
  page?: PageLayout;
  /** Set by the stage that provides `text`. */
  doc?: Doc;
}

export function newDraft(input: AnalyzeInput, raw: boolean): Draft {
  return { input, raw, source: '', format: 'text', pending: [] };
}

/** The Doc of a draft whose text is made. */
export function draftDoc(draft: Draft): Doc {
  if (!draft.doc) throw new Error('no stage provided "text": the Doc does not exist yet');
  return draft.doc;
}

export const decodeStage: Stage<Draft> = {
  name: 'decode',
  requires: [],
  provides: ['source', 'format'],
  run(d) {
    const inp = d.input;
    if (inp.bytes) {
      const decoded = decode(inp.bytes, inp.charset ? { charset: inp.charset } : undefined);
      d.source = decoded.text;
      d.encoding = decoded.encoding;
      for (const message of decoded.notes) d.pending.push({ rule: 'decode', message });
    } else {
      d.source = inp.text ?? '';
    }
    d.format = inp.format ?? detectFormat(d.source, inp.path ?? null);
  },
};

/**
 * Metadata declared with the input (a JSONL record's "published", `analyze()`'s `known`) keeps its date only when it
 * names a real day: « 2018-13-45 » or "yesterday" is dropped with a note, and the date is then read from the text.
 */
function knownDay(d: Draft, known: KnownMeta | undefined): KnownMeta | undefined {
  if (!known?.published || isCalendarDate(known.published)) return known;
  d.pending.push({ rule: 'known-meta', message: `declared publication date "${known.published}" is no calendar day (YYYY-MM-DD): ignored` });
  const { published: _dropped, ...rest } = known;
  return rest;
}

function openDoc(d: Draft, cleaned: ReturnType<typeof clean> | null): Doc {
  const inp = d.input;
  const input = { path: inp.path ?? null, format: d.format, ...(inp.line ? { line: inp.line } : {}), ...(d.encoding ? { encoding: d.encoding } : {}) };
  const text = cleaned ? cleaned.text : d.source;
  const doc = new Doc({ text, input, known: knownDay(d, inp.known), provenance: inp.provenance, ...(cleaned ? { source: d.source, map: cleaned.map } : {}) });
  if (cleaned) {
    doc.removed = cleaned.removed;
    doc.links = cleaned.links;
    for (const n of cleaned.notes) doc.note('clean', n);
  }
  for (const p of d.pending) doc.note(p.rule, p.message);
  d.pending = [];
  d.doc = doc;
  return doc;
}

/** Every block of the page labelled with its role (body, navigation, by-line…) and the page's declared metadata. */
export const layoutStage: Stage<Draft> = {
  name: 'layout',
  requires: ['source', 'format'],
  provides: ['page'],
  run(d) {
    // The page's URL helps metadata (dates in paths, the outlet's domain); the fetch time never does.
    const inp = d.input;
    const url = inp.known?.url ?? inp.provenance?.finalUrl ?? inp.provenance?.url ?? null;
    d.page = layout(d.source, d.format, { url });
  },
};

/** Main content out of the page: boilerplate goes to `removed`, links to `links`. */
export const cleanStage: Stage<Draft> = {
  name: 'clean',
  requires: ['page'],
  provides: ['text', 'removed', 'links'],
  run(d) {
    if (!d.page) throw new Error('the clean stage needs the page layout');
    openDoc(d, clean(d.page, d.source));
  },
};

/** `--raw`: the decoded input is the text; nothing is removed. */
export const rawTextStage: Stage<Draft> = {
  name: 'raw-text',
  requires: ['source', 'format'],
  provides: ['text', 'removed', 'links'],
  run(d) {
    openDoc(d, null);
  },
};

/** Title, outlet, authors, date, language, origin, with their evidence. */
export const metaStage: Stage<Draft> = {
  name: 'meta',
  requires: ['text'],
  provides: ['meta'],
  run(d) {
    const doc = draftDoc(d);
    guessMeta(doc, { raw: d.raw, ...(d.page ? { page: d.page } : {}) });
    const fallback = d.input.fallbackPublished;
    if (!doc.meta.published && fallback) {
      doc.meta.published = fallback.date;
      (doc.meta.evidence ??= []).push({ field: 'published', rule: fallback.rule, text: fallback.date });
    }
  },
};

/** The input stages, in order: the default, and `--raw`. */
export const INPUT_STAGES: readonly Stage<Draft>[] = [decodeStage, layoutStage, cleanStage, metaStage];
export const RAW_INPUT_STAGES: readonly Stage<Draft>[] = [decodeStage, rawTextStage, metaStage];

/** What the input stages make available to the annotation stages, in each mode. */
export const INPUT_LAYERS: ReadonlySet<string> = checkStageOrder(INPUT_STAGES);
export const RAW_INPUT_LAYERS: ReadonlySet<string> = checkStageOrder(RAW_INPUT_STAGES);
