// Person mentions with their titles and functions, for models trained on data that
// annotates them so (HIPE-2020: "le [général X]", "[Mme Y, ancienne directrice]"): a
// linear tagger with a ±2 window rarely finds such long spans itself, so the name it
// finds is widened over the title words before it and a comma apposition after it
// that a title word opens. The words are data: lang/<code>/person-titles.txt, the
// person nouns of roles.tsv and the determiners, particles and clause words of syntax.json. Every scan is bounded (MAX_LEFT, MAX_APPOSITION).
import { existsSync } from 'node:fs';
import type { Token } from '../../doc/schema.js';
import { cached, langPath } from '../../lang/resources.js';
import { rolesOf } from '../../lang/roles.js';
import { readLines, syntaxLexicon, type SyntaxLexicon } from '../syntax/lexicon.js';
import { hasNewline } from './features.js';
import type { TokenSpan } from './spans.js';

interface MentionWords {
  /** Title words, lowercase, abbreviations without their period. */
  titles: Set<string>;
  /** Nouns that designate a place before its name ("la ville de X", "le lac X"). */
  places: Set<string>;
  syntax: SyntaxLexicon;
}

/** Title words taken in before a name ("le conseiller fédéral X": two). */
const MAX_LEFT = 4;
/** Tokens of an apposition after the comma ("X, ancien ministre des finances,"). */
const MAX_APPOSITION = 12;
/** Punctuation that ends an apposition. */
/** Signs OCR reads for the period of an abbreviated civility ("MM," "M »" for "MM." "M."). */
const OCR_PERIODS = new Set([',', ';', ':', '»', '«', '"', '°']);
/** A Roman number up to 39, as a sovereign's or a pope's ordinal is written. */
const REGNAL = /^X{0,3}(?:IX|IV|V?I{0,3})$/;
/** Longest civility abbreviation ("Mme"). */
const MAX_CIVILITY = 3;
/** A short capitalised title word: a civility ("M", "MM", "Mme"). */
const isCivility = (form: string, isTitleWord: boolean) => isTitleWord && form.length <= MAX_CIVILITY && /^\p{Lu}/u.test(form);
const PUNCTUATION = new Set([',', '.', ';', ':', '(', ')', '[', ']', '«', '»', '"', '“', '”', '!', '?', '—', '–', '-']);

function mentionWords(language: string): MentionWords | null {
  return cached(language, 'person-titles', (code) => {
    const path = langPath(code, 'person-titles.txt');
    if (!existsSync(path)) return null;
    const syntax = syntaxLexicon(code);
    const titles = new Set(readLines(path));
    for (const t of syntax.titles.keys()) titles.add(keyOf(t));
    for (const [noun, role] of rolesOf(code)) if (role.kind === 'person') titles.add(noun);
    const placeNouns = langPath(code, 'place-nouns.txt');
    return { titles, places: new Set(existsSync(placeNouns) ? readLines(placeNouns) : []), syntax };
  });
}

/** Lookup key of a token: lowercase, without an abbreviation's period ("M." → "m"). */
const keyOf = (form: string) => {
  const l = form.toLowerCase().replace(/’/g, "'");
  return l.length > 1 && l.endsWith('.') ? l.slice(0, -1) : l;
};

/** A title word, in the plural ("conseillers") or in a compound ("sous-directeur", "belle-mère") too. */
function isTitle(titles: Set<string>, pluralEndings: readonly string[], form: string): boolean {
  const k = keyOf(form);
  if (titles.has(k)) return true;
  if (k.length > 3) for (const e of pluralEndings) if (e && k.endsWith(e) && titles.has(k.slice(0, -e.length))) return true;
  const dash = k.indexOf('-');
  return dash > 0 && (titles.has(k.slice(0, dash)) || titles.has(k.slice(k.lastIndexOf('-') + 1)));
}

/** Whether a word is a person title of the language ("M.", "Mme", "général", "ministres"); null when the language has no title list. */
export function personTitleTest(language: string): ((form: string) => boolean) | null {
  const words = mentionWords(language);
  if (!words) return null;
  return (form) => isTitle(words.titles, words.syntax.g.pluralEndings, form);
}

/**
 * PER spans widened over adjacent title words and title-led appositions; spans of any
 * type that a widened mention now covers are dropped. `spans` run left to right, disjoint.
 */
