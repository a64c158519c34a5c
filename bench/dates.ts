// Publication date on htmldate's French pages: recoupe end to end (the page
// file into analyze(), with the page URL known as a JSONL line gives it) beside two baselines
// measured in the same run: <meta> tags only, and chrono-node's French parser
// on the page text (first date it finds). Exact day accuracy.
// Usage: npm run bench:dates [-- --misses]
import { parseHTML } from 'linkedom';
import * as chrono from 'chrono-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/analyze.js';
import { machineDate } from '../src/layout/lexicon/dates.js';
import { PUBLISHED } from '../src/layout/html/fields.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import { loadHtmldate, type DatePage } from './dates-data.js';

/** recoupe as a user runs it: the page file into analyze() with its URL (a JSONL line {"html", "url"}). */
function recoupe(p: DatePage): string | null {
  const bytes = readFileSync(join(sharedPath('datasets', 'extraction', 'htmldate-eval-fr'), 'html', p.file));
  return analyze({ bytes, path: p.file, known: { url: p.url } }, { stages: [] }).meta.published;
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
  for (const [name, fn] of [
    ['recoupe', recoupe],
    ['meta tags only', metaOnly],
    ['chrono-node fr', chronoOnly],
  ] as const) {
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
