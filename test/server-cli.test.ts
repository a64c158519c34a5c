// `recoupe serve` as a user runs it: listens on loopback, answers, stops
// cleanly on SIGTERM; bad options are usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { runCli, cliArgs } from './helpers/cli.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

test('recoupe serve --db listens on 127.0.0.1, serves the corpus and stops on SIGTERM', async () => {
  const db = await fixtureDatabase();
  const child = spawn(process.execPath, cliArgs(['serve', '--port', '0', '--db', db, '--workers', '1']), { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d: string) => {
      log += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
  });
  try {
    const health = await (await fetch(`${url}/api/health`)).json();
    assert.equal(health.corpus, true);
    const docs = await (await fetch(`${url}/api/documents`)).json();
    assert.ok(docs.total > 0);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, log);
});

test('bad serve options are usage errors with one clear line', () => {
  const port = runCli(['serve', '--port', '99999']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port must be an integer from 0 to 65535/);
  const db = runCli(['serve', '--db', '/nonexistent/x.db']);
  assert.equal(db.code, 2);
  assert.match(db.stderr, /no such file/);
  assert.doesNotMatch(db.stderr, /at .*\.ts:\d+/);
});
