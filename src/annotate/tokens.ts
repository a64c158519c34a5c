// Tokens: one left-to-right scan over character classes (no regex per token),
// then the language's rules (elisions, inverted clitics, abbreviations) from
// lang/<code>/. Every look-ahead is bounded or memoised, so hostile input
// (100k dots, brackets or "@", a 20 MB line) stays linear.
import type { Doc } from '../doc/doc.js';
import type { Token } from '../doc/schema.js';
import { tokenizerData, type TokenizerData } from '../lang/tokenizer-data.js';
import type { Stage } from '../pipeline/stage.js';
import * as chars from './char-class.js';

// Local copies: a module's imported bindings can cost a getter call per use
// once transpiled (tsx), and these are read for every character.
const { classAt, classOf, isUpperCase, isWordChar } = chars;
const { DIGIT, LETTER, PUNCT, SPACE, SURROGATE } = chars;

/** Longest Markdown link label and target, URL and e-mail parts (RFC 5321 limits). */
const MAX_LABEL = 300;
const MAX_TARGET = 2000;
const MAX_URL = 2000;
const MAX_LOCAL = 64;
const MAX_DOMAIN_LABEL = 63;
const MAX_DOMAIN_LABELS = 9;
/** Elision prefixes are short ("jusqu'"): look for the apostrophe only this far. */
const MAX_ELISION = 8;
/** Inverted clitics are short ("-t-elles"): look for the hyphen only this far. */
const MAX_CLITIC = 8;

const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;
const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
/** Number group separators: 5.143, 3,5, 8 000 with a (narrow) no-break space. */
const isNumberSeparator = (c: number) => c === 0x2e || c === 0x2c || c === 0xa0 || c === 0x202f;
/** Characters that may not appear inside a URL (besides white space). */
const URL_STOP = new Set([...'<>"«»[]“”'].map((c) => c.charCodeAt(0)));
/** Characters a URL does not end with: the sentence's punctuation after it. */
const URL_TRAILING = new Set([...'.,;:!?\'"»)]’”'].map((c) => c.charCodeAt(0)));
const EMAIL_LOCAL_PUNCT = new Set([...'._%+-'].map((c) => c.charCodeAt(0)));

/** Per-call memo of the next occurrence of a character, so repeated look-aheads stay linear. */
class NextIndex {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}
  from(i: number): number {
    if (this.at !== -1 && this.at < i) this.at = this.text.indexOf(this.ch, i);
    return this.at;
  }
}

interface Scan {
  text: string;
  data: TokenizerData;
  out: Token[];
  nextAt: NextIndex;
  nextClose: NextIndex;
  nextNewline: NextIndex;
  /** The last Markdown link target scanned: many "[" may share one "](". */
  target: { start: number; end: number };
}

export function tokenize(text: string, language = 'fr'): Token[] {
  const s: Scan = {
    text,
    data: tokenizerData(language),
    out: [],
    nextAt: new NextIndex(text, '@'),
    nextClose: new NextIndex(text, ']'),
    nextNewline: new NextIndex(text, '\n'),
    target: { start: -1, end: -1 },
  };
  const { out } = s;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cls = classOf(c);
    if (cls === SPACE) {
      i++;
      continue;
    }
    let width = 1;
    if (cls === SURROGATE) ({ cls, width } = classAt(text, i));
    let end = -1;
    if (c === 0x5b /* [ */) end = linkEnd(s, i);
    else if (c === 0x68 /* h */ || c === 0x77 /* w */) end = urlEnd(text, i);
    if (end > 0) {
      out.push({ start: i, end, kind: c === 0x5b ? 'link' : 'url' });
      i = end;
      continue;
    }
    if (cls === LETTER || cls === DIGIT) {
      const at = s.nextAt.from(i);
      if (at > i && at - i <= MAX_LOCAL) end = emailEnd(text, i, at);
      if (end > 0) {
        out.push({ start: i, end, kind: 'email' });
        i = end;
        continue;
      }
    }
    if (cls === DIGIT) i = pushNumber(text, i, out);
    else if (cls === LETTER) i = pushWord(s, i);
    else if (c === 0x2e /* . */) {
      let e = i + 1;
      while (text.charCodeAt(e) === 0x2e) e++;
      out.push({ start: i, end: e, kind: 'punct' });
      i = e;
    } else {
      out.push({ start: i, end: i + width, kind: cls === PUNCT ? 'punct' : 'symbol' });
      i += width;
    }
  }
  return out;
}

