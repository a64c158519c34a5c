import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { Progress } from './progress.js';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let written = '';
  stream.on('data', (b: Buffer) => (written += b.toString()));
  return { stream, written: () => written };
}

test('on a terminal the progress ends on a line with the final count, however throttled the ticks were', () => {
  const t = terminal(true);
  const p = new Progress(t.stream, 'analysed');
  for (let i = 0; i < 8; i++) p.tick();
  p.done();
  assert.match(t.written(), /analysed: 8 in \d+\.\d s \([\d.]+\/s\)\n$/);
});

test('piped, the progress writes nothing', () => {
  const t = terminal(false);
  const p = new Progress(t.stream, 'analysed');
  p.tick();
  p.done();
  assert.equal(t.written(), '');
});
