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
import { originOfLine } from '../../meta/origin.js';
import type { TextBlock } from './blocks.js';

/** A prose block: this long, ending like a sentence or holding many words. */
const PROSE_CHARS = 80;
const PROSE_WORDS = 20;
/** Head/tail lines judged as title, date line or signature are short. */
const SHORT_LINE = 160;

export interface Verdict {
  reason?: string;
}

export interface Classified {
  verdicts: (string | undefined)[];
  hints: MetaHint[];
}

const CARRIES_META = new Set(['byline', 'dateline']);

const isProse = (b: TextBlock) => !b.heading && b.plain.length >= PROSE_CHARS && (/[.!?…»"”]\s*$/u.test(b.plain) || b.plain.split(/\s+/).length >= PROSE_WORDS);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
const DOMAIN = /\b((?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6})\b/i;
const LINK_ONLY = (b: TextBlock) => b.lines.every((l) => l.links.reduce((n, k) => n + k.end - k.start, 0) >= l.plain.replace(/[\s,;|·•]+/g, '').length * 0.8 && l.links.length > 0);

export function classify(blocks: TextBlock[]): Classified {
  const hints: MetaHint[] = [];
  const verdicts: (string | undefined)[] = blocks.map((b, i) => boilerplateReason(b.plain, i >= blocks.length - TAIL_BLOCKS));
  const prose = blocks.map((b, i) => !verdicts[i] && isProse(b));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const cues = metaCues();
  const allDates = findDates(blocks.map((b) => b.plain).join('\n'));

  // Domain names and notices in removed furniture still say which site this is
  // (after the head's own date line, which names it more directly).
  const furnitureOutlets: MetaHint[] = [];
  blocks.forEach((b, i) => {
    if (!verdicts[i]) return;
    const outlet = firstGroup(cues.outletLine, b.plain);
    if (outlet) furnitureOutlets.push({ field: 'outlet', value: outlet, rule: 'outlet notice', text: b.plain });
    else if (verdicts[i] === 'page chrome') {
      const m = DOMAIN.exec(b.plain);
      if (m) furnitureOutlets.push({ field: 'outlet', value: m[1]!, rule: 'domain in page chrome', text: b.plain });
    }
  });

  // Head.
  let title: string | undefined;
  const dateLines: { i: number; date: FoundDate; rest: string }[] = [];
  for (let i = 0; i < (first < 0 ? blocks.length : first); i++) {
    // By-lines and date lines the boilerplate rules already claimed still carry metadata.
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    const dl = dateLine(t);
    if (dl) {
      dateLines.push({ i, ...dl });
      verdicts[i] = 'dateline';
      continue;
    }
    if (SLUG.test(t)) verdicts[i] = 'slug';
    else if (originOfLine(t)) {
      verdicts[i] = 'origin';
      hints.push({ field: 'origin', value: originOfLine(t)!, rule: 'origin notice', text: t });
    } else if (t.length < SHORT_LINE && firstGroup(cues.byline, t)) {
      verdicts[i] = 'byline';
      hints.push({ field: 'author', value: t, rule: 'by-line', text: t });
    } else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
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
    if (d.rest && !/^\p{Ll}/u.test(d.rest) && d.rest.length > 2) hints.push({ field: 'outlet', value: d.rest, rule: 'date line', text: blocks[d.i]!.plain });
  });

  // Tail.
  for (let i = last + 1; last >= 0 && i < blocks.length; i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    const origin = originOfLine(t);
    if (origin) {
      verdicts[i] = 'origin';
      hints.push({ field: 'origin', value: origin, rule: 'origin notice', text: t });
    } else if (t.length < SHORT_LINE && firstGroup(cues.signature, t)) {
      verdicts[i] = 'signature';
      hints.push({ field: 'author', value: t, rule: 'signature', text: t });
    } else if (t.length < SHORT_LINE && firstGroup(cues.byline, t)) {
      verdicts[i] = 'byline';
      hints.push({ field: 'author', value: t, rule: 'by-line', text: t });
    } else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
  }
  // Origin notices inside the body too ("Source : …" between paragraphs).
  for (let i = Math.max(first, 0); i <= last; i++) {
    if (verdicts[i] || prose[i]) continue;
    const origin = originOfLine(blocks[i]!.plain);
    if (origin) {
      verdicts[i] = 'origin';
      hints.push({ field: 'origin', value: origin, rule: 'origin notice', text: blocks[i]!.plain });
    }
  }
  hints.push(...furnitureOutlets);
  return { verdicts, hints };
}
