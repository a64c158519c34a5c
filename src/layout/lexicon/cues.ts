// Metadata cues of every language (lang/*/meta.tsv): origin notices, by-lines,
// outlet notices, signatures. Lines longer than MAX_LINE are never tested.
import { anchors, foldText } from './boilerplate-anchors.js';
import { rowsOfEveryLanguage } from './every-language.js';
import { unicodeRegex } from './unicode-regex.js';

export const MAX_LINE = 300;

export interface Cues {
  originLine: RegExp[];
  originInline: RegExp[];
  byline: RegExp[];
  outletLine: RegExp[];
  signature: RegExp[];
  /** A line naming the site ("X logo", "Follow X"): group 1 is its name. */
  siteLine: RegExp[];
  /** A company's name by its legal form ("Hearst Communications, Inc.", "Future US"): the owner, not the site. */
  ownerName: RegExp[];
  /** A line giving when the article was last changed ("Mis à jour le …", "Updated …"): group 1 is the update word. */
  updateLine: RegExp[];
  originSplit: RegExp[];
  originStrip: RegExp[];
  /** "Traduit de l'anglais par …": group 1 names the source language. */
  translationLine: RegExp[];
  /** Language names of every language's data ("anglais", "English") → ISO 639-1 code. */
  languageNames: Map<string, string>;
}

let cues: Cues | undefined;

/**
 * Per list of `Cues`, each regex's anchors (./boilerplate-anchors.ts: literals a matching line's folded text
 * contains; undefined: always tested). `firstGroup` skips a regex whose anchors a line lacks: the same first match,
 * fewer regex calls, and a regex no line ever gets near (most English cues on French news) is never compiled: V8
 * compiles a regex on its first use, a few ms each for these Unicode-boundary ones, in every worker thread.
 */
const cueAnchors = new WeakMap<RegExp[], (string[] | undefined)[]>();

export function metaCues(): Cues {
  if (cues) return cues;
  const c: Cues = {
    originLine: [],
    originInline: [],
    byline: [],
    outletLine: [],
    signature: [],
    siteLine: [],
    ownerName: [],
    updateLine: [],
    originSplit: [],
    originStrip: [],
    translationLine: [],
    languageNames: new Map(),
  };
  const add = (list: RegExp[], source: string, flags: string) => {
    list.push(unicodeRegex(source, flags));
    if (!cueAnchors.has(list)) cueAnchors.set(list, []);
    cueAnchors.get(list)!.push(anchors(source));
  };
  for (const { rows } of rowsOfEveryLanguage('meta.tsv')) {
    for (const [kind, re, code] of rows) {
      if (!re) continue;
      if (kind === 'language-name' && code) c.languageNames.set(re.toLowerCase(), code);
      else if (kind === 'translation-line') add(c.translationLine, re, 'iu');
      if (kind === 'origin-line') add(c.originLine, re, 'iu');
      else if (kind === 'origin-inline') c.originInline.push(unicodeRegex(re, 'gu'));
      else if (kind === 'byline') add(c.byline, re, 'u');
      else if (kind === 'outlet-line') add(c.outletLine, re, 'iu');
      else if (kind === 'signature') add(c.signature, re, 'u');
      else if (kind === 'site-line') add(c.siteLine, re, 'iu');
      else if (kind === 'owner-name') add(c.ownerName, re, 'iu');
      else if (kind === 'update-line') add(c.updateLine, re, 'iu');
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
  const keys = cueAnchors.get(res);
  let folded: string | undefined;
  for (let k = 0; k < res.length; k++) {
    const need = keys?.[k];
    if (need) {
      folded ??= foldText(t);
      if (!need.some((a) => folded!.includes(a))) continue;
    }
    const m = res[k]!.exec(t);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/**
 * Punctuation between two notices written on one line ("Traduit de l'anglais par X. Source : Y",
 * "Source : Y (traduit de l'anglais)", "… – Source : Y"): a full stop or semicolon before a space, a
 * dash or bar between spaces, a parenthesis. Punctuation only: the notices themselves are data.
 */
const NOTICE_BREAK = /\s*(?:[.;]\s+|\s[–—|-]\s|[()])\s*/u;

const translationOfPart = (part: string) => firstGroup(metaCues().translationLine, part);
const originOfPart = (part: string) => firstGroup(metaCues().originLine, part);

/**
 * The parts of a line that holds two or more notices, or one in parentheses (each part an origin or a
 * translation notice), else the line itself: a line with anything else in it is read whole, as before.
 */
function noticeParts(line: string): string[] {
  const parts = line
    .split(NOTICE_BREAK)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > 4 || (parts.length === 1 && parts[0] === line.trim())) return [line];
  return parts.every((p) => translationOfPart(p) !== undefined || originOfPart(p) !== undefined) ? parts : [line];
}

/** The ISO 639-1 code of the language a translation notice line names ("und" when unknown), or null for no notice. */
export function translationOfLine(line: string): string | null {
  for (const part of noticeParts(line)) {
    const named = translationOfPart(part);
    if (named) return metaCues().languageNames.get(named.toLowerCase()) ?? 'und';
  }
  return null;
}

/** The outlets an origin notice line names ("Source : X, avec l'agence Y" → X, Y); empty when it is no notice. */
export function originsOfLine(line: string): string[] {
  return noticeParts(line).flatMap(originsOfPart);
}

function originsOfPart(line: string): string[] {
  const named = originOfPart(line);
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
