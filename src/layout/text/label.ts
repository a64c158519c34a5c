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
import { dateLine, findDates, shortYearDate, yearlessDateLine, type FoundDate } from '../lexicon/dates.js';
import { firstGroup, metaCues, originsOfLine, translationOfLine } from '../lexicon/cues.js';
import { isFirstName } from '../lexicon/first-names.js';
import { authorLexicon } from '../lexicon/author-lexicon.js';
import { levelOf, type Line, type TextBlock } from './blocks.js';
import type { Zone } from '../types.js';

/** A prose block: this long, ending like a sentence or holding many words. */
const PROSE_CHARS = 80;
const PROSE_WORDS = 20;
/** How many blocks below the body a bare name may sign it. */
const SIGNATURE_REACH = 2;
/** Head/tail lines judged as title, date line or signature are short. */
const SHORT_LINE = 160;
/** A headline may run this long (and read as prose by its length). */
const LONG_TITLE = 220;

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

/** Furniture that names who made a picture: a line of it holding only a name and a date is a date line. */
const CREDIT_LIKE = new Set(['caption', 'credits']);

/** Furniture whose text still carries metadata (the author, the date). */
const CARRIES_META = new Set(['byline', 'dateline']);
/** Verdicts of line rules that a date line with a name beside it also fits (a credit, a menu of "|"-separated items). */
const MAY_BE_DATE_LINE = new Set([...CREDIT_LIKE, 'navigation']);

