// HTML main content: Mozilla Readability picks a candidate container, our own
// scorer picks another; the better-supported one is serialised into blocks and
// filtered (furniture by class/id, link lists, captions, widgets), every dropped
// block kept with its reason.
import { Readability } from '@mozilla/readability';
import { BLOCK, blocksOf, type Block, type Dropped } from './blocks.js';
import { classHint, embedHint } from './class-hints.js';
import { descendants } from './page.js';
import { TAIL_BLOCKS, boilerplateReason } from '../lexicon/boilerplate.js';
import { ownRoot } from './own-scorer.js';
import { dateLine, yearlessDateLine } from '../lexicon/dates.js';

/** Below this many characters of non-link text, Readability's pick is taken as a failure. */
const MIN_BODY = 250;
/** At most this many characters in an embedded post (a tweet: 280, its author line and links). */
const EMBED_MAX = 1000;
/** A block this long is prose, not a label or a menu entry. */
const PROSE_BLOCK = 80;

export interface Extracted {
  blocks: Block[];
  dropped: Dropped[];
  /** which candidate won, for the notes */
  via: string;
}

/** Readability's pick; it rewrites `document`, so every other reading of the page must be done before. */
function readabilityRoot(document: Document): Element | null {
  try {
    const art = new Readability(document as unknown as Document, { keepClasses: true, serializer: (el: Element) => el } as never).parse();
    return (art?.content as unknown as Element) ?? null;
  } catch {
    return null;
  }
}

