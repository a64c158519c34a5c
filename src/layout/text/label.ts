// Page layout of a scraped text: which blocks are the article and which are
// furniture, each labelled with its reason (src/layout/roles.ts gives the role).
// The body runs from the first to the last prose block (a long block with
// sentence punctuation that no boilerplate rule claims). Before it lies the
// page head (title, by-line, date line, outlet, category links, slug); after
// it the tail (signature, origin notice, disclaimers, widgets). Boilerplate
// rules (lang/*/boilerplate.tsv) apply everywhere; the head/tail rules only
// in their zone. The meta stage reads the values (title, authors, dates,
// origins) from the labelled blocks (src/meta/from-blocks.ts).
import { TAIL_BLOCKS, boilerplateReason } from '../lexicon/boilerplate.js';
import { dateLine, findDates, type FoundDate } from '../lexicon/dates.js';
import { firstGroup, metaCues, originsOfLine } from '../lexicon/cues.js';
import type { Line, TextBlock } from './blocks.js';
import type { Zone } from '../types.js';

/** A prose block: this long, ending like a sentence or holding many words. */
const PROSE_CHARS = 80;
const PROSE_WORDS = 20;
/** Head/tail lines judged as title, date line or signature are short. */
const SHORT_LINE = 160;

export interface Labelled {
  blocks: TextBlock[];
  /** the furniture reason of each block; undefined for article text */
  verdicts: (string | undefined)[];
  /** the rule that recognised a block carrying metadata: "first heading", "date line", "announced date line" */
  rules: (string | undefined)[];
  zones: Zone[];
  /** furniture named by a boilerplate rule of lang/<xx>/boilerplate.tsv before the zone rules ran */
  boilerplate: boolean[];
}

/** Furniture whose text still carries metadata (the author, the date). */
const CARRIES_META = new Set(['byline', 'dateline']);

const isProse = (b: TextBlock) => !b.heading && b.plain.length >= PROSE_CHARS && (/[.!?…»"”]\s*$/u.test(b.plain) || b.plain.split(/\s+/).length >= PROSE_WORDS);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
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

export function labelTextBlocks(input: TextBlock[]): Labelled {
  const blocks = explode(input);
  const cues = metaCues();
  const rules: (string | undefined)[] = blocks.map(() => undefined);
  const verdicts: (string | undefined)[] = blocks.map((b, i) => boilerplateReason(b.plain, i >= blocks.length - TAIL_BLOCKS));
  const prose = blocks.map((b, i) => !verdicts[i] && isProse(b));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const origin = (i: number): boolean => {
    if (!originsOfLine(blocks[i]!.plain).length) return false;
    verdicts[i] = 'origin';
    return true;
  };
  const author = (i: number, reason: string) => {
    verdicts[i] = reason;
  };
  const boilerplate = verdicts.map((v) => !!v);

  // Head.
  let title: string | undefined;
  const dateLines: { i: number; announced: boolean }[] = [];
  for (let i = 0; i < (first < 0 ? blocks.length : first); i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    const dl = dateLine(t) ?? (verdicts[i] === 'dateline' ? firstDateOf(t) : undefined);
    if (dl) {
      // "announced": a rule saw "Publié le …" / "Published …"; what surrounds the date is then no outlet name.
      dateLines.push({ i, announced: verdicts[i] === 'dateline' });
      verdicts[i] = 'dateline';
      continue;
    }
    if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && firstGroup(cues.byline, t))) author(i, 'byline');
    else if (SLUG.test(t)) verdicts[i] = 'slug';
    else if (origin(i)) continue;
    else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
    else if (title !== undefined && t === title) verdicts[i] = 'title';
    else if (title === undefined && t.length < SHORT_LINE && (blocks[i]!.heading || !/[.!?]$/.test(t))) {
      title = t;
      verdicts[i] = 'title';
      rules[i] = blocks[i]!.heading ? 'first heading' : 'first short line';
    }
  }
  // Several date lines above the body: the last is the article's; earlier ones are crawl or page dates.
  dateLines.forEach((d, k) => {
    if (k < dateLines.length - 1) verdicts[d.i] = 'crawl date';
    else rules[d.i] = d.announced ? 'announced date line' : 'date line';
  });

  // Tail.
  for (let i = last + 1; last >= 0 && i < blocks.length; i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    if (origin(i)) continue;
    if (t.length < SHORT_LINE && firstGroup(cues.signature, t)) author(i, 'signature');
    else if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && firstGroup(cues.byline, t))) author(i, 'byline');
    else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
  }
  // Origin notices inside the body too ("Source : …" between paragraphs).
  for (let i = Math.max(first, 0); i <= last; i++) if (!verdicts[i] && !prose[i]) origin(i);
  const zones: Zone[] = blocks.map((_, i) => (first < 0 || i < first ? 'head' : i > last ? 'tail' : 'body'));
  return { blocks, verdicts, rules, zones, boilerplate };
}

/** The first dated expression of a line a rule already called a date line ("Publié le … par la rédaction de …"). */
export function firstDateOf(t: string): { date: FoundDate; rest: string } | undefined {
  const d = findDates(t).find((x) => x.iso);
  return d ? { date: d, rest: '' } : undefined;
}
