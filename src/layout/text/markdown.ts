// Inline Markdown of one line → plain text pieces copied from the input (so the
// offset map stays exact), with links as spans: `[label](href)` keeps the label
// in the text and the href aside; images are dropped; heading marks, block
// quote marks and strong/emphasis markers are not copied. Every pattern is
// bounded (fixed maximum lengths), so hostile input cannot make it go
// super-linear. HTML character references left in the text ("d&#x27;une",
// "&eacute;", "&amp;": html2text, copy-pastes of page source) are read as the
// character they stand for, as CommonMark reads them, and only in their full
// form (a name of HTML's list or a number, then ";"): a bare "&" ("AT&T",
// "R&D") is prose and stays. The decoded character is a piece of its own
// whose input span is the whole reference, so the input itself is never
// rewritten and the offset map still points into it.
import { decodeHTMLStrict } from 'entities';

export interface Piece {
  /** text copied from the input */
  s: string;
  /** its offset in the input */
  at: number;
  /** its length in the input, when it differs from `s` (a decoded character reference) */
  len?: number;
}

export interface InlineLink {
  /** offsets in the line's plain text */
  start: number;
  end: number;
  href: string;
}

export interface Inline {
  pieces: Piece[];
  plain: string;
  links: InlineLink[];
  /** the line was a Markdown heading */
  heading: boolean;
  /** the heading's level, 1 (the page's headline) to 6; 0 for no heading */
  level: number;
  /** dropped images (alt text) */
  images: string[];
}

const LINK = /(!?)\[([^\]\n]{0,300})\]\(([^)\n]{0,2000})\)/g;
const PREFIX = /^(\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))?)/;
const EMPHASIS = /^[*_]{1,3}$|\*\*|__|(?<=^|\s)[*_](?=\S)|(?<=\S)[*_](?=\s|$|[.,;:!?])/g;

