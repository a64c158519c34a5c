// The NER model: a hashed table of per-tag weights (averaged perceptron),
// quantised to int16 and gzipped on disk. Loading needs only this file.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { languageOf } from '../../lang/registry.js';
import { cached, langPath, readTsv } from '../../lang/resources.js';
import * as features from './features.js';
import type { FeatureOptions, Prepared } from './features.js';
import { DOCUMENT_FEATURES, documentFeatures } from './document-features.js';

// Destructured once at load: under tsx (how bench/ and eval/ run) every read of an imported
// binding is a getter call, and tagging reads ~20 of them per token (a fifth of its time).
const {
  BIAS,
  documentFeature,
  GAZ_CODES,
  GAZ_SLOTS,
  MAX_FEATURES,
  PAIR_FEATURES,
  ROLES,
  ROLE_CURRENT,
  ROLE_CURRENT_AT_START,
  ROLE_NEXT,
  ROLE_NEXT2,
  ROLE_PREV,
  ROLE_PREV2,
  TRANSITION_FEATURES,
  PLAIN_FEATURES,
  gazFeature,
  pairFeatureCount,
  pairFeatures,
  staticFeatures,
  transitionContext,
  transitionFeatures,
  wordFeatures,
  wordIdGeneration,
} = features;

/** BIO tags; index 0 is O. Type of tag t>0 is TYPES[(t-1)>>1], B when t is odd. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ModelType = (typeof TYPES)[number];
export const NT = TAGS.length;
/** Bumped whenever features.ts changes what a hash means. */
export const FEATURE_VERSION = 2;
const MAGIC = 'recoupe-ner';

/** allowed[prev * NT + cur]: I-X only after B-X or I-X. */
const ALLOWED = new Uint8Array(NT * NT);
for (let p = 0; p < NT; p++) {
  for (let c = 0; c < NT; c++) {
    const inside = c > 0 && c % 2 === 0;
    ALLOWED[p * NT + c] = !inside || (p > 0 && (p + 1) >> 1 === c >> 1) ? 1 : 0;
  }
}
/** Row offsets per token (`NerModel.rowOffsets`). */
const ROW_OFFSETS = 6;

/** Tag t's score from a token's constant row and its five words' sums, at offsets[k..k + ROW_OFFSETS) (`rowOffsets`). */
function wordScore(c: Float64Array, sums: Float32Array, offsets: Int32Array, k: number, t: number): number {
  return (
    c[offsets[k]! + t]! +
    sums[offsets[k + 1]! + t]! +
    sums[offsets[k + 2]! + t]! +
    sums[offsets[k + 3]! + t]! +
    sums[offsets[k + 4]! + t]! +
    sums[offsets[k + 5]! + t]!
  );
}

/** The largest of a[0..n). */
function maxOf(a: Int32Array, n: number): number {
  let most = 0;
  for (let j = 0; j < n; j++) if (a[j]! > most) most = a[j]!;
  return most;
}

/** Whether two models hash the same feature groups. */
const sameOptions = (a: FeatureOptions, b: FeatureOptions) => a.clusters === b.clusters && a.context === b.context && a.lines === b.lines;

/** A copy of `a` with `size` elements (zeros after the old ones): id-indexed caches grow. */
function grown<T extends Uint8Array | Float32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (length: number) => T)(size);
  b.set(a);
  return b;
}

export interface ModelHeader {
  format: typeof MAGIC;
  featureVersion: number;
  language: string;
  bits: number;
  /** weight = int16 value / scale */
  scale: number;
  trainedOn: string[];
  /** Person mentions of the training data: names only (default) or with titles and appositions (HIPE; mentions.ts). */
  mentionStyle?: 'names' | 'hipe';
  /** One name, one type per document after tagging (consistency.ts); off when absent. */
  documentConsistency?: boolean;
  /** Word-class features from lang/<this code>/word-clusters.generated.tsv; none when absent. */
  wordClusters?: string;
  /** The `context` feature group (features.ts FeatureOptions); off when absent. */
  contextFeatures?: boolean;
  /** The `lines` feature group (features.ts FeatureOptions); off when absent. */
  lineFeatures?: boolean;
  /**
   * A second pass with document features (document-features.ts): the file then holds a second
   * weight table of the same size, the second pass's, with this scale; one pass when absent.
   */
  secondPass?: { scale: number };
  /** Number of models (same training, other shuffling seeds) whose weights this one averages (tools/mix-ner.ts). */
  mixedFrom?: number;
}

