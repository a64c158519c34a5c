// The quotation layer: « », “ ”, ‹ ›, „ “ and straight "…", with nesting.
// Marks are matched with a stack, paragraph by paragraph. A quotation still
// open at the end of its paragraph goes on into the next one when that
// paragraph re-opens it (the French convention: each paragraph of a long
// quotation starts with «, which is then no new quotation) or closes it;
// otherwise it ends, unclosed, with its paragraph. Unmatched closers are ignored.
import type { Doc } from '../doc/doc.js';
import type { Quote } from '../doc/schema.js';
import type { Stage } from '../pipeline/stage.js';

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '‹': '›', '„': '“', '"': '"' };
/** Quote marks and paragraph breaks: the only places the scan stops. */
const MARK_OR_BREAK = /[«»“”‹›„"]|\n[ \t\u00a0]*\r?\n/g;
/** A quotation runs over at most this many paragraphs. */
const MAX_PARAGRAPHS = 12;
/** Quotations nest at most this deep (bounds hostile input to linear time and output). */
const MAX_DEPTH = 16;
/** Before a straight quote, these make it an opening one. */
const OPENS_STRAIGHT = /[\s([{«“—–-]/;
const CLOSING_PUNCT = /[,.;:!?)\]]/;

interface Open {
  mark: string;
  at: number;
  paragraph: number;
}

interface Paragraph {
  start: number;
  end: number;
  /** The opening mark it starts with, if any. */
  opensWith: string | null;
  /** Closing marks with no opener in the paragraph: they close a quotation from before. */
  strayClosers: Set<string>;
}

/** A straight quote after a space or an opening bracket opens, unless closing punctuation follows ('mot ", dit-il'). */
function isStraightOpener(text: string, i: number): boolean {
  return (i === 0 || OPENS_STRAIGHT.test(text[i - 1]!)) && !CLOSING_PUNCT.test(text[i + 1] ?? '.');
}

/** Is the straight quote at i followed by a space, punctuation or the end (so it may close a quotation)? */
function mayCloseStraight(text: string, i: number): boolean {
  return /[\s,.;:!?)\]]/.test(text[i + 1] ?? ' ');
}

/** Paragraphs with what the quotation logic needs to know of them. */
function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let depth = new Map<string, number>();
  let stray = new Set<string>();
  const finish = (end: number) => {
    const first = /\S/.exec(text.slice(start, Math.min(end, start + 64)));
    const c = first ? text[start + first.index]! : '';
    out.push({ start, end, opensWith: c in PAIRS ? c : null, strayClosers: stray });
  };
  MARK_OR_BREAK.lastIndex = 0;
  for (let m = MARK_OR_BREAK.exec(text); m; m = MARK_OR_BREAK.exec(text)) {
    const c = m[0];
    if (c.length > 1) {
      finish(m.index);
      start = m.index + c.length;
      depth = new Map();
      stray = new Set();
      continue;
    }
    if (c === '"') {
      // Straight quotes: an opener if it follows a space; else it closes one, or is stray.
      const open = depth.get(c) ?? 0;
      const opener = isStraightOpener(text, m.index);
      if (open > 0 && (!opener || mayCloseStraight(text, m.index))) depth.set(c, open - 1);
      else if (opener && !(open === 0 && mayCloseStraight(text, m.index) && m.index > start)) depth.set(c, open + 1);
      else stray.add(c);
      continue;
    }
    for (const [open, close] of Object.entries(PAIRS)) {
      if (c === close && open !== '"') {
        if ((depth.get(open) ?? 0) > 0) depth.set(open, depth.get(open)! - 1);
        else stray.add(open);
      }
    }
    if (c in PAIRS) depth.set(c, (depth.get(c) ?? 0) + 1);
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
    quotes.push({ start: o.at, end: e, text: text.slice(o.at, e), open: o.mark, closed, depth });
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
    const prev = paras[p - 1]!;
    paragraph = p;
    const bottom = stack[0];
    if (!bottom) return;
    const next = paras[p];
    const tooLong = p - bottom.paragraph > MAX_PARAGRAPHS;
    if (!next || tooLong) return endAll(prev.end);
    if (next.opensWith === bottom.mark) continuation = text.indexOf(bottom.mark, next.start);
    else if (!next.strayClosers.has(bottom.mark)) endAll(prev.end);
  };

  MARK_OR_BREAK.lastIndex = 0;
  for (let m = MARK_OR_BREAK.exec(text); m; m = MARK_OR_BREAK.exec(text)) {
    const c = m[0];
    const i = m.index;
    if (c.length > 1) {
      enterParagraph(paragraph + 1);
      continue;
    }
    if (i === continuation) continue;
    if (c === '"') {
      // Straight quotes: one glued to the word before closes; one after a space
      // opens, unless a quotation is open and it is spaced on both sides ('mot " ,').
      const top = stack[stack.length - 1];
      const opener = isStraightOpener(text, i);
      if (top?.mark === '"' && (!opener || mayCloseStraight(text, i))) {
        stack.pop();
        emit(top, i + 1, true, stack.length);
      } else if (opener) push(c, i);
      continue;
    }
    if (c in PAIRS && !(c === '“' && openLow > 0)) {
      if (c === '„') openLow++;
      push(c, i);
      continue;
    }
    closeAt(i, c);
  }
  endAll(text.length);
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end);

  /** Nesting deeper than MAX_DEPTH is no real text: such openers are ignored (and the output stays linear). */
  function push(mark: string, at: number) {
    if (stack.length < MAX_DEPTH) stack.push({ mark, at, paragraph });
    else if (mark === '„') openLow--;
  }

  /** A closing mark: close the innermost quotation it matches (openers above it end unclosed). */
  function closeAt(i: number, c: string) {
    for (let k = stack.length - 1; k >= 0; k--) {
      const o = stack[k]!;
      if (PAIRS[o.mark] !== c) continue;
      for (let a = stack.length - 1; a > k; a--) emit(stack[a]!, i, false, a);
      for (let a = k; a < stack.length; a++) if (stack[a]!.mark === '„') openLow--;
      stack.length = k;
      emit(o, i + 1, true, k);
      return;
    }
  }
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(doc: Doc) {
    doc.quotes = findQuotes(doc.text);
  },
};
