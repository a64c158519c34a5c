// Longest-match lookup of known names over token forms (case-sensitive, as
// written: "Nice" the city, not "nice"). Used twice: as tagger features (the
// B/I code of the type) and by the entities stage to add knowledge-base
// actors the model missed.

/** Entity types a gazetteer entry can have, coded 1..4 (0 = none). */
export const GAZ_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type GazType = (typeof GAZ_TYPES)[number];

export interface GazMatch {
  /** token index of the first token */
  start: number;
  /** token index after the last token */
  end: number;
  /** index of the entry given to `add` */
  entry: number;
}

/** Names longer than this (in tokens) are not matched. */
const MAX_TOKENS = 8;
const SEP = '\u0001';

/** Bit of a `keys` value set when the key is a proper prefix of some name. */
const PREFIX = 1;

export interface GazetteerSnapshot {
  keys: Map<string, number>;
  types: number[];
}

export class Gazetteer {
  /**
   * Forms joined by SEP → (entry index + 1) << 1 | PREFIX bit; entry part 0 when the key is
   * only a proper prefix of names. One map, so a scan step costs one lookup, and a scan stops
   * as soon as no name can continue.
   */
  private readonly keys: Map<string, number>;
  private readonly types: number[];

  /** Empty, or the names and types of `from` (adopted, not copied). */
  constructor(from?: GazetteerSnapshot) {
    this.keys = from?.keys ?? new Map();
    this.types = from?.types ?? [];
  }

  /**
   * Per word id of the caller's word table (features.ts): 1 when no name starts with the
   * word, 2 when one may, 0 not yet known. Most tokens start no name, and this answers
   * for them with one array read instead of a string lookup.
   */
  private starts = new Uint8Array(0);
  private startsGeneration = -1;

  /** Its names and entry types as plain data (the knowledge-base cache stores them: src/kb/kb-cache.ts). */
  snapshot(): GazetteerSnapshot {
    return { keys: this.keys, types: this.types };
  }

  static fromSnapshot(s: GazetteerSnapshot): Gazetteer {
    return new Gazetteer(s);
  }

  /** Register an entry's type; returns the entry index to pass to `add`. */
  entry(type: GazType): number {
    this.types.push(GAZ_TYPES.indexOf(type) + 1);
    return this.types.length - 1;
  }

  /** Add one name (as token forms) for an entry; the first entry to claim a name keeps it. */
  add(forms: readonly string[], entry: number): void {
    if (forms.length === 0 || forms.length > MAX_TOKENS) return;
    if (this.starts.length) this.starts = new Uint8Array(0);
    const key = forms.join(SEP);
    const had = this.keys.get(key) ?? 0;
    if (had >> 1) return;
    this.keys.set(key, ((entry + 1) << 1) | had);
    let prefix = forms[0]!;
    for (let k = 1; k < forms.length; k++) {
      this.keys.set(prefix, (this.keys.get(prefix) ?? 0) | PREFIX);
      prefix += SEP + forms[k]!;
    }
  }

  /**
   * Non-overlapping longest matches, left to right. `ids` (one per form, from a word table
   * of generation `generation`) lets repeated words skip the lookup.
   */
  matches(forms: readonly string[], ids?: Int32Array, generation = 0): GazMatch[] {
    if (ids && generation !== this.startsGeneration) {
      this.starts = new Uint8Array(0);
      this.startsGeneration = generation;
    }
    const out: GazMatch[] = [];
    const n = forms.length;
    let i = 0;
    while (i < n) {
      let key = forms[i]!;
      if (ids && !this.mayStart(ids[i]!, key)) {
        i++;
        continue;
      }
      let found = 0;
      let entry = -1;
      for (let len = 1; ; len++) {
        const v = this.keys.get(key);
        if (v === undefined) break;
        if (v >> 1) {
          found = len;
          entry = (v >> 1) - 1;
        }
        if (len >= MAX_TOKENS || i + len >= n || !(v & PREFIX)) break;
        key += SEP + forms[i + len]!;
      }
      if (found > 0) out.push({ start: i, end: i + found, entry });
      i += found > 0 ? found : 1;
    }
    return out;
  }

  /** Whether some name starts with `form` (word `id`), from the per-id memo. */
  private mayStart(id: number, form: string): boolean {
    if (id >= this.starts.length) {
      const grown = new Uint8Array(Math.max(1024, 2 * id));
      grown.set(this.starts);
      this.starts = grown;
    }
    let s = this.starts[id]!;
    if (s === 0) this.starts[id] = s = this.keys.has(form) ? 2 : 1;
    return s === 2;
  }

  /** Per token (n tokens): 0, or 2·type−1 at a match's first token and 2·type inside it. */
  codes(n: number, matches: readonly GazMatch[]): Uint8Array {
    const codes = new Uint8Array(n);
    for (const m of matches) {
      const t = this.types[m.entry]!;
      codes[m.start] = 2 * t - 1;
      for (let k = m.start + 1; k < m.end; k++) codes[k] = 2 * t;
    }
    return codes;
  }
}
