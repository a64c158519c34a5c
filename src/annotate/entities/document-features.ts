// Document features for a second tagging pass (stacking, as in Krishnan & Manning 2006,
// "An effective two-stage model for exploiting non-local dependencies in NER"): the first
// pass tags every token from its ±2-word window; the second pass sees, for each capitalised
// token, how the first pass tagged the other occurrences of the same word in the document,
// and learns how far to trust them (unlike the fixed rule of consistency.ts). Training gives
// the first-pass tags of a model that did not see the text (tools/train-ner.ts jackknifes).
// Language-neutral: token forms and tags only. Linear in tokens.

/** Document features per token (slots of `documentFeatures`' output; −1 = none). */
export const DOCUMENT_FEATURES = 4;

const UPPER_START = /^\p{Lu}/u;
/** Number of kinds: 0 = O, 1..4 = PER, ORG, LOC, MISC (model.ts TYPES order). */
const KINDS = 5;
/** Positions of a word in a name of several words. */
const FIRST = 0;
const MIDDLE = 1;
const LAST = 2;
/** Per lowercased word: counts by kind, of one-word names by kind, of longer names by kind × position. */
const TOKEN_AT = 0;
const SINGLE_AT = KINDS;
const PART_AT = 2 * KINDS;
const SLOTS = 2 * KINDS + KINDS * 3;
/**
 * Values of a majority: the index of the winning count, then a tie, then no other occurrence.
 * Rows of the document-feature table (`DOCUMENT_ROWS` × tags), one block per feature:
 *   the majority kind of the word's other occurrences;
 *   the same × whether the token starts a sentence or a line;
 *   the majority kind of the other occurrences that are one-word names;
 *   the majority kind × position of those inside longer names.
 * (The token's own first-pass kind is left out: the second pass would learn to copy it.)
 */
const TOKEN_VALUES = KINDS + 2;
const PART_VALUES = KINDS * 3 + 2;
const TOKEN_ROWS = 0;
const START_ROWS = TOKEN_ROWS + TOKEN_VALUES;
const SINGLE_ROWS = START_ROWS + 2 * TOKEN_VALUES;
const PART_ROWS = SINGLE_ROWS + TOKEN_VALUES;
export const DOCUMENT_ROWS = PART_ROWS + PART_VALUES;

/** A part of the document (the whole of it, or one sentence of a training group): its words and first-pass tags. */
export interface DocumentPart {
  readonly lowered: readonly string[];
  readonly forms: readonly string[];
  /** 1 where the token starts a sentence or a line (features.ts `Prepared.start`) */
  readonly start: Uint8Array;
  /** BIO tags of the first pass (model.ts TAGS) */
  readonly tags: Uint8Array;
}

/** The kind of a BIO tag: 0 for O, 1 + type index otherwise. */
const kindOf = (tag: number) => (tag === 0 ? 0 : ((tag - 1) >> 1) + 1);

/**
 * For every part, DOCUMENT_FEATURES rows of the document-feature table per token (−1 where a
 * token has none: words not capitalised), from the first-pass tags of the other
 * occurrences of its lowercased word in the whole document (see the row blocks above); a
 * row's weights are those of features.ts `documentFeature(row)`.
 */
export function documentFeatures(parts: readonly DocumentPart[]): Int16Array[] {
  /** where[part][i]: the count slot of token i's own occurrence in its name (−1: outside any name) */
  const where: Int16Array[] = parts.map((p) => nameSlots(p.tags));
  // Only the words of capitalised tokens get features: only theirs are counted (a Map entry per distinct word of the
  // document was most of the time of this function).
  const capitalised = parts.map((p) => {
    const caps = new Uint8Array(p.tags.length);
    for (let i = 0; i < caps.length; i++) if (UPPER_START.test(p.forms[i]!)) caps[i] = 1;
    return caps;
  });
  const wanted = new Set<string>();
  parts.forEach((p, k) => {
    for (let i = 0; i < p.tags.length; i++) if (capitalised[k]![i]) wanted.add(p.lowered[i]!);
  });
  const counts = new Map<string, Int32Array>();
  parts.forEach((p, k) => {
    const own = where[k]!;
    for (let i = 0; i < p.tags.length; i++) {
      const w = p.lowered[i]!;
      if (!wanted.has(w)) continue;
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Int32Array(SLOTS)));
      c[TOKEN_AT + kindOf(p.tags[i]!)]!++;
      if (own[i]! >= 0) c[own[i]!]!++;
    }
  });
  const others = new Int32Array(SLOTS);
  return parts.map((p, k) => {
    const n = p.tags.length;
    const out = new Int16Array(n * DOCUMENT_FEATURES).fill(-1);
    const own = where[k]!;
    const caps = capitalised[k]!;
    for (let i = 0; i < n; i++) {
      if (!caps[i]) continue;
      others.set(counts.get(p.lowered[i]!)!);
      others[TOKEN_AT + kindOf(p.tags[i]!)]!--;
      if (own[i]! >= 0) others[own[i]!]!--;
      const token = majority(others, TOKEN_AT, KINDS);
      const at = i * DOCUMENT_FEATURES;
      out[at] = TOKEN_ROWS + token;
      out[at + 1] = START_ROWS + 2 * token + p.start[i]!;
      out[at + 2] = SINGLE_ROWS + majority(others, SINGLE_AT, KINDS);
      out[at + 3] = PART_ROWS + majority(others, PART_AT, KINDS * 3);
    }
    return out;
  });
}

/** Per token, its count slot as part of a name (one-word name of a type, or type × position in a longer one), −1 outside names. */
function nameSlots(tags: Uint8Array): Int16Array {
  const n = tags.length;
  const out = new Int16Array(n).fill(-1);
  let i = 0;
  while (i < n) {
    const t = tags[i]!;
    if (t === 0) {
      i++;
      continue;
    }
    // A name: this tag, then the I- tags of its type (Viterbi allows I-X only after X).
    const inside = t % 2 === 0 ? t : t + 1;
    let last = i;
    while (last + 1 < n && tags[last + 1] === inside) last++;
    const kind = kindOf(t);
    if (last === i) out[i] = SINGLE_AT + kind;
    else for (let j = i; j <= last; j++) out[j] = PART_AT + kind * 3 + (j === i ? FIRST : j === last ? LAST : MIDDLE);
    i = last + 1;
  }
  return out;
}

/** Index (from 0) of the largest of c[from..from+k), k when two share it (a tie), k + 1 when all are 0. */
function majority(c: Int32Array, from: number, k: number): number {
  let best = -1;
  let bestCount = 0;
  let tie = false;
  for (let j = 0; j < k; j++) {
    const v = c[from + j]!;
    if (v > bestCount) {
      best = j;
      bestCount = v;
      tie = false;
    } else if (v > 0 && v === bestCount) tie = true;
  }
  return best < 0 ? k + 1 : tie ? k : best;
}
