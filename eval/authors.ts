// Author extraction on HTML pages against the DEV gold (eval/gold/html-authors-dev.json):
// name-level precision and recall, and pages whose author list is exactly right
// (including pages with no author). Usage: npm run eval:authors [-- --verbose]
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { hasShared } from '../test/helpers/shared.js';
import { loadAuthorPages } from './gold/html-authors.js';

/** Names compare case-insensitively, with white space and a final full stop normalised. */
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').replace(/’/g, "'").replace(/\.$/, '').trim().toLowerCase();

const verbose = process.argv.includes('--verbose');

if (!hasShared) console.log('../shared is not present: nothing to evaluate');
else {
  let tp = 0;
  let predicted = 0;
  let wanted = 0;
  let exact = 0;
  const pages = loadAuthorPages();
  for (const p of pages) {
    const got = analyzeDoc({ bytes: p.bytes, path: p.path, known: p.url ? { url: p.url } : {} }).meta.authors;
    const want = new Set(p.authors.map(norm));
    const hits = new Set(got.map(norm).filter((a) => want.has(a)));
    tp += hits.size;
    predicted += got.length;
    wanted += want.size;
    const right = hits.size === want.size && got.length === want.size;
    if (right) exact++;
    if (verbose && !right) console.log(`  ${p.file}: got ${JSON.stringify(got)}, want ${JSON.stringify(p.authors)}`);
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
  console.log(
    `html authors (DEV, ${pages.length} pages): precision ${pct(tp, predicted)} (${tp}/${predicted}), recall ${pct(tp, wanted)} (${tp}/${wanted}), pages exactly right ${exact}/${pages.length}`,
  );
}
