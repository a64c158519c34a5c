// Feature extraction for the NER tagger. Every feature is a 32-bit hash of
// (template id, values); the model maps it to a row of per-tag weights.
// Word-level hashes are computed once per distinct word form and cached, so the
// hot loop only mixes integers (no strings, no objects per token).
import type { Token } from '../../doc/schema.js';
import type { Gazetteer, GazMatch } from './gazetteer.js';

/** Per-word values, in this order, in WORD_SLOTS consecutive cells of the word table. */
const EXACT = 0;
const LOWER = 1;
const SHAPE = 2;
const SUF2 = 3;
const SUF3 = 4;
const SUF4 = 5;
const PRE2 = 6;
const PRE3 = 7;
const FLAGS = 8;
/** Dense id (not a hash) of the word's shape, for the model's per-shape caches. */
const SHAPE_ID = 9;
/**
 * The word's half of each two- and three-word feature (`pairFeatures`): the first mix of
 * each depends on one word only, so it is done once per distinct word.
 */
const HALF_BIGRAM_M1 = 10;
const HALF_BIGRAM_P1 = 11;
const HALF_SHAPE_TRI = 12;
const HALF_LOWER_M1_SHAPE0 = 13;
const HALF_SHAPE0_LOWER_P1 = 14;
/** 1 when the word is in BOUNDARY (the next token starts a sentence, a line or a quotation) */
const IS_BOUNDARY = 15;
/** Hashes of the word's fine and coarse class (word-clusters.generated.tsv), 0 when it has none. */
const CLUSTER_FINE = 16;
const CLUSTER_COARSE = 17;
/** The `context` group's four-letter prefix (hashed with PRE3's seed, as the shipped models were trained). */
const PRE4 = 18;
const WORD_SLOTS = 19;

/** Feature templates (ids mixed into the hashes; changing them needs a retrain). */
const T = {
  bias: 1,
  exact0: 2,
  lower0: 3,
  shape0: 4,
  suf2: 5,
  suf3: 6,
  suf4: 7,
  pre2: 8,
  pre3: 9,
  flags0: 10,
  lowerM1: 11,
  lowerP1: 12,
  lowerM2: 13,
  lowerP2: 14,
  shapeM1: 15,
  shapeP1: 16,
  shapeM2: 17,
  shapeP2: 18,
  bigramM1: 19,
  bigramP1: 20,
  shapeTri: 21,
  startShape: 22,
  gaz0: 23,
  gazM1: 24,
  gazP1: 25,
  lowerM1Shape0: 26,
  shape0LowerP1: 27,
  suf3M1: 28,
  exactM1: 29,
  exactP1: 30,
  clusterFine0: 31,
  clusterCoarse0: 32,
  clusterFineM1: 33,
  clusterFineP1: 34,
  // wider context (FeatureOptions.context)
  pre4: 35,
  flagsM1: 36,
  pre3M1: 37,
  suf3P1: 38,
  flagsP1: 39,
  suf3M2: 43,
  suf3P2: 44,
  bigramM2M1: 45,
  bigramP1P2: 46,
  lineShape: 47,
  lineLower: 48,
  prev: 40,
  prevShape: 42,
  // a second pass's document features (document-features.ts)
  document: 49,
  // more word-class features (FeatureOptions.clusters)
  clusterFineShape0: 50,
  clusterCoarseM1: 51,
  clusterCoarseP1: 52,
  clusterFineM2: 53,
  clusterFineP2: 54,
} as const;

/** Upper bound on the number of tag-independent features of one token (with a second pass's document features). */
export const MAX_FEATURES = 56;

/**
 * Optional feature groups; a model's header says which it was trained with (model.ts).
 * `clusters`: word classes of the word and its neighbours (word-clusters.generated.tsv).
 * `context`: wider context: the first four letters of the word, the flags and affixes of its
 * neighbours, and the two-word sequences before and after it ("né à", "club de").
 * `lines`: see below.
 */
export interface FeatureOptions {
  readonly clusters: boolean;
  readonly context: boolean;
  /** The kind of the token's line (prose, table row, capitals: `lineKinds`) with its shape and its word. */
  readonly lines: boolean;
}
export const PLAIN_FEATURES: FeatureOptions = { clusters: false, context: false, lines: false };

/** Lowercased word → [fine, coarse] class, from a language's word-clusters.generated.tsv (see `useWordClusters`). */
let clusters: ReadonlyMap<string, readonly [number, number]> = new Map();

/**
 * Word classes for the word table (a model whose header names them asks for them). The table is
 * emptied so that every word gets its classes; one class list per process (the last asked for).
 */
