// Sentences over the token layer. A sentence ends at a final stop (. ! ? …)
// with any closing quotes or brackets after it, when what follows can start a
// sentence; at a paragraph break, unless the next paragraph goes on in lower
// case (scraped text breaks sentences: "l'armée de⏎⏎l'air"); and at a line
// break that ends a heading or list item. A line broken inside a sentence is
// not a boundary. One pass over the tokens, reading character codes.
import type { Doc, Sentence } from '../doc/doc.js';
import type { Token } from '../doc/schema.js';
import { tokenizerData, type TokenizerData } from '../lang/tokenizer-data.js';
import type { Stage } from '../pipeline/stage.js';
import * as chars from './char-class.js';

const { classOf, isUpperCase } = chars;
const { DIGIT } = chars;

const code = (s: string) => s.charCodeAt(0);
/** Stops that end a sentence whatever follows a line break. */
const HARD_STOPS = new Set([...'.!?‼⁇⁈⁉'].map(code));
const ELLIPSIS = code('…');
const DOT = code('.');
/** Closing quotes and brackets that stay with the sentence they follow. */
const CLOSERS = new Set([...'»”’"\')]›'].map(code));
const STRAIGHT_QUOTES = new Set([...'"\''].map(code));
const QUOTE_MARKS = new Set([...'"\'«“‘‹'].map(code));
/** Marks that open a sentence: quotes, brackets, dashes and bullets. */
const OPENERS = new Set([...'«“"‘\'([‹—–-•*·►▶■'].map(code));
/** After one of these at the end of a line, the sentence goes on. */
const LINE_CONTINUES = new Set([...',;:([«“-'].map(code));
const LIST_OR_HEADING = /^(?:[-*•·–—►▶■]\s|#{1,6}\s|\d{1,3}[.)]\s)/u;

type Gap = 'space' | 'line' | 'paragraph';

function gapBetween(text: string, from: number, to: number): Gap {
  let lines = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) lines++;
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) lines++;
  }
  return lines >= 2 ? 'paragraph' : lines === 1 ? 'line' : 'space';
}

export function splitSentences(text: string, tokens: Token[], language = 'fr'): Sentence[] {
  const data = tokenizerData(language);
  const out: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    out.push({ start: tokens[first]!.start, end: tokens[last]!.end });
    first = last + 1;
  };
  /** Width of hard-wrapped lines in this text, computed at the first single line break. */
  let wrapWidth: number | undefined;
  /** Is a straight double quote open in this paragraph (by parity)? It tells a spaced '"' that opens from one that closes. */
  let quoteOpen = false;
  for (let i = 0; i < tokens.length - 1; ) {
    const stop = stopKind(text, tokens, i, data);
    const last = stop === 'none' ? i : stopGroupEnd(text, tokens, i, quoteOpen);
    for (let k = i; k <= last; k++) if (isDoubleQuote(text, tokens[k]!)) quoteOpen = !quoteOpen;
    const next = tokens[last + 1];
    if (!next) break;
    const gap = gapBetween(text, tokens[last]!.end, next.start);
    if (gap === 'paragraph') quoteOpen = false;
    let boundary: boolean;
    if (stop !== 'none') {
      if (gap === 'space') {
        // A lone letter glued to the stop is a code ("la VW ID.R"); a glued word is a
        // missing space between sentences, frequent in scraped text ("matin.Néanmoins").
        const gluedCode = next.start === tokens[last]!.end && next.end - next.start === 1 && next.kind === 'word';
        boundary = !gluedCode && startsSentence(text, next);
      } else {
        // After "…" or "etc." a line that goes on in lower case continues the sentence.
        boundary = stop === 'hard' || !startsLower(text, next);
      }
      // In an intertitle or list item ("- « Comme Pasteur ! » -"), the closing dash is no sentence.
      // (The bounded look-ahead first: the line-start look-back runs only before a paragraph end, keeping this linear.)
      if (boundary && gap !== 'paragraph' && onlyPunctuationToParagraphEnd(text, tokens, last + 1) && isListOrHeading(text, tokens[i]!.start)) boundary = false;
    } else if (gap === 'paragraph') {
      // Scraped text breaks paragraphs inside sentences, even after "M.";
      // a one-token paragraph (a URL slug, a code) goes on nothing.
      const after = tokens[last + 2];
      const oneToken = !after || gapBetween(text, next.end, after.start) === 'paragraph';
      const goesOn = (startsLower(text, next) && !oneToken) || isTitle(text, tokens[last]!, data);
      boundary = !goesOn || isListOrHeading(text, tokens[last]!.start);
    } else {
      if (gap === 'line') wrapWidth ??= wrappedLineWidth(text);
      boundary = gap === 'line' && lineEnds(text, tokens[last]!, next, data, wrapWidth!);
    }
    if (boundary) close(last);
    i = last + 1;
  }
  if (first < tokens.length) close(tokens.length - 1);
  return out;
}