const isProse = (b: TextBlock) =>
  !b.heading && b.plain.length >= PROSE_CHARS && (/[.!?…»"”]\s*$/u.test(b.plain) || b.plain.split(/\s+/).length >= PROSE_WORDS) && !isList(b) && !isMenu(b);

/** Lines of a menu: a few words each ("□ Afrique", "DW.COM", "Académie de la DW"). */
const MENU_LINES = 4;
const MENU_ITEM_WORDS = 4;
/**
 * A menu drawn as one block: most of its characters lie in lines of a few words, bulleted or not, under a heading
 * or a sentence of the site's ("Wrong language? Change it here…" above "• ACTUALITÉS / □ Afrique / □ Sport"). A
 * paragraph wrapped by the renderer has long lines; a page run together keeps most of its text in them.
 */
function isMenu(b: TextBlock): boolean {
  if (b.lines.length < MENU_LINES) return false;
  let short = 0;
  let all = 0;
  for (const l of b.lines) {
    const t = unbulleted(marked(l)).trim();
    all += t.length;
    if (t.split(/\s+/).length < MENU_ITEM_WORDS) short += t.length;
  }
  return short * 2 > all;
}

/** Bullet marks a text browser draws for list items and menus (•, □, ☆ of w3m's nested levels, ◦, ▪, *, -, +, "1."). */
const BULLET_MARK = '(?:[•□☆★◦▪▫■●○◆◇►▸·*+‣⁃-]|\\d{1,2}[.)])';
/**
 * Letters and signs lynx and html2text draw as the marks of nested list items ("o" at the second or third level,
 * "#" below it): a mark only when the line is indented that deep (body text is indented 3 spaces at most).
 */
const DEEP_MARK = /^[o#]\s/;
const DEEP_INDENT = 6;
const indentOf = (l: Line) => (l.pieces[0] ? l.pieces[0].at - l.start : 0);
/** A line's text with a deep list mark ("      o Sport") drawn as a bullet. */
const isDeep = (l: Line) => DEEP_MARK.test(l.plain) && indentOf(l) >= DEEP_INDENT;
const marked = (l: Line) => (isDeep(l) ? `• ${l.plain.slice(2)}` : l.plain);
const BULLET = new RegExp(`(?:^|\\s)${BULLET_MARK}(?=\\s)`, 'gu');
const BULLET_LINE = new RegExp(`^\\s*${BULLET_MARK}\\s`, 'u');

/**
 * A menu or a list of links drawn as text: most lines open with a bullet, or
 * one line runs many bulleted items together ("• Accueil • Opinion • Monde"),
 * and its items are short. Article text rarely reads like this; a bulleted
 * list of sentences inside an article keeps its full stops.
 */
function isList(b: TextBlock): boolean {
  // Many lines: a list when most of them open with a bullet (a renderer may run a whole article into one block).
  const deep = b.lines.some(isDeep);
  const lines = deep ? b.lines.map(marked) : b.lines.map((l) => l.plain);
  if (lines.length >= RUN_TOGETHER) {
    const bulleted = lines.filter((l) => BULLET_LINE.test(l)).length;
    if (bulleted < lines.length * 0.8) return false;
  }
  const plain = deep ? lines.join(' ') : b.plain;
  const items = plain
    .split(BULLET)
    .map((x) => x.trim())
    .filter(Boolean);
  const bullets = (plain.match(BULLET) ?? []).length;
  if (bullets < 2) return false;
  // Headlines may end with "!" or "?", truncated teasers with "…": only a plain full stop marks a sentence.
  const sentences = items.filter((x) => /(?<!\.)\.$/u.test(x)).length;
  const short = items.filter((x) => x.length < 120).length;
  return short >= items.length * 0.8 && sentences <= items.length * 0.3;
}

/**
 * The article's stretch of blocks: the run with the largest sum of scores
 * (Kadane's maximum subarray, as in Pasternack & Roth, "Extracting article
 * text from the web with maximum subsequence segmentation", WWW 2009), where
 * prose scores its length and anything else costs its length (at least
 * MIN_COST). A full page copied from a browser has menus and teaser lists
 * above and below; the body is the one long stretch of prose between them.
 * Returns the first and last prose block of that run, or -1s.
 */
const MIN_COST = 20;
function bodyRun(blocks: TextBlock[], prose: boolean[]): [number, number] {
  let best = 0;
  let bestRun: [number, number] = [-1, -1];
  let sum = 0;
  let start = 0;
  blocks.forEach((b, i) => {
    const score = prose[i] ? b.plain.length : -Math.max(b.plain.length, MIN_COST);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > best) {
      best = sum;
      bestRun = [start, i];
    }
  });
  if (bestRun[0] < 0) return bestRun;
  let [first, last] = bestRun;
  while (first <= last && !prose[first]) first++;
  while (last >= first && !prose[last]) last--;
  return [first, last];
}
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/;
const LINK_ONLY = (b: TextBlock) =>
  b.lines.every((l) => l.links.length > 0 && l.links.reduce((n, k) => n + k.end - k.start, 0) >= l.plain.replace(/[\s,;|·•]+/g, '').length * 0.8);

/** Input offset just after a line's last copied character. */
function lineEnd(l: Line): number {
  const p = l.pieces.at(-1);
  return p ? p.at + (p.len ?? p.s.length) : l.start;
}

/** A line that furniture rules recognise on its own. */
/**
 * A by-line cue's names on a line ("By …", "Par …"), past the author's picture a text browser draws as its alt text in
 * brackets before it ("[Eric Song]By Eric Song, IGN Staff") and past the list mark it draws for a by-line set as a list
 * item ("• By Rich McCormick", "□ Par Jeanne Dupont, Marie Durand").
 */
const bylineCue = (t: string) => (FORM_FIELD.test(t) ? undefined : firstGroup(metaCues().byline, titleText(oneItem(t))));
/**
 * A form's text field as a text browser draws it, its value padded with spaces (w3m: "[Any Reporter         ]") or
 * underscores (lynx: "[Any Reporter_]"): a search form's "Author" is no credit.
 */
const FORM_FIELD = /\[[^\]]*(?:\s{2}|_)\]/;
/** A line without its list mark when it is one list item ("• By X"), as drawn when it holds several ("• Author […] Or • Date"). */
const oneItem = (t: string) => ((t.match(BULLET) ?? []).length > 1 ? t : unbulleted(t));

const isFurnitureLine = (t: string) => !!boilerplateReason(t) || !!dateLine(t) || (t.length < SHORT_LINE && (!!bylineCue(t) || handleCredit(t)));

/**
 * Scraped pages glue menu, by-line and date lines into one paragraph
 * ("Par X\nPublié le …"), and some renderers (html2text) leave no blank line
 * between paragraphs at all: a multi-line block with a line furniture rules
 * recognise is split: a short one into one block per line, a long one (a
 * page run together) at its furniture lines and headings only, the lines
 * between kept together (a paragraph wrapped over several lines stays one
 * block). Hard-wrapped prose without furniture lines is left whole.
 */
const RUN_TOGETHER = 8;
function explode(blocks: TextBlock[]): TextBlock[] {
  const out: TextBlock[] = [];
  const block = (lines: Line[]): TextBlock => ({
    lines,
    start: lines[0]!.start,
    end: lineEnd(lines.at(-1)!),
    plain: lines.map((l) => l.plain).join(' '),
    heading: lines.some((l) => l.heading),
    level: levelOf(lines),
  });
  for (const b of blocks) {
    if (b.lines.length < 2 || !b.lines.some((l) => isFurnitureLine(l.plain))) {
      out.push(b);
      continue;
    }
    // Short glued blocks are menus and head lines: one block per line. Long ones are whole pages run together.
    const long = b.lines.length >= RUN_TOGETHER;
    let run: Line[] = [];
    for (const l of b.lines) {
      if (!long || isFurnitureLine(l.plain) || l.heading) {
        if (run.length) out.push(block(run));
        run = [];
        out.push(block([l]));
      } else run.push(l);
    }
    if (run.length) out.push(block(run));
  }
  return out;
}

export function labelTextBlocks(input: TextBlock[]): Labelled {
  const blocks = explode(input);
  const cues = metaCues();
  const rules: (string | undefined)[] = blocks.map(() => undefined);
  const verdicts: (string | undefined)[] = blocks.map((b, i) => boilerplateReason(b.plain, i >= blocks.length - TAIL_BLOCKS));
  const prose = blocks.map((b, i) => !verdicts[i] && isProse(b));
  const [runFirst, last] = bodyRun(blocks, prose);
  const first = articleStart(blocks, prose, verdicts, runFirst, last);
  // Prose outside the article's stretch (teasers, comments) is furniture.
  prose.forEach((p, i) => {
    if (p && (i < first || i > last)) {
      prose[i] = false;
      verdicts[i] = 'outside main content';
    }
  });
  const origin = (i: number): boolean => {
    if (!originsOfLine(blocks[i]!.plain).length && !translationOfLine(blocks[i]!.plain)) return false;
    verdicts[i] = 'origin';
    return true;
  };
  const author = (i: number, reason: string) => {
    verdicts[i] = reason;
  };
  const boilerplate = verdicts.map((v) => !!v);

  // A credit: a by-line cue ("Par …", "By …") or a bare name no rule claimed (a section word labelled by-line is none).
  const credited = (i: number) => {
    const t = blocks[i]?.plain ?? '';
    if (!t || t.length >= SHORT_LINE) return false;
    return !!bylineCue(t) || (!verdicts[i] && bareName(unbulleted(t))) || agencyCredit(t);
  };

  // Head.
  const titleCandidates: number[] = [];
  // A line ending like a question or an exclamation may be a headline ("Is Football Violence a Crime?") or a widget's
  // prompt ("Mot de passe oublié ?"): only the body's echo of its words makes it the title.
  const questions: number[] = [];
  // `update`: the line says when the article was changed ("Mis à jour le …", "Updated …"), not when it was published.
  const dateLines: { i: number; announced: boolean; update: boolean }[] = [];
  for (let i = 0; i < (first < 0 ? blocks.length : first); i++) {
    const t = blocks[i]!.plain;
    // A long headline reads as prose outside the article's run: it stays a title candidate.
    if (verdicts[i] === 'outside main content' && t.length < LONG_TITLE && !/[.!?:]$/.test(t) && !isList(blocks[i]!)) {
      titleCandidates.push(i);
      continue;
    }
    if (verdicts[i] === 'outside main content' && t.length < LONG_TITLE && /[^.][?!]$/.test(t) && !isList(blocks[i]!)) {
      questions.push(i);
      continue;
    }
    // "Reuters November 18, 2019 11:03 PM" reads as a photo credit to the caption rules, "Linette Lopez | Sep. 21, 2011,
    // 3:17 PM | 1,209 | 5" as a menu to the navigation rule: a date alone with a name (and counters) is a date line.
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!) && !(MAY_BE_DATE_LINE.has(verdicts[i]!) && dateLine(t))) continue;
    const announced = verdicts[i] === 'dateline';
    // A date without its year ("Nov 18", "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM") only on an announced line or beside a credit.
    const dl =
      dateLine(t) ?? (announced ? firstDateOf(t) : undefined) ?? (announced || credited(i - 1) || credited(i + 1) ? yearlessDateLine(t, announced) : undefined);
    if (dl) {
      // "announced": a rule saw "Publié le …" / "Published …"; what surrounds the date is then no outlet name.
      dateLines.push({ i, announced: verdicts[i] === 'dateline', update: !!firstGroup(cues.updateLine, t) });
      verdicts[i] = 'dateline';
      continue;
    }
    if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && (bylineCue(t) || handleCredit(t)))) author(i, 'byline');
    else if (SLUG.test(t)) verdicts[i] = 'slug';
    else if (origin(i)) continue;
    else if (LINK_ONLY(blocks[i]!) || isList(blocks[i]!)) verdicts[i] = 'links';
    else if (t.length < SHORT_LINE && (blocks[i]!.heading || !/[.!?]$/.test(t)) && !pictures(t)) titleCandidates.push(i);
    else if (t.length < SHORT_LINE && /[^.][?!]$/.test(t)) questions.push(i);
  }
  // Several date lines above the body: the article's is the last one beside a by-line or a bare name, or holding
  // one (the article's credit block: "Par Jeanne Dupont, 12 déc. 2017"), else the first announced one ("Published on
  // …", "Publié le …"; an "Updated …" line follows it), else the last; the others are crawl, page, caption or teaser
  // dates. A line saying when the article was updated ("Mis à jour le …") dates it only when no other line does.
  let articleDate = -1;
  let besideCredit = -1;
  dateLines.forEach((d, k) => {
    if (!d.update && (credited(d.i - 1) || credited(d.i + 1) || bylineCue(blocks[d.i]!.plain))) besideCredit = k;
  });
  const firstAnnounced = dateLines.findIndex((d) => d.announced && !d.update);
  const lastPublished = dateLines.reduce((at, d, k) => (d.update ? at : k), -1);
  let chosen = besideCredit >= 0 ? besideCredit : firstAnnounced >= 0 ? firstAnnounced : lastPublished >= 0 ? lastPublished : dateLines.length - 1;
  // A bare date line (no credit beside it, no "Publié le") above a by-line that carries its own date is the page's
  // date of the day printed in its header: the by-line dates the article ("Wed, Nov 20, 2019" / … / "By X On 11/13/19").
  const bylineDated = (i: number) => verdicts[i] === 'byline' && !!firstDateOf(blocks[i]!.plain.slice(0, SHORT_LINE));
  const weak = (k: number) => k >= 0 && k !== besideCredit && (!dateLines[k]!.announced || dateLines[k]!.update);
  if (weak(chosen) && blocks.some((_, i) => i > dateLines[chosen]!.i && i < (first < 0 ? blocks.length : first) && bylineDated(i))) chosen = -1;
  const settle = () =>
    dateLines.forEach((d, k) => {
      if (k !== chosen) {
        verdicts[d.i] = 'crawl date';
        rules[d.i] = undefined;
      } else {
        verdicts[d.i] = 'dateline';
        rules[d.i] = d.announced ? 'announced date line' : 'date line';
        articleDate = d.i;
      }
    });
  settle();
  // A name alone on its line beside the article's date line signs it ("Jeanne Dupont" / "19 février 2020"), drawn as a
  // list item too ("• Jeanne Dupont" / "• 19 févr. 2020, 19:09"); a given name and surname two lines above it, with a
  // one-word section label between ("Louise Matsakis" / "Business" / "11.15.2019 10:09 AM"), as well.
  const section = (i: number) => /^\p{Lu}[\p{L}&-]{1,29}$/u.test(blocks[i]?.plain ?? '');
  const near = [articleDate - 1, articleDate + 1, ...(section(articleDate - 1) ? [articleDate - 2] : [])];
  for (const i of near) {
    if (articleDate < 0 || i < 0) continue;
    // A news agency's credit with the place it filed from ("PTI PTI, Washington,"; "Reuters" alone reads as a photo credit).
    if ((!verdicts[i] || CREDIT_LIKE.has(verdicts[i]!)) && agencyCredit(blocks[i]!.plain)) {
      author(i, 'byline');
      if (titleCandidates.includes(i)) titleCandidates.splice(titleCandidates.indexOf(i), 1);
      continue;
    }
    if (verdicts[i] || !titleCandidates.includes(i)) continue;
    // An author box prints the name with its social handle ("Keris Lahiff@kerisalison", "Jeanne Dupont @jdupont"): a
    // person's; without it, capitalised words beside the date are a person's when they open with a given name (a
    // picture's button "Enlarge Image" is none).
    const line = unbulleted(blocks[i]!.plain);
    const t = line.replace(/\s?@\w{2,30}$/u, '');
    const person = bareName(t) || (i !== articleDate - 2 && t !== line && !!firstGroup(cues.signature, t));
    if (t.length < SHORT_LINE && person) {
      author(i, 'byline');
      titleCandidates.splice(titleCandidates.indexOf(i), 1);
    }
  }
  // The site's name with a section or a menu glued to it ("Sciences et Avenir Santé", "L'Express XII Destination(s)…")
  // is its logo line, never the headline.
  const site = siteLineTest(blocks);
  for (let k = titleCandidates.length - 1; k >= 0; k--) if (site(blocks[titleCandidates[k]!]!.plain)) titleCandidates.splice(k, 1);
  const headline = onlyHeadline(blocks, verdicts, last, site);
  const { at: title, sure: titleSure } =
    headline !== undefined ? { at: headline, sure: true } : chooseTitle(blocks, titleCandidates, questions, verdicts, first < 0 ? blocks.length : first, last);
  if (title >= 0) {
    rules[title] = blocks[title]!.heading ? 'first heading' : 'first short line';
    // A name right below the headline (past a picture's alt text) with when it was posted signs the article ("[gif]
    // Ed Cara Monday 6:30PM •", "Marcus De GuzmanView More Articles" with the author box's link glued).
    for (let i = title + 1; i < blocks.length && i <= title + BYLINE_BELOW_TITLE && i < (first < 0 ? blocks.length : first); i++) {
      if (pictures(blocks[i]!.plain)) continue;
      if (!verdicts[i] && postedBy(blocks[i]!.plain)) author(i, 'byline');
      break;
    }
    for (const i of [...titleCandidates, title]) if (blocks[i]!.plain === blocks[title]!.plain) verdicts[i] = 'title';
    // A date line right below the headline (only furniture between) dates the article rather than a bare date line
    // elsewhere in the head (the day's date in the site's header, teasers' dates between the headline and the body).
    const below = dateLines.findIndex((d) => d.i > title && d.i <= title + TITLE_DATE_REACH);
    if (below >= 0 && below !== chosen && (chosen < 0 || weak(chosen))) {
      chosen = below;
      articleDate = -1;
      settle();
    }
  }
  // A bare date line in the head (no credit beside it, nothing announcing it) yields to an announced one the article's
  // run swallowed early in the body ("Thursday, November 02, 2023" in the header; "Published on October 29, 2023, at
  // 4:28 am" below the headline's picture). Several such lines in the body date readers' comments ("Posted by: X, 27
  // Sep 2011 | 15:22") or a live blog's entries: then only the body's first blocks may hold the article's own.
  if (articleDate >= 0 && weak(chosen) && first >= 0) {
    let announced = 0;
    for (let i = first; i <= last && announced < 2; i++) if (verdicts[i] === 'dateline') announced++;
    const reach = announced > 1 ? Math.min(earlyReach(first, last), first + EARLY_BLOCKS) : earlyReach(first, last);
    for (let i = first; i <= reach; i++) {
      if (verdicts[i] !== 'dateline' || prose[i] || !firstDateOf(blocks[i]!.plain.slice(0, SHORT_LINE))) continue;
      verdicts[articleDate] = 'crawl date';
      rules[articleDate] = undefined;
      rules[i] = 'announced date line';
      articleDate = i;
      break;
    }
  }
  // Without a date line above the body, a date alone on its line early in the body dates the article ("12.12.2019").
  const datedByline = blocks.some((_, i) => i < first && bylineDated(i));
  if (articleDate < 0 && !datedByline && first >= 0) {
    const reach = earlyReach(first, last);
    // Just past the opening, a date line still counts right below a credit (the article's credit block the run swallowed).
    for (let i = first; i <= Math.min(last, reach + 1); i++) {
      if (i > reach && !credited(i - 1)) continue;
      const t = blocks[i]!.plain;
      // "— Name (@handle) May 2, 2019" signs an embedded post, not the article.
      const dated = dateLine(t) ?? (verdicts[i] === 'dateline' ? firstDateOf(t) : undefined);
      if ((verdicts[i] && verdicts[i] !== 'dateline') || prose[i] || !dated || /^[—–-]|@\w/.test(t)) continue;
      verdicts[i] = 'dateline';
      rules[i] = 'date line';
      break;
    }
  }
  // Still no date: the nearest short line just above the body holding a full date (a theme's meta line running
  // author, category, date and tags together: "Martin Clavey Politique 20 janvier 2020 évaluation"), else the first
  // one below the headline, where the page sets its credit block (a date glued to widget words: "text size: T T Your
  // Company September 20, 2011, 6:37 PM EDT").
  const dated = () => rules.some((r) => r === 'date line' || r === 'announced date line') || datedByline;
  const belowTitle = title >= 0 && title < first ? Array.from({ length: first - title - 1 }, (_, k) => title + 1 + k) : [];
  const nearBody = Array.from({ length: Math.min(NEAR_DATE, first) }, (_, k) => first - 1 - k);
  if (first >= 0 && !dated()) {
    for (const i of [...nearBody, ...belowTitle.filter((i) => i < first - NEAR_DATE)]) {
      const t = blocks[i]!.plain;
      if ((verdicts[i] && !CARRIES_META.has(verdicts[i]!)) || t.length >= SHORT_LINE || /^[—–-]|@\w/.test(t)) continue;
      if (!findDates(t).some((d) => d.iso)) continue;
      verdicts[i] = 'dateline';
      rules[i] = 'date line';
      break;
    }
  }
  // What else lies above the article is the site's furniture (menus, teasers, widgets).
  if (first >= 0) for (let i = 0; i < first; i++) verdicts[i] ??= 'outside main content';

  // Tail.
  const headCredit = first >= 0 && blocks.some((_, k) => k < first && verdicts[k] === 'byline');
  for (let i = last + 1; last >= 0 && i < blocks.length; i++) {
    if (verdicts[i] && !CARRIES_META.has(verdicts[i]!)) continue;
    const t = blocks[i]!.plain;
    if (origin(i)) continue;
    // A name alone signs the text right below it; further down, capitalised lines are widget headings ("Popular Articles"),
    // and so is a line drawn as a heading.
    // Only a name opening with a given name: widget headings below the text are capitalised too ("More In Trading
    // Nation", "UPCOMING EVENTS", "Next Auto News").
    if (i <= last + SIGNATURE_REACH && !blocks[i]!.heading && t.length < SHORT_LINE && bareName(t)) author(i, 'signature');
    else if (verdicts[i] === 'byline' || (t.length < SHORT_LINE && bylineCue(t))) {
      // Further down than a signature, and with the article's own by-line above it, a by-line credits another piece
      // (a list of related articles: "by Rick Stoeckel (5/17/2007)", "By Ellis Hamburger").
      if (headCredit && i > last + SIGNATURE_REACH) verdicts[i] = 'related';
      else author(i, 'byline');
    } else if (LINK_ONLY(blocks[i]!)) verdicts[i] = 'links';
    // An article ends on text, not on a heading: a heading below the last prose block titles a widget.
    else if (!verdicts[i] && (i > last + 1 || blocks[i]!.heading)) verdicts[i] = 'outside main content';
  }
  // Still no date: an announced date line just below the body ("Date 23.05.2011", "Publié le …" under the text).
  if (last >= 0 && !dated()) {
    for (let i = last + 1; i < blocks.length && i <= last + TAIL_DATE_REACH; i++) {
      if (verdicts[i] !== 'dateline' || !firstDateOf(blocks[i]!.plain)) continue;
      rules[i] = 'announced date line';
      break;
    }
  }
  // Still no date: an announced date line a few blocks from a by-line below the body (the article's credit block, when
  // the run settled on a menu: "Auteur : Jeanne Dupont" / "Edition : …" / "• Date 23.05.2011").
  if (last >= 0 && !dated()) {
    const credit = blocks.findIndex((_, i) => i > last && verdicts[i] === 'byline');
    for (let i = credit + 1; credit >= 0 && i < blocks.length && i <= credit + BYLINE_DATE_REACH; i++) {
      if (verdicts[i] !== 'dateline' || !firstDateOf(blocks[i]!.plain)) continue;
      rules[i] = 'announced date line';
      break;
    }
  }
  // A by-line the article's run swallowed (menus read as prose above it): furniture, still naming the authors.
  if (first >= 0) {
    const reach = earlyReach(first, last);
    for (let i = first; i <= reach; i++) {
      const t = blocks[i]!.plain;
      if (!verdicts[i] && !prose[i] && t.length < SHORT_LINE && bylineCue(t)) author(i, 'byline');
    }
  }
  // No heading and no line above the body that it echoes: the article's run may have swallowed the page head (menus read
  // as prose); the headline is then a short line of the body's opening above its by-line or date line, echoed below it.
  if (!titleSure && first >= 0) {
    const reach = earlyReach(first, last);
    let credit = -1;
    for (let i = first; i <= reach && credit < 0; i++) if (verdicts[i] === 'byline' || verdicts[i] === 'dateline') credit = i;
    const opening: number[] = [];
    for (let i = first; i < credit; i++) {
      const t = blocks[i]!.plain;
      if (!verdicts[i] && !prose[i] && t.length < SHORT_LINE && /^[\p{Lu}\p{N}«"“‘']/u.test(t) && !/[.!?]$/.test(t) && !site(t)) opening.push(i);
    }
    // The first such line: captions between the headline and the by-line echo the body too.
    const headline = credit > first ? opening.find((i) => echoedTitle(blocks, [i], credit + 1, last) !== undefined) : undefined;
    if (headline !== undefined) {
      if (title >= 0) rules[title] = undefined;
      verdicts[headline] = 'title';
      rules[headline] = 'first short line';
    }
  }
  // Origin notices inside the body too ("Source : …" between paragraphs).
  for (let i = Math.max(first, 0); i <= last; i++) if (!verdicts[i] && !prose[i]) origin(i);
  const zones: Zone[] = blocks.map((_, i) => (first < 0 || i < first ? 'head' : i > last ? 'tail' : 'body'));
  return { blocks, verdicts, rules, zones, boilerplate };
}

/** How far below the headline a date line is its article's. */
const TITLE_DATE_REACH = 2;
/** How far above the body a line holding a full date dates the article when no date line does. */
const NEAR_DATE = 3;
/** How far below a by-line under the body an announced date line dates the article when nothing else does. */
const BYLINE_DATE_REACH = 6;
/** How far below the body an announced date line dates the article when nothing above does. */
const TAIL_DATE_REACH = 8;

/** A by-line or date line this close to the start of the prose run opens the article; what precedes it is its head. */
const EARLY_BLOCKS = 8;
const EARLY_PROSE = 400;

/**
 * The last block of the body's opening, where a swallowed by-line or date line is looked for: the first half of
 * the body's blocks, and at least its first EARLY_BLOCKS (a short body cut in a few long blocks by a renderer that
 * leaves no blank lines still has its by-line and date a few blocks down).
 */
const earlyReach = (first: number, last: number) => Math.min(last, Math.max(first + Math.ceil((last - first + 1) / 2), first + EARLY_BLOCKS));

/**
 * The first block of the article's body: the run's first prose block, or the
 * first prose block after a date line or by-line found early in the run (a
 * long title, a standfirst-like teaser or the site's blurb above the by-line
 * read as prose).
 */
function articleStart(blocks: TextBlock[], prose: boolean[], verdicts: (string | undefined)[], first: number, last: number): number {
  if (first < 0) return first;
  let start = first;
  let before = 0;
  for (let i = first; i <= last && i <= first + EARLY_BLOCKS; i++) {
    const t = blocks[i]!.plain;
    const meta = verdicts[i] === 'dateline' || verdicts[i] === 'byline' || (!prose[i] && (!!dateLine(t) || (t.length < SHORT_LINE && !!bylineCue(t))));
    if (meta && before <= EARLY_PROSE) {
      let next = i + 1;
      while (next <= last && !prose[next]) next++;
      if (next <= last) start = next;
    }
    if (prose[i]) before += t.length;
    if (before > EARLY_PROSE) break;
  }
  return start;
}

/** Where the article starts: its by-lines and date line just above the body (captions, share bars between), else the body. */
const NEAR_BODY = 12;
/** How far above the article's start a title is looked for. */
const TITLE_REACH = 8;
/** How far above the article's start a headline sharing the body's words is looked for. */
const ECHO_REACH = 40;
/** How much of the body a headline's words are looked up in. */
const ECHO_BODY_CHARS = 3000;
/** A word long enough to carry content in any alphabetic language (no stop-word list needed). */
const CONTENT_WORD = /[\p{L}\p{N}]{4,}/gu;
/** Share of a line's content words the body must repeat for the line to be its headline. */
const ECHO_SHARE = 0.5;
const ECHO_MIN_WORDS = 2;
/** What sitting right above the by-line or date line adds to a headline's echo score (a tie of two echoed words). */
const BESIDE_CREDIT = 2;

/** A line of fewer words above a headline is its kicker; one of more than TEASER_RUN times its words, teasers run together. */
const KICKER_WORDS = 4;
const TEASER_RUN = 2;

const contentWords = (t: string) => (t.toLowerCase().match(CONTENT_WORD) ?? []) as string[];

/**
 * The candidate whose words the article's opening repeats most: a headline
 * announces what the first paragraphs say, while widget labels ("Breaking
 * News Emails"), by-lines and teasers of other articles share few of their
 * words. Ties go to the line nearest the article.
 */
/** The article's opening, from block `body` on: each block's text and content words, what a headline's words are looked up in. */
type Opening = { plain: string; words: string[] }[];
function openingOf(blocks: TextBlock[], body: number, last: number): Opening {
  const below: Opening = [];
  let chars = 0;
  for (let i = body; i <= Math.max(body, last) && i < blocks.length && chars < ECHO_BODY_CHARS; i++) {
    below.push({ plain: blocks[i]!.plain, words: contentWords(blocks[i]!.plain) });
    chars += blocks[i]!.plain.length;
  }
  return below;
}

/** How many of a line's content words the article's opening repeats, of how many. */
function echoOf(text: string, below: Opening): { hits: number; size: number } {
  // A block holding the line itself repeats it (a menu, a teaser list, a share text): no echo of its words.
  const words = new Set<string>();
  for (const b of below) if (!b.plain.includes(text)) for (const w of b.words) words.add(w);
  const ws = new Set(contentWords(text));
  return { hits: [...ws].filter((w) => words.has(w)).length, size: ws.size };
}

/**
 * `credit`: the article's by-line or date line, when one lies above the body. Among the lines the body echoes, the one
 * right above it counts more, as the page's markup sets the <h1> beside the credit ("Washington Monument Closes to
 * Repair…" / "By: Jared T. Miller" beats a gallery's "East Coast Quake" further up that the body echoes as much); a
 * deck between them is climbed past below.
 */
function echoedTitle(blocks: TextBlock[], candidates: number[], body: number, last: number, credit?: number): number | undefined {
  if (body < 0 || body >= blocks.length) return undefined;
  const below = openingOf(blocks, body, last);
  const passing: { i: number; score: number }[] = [];
  for (const i of candidates) {
    if (i < body - ECHO_REACH || i >= body) continue;
    const text = titleText(blocks[i]!.plain);
    const { hits, size } = echoOf(text, below);
    if (hits < ECHO_MIN_WORDS || text.split(/\s+/).length < 3 || hits / size < ECHO_SHARE) continue;
    // Among the lines the body echoes enough, the one with the most echoed words less the others: a credit line
    // ("Le Monde with AFP") echoes two words any body uses, the headline most of its own, and the headline glued to
    // widget words ("… 1 / 23 Back to Gallery", "… Partager") carries words the body lacks.
    passing.push({ i, score: 2 * hits - size + (i === (credit ?? -1) - 1 ? BESIDE_CREDIT : 0) });
  }
  let best: number | undefined;
  let bestScore = -Infinity;
  for (const { i, score } of passing) {
    // On a tie, a line holding another ("Montréal La fin des trottinettes…" and "La fin des trottinettes…") yields
    // to it, else the nearest wins.
    const inside = best !== undefined && score === bestScore && blocks[best]!.plain.includes(blocks[i]!.plain);
    if (score > bestScore || inside || (score === bestScore && !blocks[i]!.plain.includes(blocks[best!]!.plain))) {
      best = i;
      bestScore = score;
    }
  }
  // A standfirst right below its headline echoes the body more (it summarises it): when the line just above the best
  // one is echoed enough too, that line is the headline, unless it reads as a kicker (a few words, or capitals only:
  // "BLACK DEATH FEARS"), as teasers run together (many more words than the line below it)…
  const words = (i: number) => titleText(blocks[i]!.plain).split(/\s+/).length;
  const upper = (i: number) =>
    passing.some((p) => p.i === i - 1) &&
    // (a question or an exclamation is a headline however short: "Florida, Alabama grandstanding?")
    (words(i - 1) >= KICKER_WORDS || /\p{L}\s?[?!]$/u.test(blocks[i - 1]!.plain)) &&
    /\p{Ll}/u.test(blocks[i - 1]!.plain) &&
    words(i - 1) <= TEASER_RUN * words(i) &&
    // …or as a copy of the line glued to widget words ("Accueil <headline> Partager").
    !blocks[i - 1]!.plain.includes(titleText(blocks[i]!.plain));
  while (best !== undefined && upper(best)) best--;
  return best;
}

/**
 * A line's text as a title: without the bracketed form fields and picture alt texts a text browser draws around it
 * ("[          ] [Search] Star Wars Jedi: …").
 */
export const titleText = (t: string) =>
  t
    .replace(/^(?:\s*\[[^\]]{0,40}\])+\s*/u, '')
    .replace(/(?:\s*\[[^\]]{0,40}\])+\s*$/u, '')
    .trim();