/** End of a Markdown link `[label](target)` starting at i, or -1. */
function linkEnd(s: Scan, i: number): number {
  const close = s.nextClose.from(i + 1);
  if (close < 0 || close === i + 1 || close - i - 1 > MAX_LABEL) return -1;
  const nl = s.nextNewline.from(i + 1);
  if (nl >= 0 && nl < close) return -1;
  const { text } = s;
  if (text.charCodeAt(close + 1) !== 0x28 /* ( */) return -1;
  const from = close + 2;
  if (s.target.start !== from) {
    let j = from;
    while (j < text.length && j - from < MAX_TARGET) {
      const c = text.charCodeAt(j);
      if (c === 0x28 || c === 0x29 || classOf(c) === SPACE) break;
      j++;
    }
    s.target = { start: from, end: j };
  }
  const j = s.target.end;
  return j > from && text.charCodeAt(j) === 0x29 /* ) */ ? j + 1 : -1;
}

/** End of a URL (http://, https://, www.) starting at i, without the punctuation after it; or -1. */
function urlEnd(text: string, i: number): number {
  const prefix = text.startsWith('https://', i) ? 8 : text.startsWith('http://', i) ? 7 : text.startsWith('www.', i) ? 4 : 0;
  if (prefix === 0) return -1;
  const from = i + prefix;
  let j = from;
  let open = 0;
  while (j < text.length && j - from < MAX_URL) {
    const c = text.charCodeAt(j);
    if (classOf(c) === SPACE || URL_STOP.has(c)) break;
    if (c === 0x28) open++;
    else if (c === 0x29) open--;
    j++;
  }
  // Keep a ")" the URL itself opened (wiki/Foo_(bar)); drop the sentence's punctuation.
  while (j > from && URL_TRAILING.has(text.charCodeAt(j - 1))) {
    if (text.charCodeAt(j - 1) === 0x29 && open >= 0) break;
    if (text.charCodeAt(j - 1) === 0x29) open++;
    j--;
  }
  return j > from ? j : -1;
}

/** End of an e-mail address whose "@" is at `at`, starting at i; or -1. */
function emailEnd(text: string, i: number, at: number): number {
  for (let k = i; k < at; k++) {
    const c = text.charCodeAt(k);
    if (!isWordChar(c) && !EMAIL_LOCAL_PUNCT.has(c)) return -1;
  }
  let j = at + 1;
  let end = -1;
  let labels = 0;
  while (labels < MAX_DOMAIN_LABELS) {
    const from = j;
    while (j - from < MAX_DOMAIN_LABEL && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2d)) j++;
    if (j === from) break;
    labels++;
    end = j;
    if (text.charCodeAt(j) !== 0x2e) break;
    j++;
  }
  return labels >= 2 ? end : -1;
}

/** A number: 8000, 5.143, 3,5, 8 000, with a glued unit or ordinal (1er, 155mm, 12h30). Returns its end. */
function pushNumber(text: string, i: number, out: Token[]): number {
  let j = i;
  for (;;) {
    while (classOf(text.charCodeAt(j)) === DIGIT) j++;
    if (isNumberSeparator(text.charCodeAt(j)) && classOf(text.charCodeAt(j + 1)) === DIGIT) j++;
    else break;
  }
  if (classOf(text.charCodeAt(j)) === LETTER) {
    let e = j;
    while (isWordChar(text.charCodeAt(e))) e++;
    // "1er" and "155mm" are one token; a hyphen or apostrophe after makes it a word ("19-ans" stays split).
    const after = text.charCodeAt(e);
    if (!isHyphen(after) && !isApostrophe(after)) j = e;
  }
  out.push({ start: i, end: j, kind: 'number' });
  return j;
}

