// The web app in a real browser over a real SQLite corpus: analyse a pasted
// article and see its layers; a stored document with hand-made layers
// (fixture analyses); a claim group; the graph; the timeline; the language
// toggle; the "no corpus" state. Screenshots go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { analyze } from '../src/pipeline/analyze.js';
import { needsChromium, openSession, screenshot, type Session } from './helpers/browser.js';
import { FIXTURE_DOCS } from './fixtures/web-corpus.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';
import { openCorpus } from '../src/server/corpus-adapter.js';

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(await openCorpus(await fixtureDatabase()));
});
after(async () => {
  await s?.close();
});

test('a pasted article is analysed and shown with its layers', { skip: needsChromium }, async () => {
  const article = readFileSync(join(PACKAGE_ROOT, 'examples', 'port-de-valmont.txt'), 'utf8');
  const expected = analyze({ text: article });
  const page = await s.newPage();
  await page.goto(`${s.url}/#/analyze`);
  await page.fill('#article', article);
  await page.click('#analyze');
  await page.waitForSelector('.analysis .text');
  // The highlighted text is the clean text, character for character.
  assert.equal((await page.textContent('.analysis .text .seg, .analysis .text')) !== null, true);
  const shown = await page.$eval('.analysis .text', (el) =>
    [...el.childNodes]
      .filter((n) => !(n instanceof HTMLElement && n.classList.contains('tag')))
      .map((n) => n.textContent)
      .join(''),
  );
  assert.equal(shown, expected.text);
  // Every attribution's speaker is highlighted as a speaker.
  const speakers = await page.$$eval('.analysis .text .seg.m-source', (els) => els.map((e) => e.textContent).join(''));
  const expectedSpeakers = expected.attributions.filter((a) => a.source).map((a) => a.source!.text);
  for (const sp of expectedSpeakers) assert.ok(speakers.includes(sp), `speaker "${sp}" highlighted`);
  assert.equal(await page.$$eval('.attributions tbody tr', (r) => r.length), expected.attributions.length);
  assert.match((await page.textContent('details.removed summary')) ?? '', new RegExp(`\\(${expected.removed.length}\\)`));
  await screenshot(page, 'analyze-pasted-article');
  await page.close();
});

test('speakers, cues, via chains and entities are highlighted with details on click (fixture layers)', { skip: needsChromium }, async () => {
  const doc = FIXTURE_DOCS[1]!;
  const page = await s.newPage();
  await page.goto(`${s.url}/#/doc/${doc.id}`);
  await page.waitForSelector('.analysis .text');
  const anon = await page.$$eval('.text .seg.m-source.m-anon', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(anon, 'une source proche du dossier');
  const via = await page.$$eval('.text .seg.m-via', (els) => els.map((e) => e.textContent).join(''));
  assert.equal(via, "l'agence Presse Continentale");
  assert.ok(await page.$('.text .seg.m-cue.m-hedged'), 'the hedged cue is marked');
  assert.ok(await page.$('.text .tag.tag-source.m-anon'), 'an "anonymous" tag follows the source');
  await page.click('.text .seg.m-source');
  const details = (await page.textContent('.details')) ?? '';
  assert.match(details, /affirme/);
  assert.match(details, /Info Express ← l'agence Presse Continentale ← une source proche du dossier/);
  // Hiding a layer through the legend removes its tags.
  await page.uncheck('.legend input[data-layer="m-source"]');
  assert.equal(await page.$eval('.text .tag.tag-source', (e) => getComputedStyle(e).display), 'none');
  await page.check('.legend input[data-layer="m-source"]');
  await screenshot(page, 'document-fixture-layers');
  await page.goto(`${s.url}/#/doc/${FIXTURE_DOCS[0]!.id}`);
  await page.waitForSelector('.analysis .text');
  assert.deepEqual(await page.$$eval('.text .seg.m-ent-PER', (els) => els.map((e) => e.textContent)), ['Paul Marin']);
  await screenshot(page, 'document-fixture-direct-quote');
  await page.close();
});

test('an uploaded HTML file is analysed', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/analyze`);
  await page.setInputFiles('#upload', join(PACKAGE_ROOT, 'examples', 'barrage-sur-la-lune.html'));
  await page.waitForFunction(() => (document.querySelector('#article') as HTMLTextAreaElement).value.includes('<html'));
  assert.equal(await page.inputValue('#format'), 'html');
  await page.click('#analyze');
  await page.waitForSelector('.analysis .text');
  const expected = analyze({ text: readFileSync(join(PACKAGE_ROOT, 'examples', 'barrage-sur-la-lune.html'), 'utf8'), format: 'html' });
  assert.equal(await page.textContent('.doc-title'), expected.meta.title ?? expected.id.slice(0, 12));
  await page.close();
});

test('search with filters finds the stored documents; no filter lists them all', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/search`);
  await page.waitForSelector('ul.hits');
  assert.equal(await page.$$eval('ul.hits li', (l) => l.length), FIXTURE_DOCS.length + 1);
  await page.fill('input[name="speaker"]', 'Paul Marin');
  await page.click('.search-form button');
  await page.waitForFunction(() => location.hash.includes('speaker='));
  await page.waitForSelector('main[data-ready="true"] ul.hits');
  const titles = await page.$$eval('ul.hits li .doc-line a[href^="#/doc/"]', (as) => as.map((a) => a.textContent).sort());
  assert.deepEqual(titles, ['Deux cents familles évacuées à Lunel', 'Le barrage de Lunel aurait cédé']);
  await page.goto(`${s.url}/#/search?q=barrage&anonymous=true`);
  await page.waitForSelector('main[data-ready="true"] ul.hits');
  assert.deepEqual(await page.$$eval('ul.hits li .doc-line a[href^="#/doc/"]', (as) => as.map((a) => a.textContent)), ['Lunel : le barrage aurait cédé']);
  assert.ok(await page.isChecked('input[name="anonymous"]'));
  await screenshot(page, 'search-filters');
  await page.close();
});

