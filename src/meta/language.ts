// Language identification: function-word counts over the function-words.txt of
// every registered language (fr, en, and the languages recoupe only identifies:
// de, es, it, pt) decide when the evidence is clear (a whole article: one scan,
// set lookups); a short or mixed text goes to franc-min (trigrams), restricted to
// the registered languages. Measured by `npm run eval:language-id` against
// franc-min and tinyld alone (docs/languages.md).
import { francAll } from 'franc-min';
import { join } from 'node:path';
import { LANG_ROOT, readTsv } from '../lang/files.js';
import { languageOf, registeredLanguages } from '../lang/registry.js';

/** What `detectLanguage` returns for a text with no function word of any profile (BCP 47 "undetermined"). */
export const UNDETERMINED = 'und';

let profiles: Map<string, ReadonlySet<string>> | undefined;
/** Per function word, the profiles holding it (indices in `load()`'s order). */
let holders: Map<string, number[]> | undefined;

function load(): Map<string, ReadonlySet<string>> {
  if (!profiles) {
    profiles = new Map();
    // Analysed languages first: a tie goes to them.
    const analysed = (code: string) => (languageOf(code).supports('entities') ? 0 : 1);
    const codes = registeredLanguages().sort((a, b) => analysed(a) - analysed(b) || a.localeCompare(b));
    for (const code of codes) {
      const { words } = languageOf(code).functionWords();
      // a language folder without a profile is not identifiable
      if (words.size > 0) profiles.set(code, words);
    }
    holders = new Map();
    [...profiles.values()].forEach((words, k) => {
      for (const w of words) holders!.get(w)?.push(k) ?? holders!.set(w, [k]);
    });
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

/** An ASCII digit (NaN, out of the text, is none). */
function isDigitUnit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The word at i follows a letter, a figure or a comma: it does not open a sentence, a line or a quotation. */
function insideSentence(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x20) k--;
  if (k < 0) return false;
  const c = text.charAt(k);
  return c === ',' || isDigitUnit(c.charCodeAt(0)) || isLetterUnit(c.charCodeAt(0));
}

/** A one-letter capital word ending at e starts a sentence ("A spokesman", "Y el") when a lower-case word follows. */
function startsSentence(text: string, e: number): boolean {
  const next = text.charAt(e + 1);
  return text.charAt(e) === ' ' && next !== next.toUpperCase();
}

/**
 * The ISO 639-1 code whose function words are most frequent in the first 20k chars, or `und` when none occurs.
 * A word several profiles hold ("à" in French and Portuguese, "la" in French, Spanish and Italian) is one vote
 * shared among them: only the words of one language tell it from its neighbours, so a short French brief with
 * three "à" is not Portuguese. `declared`, the language the page declares (<html lang>), is kept unless the
 * function words clearly say another: a close call between neighbours goes to it.
 */
export function detectLanguage(text: string, declared?: string): string {
  const head = text.slice(0, 20000);
  const lower = head.toLowerCase();
  const languages = [...load()];
  const counts = new Float64Array(languages.length);
  // Words in capitals ("NA", "PER", "ST"; a lone "Y" or "O." that no lower-case word follows) are abbreviations,
  // initials, table cells or headlines more often than prose, and a capitalised one inside a sentence is part of a
  // name ("Larbi El Khattabi", "selon Le Monde", "Il Sole"): they count only when no other word of the text does.
  const capsCounts = new Float64Array(languages.length);
  let words = 0;
  // Words opening with a lower-case or a capital letter (scripts without case count in neither): prose is mostly
  // lower case, a table of results or a list of names mostly capitals.
  let lowerInitial = 0;
  let upperInitial = 0;
  let longest = 0;
  for (const [, set] of languages) for (const w of set) longest = Math.max(longest, w.length);
  // Runs of letters (as /\p{L}+/u would match them); only short ones can be function words.
  for (let i = 0; i < head.length; ) {
    let e = i;
    for (let w = letterAt(head, e); w > 0; w = letterAt(head, e)) e += w;
    if (e === i) {
      i++;
      continue;
    }
    words++;
    const initial = head.charAt(i);
    if (initial !== initial.toUpperCase()) lowerInitial++;
    else if (initial !== initial.toLowerCase()) upperInitial++;
    // Letters glued to a figure ("36e", "1st", "10h", "km2") are an ordinal or a unit, never a function word.
    if (e - i <= longest && !isDigitUnit(head.charCodeAt(i - 1)) && !isDigitUnit(head.charCodeAt(e))) {
      const raw = head.slice(i, e);
      const word = raw.toLowerCase();
      const capital = raw !== word && (raw === raw.toUpperCase() ? e - i > 1 || !startsSentence(head, e) : insideSentence(head, i));
      const tally = capital ? capsCounts : counts;
      const held = holders!.get(word);
      if (held) for (const k of held) tally[k] = tally[k]! + 1 / held.length;
    }
    i = e;
  }
  if (counts.every((c) => c === 0)) counts.set(capsCounts);
  let best = UNDETERMINED;
  let bestCount = 0;
  let second = 0;
  for (let k = 0; k < languages.length; k++) {
    if (counts[k]! > bestCount) {
      best = languages[k]![0];
      second = bestCount;
      bestCount = counts[k]!;
    } else if (counts[k]! > second) second = counts[k]!;
  }
  const claimed = declared === undefined ? -1 : languages.findIndex(([code]) => code === declared);
  if (claimed >= 0 && bestCount > 0 && counts[claimed]! * MARGIN >= bestCount) return declared!;
  // Few function words of any registered language in a text of some length: another language (Russian, Indonesian,
  // Korean…), named as franc, unrestricted, names it, so that it is never analysed with a registered language's rules.
  // Only prose says so: a list of Polish clubs in an English results table is no Polish text.
  const prose = lowerInitial >= upperInitial;
  if (prose && words >= FOREIGN_MIN_WORDS && bestCount + second < (words >= LONG_WORDS ? FOREIGN_RATIO_LONG : FOREIGN_RATIO) * words) {
    const other = otherLanguage(lower);
    if (other) return other;
  }
  // Clear evidence (most texts): done. A short or mixed text goes to franc-min's trigram model, restricted to the
  // registered languages; when it cannot tell (too short), the function words decide.
  // A long text decides by its function words anyway (franc errs on tables of results and lists of names).
  if ((bestCount >= MIN_EVIDENCE && bestCount >= MARGIN * second) || lower.length >= LONG_TEXT) return best;
  const [top, runnerUp] = francAll(lower.slice(0, FRANC_CHARS), { only: [...iso3().keys()], minLength: FRANC_MIN_LENGTH });
  // franc's scores are relative (the best is 1): a close runner-up means it cannot tell either.
  if (best !== UNDETERMINED && (!top || (runnerUp && runnerUp[1] > FRANC_MARGIN))) return best;
  return (top && iso3().get(top[0])) ?? best;
}

/** Words a text needs before its lack of function words says it is in another language. */
const FOREIGN_MIN_WORDS = 12;
/**
 * Share of the words that are function words of the two best registered languages, below which the text may be in
 * another one: a French or English paragraph has 30–45 % of them, a text in Indonesian or Russian a few stray ones; a table of results about 7 %.
 */
const FOREIGN_RATIO = 0.06;
/**
 * The same share for a text of this many words or more, where a stray word that happens to be a function word of
 * a registered language counts less (Indonesian « di », Italian « di »: 5–8 % of an Indonesian page).
 */
const LONG_WORDS = 100;
const FOREIGN_RATIO_LONG = 0.15;

/** The language franc's best guess names when it is no registered language and no registered one comes close. */
function otherLanguage(lower: string): string | null {
  const ranked = francAll(lower.slice(0, FRANC_CHARS), { minLength: FRANC_MIN_LENGTH });
  const [top] = ranked;
  if (!top || top[0] === 'und') return null;
  const code = iso639_1().get(top[0]) ?? top[0];
  if (load().has(code)) return null;
  const rival = ranked.find(([c]) => iso3().has(c));
  return rival && rival[1] > FOREIGN_RIVAL ? null : code;
}

/**
 * How close a registered language may score to franc's best for the text to stay undecided between them. franc's
 * scores bunch together on long texts (an Indonesian page: Malay 1, Indonesian 0.999, Italian 0.95, French 0.94).
 */
const FOREIGN_RIVAL = 0.98;

let iso1: Map<string, string> | undefined;
/** ISO 639-3 → 639-1 for every language franc-min knows (lang/iso639.tsv). */
function iso639_1(): Map<string, string> {
  iso1 ??= new Map(readTsv(join(LANG_ROOT, 'iso639.tsv')).map(([three, two]) => [three!, two!]));
  return iso1;
}

/** Function words needed, and how many times the runner-up's count, to decide without franc. */
const MIN_EVIDENCE = 3;
/** Characters from which the function words decide alone. */
const LONG_TEXT = 400;
const MARGIN = 2;
/** franc reads at most this much of an undecided text, and says "und" below this many characters. */
const FRANC_CHARS = 2000;
const FRANC_MIN_LENGTH = 10;
/** franc decides against the function words only when its runner-up scores below this (its best scores 1). */
const FRANC_MARGIN = 0.9;

let iso3Codes: Map<string, string> | undefined;
/** ISO 639-3 (franc's codes) → ISO 639-1, for the registered languages that name theirs. */
function iso3(): Map<string, string> {
  if (!iso3Codes) {
    iso3Codes = new Map();
    for (const code of registeredLanguages()) {
      const three = languageOf(code).iso639_3();
      if (three) iso3Codes.set(three, code);
    }
  }
  return iso3Codes;
}
