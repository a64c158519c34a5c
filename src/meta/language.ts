// Language identification by function-word counts over lang/*/function-words.txt.
import { DEFAULT_LANGUAGE, langPath, readTsv } from '../lang/resources.js';
import { registeredLanguages } from '../lang/registry.js';

let profiles: Map<string, Set<string>> | undefined;

function load(): Map<string, Set<string>> {
  if (!profiles) {
    profiles = new Map();
    for (const code of registeredLanguages().sort()) {
      try {
        profiles.set(code, new Set(readTsv(langPath(code, 'function-words.txt')).map((r) => r[0]!.toLowerCase())));
      } catch {
        // a language folder without a profile is not identifiable
      }
    }
  }
  return profiles;
}

/** Letter (\p{L}) or not, per UTF-16 code unit: 0 unknown, 1 letter, 2 other; filled lazily. */
const letterUnits = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

function isLetterUnit(c: number): boolean {
  let k = letterUnits[c]!;
  if (k === 0) letterUnits[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Length in code units of the letter at i (a surrogate pair counts as one letter), or 0. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return isLetterUnit(c) ? 1 : 0;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff && LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
}

/** The ISO 639-1 code whose function words are most frequent in the first 20k chars. */
export function detectLanguage(text: string): string {
  const lower = text.slice(0, 20000).toLowerCase();
  const languages = [...load()];
  const counts = new Int32Array(languages.length);
  let longest = 0;
  for (const [, set] of languages) for (const w of set) longest = Math.max(longest, w.length);
  // Runs of letters (as /\p{L}+/u would match them); only short ones can be function words.
  for (let i = 0; i < lower.length; ) {
    let e = i;
    for (let w = letterAt(lower, e); w > 0; w = letterAt(lower, e)) e += w;
    if (e === i) {
      i++;
      continue;
    }
    if (e - i <= longest) {
      const word = lower.slice(i, e);
      for (let k = 0; k < languages.length; k++) if (languages[k]![1].has(word)) counts[k] = counts[k]! + 1;
    }
    i = e;
  }
  let best = DEFAULT_LANGUAGE;
  let bestCount = 0;
  for (let k = 0; k < languages.length; k++) {
    if (counts[k]! > bestCount) {
      best = languages[k]![0];
      bestCount = counts[k]!;
    }
  }
  return best;
}
