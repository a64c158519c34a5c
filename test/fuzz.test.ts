// Hostile input through the whole pipeline (`analyze` with the default stages,
// raw and cleaned, as text, Markdown and HTML): nothing may throw, and time
// must grow linearly. Linearity is checked without any absolute threshold:
// the same generator at n and 4n characters must take less than
// MAX_RATIO times as long (4 when linear, 16 when quadratic), n growing from
// N until the smaller input takes long enough to time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalyzeInput, type AnalyzeOptions } from '../src/pipeline/analyze.js';
import type { InputFormat } from '../src/doc/schema.js';
import { prng } from './helpers/prng.js';

const MAX_RATIO = 8;
/** Characters in the smaller of the two timed inputs (the larger is 4 times this). */
const N = 5_000;

/** A string of about n characters: `unit` repeated. */
const rep = (unit: string) => (n: number) => unit.repeat(Math.max(1, Math.ceil(n / unit.length)));
const nested = (open: string, close: string) => (n: number) => open.repeat(n / 2) + 'a' + close.repeat(n / 2);

/** Pieces random mixes are drawn from: every mark the text core reacts to, words, spaces and breaks. */
const PIECES = [...'«»“”„‹›"\'’.…!?-‐‑[]()@:/#*•\n\u00a0'].concat([
  ' ',
  ' ',
  ' ',
  '\n\n',
  "l'",
  'a',
  'A',
  'Il',
  'M.',
  'etc.',
  '1',
  '5.143',
  '1er',
  'http://',
  'www.',
  '](',
  'dit-il',
  '-t-',
  'Ã©',
  '<p>',
  '</p>',
  '<a href="x">',
  '&amp;',
]);
function mix(seed: number) {
  return (n: number) => {
    const r = prng(seed);
    const out: string[] = [];
    let len = 0;
    while (len < n) {
      const p = PIECES[Math.floor(r() * PIECES.length)]!;
      out.push(p);
      len += p.length;
    }
    return out.join('');
  };
}

const QUOTES = ['«', '»', '“', '”', '„', '‹', '›', '"', "'", '’'];
const GENERATORS: Record<string, (n: number) => string> = {
  ...Object.fromEntries(
    QUOTES.flatMap((q) => [
      [`quotes ${q}`, rep(q)],
      [`spaced quotes ${q}`, rep(`${q}a `)],
    ]),
  ),
  '« » alternations': rep('«»'),
  '« » spaced alternations': rep('« a » '),
  '« at every paragraph start': rep('« a\n\n'),
  '» at every paragraph end': rep('a »\n\n'),
  dots: rep('.'),
  initials: rep('A. '),
  'ellipses and capitals': rep('… A '),
  "l'l'l'": rep("l'"),
  'a-a-a-': rep('a-'),
  'a-t-il chains': rep('a-t-'),
  capitals: rep('A'),
  'nested square brackets': nested('[', ']'),
  'nested parentheses': nested('(', ')'),
  'link openers': rep('[a]('),
  'open labels': rep('['),
  'dotted at signs': rep('a.a@a.'),
  'URL prefixes': rep('http://'),
  'digits and separators': rep('1.1,'),
  'line breaks': rep('\n'),
  'short lines': rep('a\n'),
  'list items': rep('- a\n'),
  paragraphs: rep('a\n\n'),
  mojibake: rep('Ã©'),
  tags: rep('<p>'),
  ...Object.fromEntries([1, 2, 3, 4].map((s) => [`random mix #${s}`, mix(s)])),
};

const MODES: { name: string; options: AnalyzeOptions; format?: InputFormat; bytes?: boolean }[] = [
  { name: 'raw', options: { raw: true } },
  { name: 'text', options: {}, format: 'text' },
  { name: 'markdown', options: {}, format: 'markdown' },
  { name: 'html', options: {}, format: 'html' },
  { name: 'bytes', options: {}, bytes: true },
];

function run(s: string, mode: (typeof MODES)[number]): void {
  const input: AnalyzeInput = mode.bytes ? { bytes: Buffer.from(s), path: 'fuzz.txt' } : { text: s, format: mode.format };
  try {
    analyze(input, mode.options);
  } catch (e) {
    // Refusing input with a clear reason (e.g. "binary file") is fine; crashing is not.
    if ((e as Error).name === 'DecodeError') return;
    throw e;
  }
}

/** Process CPU time and wall-clock time (ms) of one run. */
function measure(s: string, mode: (typeof MODES)[number]): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  run(s, mode);
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: Number(process.hrtime.bigint() - w0) / 1e6 };
}

