// A search box query, parsed once for every backend: bare words match the
// stemmed, accent-folded index (« livraisons » finds « livrées »), "quoted
// phrases" match the accent-folded words in order.
import { fold } from '../text/fold.js';
import { words, wordTools } from '../lang/stems.js';

export interface ParsedQuery {
  /** Stems that must all occur. */
  stems: string[];
  /** Phrases (folded words) that must occur as written. */
  phrases: string[][];
}

const MAX_TERMS = 64;

export function parseQuery(text: string, language: string): ParsedQuery {
  const tools = wordTools(language);
  const stems: string[] = [];
  const phrases: string[][] = [];
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const ws = [...words(part)].map((w) => w.word);
    if (i % 2 === 1 && ws.length > 0) phrases.push(ws.map(fold));
    else for (const w of ws) stems.push(...tools.stem(w).split('-').filter(Boolean));
  });
  return { stems: [...new Set(stems)].slice(0, MAX_TERMS), phrases: phrases.slice(0, MAX_TERMS) };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.stems.length === 0 && q.phrases.length === 0;
}

/** Query text was given but holds no searchable word ("(", "***"): it asks for nothing. */
export function asksNothing(text: string | undefined, q: ParsedQuery): boolean {
  return (text ?? '').trim() !== '' && isEmptyQuery(q);
}

/**
 * A short passage of `text` around the first word the query asks for. Stems
 * are mostly prefixes of the folded words, so a substring search on the
 * folded text finds most matches without stemming the document; a word-by-word
 * pass catches the rest (irregular forms).
 */
export function snippet(text: string, q: ParsedQuery, language: string, width = 160): string {
  const tools = wordTools(language);
  const wanted = [...q.stems, ...q.phrases.map((p) => tools.stem(p[0]!))].filter((s) => s.length > 0);
  // Nothing asked for (a listing by filters): the text's opening, without folding or stemming it all.
  if (wanted.length === 0) return passage(text, 0, width);
  const folded = fold(text).toLowerCase();
  let at = -1;
  for (const s of wanted) {
    for (let i = folded.indexOf(s); i >= 0; i = folded.indexOf(s, i + 1)) {
      if (i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1]!)) {
        if (at < 0 || i < at) at = i;
        break;
      }
    }
  }
  if (at < 0) {
    const set = new Set(wanted);
    for (const w of words(text)) {
      if (
        tools
          .stem(w.word)
          .split('-')
          .some((p) => set.has(p))
      ) {
        at = w.start;
        break;
      }
    }
  }
  return passage(text, Math.max(0, Math.min(text.length, at) - width / 2), width);
}

function passage(text: string, start: number, width: number): string {
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ').trim() + (end < text.length ? '…' : '');
}
