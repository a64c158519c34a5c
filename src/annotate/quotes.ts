// The quotation layer: « », “ ”, ‹ ›, and straight "…" with nesting. Marks are
// matched with a stack; a quotation left open is closed (closed: false) at the
// end of its paragraph unless a matching mark comes within MAX_PARAGRAPHS
// paragraphs (French quotations may run over several paragraphs).
import type { Doc } from '../doc/doc.js';
import type { Quote } from '../doc/schema.js';
import type { Stage } from '../pipeline/stage.js';

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '‹': '›', '„': '“' };
const CLOSING = new Set(Object.values(PAIRS));
const MAX_PARAGRAPHS = 6;
/** Closing marks look this deep into the stack (bounds hostile input to linear time). */
const MAX_DEPTH = 16;
const PARAGRAPH = /\n[ \t\u00a0]*\r?\n/g;

interface Open {
  mark: string;
  at: number;
  paragraph: number;
}

/** Paragraph index of each offset, via sorted paragraph-break positions. */
function paragraphBreaks(text: string): number[] {
  const breaks: number[] = [];
  PARAGRAPH.lastIndex = 0;
  for (let m = PARAGRAPH.exec(text); m; m = PARAGRAPH.exec(text)) breaks.push(m.index);
  return breaks;
}

export function findQuotes(text: string): Quote[] {
  const breaks = paragraphBreaks(text);
  const paragraphEnd = (p: number) => (p < breaks.length ? breaks[p]! : text.length);
  const quotes: Quote[] = [];
  const stack: Open[] = [];
  let paragraph = 0;
  let openLow = 0; // open „ marks, whose closer is “

  const emit = (o: Open, end: number, closed: boolean, depth: number) => {
    let e = end;
    while (!closed && e > o.at + 1 && /\s/.test(text[e - 1]!)) e--;
    quotes.push({ start: o.at, end: e, text: text.slice(o.at, e), open: o.mark, closed, depth });
  };
  // Quotations still open too many paragraphs after they began are unclosed.
  const expire = () => {
    while (stack.length > 0 && paragraph - stack[0]!.paragraph > MAX_PARAGRAPHS) {
      const o = stack.shift()!;
      if (o.mark === '„') openLow--;
      emit(o, paragraphEnd(o.paragraph), false, 0);
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      while (paragraph < breaks.length && breaks[paragraph]! < i) paragraph++;
      expire();
      continue;
    }
    if (c === '"') {
      const top = stack[stack.length - 1];
      const prev = i > 0 ? text[i - 1]! : ' ';
      const opens = /[\s([{«“—–-]/.test(prev) || i === 0;
      if (top?.mark === '"' && !opens) {
        stack.pop();
        emit(top, i + 1, true, stack.length);
      } else if (opens) stack.push({ mark: c, at: i, paragraph });
      else if (top?.mark === '"') {
        stack.pop();
        emit(top, i + 1, true, stack.length);
      }
      continue;
    }
    if (c in PAIRS && !(c === '“' && openLow > 0)) {
      if (c === '„') openLow++;
      stack.push({ mark: c, at: i, paragraph });
      continue;
    }
    if (CLOSING.has(c)) {
      // Close the innermost quotation this mark closes; unmatched closers are ignored.
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - MAX_DEPTH; k--) {
        const o = stack[k]!;
        if (PAIRS[o.mark] === c) {
          // Openers above it were never closed: they end where this one ends.
          for (let a = stack.length - 1; a > k; a--) emit(stack[a]!, paragraphEnd(stack[a]!.paragraph) < i ? paragraphEnd(stack[a]!.paragraph) : i, false, a);
          for (let a = k; a < stack.length; a++) if (stack[a]!.mark === '„') openLow--;
          stack.length = k;
          emit(o, i + 1, true, k);
          break;
        }
      }
    }
  }
  while (stack.length > 0) {
    const o = stack.pop()!;
    emit(o, paragraphEnd(o.paragraph), false, stack.length);
  }
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end);
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(doc: Doc) {
    doc.quotes = findQuotes(doc.text);
  },
};
