// Person mentions with their titles and functions, for models trained on data that
// annotates them so (HIPE-2020: "le [général X]", "[Mme Y, ancienne directrice]"): a
// linear tagger with a ±2 window rarely finds such long spans itself, so the name it
// finds is widened over the title words before it and a comma apposition after it
// that a title word opens. The words are data: lang/<code>/person-titles.txt, the
// person nouns of roles.tsv and the determiners, particles and clause words of syntax.json. Every scan is bounded (MAX_LEFT, MAX_APPOSITION).
import { existsSync } from 'node:fs';
import type { Token } from '../../doc/schema.js';
import { cached, langPath, readTsv } from '../../lang/resources.js';
import { readLines, syntaxLexicon, type SyntaxLexicon } from '../syntax/lexicon.js';
import { hasNewline } from './features.js';
import type { ModelType } from './model.js';

export interface TokenSpan {
  start: number;
  end: number;
  type: ModelType;
  first: number;
  last: number;
}

interface MentionWords {
  /** Title words, lowercase, abbreviations without their period. */
  titles: Set<string>;
  syntax: SyntaxLexicon;
}

/** Title words taken in before a name ("le conseiller fédéral X": two). */
const MAX_LEFT = 4;
/** Tokens of an apposition after the comma ("X, ancien ministre des finances,"). */
const MAX_APPOSITION = 12;
/** Punctuation that ends an apposition. */
const PUNCTUATION = new Set([',', '.', ';', ':', '(', ')', '[', ']', '«', '»', '"', '“', '”', '!', '?', '—', '–', '-']);

function mentionWords(language: string): MentionWords | null {
  return cached(language, 'person-titles', (code) => {
    const path = langPath(code, 'person-titles.txt');
    if (!existsSync(path)) return null;
    const syntax = syntaxLexicon(code);
    const titles = new Set(readLines(path));
    for (const t of syntax.titles.keys()) titles.add(keyOf(t));
    const roles = langPath(code, 'roles.tsv');
    if (existsSync(roles)) for (const [noun, kind] of readTsv(roles)) if (kind === 'person') titles.add(noun!);
    return { titles, syntax };
  });
}

/** Lookup key of a token: lowercase, without an abbreviation's period ("M." → "m"). */
const keyOf = (form: string) => {
  const l = form.toLowerCase().replace(/’/g, "'");
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
};

/**
 * PER spans widened over adjacent title words and title-led appositions; spans of any
 * type that a widened mention now covers are dropped. `spans` run left to right, disjoint.
 */
export function widenPersonMentions<S extends TokenSpan>(spans: S[], forms: readonly string[], tokens: readonly Token[], text: string, language: string): S[] {
  const words = mentionWords(language);
  if (!words) return spans;
  const { titles } = words;
  const particles = words.syntax.nameParticles;
  const joined = (a: number, b: number) => !hasNewline(text, tokens[a]!.end, tokens[b]!.start);
  const personStarts = new Set(spans.filter((s) => s.type === 'PER').map((s) => s.first));
  const out: S[] = [];
  for (const s of spans) {
    const floor = out.length ? out[out.length - 1]!.last + 1 : 0;
    if (s.first < floor) continue; // covered by the apposition of the mention before
    if (s.type !== 'PER') {
      out.push(s);
      continue;
    }
    let first = s.first;
    // Left: title words, and a particle between a title and a bare surname ("le baron de X",
    // not "le père de [Mme X]").
    const bare = !titles.has(keyOf(forms[s.first]!));
    for (let j = s.first - 1; j >= floor && s.first - j <= MAX_LEFT && joined(j, j + 1); j--) {
      const k = keyOf(forms[j]!);
      if (titles.has(k)) first = j;
      else if (!(bare && particles.has(k) && j === s.first - 1 && j > floor && titles.has(keyOf(forms[j - 1]!)))) break;
    }
    const last = appositionEnd(s.last, forms, words, joined, personStarts);
    if (first === s.first && last === s.last) out.push(s);
    else out.push({ ...s, first, last, start: tokens[first]!.start, end: tokens[last]!.end });
  }
  return out;
}

/**
 * Last token of a mention ending at `last` once its apposition is taken in: ", [determiner]
 * title …" up to the next punctuation or clause word ("qui", "dont"). Unchanged when no title
 * opens it, when another person is named in it (a list of people), when a finite verb shows
 * it is a clause ("X, l'ancien maire a dit"), or when nothing closes it soon.
 */
function appositionEnd(last: number, forms: readonly string[], words: MentionWords, joined: (a: number, b: number) => boolean, personStarts: Set<number>): number {
  const comma = last + 1;
  if (forms[comma] !== ',' || !joined(last, comma)) return last;
  let head = comma + 1;
  const { determiners, boundaries, finite } = words.syntax;
  if (head < forms.length && determiners.has(keyOf(forms[head]!))) head++;
  if (head >= forms.length || !words.titles.has(keyOf(forms[head]!))) return last;
  for (let j = head + 1; j < forms.length && j - comma <= MAX_APPOSITION && joined(j - 1, j); j++) {
    const k = keyOf(forms[j]!);
    if (PUNCTUATION.has(k) || boundaries.has(k)) return j - 1;
    if (personStarts.has(j) || finite.has(k)) return last;
  }
  return last;
}
