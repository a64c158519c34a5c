// Language identification by function-word counts over lang/*/function-words.txt.
import { readdirSync } from 'node:fs';
import { DEFAULT_LANGUAGE, LANG_ROOT, langPath, readTsv } from '../lang/resources.js';

let profiles: Map<string, Set<string>> | undefined;

function load(): Map<string, Set<string>> {
  if (!profiles) {
    profiles = new Map();
    for (const code of readdirSync(LANG_ROOT)) {
      if (!/^[a-z]{2}$/.test(code)) continue;
      try {
        profiles.set(code, new Set(readTsv(langPath(code, 'function-words.txt')).map((r) => r[0]!.toLowerCase())));
      } catch {
        // a language folder without a profile is not identifiable
      }
    }
  }
  return profiles;
}

/** The ISO 639-1 code whose function words are most frequent in the first 20k chars. */
export function detectLanguage(text: string): string {
  const words = text.slice(0, 20000).toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = DEFAULT_LANGUAGE;
  let bestCount = 0;
  for (const [code, set] of load()) {
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  return best;
}
