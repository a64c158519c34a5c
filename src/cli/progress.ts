// Progress for long jobs: a single updating line on a terminal; silent when
// stderr is piped or redirected.
export class Progress {
  private count = 0;
  private readonly started = Date.now();
  private last = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly label: string,
    private readonly total?: number,
  ) {}

  get enabled(): boolean {
    return Boolean(this.stream.isTTY);
  }

  tick(n = 1): void {
    this.count += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.stream.write(`\r\x1b[K${this.line(now)}`);
  }

  /** The last state, left on its own line (the bar is throttled: the last tick drawn may be a few items behind). */
  done(): void {
    if (this.enabled && this.count > 0) this.stream.write(`\r\x1b[K${this.line(Date.now(), true)}\n`);
  }

  private line(now: number, final = false): string {
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? this.count / secs : 0;
    if (final) return `${this.label}: ${this.count} in ${secs.toFixed(1)} s (${rate.toFixed(1)}/s)`;
    let line = `${this.label}: ${this.count}${this.total ? `/${this.total}` : ''} (${rate.toFixed(1)}/s)`;
    if (this.total && rate > 0) line += ` ETA ${Math.max(0, (this.total - this.count) / rate).toFixed(0)}s`;
    return line;
  }
}
