// Browser tests: Debian's chromium driven by playwright-core, against a real
// `recoupe serve` server on loopback. Tests skip with a clear reason when
// /usr/bin/chromium is missing (CI installs it via .ci/run).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { RecoupeServer } from '../../src/server/app.js';
import type { CorpusPort } from '../../src/server/corpus-port.js';
import { buildWeb } from '../../tools/build-web.js';

export const CHROMIUM = '/usr/bin/chromium';
export const needsChromium = existsSync(CHROMIUM) ? false : `browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`;
/** Screenshots: a temp folder (never committed), or RECOUPE_ARTIFACTS. */
export const ARTIFACTS = process.env.RECOUPE_ARTIFACTS ?? join(tmpdir(), 'recoupe-test-artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  url: string;
  context: BrowserContext;
  server: RecoupeServer;
  /** Problems seen by the page: uncaught errors, dialogs, CSP violations, failed requests off loopback. */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Build the web app into a temp folder, serve it with `corpus`, and launch chromium with a fresh profile (browser language `locale`). */
export async function openSession(corpus: CorpusPort | null, locale = 'fr-FR'): Promise<Session> {
  const tmp = mkdtempSync(join(tmpdir(), 'recoupe-browser-'));
  const staticDir = await buildWeb(join(tmp, 'web'));
  const server = new RecoupeServer({ corpus, staticDir, workers: 1 });
  const url = await server.listen(0, '127.0.0.1');
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale,
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console on ${page.url()}: ${m.text()} ${JSON.stringify(m.location())}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('data:')) problems.push(`request off the app: ${r.url()}`);
    });
  };
  context.on('page', watch);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    context,
    server,
    problems,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Screenshots of the page at 1366 px and at 390 px (a phone), then back to the viewport it had. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await screenshot(page, `${name}-${width}`);
  }
  if (before) await page.setViewportSize(before);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The interface language is read when the app starts: open `hash`, set the language, reload. */
export async function useLanguage(page: Page, url: string, lang: 'fr' | 'en', hash = '#/analyze'): Promise<void> {
  await page.goto(`${url}/${hash}`);
  await page.evaluate((l) => localStorage.setItem('recoupe.lang', l), lang);
  await page.reload();
}

/** Nothing wider than a phone screen (390 px): the page does not scroll sideways. */
export async function fitsPhone(page: Page): Promise<boolean> {
  await page.setViewportSize({ width: 390, height: 844 });
  return (await page.evaluate(() => document.documentElement.scrollWidth)) <= 390;
}