export function useWordClusters(classes: ReadonlyMap<string, readonly [number, number]>): void {
  if (classes === clusters) return;
  clusters = classes;
  trimCache(true);
}

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

const UPPER = /\p{Lu}/u;
const LOWERCASE = /\p{Ll}/u;
const NUMBER = /\p{N}/u;

/** Word shape with runs collapsed: "Mossoul" → "Xx", "F-16" → "X-d", "AFP" → "X". */
function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = UPPER.test(ch) ? 'X' : LOWERCASE.test(ch) ? 'x' : NUMBER.test(ch) ? 'd' : ch;
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

/** Characters after which the next word is capitalised for reasons other than being a name. */
const BOUNDARY = new Set(['.', '!', '?', '…', ':', '«', '"', '“', '—', '–', '-', '•', '*', '#', '(', '[']);

/**
 * The word table: every distinct form seen gets a dense id, and its values live in
 * table[id * WORD_SLOTS ..]: one hash probe per token, then only integer reads.
 */
const forms: string[] = [];
const lowers: string[] = [];
let table = new Int32Array(1024 * WORD_SLOTS);
const shapeIds = new Map<string, number>();

function addWord(w: string): number {
  const id = lowers.length;
  if ((id + 1) * WORD_SLOTS > table.length) {
    const grown = new Int32Array(table.length * 2);
    grown.set(table);
    table = grown;
  }
  const lower = w.toLowerCase();
  const shape = shapeOf(w);
  let shapeId = shapeIds.get(shape);
  if (shapeId === undefined) shapeIds.set(shape, (shapeId = shapeIds.size));
  const at = id * WORD_SLOTS;
  table[at + SHAPE_ID] = shapeId;
  table[at + EXACT] = hashString(w, EXACT);
  table[at + LOWER] = hashString(lower, LOWER);
  table[at + SHAPE] = hashString(shape, SHAPE);
  table[at + SUF2] = hashString(lower.slice(-2), SUF2);
  table[at + SUF3] = hashString(lower.slice(-3), SUF3);
  table[at + SUF4] = hashString(lower.slice(-4), SUF4);
  table[at + PRE2] = hashString(lower.slice(0, 2), PRE2);
  table[at + PRE3] = hashString(lower.slice(0, 3), PRE3);
  table[at + PRE4] = hashString(lower.slice(0, 4), PRE3);
  table[at + FLAGS] = hashString(flagsOf(w), FLAGS);
  table[at + HALF_BIGRAM_M1] = mix(T.bigramM1, table[at + LOWER]!);
  table[at + HALF_BIGRAM_P1] = mix(T.bigramP1, table[at + LOWER]!);
  table[at + HALF_SHAPE_TRI] = mix(T.shapeTri, table[at + SHAPE]!);
  table[at + HALF_LOWER_M1_SHAPE0] = mix(T.lowerM1Shape0, table[at + LOWER]!);
  table[at + HALF_SHAPE0_LOWER_P1] = mix(T.shape0LowerP1, table[at + SHAPE]!);
  table[at + IS_BOUNDARY] = BOUNDARY.has(w) ? 1 : 0;
  const cls = clusters.get(lower.replace('’', "'"));
  table[at + CLUSTER_FINE] = cls ? mix(CLUSTER_FINE, cls[0]) : 0;
  table[at + CLUSTER_COARSE] = cls ? mix(CLUSTER_COARSE, cls[1]) : 0;
  forms.push(w);
  lowers.push(lower);
  return id;
}

/** Id of the padding "word" before the first and after the last token. */
let PAD = addWord('<pad>');
/** Cache bound: past it the table is dropped (memory stays flat on huge inputs). */
const CACHE_LIMIT = 200_000;
let generation = 0;

/** Bumped whenever word and shape ids are reused: caches indexed by them must be emptied. */
export function wordIdGeneration(): number {
  return generation;
}

/** Drop the table when full; only between documents, so one document's ids never mix generations. */
function trimCache(force = false): void {
  if (!force && forms.length < CACHE_LIMIT && shapeIds.size < CACHE_LIMIT) return;
  slotIds.fill(-1);
  forms.length = 0;
  lowers.length = 0;
  shapeIds.clear();
  generation++;
  PAD = addWord('<pad>');
}

/**
 * Open addressing from a form's hash to its id (−1: free slot), with the hash kept beside it
 * so that most probes compare no characters. Forms are hashed straight from the text: no
 * string is cut for a word already known.
 */
let slotIds = new Int32Array(1 << 16).fill(-1);
let slotHashes = new Int32Array(1 << 16);