/** A word chunk (letters and digits joined by inner apostrophes or hyphens), split by the language's rules. */
function pushWord(s: Scan, start: number): number {
  const { text, data, out } = s;
  let end = start;
  let apostrophe = false;
  let hyphen = false;
  for (;;) {
    for (;;) {
      const c = text.charCodeAt(end);
      const k = classOf(c);
      if (k === LETTER || k === DIGIT) end++;
      else if (k === SURROGATE && classAt(text, end).cls === LETTER) end += 2;
      else break;
    }
    const c = text.charCodeAt(end);
    if (!isWordChar(text.charCodeAt(end + 1))) break;
    if (isApostrophe(c)) apostrophe = true;
    else if (isHyphen(c)) hyphen = true;
    else break;
    end++;
  }
  // Abbreviations and initials take their period: "M.", "etc.", "av. J.-C.", "J. Smith".
  if (text.charCodeAt(end) === 0x2e) {
    const domain = apostrophe ? -1 : domainEnd(text, end);
    if (domain > 0) {
      out.push({ start, end: domain, kind: 'url' });
      return domain;
    }
    const abbr = abbreviationEnd(text, start, data);
    if (abbr > 0) {
      out.push({ start, end: abbr, kind: 'word' });
      return abbr;
    }
    if (end - start === 1 && isUpperCase(text[start]!) && !startsSentence(text, end + 1, data)) {
      out.push({ start, end: end + 1, kind: 'word' });
      return end + 1;
    }
  }
  // An elided word before a quotation mark or a space keeps its apostrophe: "qu'« aucune … »", "d'"abus"" (the
  // loop stops there because no letter follows the apostrophe).
  if (!apostrophe && !hyphen && isApostrophe(text.charCodeAt(end)) && data.elisions.has(text.slice(start, end).toLowerCase())) {
    out.push({ start, end: end + 1, kind: 'word' });
    return end + 1;
  }
  splitWord(text, start, end, apostrophe, hyphen, data, out);
  return end;
}

/**
 * A site named by its domain, without http:// ("Figaro.fr", "attention-feux-foret.gouv.fr"):
 * the end of the ".tld" labels (lower-case ASCII, 2 to 6 letters) from `dot`, or -1.
 */
function domainEnd(text: string, dot: number): number {
  let j = dot;
  let end = -1;
  while (text.charCodeAt(j) === 0x2e) {
    let k = j + 1;
    while (k - j - 1 < 6 && text.charCodeAt(k) >= 0x61 && text.charCodeAt(k) <= 0x7a) k++;
    const next = text.charCodeAt(k);
    if (k - j - 1 < 2 || isWordChar(next) || next === 0x40 /* @ */ || next === 0x2f /* / */) break;
    end = j = k;
  }
  return end;
}

/** End of the longest abbreviation of the language starting at `start`, or -1. */
function abbreviationEnd(text: string, start: number, data: TokenizerData): number {
  const window = text.slice(start, start + data.maxAbbreviation);
  for (let len = window.length; len > 1; len--) {
    if (window.charCodeAt(len - 1) !== 0x2e) continue;
    const cls = data.abbreviations.get(window.slice(0, len));
    if (cls === undefined) continue;
    // "p. 12", "art. 49": these are abbreviations only before a number ("le vol. Il" ends a sentence).
    if (cls === 'numeric' && !numberFollows(text, start + len)) continue;
    return start + len;
  }
  return -1;
}

function numberFollows(text: string, i: number): boolean {
  let j = i;
  while (j < i + 3 && classOf(text.charCodeAt(j)) === SPACE) j++;
  return classOf(text.charCodeAt(j)) === DIGIT;
}

/** Does a capitalised word that usually opens a sentence ("Il", "La", "L'") follow at i? Then "A." before it ends one. */
function startsSentence(text: string, i: number, data: TokenizerData): boolean {
  let j = i;
  while (j < i + 3 && classOf(text.charCodeAt(j)) === SPACE) j++;
  if (!isUpperCase(text[j] ?? '')) return false;
  let e = j;
  while (e - j < 12 && classOf(text.charCodeAt(e)) === LETTER) e++;
  let word = text.slice(j, e).toLowerCase();
  if (isApostrophe(text.charCodeAt(e))) word += "'";
  return data.sentenceStarters.has(word);
}