/**
 * The page's one top-level heading, when the renderer says headings' levels (html2text's "****** Title ******" for
 * <h1>, Markdown's "# Title"): a page prints its headline as its only <h1>, wherever its menus and widgets put
 * their smaller headings. Not when several blocks are top-level headings (a site that makes every teaser an <h1>),
 * nor a line naming the site, a by-line or a date line, nor one below the article's text.
 */
function onlyHeadline(blocks: TextBlock[], verdicts: (string | undefined)[], last: number, site: (t: string) => boolean): number | undefined {
  let at: number | undefined;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.level !== 1) continue;
    if (at !== undefined) return undefined;
    at = i;
  }
  if (at === undefined || (last >= 0 && at > last)) return undefined;
  const t = titleText(blocks[at]!.plain);
  if (!/\p{L}/u.test(t) || t.length >= LONG_TITLE || site(t) || (verdicts[at] && verdicts[at] !== 'outside main content')) return undefined;
  return at;
}

/**
 * The title among the short lines above the body: a heading nearest the
 * article's start, else the line whose words the body repeats, else a line
 * the page repeats (a copied page shows the headline in its breadcrumb or
 * menu and again above the article), else the nearest title-like line above
 * the by-line and date line, else the first.
 */
function chooseTitle(
  blocks: TextBlock[],
  candidates: number[],
  questions: number[],
  verdicts: (string | undefined)[],
  body: number,
  last: number,
): { at: number; sure: boolean } {
  if (!candidates.length && !questions.length) return { at: -1, sure: false };
  let start = body;
  for (let i = body - 1; i >= 0 && i >= body - NEAR_BODY; i--) if (verdicts[i] === 'byline' || verdicts[i] === 'dateline') start = i;
  const near = candidates.filter((i) => i < start && i >= start - TITLE_REACH).reverse();
  // A line wrapped inside a sentence (the next one goes on in lower case) is no title: a caption or a lead broken by the renderer.
  // A by-line may open in lower case ("by Jeanne Dupont") below its headline.
  const wrapped = (i: number) => /^\p{Ll}/u.test(blocks[i + 1]?.plain ?? '') && !CARRIES_META.has(verdicts[i + 1] ?? '');
  const titleLike = (i: number) => {
    const t = titleText(blocks[i]!.plain);
    return /^[\p{Lu}\p{N}«"“‘']/u.test(t) && t.split(/\s+/).length >= 3 && !wrapped(i);
  };
  const headText = blocks.slice(0, body).map((b) => b.plain);
  const repeated = (i: number) =>
    titleLike(i) && headText.some((t, k) => k !== i && (t === blocks[i]!.plain || t.endsWith(` ${blocks[i]!.plain}`) || t.startsWith(`${blocks[i]!.plain} `)));
  // html2text and Markdown say a heading's level: the headline is the highest one near the body ("****** Title ******"
  // below a section's "***** World *****", above a widget's "***** Breaking News Emails *****").
  const headings = near.filter((i) => blocks[i]!.heading);
  const highest = Math.min(...headings.map((i) => blocks[i]!.level || 7));
  const sure =
    headings.find((i) => (blocks[i]!.level || 7) === highest) ??
    echoedTitle(
      blocks,
      [...candidates, ...questions].filter((i) => titleLike(i) && i < start).sort((a, b) => a - b),
      body,
      last,
      start < body ? start : undefined,
    ) ??
    // Some pages print the headline below the by-line and date line.
    echoedTitle(
      blocks,
      [...candidates, ...questions].filter((i) => titleLike(i) && i >= start).sort((a, b) => a - b),
      body,
      last,
    );
  if (sure !== undefined) return { at: sure, sure: true };
  if (!candidates.length) return { at: -1, sure: false };
  return { at: near.find(repeated) ?? near.find(titleLike) ?? [...candidates].reverse().find(repeated) ?? candidates[0]!, sure: false };
}

/**
 * A line of pictures: text browsers draw an image as its alt text in brackets ("[facebook-i] [twitter-ic]",
 * "[share-icon]"); a line holding little else is a share bar or a row of icons, never a headline.
 */
const pictures = (t: string) => /\[[^\]]{1,40}\]/.test(t) && t.replace(/\[[^\]]{0,40}\]/g, ' ').replace(/[^\p{L}]+/gu, '').length < 3;