/** Id of the word text[start, end), added to the table when new. */
function wordIdIn(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0; // FNV-1a, as hashString with seed 0
  for (let j = start; j < end; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  const mask = slotIds.length - 1;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const id = slotIds[s]!;
    if (id < 0) break;
    if (slotHashes[s] === h && sameForm(forms[id]!, text, start, end)) return id;
  }
  const id = addWord(text.slice(start, end));
  if (2 * forms.length > slotIds.length) rehash(2 * slotIds.length);
  insertSlot(id, h);
  return id;
}

function sameForm(form: string, text: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let j = 0; j < form.length; j++) if (form.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
  return true;
}

function insertSlot(id: number, h: number): void {
  const mask = slotIds.length - 1;
  let s = h & mask;
  while (slotIds[s]! >= 0) s = (s + 1) & mask;
  slotIds[s] = id;
  slotHashes[s] = h;
}

function rehash(size: number): void {
  const old = slotIds;
  const oldHashes = slotHashes;
  slotIds = new Int32Array(size).fill(-1);
  slotHashes = new Int32Array(size);
  for (let s = 0; s < old.length; s++) if (old[s]! >= 0) insertSlot(old[s]!, oldHashes[s]!);
}

/** Whether text[from, to) holds a line break. */
export function hasNewline(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (text.charCodeAt(j) === 10) return true;
  return false;
}

/** A document's tokens, ready for feature extraction. */
export interface Prepared {
  readonly n: number;
  /** ids[i + 2]: token i's word id (see the word table), with two pads each side. */
  readonly ids: Int32Array;
  /** wordIdGeneration() when the ids were given */
  readonly generation: number;
  /** token i's text, and lowercased */
  readonly forms: string[];
  readonly lowered: string[];
  /** gazetteer matches over the tokens, and the code they give each token (see gazetteer.ts), 0 = none */
  readonly matches: GazMatch[];
  readonly gaz: Uint8Array;
  /** 1 where the token starts a sentence, a line or a quotation. */
  readonly start: Uint8Array;
  /** Kind of the token's line (`LINE_PROSE`, `LINE_TABLE`, `LINE_CAPITALS`). */
  readonly line: Uint8Array;
}

/** A line with a word in lowercase (prose). */
export const LINE_PROSE = 0;
/** A line with figures and no word in lowercase: a table row, a sports result ("Leeds 2 Arsenal 1"). */
export const LINE_TABLE = 1;
/** A line of capitalised words and signs only: a headline, a list of names. */
export const LINE_CAPITALS = 2;

/** Per token, the kind of its line (tokens between two line breaks); linear. */
function lineKinds(text: string, tokens: readonly Token[], lowered: readonly string[], forms: readonly string[]): Uint8Array {
  const n = tokens.length;
  const kinds = new Uint8Array(n);
  let from = 0;
  let lower = false;
  let figure = false;
  for (let i = 0; i <= n; i++) {
    if (i === n || (i > from && hasNewline(text, tokens[i - 1]!.end, tokens[i]!.start))) {
      kinds.fill(lower ? LINE_PROSE : figure ? LINE_TABLE : LINE_CAPITALS, from, i);
      from = i;
      lower = figure = false;
    }
    if (i === n) break;
    const c = forms[i]!.charCodeAt(0);
    if (c >= 48 && c <= 57) figure = true;
    else if (!lower && forms[i] === lowered[i] && LOWERCASE.test(forms[i]![0]!)) lower = true;
  }
  return kinds;
}

export function prepare(text: string, tokens: readonly Token[], gazetteer: Gazetteer | null): Prepared {
  trimCache();
  const n = tokens.length;
  const wordIds = new Int32Array(n + 4);
  wordIds[0] = wordIds[1] = wordIds[n + 2] = wordIds[n + 3] = PAD;
  const tokenForms: string[] = new Array(n);
  const lowered: string[] = new Array(n);
  const start = new Uint8Array(n);
  let prevEnd = 0;
  let afterBoundary = true;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const id = wordIdIn(text, t.start, t.end);
    tokenForms[i] = forms[id]!;
    wordIds[i + 2] = id;
    lowered[i] = lowers[id]!;
    if (afterBoundary || hasNewline(text, prevEnd, t.start)) start[i] = 1;
    prevEnd = t.end;
    afterBoundary = table[id * WORD_SLOTS + IS_BOUNDARY] === 1;
  }
  const matches = gazetteer ? gazetteer.matches(tokenForms, wordIds.subarray(2, n + 2), generation) : [];
  const gaz = gazetteer ? gazetteer.codes(n, matches) : new Uint8Array(n);
  return { n, ids: wordIds, generation, forms: tokenForms, lowered, matches, gaz, start, line: lineKinds(text, tokens, lowered, tokenForms) };
}