/** Drop furniture inside the chosen content; never the bulk of it. */
function furnitureSkip(rootTextLength: number) {
  return (el: Element): string | undefined => {
    // Not aria-hidden: it hides from screen readers what sighted readers do see.
    if (el.getAttribute('hidden') !== null) return 'hidden';
    const style = el.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return 'hidden';
    const tag = el.tagName;
    let reason: string | undefined;
    if (tag === 'NAV') reason = 'navigation';
    // A form's field names ("Votre adresse électronique", "Prénom") are labels even outside a <form>.
    else if (tag === 'FORM' || tag === 'LABEL') reason = 'form';
    else if (tag === 'ASIDE') reason = 'sidebar';
    else reason = classHint(el);
    if (!reason) return undefined;
    // A hover card's trigger is the link the reader sees in the sentence ("Rep. <span class=rollover><a>Ilhan
    // Omar</a><span class=rollover-block>…card…</span></span>"): walk into it, the card itself is dropped.
    if (reason === 'popup' && (tag === 'A' || (!BLOCK.has(tag) && el.firstElementChild?.tagName === 'A'))) return undefined;
    // A <nav> is navigation whatever its size (a page of menus only has no article); other furniture is never the
    // bulk of the content: whole pages sit in one <form> (ASP.NET) or under a container class such as "share".
    if (tag === 'NAV') return reason;
    const len = (el.textContent ?? '').length;
    return len < rootTextLength * 0.5 ? reason : undefined;
  };
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** What the page declares about its article (read before Readability rewrites it), squashed. */
export interface PageHeads {
  /** the headline as JSON-LD, Open Graph, <title> and <h1> give it */
  titles: string[];
  /** the summary as <meta name=description>, og: and twitter:description give it */
  descriptions: string[];
  /** the pictures' alternative texts (<img alt>, og:/twitter:image:alt): a block repeating one is the picture's caption */
  alts: string[];
  /** the authors the page names (JSON-LD, <meta name=author>, by-line elements): a block that is only a name is a by-line or a signature */
  authors: string[];
}

/** The same, squashed for comparison with blocks; the alternative texts as a set (a page may have hundreds of pictures). */
interface Heads {
  titles: string[];
  descriptions: string[];
  alts: Set<string>;
  authors: Set<string>;
  /** blocks whose element the page's own markup names as furniture (class/id words), by text, with the reason */
  furniture: Map<string, string>;
}

/** A heading this long at least is compared with the declared titles by containment, not only equality. */
const TITLE_MIN = 20;
/** The standfirst is among the first blocks of the content. */
const STANDFIRST_WITHIN = 4;
/** A time, with or without the year after it: "15:23", "15:23 2019", "9h30". */
const TIME_LINE = /^\d{1,2}[:h]\d{2}(,?\s\d{4})?$/;

/** Why a block of the chosen content is still furniture, if it is; `at`: its place among the content's blocks. */
function blockReason(b: Block, heads: Heads, at: number, tail: boolean, afterTitle: boolean): string | undefined {
  if (b.caption) return 'caption';
  const t = b.text;
  const marked = heads.furniture.get(t);
  if (marked) return marked;
  if (/^(https?:\/\/|www\.)\S+$/.test(t)) return 'url';
  const sq = squash(t);
  if (heads.titles.includes(sq)) return 'title';
  if (heads.authors.has(sq)) return tail ? 'signature' : 'byline';
  if (sq.length >= TITLE_MIN && !/^H\d$/.test(b.tag) && heads.alts.has(sq)) return 'caption';
  // The headline as a heading of the content, the declared one adding the site's name ("… | USA Today").
  if (b.tag === 'H1' && sq.length >= TITLE_MIN && heads.titles.some((x) => x.includes(sq))) return 'title';
  // The summary the page declares, printed above the article: a deck, not the text's first paragraph (which many
  // pages declare as their summary too), so not a <p> unless it sits right below the headline.
  if (at < STANDFIRST_WITHIN && (b.tag !== 'P' || afterTitle) && sq.length >= TITLE_MIN && heads.descriptions.includes(sq)) return 'standfirst';
  const r = boilerplateReason(t, tail);
  if (r) return r;
  // A date alone on its line is a date line — unless it signs an embedded post ("— Name (@handle) May 2, 2019").
  if (dateLine(t) && !/^[—–-]|@\w/.test(t)) return 'dateline';
  // Above the text, a date without its year ("November 20") or a time with the year ("15:23 2019") is the
  // date line printed in pieces.
  if (at < STANDFIRST_WITHIN && (TIME_LINE.test(t) || yearlessDateLine(t, false))) return 'dateline';
  if (t.length < 200 && b.linkChars / t.length > 0.7 && !b.links.every((l) => l.href.startsWith('mailto:'))) return 'links';
  return undefined;
}

/** Reasons whose heading ("More Great WIRED Stories", "Tags") announces a list of links below it. */
const LIST_HEADINGS = new Set(['related', 'tags']);
const HEADING_MAX = 60;
/**
 * A list entry under such a heading: short, and a list item holding a link ("How Facebook <a>gets the First
 * Amendment backward</a>") or a block whose links make a good part of it.
 */
const listEntry = (b: Block) => b.text.length < 300 && (b.tag === 'LI' ? b.links.length > 0 : b.linkChars >= 0.4 * b.text.length);

/** A teaser card's title: a short block that is all link. */
const cardTitle = (b: Block) => b.text.length <= CARD_TITLE_MAX && b.linkChars >= 0.9 * b.text.length;
/** A teaser card's blurb: a short block without a link, not a heading. */
const cardBlurb = (b: Block) => b.text.length <= CARD_BLURB_MAX && b.linkChars === 0 && !/^H\d$/.test(b.tag);
const CARD_TITLE_MAX = 120;
const CARD_BLURB_MAX = 250;
/** This many cards in a row make a teaser list. */
const CARDS_MIN = 3;

/**
 * Teaser lists of other articles ("most popular", "recent posts"): a heading (<h1>-<h6>) over a run of
 * cards, each a linked title followed by a short blurb without a link. Language-free: the heading's words
 * are not needed. Without the heading, runs taken this way cost the held-apart half of the
 * article-extraction benchmark recall (lists inside articles). Returns the indices of the heading and cards.
 */
function teaserCards(blocks: Block[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < blocks.length; ) {
    let j = i;
    while (j + 1 < blocks.length && cardTitle(blocks[j]!) && cardBlurb(blocks[j + 1]!)) j += 2;
    const h = blocks[i - 1];
    if ((j - i) / 2 >= CARDS_MIN && h && /^H\d$/.test(h.tag) && h.text.length <= HEADING_MAX && h.linkChars === 0) {
      for (let k = i - 1; k < j; k++) out.add(k);
      i = j;
    } else i++;
  }
  return out;
}

export function filterBlocks(blocks: Block[], heads: Heads, dropped: Dropped[]): Block[] {
  let heading: string | undefined;
  let previous: string | undefined;
  return blocks.filter((b, i) => {
    let reason = blockReason(b, heads, i, i >= blocks.length - TAIL_BLOCKS, previous === 'title');
    previous = reason;
    const under = heading !== undefined && listEntry(b);
    // A link-only entry is one of the heading's list, not a menu.
    if (under && (!reason || reason === 'links')) reason = heading;
    heading = under ? heading : reason && LIST_HEADINGS.has(reason) && b.text.length <= HEADING_MAX ? reason : undefined;
    if (reason) dropped.push({ text: b.text, reason, at: i });
    return !reason;
  });
}

function candidate(root: Element, heads: Heads): { blocks: Block[]; dropped: Dropped[]; size: number } {
  const dropped: Dropped[] = [];
  const all = blocksOf(root, furnitureSkip((root.textContent ?? '').length), dropped);
  const blocks = filterBlocks(all, heads, dropped);
  placeDropped(dropped, all, blocks);
  // Only prose counts: labels, menus and form fields are short blocks.
  const size = blocks.reduce((n, b) => (b.text.length >= PROSE_BLOCK ? n + b.text.length - b.linkChars : n), 0);
  return { blocks, dropped, size };
}

/** Whether each dropped piece lay above, inside or below the kept blocks of the same walk. */
function placeDropped(dropped: Dropped[], all: Block[], kept: Block[]): void {
  const keptSet = new Set(kept);
  const first = all.findIndex((b) => keptSet.has(b));
  let last = -1;
  for (let i = all.length - 1; i >= 0 && last < 0; i--) if (keptSet.has(all[i]!)) last = i;
  for (const d of dropped) d.zone ??= first < 0 || (d.at ?? 0) <= first ? 'head' : (d.at ?? 0) > last ? 'tail' : 'body';
}

interface PageBlocks {
  blocks: Block[];
  dropped: Dropped[];
  /** the blocks inside an embedded post (`embed` class words of lang/<xx>/boilerplate-html.tsv) */
  embeds: Set<Block>;
}

/** Every text block of the page, furniture subtrees dropped with their reason (for the audit trail). */
function pageBlocks(document: Document): PageBlocks {
  const root = (document.body ?? document.documentElement) as Element | null;
  const dropped: Dropped[] = [];
  if (!root) return { blocks: [], dropped, embeds: new Set() };
  const blocks = blocksOf(root, furnitureSkip((root.textContent ?? '').length), dropped);
  // One walk in document order: an element is inside an embed when it or its parent is (its outermost embed
  // element is then its parent's). A post is short: an "embed" holding more (a broken tag swallowing the rest
  // of the page) is not one.
  const embedOf = new Map<Element, Element>();
  for (const el of descendants(root)) {
    const up = embedOf.get(el.parentElement as Element) ?? (embedHint(el) ? el : undefined);
    if (up) embedOf.set(el, up);
  }
  const short = new Map<Element, boolean>();
  const isPost = (e: Element) => {
    if (!short.has(e)) short.set(e, (e.textContent ?? '').length <= EMBED_MAX);
    return short.get(e)!;
  };
  const embeds = new Set(blocks.filter((b) => !b.caption && embedOf.has(b.el) && isPost(embedOf.get(b.el)!)));
  return { blocks, dropped, embeds };
}

/**
 * Readability drops embedded posts (a tweet quoted in the article is a short, link-heavy div): the page's
 * embed blocks lying between two kept blocks, or right after the last one, go back where they stood. Kept
 * blocks are found again in the page's blocks by their text, in order (one cursor per text: linear); a
 * kept block not found there keeps its place. (Putting back lone paragraphs dropped the same way was
 * tried: the held-apart half of the article-extraction benchmark fell 0.1.)
 */
function restoreEmbeds(kept: Block[], page: PageBlocks): Block[] {
  if (!page.embeds.size || !kept.length) return kept;
  const keptText = new Set(kept.map((b) => b.text));
  const restorable = (e: Block) => !keptText.has(e.text) && page.embeds.has(e);
  const places = new Map<string, number[]>();
  page.blocks.forEach((b, i) => {
    if (!keptText.has(b.text)) return;
    const list = places.get(b.text);
    if (list) list.push(i);
    else places.set(b.text, [i]);
  });
  const cursor = new Map<string, number>();
  const out: Block[] = [];
  let at = -1;
  for (const b of kept) {
    const list = places.get(b.text) ?? [];
    let c = cursor.get(b.text) ?? 0;
    while (c < list.length && list[c]! <= at) c++;
    cursor.set(b.text, c);
    if (c < list.length) {
      const j = list[c]!;
      if (at >= 0) for (let i = at + 1; i < j; i++) if (restorable(page.blocks[i]!)) out.push(page.blocks[i]!);
      at = j;
    }
    out.push(b);
  }
  // An embed closing the article (nothing else between it and the last kept block) is the article's too.
  for (let i = at + 1; at >= 0 && i < page.blocks.length && page.embeds.has(page.blocks[i]!); i++)
    if (!keptText.has(page.blocks[i]!.text)) out.push(page.blocks[i]!);
  return out;
}

/** What the chosen content left out, each piece once: its own filter's reasons, then furniture, then the rest. */
function auditTrail(kept: Block[], own: Dropped[], page: PageBlocks): Dropped[] {
  const keptText = kept.map((b) => b.text).join('\n');
  const seen = new Set(own.map((d) => d.text));
  const out = [...own];
  // Place the page's own pieces around the kept text, found again by its first and last blocks.
  const first = kept.length ? page.blocks.findIndex((b) => b.text === kept[0]!.text) : -1;
  const lastText = kept.at(-1)?.text;
  let last = -1;
  for (let i = page.blocks.length - 1; i >= 0 && last < 0; i--) if (page.blocks[i]!.text === lastText) last = i;
  const zone = (at: number): Dropped['zone'] => (first < 0 || at <= first ? 'head' : last >= 0 && at > last ? 'tail' : 'body');
  const add = (d: Dropped) => {
    if (seen.has(d.text) || keptText.includes(d.text)) return;
    seen.add(d.text);
    out.push(d);
  };
  for (const d of page.dropped) add({ ...d, zone: zone(d.at ?? 0) });
  page.blocks.forEach((b, i) => add({ text: b.text, reason: boilerplateReason(b.text) ?? 'outside main content', at: i, zone: zone(i) }));
  return out;
}

/**
 * Readability reads every candidate's whole subtree text (nodes × depth) and
 * every link under every candidate (nodes × links): quadratic on hostile
 * markup. Real article pages stay far below these bounds (at most ~1e6
 * elements × links over the 181 pages of the article-extraction benchmark);
 * past them, our own (linear) scorer decides alone.
 */
const READABILITY_MAX_DEPTH = 100;
const READABILITY_MAX_WORK = 4_000_000;

/** Whether Readability can run on this page in bounded time (iterative walk: no stack overflow). */
function readabilityAffordable(document: Document): boolean {
  const elements = document.querySelectorAll('*').length;
  if (elements * document.querySelectorAll('a').length > READABILITY_MAX_WORK) return false;
  // Walk from the document itself: malformed input can leave elements beside <html>.
  const stack: [Element, number][] = [];
  for (let c = (document as unknown as ParentNode).firstElementChild; c; c = c.nextElementSibling) stack.push([c, 1]);
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > READABILITY_MAX_DEPTH) return false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return true;
}

