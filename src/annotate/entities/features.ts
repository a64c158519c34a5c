// Feature extraction for the NER tagger. Every feature is a 32-bit hash of
// (template id, values); the model maps it to a row of per-tag weights.
// Word-level hashes are computed once per distinct word form and cached, so the
// hot loop only mixes integers (no strings, no objects per token).
import type { Token } from '../../doc/schema.js';
import type { Gazetteer, GazMatch } from './gazetteer.js';

/** Per-word hashes, in this order, in one Int32Array per distinct form. */
const EXACT = 0;
const LOWER = 1;
const SHAPE = 2;
const SUF2 = 3;
const SUF3 = 4;
const SUF4 = 5;
const PRE2 = 6;
const PRE3 = 7;
const FLAGS = 8;
/** Dense ids (not hashes) for the model's per-word and per-shape caches; reset with the cache. */
export const WORD_ID = 9;
export const SHAPE_ID = 10;
const WORD_SLOTS = 11;

/** Feature templates (ids mixed into the hashes; changing them needs a retrain). */
const T = {
  bias: 1, exact0: 2, lower0: 3, shape0: 4, suf2: 5, suf3: 6, suf4: 7, pre2: 8, pre3: 9, flags0: 10,
  lowerM1: 11, lowerP1: 12, lowerM2: 13, lowerP2: 14, shapeM1: 15, shapeP1: 16, shapeM2: 17, shapeP2: 18,
  bigramM1: 19, bigramP1: 20, shapeTri: 21, startShape: 22, gaz0: 23, gazM1: 24, gazP1: 25,
  lowerM1Shape0: 26, shape0LowerP1: 27, suf3M1: 28, exactM1: 29, exactP1: 30,
  prev: 40, prevShape: 42,
} as const;

/** Upper bound on the number of tag-independent features of one token. */
export const MAX_FEATURES = 32;

/** FNV-1a over a string, seeded per slot. */
function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Combine integers (murmur3 finaliser-style mixing). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Word shape with runs collapsed: "Mossoul" → "Xx", "F-16" → "X-d", "AFP" → "X". */
function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function flagsOf(w: string): string {
  const len = w.length <= 1 ? '1' : w.length <= 3 ? '3' : w.length <= 6 ? '6' : 'L';
  const upper = w === w.toUpperCase() && w !== w.toLowerCase();
  return `${len}${upper ? 'U' : ''}${w.includes('-') ? 'H' : ''}${/['’]/.test(w) ? 'A' : ''}`;
}

let nextWordId = 0;
const shapeIds = new Map<string, number>();

function wordInfo(w: string): Int32Array {
  const info = new Int32Array(WORD_SLOTS);
  const lower = w.toLowerCase();
  const shape = shapeOf(w);
  let shapeId = shapeIds.get(shape);
  if (shapeId === undefined) shapeIds.set(shape, (shapeId = shapeIds.size));
  info[WORD_ID] = nextWordId++;
  info[SHAPE_ID] = shapeId;
  info[EXACT] = hashString(w, EXACT);
  info[LOWER] = hashString(lower, LOWER);
  info[SHAPE] = hashString(shape, SHAPE);
  info[SUF2] = hashString(lower.slice(-2), SUF2);
  info[SUF3] = hashString(lower.slice(-3), SUF3);
  info[SUF4] = hashString(lower.slice(-4), SUF4);
  info[PRE2] = hashString(lower.slice(0, 2), PRE2);
  info[PRE3] = hashString(lower.slice(0, 3), PRE3);
  info[FLAGS] = hashString(flagsOf(w), FLAGS);
  return info;
}

/** Padding "words" before the first and after the last token (ids 0). */
let PAD = wordInfo('<pad>');
/** Cache bound: past it the cache is dropped (memory stays flat on huge inputs). */
const CACHE_LIMIT = 200_000;
const cache = new Map<string, Int32Array>();
let generation = 0;

/** Bumped whenever word and shape ids are reused: caches indexed by them must be emptied. */
export function wordIdGeneration(): number {
  return generation;
}