/** Token i's word id in the table (i from −2 to n + 1: pads outside the document). */
export function idAt(p: Prepared, i: number): number {
  return p.ids[i + 2]!;
}

/**
 * The roles a word plays for the token being tagged. Features that depend on one word only
 * are grouped by role, so a model can sum their weights once per distinct word
 * (`NerModel` caches these sums; see its `emissions`).
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

/** Features of word `id` in a role; written at out[k..], returns the new count. */
export function wordFeatures(id: number, role: number, out: Int32Array, k: number, options: FeatureOptions = PLAIN_FEATURES): number {
  const w = table;
  const at = id * WORD_SLOTS;
  if (options.context) k = contextWordFeatures(id, role, out, k);
  if (options.clusters && w[at + CLUSTER_FINE] !== 0) {
    if (role === ROLE_CURRENT || role === ROLE_CURRENT_AT_START) {
      out[k++] = mix(T.clusterFine0, w[at + CLUSTER_FINE]!);
      out[k++] = mix(T.clusterCoarse0, w[at + CLUSTER_COARSE]!);
      // The class with the word's shape: "perugia" as "Perugia" (a name) or "perugia" (a word).
      out[k++] = mix(mix(T.clusterFineShape0, w[at + CLUSTER_FINE]!), w[at + SHAPE]!);
    } else if (role === ROLE_PREV) {
      out[k++] = mix(T.clusterFineM1, w[at + CLUSTER_FINE]!);
      out[k++] = mix(T.clusterCoarseM1, w[at + CLUSTER_COARSE]!);
    } else if (role === ROLE_NEXT) {
      out[k++] = mix(T.clusterFineP1, w[at + CLUSTER_FINE]!);
      out[k++] = mix(T.clusterCoarseP1, w[at + CLUSTER_COARSE]!);
    } else if (role === ROLE_PREV2) out[k++] = mix(T.clusterFineM2, w[at + CLUSTER_FINE]!);
    else out[k++] = mix(T.clusterFineP2, w[at + CLUSTER_FINE]!);
  }
  switch (role) {
    case ROLE_CURRENT:
    case ROLE_CURRENT_AT_START:
      out[k++] = mix(T.exact0, w[at + EXACT]!);
      out[k++] = mix(T.lower0, w[at + LOWER]!);
      out[k++] = mix(T.shape0, w[at + SHAPE]!);
      out[k++] = mix(T.suf2, w[at + SUF2]!);
      out[k++] = mix(T.suf3, w[at + SUF3]!);
      out[k++] = mix(T.suf4, w[at + SUF4]!);
      out[k++] = mix(T.pre2, w[at + PRE2]!);
      out[k++] = mix(T.pre3, w[at + PRE3]!);
      out[k++] = mix(T.flags0, w[at + FLAGS]!);
      out[k++] = mix(mix(T.startShape, role === ROLE_CURRENT_AT_START ? 1 : 0), w[at + SHAPE]!);
      return k;
    case ROLE_PREV:
      out[k++] = mix(T.lowerM1, w[at + LOWER]!);
      out[k++] = mix(T.shapeM1, w[at + SHAPE]!);
      out[k++] = mix(T.suf3M1, w[at + SUF3]!);
      out[k++] = mix(T.exactM1, w[at + EXACT]!);
      return k;
    case ROLE_NEXT:
      out[k++] = mix(T.lowerP1, w[at + LOWER]!);
      out[k++] = mix(T.shapeP1, w[at + SHAPE]!);
      out[k++] = mix(T.exactP1, w[at + EXACT]!);
      return k;
    case ROLE_PREV2:
      out[k++] = mix(T.lowerM2, w[at + LOWER]!);
      out[k++] = mix(T.shapeM2, w[at + SHAPE]!);
      return k;
    default:
      out[k++] = mix(T.lowerP2, w[at + LOWER]!);
      out[k++] = mix(T.shapeP2, w[at + SHAPE]!);
      return k;
  }
}

