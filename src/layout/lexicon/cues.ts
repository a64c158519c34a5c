// Metadata cues of every language (lang/*/meta.tsv): origin notices, by-lines,
// outlet notices, signatures. Lines longer than MAX_LINE are never tested.
import { rowsOfEveryLanguage } from './every-language.js';
import { unicodeRegex } from './unicode-regex.js';

export const MAX_LINE = 300;

export interface Cues {
  originLine: RegExp[];
  originInline: RegExp[];
  byline: RegExp[];
  outletLine: RegExp[];
  signature: RegExp[];
  originSplit: RegExp[];
  originStrip: RegExp[];
  /** "Traduit de l'anglais par …": group 1 names the source language. */
  translationLine: RegExp[];
  /** Language names of every language's data ("anglais", "English") → ISO 639-1 code. */
  languageNames: Map<string, string>;
}

let cues: Cues | undefined;

export function metaCues(): Cues {
  if (cues) return cues;
  const c: Cues = {
    originLine: [],
    originInline: [],
    byline: [],
    outletLine: [],
    signature: [],
    originSplit: [],
    originStrip: [],
    translationLine: [],
    languageNames: new Map(),
  };
  for (const { rows } of rowsOfEveryLanguage('meta.tsv')) {
    for (const [kind, re, code] of rows) {
      if (!re) continue;
      if (kind === 'language-name' && code) c.languageNames.set(re.toLowerCase(), code);
      else if (kind === 'translation-line') c.translationLine.push(unicodeRegex(re, 'iu'));
      if (kind === 'origin-line') c.originLine.push(unicodeRegex(re, 'iu'));
      else if (kind === 'origin-inline') c.originInline.push(unicodeRegex(re, 'gu'));
      else if (kind === 'byline') c.byline.push(unicodeRegex(re, 'u'));
      else if (kind === 'outlet-line') c.outletLine.push(unicodeRegex(re, 'iu'));
      else if (kind === 'signature') c.signature.push(unicodeRegex(re, 'u'));
      else if (kind === 'origin-split') c.originSplit.push(unicodeRegex(re, 'iu'));
      else if (kind === 'origin-strip') c.originStrip.push(unicodeRegex(re, 'iu'));
    }
  }
  cues = c;
  return c;
}

/** Group 1 of the first regex matching `line` (never tested beyond MAX_LINE characters). */
export function firstGroup(res: RegExp[], line: string): string | undefined {
  const t = line.trim();
  if (!t || t.length > MAX_LINE) return undefined;
  for (const re of res) {
    const m = re.exec(t);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** The ISO 639-1 code of the language a translation notice line names ("und" when unknown), or null for no notice. */
export function translationOfLine(line: string): string | null {
  const named = firstGroup(metaCues().translationLine, line);
  return named ? (metaCues().languageNames.get(named.toLowerCase()) ?? 'und') : null;
}

/** The outlets an origin notice line names ("Source : X, avec l'agence Y" → X, Y); empty when it is no notice. */
export function originsOfLine(line: string): string[] {
  const named = firstGroup(metaCues().originLine, line);
  if (!named) return [];
  let parts = [named];
  for (const re of metaCues().originSplit) parts = parts.flatMap((p) => p.split(re));
  return parts
    .map((p) =>
      metaCues()
        .originStrip.reduce((s, re) => s.replace(re, ''), p)
        .replace(/[*_]+$/, '')
        .trim(),
    )
    .filter((p) => p.length > 1);
}