const squashed = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** A site name shorter than this (squashed) is too common a word to recognise a logo line by. */
const MIN_SITE_NAME = 4;
const DOMAIN_LINE = /^(?:https?:\/\/)?(?:www\d?\.)?([a-z0-9-]{2,63})\.(?:[a-z0-9-]{1,63}\.)?[a-z]{2,6}\/?$/i;

/**
 * Whether a line opens with the site's name: the outlet its copyright or outlet notices name ("© Sciences et Avenir"),
 * or the first label of a domain alone on a line ("www.autoracing.com.br"), compared without spaces or punctuation
 * ("Sciences et Avenir Santé" opens with "sciencesetavenir").
 */
function siteLineTest(blocks: TextBlock[]): (t: string) => boolean {
  const names = new Set<string>();
  for (const b of blocks) {
    const t = b.plain.trim();
    if (t.length >= SHORT_LINE) continue;
    const outlet = firstGroup(metaCues().outletLine, t);
    if (outlet) names.add(squashed(outlet));
    const domain = DOMAIN_LINE.exec(t);
    if (domain) names.add(squashed(domain[1]!));
  }
  const list = [...names].filter((n) => n.length >= MIN_SITE_NAME);
  return (t: string) => {
    const s = squashed(titleText(t));
    return list.some((n) => s.startsWith(n));
  };
}