/**
 * The best of three runs, by both clocks. Each clock has its own noise: CPU
 * time counts V8's background compiler and garbage-collector threads (a pause
 * on a 2 ms input once made a linear generator look 10 times slower at 4n),
 * wall-clock time counts other processes on the cores. A super-linear stage
 * shows in both, so the ratio kept is the smaller of the two.
 */
function best(s: string, mode: (typeof MODES)[number]): { cpu: number; wall: number } {
  let cpu = Infinity;
  let wall = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = measure(s, mode);
    cpu = Math.min(cpu, t.cpu);
    wall = Math.min(wall, t.wall);
  }
  return { cpu, wall };
}

/** Below this, one pause of the runtime is a large share of a timing: inputs grow until they take longer. */
const MIN_MS = 8;

/** time(4n) / time(n), measured again (at a larger n) when noise makes it look super-linear. */
function growth(gen: (n: number) => string, mode: (typeof MODES)[number]): number {
  let n = N;
  run(gen(n), mode); // warm-up
  while (n < 16 * N && measure(gen(n), mode).wall < MIN_MS) n *= 2;
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= MAX_RATIO; attempt++, n *= 2) {
    const small = best(gen(n), mode);
    const large = best(gen(4 * n), mode);
    // A floor of 1 ms keeps timer noise on very fast inputs from inflating the ratio.
    const ratioOf = (k: 'cpu' | 'wall') => Math.max(1, large[k]) / Math.max(1, small[k]);
    ratio = Math.min(ratio, ratioOf('cpu'), ratioOf('wall'));
  }
  return ratio;
}

// Linearity is timed on the cleaned text path (every stage, clean and meta
// included) for every generator, and on HTML for the mixes; every other mode
// must only not throw (timing all of them would make the suite slow).
for (const mode of MODES) {
  test(`hostile input, ${mode.name}: nothing throws${mode.name === 'text' || mode.name === 'html' ? ' and time grows linearly' : ''}`, () => {
    const slow: string[] = [];
    for (const [name, gen] of Object.entries(GENERATORS)) {
      const timed = mode.name === 'text' || (mode.name === 'html' && (name.startsWith('random') || name === 'tags'));
      if (!timed) {
        run(gen(N), mode);
        continue;
      }
      const ratio = growth(gen, mode);
      if (ratio >= MAX_RATIO) slow.push(`${name}: time(4n)/time(n) = ${ratio.toFixed(1)}`);
    }
    assert.deepEqual(slow, [], 'super-linear generators');
  });
}

test('100k quotes of each kind, raw: nothing throws and quotations stay bounded', () => {
  for (const q of QUOTES) {
    const a = analyze(q.repeat(100_000), { raw: true });
    const quoted = a.quotes!.reduce((sum, x) => sum + x.text.length, 0);
    // Nesting is capped, so the quotation layer stays linear in the text, however the marks pile up.
    assert.ok(quoted <= 20 * a.text.length, `${q}: ${quoted} quoted characters`);
  }
});

/** A line of about n characters: words with the marks the text core reacts to, and no line break at all. */
function singleLine(n: number): string {
  const words = [
    'anticonstitutionnellement',
    "l'administration",
    "« Aujourd'hui",
    'a-t-il',
    'déclaré. »',
    'M. Dupont-Aignan',
    'etc.',
    '1er',
    '5.143',
    'https://exemple.fr/a',
    '(voir',
    '[lien](x)',
    '"guillemets"',
    '… Puis',
  ];
  const r = prng(20);
  const out: string[] = [];
  for (let len = 0; len < n; ) {
    const w = words[Math.floor(r() * words.length)]!;
    out.push(w);
    len += w.length + 1;
  }
  return out.join(' ');
}

test('a 20 MB single line goes through, in linear time (compared with 5 MB)', () => {
  const cpu = (line: string) => {
    const t0 = process.cpuUsage();
    const a = analyze(line, { raw: true });
    const t = process.cpuUsage(t0);
    assert.equal(a.text.length, line.length);
    assert.ok(a.sentences.length > 0 && a.tokens!.length > 0);
    return (t.user + t.system) / 1000;
  };
  const small = cpu(singleLine(5 * 1024 * 1024));
  const large = cpu(singleLine(20 * 1024 * 1024));
  // Per-sentence or per-token look-backs to the start of the line would make this 16.
  assert.ok(large / small < MAX_RATIO, `time(20 MB) / time(5 MB) = ${(large / small).toFixed(1)}`);
});
