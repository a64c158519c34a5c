// Sentences over the token layer. A sentence ends at a final stop (. ! ? …)
// with any closing quotes or brackets after it, when what follows can start a
// sentence; at a paragraph break; and at a line break that ends a heading or
// list item. A line broken inside a sentence is not a boundary.
import type { Doc, Sentence } from '../doc/doc.js';
import type { Token } from '../doc/schema.js';
import { tokenizerData, type TokenizerData } from '../lang/tokenizer-data.js';
import type { Stage } from '../pipeline/stage.js';

const FINAL = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉']);
const CLOSERS = new Set(['»', '”', '’', '"', ')', ']', '›']);
const OPENERS = /^[«“"‘'(\[‹—–\-•*·]/u;
const UPPER_OR_DIGIT = /^[\p{Lu}\p{Lt}\p{N}]/u;
const LIST_OR_HEADING = /^(?:[-*•·–—]\s|#{1,6}\s|\d{1,3}[.)]\s)/u;

type Gap = 'none' | 'space' | 'line' | 'paragraph';

function gapBetween(text: string, from: number, to: number): Gap {
  if (from >= to) return 'none';
  let lines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) lines++;
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) lines++;
  }
  return lines >= 2 ? 'paragraph' : lines === 1 ? 'line' : 'space';
}

function tokText(text: string, t: Token): string {
  return text.slice(t.start, t.end);
}

export function splitSentences(text: string, tokens: Token[], language = 'fr'): Sentence[] {
  const data = tokenizerData(language);
  const out: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last >= first) out.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = gapBetween(text, t.end, next.start);
    if (gap === 'paragraph') {
      close(i);
      continue;
    }
    const end = finalStopEnd(text, tokens, i, data);
    if (end >= i) {
      const after = tokens[end + 1];
      if (!after) {
        i = end;
        break;
      }
      const g = gapBetween(text, tokens[end]!.end, after.start);
      if (g === 'paragraph' || g === 'line' || startsSentence(text, after)) {
        close(end);
        i = end;
        continue;
      }
      i = end;
      continue;
    }
    if (gap === 'line' && lineEnds(text, tokens, i, next, data)) close(i);
  }
  if (first < tokens.length) close(tokens.length - 1);
  return out;
}

/**
 * If token i is a final stop (or an abbreviation that may end a sentence),
 * the index of the last token of the stop group (closing quotes and brackets
 * included); else -1.
 */
function finalStopEnd(text: string, tokens: Token[], i: number, data: TokenizerData): number {
  const t = tokens[i]!;
  const s = tokText(text, t);
  let isFinal = t.kind === 'punct' && (FINAL.has(s) || /^\.{2,}$/.test(s));
  if (!isFinal && t.kind === 'word' && s.endsWith('.') && data.abbreviations.get(s) === 'may-end') isFinal = true;
  if (!isFinal) return -1;
  // "(…)" and "[…]" mark an omission inside a quotation, not an end.
  const prev = tokens[i - 1];
  if (prev && prev.end === t.start && /^[(\[]$/.test(tokText(text, prev))) return -1;
  let j = i;
  for (;;) {
    const n = tokens[j + 1];
    if (!n) break;
    const ns = tokText(text, n);
    if (gapBetween(text, tokens[j]!.end, n.start) === 'paragraph') break;
    if (n.kind === 'punct' && (FINAL.has(ns) || /^\.{2,}$/.test(ns) || CLOSERS.has(ns))) {
      // A straight quote after a stop closes only if nothing is glued after it.
      if ((ns === '"' || ns === "'") && tokens[j + 2] && tokens[j + 2]!.start === n.end) break;
      j++;
      continue;
    }
    break;
  }
  return j;
}

function startsSentence(text: string, t: Token): boolean {
  const s = tokText(text, t);
  return UPPER_OR_DIGIT.test(s) || OPENERS.test(s) || t.kind === 'link' || t.kind === 'url';
}

/** At a single line break after token i: does the line end a sentence (heading, list item)? */
function lineEnds(text: string, tokens: Token[], i: number, next: Token, data: TokenizerData): boolean {
  const lineStart = text.lastIndexOf('\n', tokens[i]!.start) + 1;
  const nextLine = text.slice(next.start, next.start + 8);
  if (LIST_OR_HEADING.test(nextLine) || LIST_OR_HEADING.test(text.slice(lineStart, lineStart + 8))) return true;
  const last = tokText(text, tokens[i]!).toLowerCase();
  if (data.linkWords.has(last) || /^[,;:(\[«“-]$/.test(last)) return false;
  // A broken line continues in lower case; a new capitalised line after a
  // line without a stop is a heading, a by-line or a caption.
  return startsSentence(text, next) && !/^[«“"]/.test(tokText(text, next)) ? true : false;
}

export const sentencesStage: Stage = {
  name: 'sentences',
  run(doc: Doc) {
    doc.sentences = splitSentences(doc.text, doc.tokens, doc.meta.language);
  },
};
