// The site's name on a scraped text: a page copied from a browser names its
// site in several places a text browser keeps as plain lines (the logo's alt
// text at the top, often written twice: "Le Point Le Point"; a domain line;
// a copyright footer; "Follow X", "X logo"; a date line's outlet). Each such
// line gives a candidate; the one the page repeats most wins (a site prints
// its own name in its menus, sign-up boxes and footer, a section or an owner
// company once or twice). The owner named by a copyright notice ("© 2019
// Hearst Communications, Inc.") yields to a name the page repeats more.
import type { LabelledBlock, MetaHint } from '../layout/types.js';
import { firstGroup, metaCues } from '../layout/lexicon/cues.js';
import { findDates } from '../layout/lexicon/dates.js';
import { boilerplateReason } from '../layout/lexicon/boilerplate.js';
import { bareName } from '../layout/text/label.js';
import { foldLower } from '../text/fold.js';

/** How the line naming a candidate counts towards it, besides the lines repeating the name. */
const WEIGHT: Record<string, number> = {
  'outlet notice': 2,
  'site line': 2,
  'logo written twice': 2,
  'domain line': 2,
  'date line': 2,
  'domain in page chrome': 1,
  'top line': 0,
};
/** Lines at the top of the page where a logo's alt text or the site's name stands alone. */
const TOP_LINES = 3;
/** A site's name: a few words. */
const MAX_NAME = 50;
const MAX_WORDS = 6;
/** Candidates weighed at most (the first ones found), so that the repetition count stays linear in the page. */
const MAX_CANDIDATES = 40;
/** A name shorter than this (squashed) is matched as a whole word only. */
const GLUED_NAME = 6;
/** Marks a text browser draws before list items (menus): a site's name at the top is no menu item. */
const BULLETED = /^\s*(?:[•□☆★◦▪▫■●○◆◇►▸·*+‣⁃-]|[o#](?=\s{1,3}\S))\s/u;
/** A line the page prints alone this often is a widget's label ("Subscribe", "Logo", "Menu"), not its name. */
const WIDGET_LABEL = 4;
const DOMAIN_LINE = /^(?:https?:\/\/)?(?:www\d?\.)?(?:[\p{L}\p{N}-]{1,63}\.){1,3}[a-z]{2,6}\/?$/iu;

/** Words of a line in lower case without accents, one space apart (underscores of html2text's alt texts are spaces). */
const words = (t: string) =>
  ` ${foldLower(t)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
const squash = (t: string) => foldLower(t).replace(/[^\p{L}\p{N}]+/gu, '');

/** Brackets closed as opened: a line cut out of a longer phrase ("Fox Business)" of "(… Fox Business)") is no name. */
const balanced = (t: string) => (t.match(/[([{]/gu) ?? []).length === (t.match(/[)\]}]/gu) ?? []).length;

/** A plausible site name: a few words with a letter, no date, no sentence. */
function nameLike(t: string): boolean {
  const n = t.trim();
  return (
    n.length >= 2 &&
    n.length <= MAX_NAME &&
    /\p{L}/u.test(n) &&
    n.split(/\s+/).length <= MAX_WORDS &&
    balanced(n) &&
    !/[.!?:;]$/u.test(n.replace(/\.[a-z]{2,6}$/i, '')) &&
    !findDates(n).length
  );
}

/** A line holding one name written twice, as a logo and its alt text ("Le Point Le Point", "MoreBikesMoreBikes", "[Le_Point]_Le_Point"). */
export function writtenTwice(line: string): string | undefined {
  // A row of more than two pictures and nothing else ("[1px] [1px] [1px] [1px]": spacers, icons) is no logo and its
  // alt text ("[MoreBikes][MoreBikes]" is one).
  if ((line.match(/\[[^\]]*\]/gu) ?? []).length > 2 && !/\p{L}/u.test(line.replace(/\[[^\]]*\]/gu, ''))) return undefined;
  const tokens = line.split(/[\s_[\]•*|]+/u).filter(Boolean);
  if (tokens.length === 1) {
    const t = tokens[0]!;
    const half = t.length / 2;
    return Number.isInteger(half) && half >= 3 && t.slice(0, half) === t.slice(half) ? t.slice(0, half) : undefined;
  }
  const half = tokens.length / 2;
  if (!Number.isInteger(half) || half > MAX_WORDS) return undefined;
  const a = tokens.slice(0, half);
  const b = tokens.slice(half);
  if (!a.every((w, k) => foldLower(w) === foldLower(b[k]!))) return undefined;
  // The alt text may be a file name in lower case ("[gizmodo]Gizmodo"): the name as the page prints it.
  return /\p{Lu}/u.test(a.join('')) || !/\p{Lu}/u.test(b.join('')) ? a.join(' ') : b.join(' ');
}

/**
 * Whether a one-word name written with a capital ("Business", "Policy") or none ("business") is also written all in
 * lower case elsewhere on the page: a common word (a section, a button), not a name. Capitals only ("WIRED") and
 * names of several words are kept.
 */
function lowerUse(name: string, lines: string[]): boolean {
  if (!/^\p{L}\p{Ll}+$/u.test(name)) return false;
  const lower = name.toLowerCase();
  // As a word of a sentence: not glued to a domain, a file name or a handle ("cleveland.com", "inexhibit_logo").
  const re = new RegExp(`(?<=^|[\\s(«"“])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s,;:!?)»"”]|\\.(?:\\s|$))`, 'u');
  // A name in lower case at the top ("business" above "The Huffington Post") is a common word when a sentence uses it.
  return lines.some((l) => l !== name && re.test(l));
}

/** Marks a text browser draws before a line: list bullets of every level, lynx's "#" of an in-page link. */
const LEADING_MARKS = /^[\s•□☆★◦▪▫■●○*+·#-]+/u;

/** Rules that read a line only by its place or its shape, not by words naming the site. */
const WEAK = new Set(['top line', 'logo written twice']);
/** Marks of form fields and markup a text browser leaves in a line ("(BUTTON)", "<img …>", "[   ]"): no site name. */
const FORM_MARK = /\((?:BUTTON|IMAGE|FORM)\)|[<>{}]|\[\s*\]/u;

/** A name as printed, without a text browser's marks: lynx's "#" of an in-page link, html2text's underscores and brackets. */
function cleanName(name: string): string {
  return name
    .replace(LEADING_MARKS, '')
    .replace(/(?<=[\p{L}\p{N}.’'\]])_(?=[\p{L}\p{N}[])/gu, ' ')
    .replace(/^\[([^\]]+)\]$/u, '$1')
    .trim();
}

/** Rules that read a notice or a date line: the line says it names the site. */
const NOTICE = new Set(['outlet notice', 'date line', 'domain in page chrome']);
/** Rules that may read a name written all in lower case ("bondyblog" at the top, "actu.fr", "Site icon medias-presse.info"). */
const LOWER_CASE_NAMES = new Set(['top line', 'domain line', 'domain in page chrome']);

/**
 * A name: a capital or a figure somewhere ("l'Opinion", "my6sense"; or one lower-case word, "bondyblog"), no
 * lower-case word opening a longer phrase ("by Email", "on twitter"), no person ("More from Jason Cipriani"), no
 * line a boilerplate rule names ("Email", "Menu").
 */
function named(name: string, rule: string): boolean {
  const ws = name.split(/\s+/);
  if (!/[\p{Lu}\p{N}]/u.test(name) && (ws.length > 1 || !LOWER_CASE_NAMES.has(rule))) return false;
  if (ws.length > 1 && /^\p{Ll}+$/u.test(ws[0]!)) return false;
  return !bareName(name) && !boilerplateReason(name);
}

/** The candidate's name with the legal form after it in its line ("Future US" + ", Inc."). */
function ownerForm(c: Candidate): string {
  const at = c.text.indexOf(c.name);
  const after = at >= 0 ? (/^[\s,]*[\p{L}.]{1,12}/u.exec(c.text.slice(at + c.name.length))?.[0] ?? '') : '';
  return `${c.name}${after}`.replace(/\s+/g, ' ').trim();
}

interface Candidate {
  name: string;
  rule: string;
  text: string;
}

/**
 * The site's name among `found` (date-line outlets and notices already read) and the lines of the page's
 * furniture, as an outlet hint; undefined when no line names one.
 */
export function siteNameHint(blocks: LabelledBlock[], found: MetaHint[]): MetaHint | undefined {
  const cues = metaCues();
  const candidates: Candidate[] = found.map((h) => ({ name: cleanName(h.value), rule: h.rule, text: h.text ?? h.value }));
  const all: string[] = [];
  let top = 0;
  for (const b of blocks) {
    const lines = b.lines?.map((l) => l.plain) ?? b.text.split('\n');
    for (const raw of lines) {
      const t = raw.replace(LEADING_MARKS, '').trim();
      if (!t) continue;
      all.push(t);
      if (b.kept) {
        top++;
        continue;
      }
      const add = (name: string | undefined, rule: string) => {
        const n = name === undefined ? undefined : cleanName(name);
        if (n && nameLike(n) && !FORM_MARK.test(n) && candidates.length < MAX_CANDIDATES) candidates.push({ name: n, rule, text: t });
      };
      add(firstGroup(cues.siteLine, t), 'site line');
      // A form field and its button ("Rechercher [    ] Rechercher") is no logo.
      if (!/\[\s*\]|\[\s{2,}/.test(t)) add(writtenTwice(t), 'logo written twice');
      if (DOMAIN_LINE.test(t)) add(t.replace(/^(?:https?:\/\/)?(?:www\d?\.)?/i, '').replace(/\/$/, ''), 'domain line');
      // A menu item, a form field or a button label is no site name.
      if (top < TOP_LINES && b.zone === 'head' && !BULLETED.test(raw) && !/[[\]]/.test(t)) add(t, 'top line');
      top++;
    }
  }
  if (!candidates.length) return undefined;
  const folded = all.map(words);
  const squashed = all.map(squash);
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates) {
    const w = words(c.name);
    const s = squash(c.name);
    if (!s || !named(c.name, c.rule)) continue;
    let reps = 0;
    for (let k = 0; k < folded.length; k++) if (folded[k]!.includes(w) || (s.length >= GLUED_NAME && squashed[k]!.includes(s))) reps++;
    // A name read from the site's furniture rather than a notice must be printed again on the page, never in lower
    // case (a section or a button label is a common word: "Business" / "the news business", "Donate Donate"), and
    // not as a widget's label printed alone on many lines ("Subscribe", "Logo").
    if (!NOTICE.has(c.rule) && (reps < 2 || all.filter((l) => l === c.name).length >= WIDGET_LABEL)) continue;
    // A line at the top or a logo's alt text printed twice may be a button ("Envoyer", "Watch Live", "Connectez-vous"):
    // the site's name is also printed inside a longer line (a copyright notice, "More from X", a sentence).
    if (WEAK.has(c.rule) && !all.some((l, k) => l.length > c.name.length + 2 && folded[k]!.includes(w) && !writtenTwice(l))) continue;
    if (lowerUse(c.name, all)) continue;
    // The owner a copyright notice names ("© Future US, Inc.", "© 2019 Hearst Communications, Inc.") is a company,
    // not the site.
    if (firstGroup(cues.ownerName, ownerForm(c)) !== undefined) continue;
    const score = reps + (WEIGHT[c.rule] ?? 1);
    if (!best || score > best.score) best = { c, score };
  }
  return best ? { field: 'outlet', value: best.c.name, rule: best.c.rule, text: best.c.text } : undefined;
}
