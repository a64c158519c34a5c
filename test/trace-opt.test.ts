// bench/helpers/trace-opt.ts: compile times per function from V8's --trace-opt lines (as Node 20 prints them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTimes } from '../bench/helpers/trace-opt.js';

const TRACE = [
  '[marking 0x3ebc45c20369 <JSFunction findEntities (sfi = 0x15ff2c465579)> for optimization to TURBOFAN, ConcurrencyMode::kConcurrent, reason: hot and stable]',
  '[completed compiling 0x3ebc45c20369 <JSFunction findEntities (sfi = 0x15ff2c465579)> (target TURBOFAN) - took 0.054, 94.899, 0.103 ms]',
  '[completed optimizing 0x3ebc45c20369 <JSFunction findEntities (sfi = 0x15ff2c465579)> (target TURBOFAN)]',
  '[completed compiling 0x3ebc45c20369 <JSFunction findEntities (sfi = 0x15ff2c465579)> (target TURBOFAN) - took 0.046, 4.854, 0.100 ms]',
  '[completed compiling 0x091057121ef9 <JSFunction get protocol (sfi = 0x199f0bb645d1)> (target TURBOFAN) - took 0.008, 0.528, 0.035 ms]',
  '[completed compiling 0x18683a25e711 <JSFunction (sfi = 0x199f0bb63439)> (target TURBOFAN) - took 0.010, 1.000, 0.990 ms]',
].join('\n');

test('compile times: each finished compilation counted once, per function, most time first', () => {
  const t = compileTimes(TRACE);
  assert.equal(t.count, 4);
  assert.ok(Math.abs(t.totalMs - 102.627) < 1e-6);
  assert.deepEqual(
    t.byFunction.map((f) => [f.name, f.count, Number(f.ms.toFixed(3))]),
    [
      ['findEntities', 2, 100.056],
      ['(anonymous)', 1, 2],
      ['get protocol', 1, 0.571],
    ],
  );
});

test('compile times: a trace without compilations gives none', () => {
  assert.deepEqual(compileTimes('[marking 0x1 <JSFunction f (sfi = 0x2)> for optimization]\n'), { count: 0, totalMs: 0, byFunction: [] });
});