/** A language's word classes (lowercased word → fine, coarse class), empty when it has none. */
export function wordClustersOf(language: string): ReadonlyMap<string, readonly [number, number]> {
  return cached(language, 'word-clusters', (code) => {
    const path = langPath(code, 'word-clusters.generated.tsv');
    const out = new Map<string, readonly [number, number]>();
    if (existsSync(path)) for (const [w, fine, coarse] of readTsv(path)) if (w) out.set(w, [Number(fine), Number(coarse)]);
    return out;
  });
}

/** Weights are any numeric array: Float32Array while training, Int16Array once shipped. */
export type Weights = Float32Array | Int16Array;

/** The optional feature groups a model was trained with (its header). */
export function featureOptionsOf(header: ModelHeader): FeatureOptions {
  return { clusters: header.wordClusters !== undefined, context: header.contextFeatures === true, lines: header.lineFeatures === true };
}

/** Tag-independent features of every token, MAX_FEATURES slots per token; the trainer computes them once. */
export interface StaticFeatures {
  feats: Int32Array;
  count: Uint8Array;
}

/** Every token's static features, for `tag(p, table)`: what the trainer computes once per example. */
export function staticFeatureTable(p: Prepared, options: FeatureOptions = PLAIN_FEATURES): StaticFeatures {
  const feats = new Int32Array(p.n * MAX_FEATURES);
  const count = new Uint8Array(p.n);
  const buf = new Int32Array(MAX_FEATURES);
  for (let i = 0; i < p.n; i++) {
    count[i] = staticFeatures(p, i, buf, options);
    feats.set(buf.subarray(0, count[i]), i * MAX_FEATURES);
  }
  return { feats, count };
}

export class NerModel {
  readonly mask: number;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly trans = new Int32Array(TRANSITION_FEATURES);
  /**
   * Transition scores (NT×NT, −∞ where BIO forbids) per transition context (a word shape: a few
   * hundred), at transitionScores[context × NT × NT ..] when transitionReady[context]: decoding
   * then reads one block per token instead of summing NT×TRANSITION_FEATURES rows.
   * Emptied by every weight update.
   */
  private transitionScores = new Float64Array(0);
  private transitionReady = new Uint8Array(0);
  /**
   * Per context, NT values: the lowest score of O → (O or B-X), then for each tag q ≥ 1 the
   * highest of q → (O or B-X). When every q's score plus its highest stays at most O's score
   * plus the lowest, O is the best previous tag of O and every B-X (float sums are monotone).
   */
  private transitionBounds = new Float64Array(0);
  /**
   * Per word id (features.ts): the summed weights of the word's one-word features in each
   * role (ROLES × NT per word; `sumsReady` marks computed ones, per word and role: a word
   * met only inside sentences never needs its sums at a sentence start). Most of a token's features
   * depend on one word only, so tagging reads a few hot slices instead of ~30 scattered rows.
   */
  private sums = new Float32Array(0);
  private sumsReady = new Uint8Array(0);
  private readonly sumRow = new Float64Array(NT);
  /** wordIdGeneration() the caches were filled under */
  private cacheGeneration = -1;
  /**
   * Per triple of gazetteer codes at (−1, 0, +1): the bias row plus the three code rows, summed
   * in that order (as a row-by-row sum would): one row read per token instead of four.
   */
  private constantRows: Float64Array | null = null;

  constructor(
    readonly header: ModelHeader,
    readonly weights: Weights,
    /** The second pass's model (`ModelHeader.secondPass`), null for one pass. */
    readonly second: NerModel | null = null,
  ) {
    this.mask = (1 << header.bits) - 1;
    this.options = featureOptionsOf(header);
    this.pairCount = pairFeatureCount(this.options);
    if (header.wordClusters) features.useWordClusters(wordClustersOf(header.wordClusters));
  }
  /** The optional feature groups the header names. */
  readonly options: FeatureOptions;
  /** Pair features per token (`pairFeatures`). */
  private readonly pairCount: number;

