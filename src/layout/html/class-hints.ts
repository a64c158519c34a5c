// Class/id words marking page furniture (lang/*/boilerplate-html.tsv, read for
// every language since class names do not follow the page's language).
import { rowsOfEveryLanguage } from '../lexicon/every-language.js';

let words: Map<string, string> | undefined;

/** Reasons that mark a class word as article content: `keep` (layout modifiers, live blogs) and `embed` (quoted posts). */
const KEEP = new Set(['keep', 'embed']);

function load(): Map<string, string> {
  if (!words) {
    words = new Map();
    for (const { rows } of rowsOfEveryLanguage('boilerplate-html.tsv')) for (const [w, reason] of rows) words.set(w!.toLowerCase(), reason ?? 'boilerplate');
  }
  return words;
}

let compoundWords: string[] | undefined;
/** Entries written with a dash ("lire-aussi", "read-more") match inside longer names. */
function compounds(): string[] {
  compoundWords ??= [...load().keys()].filter((k) => k.includes('-'));
  return compoundWords;
}

/** Class strings repeat across a page and across pages: memoise their verdicts (bounded). */
const memo = new Map<string, string | undefined>();
const MEMO_MAX = 50_000;

/** The boilerplate reason an element's class/id suggests, if any. */
export function classHint(el: Element): string | undefined {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (raw.length < 2) return undefined;
  if (memo.has(raw)) return memo.get(raw);
  const r = judge(raw);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(raw, r);
  return r;
}

function judge(raw: string): string | undefined {
  const w = load();
  for (const name of raw.split(/\s+/)) {
    if (!name) continue;
    const whole = w.get(name);
    if (whole && KEEP.has(whole)) continue;
    if (whole) return whole;
    const dashed = name.replace(/_/g, '-');
    for (const c of compounds()) if (dashed.includes(c)) return w.get(c);
    const parts = name.split(/[-_:]+/);
    if (parts.some((p) => KEEP.has(w.get(p) ?? ''))) continue;
    for (const part of parts) {
      const hit = w.get(part);
      if (hit && !KEEP.has(hit)) return hit;
      // Run-together names ("shareButtons", "newsCaption"): a long enough word at the start or inside.
      if (part.length > 5) {
        for (const [word, reason] of w) {
          if (KEEP.has(reason) || word.length < 5) continue;
          if (part.startsWith(word) || (word.length >= 6 && part.includes(word))) return reason;
        }
      }
    }
  }
  return undefined;
}

/** Whether the element's class/id names an embedded post (a tweet, a social-media embed): a word or a dash/underscore part of it. */
export function embedHint(el: Element): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (raw.length < 2) return false;
  const w = load();
  return raw.split(/[\s\-_:]+/).some((p) => w.get(p) === 'embed');
}
