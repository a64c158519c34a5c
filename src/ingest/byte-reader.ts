// A pull reader over a byte stream (a file, or a gunzip stream): lines and
// fixed-size blocks with hard caps, so a 2 GiB WARC record or JSONL line is
// skipped by streaming through it, never held in memory. Used by the WARC and
// JSONL readers. (Node's readline has no line-length cap, and warcio 2.4.11
// loops forever skipping a record cut by the end of the file.)

export class ByteReader {
  private chunk: Buffer = Buffer.alloc(0);
  private pos = 0;
  private done = false;
  private readonly source: AsyncIterator<Buffer | string>;
  /** Bytes consumed so far (offsets into the stream). */
  offset = 0;

  constructor(stream: AsyncIterable<Buffer | string>) {
    this.source = stream[Symbol.asyncIterator]();
  }

  /** Makes sure some bytes are buffered; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    while (this.pos >= this.chunk.length) {
      if (this.done) return false;
      const r = await this.source.next();
      if (r.done) {
        this.done = true;
        return false;
      }
      this.chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      this.pos = 0;
    }
    return true;
  }

  /**
   * The next line, its "\n" included; null at the end of the stream. A line longer than max bytes
   * is streamed through and comes back as its length alone (`tooLong`), its bytes dropped.
   */
  async line(max: number): Promise<{ bytes: Buffer; tooLong: false } | { length: number; tooLong: true } | null> {
    const parts: Buffer[] = [];
    let length = 0;
    let tooLong = false;
    while (await this.fill()) {
      const nl = this.chunk.indexOf(10, this.pos);
      const end = nl < 0 ? this.chunk.length : nl + 1;
      const piece = this.chunk.subarray(this.pos, end);
      this.pos = end;
      this.offset += piece.length;
      length += piece.length;
      if (length > max) tooLong = true;
      if (!tooLong) parts.push(piece);
      else parts.length = 0;
      if (nl >= 0) break;
    }
    if (length === 0) return null;
    return tooLong ? { length, tooLong: true } : { bytes: Buffer.concat(parts, length), tooLong: false };
  }

  /** Exactly n bytes, or fewer when the stream ends first. */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n && (await this.fill())) {
      const take = Math.min(n - got, this.chunk.length - this.pos);
      parts.push(this.chunk.subarray(this.pos, this.pos + take));
      this.pos += take;
      got += take;
    }
    this.offset += got;
    return Buffer.concat(parts, got);
  }

  /** Skips n bytes without keeping them; returns how many there were (fewer at the end of the stream). */
  async skip(n: number): Promise<number> {
    let got = 0;
    while (got < n && (await this.fill())) {
      const take = Math.min(n - got, this.chunk.length - this.pos);
      this.pos += take;
      got += take;
    }
    this.offset += got;
    return got;
  }
}

/** "1.2 MB": a size as a person reads it. */
export function humanBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}