  /** Add the weight rows of feats[from..from+k) into scores[at..at+NT). */
  private addRows(feats: Int32Array, from: number, k: number, scores: Float64Array, at: number): void {
    const w = this.weights;
    for (let j = from; j < from + k; j++) {
      const row = (feats[j]! & this.mask) * NT;
      for (let t = 0; t < NT; t++) scores[at + t]! += w[row + t]!;
    }
  }

  /** Per-token emission scores (n × NT) and back-pointers of the last `tag`, reused across calls. */
  private emit = new Float64Array(0);
  private pairRows = new Int32Array(0);
  private contexts = new Int32Array(0);
  private back = new Uint8Array(0);

  /**
   * Best BIO tag sequence (first-order Viterbi; I-X only after B-X or I-X). `doc`: rows of
   * document features (DOCUMENT_FEATURES per token, −1 = none) whose weights are added, for a
   * second pass.
   */
  tag(p: Prepared, pre?: StaticFeatures, doc?: Int16Array, pairRows?: Int32Array): Uint8Array {
    const n = p.n;
    const tags = new Uint8Array(n);
    if (n === 0) return tags;
    this.checkGeneration(p);
    this.reserve(n);
    const emit = this.emit;
    if (pre) {
      emit.fill(0, 0, n * NT);
      for (let i = 0; i < n; i++) this.addRows(pre.feats, i * MAX_FEATURES, pre.count[i]!, emit, i * NT);
    } else this.emissions(p, emit, pairRows);
    return this.finishTag(p, doc, tags);
  }

  /** Make room for n tokens' emissions and back-pointers. */
  private reserve(n: number): void {
    if (this.emit.length < n * NT) {
      this.emit = new Float64Array(2 * n * NT);
      this.back = new Uint8Array(2 * n * NT);
    }
  }

  /** Add the document features' rows (a second pass) to the emissions in `emit`, then decode into `tags`. */
  private finishTag(p: Prepared, doc: Int16Array | undefined, tags: Uint8Array): Uint8Array {
    const n = p.n;
    const emit = this.emit;
    if (doc) {
      const one = this.feats;
      for (let j = 0; j < n * DOCUMENT_FEATURES; j++) {
        if (doc[j]! < 0) continue;
        one[0] = documentFeature(doc[j]!);
        this.addRows(one, 0, 1, emit, Math.floor(j / DOCUMENT_FEATURES) * NT);
      }
    }
    this.decode(n, this.contextsOf(p), tags);
    return tags;
  }

  /**
   * The tags of a document: the first pass, then, when the model has a second pass, the
   * second model over the same tokens with document features from the first pass's tags
   * (stacking, document-features.ts): twice the tagging time.
   */
  tagDocument(p: Prepared): Uint8Array {
    const second = this.second;
    if (!second || p.n === 0) return this.tag(p);
    // The second model hashes the same features into a table of the same size: the first pass's pair rows are its own.
    const same = second.mask === this.mask && second.pairCount === this.pairCount && sameOptions(second.options, this.options);
    const both = same ? this.bothTables() : null;
    if (!both) {
      const tags = this.tag(p);
      const [doc] = documentFeatures([{ lowered: p.lowered, forms: p.forms, start: p.start, tags }]);
      return second.tag(p, undefined, doc, same ? this.pairRows : undefined);
    }
    // Both passes' emissions (the second's without its document features) in one sweep over the tokens: each pair
    // row is read once, for both tables (bothTables), instead of once per pass.
    const n = p.n;
    this.checkGeneration(p);
    second.checkGeneration(p);
    this.reserve(n);
    second.reserve(n);
    this.emissionsOfBoth(p, both);
    const tags = this.finishTag(p, undefined, new Uint8Array(n));
    const [doc] = documentFeatures([{ lowered: p.lowered, forms: p.forms, start: p.start, tags }]);
    return second.finishTag(p, doc, new Uint8Array(n));
  }

