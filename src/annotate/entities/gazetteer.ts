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

export class Gazetteer {
  /** first form → longest name starting with it, in tokens */
  private readonly first = new Map<string, number>();
  /** forms joined by SEP → entry index */
  private readonly names = new Map<string, number>();
  private readonly types: number[] = [];

  /** Register an entry's type; returns the entry index to pass to `add`. */
  entry(type: GazType): number {
    this.types.push(GAZ_TYPES.indexOf(type) + 1);
    return this.types.length - 1;
  }

  /** Add one name (as token forms) for an entry; the first entry to claim a name keeps it. */
  add(forms: readonly string[], entry: number): void {
    if (forms.length === 0 || forms.length > MAX_TOKENS) return;
    const key = forms.join(SEP);
    if (this.names.has(key)) return;
    this.names.set(key, entry);
    const f = forms[0]!;
    if ((this.first.get(f) ?? 0) < forms.length) this.first.set(f, forms.length);
  }

  /** Non-overlapping longest matches, left to right. */
  matches(forms: readonly string[]): GazMatch[] {
    const out: GazMatch[] = [];
    const n = forms.length;
    let i = 0;
    while (i < n) {
      const max = this.first.get(forms[i]!);
      let found = -1;
      if (max !== undefined) {
        for (let len = Math.min(max, n - i); len >= 1 && found < 0; len--) {
          const entry = this.names.get(len === 1 ? forms[i]! : forms.slice(i, i + len).join(SEP));
          if (entry !== undefined) {
            out.push({ start: i, end: i + len, entry });
            found = len;
          }
        }
      }
      i += found > 0 ? found : 1;
    }
    return out;
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

  typeOf(entry: number): GazType {
    return GAZ_TYPES[this.types[entry]! - 1]!;
  }
}