test('the sources page lists speakers and outlets, anonymous ones apart', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/sources?anonymous=true`);
  await page.waitForSelector('main[data-ready="true"] table.sources');
  assert.deepEqual(await page.$$eval('table.sources tbody td.anon a', (as) => as.map((a) => a.textContent)), ['une source proche du dossier']);
  await page.goto(`${s.url}/#/sources`);
  await page.waitForSelector('main[data-ready="true"] table.sources');
  const names = await page.$$eval('table.sources tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
  assert.ok(names.includes('Paul Marin') && names.includes('Radio Sud'));
  await page.close();
});

test('a claim group shows who, when, the chain, independence and links to the articles', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/groups`);
  // Every group of the list says its verdict in words (never by colour alone), one of the three states.
  await page.waitForSelector('ul.groups li .badge');
  const badges = await page.$$eval('ul.groups li', (lis) =>
    lis.map((li) => [li.querySelector('.badge')?.getAttribute('data-verdict'), li.querySelector('.badge')?.textContent]),
  );
  assert.ok(badges.length > 0 && badges.every(([v, text]) => ['independent', 'single-upstream', 'undetermined'].includes(v ?? '') && (text ?? '').length > 0));
  // The group of the dam's failure, whatever mention labels it (the most central whole clause).
  await page.click('ul.groups li >> text=/barrage de Lunel.*cédé/');
  await page.waitForSelector('table.mentions');
  // Three body sentences and the first article's title ("Le barrage de Lunel aurait cédé"): titles state claims too.
  const mentions = await page.$$eval('table.mentions tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
  assert.equal(mentions.length, 4);
  assert.ok(mentions.some((m) => m.includes('Le barrage de Lunel aurait cédé')));
  assert.match((await page.textContent('.group-label')) ?? '', /barrage de Lunel/);
  assert.ok(await page.$('.verdict.independent'));
  const origins = await page.$$eval('ul.upstream li', (lis) => lis.map((l) => l.firstChild!.textContent));
  // The title is in the outlet's own voice, above a body that credits Presse Continentale: it leads there, never to an
  // upstream of its own.
  assert.deepEqual(origins.sort(), ['Claire Roux', "l'agence Presse Continentale"]);
  const chains = await page.$$eval('table.mentions tbody tr td:nth-child(3)', (els) => els.map((e) => e.textContent));
  assert.ok(chains.includes("Info Express ← l'agence Presse Continentale ← une source proche du dossier"));
  const hrefs = await page.$$eval('table.mentions a[href^="https://"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('https://radiosud.example/barrage'));
  await page.click('details.claimreview summary');
  await page.waitForFunction(() => (document.querySelector('pre.jsonld')?.textContent ?? '').includes('ClaimReview'));
  await screenshot(page, 'claim-group');
  await page.close();
});

test('the source graph renders interactively', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/graph`);
  await page.waitForSelector('#graph[data-nodes] canvas');
  const api = await (await fetch(`${s.url}/api/graph?limit=300`)).json();
  assert.ok(api.nodes.length >= FIXTURE_DOCS.length, 'one node per outlet at least');
  assert.equal(await page.getAttribute('#graph', 'data-nodes'), String(api.nodes.length));
  assert.equal(await page.getAttribute('#graph', 'data-edges'), String(api.edges.length));
  await page.click('details.nodes summary');
  await page.click('.node-list button:text-is("Paul Marin")');
  assert.equal(await page.textContent('.graph-info h3'), 'Paul Marin');
  assert.equal(await page.getAttribute('.graph-info a.node-search', 'href'), '#/search?speaker=Paul+Marin');
  await page.waitForTimeout(300);
  await screenshot(page, 'graph');
  await page.close();
});

test('the narratives timeline renders one dot per dated article', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/narratives`);
  await page.waitForSelector('svg.timeline');
  const api: { events: { date: string | null }[] }[] = await (await fetch(`${s.url}/api/narratives`)).json();
  assert.ok(api.length >= 1);
  assert.equal(await page.$$eval('svg.timeline circle.event', (c) => c.length), api.flatMap((n) => n.events.filter((e) => e.date)).length);
  assert.equal(await page.$$eval('svg.timeline .lane-label', (c) => c.length), api.length);
  await screenshot(page, 'narratives-timeline');
  await page.close();
});

test('the interface switches between French and English', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/analyze`);
  await page.waitForSelector('#lang-toggle');
  const before = await page.textContent('nav');
  await page.click('#lang-toggle');
  const afterText = await page.textContent('nav');
  assert.notEqual(before, afterText);
  assert.ok([before, afterText].some((t) => t?.includes('Rechercher')) && [before, afterText].some((t) => t?.includes('Search')));
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});

test('without a corpus the corpus pages say so', { skip: needsChromium }, async () => {
  const bare = await openSession(null);
  try {
    const page = await bare.newPage();
    await page.goto(`${bare.url}/#/groups`);
    await page.waitForSelector('.no-corpus');
    await screenshot(page, 'no-corpus');
  } finally {
    await bare.close();
  }
});