/** A character reference in full: `&#233;`, `&#xE9;`, `&eacute;` (names are at most 31 characters in HTML's list). */
const REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** No reference of a text stands for a control character or U+FFFD ("&#0;", "&#xD800;"). */
const UNWANTED = /[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/u;

/** The character a reference stands for, or null when it is no reference of HTML's list. */
export function characterReference(ref: string): string | null {
  const c = decodeHTMLStrict(ref);
  // One or two characters: some names stand for two ("&NotEqualTilde;").
  return c !== ref && [...c].length <= 2 && !UNWANTED.test(c) ? c : null;
}

/** The destination of a link: its first word (a "title" may follow), references decoded. */
const hrefOf = (dest: string) =>
  dest
    .trim()
    .replace(/\s+"[^"]*"$/, '')
    .replace(REFERENCE, (r) => characterReference(r) ?? r);

/** Split `s` (at input offset `at`) around character references, decoding them. */
function decodeReferences(s: string, at: number, out: Piece[]): void {
  let last = 0;
  if (s.includes('&')) {
    for (const m of s.matchAll(REFERENCE)) {
      const c = characterReference(m[0]);
      if (c === null) continue;
      if (m.index > last) out.push({ s: s.slice(last, m.index), at: at + last });
      out.push({ s: c, at: at + m.index, len: m[0].length });
      last = m.index + m[0].length;
    }
  }
  if (last < s.length) out.push({ s: s.slice(last), at: at + last });
}

/** Split `s` (at input offset `at`) around emphasis markers, decoding character references. */
function unemphasise(s: string, at: number, out: Piece[]): void {
  let last = 0;
  for (const m of s.matchAll(EMPHASIS)) {
    if (m.index > last) decodeReferences(s.slice(last, m.index), at + last, out);
    last = m.index + m[0].length;
  }
  if (last < s.length) decodeReferences(s.slice(last), at + last, out);
}

export function inlineMarkdown(line: string, at: number): Inline {
  const pieces: Piece[] = [];
  const links: InlineLink[] = [];
  const images: string[] = [];
  const prefix = PREFIX.exec(line)![1]!;
  // A Markdown heading, or a heading as html2text draws it ("****** Title ******": six stars for <h1>, one for <h6>).
  const level = headingLevel(line, prefix);
  const heading = level > 0;
  let pos = prefix.length;
  let plainLen = 0;
  const emit = (s: string, off: number) => {
    const before = pieces.length;
    unemphasise(s, off, pieces);
    for (let i = before; i < pieces.length; i++) plainLen += pieces[i]!.s.length;
  };
  for (const m of line.matchAll(LINK)) {
    if (m.index < pos) continue;
    if (m.index > pos) emit(line.slice(pos, m.index), at + pos);
    if (m[1]) images.push(m[2]!);
    else {
      const start = plainLen;
      emit(m[2]!, at + m.index + 1);
      if (plainLen > start) links.push({ start, end: plainLen, href: hrefOf(m[3]!) });
    }
    pos = m.index + m[0].length;
  }
  if (pos < line.length) emit(line.slice(pos), at + pos);
  // Trim the pieces' outer white space so the plain text is trimmed too.
  while (pieces.length && !pieces[0]!.s.trim()) {
    plainLen -= pieces[0]!.s.length;
    shift(links, pieces.shift()!.s.length);
  }
  if (pieces.length) {
    const lead = pieces[0]!.s.length - pieces[0]!.s.trimStart().length;
    // (A decoded reference is never white space with a lead: white space alone was dropped above.)
    if (lead) {
      pieces[0] = { s: pieces[0]!.s.slice(lead), at: pieces[0]!.at + lead };
      shift(links, lead);
    }
  }
  while (pieces.length && !pieces[pieces.length - 1]!.s.trim()) pieces.pop();
  if (pieces.length) {
    const p = pieces[pieces.length - 1]!;
    const s = p.s.trimEnd();
    if (s !== p.s) pieces[pieces.length - 1] = { s, at: p.at };
  }
  const plain = pieces.map((p) => p.s).join('');
  for (const l of links) l.end = Math.min(l.end, plain.length);
  return { pieces, plain, links: links.filter((l) => l.end > l.start), heading, level, images };
}

/** html2text draws a heading between runs of stars, six for <h1> down to one for <h6>: the run's length. */
export const HTML2TEXT_OPENING = /^\s{0,3}(\*{3,6})\s/;
const HTML2TEXT_HEADING = /^\s{0,3}(\*{3,6})\s.{1,300}\s(\*{3,6})\s*$/;

/** The level of a Markdown ("## Title") or html2text ("***** Title *****") heading line; 0 when it is none. */
function headingLevel(line: string, prefix: string): number {
  const hashes = /^\s{0,3}(#{1,6})/.exec(prefix);
  if (hashes) return hashes[1]!.length;
  const stars = HTML2TEXT_HEADING.exec(line);
  return stars && stars[1]!.length === stars[2]!.length ? 7 - stars[1]!.length : 0;
}

/**
 * A heading html2text wrapped over lines ("****** Hunter diagnosed … to" / "contract medieval disease ******"):
 * the number of lines from `lines[at]` it spans (2 or more), or 0. The opening and closing runs of stars match.
 */
export function wrappedHeadingLines(lines: string[], at: number, reach = 3): number {
  const open = HTML2TEXT_OPENING.exec(lines[at]!);
  if (!open || HTML2TEXT_HEADING.test(lines[at]!)) return 0;
  const close = new RegExp(`[^*\\s]\\s\\*{${open[1]!.length}}\\s*$`);
  for (let k = at + 1; k < lines.length && k <= at + reach; k++) {
    if (!lines[k]!.trim() || HTML2TEXT_OPENING.test(lines[k]!)) return 0;
    if (close.test(lines[k]!)) return k - at + 1;
  }
  return 0;
}

function shift(links: InlineLink[], n: number): void {
  for (const l of links) {
    l.start = Math.max(0, l.start - n);
    l.end = Math.max(0, l.end - n);
  }
}