function splitWord(text: string, start: number, end: number, apostrophe: boolean, hyphen: boolean, data: TokenizerData, out: Token[]): void {
  let s = start;
  // Elisions: l'armée → l' + armée; qu'il → qu' + il; jusqu'à → jusqu' + à.
  while (apostrophe && data.elisions.size > 0 && s < end) {
    let apo = s + 1;
    while (apo < end && apo - s <= MAX_ELISION && !isApostrophe(text.charCodeAt(apo))) apo++;
    if (apo >= end || apo - s > MAX_ELISION) break;
    // Either test stops the split: the cheap one (a short prefix) first.
    if (!data.elisions.has(text.slice(s, apo).toLowerCase())) break;
    if (end - s < 40 && data.elisionExceptions.has(text.slice(s, end).toLowerCase().replace(/’/g, "'"))) break;
    out.push({ start: s, end: apo + 1, kind: 'word' });
    s = apo + 1;
  }
  // Inverted clitics: dit-il → dit + -il; a-t-elle → a + -t-elle; "a t-il" → t-il alone.
  let cut = hyphen && data.invertedClitics.size > 0 ? cliticStart(text, s, end, data) : -1;
  // « Kim Jong-il »: a name's part, unless a euphonic letter marks a verb (« Ainsi Parla-t-il »).
  if (cut > s && !isHyphen(text.charCodeAt(cut + 2)) && isNamePart(text, s, out)) cut = -1;
  if (cut > s) {
    out.push({ start: s, end: cut, kind: 'word' });
    out.push({ start: cut, end, kind: 'word' });
    return;
  }
  out.push({ start: s, end, kind: classOf(text.charCodeAt(s)) === DIGIT ? 'number' : 'word' });
}

/**
 * Whether the hyphenated word at text[s] is part of a name, not a verb with its clitic: it starts with a capital and
 * directly follows a capitalised word (« Kim Jong-il », « Park Sung-il »). A verb inverted after its subject's name never
 * starts with a capital inside a sentence (« Kim a-t-il », « Macron dit-il »), and one opening a sentence follows
 * punctuation, not a word (« Dit-il »).
 */
function isNamePart(text: string, s: number, out: readonly Token[]): boolean {
  if (!isUpperCase(text[s] ?? '')) return false;
  const prev = out[out.length - 1];
  if (prev?.kind !== 'word' || !isUpperCase(text[prev.start] ?? '')) return false;
  // Only a space between them: the name's words, not a word ending a clause before a dash or a line break.
  for (let k = prev.end; k < s; k++) if (text[k] !== ' ' && text[k] !== '\u00a0') return false;
  return s > prev.end;
}

/** Where a trailing "-il" / "-t-il" clitic starts in text[s, end), or -1. */
function cliticStart(text: string, s: number, end: number, data: TokenizerData): number {
  let h = -1;
  for (let k = end - 1; k > s && k >= end - MAX_CLITIC; k--) {
    if (isHyphen(text.charCodeAt(k))) {
      h = k;
      break;
    }
  }
  if (h < 0 || !data.invertedClitics.has(text.slice(h + 1, end).toLowerCase())) return -1;
  const t = text.charCodeAt(h - 1);
  // The euphonic letter (lang data, "t" in French), in either case.
  const euphonic = data.euphonic >= 0 && (t === data.euphonic || t === String.fromCharCode(data.euphonic).toUpperCase().charCodeAt(0));
  // "t-il" alone ("a t-il", a common misspelling) stays one token.
  if (h - 1 === s && euphonic) return -1;
  // "-t-" euphonic: a-t-il → the clitic token is "-t-il".
  if (h - 2 >= s && t === data.euphonic && isHyphen(text.charCodeAt(h - 2))) return h - 2;
  return h;
}

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['text', 'meta'],
  provides: ['tokens'],
  run(doc: Doc) {
    doc.tokens = tokenize(doc.text, doc.meta.language);
  },
};