/** The `context` group's one-word features of word `id` in a role (see FeatureOptions). */
function contextWordFeatures(id: number, role: number, out: Int32Array, k: number): number {
  const at = id * WORD_SLOTS;
  switch (role) {
    case ROLE_CURRENT:
    case ROLE_CURRENT_AT_START:
      out[k++] = mix(T.pre4, table[at + PRE4]!);
      return k;
    case ROLE_PREV:
      out[k++] = mix(T.flagsM1, table[at + FLAGS]!);
      out[k++] = mix(T.pre3M1, table[at + PRE3]!);
      return k;
    case ROLE_NEXT:
      out[k++] = mix(T.suf3P1, table[at + SUF3]!);
      out[k++] = mix(T.flagsP1, table[at + FLAGS]!);
      return k;
    case ROLE_PREV2:
      out[k++] = mix(T.suf3M2, table[at + SUF3]!);
      return k;
    default:
      out[k++] = mix(T.suf3P2, table[at + SUF3]!);
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

/** The feature of row `row` of a second pass's document features (document-features.ts). */
export function documentFeature(row: number): number {
  return mix(T.document, row);
}

/** Bias: one feature every token has. */
export const BIAS = T.bias;

/** Number of features `pairFeatures` writes without the optional groups. */
export const PAIR_FEATURES = 5;

/** Number of features `pairFeatures` writes with these options. */
export function pairFeatureCount(options: FeatureOptions): number {
  return PAIR_FEATURES + (options.context ? 2 : 0) + (options.lines ? 2 : 0);
}

/** Features over two or three words, and of the token's line (no per-word cache possible); written at out[k..]. */
export function pairFeatures(p: Prepared, i: number, out: Int32Array, k: number, options: FeatureOptions = PLAIN_FEATURES): number {
  const t = table;
  const m1 = p.ids[i + 1]! * WORD_SLOTS,
    w0 = p.ids[i + 2]! * WORD_SLOTS,
    p1 = p.ids[i + 3]! * WORD_SLOTS;
  out[k++] = mix(t[m1 + HALF_BIGRAM_M1]!, t[w0 + LOWER]!);
  out[k++] = mix(t[w0 + HALF_BIGRAM_P1]!, t[p1 + LOWER]!);
  out[k++] = mix(mix(t[m1 + HALF_SHAPE_TRI]!, t[w0 + SHAPE]!), t[p1 + SHAPE]!);
  out[k++] = mix(t[m1 + HALF_LOWER_M1_SHAPE0]!, t[w0 + SHAPE]!);
  out[k++] = mix(t[w0 + HALF_SHAPE0_LOWER_P1]!, t[p1 + LOWER]!);
  if (options.context) {
    const m2 = p.ids[i]! * WORD_SLOTS,
      p2 = p.ids[i + 4]! * WORD_SLOTS;
    out[k++] = mix(mix(T.bigramM2M1, t[m2 + LOWER]!), t[m1 + LOWER]!);
    out[k++] = mix(mix(T.bigramP1P2, t[p1 + LOWER]!), t[p2 + LOWER]!);
  }
  if (options.lines) {
    // Outside prose only (in prose they would copy the word's own features).
    const line = p.line[i]!;
    out[k++] = line === LINE_PROSE ? T.lineShape : mix(mix(T.lineShape, line), t[w0 + SHAPE]!);
    out[k++] = line === LINE_PROSE ? T.lineLower : mix(mix(T.lineLower, line), t[w0 + LOWER]!);
  }
  return k;
}

/** Write token i's tag-independent feature hashes into out[0..]; returns the count (what `NerModel` emissions sum). */
export function staticFeatures(p: Prepared, i: number, out: Int32Array, options: FeatureOptions = PLAIN_FEATURES): number {
  let k = 0;
  out[k++] = BIAS;
  k = wordFeatures(idAt(p, i), p.start[i] ? ROLE_CURRENT_AT_START : ROLE_CURRENT, out, k, options);
  k = wordFeatures(idAt(p, i - 1), ROLE_PREV, out, k, options);
  k = wordFeatures(idAt(p, i + 1), ROLE_NEXT, out, k, options);
  k = wordFeatures(idAt(p, i - 2), ROLE_PREV2, out, k, options);
  k = wordFeatures(idAt(p, i + 2), ROLE_NEXT2, out, k, options);
  for (let s = 0; s < GAZ_SLOTS.length; s++) out[k++] = gazFeature(s, gazCode(p, i, s));
  return pairFeatures(p, i, out, k, options);
}

/** Number of features `transitionFeatures` writes. */
export const TRANSITION_FEATURES = 2;

/** What transition features depend on besides the previous tag: token i's shape, as a dense id. */
export function transitionContext(p: Prepared, i: number): number {
  return table[p.ids[i + 2]! * WORD_SLOTS + SHAPE_ID]!;
}

/** Features of the previous token's tag (first-order, for Viterbi decoding); written at out[k..]. */
export function transitionFeatures(p: Prepared, i: number, prev: number, out: Int32Array, k: number): number {
  out[k++] = mix(T.prev, prev);
  out[k++] = mix(mix(T.prevShape, prev), table[p.ids[i + 2]! * WORD_SLOTS + SHAPE]!);
  return k;
}
