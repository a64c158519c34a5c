// BIO tags over tokens ↔ typed character spans.
import type { Token } from '../../doc/schema.js';
import { hasNewline } from './features.js';
import { TYPES, type ModelType } from './model.js';

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** A model's span: typed, with its first and last token indices. */
export interface TokenSpan extends TypedSpan {
  type: ModelType;
  first: number;
  last: number;
  /** The name inside a mention widened over titles or a place noun ("le [général [Dufresne]]"): what linking looks up. */
  name?: { first: number; last: number };
}

/**
 * Character spans of the entities in a BIO tag sequence (a stray I- opens an entity).
 * Given the text, an entity never continues over a line break (a title, a list item and
 * the next paragraph are separate even when the tagger chains them).
 */
export function spansFromTags(tokens: readonly Token[], tags: Uint8Array, text?: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) continue;
    const type = TYPES[(t - 1) >> 1]!;
    const last = out[out.length - 1];
    if (t % 2 === 0 && last && last.last === i - 1 && last.type === type && !(text && hasNewline(text, last.end, tokens[i]!.start))) {
      last.end = tokens[i]!.end;
      last.last = i;
    } else {
      out.push({ start: tokens[i]!.start, end: tokens[i]!.end, type, first: i, last: i });
    }
  }
  return out;
}

/** BIO tag per token from gold character spans (a token inside a span gets I-, its first token B-). */
export function tagsFromSpans(tokens: readonly Token[], spans: readonly TypedSpan[]): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= tok.start) s++;
    const span = spans[s];
    if (!span || span.start >= tok.end) continue;
    const type = TYPES.indexOf(span.type as ModelType);
    if (type < 0) continue;
    const first = i === 0 || tokens[i - 1]!.end <= span.start;
    tags[i] = 1 + 2 * type + (first ? 0 : 1);
  }
  return tags;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact span-and-type matching, per type, over the types listed. */
export function countMatches(gold: readonly TypedSpan[], pred: readonly TypedSpan[], types: readonly string[], into: Map<string, Counts>): void {
  const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
  const goldSet = new Set(gold.filter((s) => types.includes(s.type)).map(key));
  for (const t of types) if (!into.has(t)) into.set(t, { tp: 0, fp: 0, fn: 0 });
  const matched = new Set<string>();
  for (const p of pred) {
    if (!types.includes(p.type)) continue;
    const c = into.get(p.type)!;
    const k = key(p);
    if (goldSet.has(k) && !matched.has(k)) {
      c.tp++;
      matched.add(k);
    } else c.fp++;
  }
  for (const g of gold) if (types.includes(g.type) && !matched.has(key(g))) into.get(g.type)!.fn++;
}

/** Micro-averaged precision, recall, F1 (in %) over the counted types. */
export function microF1(counts: Map<string, Counts>): { p: number; r: number; f: number } {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const c of counts.values()) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0 };
}
