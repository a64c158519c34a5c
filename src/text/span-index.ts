// Finds spans by position without scanning every span: a hostile document may
// carry a million sentences and a million entities, and per-sentence scans of
// every entity would be quadratic.
interface Span {
  start: number;
  end: number;
}

/** Spans searched for containment scan back at most this far (attribution contents rarely nest deeper). */
const MAX_NESTING_SCAN = 256;

export class SpanIndex<T extends Span> {
  private readonly spans: T[];
  private readonly longest: number;
  /** reach[i]: the furthest end of spans[0..i] (built on the first `covers` call). */
  private reach?: number[];

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.longest = this.spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  /** Index of the first span starting at or after `pos`. */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spans[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans overlapping [start, end): only those starting within the longest span's length before `start` can. */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.firstFrom(start - this.longest); i < this.spans.length && this.spans[i]!.start < end; i++) {
      if (this.spans[i]!.end > start) out.push(this.spans[i]!);
    }
    return out;
  }

  /** Spans starting in [start, end), in start order. */
  startingIn(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.firstFrom(start); i < this.spans.length && this.spans[i]!.start < end; i++) out.push(this.spans[i]!);
    return out;
  }

  /** The span starting last among those ending at or before `pos` (the last in input order among equal starts). */
  lastEndingBy(pos: number): T | undefined {
    for (let i = this.firstFrom(pos) - 1; i >= 0; i--) if (this.spans[i]!.end <= pos) return this.spans[i];
    return undefined;
  }

  /** Whether some span contains [start, end): one starting at or before `start` reaches `end`. */
  covers(start: number, end: number): boolean {
    if (!this.reach) {
      const reach: number[] = [];
      for (const s of this.spans) reach.push(Math.max(s.end, reach[reach.length - 1] ?? -1));
      this.reach = reach;
    }
    const before = this.firstFrom(start + 1);
    return before > 0 && this.reach[before - 1]! >= end;
  }

  /** The shortest span containing `pos`, looking back over a bounded number of spans. */
  innermost(pos: number): T | undefined {
    let best: T | undefined;
    const from = this.firstFrom(pos + 1) - 1;
    for (let i = from; i >= 0 && i > from - MAX_NESTING_SCAN; i--) {
      const s = this.spans[i]!;
      if (s.end > pos && (!best || s.end - s.start < best.end - best.start)) best = s;
    }
    return best;
  }
}

/** Union of spans as sorted, disjoint intervals (for a single forward sweep). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
