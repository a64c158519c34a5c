// `recoupe serve` stops on SIGINT/SIGTERM/SIGHUP, and under npx stops when npm
// is gone even if nothing forwarded a signal (issue 18: `kill` of `npx recoupe
// serve` left its node child running). The chain npm → sh → node is played by a
// node process standing in for npm and a real `sh -c` under it. No timing:
// each test waits for the server's own exit.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'recoupe.js');
const linux = process.platform === 'linux';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((r) => setTimeout(r, 100));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`serve exits 0 on ${signal}`, { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (err.includes('listening on')) child.kill(signal);
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, err);
  });
}

test('under npm, serve stops when npm is killed and no signal reaches it', { skip: linux ? false : 'reads /proc (Linux)', timeout: 60_000 }, async () => {
  // The stand-in for npm: runs `sh -c` (as npm exec does) with npm_command set, prints the server's pid, stays.
  const npm = `
    const { spawn } = require('node:child_process');
    const sh = spawn('sh', ['-c', ${JSON.stringify(`"${process.execPath}" "${BIN}" serve --port 0 2>/dev/null & echo $!; wait`)}],
      { env: { ...process.env, npm_command: 'exec' }, stdio: ['ignore', 'inherit', 'inherit'] });
    setInterval(() => {}, 1000);`;
  const fake = spawn(process.execPath, ['-e', npm], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(fake.stdout, 'data')) as [Buffer];
  const server = Number(line.toString().trim());
  assert.ok(server > 0 && alive(server), 'the server runs');
  fake.kill('SIGKILL');
  await gone(server);
  assert.ok(!alive(server), 'the server stopped once npm was gone');
});
