// Near-duplicates and republications: MinHash over word 3-shingles with LSH
// banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3). Each document gets BANDS bucket keys; only documents
// sharing a bucket are compared, so adding a document costs a few index
// look-ups, not a pass over the corpus.
import { fold } from '../text/fold.js';
import { words } from '../lang/stems.js';
import type { NearDuplicateRow, PreparedDocument } from './store.js';

export const HASHES = 128;
export const BANDS = 32;
const ROWS = HASHES / BANDS;
/** 32 bands of 4 rows: pairs at Jaccard 0.5 become candidates with p ≈ 0.87, at 0.7 with p ≈ 1. */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;
/** At most this many stored documents are compared with a new one (LSH buckets of boilerplate can be huge). */
export const MAX_CANDIDATES = 200;
const SHINGLE = 3;

/** FNV-1a 32-bit: the state `h` after the UTF-16 code units of `s`. */
function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** MurmurHash3's finaliser: a cheap, well-mixed permutation of 32-bit values. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const ws: string[] = [];
  for (const w of words(fold(text))) ws.push(w.word);
  const n = Math.max(1, ws.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    // FNV-1a of the shingle's words joined by spaces, without building the string.
    let x = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE && j < ws.length; j++) {
      if (j > i) x = Math.imul(x ^ 32, 0x01000193);
      x = fnvUpdate(x, ws[j]!);
    }
    x >>>= 0;
    for (let k = 0; k < HASHES; k++) {
      const v = fmix32(x ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** One bucket key per band: band * 2^32 + hash of its rows (safe integers). */
export function lshBuckets(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!);
    out.push(b * 2 ** 32 + h);
  }
  return out;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Which candidates are near-duplicates of `doc`; the earlier copy (by date, then the stored one) is the original. */
export function judgeNearDuplicates(doc: PreparedDocument, candidates: { id: string; minhash: Uint32Array; published: string | null }[]): NearDuplicateRow[] {
  const out: NearDuplicateRow[] = [];
  const mine = doc.analysis.meta.published;
  for (const c of candidates) {
    if (c.id === doc.analysis.id) continue;
    const s = similarity(doc.minhash, c.minhash);
    if (s < NEAR_DUPLICATE_SIMILARITY) continue;
    const newIsEarlier = mine !== null && c.published !== null && mine < c.published;
    out.push(
      newIsEarlier ? { documentId: c.id, duplicateOf: doc.analysis.id, similarity: s } : { documentId: doc.analysis.id, duplicateOf: c.id, similarity: s },
    );
  }
  return out;
}
