// Linear time and output on hostile input (issue 20 items 3 and 4, issue 17's
// linear-time items): cue-dense text, one quotation holding thousands of
// incises, one sentence of thousands of cues, one-line text, deeply nested and
// unclosed HTML. For each, the same generator at n and 4n: CPU time (median of
// three runs) and output size must grow less than MAX_RATIO times (4 when
// linear, 16 when quadratic). No absolute threshold: robust on a loaded machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalyzeInput } from '../../src/pipeline/analyze.js';

const MAX_RATIO = 8;

interface Case {
  name: string;
  /** Input of about n units. */
  make: (n: number) => AnalyzeInput;
  n: number;
  /** Output is expected to stay small whatever the input (a note, not the whole input). */
  note?: RegExp;
}

const quoteOfIncises = (n: number) => {
  let s = 'Le maire a dit : « ';
  for (let i = 0; i < n; i++) s += `la ville va bien, a déclaré le maire ${i}, `;
  return s + 'voilà. »';
};

const CASES: Case[] = [
  { name: 'cue-dense text ("a déclaré que selon X, cité par Y, ")', make: (n) => ({ text: 'a déclaré que selon X, cité par Y, '.repeat(n) }), n: 150 },
  { name: 'one quotation holding many incises', make: (n) => ({ text: quoteOfIncises(n) }), n: 150 },
  { name: 'one sentence of many cues ("Il dit que …")', make: (n) => ({ text: 'Il dit que '.repeat(n) + 'oui.' }), n: 500 },
  {
    name: 'one-line text of reported sentences',
    make: (n) => ({ text: 'Le maire a dit que la ville va bien et que tout ira mieux demain '.repeat(n) }),
    n: 150,
  },
  {
    name: 'nested <div>',
    make: (n) => ({
      text: '<html><body>' + '<div>'.repeat(n) + 'Le maire a déclaré que tout va bien.' + '</div>'.repeat(n) + '</body></html>',
      format: 'html',
    }),
    n: 1500,
    note: /nested deeper than/,
  },
  {
    name: 'unclosed tags',
    make: (n) => ({ text: '<html><body>' + '<div><p><span>'.repeat(n) + 'Le maire a déclaré que tout va bien.</body></html>', format: 'html' }),
    n: 1000,
    note: /nested deeper than/,
  },
];

function cpuMs(input: AnalyzeInput): { ms: number; bytes: number; notes: string[] } {
  const times: number[] = [];
  let bytes = 0;
  let notes: string[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.cpuUsage();
    const a = analyze(input, {});
    const out = JSON.stringify(a);
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
    bytes = out.length;
    notes = (a.notes ?? []).map((x) => x.message);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.max(2, times[1]!), bytes, notes };
}

for (const c of CASES) {
  test(`linear: ${c.name}`, { timeout: 120_000 }, () => {
    analyze(c.make(c.n), {}); // warm-up
    let ratio = Infinity;
    let outRatio = Infinity;
    let last: ReturnType<typeof cpuMs> | null = null;
    // Measured again at a larger n when noise makes it look super-linear.
    for (let attempt = 0, n = c.n; attempt < 3 && ratio >= MAX_RATIO; attempt++, n *= 2) {
      const small = cpuMs(c.make(n));
      const large = cpuMs(c.make(4 * n));
      ratio = Math.min(ratio, large.ms / small.ms);
      outRatio = large.bytes / small.bytes;
      last = large;
    }
    assert.ok(ratio < MAX_RATIO, `${c.name}: time(4n)/time(n) = ${ratio.toFixed(1)}`);
    assert.ok(outRatio < 5, `${c.name}: output(4n)/output(n) = ${outRatio.toFixed(1)}`);
    if (c.note)
      assert.ok(
        last!.notes.some((m) => c.note!.test(m)),
        `${c.name}: a note says the stage gave up (${last!.notes.join(' | ')})`,
      );
  });
}

test('incises sharing one quotation each get their own stretch of it, inside the quotation', () => {
  const text = quoteOfIncises(30);
  const a = analyze({ text }, {});
  const incises = a.attributions.filter((x) => x.cue?.text === 'a déclaré');
  assert.equal(incises.length, 30);
  const open = text.indexOf('«');
  const close = text.indexOf('»') + 1;
  let total = 0;
  for (const x of incises) {
    assert.ok(x.content.start >= open && x.content.end <= close, 'inside the quotation');
    assert.equal(x.content.text, text.slice(x.content.start, x.content.end));
    total += x.content.end - x.content.start;
  }
  assert.ok(total < 2 * (close - open), 'the quotation is not copied per cue');
  assert.match(incises[3]!.content.text, /^la ville va bien$/);
});

test('a chain of nested attributions: contents are spans inside their parent, past two levels clause-level', () => {
  const text = 'Selon Le Monde, le ministre a affirmé que le préfet a dit que le maire a déclaré que le pont fermera lundi.';
  const a = analyze({ text }, {});
  for (const x of a.attributions) {
    if (x.parent === null) continue;
    const p = a.attributions[x.parent]!;
    assert.ok(x.cue!.start >= p.content.start && x.cue!.end <= p.content.end, `${x.cue!.text} inside its parent's content`);
  }
  // The two outer levels keep their whole content (the DESIGN contract's nesting).
  assert.match(a.attributions[0]!.content.text, /pont fermera lundi$/);
});
