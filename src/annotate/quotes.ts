// The quotation layer: « », “ ”, ‹ ›, „ “ and straight "…", with nesting.
// Marks are matched with a stack, paragraph by paragraph. A quotation still
// open at the end of its paragraph goes on into the next one when that
// paragraph re-opens it (the French convention: each paragraph of a long
// quotation starts with «, which is then no new quotation) or closes it;
// otherwise it ends, unclosed, with its paragraph. Unmatched closers are ignored.
import type { Doc } from '../doc/doc.js';
import type { Quote } from '../doc/schema.js';
import type { Stage } from '../pipeline/stage.js';

/** Kinds of quotation, by opening mark; CLOSE_MARK[k] closes kind k. */
const OPEN_MARK = ['«', '“', '‹', '„', '"'];
const CLOSE_MARK = ['»', '”', '›', '“', '"'];
const LOW = 3;
const STRAIGHT = 4;
/** Quote marks and paragraph breaks: the only places the scan stops. */
const MARK_OR_BREAK = /[«»“”‹›„"]|\n[ \t\u00a0]*\r?\n/g;
/** A quotation runs over at most this many paragraphs. */
const MAX_PARAGRAPHS = 12;
/** Quotations nest at most this deep (bounds hostile input to linear time and output). */
const MAX_DEPTH = 16;
/** Before a straight quote, these make it an opening one. */
const OPENS_STRAIGHT = /[\s([{«“—–-]/;
const CLOSING_PUNCT = /[,.;:!?)\]]/;
const SPACE_OR_CLOSING_PUNCT = /[\s,.;:!?)\]]/;

interface Open {
  kind: number;
  at: number;
  paragraph: number;
}

interface Paragraph {
  start: number;
  end: number;
  /** The kind of quotation its first character opens, or -1. */
  opens: number;
  /** Bit k set: a closer of kind k with no opener in the paragraph, which closes a quotation from before. */
  stray: number;
}

/**
 * What a straight quote does: a quote glued to the word before closes the open
 * one; after a space or a bracket it opens one, unless closing punctuation
 * follows ('sortis ", dit-il') or it ends the line; spaced on both sides, it
 * closes an open one ('" aider "').
 */
function straightRole(text: string, i: number, open: boolean): 'open' | 'close' | 'stray' {
  const next = text[i + 1] ?? '\n';
  const afterSpace = i === 0 || OPENS_STRAIGHT.test(text[i - 1]!);
  if (open && (!afterSpace || SPACE_OR_CLOSING_PUNCT.test(next))) return 'close';
  if (afterSpace && !CLOSING_PUNCT.test(next) && !endsLine(text, i + 1)) return 'open';
  return 'stray';
}

function endsLine(text: string, i: number): boolean {
  let j = i;
  while (j < i + 8 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u00a0')) j++;
  return j >= text.length || text[j] === '\n' || text[j] === '\r';
}

/** Paragraphs with what the quotation logic needs to know of them: how they start, what they close. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const depth = [0, 0, 0, 0, 0];
  let start = 0;
  let stray = 0;
  const finish = (end: number) => {
    let j = start;
    while (j < end && j < start + 64 && /\s/.test(text[j]!)) j++;
    out.push({ start, end, opens: j < end ? OPEN_MARK.indexOf(text[j]!) : -1, stray });
    start = end;
    stray = 0;
    depth.fill(0);
  };
  const close = (k: number) => {
    if (depth[k]! > 0) depth[k]!--;
    else stray |= 1 << k;
  };
  MARK_OR_BREAK.lastIndex = 0;
  for (let m = MARK_OR_BREAK.exec(text); m; m = MARK_OR_BREAK.exec(text)) {
    const c = m[0];
    if (c.length > 1) {
      finish(m.index);
      start = m.index + c.length;
    } else if (c === '"') {
      const role = straightRole(text, m.index, depth[STRAIGHT]! > 0);
      if (role === 'open') depth[STRAIGHT]!++;
      else close(STRAIGHT);
    } else if (c === '“' && depth[LOW]! > 0) close(LOW);
    else {
      const k = OPEN_MARK.indexOf(c);
      if (k >= 0) depth[k]!++;
      else close(CLOSE_MARK.indexOf(c));
    }
  }
  finish(text.length);
  return out;
}

export function findQuotes(text: string): Quote[] {
  const paras = paragraphs(text);
  const quotes: Quote[] = [];
  const stack: Open[] = [];
  let paragraph = 0;
  let openLow = 0; // open „ marks, whose closer is “
  /** The opening mark at this offset re-opens a continued quotation: skip it. */
  let continuation = -1;

  const emit = (o: Open, end: number, closed: boolean, depth: number) => {
    let e = end;
    while (!closed && e > o.at + 1 && /\s/.test(text[e - 1]!)) e--;
    quotes.push({ start: o.at, end: e, text: text.slice(o.at, e), open: OPEN_MARK[o.kind]!, closed, depth });
  };
  const endAll = (end: number) => {
    while (stack.length > 0) {
      const o = stack.pop()!;
      emit(o, end, false, stack.length);
    }
    openLow = 0;
  };
  // At a paragraph break: do the open quotations go on into the next paragraph?
  const enterParagraph = (p: number) => {
    paragraph = p;
    const bottom = stack[0];
    if (!bottom) return;
    const prev = paras[p - 1]!;
    const next = paras[p];
    if (!next || p - bottom.paragraph > MAX_PARAGRAPHS) return endAll(prev.end);
    if (next.opens === bottom.kind) continuation = text.indexOf(OPEN_MARK[bottom.kind]!, next.start);
    else if (!(next.stray & (1 << bottom.kind))) endAll(prev.end);
  };
  // Nesting deeper than MAX_DEPTH is no real text: such openers are ignored.
  const push = (kind: number, at: number) => {
    if (stack.length >= MAX_DEPTH) return;
    if (kind === LOW) openLow++;
    stack.push({ kind, at, paragraph });
  };
  // A closing mark closes the innermost quotation of its kind; openers above it end unclosed there.
  const closeAt = (i: number, kind: number) => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      if (o.kind !== kind) continue;
      for (let a = stack.length - 1; a > k; a--) emit(stack[a]!, i, false, a);
      for (let a = k; a < stack.length; a++) if (stack[a]!.kind === LOW) openLow--;
      stack.length = k;
      emit(o, i + 1, true, k);
      return;
    }
  };

  MARK_OR_BREAK.lastIndex = 0;
  for (let m = MARK_OR_BREAK.exec(text); m; m = MARK_OR_BREAK.exec(text)) {
    const c = m[0];
    const i = m.index;
    if (c.length > 1) enterParagraph(paragraph + 1);
    else if (i === continuation) continue;
    else if (c === '"') {
      const role = straightRole(
        text,
        i,
        stack.some((o) => o.kind === STRAIGHT),
      );
      if (role === 'open') push(STRAIGHT, i);
      else if (role === 'close') closeAt(i, STRAIGHT);
    } else if (c === '“' && openLow > 0) closeAt(i, LOW);
    else {
      const k = OPEN_MARK.indexOf(c);
      if (k >= 0) push(k, i);
      else closeAt(i, CLOSE_MARK.indexOf(c));
    }
  }
  endAll(text.length);
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end);
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['text'],
  provides: ['quotes'],
  run(doc: Doc) {
    doc.quotes = findQuotes(doc.text);
  },
};
