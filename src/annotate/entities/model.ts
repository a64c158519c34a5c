// The NER model: a hashed table of per-tag weights (averaged perceptron),
// quantised to int16 and gzipped on disk. Loading needs only this file.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lang/resources.js';
import { MAX_FEATURES, historyFeatures, staticFeatures, type Prepared } from './features.js';

/** BIO tags; index 0 is O. Type of tag t>0 is TYPES[(t-1)>>1], B when t is odd. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ModelType = (typeof TYPES)[number];
export const NT = TAGS.length;
/** Bumped whenever features.ts changes what a hash means. */
export const FEATURE_VERSION = 1;
const MAGIC = 'recoupe-ner';

/** allowed[prev * NT + cur]: I-X only after B-X or I-X. */
const ALLOWED = new Uint8Array(NT * NT);
for (let p = 0; p < NT; p++) {
  for (let c = 0; c < NT; c++) {
    const inside = c > 0 && c % 2 === 0;
    ALLOWED[p * NT + c] = !inside || (p > 0 && (p + 1) >> 1 === c >> 1) ? 1 : 0;
  }
}

export interface ModelHeader {
  format: typeof MAGIC;
  featureVersion: number;
  language: string;
  bits: number;
  /** weight = int16 value / scale */
  scale: number;
  trainedOn: string[];
}

/** Weights are any numeric array: Float32Array while training, Int16Array once shipped. */
export type Weights = Float32Array | Int16Array;

export class NerModel {
  readonly mask: number;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly scores = new Float64Array(NT);

  constructor(
    readonly header: ModelHeader,
    readonly weights: Weights,
  ) {
    this.mask = (1 << header.bits) - 1;
  }

  /** Greedy left-to-right BIO decoding (history features use the tags already chosen). */
  tag(p: Prepared): Uint8Array {
    const tags = new Uint8Array(p.n);
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < p.n; i++) {
      let k = staticFeatures(p, i, this.feats);
      k = historyFeatures(p, i, prev, prev2, this.feats, k);
      const best = this.best(k, prev);
      tags[i] = best;
      prev2 = prev;
      prev = best;
    }
    return tags;
  }

  /** Highest-scoring allowed tag for the first k features in `feats`. */
  best(k: number, prev: number): number {
    const s = this.scores;
    s.fill(0);
    const w = this.weights;
    const f = this.feats;
    for (let j = 0; j < k; j++) {
      const row = (f[j]! & this.mask) * NT;
      for (let t = 0; t < NT; t++) s[t]! += w[row + t]!;
    }
    let best = 0;
    let bestScore = -Infinity;
    const base = prev * NT;
    for (let t = 0; t < NT; t++) {
      if (ALLOWED[base + t] && s[t]! > bestScore) {
        bestScore = s[t]!;
        best = t;
      }
    }
    return best;
  }

  /** The feature buffer `best` reads (the trainer fills it itself). */
  get featureBuffer(): Int32Array {
    return this.feats;
  }

  serialize(): Buffer {
    const head = Buffer.from(JSON.stringify(this.header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(head.length);
    const w = this.weights instanceof Int16Array ? this.weights : quantise(this.weights, this.header.scale);
    return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, head, Buffer.from(w.buffer, w.byteOffset, w.byteLength)]), { level: 9 });
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
    if (body.length !== (1 << header.bits) * NT * 2) throw new Error(`${source}: truncated model`);
    // Copy into an aligned buffer (the slice may start at an odd offset).
    const weights = new Int16Array(body.length / 2);
    new Uint8Array(weights.buffer).set(body);
    return new NerModel(header, weights);
  }
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

/** The model file for a language: $RECOUPE_NER_MODEL, else models/ner-<lang>.bin. */
export function modelPath(language: string): string {
  return process.env.RECOUPE_NER_MODEL ?? join(PACKAGE_ROOT, 'models', `ner-${language}.bin`);
}

const loaded = new Map<string, NerModel | null>();
/** The model for a language, or null when none ships (entities then come from rules and the KB only). */
export function loadModel(language: string): NerModel | null {
  const path = modelPath(language);
  let m = loaded.get(path);
  if (m === undefined) {
    m = existsSync(path) ? NerModel.parse(readFileSync(path), path) : null;
    if (m === null && process.env.RECOUPE_NER_MODEL) throw new Error(`RECOUPE_NER_MODEL: no such file: ${path}`);
    loaded.set(path, m);
  }
  return m;
}
