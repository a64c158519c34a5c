// The reading view of one analysis, in chromium: it starts with the
// attributions only (entities and claims one click away), its colour key
// names every colour the text uses, a passage's details speak a
// fact-checker's language (who, according to whom, how sure, which rule; an
// entity by its name and type, never its key), and each metadata value shows
// where it came from, with a visible warning when it was guessed.
// Screenshots at 1366 and 390 px go to a temp folder (helpers/browser.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../src/lang/resources.js';
import { openCorpus } from '../src/server/corpus-adapter.js';
import { fitsPhone, needsChromium, openSession, screenshots, useLanguage, type Session } from './helpers/browser.js';
import { fixtureDatabase } from './fixtures/web-corpus-db.js';

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(await openCorpus(await fixtureDatabase()));
});
after(async () => {
  await s?.close();
});

async function analysed(page: Page, file: string, lang: 'fr' | 'en' = 'fr'): Promise<void> {
  await useLanguage(page, s.url, lang);
  await page.waitForSelector('#article');
  await page.fill('#article', readFileSync(join(PACKAGE_ROOT, 'examples', file), 'utf8'));
  if (file.endsWith('.html')) await page.selectOption('#format', 'html');
  await page.click('#analyze');
  await page.waitForSelector('.analysis .text');
}

test('the reading view starts with the attributions only; entities and claims are one click away', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await analysed(page, 'port-de-valmont.txt');
  const on = await page.$$eval('.legend input[data-layer]', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-layer'), (e as HTMLInputElement).checked])),
  );
  assert.deepEqual(on, {
    'm-source': true,
    'm-anon': true,
    'm-cue': true,
    'm-content': true,
    'm-via': true,
    'm-hedged': true,
    'm-ent': false,
    'm-claim': false,
  });
  // Entity tags are not shown (nor read) until the layer is switched on: one click.
  const entityTags = () => page.$$eval('.text .tag.m-ent', (els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
  assert.equal(await entityTags(), 0);
  await page.check('.legend input[data-layer="m-ent"]');
  assert.ok((await entityTags()) > 0);
  await page.close();
});

test('the colour key names every colour used in the text: content kinds and entity types', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await analysed(page, 'port-de-valmont.txt');
  await page.check('.legend input[data-layer="m-ent"]');
  await page.click('.colour-key summary');
  // Each kind and type class present in the text has a swatch, and the swatch wears the colour the text does.
  const missing = await page.evaluate(() => {
    const out: string[] = [];
    const used = new Set<string>();
    for (const el of document.querySelectorAll('.text .seg')) for (const c of el.classList) if (/^m-(k|ent)-/.test(c)) used.add(c);
    for (const c of used) {
      const swatch = document.querySelector(`.colour-key [data-key="${c}"]`);
      const seg = document.querySelector(`.text .seg.${c}`)!;
      if (!swatch) out.push(`${c}: no swatch`);
      else {
        const prop = c.startsWith('m-ent') ? 'borderBottomColor' : 'textDecorationColor';
        const a = getComputedStyle(swatch)[prop as 'color'];
        const b = getComputedStyle(seg)[prop as 'color'];
        if (a !== b) out.push(`${c}: swatch ${a}, text ${b}`);
      }
    }
    return { out, used: [...used] };
  });
  assert.ok(missing.used.some((c) => c.startsWith('m-ent-')) && missing.used.some((c) => c.startsWith('m-k-')), 'the article uses both kinds of colour');
  assert.deepEqual(missing.out, []);
  const key = (await page.textContent('.colour-key')) ?? '';
  for (const word of ['direct', 'indirect', 'selon', 'personne', 'organisation', 'lieu', 'date', 'quantité'])
    assert.ok(key.includes(word), `key names "${word}"`);
  await screenshots(page, 'reading-key');
  await page.close();
});

test('details speak a fact-checker’s language: who, according to whom, how sure, which rule; an entity by its name and type', {
  skip: needsChromium,
}, async () => {
  const page = await s.newPage();
  await analysed(page, 'port-de-valmont.txt');
  await page.click('.text .seg.m-source');
  const attr = (await page.textContent('.details')) ?? '';
  for (const label of ['Qui parle', 'Selon qui', 'Certitude', 'Règle qui l’a trouvé']) assert.ok(attr.includes(label), `"${label}" in ${attr}`);
  assert.doesNotMatch(attr, /Règle qui l’a trouvé(non indiquée|que|incise|object|according)$/m, 'the rule is said in words');
  await page.check('.legend input[data-layer="m-ent"]');
  await page.click('.text .seg.m-ent-PER >> nth=0');
  const ent = (await page.textContent('.details .entity-detail')) ?? '';
  assert.match(ent, /Nom.+Type\s*personne/s);
  assert.doesNotMatch(ent, /per:|PER\//, 'no raw entity key');
  assert.match((await page.getAttribute('.details a.entity-search', 'href')) ?? '', /^#\/search\?entity=per%3A/);
  // English too.
  await analysed(page, 'port-de-valmont.txt', 'en');
  await page.click('.text .seg.m-source');
  const en = (await page.textContent('.details')) ?? '';
  for (const label of ['Who speaks', 'According to whom', 'How sure', 'Rule that found it']) assert.ok(en.includes(label), `"${label}" in ${en}`);
  await page.close();
});

test('metadata shows its evidence, with a visible warning on a guessed value', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await analysed(page, 'port-de-valmont.txt');
  // A plain-text article: its date was read from a date line, a guess.
  assert.equal(await page.getAttribute('dl.meta dd[data-field="published"]', 'data-provenance'), 'guessed');
  assert.ok(await page.isVisible('dl.meta dd[data-field="published"] .guess'));
  await page.click('dl.meta dd[data-field="published"] details.evidence summary');
  assert.match((await page.textContent('dl.meta dd[data-field="published"] details.evidence')) ?? '', /date line.+Publié le 14 février 2023/s);
  await screenshots(page, 'reading-meta-guessed');
  // A page that declares its date in <meta>: no warning.
  await analysed(page, 'barrage-sur-la-lune.html');
  assert.equal(await page.getAttribute('dl.meta dd[data-field="published"]', 'data-provenance'), 'declared');
  assert.equal(await page.locator('dl.meta dd[data-field="published"] .guess').count(), 0);
  await page.close();
});

test('on a phone, the details of a tapped passage are on screen', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await analysed(page, 'port-de-valmont.txt');
  const segs = page.locator('.text .seg.m-source');
  await segs.nth((await segs.count()) - 1).click();
  const box = await page.evaluate(() => {
    const r = document.querySelector('.details')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, h: innerHeight };
  });
  assert.ok(box.top < box.h && box.bottom > 0, `details on screen: ${JSON.stringify(box)}`);
  assert.ok(((await page.textContent('.details')) ?? '').includes('Qui parle'));
  assert.ok(await fitsPhone(page));
  await page.close();
});

test('no page error, dialog, CSP violation or request off the app', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
