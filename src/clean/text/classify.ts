// Which blocks of a scraped text are the article and which are furniture.
// The body runs from the first to the last prose block (a long block with
// sentence punctuation that no boilerplate rule claims). Before it lies the
// page head (title, by-line, date line, outlet, category links, slug); after
// it the tail (signature, origin notice, disclaimers, widgets). Boilerplate
// rules (lang/*/boilerplate.tsv) apply everywhere; the head/tail rules only
// in their zone. Metadata read from removed lines becomes hints.
import type { MetaHint } from '../index.js';
import { TAIL_BLOCKS, boilerplateReason } from '../boilerplate.js';
import { dateLine, findDates, resolveYear, type FoundDate } from '../../meta/dates.js';
import { firstGroup, metaCues } from '../../meta/cues.js';
import { originsOfLine } from '../../meta/origin.js';
import type { Line, TextBlock } from './blocks.js';

/** A prose block: this long, ending like a sentence or holding many words. */
const PROSE_CHARS = 80;
const PROSE_WORDS = 20;
/** Head/tail lines judged as title, date line or signature are short. */
const SHORT_LINE = 160;

export interface Classified {
  blocks: TextBlock[];
  verdicts: (string | undefined)[];
  hints: MetaHint[];
}

/** Furniture whose text still carries metadata (the author, the date). */
const CARRIES_META = new Set(['byline', 'dateline']);

const isProse = (b: TextBlock) => !b.heading && b.plain.length >= PROSE_CHARS && (/[.!?…»"”]\s*$/u.test(b.plain) || b.plain.split(/\s+/).length >= PROSE_WORDS);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
const DOMAIN = /\b((?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6})\b/i;
const LINK_ONLY = (b: TextBlock) => b.lines.every((l) => l.links.length > 0 && l.links.reduce((n, k) => n + k.end - k.start, 0) >= l.plain.replace(/[\s,;|·•]+/g, '').length * 0.8);

/** Input offset just after a line's last copied character. */
function lineEnd(l: Line): number {
  const p = l.pieces.at(-1);
  return p ? p.at + p.s.length : l.start;
}

/** A line that furniture rules recognise on its own. */
const isFurnitureLine = (t: string) => !!boilerplateReason(t) || !!dateLine(t) || (t.length < SHORT_LINE && !!firstGroup(metaCues().byline, t));

/**
 * Scraped pages glue menu, by-line and date lines into one paragraph
 * ("Par X\nPublié le …"): a multi-line block with a line furniture rules
 * recognise is split into one block per line. Hard-wrapped prose has none.
 */
function explode(blocks: TextBlock[]): TextBlock[] {
  return blocks.flatMap((b) =>
    b.lines.length > 1 && b.lines.some((l) => isFurnitureLine(l.plain))
      ? b.lines.map((l) => ({ lines: [l], start: l.start, end: lineEnd(l), plain: l.plain, heading: l.heading }))
      : [b],
  );
}

export function classify(input: TextBlock[]): Classified {
  const blocks = explode(input);
  const hints: MetaHint[] = [];
  const late: MetaHint[] = [];
  const cues = metaCues();
  const verdicts: (string | undefined)[] = blocks.map((b, i) => boilerplateReason(b.plain, i >= blocks.length - TAIL_BLOCKS));
  const prose = blocks.map((b, i) => !verdicts[i] && isProse(b));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const allDates = findDates(blocks.map((b) => b.plain).join('\n'));
  const origin = (i: number): boolean => {
    const named = originsOfLine(blocks[i]!.plain);
    if (!named.length) return false;
    verdicts[i] = 'origin';
    for (const n of named) hints.push({ field: 'origin', value: n, rule: 'origin notice', text: blocks[i]!.plain });
    return true;
  };
  const author = (i: number, reason: string, rule: string) => {
    verdicts[i] = reason;
    hints.push({ field: 'author', value: blocks[i]!.plain, rule, text: blocks[i]!.plain });
  };

  // Notices in removed furniture still say which site this is (after the head's own date line, which names it more directly).
  blocks.forEach((b, i) => {
    if (!verdicts[i]) return;
    const outlet = firstGroup(cues.outletLine, b.plain);
    if (outlet) late.push({ field: 'outlet', value: outlet, rule: 'outlet notice', text: b.plain });
    else if (verdicts[i] === 'page chrome') {
      const m = DOMAIN.exec(b.plain);
      if (m) late.push({ field: 'outlet', value: m[1]!, rule: 'domain in page chrome', text: b.plain });
    }
  });

  // Head.
  let title: string | undefined;
  const dateLines: { i: number; date: FoundDate; rest: string; announced: boolean }[] = [];
  for (let i = 0; i < (first < 0 ? blocks.length : first); i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    const dl = dateLine(t) ?? (verdicts[i] === 'dateline' ? firstDateOf(t) : undefined);
    if (dl) {
      // "announced": a rule saw "Publié le …" / "Published …"; what surrounds the date is then no outlet name.
      dateLines.push({ i, ...dl, announced: verdicts[i] === 'dateline' });
      verdicts[i] = 'dateline';
      continue;
    }
    if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && firstGroup(cues.byline, t))) author(i, 'byline', 'by-line');
    else if (SLUG.test(t)) verdicts[i] = 'slug';
    else if (origin(i)) continue;
    else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
    else if (title !== undefined && t === title) verdicts[i] = 'title';
    else if (title === undefined && t.length < SHORT_LINE && (blocks[i]!.heading || !/[.!?]$/.test(t))) {
      title = t;
      verdicts[i] = 'title';
      hints.push({ field: 'title', value: t, rule: blocks[i]!.heading ? 'first heading' : 'first short line', text: t });
    }
  }
  // Several date lines above the body: the last is the article's; earlier ones are crawl or page dates.
  dateLines.forEach((d, k) => {
    if (k < dateLines.length - 1) {
      verdicts[d.i] = 'crawl date';
      return;
    }
    const iso = d.date.iso ?? resolveYear(d.date, allDates);
    if (iso) hints.push({ field: 'published', value: iso, rule: 'date line', text: blocks[d.i]!.plain });
    if (!d.announced && d.rest && /^\p{Lu}/u.test(d.rest) && d.rest.length > 2 && d.rest.split(' ').length <= 4) hints.push({ field: 'outlet', value: d.rest, rule: 'date line', text: blocks[d.i]!.plain });
  });

  // Tail.
  for (let i = last + 1; last >= 0 && i < blocks.length; i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    if (origin(i)) continue;
    if (t.length < SHORT_LINE && firstGroup(cues.signature, t)) author(i, 'signature', 'signature');
    else if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && firstGroup(cues.byline, t))) author(i, 'byline', 'by-line');
    else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
  }
  // Origin notices inside the body too ("Source : …" between paragraphs).
  for (let i = Math.max(first, 0); i <= last; i++) if (!verdicts[i] && !prose[i]) origin(i);
  hints.push(...late);
  return { blocks, verdicts, hints };
}

/** The first dated expression of a line a rule already called a date line ("Publié le … par la rédaction de …"). */
function firstDateOf(t: string): { date: FoundDate; rest: string } | undefined {
  const d = findDates(t).find((x) => x.iso);
  return d ? { date: d, rest: '' } : undefined;
}
