// Maps offsets in a Doc's clean `text` back to offsets in the decoded input,
// so a UI can highlight the original. The cleaner copies runs of the input
// into the text; each run is one segment. Text between segments (a space or
// newline the cleaner inserted) maps to the end of the previous segment.

export interface Segment {
  /** offset in the clean text */
  text: number;
  /** offset in the decoded input */
  input: number;
  length: number;
}

export class OffsetMap {
  private readonly segments: Segment[];

  constructor(segments: Segment[]) {
    this.segments = [...segments].sort((a, b) => a.text - b.text);
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap([{ text: 0, input: 0, length }]);
  }

  /** The input offset of a text offset (binary search over segments). */
  toInput(offset: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.text <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    const seg = segs[found]!;
    return seg.input + Math.min(offset - seg.text, seg.length);
  }

  toJSON(): Segment[] {
    return this.segments;
  }
}

/** Builds a clean text from pieces of the input while recording the offset map. */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly segments: Segment[] = [];

  /** Append a run copied from the input at `inputStart`. */
  copy(piece: string, inputStart: number): void {
    if (!piece) return;
    this.segments.push({ text: this.length, input: inputStart, length: piece.length });
    this.parts.push(piece);
    this.length += piece.length;
  }

  /** Append text that has no counterpart in the input (separators). */
  insert(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
  }

  get size(): number {
    return this.length;
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: new OffsetMap(this.segments) };
  }
}
