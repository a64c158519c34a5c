// A word view over the token layer for the shallow parser: each token with its
// normalised lowercase form (’ → ', hyphen variants → -), its sentence and
// paragraph, and whether a line or paragraph break precedes it.
import type { Doc } from '../../doc/doc.js';
import type { Token } from '../../doc/schema.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** Lowercase, apostrophes and hyphens normalised. */
  lower: string;
  kind: Token['kind'];
  sentence: number;
  /** True when the word begins with an uppercase letter (or is an Arabic-style "al-Name"). */
  cap: boolean;
}

const HYPHENS = /[‐‑–]/g;

const ODD = /[’‐‑–]/;

/** Per UTF-16 code unit: 1 when `normalise` leaves it as is, 2 when it may not; 0 not yet known. */
const stableUnits = new Uint8Array(0x10000);

function isStable(c: number): boolean {
  let k = stableUnits[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    // Surrogates are judged as whole code points by toLowerCase, so never alone. Lowercasing depends on
    // context only for characters that change on their own (final sigma), so a stable unit stays stable.
    k = (c >= 0xd800 && c <= 0xdfff) || ch.toLowerCase() !== ch || ODD.test(ch) ? 2 : 1;
    stableUnits[c] = k;
  }
  return k === 1;
}

export function normalise(s: string): string {
  // Most words are already lowercase: return them without a copy (and without the regex).
  let k = 0;
  while (k < s.length && isStable(s.charCodeAt(k))) k++;
  if (k === s.length) return s;
  const l = s.toLowerCase();
  return ODD.test(l) ? l.replace(/’/g, "'").replace(HYPHENS, '-') : l;
}

/** `hyphenatedName`: a lowercase word that is a name all the same ("al-Assad"; lang/<code>/grammar.json). */
export function buildWords(doc: Doc, hyphenatedName: RegExp): Word[] {
  const words: Word[] = new Array(doc.tokens.length);
  let s = 0;
  const sentences = doc.sentences;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    while (s < sentences.length - 1 && t.start >= sentences[s]!.end) s++;
    const text = doc.text.slice(t.start, t.end);
    const lower = normalise(text);
    const c = text.charCodeAt(0);
    // Uppercase first letter: ASCII A–Z, or a non-ASCII letter that lowercases differently.
    const upper = (c >= 65 && c <= 90) || (c > 127 && lower.charCodeAt(0) !== c);
    const hyphen = !upper && t.kind === 'word' && text.length > 3 && text.indexOf('-') > 0 && text.indexOf('-') <= 4;
    words[i] = {
      start: t.start,
      end: t.end,
      text,
      lower,
      kind: t.kind,
      sentence: s,
      cap: t.kind === 'word' && (upper || (hyphen && hyphenatedName.test(text))),
    };
  }
  return words;
}

/** Opening and closing quotation marks as tokens. */
export const OPEN_QUOTES = new Set(['«', '“', '„', '‹', '"']);
export const CLOSE_QUOTES = new Set(['»', '”', '›', '"', '“']);

export function isPunct(w: Word | undefined): boolean {
  return !w || w.kind === 'punct' || w.kind === 'symbol';
}

/** Index of the first word of each sentence, and of the word after its last. */
export function sentenceBounds(words: Word[], sentenceCount: number): { first: Int32Array; last: Int32Array } {
  const first = new Int32Array(sentenceCount).fill(-1);
  const last = new Int32Array(sentenceCount).fill(-1);
  for (let i = 0; i < words.length; i++) {
    const s = words[i]!.sentence;
    if (first[s] === -1) first[s] = i;
    last[s] = i;
  }
  return { first, last };
}

/** Index of the first word starting at or after character `offset` (binary search; words.length if none). */
export function wordAtOrAfter(words: Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
