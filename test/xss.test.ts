// Article text is hostile. An XSS corpus (script tags, event handlers,
// javascript: links, SVG payloads) in article text, titles, sources, claim
// groups, narratives and Markdown links must render inert: in the HTML and
// Markdown reports (checked statically) and in the web app and a report
// opened in chromium (window.__xss never set, no dialog, no page error).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { articleReportHtml, corpusReportHtml } from '../src/present/report-html.js';
import { articleReportMd } from '../src/present/report-md.js';
import { CorpusSummary } from '../src/present/report-summary.js';
import { HOSTILE_DOC, fixtureCorpus } from './fixtures/web-corpus.js';
import { XSS_PAYLOADS, hostileHtml, hostileMarkdown } from './fixtures/xss-payloads.js';
import { needsChromium, openSession, screenshot, type Session } from './helpers/browser.js';
import type { Page } from 'playwright-core';

const ACTIVE = 'script, iframe, object, embed, img, svg, math, style:not(head style), link:not(head link), base, form, meta:not(head meta)';

/** Elements or attributes that could run code, in a parsed document. */
function activeContent(document: Document): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll(ACTIVE)) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      if (name.startsWith('on')) found.push(`${el.tagName}[${name}]`);
      if ((name === 'href' || name === 'src' || name === 'action') && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`${el.tagName}[${name}=${value}]`);
    }
  }
  return found;
}

test('the HTML reports render every payload as text', () => {
  const s = new CorpusSummary();
  s.add(HOSTILE_DOC, 'articles/x.html');
  for (const html of [articleReportHtml(HOSTILE_DOC, 'fr'), corpusReportHtml(s, 'en')]) {
    const { document } = parseHTML(html);
    assert.deepEqual(activeContent(document), []);
    assert.equal(document.querySelectorAll('head > style').length, 1);
  }
  const { document } = parseHTML(articleReportHtml(HOSTILE_DOC, 'fr'));
  // Nothing was dropped: the payloads are there, as text.
  assert.ok(document.querySelector('.text')!.textContent!.includes(XSS_PAYLOADS[0]!));
  assert.equal(document.querySelector('title')!.textContent, `Rapport — ${XSS_PAYLOADS[0]}`);
  assert.ok(document.querySelector('.text .m-source')!.getAttribute('title')!.includes(XSS_PAYLOADS[2]!));
});

test('the Markdown report cannot produce links, images or HTML from article text', () => {
  const md = articleReportMd(HOSTILE_DOC, 'en');
  assert.doesNotMatch(md, /(?<!\\)<(script|img|svg|iframe|a|details|body|style|math)/i);
  assert.doesNotMatch(md, /(?<!\\)\]\((?!<https?:)/);
});

let s: Session;
before(async () => {
  if (!needsChromium) s = await openSession(fixtureCorpus());
});
after(async () => {
  await s?.close();
});

async function assertInert(page: Page, where: string) {
  await page.waitForTimeout(150);
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, `${where}: window.__xss was set`);
  const found = await page.evaluate((sel) => {
    const out: string[] = [];
    // The app's own drawings: the timeline, and the graph legend's shape icons (built node by node, no article text).
    for (const el of document.querySelectorAll(sel)) {
      const drawing = el.classList.contains('timeline') || (el.classList.contains('icon') && el.closest('.graph-legend, .edge-toggle'));
      if (!(el.tagName === 'svg' && drawing)) out.push(el.tagName);
    }
    for (const el of document.querySelectorAll('body *'))
      for (const a of [...el.attributes])
        if (a.name.startsWith('on') || (a.name === 'href' && /^\s*(javascript|data|vbscript):/i.test(a.value))) out.push(`${el.tagName}[${a.name}=${a.value}]`);
    return out;
  }, 'body script, body iframe, body object, body embed, body img, body svg, body math, body style');
  assert.deepEqual(found, [], where);
}

test('the web app renders hostile stored documents, claim groups, graph, narratives and search inert', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  const routes = [`#/doc/${HOSTILE_DOC.id}`, '#/group/g-hostile', '#/groups', '#/narratives', '#/graph', `#/search?q=${encodeURIComponent('<script')}`];
  for (const r of routes) {
    await page.goto(`${s.url}/${r}`);
    await page.waitForSelector('main[data-ready="true"]');
    // Click every highlighted passage and open every disclosure: payloads in details must stay text too.
    for (const seg of await page.$$('.text .seg')) await seg.click();
    for (const d of await page.$$('details summary')) await d.click();
    await assertInert(page, r);
  }
  await page.goto(`${s.url}/#/doc/${HOSTILE_DOC.id}`);
  await page.waitForSelector('.analysis .text');
  assert.ok((await page.textContent('.analysis .text'))!.includes(XSS_PAYLOADS[1]!), 'payload shown as text');
  assert.equal(await page.$$eval('a[href]', (as) => as.filter((a) => !/^(https?:|#\/|\/api\/)/.test(a.getAttribute('href')!)).length), 0);
  await screenshot(page, 'xss-hostile-document');
  await page.close();
});

test('pasting hostile HTML and Markdown into the analyser renders them inert', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  for (const [format, text] of [
    ['html', hostileHtml()],
    ['markdown', hostileMarkdown()],
    ['', XSS_PAYLOADS.join('\n')],
  ] as const) {
    await page.goto(`${s.url}/#/analyze`);
    await page.fill('#article', text);
    await page.selectOption('#format', format);
    await page.click('#analyze');
    await page.waitForSelector('.analysis .text, #result .error');
    for (const d of await page.$$('details summary')) await d.click();
    await assertInert(page, `pasted ${format || 'text'}`);
  }
  await screenshot(page, 'xss-pasted');
  await page.close();
});

test("a hostile document's report page served by the API stays inert", { skip: needsChromium }, async () => {
  const page = await s.newPage();
  await page.goto(`${s.url}/#/doc/${HOSTILE_DOC.id}`);
  await page.click('a.report-html');
  await page.waitForSelector('.text .m-source');
  await assertInert(page, 'report page');
  await page.close();
});

test('a hostile HTML report opened in the browser stays inert', { skip: needsChromium }, async () => {
  const page = await s.newPage();
  // A report is a file of its own: open it outside the app (about:blank), under its own meta CSP only.
  await page.goto('about:blank');
  await page.setContent(articleReportHtml(HOSTILE_DOC, 'en'));
  assert.ok(await page.$eval('.text .m-source', (e) => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)'), 'inline report CSS applies');
  await assertInert(page, 'report');
  await screenshot(page, 'xss-report');
  await page.close();
});

test('no dialog, page error or request off the app during the XSS tests', { skip: needsChromium }, () => {
  assert.deepEqual(s.problems, []);
});
