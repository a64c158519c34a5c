// Search in the web app, in chromium, over a real SQLite corpus (the fixture
// analyses plus two articles analysed by the real pipeline, one writing
// « Daesh », one « l'EI »): the speaker filter matches the whole name; the
// entity filter takes any of an entity's names (aliases included) and
// suggests them; the outlet field suggests outlets; results are paged, their
// matched words marked, and the whole list exports as CSV and JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { analyze } from '../src/pipeline/analyze.js';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { fitsPhone, needsChromium, openSession, screenshots, useLanguage, type Session } from './helpers/browser.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

// Invented sentences (as in test/entity-filter.test.ts).
const DAESH = analyze({
  text: 'Les combattants de Daesh ont quitté la ville mardi, a déclaré le porte-parole de la coalition.\n',
  known: { outlet: 'La Gazette', title: 'Daesh quitte la ville', language: 'fr' },
});
const EI = analyze({
  text: "Des membres de l'EI ont été arrêtés jeudi, selon la police locale.\n",
  known: { outlet: 'Le Quotidien', title: "Arrestations de membres de l'EI", language: 'fr' },
});

let s: Session;
before(async () => {
  if (needsChromium) return;
  s = await openSession(await openCorpus(await fixtureDatabase([DAESH, EI])));
});
after(async () => {
  await s?.close();
});

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${s.url}/${hash}`);
  await page.waitForSelector('main[data-ready="true"] .results');
}
const titles = (page: Page) => page.$$eval('ul.hits li .doc-line a[href^="#/doc/"]', (as) => as.map((a) => a.textContent ?? '').sort());

async function options(page: Page, input: string, typed: string): Promise<string[]> {
  await page.fill(input, '');
  await page.focus(input);
  await page.type(input, typed);
  const list = `#${await page.getAttribute(input, 'list')}`;
  await page.waitForFunction(([sel, v]) => (document.querySelector(sel) as HTMLElement | null)?.dataset.for === v, [list, typed] as const);
  return page.$$eval(`${list} option`, (os) => os.map((o) => `${(o as HTMLOptionElement).value} | ${(o as HTMLOptionElement).label}`));
}

test('the speaker filter matches the whole name by default; part of a name only when asked', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page, '#/search?speaker=Marin');
  assert.deepEqual(await titles(page), [], 'no speaker is called just "Marin"');
  assert.ok(await page.isChecked('input[name="speakerExact"]'));
  await page.uncheck('input[name="speakerExact"]');
  await page.click('.search-form button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('speakerExact=false'));
  await page.waitForSelector('main[data-ready="true"] ul.hits li');
  assert.deepEqual(await titles(page), ['Deux cents familles évacuées à Lunel', 'Le barrage de Lunel aurait cédé']);
  await open(page, '#/search?speaker=paul+MARIN');
  assert.equal((await titles(page)).length, 2, 'case aside, the whole name matches');
  await page.close();
});

test('the entity filter takes any of its names, and suggests them with their aliases', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  // « Daech » is written in neither article: its aliases find both.
  await open(page, '#/search?entity=Daech');
  assert.deepEqual(await titles(page), ["Arrestations de membres de l'EI", 'Daesh quitte la ville']);
  // A name written in the corpus (not in any knowledge base) works too.
  await open(page, '#/search?entity=Paul+Marin');
  assert.equal((await titles(page)).length, 2);
  const suggested = await options(page, 'input[name="entity"]', 'Daech');
  assert.ok(
    suggested.some((o) => /Daesh|EI/.test(o) && /organisation/.test(o)),
    `an entity suggested for "Daech", with its type: ${suggested.join(' / ')}`,
  );
  await page.fill('input[name="entity"]', suggested[0]!.split(' | ')[0]!);
  await page.click('.search-form button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('entity='));
  await page.waitForSelector('main[data-ready="true"] ul.hits li');
  assert.equal((await titles(page)).length, 2);
  await screenshots(page, 'search-entity');
  await page.close();
});

test('the outlet field suggests outlets from part of their name', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page, '#/search');
  const suggested = await options(page, 'input[name="outlet"]', 'courrier');
  assert.ok(
    suggested.some((o) => o.startsWith('Le Courrier du Nord |')),
    suggested.join(' / '),
  );
  const speakers = await options(page, 'input[name="speaker"]', 'roux');
  assert.ok(
    speakers.some((o) => o.startsWith('Claire Roux |')),
    speakers.join(' / '),
  );
  await page.close();
});

test('results are paged, with matched words marked', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page, '#/search?q=barrage&limit=1');
  const total = Number((/\d+$/.exec((await page.textContent('.pager .page-of')) ?? '') ?? ['0'])[0]);
  assert.ok(total >= 2, `several results: ${total}`);
  assert.equal(await page.$$eval('ul.hits li', (l) => l.length), 1);
  const first = await titles(page);
  assert.equal(await page.locator('.pager a.prev').count(), 0);
  await page.click('.pager a.next');
  await page.waitForFunction(() => location.hash.includes('offset=1'));
  await page.waitForSelector('main[data-ready="true"] ul.hits li');
  assert.notDeepEqual(await titles(page), first);
  assert.match((await page.textContent('.pager .page-of')) ?? '', /^2–2 sur \d+$/);
  const marks = await page.$$eval('.snippet mark', (ms) => ms.map((m) => m.textContent ?? ''));
  assert.ok(marks.length > 0 && marks.every((m) => /^barrage/i.test(m)), `marked: ${marks.join(', ')}`);
  await page.close();
});

test('the whole result list exports as CSV and JSON', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page, '#/search?q=barrage&limit=1');
  const total = Number((/\d+$/.exec((await page.textContent('.pager .page-of')) ?? '') ?? ['0'])[0]);
  const csvHref = (await page.getAttribute('a.export-csv', 'href'))!;
  const csv = await fetch(`${s.url}${csvHref}`);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="recoupe-search\.csv"/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  assert.match(lines[0]!, /^id,title,outlet,published,language,url,attributions,claims,snippet$/);
  assert.equal(lines.length - 1, total, 'every result, not one page');
  const json = (await (await fetch(`${s.url}${(await page.getAttribute('a.export-json', 'href'))!}`)).json()) as unknown[];
  assert.equal(json.length, total);
  // Lists of the other pages export too.
  for (const [hash, cls] of [
    ['#/sources', 'table.sources'],
    ['#/groups', 'ul.groups'],
  ] as const) {
    await page.goto(`${s.url}/${hash}`);
    await page.waitForSelector(`main[data-ready="true"] ${cls}`);
    const res = await fetch(`${s.url}${(await page.getAttribute('a.export-csv', 'href'))!}`);
    assert.equal(res.status, 200);
    assert.ok((await res.text()).split('\r\n').length > 2, `${hash} exports rows`);
  }
  await page.close();
});

test('search pages in English; no overflow at 390 px', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await useLanguage(page, s.url, 'en', '#/search?q=barrage&limit=1');
  await page.waitForSelector('main[data-ready="true"] .results');
  assert.match((await page.textContent('.pager')) ?? '', /1–1 of \d+.*Next/);
  assert.match((await page.textContent('.exports')) ?? '', /Export as CSV.*Export as JSON/);
  assert.ok(((await page.textContent('.search-form')) ?? '').includes('exact speaker name'));
  assert.ok(await fitsPhone(page));
  await screenshots(page, 'search-paged-en');
  await page.evaluate(() => localStorage.setItem('recoupe.lang', 'fr'));
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
