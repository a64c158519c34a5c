// A claim group's page, in chromium, over the real SQLite fixture corpus: the
// verdict with what it rests on (which upstream sources, whether each counts,
// the articles leading back to each, which parts of the claims matched), a
// verdict that never reads "confirmed" without two distinct named upstream
// sources, and the ClaimReview form producing complete JSON-LD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { fitsPhone, needsChromium, openSession, screenshots, useLanguage, type Session } from './helpers/browser.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

let s: Session;
let groupId = '';
before(async () => {
  if (needsChromium) return;
  s = await openSession(await openCorpus(await fixtureDatabase()));
  const groups = (await (await fetch(`${s.url}/api/claim-groups?q=barrage`)).json()) as { items: { id: string }[] };
  groupId = groups.items[0]!.id;
});
after(async () => {
  await s?.close();
});

async function open(page: Page): Promise<void> {
  await page.goto(`${s.url}/#/group/${encodeURIComponent(groupId)}`);
  await page.waitForSelector('main[data-ready="true"] table.mentions');
}

test('the verdict shows what it rests on: the upstream sources, which count, and the articles behind each', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  assert.equal(await page.getAttribute('.verdict-box .verdict', 'data-verdict'), 'independent');
  const because = (await page.textContent('.verdict-box .because')) ?? '';
  assert.match(because, /^2 sources en amont distinctes et nommées/);
  assert.ok(because.includes('Claire Roux') && because.includes('Presse Continentale'), because);
  // Le Courrier du Nord's headline in its own voice leads to the source its article gives (Presse Continentale): the
  // outlet's voice is no upstream of its own.
  const rows = await page.$$eval('ul.upstream > li', (lis) =>
    lis.map((li) => ({
      name: li.firstChild!.textContent,
      counts: li.querySelector('.counts')!.classList.contains('yes'),
      docs: li.querySelectorAll('.leads a[href^="#/doc/"]').length,
    })),
  );
  assert.deepEqual(rows.map((r) => [r.name, r.counts]).sort(), [
    ['Claire Roux', true],
    ["l'agence Presse Continentale", true],
  ]);
  assert.ok(
    rows.every((r) => r.docs >= 1),
    'each upstream source lists the articles leading to it',
  );
  // Which parts matched: shared entities, linked to their articles.
  // Named as the articles write them, never by their key (« Lunel », not « lunel » or a GeoNames number).
  const shared = await page.$$eval('.matched a[href^="#/search?entity="]', (as) => as.map((a) => a.textContent));
  assert.ok(shared.includes('Lunel'), JSON.stringify(shared));
  await screenshots(page, 'group-evidence');
  await page.close();
});

test("the server's reasons and matches read in the interface's language, French here", { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  const texts = async (selector: string) => page.$$eval(selector, (lis) => lis.map((li) => li.textContent ?? ''));
  const reasons = await texts('details.reasons li');
  const matches = await texts('details.explanation li');
  assert.ok(reasons.length >= 2 && matches.length >= 1, `${reasons.length} reasons, ${matches.length} matches`);
  assert.match(reasons[0]!, /^indépendantes\u202f: 2 sources en amont distinctes et nommées/);
  // Every mention's chain in French words (« dans », « voix propre de », « relayé par »), never the English ones.
  const english = /\b(?:independent|single upstream|undetermined|own voice|relayed by|no source given|in \S|wording|predicate|entities|the same day)\b/;
  for (const text of [...reasons, ...matches]) assert.doesNotMatch(text, english, text);
  assert.ok(
    reasons.slice(1).every((r) => / dans |^«.*» — voix propre de /.test(r)),
    reasons.join('\n'),
  );
  assert.ok(
    matches.every((m) => /formulation \(poids commun/.test(m)),
    matches.join('\n'),
  );
  await page.close();
});

test('nothing reads "confirmed" without two distinct named upstream sources', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  // The server's answer altered: "independent" with a single named upstream source.
  await page.route(`**/api/claim-groups/${encodeURIComponent(groupId)}`, async (route) => {
    const g = await (await route.fetch()).json();
    g.upstream = g.upstream
      .filter((u: { anonymous: boolean }) => u.anonymous)
      .concat(g.upstream.filter((u: { anonymous: boolean }) => !u.anonymous).slice(0, 1));
    await route.fulfill({ json: g });
  });
  await open(page);
  assert.equal(await page.getAttribute('.verdict-box .verdict', 'data-verdict'), 'undetermined');
  assert.ok(await page.isVisible('.verdict-box .guard'));
  assert.equal(await page.locator('.verdict.independent').count(), 0);
  await page.close();
});

