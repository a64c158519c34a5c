// A long analysis in the web app, in chromium: it shows its progress (time
// elapsed) and a Cancel button; Cancel aborts the request, the server cancels
// the analysis and frees its worker (the pool's own tests in
// src/pipeline/worker-pool.test.ts prove the freeing without a browser), and
// the next analysis runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { needsChromium, openSession, screenshots, type Session } from './helpers/browser.js';

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(null);
});
after(async () => {
  await s?.close();
});

test('a long analysis shows its progress and can be cancelled; its worker is freed', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/analyze`);
  await page.waitForSelector('#article');
  const { maxBody } = (await (await fetch(`${s.url}/api/health`)).json()) as { maxBody: number };
  // An example article repeated to just under the server's body limit: an analysis of many seconds.
  const article = readFileSync(join(PACKAGE_ROOT, 'examples', 'port-de-valmont.txt'), 'utf8');
  const long = `${article}\n\n`.repeat(Math.floor((maxBody * 0.9) / Buffer.byteLength(`${article}\n\n`)));
  // Set directly: typing 2 MB into the text area would take minutes.
  await page.$eval('#article', (el, v) => ((el as HTMLTextAreaElement).value = v), long);
  await page.click('#analyze');
  await page.waitForSelector('.progress[role="status"] button.cancel');
  assert.ok(await page.isDisabled('#analyze'));
  await page.waitForFunction(() => /^[1-9]\d* s/.test(document.querySelector('.progress .elapsed')?.textContent ?? ''));
  assert.equal(s.server.pool.busy, 1, 'the analysis holds a worker');
  await screenshots(page, 'analyze-progress');
  await page.click('button.cancel');
  await page.waitForSelector('.cancelled');
  assert.equal(await page.textContent('.cancelled'), 'Analyse annulée.');
  assert.ok(await page.isEnabled('#analyze'));
  // The server saw the request go and cancelled the analysis: no worker holds it any more.
  while (s.server.pool.cancelled === 0) await new Promise((r) => setTimeout(r, 50));
  assert.equal(s.server.pool.busy, 0);
  assert.equal(s.server.pool.size, 1, 'a fresh worker replaces the cancelled one');
  await page.fill('#article', article);
  await page.click('#analyze');
  await page.waitForSelector('.analysis .text');
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  // The cancelled request is reported by chromium as a failed fetch: that is the point.
  assert.deepEqual(
    s.problems.filter((p) => !/ERR_ABORTED|net::|aborted/i.test(p)),
    [],
  );
});