/**
 * Is token i a final stop? `hard` for . ! ?, `soft` for an ellipsis or an
 * abbreviation that may end a sentence ("etc."), whose end depends on what follows.
 */
function stopKind(text: string, tokens: Token[], i: number, data: TokenizerData): 'hard' | 'soft' | 'none' {
  const t = tokens[i]!;
  const c = text.charCodeAt(t.start);
  const len = t.end - t.start;
  if (t.kind === 'punct') {
    let kind: 'hard' | 'soft' | 'none' = 'none';
    if (len === 1 && HARD_STOPS.has(c)) kind = 'hard';
    else if (c === ELLIPSIS || (c === DOT && len > 1)) kind = 'soft';
    if (kind === 'none') return kind;
    // "(…)" and "[…]" mark an omission inside a quotation, not an end.
    const prev = tokens[i - 1];
    if (prev && prev.end === t.start && (text.charCodeAt(prev.start) === 0x28 || text.charCodeAt(prev.start) === 0x5b)) return 'none';
    return kind;
  }
  if (t.kind === 'word' && text.charCodeAt(t.end - 1) === DOT) {
    const cls = data.abbreviations.get(text.slice(t.start, t.end));
    if (cls === 'may-end') return 'soft';
    // "the U.S. Army" goes on; "in the U.S. The…" ends.
    if (cls === 'name' && tokens[i + 1] && startsWithStarter(text, tokens[i + 1]!, data)) return 'soft';
  }
  return 'none';
}

const isDoubleQuote = (text: string, t: Token) => t.end - t.start === 1 && text.charCodeAt(t.start) === 0x22;

/** Tokens from k to the end of the paragraph are a few punctuation marks at most. */
function onlyPunctuationToParagraphEnd(text: string, tokens: Token[], k: number): boolean {
  for (let j = k; j < k + 4 && j < tokens.length; j++) {
    if (tokens[j]!.kind !== 'punct') return false;
    const n = tokens[j + 1];
    if (!n || gapBetween(text, tokens[j]!.end, n.start) === 'paragraph') return true;
  }
  return false;
}

/**
 * The last token of the stop group at i: more stops, then closing quotes and
 * brackets. `quoteOpen`: a straight double quote is open before i.
 */
function stopGroupEnd(text: string, tokens: Token[], i: number, quoteOpen: boolean): number {
  let open = quoteOpen;
  let j = i;
  for (;;) {
    const n = tokens[j + 1];
    if (n?.kind !== 'punct' || gapBetween(text, tokens[j]!.end, n.start) === 'paragraph') break;
    const c = text.charCodeAt(n.start);
    if (!(HARD_STOPS.has(c) || c === ELLIPSIS || CLOSERS.has(c))) break;
    // A straight quote after a stop closes ('?",'), unless glued to a word or
    // another quote after it: then it opens the next sentence ('."Nous', '. "\'Pas').
    const after = tokens[j + 2];
    if (STRAIGHT_QUOTES.has(c) && after && after.start === n.end && (after.kind !== 'punct' || QUOTE_MARKS.has(text.charCodeAt(after.start)))) break;
    // Spaced on both sides ('. " C\'était'), a double quote opens when none is open.
    if (isDoubleQuote(text, n)) {
      if (!open && n.start > tokens[j]!.end && after && after.start > n.end && gapBetween(text, n.end, after.start) === 'space') break;
      open = !open;
    }
    j++;
  }
  return j;
}

