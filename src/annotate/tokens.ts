// Tokens: one linear scan with a sticky regex, then language rules (elisions,
// inverted clitics, abbreviations) from lang/<code>/. Every pattern is bounded
// or possessive in effect, so hostile input (100k dots, a 20 MB line) stays linear.
import type { Doc } from '../doc/doc.js';
import type { Token } from '../doc/schema.js';
import { tokenizerData, type TokenizerData } from '../lang/tokenizer-data.js';
import type { Stage } from '../pipeline/stage.js';

const WORD_CHARS = '\\p{L}\\p{N}\\p{M}';
const TOKEN = new RegExp(
  [
    // Markdown link: [label](target)
    `(?<link>\\[[^\\]\\n]{1,300}\\]\\([^()\\s]{1,2000}\\))`,
    `(?<url>(?:https?://|www\\.)[^\\s<>"«»\\[\\]]{1,2000})`,
    `(?<email>[${WORD_CHARS}._%+-]{1,64}@[${WORD_CHARS}-]{1,63}(?:\\.[${WORD_CHARS}-]{1,63}){1,8})`,
    // 8000, 5.143, 3,5, 8 000 (narrow/no-break space), 1er, 155mm
    `(?<number>\\p{N}+(?:[.,\\u00A0\\u202F]\\p{N}+)*(?:[\\p{L}]+(?![\\-‐‑'’]))?)`,
    // words with inner hyphens and apostrophes: F-16, M-198, états-unienne, l'armée, dit-il
    `(?<word>[${WORD_CHARS}]+(?:['’\\-‐‑][${WORD_CHARS}]+)*)`,
    `(?<ellipsis>\\.{2,}|…)`,
    `(?<punct>\\p{P})`,
    `(?<symbol>[^\\s])`,
  ].join('|'),
  'uy',
);

const URL_TRAILING = /[.,;:!?'"»)\]]+$/;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x200b || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

export function tokenize(text: string, language = 'fr'): Token[] {
  const data = tokenizerData(language);
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m || !m.groups) {
      // Lone surrogate or similar: one symbol.
      tokens.push({ start: i, end: i + 1, kind: 'symbol' });
      i++;
      continue;
    }
    const g = m.groups;
    let end = i + m[0].length;
    if (g.link !== undefined) tokens.push({ start: i, end, kind: 'link' });
    else if (g.url !== undefined) {
      const trail = URL_TRAILING.exec(m[0]);
      if (trail) end -= trail[0].length;
      tokens.push({ start: i, end, kind: 'url' });
    } else if (g.email !== undefined) tokens.push({ start: i, end, kind: 'email' });
    else if (g.number !== undefined) tokens.push({ start: i, end, kind: 'number' });
    else if (g.word !== undefined) end = pushWord(text, i, end, data, tokens);
    else if (g.ellipsis !== undefined || g.punct !== undefined) tokens.push({ start: i, end, kind: 'punct' });
    else tokens.push({ start: i, end, kind: 'symbol' });
    i = end;
  }
  return tokens;
}

/** Split a word chunk by the language's rules; returns where scanning resumes. */
function pushWord(text: string, start: number, end: number, data: TokenizerData, out: Token[]): number {
  // Abbreviations and initials take their period: "M.", "etc.", "av. J.-C.", "J. Smith".
  if (text.charCodeAt(end) === 46 /* . */) {
    const abbr = longestAbbreviation(text, start, data);
    if (abbr > 0) {
      out.push({ start, end: start + abbr, kind: 'word' });
      return start + abbr;
    }
    if (end - start === 1 && /\p{Lu}/u.test(text[start]!)) {
      out.push({ start, end: end + 1, kind: 'word' });
      return end + 1;
    }
  }
  splitWord(text, start, end, data, out);
  return end;
}

function longestAbbreviation(text: string, start: number, data: TokenizerData): number {
  const window = text.slice(start, start + data.maxAbbreviation);
  let best = 0;
  for (let len = window.length; len > 1; len--) {
    if (window.charCodeAt(len - 1) !== 46) continue;
    if (data.abbreviations.has(window.slice(0, len))) {
      best = len;
      break;
    }
  }
  // The abbreviation must end at a word boundary ("M." but not "M.Dupont" read as "M.D").
  return best;
}

const APOSTROPHE = /['’]/;
const HYPHENS = ['-', '‐', '‑'];
/** Elision prefixes are short ("jusqu'"): look for the apostrophe only this far. */
const MAX_ELISION = 8;

function splitWord(text: string, start: number, end: number, data: TokenizerData, out: Token[]): void {
  let s = start;
  // Elisions: l'armée → l' + armée; qu'il → qu' + il; jusqu'à → jusqu' + à.
  while (data.elisions.size > 0 && s < end) {
    const head = text.slice(s, Math.min(end, s + MAX_ELISION + 1));
    const apo = head.search(APOSTROPHE);
    if (apo <= 0) break;
    if (end - s < 40 && data.elisionExceptions.has(text.slice(s, end).toLowerCase().replace(/’/g, "'"))) break;
    if (!data.elisions.has(head.slice(0, apo).toLowerCase())) break;
    out.push({ start: s, end: s + apo + 1, kind: 'word' });
    s += apo + 1;
  }
  // Inverted clitics: dit-il → dit + -il; a-t-elle → a + -t-elle; "a t-il" → t-il alone.
  const cut = data.invertedClitics.size > 0 ? cliticStart(text, s, end, data) : -1;
  if (cut > s) {
    out.push({ start: s, end: cut, kind: 'word' });
    out.push({ start: cut, end, kind: 'word' });
    return;
  }
  out.push({ start: s, end, kind: /^\p{N}/u.test(text[s] ?? '') ? 'number' : 'word' });
}

/** Where a trailing "-il" / "-t-il" clitic starts in text[s, end), or -1. */
function cliticStart(text: string, s: number, end: number, data: TokenizerData): number {
  let h = -1;
  for (let k = end - 1; k > s && k >= end - 8; k--) {
    if (HYPHENS.includes(text[k]!)) {
      h = k;
      break;
    }
  }
  if (h < 0 || !data.invertedClitics.has(text.slice(h + 1, end).toLowerCase())) return -1;
  // "t-il" alone ("a t-il", a common misspelling) stays one token.
  if (h - 1 === s && /[tT]/.test(text[s]!)) return -1;
  // "-t-" euphonic: a-t-il → the clitic token is "-t-il".
  if (h - 2 >= s && text[h - 1] === 't' && HYPHENS.includes(text[h - 2]!)) return h - 2;
  return h;
}

export const tokensStage: Stage = {
  name: 'tokens',
  run(doc: Doc) {
    doc.tokens = tokenize(doc.text, doc.meta.language);
  },
};
