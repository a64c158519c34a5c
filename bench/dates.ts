// Publication date on htmldate's French pages: recoupe (clean + meta, as
// `recoupe analyze` runs them, with the page URL known) beside two baselines
// measured in the same run: <meta> tags only, and chrono-node's French parser
// on the page text (first date it finds). Exact day accuracy.
// Usage: npm run bench:dates [-- --misses]
import { parseHTML } from 'linkedom';
import * as chrono from 'chrono-node';
import { clean } from '../src/clean/index.js';
import { layout } from '../src/layout/index.js';
import { guessMeta } from '../src/meta/index.js';
import { Doc } from '../src/doc/doc.js';
import { machineDate } from '../src/layout/lexicon/dates.js';
import { PUBLISHED } from '../src/layout/html/fields.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { loadHtmldate, type DatePage } from './dates-data.js';

function recoupe(p: DatePage): string | null {
  const page = layout(p.html, 'html', { url: p.url });
  const c = clean(page, p.html);
  const doc = new Doc({ text: c.text, input: { path: null, format: 'html' }, source: p.html, map: c.map });
  guessMeta(doc, { raw: false, page });
  return doc.meta.published;
}

function metaOnly(p: DatePage): string | null {
  const { document } = parseHTML(p.html);
  for (const s of PUBLISHED) {
    if (!s.meta) continue;
    const v = document.querySelector(`meta[name="${s.meta}"], meta[property="${s.meta}"], meta[itemprop="${s.meta}"]`)?.getAttribute('content');
    const d = v ? machineDate(v) : null;
    if (d) return d;
  }
  return null;
}

function chronoOnly(p: DatePage): string | null {
  const { document } = parseHTML(p.html);
  for (const el of Array.from(document.querySelectorAll('script, style, noscript'))) el.remove();
  const text = (document.body?.textContent ?? '').replace(/\s+/g, ' ');
  // A fixed reference date so that "today" never leaks into the answer.
  const r = chrono.fr.parse(text, new Date('2000-01-01T00:00:00Z')).find((x) => x.start.isCertain('year') && x.start.isCertain('day'));
  if (!r) return null;
  const d = r.start;
  return `${d.get('year')}-${String(d.get('month')).padStart(2, '0')}-${String(d.get('day')).padStart(2, '0')}`;
}

function main(): void {
  if (!hasShared) {
    console.log('../shared is not present: nothing to measure');
    return;
  }
  const pages = loadHtmldate(sharedPath('datasets', 'extraction', 'htmldate-eval-fr'));
  const showMisses = process.argv.includes('--misses');
  for (const [name, fn] of [['recoupe', recoupe], ['meta tags only', metaOnly], ['chrono-node fr', chronoOnly]] as const) {
    let ok = 0;
    let none = 0;
    for (const p of pages) {
      const got = fn(p);
      if (got === p.gold) ok++;
      else {
        if (got === null) none++;
        if (showMisses && name === 'recoupe') console.log(`  miss ${p.file}: got ${got} gold ${p.gold}`);
      }
    }
    console.log(`${name.padEnd(16)} ${ok}/${pages.length} exact day = ${((100 * ok) / pages.length).toFixed(1)}%  (no date: ${none})`);
  }
  console.log('reference: htmldate (Python) reports 0.90 on its evaluation');
}

main();
