// The goal, in chromium: a reviewer finds a speaker, an entity and a
// claim's evidence in at most 3 clicks from the app's first page. Each path
// counts its clicks (typing a name is not a click; pressing Enter is not).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { needsChromium, openSession, screenshots, type Session } from './helpers/browser.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';
import { FIXTURE_DOCS } from './fixtures/web-corpus.js';

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(await openCorpus(await fixtureDatabase()));
});
after(async () => {
  await s?.close();
});

/** A page opened at `hash` (the app's first page by default), and a click that counts itself. */
async function start(hash = ''): Promise<{ page: Page; click: (selector: string) => Promise<void>; clicks: () => number }> {
  const page = await s.newPage();
  await page.goto(`${s.url}/${hash}`);
  await page.waitForSelector('main[data-ready="true"]');
  let n = 0;
  return {
    page,
    clicks: () => n,
    async click(selector) {
      n++;
      await page.click(selector);
    },
  };
}

const ready = (page: Page, sel: string) => page.waitForSelector(`main[data-ready="true"] ${sel}`);
const titles = (page: Page) => page.$$eval('ul.hits li .doc-line a[href^="#/doc/"]', (as) => as.map((a) => a.textContent ?? '').sort());

test('a speaker in 2 clicks: Sources, then the name, gives the articles quoting them', { skip: needsChromium }, async () => {
  const { page, click, clicks } = await start();
  await click('nav a[href="#/sources"]');
  await ready(page, 'table.sources');
  await click('table.sources a:text-is("Paul Marin")');
  await ready(page, 'ul.hits');
  assert.deepEqual(await titles(page), ['Deux cents familles évacuées à Lunel', 'Le barrage de Lunel aurait cédé']);
  assert.ok(clicks() <= 3, `${clicks()} clicks`);
  await page.close();
});

test('an entity in 2 clicks: Search, type its name, Search', { skip: needsChromium }, async () => {
  const { page, click, clicks } = await start();
  await click('nav a[href="#/search"]');
  await ready(page, '.results');
  await page.fill('input[name="entity"]', 'Lunel');
  await click('.search-form button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('entity=Lunel'));
  await ready(page, 'ul.hits li');
  assert.equal((await titles(page)).length, 5, 'the five articles naming Lunel');
  assert.ok(clicks() <= 3, `${clicks()} clicks`);
  await page.close();
});

test('an entity from an article in 3 clicks: show entities, the entity, its articles', { skip: needsChromium }, async () => {
  const { page, click, clicks } = await start(`#/doc/${FIXTURE_DOCS[0]!.id}`);
  await ready(page, '.analysis .text');
  await click('.legend input[data-layer="m-ent"]');
  await click('.text .seg.m-ent-PER');
  assert.match((await page.textContent('.details .entity-detail')) ?? '', /Paul Marin.*personne/s);
  await click('.details a.entity-search');
  await ready(page, 'ul.hits li');
  assert.equal((await titles(page)).length, 2);
  assert.ok(clicks() <= 3, `${clicks()} clicks`);
  await page.close();
});

test('a claim’s evidence in 2 clicks: Claims, then the claim, shows its verdict and the sources it rests on', { skip: needsChromium }, async () => {
  const { page, click, clicks } = await start();
  await click('nav a[href="#/groups"]');
  await ready(page, 'ul.groups');
  await click('ul.groups a:has-text("barrage de Lunel")');
  await ready(page, '.verdict-box');
  assert.ok(await page.isVisible('.verdict-box .because'));
  assert.ok((await page.locator('ul.upstream > li .counts.yes').count()) >= 2, 'the two named upstream sources are shown');
  assert.ok(await page.isVisible('ul.upstream .leads a[href^="#/doc/"]'));
  assert.ok(clicks() <= 3, `${clicks()} clicks`);
  await screenshots(page, 'path-claim-evidence');
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
