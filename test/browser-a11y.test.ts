// Accessibility and phone layout of every page of the web app, in chromium:
// axe-core finds no serious or critical violation; every page has one h1,
// a banner, a navigation and a main landmark, and a skip link to the main
// content; at 390 px nothing overflows horizontally. Screenshots at 1366 and
// 390 px go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { axeViolations } from './helpers/axe.js';
import { needsChromium, openSession, screenshot, type Session } from './helpers/browser.js';
import { FIXTURE_DOCS } from './fixtures/web-corpus.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

/** Every route, with what to wait for before checking it (the group's id is read from the API in before()). */
let PAGES: [name: string, hash: string, ready: string][] = [];
const pages = (groupId: string): typeof PAGES => [
  ['analyze', '#/analyze', '#article'],
  ['search', '#/search', 'ul.hits'],
  ['search-filtered', '#/search?speaker=Paul+Marin', 'ul.hits'],
  ['search-paged', '#/search?q=barrage&entity=Lunel&limit=1', '.pager'],
  ['groups', '#/groups', 'ul.groups'],
  ['group', `#/group/${encodeURIComponent(groupId)}`, 'table.mentions'],
  ['document', `#/doc/${FIXTURE_DOCS[1]!.id}`, '.analysis .text'],
  ['sources', '#/sources', 'table.sources'],
  ['graph', '#/graph', '#graph[data-nodes] canvas'],
  // The timeline itself is test/browser.test.ts's business; here the page only has to be ready (a timeline or "nothing found").
  ['narratives', '#/narratives', ':is(svg.timeline, p.muted)'],
];

let s: Session;
before(async () => {
  if (needsChromium) return;
  s = await openSession(await openCorpus(await fixtureDatabase()));
  const groups = (await (await fetch(`${s.url}/api/claim-groups?q=barrage`)).json()) as { items: { id: string }[] };
  PAGES = pages(groups.items[0]!.id);
});
after(async () => {
  await s?.close();
});

async function open(page: Page, hash: string, ready: string): Promise<void> {
  await page.goto(`${s.url}/${hash}`);
  await page.waitForSelector(`main[data-ready="true"] ${ready}`);
}

async function structure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const h1 = document.querySelectorAll('h1');
    if (h1.length !== 1) problems.push(`${h1.length} h1`);
    for (const sel of ['header', 'nav', 'main']) if (!document.querySelector(sel)) problems.push(`no ${sel}`);
    const skip = document.querySelector('body a.skip-link, #app > a.skip-link');
    if (!skip) problems.push('no skip link');
    return problems;
  });
}

/** The interface language is read when the app starts: set it, then reload. */
async function setLang(page: Page, lang: 'fr' | 'en'): Promise<void> {
  await page.goto(`${s.url}/#/analyze`);
  await page.evaluate((l) => localStorage.setItem('recoupe.lang', l), lang);
  await page.reload();
}

async function pasteArticle(page: Page): Promise<void> {
  await page.fill('#article', readFileSync(join(PACKAGE_ROOT, 'examples', 'port-de-valmont.txt'), 'utf8'));
  await page.click('#analyze');
  await page.waitForSelector('.analysis .text');
}