/** A title or initial with its period ("M.", "Dr.", "J."): the name follows, whatever the gap. */
function isTitle(text: string, t: Token, data: TokenizerData): boolean {
  if (t.kind !== 'word' || text.charCodeAt(t.end - 1) !== DOT) return false;
  if (t.end - t.start === 2) return true;
  const cls = data.abbreviations.get(text.slice(t.start, t.end));
  return cls === 'title' || cls === 'numeric';
}

/** Is t a capitalised word that usually opens a sentence ("The", "Il", "L'")? */
function startsWithStarter(text: string, t: Token, data: TokenizerData): boolean {
  if (t.kind !== 'word' || !isUpperCase(text[t.start]!)) return false;
  return data.sentenceStarters.has(text.slice(t.start, t.end).toLowerCase().replace(/’/g, "'"));
}

function startsSentence(text: string, t: Token): boolean {
  if (t.kind === 'link' || t.kind === 'url') return true;
  const c = text.charCodeAt(t.start);
  return OPENERS.has(c) || classOf(c) === DIGIT || isUpperCase(text[t.start]!);
}

function startsLower(text: string, t: Token): boolean {
  const ch = text[t.start]!;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isListOrHeading(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return LIST_OR_HEADING.test(text.slice(lineStart, lineStart + 8));
}

/**
 * Text wrapped at a fixed width (e-mail, some scrapers, PDF copies) breaks
 * lines inside sentences, before capitalised names too. Returns that width
 * when most lines in multi-line paragraphs come close to one (their 90th
 * percentile), else Infinity.
 */
function wrappedLineWidth(text: string): number {
  const lengths: number[] = [];
  let inner = 0; // lines followed by another line of the same paragraph
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const nextIsText = end < text.length && text.charCodeAt(end + 1) !== 10 && text.charCodeAt(end + 1) !== 13;
    if (nextIsText) {
      lengths.push(end - start);
      inner++;
    }
    start = end + 1;
  }
  if (inner < 3) return Infinity;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))]!;
  const near = lengths.filter((l) => l >= 0.75 * width).length;
  return width >= 40 && width <= 200 && near >= 0.6 * lengths.length ? width : Infinity;
}

/** At a single line break after `last`: does the line end a sentence (heading, list item, by-line)? */
function lineEnds(text: string, last: Token, next: Token, data: TokenizerData, wrapWidth: number): boolean {
  if (isListOrHeading(text, next.start) || isListOrHeading(text, last.start)) return true;
  if (last.end - last.start === 1 && LINE_CONTINUES.has(text.charCodeAt(last.start))) return false;
  if (data.linkWords.has(text.slice(last.start, last.end).toLowerCase())) return false;
  // A line filled up to the wrapping width was broken by the wrapping, not by the author.
  const lineStart = text.lastIndexOf('\n', last.start) + 1;
  if (last.end - lineStart >= 0.75 * wrapWidth) return false;
  // A broken line continues in lower case; a new capitalised line after a
  // line without a stop is a heading, a by-line or a caption.
  const c = text.charCodeAt(next.start);
  return startsSentence(text, next) && c !== code('«') && c !== code('“') && c !== code('"');
}

export const sentencesStage: Stage = {
  name: 'sentences',
  requires: ['tokens', 'meta'],
  provides: ['sentences'],
  run(doc: Doc) {
    doc.sentences = splitSentences(doc.text, doc.tokens, doc.meta.language);
  },
};