/** How far below the headline (picture lines apart) a name signs the article. */
const BYLINE_BELOW_TITLE = 2;

/**
 * A line that opens with a person's name then says when it was posted or links to the author's page: the name ends
 * at a digit, a weekday or relative day, a bullet, or a capital glued to a small letter (a text browser runs the name
 * and the next link together); what follows must be a time or date, or nothing.
 */
function postedBy(line: string): boolean {
  const t = titleText(line);
  if (t.length >= SHORT_LINE) return false;
  const glued = /(?<=\p{Ll}{3})\p{Lu}/u.exec(t);
  let end = Math.min(glued?.index ?? t.length, /\s(?:\d|[•|·])/u.exec(t)?.index ?? t.length);
  // …or where a credit's names end by the by-line lexicon (lang/*/authors.tsv "cut": "lundi 18h30", "Published").
  for (const re of authorLexicon().cut) end = Math.min(end, re.exec(t)?.index ?? end);
  const name = t.slice(0, end).trim();
  const rest = t.slice(end).trim();
  if (!name || !bareName(name)) return false;
  // A glued link after the name ("View More Articles", "Follow") or a date or time.
  return !rest || !!glued || /\d{1,2}[:.h]\d{2}|\d{4}/u.test(rest) || findDates(rest).length > 0;
}