/**
 * Class/id reasons that still hold once Readability has rewritten the page: it turns a `<div class="dek">`
 * into a bare `<p>` and drops the class, so the deck under the headline would pass as the article's first
 * paragraph. Its blocks are found again by their text. (Captions carried the same way: the held-apart half
 * of the article-extraction benchmark lost recall, 98.56 -> 98.48; by-lines and date lines: no change.)
 */
const CARRIED = new Set(['standfirst']);
/**
 * Only small marked subtrees are carried: a deck is a few short blocks, while a class word on a wrapper
 * (a "share" class on the element holding the whole article) marks it wrongly.
 */
const CARRIED_MAX_PARTS = 3;
const CARRIED_MAX_CHARS = 600;

/** The blocks of the page's class-marked decks (small subtrees) and of its teaser lists, by text. */
function markedFurniture(page: PageBlocks): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of page.dropped)
    if (CARRIED.has(d.reason) && d.parts && d.parts.length <= CARRIED_MAX_PARTS && d.text.length <= CARRIED_MAX_CHARS)
      for (const p of d.parts) out.set(p, d.reason);
  // Readability drops a teaser card's linked title and keeps its blurb: the cards are found on the page as it was.
  for (const i of teaserCards(page.blocks)) out.set(page.blocks[i]!.text, 'related');
  return out;
}