export function hipeMentions<S extends TokenSpan>(spans: S[], forms: readonly string[], tokens: readonly Token[], text: string, language: string): S[] {
  const words = mentionWords(language);
  if (!words) return spans;
  const title = (i: number) => isTitle(words.titles, words.syntax.g.pluralEndings, forms[i]!);
  const particles = words.syntax.nameParticles;
  const scan: Scan = {
    forms,
    words,
    title,
    joined: (a, b) => !hasNewline(text, tokens[a]!.end, tokens[b]!.start),
    personStarts: new Set(spans.filter((s) => s.type === 'PER').map((s) => s.first)),
    personEnds: new Set(spans.filter((s) => s.type === 'PER').map((s) => s.last)),
  };
  const out: S[] = [];
  for (const tagged of spans) {
    let floor = out.length ? out[out.length - 1]!.last + 1 : 0;
    if (tagged.first < floor) continue; // covered by the apposition of the mention before
    // A name right after a lowercase title word is a person's, whatever type the tagger gave it
    // ("la reine Victoria", "l'amiral Bryon", "le curé Schœfer"): a place or an organisation takes
    // no title. Capitalised title words are left out ("Saint Gall" is a place).
    const j = tagged.first - 1;
    const titled = tagged.type !== 'PER' && tagged.type !== 'MISC' && j >= floor && scan.joined(j, j + 1) && title(j) && forms[j] === forms[j]!.toLowerCase();
    const s = titled ? { ...tagged, type: 'PER' as const } : tagged;
    if (s.type === 'LOC') {
      const first = placeNounStart(s.first, floor, scan);
      out.push(first === s.first ? s : { ...s, first, start: tokens[first]!.start, name: { first: s.first, last: s.last } });
      continue;
    }
    if (s.type !== 'PER') {
      out.push(s);
      continue;
    }
    let first = s.first;
    // Left: title words, a particle between a title and a bare surname ("le baron de X",
    // not "le père de [Mme X]"), "en" between titles ("le général en chef X").
    const bare = !title(s.first);
    for (let j = s.first - 1; j >= floor && s.first - j <= MAX_LEFT && scan.joined(j, j + 1); j--) {
      const k = keyOf(forms[j]!);
      if (title(j)) first = j;
      // A civility whose period OCR read as another sign ("MM, Emile X", "M » Ramsay Y").
      else if (j === s.first - 1 && j > floor && OCR_PERIODS.has(k) && isCivility(forms[j - 1]!, title(j - 1)) && scan.joined(j - 1, j)) continue;
      // A determiner between a civility and the title words taken in ("M. le ministre X", "M. l'abbé X",
      // "MM. les directeurs X"): the civility heads the mention.
      else if (
        j === first - 1 &&
        title(first) &&
        j > floor &&
        words.syntax.determiners.has(k) &&
        isCivility(forms[j - 1]!, title(j - 1)) &&
        scan.joined(j - 1, j)
      )
        continue;
      else if (
        j === first - 1 &&
        j > floor &&
        title(j - 1) &&
        ((bare && j === s.first - 1 && particles.has(k)) || (words.syntax.g.titleLinks.has(k) && first < s.first))
      )
        continue;
      else break;
    }
    // Or a title of a place before the name ("la jeune reine de Portugal, D. Maria", "le roi de
    // Pologne Wadislas", "la championne de France de ski nautique, Sylvie M."): the place mention
    // already out is part of the person's.
    if (first === s.first) {
      const titled = titledPlaceStart(s.first, out, floor, scan);
      if (titled >= 0) {
        if (out.length && out[out.length - 1]!.last >= titled) out.pop();
        floor = out.length ? out[out.length - 1]!.last + 1 : 0;
        first = titled;
        while (first - 1 >= floor && s.first - first < MAX_LEFT + MAX_TITLED_PLACE && title(first - 1) && scan.joined(first - 1, first)) first--;
      }
    }
    // Or a title-led apposition before the name ("le président du club, X"), which may hold
    // other (place, organisation) mentions already out.
    if (first === s.first) {
      const opened = appositionStart(s.first, scan);
      if (opened >= 0) {
        while (out.length && out[out.length - 1]!.last >= opened) out.pop();
        floor = out.length ? out[out.length - 1]!.last + 1 : 0;
        if (opened >= floor) first = opened;
      }
    }
    // A regnal number after the name ("Georges V", "Louis XIV", "Pie XI"); not "I", which OCR reads for "!".
    const numbered = s.last + 1 < forms.length && forms[s.last + 1] !== 'I' && REGNAL.test(forms[s.last + 1]!) && scan.joined(s.last, s.last + 1);
    const last = appositionEnd(numbered ? s.last + 1 : s.last, scan);
    if (first === s.first && last === s.last) out.push(s);
    else out.push({ ...s, first, last, start: tokens[first]!.start, end: tokens[last]!.end, name: { first: s.first, last: numbered ? s.last + 1 : s.last } });
  }
  return out;
}

interface Scan {
  forms: readonly string[];
  words: MentionWords;
  title: (i: number) => boolean;
  joined: (a: number, b: number) => boolean;
  personStarts: Set<number>;
  personEnds: Set<number>;
}

/** Tokens between a place and the name after it: a complement ("de ski nautique") and a comma. */
const MAX_TITLED_PLACE = 5;
/** Words of a place name the tagger left out ("Pays-Bas", "Nouvelle Zélande"). */
const MAX_PLACE_WORDS = 3;