for (const lang of ['fr', 'en'] as const) {
  test(`axe-core: no serious or critical violation on any page (${lang}, 1366 px)`, { skip: needsChromium }, async () => {
    const page = await s.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await setLang(page, lang);
    const found: string[] = [];
    for (const [name, hash, ready] of PAGES) {
      await open(page, hash, ready);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      if (name === 'analyze') await pasteArticle(page);
      if (name === 'document') {
        await page.click('.text .seg.m-source');
        await page.check('.legend input[data-layer="m-ent"]');
        await page.check('.legend input[data-layer="m-claim"]');
        await page.click('.colour-key summary');
      }
      if (name === 'group') {
        await page.click('details.claimreview summary');
        await page.waitForSelector('.cr-status.incomplete');
      }
      if (name === 'graph') {
        await page.click('details.nodes summary');
        await page.click('.node-list button >> nth=0');
      }
      for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
      for (const p of await structure(page)) found.push(`${name}: ${p}`);
      if (lang === 'fr') await screenshot(page, `a11y-1366-${name}`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}

test('the skip link moves the focus to the main content', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page, `#/doc/${FIXTURE_DOCS[1]!.id}`, '.analysis .text');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page');
  assert.match(page.url(), /#\/doc\//, 'the route is kept');
  await page.close();
});

test('speaker and cue roles are in the accessible text of the reading view', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await setLang(page, 'fr');
  await open(page, `#/doc/${FIXTURE_DOCS[1]!.id}`, '.analysis .text');
  const tree = (await page.locator('.analysis .text').ariaSnapshot()).toLowerCase();
  assert.match(tree, /affirme\s*\(\s*verbe\s*\)\s*une source proche du dossier\s*\(\s*anonyme\s*\)/);
  assert.match(tree, /l'agence presse continentale\s*\(\s*via\s*\)/);
  await page.close();
});

test('no horizontal overflow at 390 px on any page', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const wide: string[] = [];
  for (const [name, hash, ready] of PAGES) {
    await open(page, hash, ready);
    if (name === 'analyze') await pasteArticle(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${name}: ${width} px`);
    const offscreen = await page.$$eval('nav a, nav button', (els) => els.filter((e) => e.getBoundingClientRect().right > 390).map((e) => e.textContent));
    if (offscreen.length) wide.push(`${name}: off-screen ${offscreen.join(', ')}`);
    await screenshot(page, `a11y-390-${name}`);
  }
  assert.deepEqual(wide, []);
  await page.close();
});

test('French: plurals, the narrow no-break space before a colon, server errors in French', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await setLang(page, 'fr');
  await open(page, '#/search?q=barrage&anonymous=true', 'ul.hits');
  assert.equal(await page.textContent('.results > p.muted'), '1 résultat');
  await open(page, '#/search?speaker=Paul+Marin', 'ul.hits');
  assert.equal(await page.textContent('.results > p.muted'), '2 résultats');
  await page.goto(`${s.url}/#/doc/0000000000000000`);
  await page.waitForSelector('main[data-ready="true"] .error');
  assert.equal(await page.textContent('main .error'), 'Erreur\u202f: Introuvable.');
  assert.equal(await page.locator('main h1').count(), 1, 'the page keeps its h1 when loading fails');
  await open(page, '#/doc/' + FIXTURE_DOCS[1]!.id, '.analysis .text');
  assert.match((await page.textContent('.report-links')) ?? '', /^Rapport\u202f: HTML/);
  await page.close();
});

test('a text over the body limit of the server is refused before upload, with its size and the limit', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await setLang(page, 'fr');
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  const { maxBody } = (await (await fetch(`${s.url}/api/health`)).json()) as { maxBody: number };
  await page.fill('#article', 'x'.repeat(maxBody + 1024));
  await page.click('#analyze');
  await page.waitForSelector('.too-large');
  assert.match(
    (await page.textContent('.too-large')) ?? '',
    /^Erreur\u202f: Texte trop long \(2 Mio\) : le serveur accepte au plus 2 Mio\. Rien n’a été envoyé\.$/,
  );
  assert.deepEqual(posts, []);
  await page.close();
});

test('corpus pages show a loading indicator until their data arrives', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/sources?*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${s.url}/#/sources`);
  await page.waitForSelector('main p.loading[role="status"]');
  release();
  await page.waitForSelector('main[data-ready="true"] table.sources');
  assert.equal(await page.locator('main p.loading').count(), 0);
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  // axe-core itself (evaluated by the test, so with no script URL) tries inline styles, which the CSP refuses: not the app's doing.
  const axeOwn = (p: string) => /Applying inline style violates/.test(p) && p.endsWith('{"url":"","line":11,"column":0,"lineNumber":11,"columnNumber":0}');
  const deliberate404 = (p: string) => p.includes('/api/documents/0000000000000000');
  assert.deepEqual(
    s.problems.filter((p) => !axeOwn(p) && !deliberate404(p)),
    [],
  );
});
