// Metadata cues of every language (lang/*/meta.tsv): origin notices, by-lines,
// author separators. Lines longer than MAX_LINE are never tested.
import { readdirSync } from 'node:fs';
import { LANG_ROOT, langPath, readTsv } from '../lang/resources.js';

export const MAX_LINE = 300;

export interface Cues {
  originLine: RegExp[];
  originInline: RegExp[];
  byline: RegExp[];
  authorSplit: RegExp[];
}

let cues: Cues | undefined;

export function metaCues(): Cues {
  if (cues) return cues;
  const c: Cues = { originLine: [], originInline: [], byline: [], authorSplit: [] };
  for (const code of readdirSync(LANG_ROOT).sort()) {
    if (!/^[a-z]{2}$/.test(code)) continue;
    let rows: string[][] = [];
    try {
      rows = readTsv(langPath(code, 'meta.tsv'));
    } catch {
      continue;
    }
    for (const [kind, re] of rows) {
      if (!re) continue;
      if (kind === 'origin-line') c.originLine.push(new RegExp(re, 'iu'));
      else if (kind === 'origin-inline') c.originInline.push(new RegExp(re, 'gu'));
      else if (kind === 'byline') c.byline.push(new RegExp(re, 'u'));
      else if (kind === 'author-split') c.authorSplit.push(new RegExp(re, 'u'));
    }
  }
  cues = c;
  return c;
}