/** A news agency's credit, its name maybe written twice by a logo's alt text, before the place it filed from ("PTI PTI, Washington,"). */
function agencyCredit(t: string): boolean {
  if (t.length >= SHORT_LINE) return false;
  const head = unbulleted(t).split(',')[0]!.trim();
  const ws = head.split(/\s+/);
  const half = ws.length / 2;
  const once = ws.length >= 2 && Number.isInteger(half) && ws.slice(0, half).join(' ') === ws.slice(half).join(' ') ? ws.slice(0, half).join(' ') : head;
  return authorLexicon().agencies.has(once.toLowerCase());
}

/** A line without the list mark a text browser draws before it ("• Jeanne Dupont"). */
export const unbulleted = (t: string) => t.replace(BULLET_LINE, '');

/** An underscore between two words' characters: a space in a link's text as html2text draws it ("Eric_Song"). */
const LINK_SPACE = /(?<=[\p{L}\p{N}.’'])_(?=[\p{L}\p{N}])/gu;
/** A name as a text browser drew it in a link, with its spaces ("Adam_Clark_Estes" → "Adam Clark Estes"). */
export const linkSpaces = (t: string) => (t.includes('_') ? t.replace(LINK_SPACE, ' ') : t);

/** A person's name alone ("Jeanne Dupont", "JANIE HAR", "Molly_Wood"): capitalised words, the first a given name (no section heading). */
export function bareName(name: string): boolean {
  const t = linkSpaces(name);
  return !!firstGroup(metaCues().signature, t) && isFirstName(t.split(/\s/)[0]!);
}

/** A name followed by its social handle, as author boxes print it ("Jeanne Dupont @jdupont / 2 days", "Jeanne Dupont@jdupont"). */
function handleCredit(t: string): boolean {
  const m = /^([^@]{3,60}?)\s?@\w{2,30}\b/u.exec(t);
  return !!m && bareName(m[1]!.trim());
}

/** The first dated expression of a line a rule already called a date line ("Publié le … par la rédaction de …"). */
export function firstDateOf(t: string): { date: FoundDate; rest: string } | undefined {
  const d = findDates(t).find((x) => x.iso) ?? shortYearDate(t);
  return d ? { date: d, rest: '' } : undefined;
}