test('the ClaimReview form produces complete schema.org JSON-LD', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  await page.click('details.claimreview summary');
  await page.waitForFunction(() => (document.querySelector('pre.jsonld')?.textContent ?? '').includes('ClaimReview'));
  assert.match((await page.textContent('.cr-status')) ?? '', /^À remplir/);
  await page.selectOption('select[name="rating"]', '1');
  await page.fill('textarea[name="explanation"]', 'Le barrage est intact selon la préfecture.');
  await page.fill('input[name="org"]', 'Vérif Sud');
  await page.fill('input[name="url"]', 'https://verif.example/lunel');
  await page.fill('input[name="date"]', '2024-03-06');
  await page.waitForSelector('.cr-status.complete');
  const ld = JSON.parse((await page.textContent('pre.jsonld'))!);
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'ClaimReview');
  assert.match(ld.claimReviewed, /barrage de Lunel/);
  // The verdict in the interface's words, on the 1 (false) to 5 (true) scale.
  assert.equal(ld.reviewRating.ratingValue, 1);
  assert.equal(ld.reviewRating.alternateName, 'Faux');
  assert.equal(ld.reviewRating.ratingExplanation, 'Le barrage est intact selon la préfecture.');
  assert.deepEqual(ld.author, { '@type': 'Organization', name: 'Vérif Sud' });
  assert.equal(ld.url, 'https://verif.example/lunel');
  assert.equal(ld.datePublished, '2024-03-06');
  assert.equal(ld.itemReviewed['@type'], 'Claim');
  assert.ok(ld.itemReviewed.appearance.length >= 2);
  assert.equal(ld.creativeWorkStatus, undefined);
  assert.ok(!JSON.stringify(ld).includes('null'));
  await screenshots(page, 'group-claimreview');
  assert.ok(await fitsPhone(page));
  await page.close();
});

test("the group's mentions export whole as CSV and JSON", { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await open(page);
  const total = await page.$$eval('table.mentions tbody tr', (rows) => rows.length);
  assert.equal(await page.textContent('a.export-csv'), 'Exporter en CSV');
  const csv = await fetch(`${s.url}${(await page.getAttribute('a.export-csv', 'href'))!}`);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="recoupe-mentions\.csv"/);
  const lines = (await csv.text()).trimEnd().split('\r\n');
  assert.match(lines[0]!, /^document\.id,document\.title,.*,text,hedged,source,sourceKey,anonymous,cue,via$/);
  assert.equal(lines.length - 1, total);
  const json = (await (await fetch(`${s.url}${(await page.getAttribute('a.export-json', 'href'))!}`)).json()) as unknown[];
  assert.equal(json.length, total);
  await page.close();
});

test('the group page in English', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await useLanguage(page, s.url, 'en', '#/groups');
  await open(page);
  assert.match((await page.textContent('.verdict-box .because')) ?? '', /^2 distinct named upstream sources/);
  assert.ok(((await page.textContent('ul.upstream')) ?? '').includes('counts towards independence'));
  assert.equal(await page.textContent('a.export-json'), 'Export as JSON');
  await page.evaluate(() => localStorage.setItem('recoupe.lang', 'fr'));
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
