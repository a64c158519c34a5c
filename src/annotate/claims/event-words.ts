// Words naming a kind of event (lang/<code>/predicate-classes.json): « effondrer », « menace », « arrestation »,
// "collapse". A clause about such an event is checkable.
import { cached } from '../../lang/resources.js';
import { stemClasses } from '../../lang/predicate-classes.js';
import { wordTools } from '../../lang/stems.js';
import type { Syntax } from '../syntax/index.js';

/** Words whose event test is remembered across documents, at most. */
const EVENT_CACHE = 100_000;

/**
 * Per word of the document: 1 when it names a kind of event of lang/<code>/predicate-classes.json (« effondrer »,
 * « menace », « arrestation »), 2 when not; 0 until looked up. A clause about such an event is checkable.
 */
export function eventWords(sx: Syntax): (i: number) => boolean {
  const classes = stemClasses(sx.language, 'predicate-classes.json', '=');
  if (!classes) return () => false;
  const tools = wordTools(sx.language);
  const known = cached(sx.language, 'claims-event-words', () => new Map<string, boolean>());
  const heads = eventHeads(sx.language, classes);
  const memo = new Uint8Array(sx.words.length);
  return (i) => {
    if (memo[i] === 0) {
      const w = sx.words[i]!;
      let event = false;
      if (w.kind === 'word' && !w.cap && w.lower.length > 2) {
        // Words seen before are not stemmed again (bounded: the map is cleared when it grows past EVENT_CACHE).
        const seen = known.get(w.lower);
        event = seen ?? (mayBeEvent(heads, w.lower) && classes.has(tools.stem(w.lower)));
        if (seen === undefined) {
          if (known.size >= EVENT_CACHE) known.clear();
          known.set(w.lower, event);
        }
      }
      memo[i] = event ? 1 : 2;
    }
    return memo[i] === 1;
  };
}

/**
 * The first two letters of the class stems, or null when a stem is shorter. Snowball never changes a word's first
 * two letters (its suffix rules act in the regions RV, R1 and R2, which start at the third letter at the earliest;
 * the prelude's marked vowels are restored), so a word starting with plain letters a–z that no class stem starts
 * with is not stemmed at all: most words of a clause.
 */
function eventHeads(language: string, classes: Map<string, string>): Set<string> | null {
  return cached(language, 'claims-event-heads', () => {
    const heads = new Set<string>();
    for (const stem of classes.keys()) {
      if (stem.length < 2) return null;
      heads.add(stem.slice(0, 2));
    }
    return heads;
  });
}

const isAsciiLower = (c: number) => c >= 97 && c <= 122;

/** False only when `word` starts with two letters a–z that begin no class stem (see `eventHeads`). */
function mayBeEvent(heads: Set<string> | null, word: string): boolean {
  if (!heads || !isAsciiLower(word.charCodeAt(0)) || !isAsciiLower(word.charCodeAt(1))) return true;
  return heads.has(word.slice(0, 2));
}
