// A search box query, parsed once for every backend: bare words match the
// stemmed, accent-folded index (« livraisons » finds « livrées »), "quoted
// phrases" match the accent-folded words in order.
import { fold, words, wordTools } from './words.js';

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

/** A short passage of `text` around the first word whose stem the query asks for. */
export function snippet(text: string, q: ParsedQuery, language: string, width = 160): string {
  const tools = wordTools(language);
  const wanted = new Set([...q.stems, ...q.phrases.map((p) => p[0]!).map((w) => tools.stem(w))]);
  let at = 0;
  for (const w of words(text)) {
    const parts = tools.stem(w.word).split('-');
    if (parts.some((p) => wanted.has(p)) || wanted.has(fold(w.word))) {
      at = w.start;
      break;
    }
  }
  const start = Math.max(0, at - width / 2);
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ').trim() + (end < text.length ? '…' : '');
}