/** Consumes `document` (Readability rewrites it): read the page's metadata first. */
export function extractMain(document: Document, declared: PageHeads): Extracted {
  const squashed = (xs: string[]) => xs.map(squash).filter(Boolean);
  const page = pageBlocks(document);
  const heads: Heads = {
    titles: squashed(declared.titles),
    descriptions: squashed(declared.descriptions),
    alts: new Set(squashed(declared.alts)),
    // A name of one word ("Admin", a first name) could be a word of the text.
    authors: new Set(squashed(declared.authors).filter((a) => a.includes(' '))),
    furniture: markedFurniture(page),
  };
  const top = ownRoot(document.documentElement as Element);
  const own = top ? candidate(top, heads) : null;
  const r = readabilityAffordable(document) ? readabilityRoot(document) : null;
  const read = r ? candidate(r, heads) : null;
  const pick = own && (!read || (read.size < MIN_BODY && own.size > read.size)) ? { ...own, via: 'own scorer' } : read ? { ...read, via: 'readability' } : null;
  if (!pick) return { blocks: [], dropped: auditTrail([], [], page), via: 'none' };
  const blocks = restoreEmbeds(pick.blocks, page);
  return { blocks, dropped: auditTrail(blocks, pick.dropped, page), via: pick.via };
}