/**
 * First token of "title particle Place [complement] [,]" right before the name at `first`: the
 * title word, lowercase; −1 if none. The place is the place mention last out (`out`) or
 * capitalised words no mention holds (the tagger left "France" out of "la championne de France,
 * Sylvie M."). The complement opens with a particle and holds lowercase words only, no verb
 * ("le roi de Prusse a reçu X" is no title).
 */
function titledPlaceStart(first: number, out: readonly TokenSpan[], floor: number, scan: Scan): number {
  const { forms, words } = scan;
  const lower = (j: number) => forms[j] === forms[j]!.toLowerCase();
  let j = first - 1;
  if (j >= 0 && forms[j] === ',' && scan.joined(j, j + 1)) j--;
  const complementEnd = j;
  while (j >= floor && first - j <= MAX_TITLED_PLACE && lower(j) && stops(j, scan) === null && scan.joined(j, j + 1)) j--;
  if (complementEnd > j && !words.syntax.nameParticles.has(keyOf(forms[j + 1]!))) return -1;
  const last = out[out.length - 1];
  let place = j;
  let below = floor;
  if (last?.last === j && last.type === 'LOC') {
    place = last.first;
    below = out.length > 1 ? out[out.length - 2]!.last + 1 : 0;
  } else {
    if (j < floor) return -1;
    while (place - 1 >= floor && j - place < MAX_PLACE_WORDS - 1 && !lower(place - 1) && scan.joined(place - 1, place)) place--;
    if (lower(place) || !/^\p{Lu}/u.test(forms[place]!)) return -1;
  }
  const title = place - 2;
  if (title < below || !scan.joined(title, title + 1) || !scan.joined(title + 1, place) || !words.syntax.nameParticles.has(keyOf(forms[title + 1]!))) return -1;
  return scan.title(title) && lower(title) ? title : -1;
}

/** How token j bears on an apposition: punctuation or a clause word ends it, a finite verb shows it is a clause. */
function stops(j: number, scan: Scan): 'end' | 'abort' | null {
  const k = keyOf(scan.forms[j]!);
  if (PUNCTUATION.has(k) || scan.words.syntax.boundaries.has(k)) return 'end';
  if (scan.words.syntax.finite.has(k)) return 'abort';
  return null;
}

/**
 * Last token of a mention ending at `last` once its apposition is taken in: ", [determiner]
 * title …" up to the next punctuation or clause word ("qui", "dont"). Unchanged when no title
 * opens it, when another person is named in it (a list of people), when a finite verb shows
 * it is a clause ("X, l'ancien maire a dit"), or when nothing closes it soon.
 */
function appositionEnd(last: number, scan: Scan): number {
  const { forms } = scan;
  const comma = last + 1;
  if (forms[comma] !== ',' || !scan.joined(last, comma)) return last;
  let head = comma + 1;
  if (head < forms.length && scan.words.syntax.determiners.has(keyOf(forms[head]!))) head++;
  if (head >= forms.length || !scan.title(head)) return last;
  for (let j = head + 1; j < forms.length && j - comma <= MAX_APPOSITION && scan.joined(j - 1, j); j++) {
    const stop = stops(j, scan);
    if (stop === 'end') return j - 1;
    if (stop === 'abort' || scan.personStarts.has(j)) return last;
  }
  return last;
}

/**
 * First token of a title-led apposition just before a name: "[determiner] title …, X"
 * ("le vice-président du conseil, X"): the title right after a determiner that opens the
 * stretch between the comma and the previous punctuation, clause word or person; −1 if none.
 */
function appositionStart(first: number, scan: Scan): number {
  const { forms } = scan;
  const comma = first - 1;
  if (comma < 1 || forms[comma] !== ',' || !scan.joined(comma, first)) return -1;
  let opened = -1;
  for (let j = comma - 1; j >= 0 && comma - j <= MAX_APPOSITION && scan.joined(j, j + 1); j--) {
    const stop = stops(j, scan);
    if (stop === 'abort' || scan.personEnds.has(j)) return -1;
    if (stop === 'end') break;
    if (scan.title(j) && j > 0 && scan.words.syntax.determiners.has(keyOf(forms[j - 1]!))) opened = j;
  }
  return opened;
}

/** First token of a place mention with the noun that designates it ("[ville de] X", "[rue du] X", "[lac] X"). */
function placeNounStart(first: number, floor: number, scan: Scan): number {
  const nouns = scan.words.places;
  const particles = scan.words.syntax.nameParticles;
  let j = first - 1;
  // At most two particles between the noun and the name ("de la").
  for (let p = 0; p < 2 && j >= floor && particles.has(keyOf(scan.forms[j]!)) && scan.joined(j, j + 1); p++) j--;
  return j >= floor && scan.joined(j, j + 1) && nouns.has(keyOf(scan.forms[j]!)) ? j : first;
}