/** Drop the cache when full; only between documents, so one document's ids never mix generations. */
function trimCache(): void {
  if (cache.size < CACHE_LIMIT && shapeIds.size < CACHE_LIMIT) return;
  cache.clear();
  shapeIds.clear();
  nextWordId = 0;
  generation++;
  PAD = wordInfo('<pad>');
}

function cachedWordInfo(w: string): Int32Array {
  let info = cache.get(w);
  if (info === undefined) {
    info = wordInfo(w);
    cache.set(w, info);
  }
  return info;
}

/** Characters after which the next word is capitalised for reasons other than being a name. */
const BOUNDARY = new Set(['.', '!', '?', '…', ':', '«', '"', '“', '—', '–', '-', '•', '*', '#', '(', '[']);

/** Whether text[from, to) holds a line break. */
export function hasNewline(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 10) return true;
  return false;
}

/** A document's tokens, ready for feature extraction. */
export interface Prepared {
  readonly n: number;
  /** words[i + 2]: token i's hashes, with two pads each side. */
  readonly words: Int32Array[];
  /** token i's text */
  readonly forms: string[];
  /** gazetteer matches over the tokens, and the code they give each token (see gazetteer.ts), 0 = none */
  readonly matches: GazMatch[];
  readonly gaz: Uint8Array;
  /** 1 where the token starts a sentence, a line or a quotation. */
  readonly start: Uint8Array;
}

export function prepare(text: string, tokens: readonly Token[], gazetteer: Gazetteer | null): Prepared {
  trimCache();
  const n = tokens.length;
  const words: Int32Array[] = new Array(n + 4);
  words[0] = words[1] = words[n + 2] = words[n + 3] = PAD;
  const forms: string[] = new Array(n);
  const start = new Uint8Array(n);
  let prevEnd = 0;
  let prevForm = '';
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const form = text.slice(t.start, t.end);
    forms[i] = form;
    words[i + 2] = cachedWordInfo(form);
    if (i === 0 || BOUNDARY.has(prevForm) || hasNewline(text, prevEnd, t.start)) start[i] = 1;
    prevEnd = t.end;
    prevForm = form;
  }
  const matches = gazetteer ? gazetteer.matches(forms) : [];
  const gaz = gazetteer ? gazetteer.codes(n, matches) : new Uint8Array(n);
  return { n, words, forms, matches, gaz, start };
}

/**
 * The roles a word plays for the token being tagged. Features that depend on one word only
 * are grouped by role, so a model can sum their weights once per distinct word
 * (`NerModel` caches these sums; see `emission`).
 */
export const ROLE_CURRENT = 0; // the token itself, not at a sentence start
export const ROLE_CURRENT_AT_START = 1; // the token itself, at a sentence start
export const ROLE_PREV = 2;
export const ROLE_NEXT = 3;
export const ROLE_PREV2 = 4;
export const ROLE_NEXT2 = 5;
export const ROLES = 6;
/** Gazetteer codes per position (0..8: none, B/I of 4 types) and the positions (−1, 0, +1). */
export const GAZ_CODES = 9;
export const GAZ_SLOTS = [T.gazM1, T.gaz0, T.gazP1] as const;

/** Features of word w in a role; written at out[k..], returns the new count. */
export function wordFeatures(w: Int32Array, role: number, out: Int32Array, k: number): number {
  switch (role) {
    case ROLE_CURRENT:
    case ROLE_CURRENT_AT_START:
      out[k++] = mix(T.exact0, w[EXACT]!);
      out[k++] = mix(T.lower0, w[LOWER]!);
      out[k++] = mix(T.shape0, w[SHAPE]!);
      out[k++] = mix(T.suf2, w[SUF2]!);
      out[k++] = mix(T.suf3, w[SUF3]!);
      out[k++] = mix(T.suf4, w[SUF4]!);
      out[k++] = mix(T.pre2, w[PRE2]!);
      out[k++] = mix(T.pre3, w[PRE3]!);
      out[k++] = mix(T.flags0, w[FLAGS]!);
      out[k++] = mix(mix(T.startShape, role === ROLE_CURRENT_AT_START ? 1 : 0), w[SHAPE]!);
      return k;
    case ROLE_PREV:
      out[k++] = mix(T.lowerM1, w[LOWER]!);
      out[k++] = mix(T.shapeM1, w[SHAPE]!);
      out[k++] = mix(T.suf3M1, w[SUF3]!);
      out[k++] = mix(T.exactM1, w[EXACT]!);
      return k;
    case ROLE_NEXT:
      out[k++] = mix(T.lowerP1, w[LOWER]!);
      out[k++] = mix(T.shapeP1, w[SHAPE]!);
      out[k++] = mix(T.exactP1, w[EXACT]!);
      return k;
    case ROLE_PREV2:
      out[k++] = mix(T.lowerM2, w[LOWER]!);
      out[k++] = mix(T.shapeM2, w[SHAPE]!);
      return k;
    default:
      out[k++] = mix(T.lowerP2, w[LOWER]!);
      out[k++] = mix(T.shapeP2, w[SHAPE]!);
      return k;
  }
}

