// Politeness per host: at most `concurrency` requests in flight and at least
// `intervalMs` between the starts of two requests to the same host.

interface Slot {
  active: number;
  nextStart: number;
  waiters: (() => void)[];
}

export class HostLimiter {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly concurrency: number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Wait for a turn on `host`; call the returned function when the request is over. */
  async acquire(host: string, intervalMs: number): Promise<() => void> {
    let slot = this.slots.get(host);
    if (!slot) this.slots.set(host, (slot = { active: 0, nextStart: 0, waiters: [] }));
    const s = slot;
    while (s.active >= this.concurrency) await new Promise<void>((resolve) => s.waiters.push(resolve));
    s.active++;
    const now = Date.now();
    const wait = Math.max(0, s.nextStart - now);
    s.nextStart = Math.max(now, s.nextStart) + intervalMs;
    if (wait > 0) await this.sleep(wait);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.active--;
      s.waiters.shift()?.();
    };
  }
}
