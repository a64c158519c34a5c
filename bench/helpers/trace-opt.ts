// Reads V8's --trace-opt output: how often and how long each function was compiled by the optimising compiler.

export interface CompileTimes {
  /** Optimising compilations in the trace. */
  count: number;
  /** Their summed time (ms). */
  totalMs: number;
  /** Per function name, most time first. */
  byFunction: { name: string; count: number; ms: number }[];
}

/**
 * One line per finished compilation, with its three phases' times (ms), e.g.
 * `[completed compiling 0x1ab <JSFunction findEntities (sfi = 0x2cd)> (target TURBOFAN) - took 0.120, 512.300, 1.100 ms]`
 * (Node 20); "completed optimizing" lines carry no times and are not counted.
 */
const COMPLETED = /^\[completed compiling 0x[0-9a-f]+ <JSFunction (?:(.*?) )?\(sfi = [^)]*\)> \(target \w+\) - took ([\d.]+), ([\d.]+), ([\d.]+) ms\]$/gm;

export function compileTimes(trace: string): CompileTimes {
  const by = new Map<string, { count: number; ms: number }>();
  let count = 0;
  let totalMs = 0;
  for (const m of trace.matchAll(COMPLETED)) {
    const ms = Number(m[2]) + Number(m[3]) + Number(m[4]);
    const name = m[1] || '(anonymous)';
    const f = by.get(name) ?? { count: 0, ms: 0 };
    f.count++;
    f.ms += ms;
    by.set(name, f);
    count++;
    totalMs += ms;
  }
  const byFunction = [...by].map(([name, f]) => ({ name, ...f })).sort((a, b) => b.ms - a.ms);
  return { count, totalMs, byFunction };
}