/** The feature of gazetteer code `code` at slot s of GAZ_SLOTS. */
export function gazFeature(slot: number, code: number): number {
  return mix(GAZ_SLOTS[slot]!, code);
}

/** Gazetteer codes of token i at −1, 0, +1. */
export function gazCode(p: Prepared, i: number, slot: number): number {
  const j = i + slot - 1;
  return j >= 0 && j < p.n ? p.gaz[j]! : 0;
}

/** Bias: one feature every token has. */
export const BIAS = T.bias;

/** Features over two or three words (no per-word cache possible); written at out[k..]. */
export function pairFeatures(p: Prepared, i: number, out: Int32Array, k: number): number {
  const w = p.words;
  const m1 = w[i + 1]!, w0 = w[i + 2]!, p1 = w[i + 3]!;
  out[k++] = mix(mix(T.bigramM1, m1[LOWER]!), w0[LOWER]!);
  out[k++] = mix(mix(T.bigramP1, w0[LOWER]!), p1[LOWER]!);
  out[k++] = mix(mix(mix(T.shapeTri, m1[SHAPE]!), w0[SHAPE]!), p1[SHAPE]!);
  out[k++] = mix(mix(T.lowerM1Shape0, m1[LOWER]!), w0[SHAPE]!);
  out[k++] = mix(mix(T.shape0LowerP1, w0[SHAPE]!), p1[LOWER]!);
  return k;
}

/** Token i's word w in each role: [current, prev, next, prev2, next2]. */
export function roleWords(p: Prepared, i: number): [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array] {
  const w = p.words;
  return [w[i + 2]!, w[i + 1]!, w[i + 3]!, w[i]!, w[i + 4]!];
}

/** Write token i's tag-independent feature hashes into out[0..]; returns the count (what `emission` sums). */
export function staticFeatures(p: Prepared, i: number, out: Int32Array): number {
  const [w0, m1, p1, m2, p2] = roleWords(p, i);
  let k = 0;
  out[k++] = BIAS;
  k = wordFeatures(w0, p.start[i] ? ROLE_CURRENT_AT_START : ROLE_CURRENT, out, k);
  k = wordFeatures(m1, ROLE_PREV, out, k);
  k = wordFeatures(p1, ROLE_NEXT, out, k);
  k = wordFeatures(m2, ROLE_PREV2, out, k);
  k = wordFeatures(p2, ROLE_NEXT2, out, k);
  for (let s = 0; s < GAZ_SLOTS.length; s++) out[k++] = gazFeature(s, gazCode(p, i, s));
  return pairFeatures(p, i, out, k);
}

/** Number of features `transitionFeatures` writes. */
export const TRANSITION_FEATURES = 2;

/** What transition features depend on besides the previous tag: token i's shape, as a dense id. */
export function transitionContext(p: Prepared, i: number): number {
  return p.words[i + 2]![SHAPE_ID]!;
}

/** Features of the previous token's tag (first-order, for Viterbi decoding); written at out[k..]. */
export function transitionFeatures(p: Prepared, i: number, prev: number, out: Int32Array, k: number): number {
  out[k++] = mix(T.prev, prev);
  out[k++] = mix(mix(T.prevShape, prev), p.words[i + 2]![SHAPE]!);
  return k;
}