  /**
   * The first and second pass's weights interleaved (row r: the first table's NT weights, then the second's), built
   * on first use when both are int16 (a shipped model): the two rows of a feature then share one or two cache lines.
   * Sums of int16 weights are exact, whatever their order, so the scores are those of two separate sweeps.
   */
  private both: Int16Array | null | undefined;
  private bothTables(): Int16Array | null {
    if (this.both !== undefined) return this.both;
    const a = this.weights;
    const b = this.second?.weights;
    if (!(a instanceof Int16Array) || !(b instanceof Int16Array) || a.length !== b.length) return (this.both = null);
    const rows = a.length / NT;
    const both = new Int16Array(2 * a.length);
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < NT; t++) {
        both[2 * r * NT + t] = a[r * NT + t]!;
        both[2 * r * NT + NT + t] = b[r * NT + t]!;
      }
    }
    return (this.both = both);
  }

  /** Viterbi over the first n tokens' emissions (`emit`) and transition contexts, into `tags`. */
  private decode(n: number, contexts: Int32Array, tags: Uint8Array): void {
    const emit = this.emit;
    const back = this.back;
    const tr = this.transitionScores;
    // score[t]: best score of a path ending in tag t at the previous token (before the first: as after an O)
    let score = new Float64Array(NT).fill(-Infinity);
    score[0] = 0;
    let next = new Float64Array(NT);
    const bounds = this.transitionBounds;
    for (let i = 0; i < n; i++) {
      const tb = contexts[i]! * NT * NT;
      const at = i * NT;
      // The best previous tag, ties to the lowest. O and B-X may follow any tag, but when the
      // bounds show no previous tag beats O for any of them (most tokens), O it is; I-X may
      // only follow B-X (t − 1) or I-X (t).
      const bb = contexts[i]! * NT;
      const floor = score[0]! + bounds[bb]!;
      let onlyO = true;
      for (let q = 1; q < NT && onlyO; q++) onlyO = score[q]! + bounds[bb + q]! <= floor;
      for (let t = 0; t < NT; t++) {
        const inside = t > 0 && (t & 1) === 0;
        const first = inside ? t - 1 : 0;
        const last = inside ? t : onlyO ? 0 : NT - 1;
        let arg = first;
        let best = score[first]! + tr[tb + first * NT + t]!;
        for (let q = first + 1; q <= last; q++) {
          const s = score[q]! + tr[tb + q * NT + t]!;
          if (s > best) {
            best = s;
            arg = q;
          }
        }
        next[t] = best + emit[at + t]!;
        back[at + t] = arg;
      }
      const swap = score;
      score = next;
      next = swap;
    }
    let best = 0;
    for (let t = 1; t < NT; t++) if (score[t]! > score[best]!) best = t;
    for (let i = n - 1; i >= 0; i--) {
      tags[i] = best;
      best = back[i * NT + best]!;
    }
  }

  /**
   * Every token's emission scores into out[i × NT ..]: the constant row of its gazetteer codes,
   * the cached sums of its five words in their roles, then the rows of its pair features
   * (in the order `staticFeatures` lists them).
   */
  private emissions(p: Prepared, out: Float64Array, pairRows?: Int32Array): void {
    const c = (this.constantRows ??= this.buildConstantRows());
    const n = p.n;
    this.ensureAllSums(p);
    const sums = this.sums;
    const w = this.weights;
    // All row offsets first, then one pass of reads: the reads of neighbouring tokens are
    // independent, so the processor overlaps their cache misses (the pair rows are
    // scattered over the whole table, and waiting on each in turn was half of tagging).
    const rows = pairRows ?? this.pairRowsOf(p);
    const pc = this.pairCount;
    const offsets = this.rowOffsets(p);
    for (let i = 0; i < n; i++) {
      const k = i * ROW_OFFSETS;
      const base = offsets[k]!;
      const cur = offsets[k + 1]!;
      const prev = offsets[k + 2]!;
      const next = offsets[k + 3]!;
      const prev2 = offsets[k + 4]!;
      const next2 = offsets[k + 5]!;
      const r = i * pc;
      const r0 = rows[r]!,
        r1 = rows[r + 1]!,
        r2 = rows[r + 2]!,
        r3 = rows[r + 3]!,
        r4 = rows[r + 4]!;
      const o = i * NT;
      // Summed in the order of a row-by-row sum (same result for float weights too).
      for (let t = 0; t < NT; t++) {
        out[o + t] =
          c[base + t]! +
          sums[cur + t]! +
          sums[prev + t]! +
          sums[next + t]! +
          sums[prev2 + t]! +
          sums[next2 + t]! +
          w[r0 + t]! +
          w[r1 + t]! +
          w[r2 + t]! +
          w[r3 + t]! +
          w[r4 + t]!;
      }
      // The optional groups' rows (FeatureOptions), in their order.
      for (let j = PAIR_FEATURES; j < pc; j++) {
        const rj = rows[r + j]!;
        for (let t = 0; t < NT; t++) out[o + t] = out[o + t]! + w[rj + t]!;
      }
    }
  }

  /**
   * `emissions` of this model into this.emit and of the second model into second.emit, in one sweep: the pair rows
   * are read from `both` (bothTables), the word sums and constant rows from each model's own caches.
   */
  private emissionsOfBoth(p: Prepared, both: Int16Array): void {
    const second = this.second!;
    const c1 = (this.constantRows ??= this.buildConstantRows());
    const c2 = (second.constantRows ??= second.buildConstantRows());
    const n = p.n;
    this.ensureAllSums(p, both);
    const s1 = this.sums;
    const s2 = second.sums;
    const out1 = this.emit;
    const out2 = second.emit;
    const rows = this.pairRowsOf(p);
    const pc = this.pairCount;
    const offsets = this.rowOffsets(p);
    for (let i = 0; i < n; i++) {
      const k = i * ROW_OFFSETS;
      const o = i * NT;
      for (let t = 0; t < NT; t++) {
        out1[o + t] = wordScore(c1, s1, offsets, k, t);
        out2[o + t] = wordScore(c2, s2, offsets, k, t);
      }
      // Pair rows: offsets in a one-table layout (row × NT), so row × 2 in `both`.
      for (let j = i * pc, end = j + pc; j < end; j++) {
        const r = 2 * rows[j]!;
        for (let t = 0; t < NT; t++) {
          out1[o + t] = out1[o + t]! + both[r + t]!;
          out2[o + t] = out2[o + t]! + both[r + NT + t]!;
        }
      }
    }
  }

  /**
   * Per token, ROW_OFFSETS offsets: of its constant row (the gazetteer codes at −1, 0, +1) in `constantRows`, then of
   * its five words' sums in their roles (current, previous, next, second previous, second next) in `sums`.
   */
  private rowOffsets(p: Prepared): Int32Array {
    const n = p.n;
    if (this.offsets.length < n * ROW_OFFSETS) this.offsets = new Int32Array(2 * n * ROW_OFFSETS);
    const out = this.offsets;
    const { ids, gaz, start } = p;
    const RN = ROLES * NT;
    let before = 0; // gazetteer code of token i − 1
    let here = n > 0 ? gaz[0]! : 0;
    for (let i = 0; i < n; i++) {
      const after = i + 1 < n ? gaz[i + 1]! : 0;
      const k = i * ROW_OFFSETS;
      out[k] = ((before * GAZ_CODES + here) * GAZ_CODES + after) * NT;
      out[k + 1] = ids[i + 2]! * RN + (start[i] ? ROLE_CURRENT_AT_START : ROLE_CURRENT) * NT;
      out[k + 2] = ids[i + 1]! * RN + ROLE_PREV * NT;
      out[k + 3] = ids[i + 3]! * RN + ROLE_NEXT * NT;
      out[k + 4] = ids[i]! * RN + ROLE_PREV2 * NT;
      out[k + 5] = ids[i + 4]! * RN + ROLE_NEXT2 * NT;
      before = here;
      here = after;
    }
    return out;
  }
  private offsets = new Int32Array(0);

  /** Offsets in the weights of every token's pair-feature rows, `pairCount` per token. */
  private pairRowsOf(p: Prepared): Int32Array {
    const n = p.n;
    const k = this.pairCount;
    if (this.pairRows.length < n * k) this.pairRows = new Int32Array(2 * n * k);
    const rows = this.pairRows;
    const feats = this.feats;
    const mask = this.mask;
    const options = this.options;
    for (let i = 0; i < n; i++) {
      pairFeatures(p, i, feats, 0, options);
      for (let j = 0; j < k; j++) rows[i * k + j] = (feats[j]! & mask) * NT;
    }
    return rows;
  }

  /** Empty the id-indexed caches when features.ts has reused ids, or the weights moved. */
  private checkGeneration(p: Prepared): void {
    const g = wordIdGeneration();
    if (p.generation !== g) throw new Error('NER: tokens prepared before the word table was reset; prepare them again');
    if (g === this.cacheGeneration) return;
    this.cacheGeneration = g;
    this.sumsReady.fill(0);
    this.transitionReady.fill(0);
  }

  /**
   * The sums of every word of the document in the roles its tokens need (`emissions`); with `both` (bothTables), the
   * second model's too (`ensureSumsOfBoth`).
   */
  private ensureAllSums(p: Prepared, both: Int16Array | null = null): void {
    const ids = p.ids;
    const n = p.n;
    const most = n + 4 > 0 ? maxOf(ids, n + 4) : 0;
    this.growSums(most);
    if (both) this.second!.growSums(most);
    const start = p.start;
    const ensure = both ? (id: number, role: number) => this.ensureSumsOfBoth(id, role, both) : (id: number, role: number) => this.ensureSums(id, role);
    for (let i = 0; i < n; i++) {
      ensure(ids[i + 2]!, start[i] ? ROLE_CURRENT_AT_START : ROLE_CURRENT);
      ensure(ids[i + 1]!, ROLE_PREV);
      ensure(ids[i + 3]!, ROLE_NEXT);
      ensure(ids[i]!, ROLE_PREV2);
      ensure(ids[i + 4]!, ROLE_NEXT2);
    }
  }

  /**
   * `ensureSums` of this model and of the second pass's at once: the word's features are hashed once and each row is
   * read from `both` (bothTables), one or two cache lines for both models instead of one in each table (a new word's
   * rows are scattered over the tables: reading them was about a third of tagging a document). Sums of int16 weights
   * are exact in any order, so the sums are those of `ensureSums`. A word and role one model already has (a
   * single-pass `tag` filled the first) takes `ensureSums` in each.
   */
  private ensureSumsOfBoth(id: number, role: number, both: Int16Array): void {
    const second = this.second!;
    const at = id * ROLES + role;
    if (this.sumsReady[at] || second.sumsReady[at]) {
      this.ensureSums(id, role);
      second.ensureSums(id, role);
      return;
    }
    const feats = this.feats;
    const k = wordFeatures(id, role, feats, 0, this.options);
    const a1 = this.sumRow;
    const a2 = second.sumRow;
    a1.fill(0);
    a2.fill(0);
    for (let j = 0; j < k; j++) {
      const row = 2 * (feats[j]! & this.mask) * NT;
      for (let t = 0; t < NT; t++) {
        a1[t]! += both[row + t]!;
        a2[t]! += both[row + NT + t]!;
      }
    }
    this.sums.set(a1, at * NT);
    second.sums.set(a2, at * NT);
    this.sumsReady[at] = 1;
    second.sumsReady[at] = 1;
  }

  /** Room in the sums cache for word ids up to `id`. */
  private growSums(id: number): void {
    if (id * ROLES < this.sumsReady.length) return;
    const size = Math.max(1024, 2 * id);
    this.sumsReady = grown(this.sumsReady, size * ROLES);
    this.sums = grown(this.sums, size * ROLES * NT);
  }

  /** Fill word `id`'s sums in `role`, unless cached (`growSums` made room). */
  private ensureSums(id: number, role: number): void {
    const at = id * ROLES + role;
    if (this.sumsReady[at]) return;
    const acc = this.sumRow;
    acc.fill(0);
    this.addRows(this.feats, 0, wordFeatures(id, role, this.feats, 0, this.options), acc, 0);
    this.sums.set(acc, at * NT);
    this.sumsReady[at] = 1;
  }

  private buildConstantRows(): Float64Array {
    const rows = new Float32Array((1 + GAZ_SLOTS.length * GAZ_CODES) * NT);
    const acc = new Float64Array(NT);
    const one = new Int32Array(1);
    const put = (feature: number, at: number) => {
      acc.fill(0);
      one[0] = feature;
      this.addRows(one, 0, 1, acc, 0);
      rows.set(acc, at * NT);
    };
    put(BIAS, 0);
    for (let slot = 0; slot < GAZ_SLOTS.length; slot++) for (let code = 0; code < GAZ_CODES; code++) put(gazFeature(slot, code), 1 + slot * GAZ_CODES + code);
    const triples = GAZ_CODES ** GAZ_SLOTS.length;
    const table = new Float64Array(triples * NT);
    for (let codes = 0; codes < triples; codes++) {
      for (let t = 0; t < NT; t++) {
        let sum = rows[t]!;
        // Slot s's code is digit s (most significant first) of `codes` in base GAZ_CODES.
        for (let slot = 0, rest = codes; slot < GAZ_SLOTS.length; slot++) {
          const code = Math.floor(rest / GAZ_CODES ** (GAZ_SLOTS.length - 1 - slot));
          rest -= code * GAZ_CODES ** (GAZ_SLOTS.length - 1 - slot);
          sum += rows[(1 + slot * GAZ_CODES + code) * NT + t]!;
        }
        table[codes * NT + t] = sum;
      }
    }
    return table;
  }

  /**
   * Every token's transition context (its index in `transitionScores`, in NT × NT blocks),
   * computing the scores of contexts not seen yet.
   */
  private contextsOf(p: Prepared): Int32Array {
    const n = p.n;
    if (this.contexts.length < n) this.contexts = new Int32Array(2 * n);
    const out = this.contexts;
    for (let i = 0; i < n; i++) {
      const key = transitionContext(p, i);
      out[i] = key;
      if (key >= this.transitionReady.length) {
        const size = Math.max(256, 2 * key);
        this.transitionReady = grown(this.transitionReady, size);
        this.transitionScores = grown(this.transitionScores, size * NT * NT);
        this.transitionBounds = grown(this.transitionBounds, size * NT);
      }
      if (this.transitionReady[key]) continue;
      const m = this.transitionScores;
      const at = key * NT * NT;
      m.fill(0, at, at + NT * NT);
      for (let q = 0; q < NT; q++) {
        const row = at + q * NT;
        this.addRows(this.trans, 0, transitionFeatures(p, i, q, this.trans, 0), m, row);
        for (let t = 0; t < NT; t++) if (!ALLOWED[q * NT + t]) m[row + t] = -Infinity;
      }
      for (let q = 0; q < NT; q++) {
        let bound = m[at + q * NT]!;
        for (let t = 1; t < NT; t += 2) bound = q === 0 ? Math.min(bound, m[at + t]!) : Math.max(bound, m[at + q * NT + t]!);
        this.transitionBounds[key * NT + q] = bound;
      }
      this.transitionReady[key] = 1;
    }
    return out;
  }

  /** Perceptron update: add `delta` to the weights of tag `tag` of the features in feats[from..from+k). */
  update(feats: Int32Array, from: number, k: number, tag: number, delta: number, onChange?: (index: number, delta: number) => void): void {
    const w = this.weights;
    this.transitionReady.fill(0);
    this.sumsReady.fill(0);
    this.constantRows = null;
    for (let j = from; j < from + k; j++) {
      const index = (feats[j]! & this.mask) * NT + tag;
      w[index]! += delta;
      onChange?.(index, delta);
    }
  }

  /** Transition features of token i after tag `prev` (for the trainer). */
  transitionsOf(p: Prepared, i: number, prev: number): Int32Array {
    transitionFeatures(p, i, prev, this.trans, 0);
    return this.trans;
  }

  serialize(): Buffer {
    const second = this.second;
    const header: ModelHeader = { ...this.header, ...(second ? { secondPass: { scale: second.header.scale } } : {}) };
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    const tables = [this, ...(second ? [second] : [])].map((m) => {
      const w = m.weights instanceof Int16Array ? m.weights : quantise(m.weights, m.header.scale);
      return Buffer.from(w.buffer, w.byteOffset, w.byteLength);
    });
    return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, head, ...tables]), { level: 9 });
  }

  static parse(bytes: Uint8Array, source: string): NerModel {
    let raw: Buffer;
    try {
      raw = gunzipSync(bytes);
    } catch {
      throw new Error(`${source}: not a recoupe NER model (not gzip)`);
    }
    if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${source}: not a recoupe NER model`);
    const len = raw.readUInt32LE(MAGIC.length);
    const at = MAGIC.length + 4;
    const header = JSON.parse(raw.subarray(at, at + len).toString('utf8')) as ModelHeader;
    if (header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`${source}: model features v${header.featureVersion}, this recoupe reads v${FEATURE_VERSION}: retrain it`);
    }
    const body = raw.subarray(at + len);
    const size = (1 << header.bits) * NT * 2;
    if (body.length !== size * (header.secondPass ? 2 : 1)) throw new Error(`${source}: truncated model`);
    // Copy into an aligned buffer (the slice may start at an odd offset).
    const table = (from: number) => {
      const weights = new Int16Array(size / 2);
      new Uint8Array(weights.buffer).set(body.subarray(from, from + size));
      return weights;
    };
    const { secondPass, ...rest } = header;
    const second = secondPass ? new NerModel({ ...rest, scale: secondPass.scale }, table(size)) : null;
    return new NerModel(header, table(0), second);
  }
}

/**
 * One model whose weights are the mean of models trained alike with other shuffling seeds
 * (parameter mixing, McDonald, Hall & Mann 2010); their headers must agree but for the scale.
 */
export function mixModels(models: readonly NerModel[]): NerModel {
  const first = models[0];
  if (!first) throw new Error('no model to mix');
  const shape = (h: ModelHeader) => JSON.stringify({ ...h, scale: 0, secondPass: undefined });
  if (models.some((m) => shape(m.header) !== shape(first.header) || !m.second !== !first.second)) {
    throw new Error('models trained otherwise (headers differ) cannot be mixed');
  }
  const { secondPass: _, ...header } = first.header;
  const mean = meanWeights(models);
  const second = first.second ? meanWeights(models.map((m) => m.second!)) : null;
  return new NerModel(
    { ...header, scale: quantisationScale(mean), mixedFrom: models.length },
    mean,
    second && new NerModel({ ...header, scale: quantisationScale(second), mixedFrom: models.length }, second),
  );
}

/** The mean of the models' weights, as floats. */
function meanWeights(models: readonly NerModel[]): Float32Array {
  const mean = new Float32Array(models[0]!.weights.length);
  for (const m of models) {
    const inverse = m.weights instanceof Int16Array ? 1 / (m.header.scale * models.length) : 1 / models.length;
    const w = m.weights;
    for (let i = 0; i < mean.length; i++) mean[i]! += w[i]! * inverse;
  }
  return mean;
}

/** Scale floats into int16 so the largest |weight| maps to 32767. */
export function quantisationScale(w: Float32Array): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  return max > 0 ? 32767 / max : 1;
}

function quantise(w: Float32Array, scale: number): Int16Array {
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! * scale);
  return q;
}

/** The model file for a language: $RECOUPE_NER_MODEL, else the language's `nerModel` (lang/<code>/language.json), or null. */
export function modelPath(language: string): string | null {
  return process.env.RECOUPE_NER_MODEL ?? languageOf(language).nerModel();
}

const loaded = new Map<string, NerModel | null>();
/** The model for a language, or null when none ships (entities then come from rules and the KB only). */
export function loadModel(language: string): NerModel | null {
  const path = modelPath(language);
  if (path === null) return null;
  let m = loaded.get(path);
  if (m === undefined) {
    m = existsSync(path) ? NerModel.parse(readFileSync(path), path) : null;
    if (m === null && process.env.RECOUPE_NER_MODEL) throw new Error(`RECOUPE_NER_MODEL: no such file: ${path}`);
    loaded.set(path, m);
  }
  return m;
}
