// Person keys with the words an entity span swallowed before the name. The
// entity layer sometimes takes a word or two before a person's name into the
// span (« Après Emmanuel Macron » → per:apres-emmanuel-macron, « alors qu'Emmanuel
// Macron » → per:alors-qu-emmanuel-macron, « secrétaire d'État Marlène Schiappa »
// → per:etat-marlene-schiappa), so one person gets several keys and two claims
// about them look like claims about two people. A person key whose first word
// is not a given name but a later word is, with a surname after it, is the key
// from that given name on, when the corpus names the person so on its own
// (personKeyTrimmer). Given names are the generated lists of every
// language (lang/*/first-names.generated.tsv, from faker's first-name lists).
import { rowsOfEveryLanguage } from '../layout/lexicon/every-language.js';
import { languageOf } from '../lang/registry.js';
import { foldLower } from '../text/fold.js';
import type { ClaimFeatures } from './store.js';

let givenNames: Set<string> | undefined;

/** Given names as key words: folded, lower case, words joined by « - » (« Jean-Marc » → jean-marc, both words known). */
export function isGivenName(word: string): boolean {
  if (!givenNames) {
    givenNames = new Set();
    for (const { rows } of rowsOfEveryLanguage('first-names.generated.tsv'))
      for (const [n] of rows) if (n) for (const w of foldLower(n).split(/[\s'-]+/)) if (w.length > 1) givenNames.add(w);
  }
  return givenNames.has(word);
}

/** A given name long enough to tell (« Al », « Ben » are given names, and parts of surnames: al-Maliki, Ben Rhouma). */
const MIN_GIVEN_NAME = 4;

/** A key word that is a given name long enough to tell (see MIN_GIVEN_NAME). */
const isTellingGivenName = (word: string): boolean => word.length >= MIN_GIVEN_NAME && isGivenName(word);

/**
 * Whether a person key is a full name: two words or more, the first a given name long enough to tell
 * (`per:olivier-veran`; not `per:al-zameli`, `per:le-pen`).
 */
export function isFullNameKey(key: string): boolean {
  const parts = key.slice(4).split('-');
  return key.startsWith('per:') && parts.length >= 2 && isTellingGivenName(parts[0]!);
}

/**
 * Person keys of a corpus → the key without the words swallowed before the name: `per:apres-emmanuel-macron` →
 * `per:emmanuel-macron` when the corpus has `per:emmanuel-macron` as a key of its own, its first word is a given name
 * and the dropped words do not start with one (`per:marion-marechal-le-pen` stays). Other keys are left as they are.
 */
export function personKeyTrimmer(personKeys: ReadonlySet<string>): (key: string) => string {
  const map = new Map<string, string>();
  for (const key of personKeys) {
    const parts = key.slice(4).split('-');
    if (parts.length < 3 || isGivenName(parts[0]!)) continue;
    for (let i = 1; i <= parts.length - 2; i++) {
      const tail = `per:${parts.slice(i).join('-')}`;
      if (isTellingGivenName(parts[i]!) && personKeys.has(tail)) {
        map.set(key, tail);
        break;
      }
    }
  }
  return (key) => map.get(key) ?? key;
}

/** Days apart within which two spellings of a name are read as one story's (the grouping's week). */
const STORY_DAYS = 7;

/** Whether two words of one length differ at exactly one letter (« alexandra » / « alexandre »). */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let n = 0;
  for (let i = 0; i < a.length && n < 2; i++) if (a[i] !== b[i]) n++;
  return n === 1;
}

/**
 * A person key with each letter of its given name masked in turn (`per:alexandra-benalla` → `*lexandra-benalla`, …,
 * `alexandr*-benalla`): two spellings one letter apart share one. None for a given name shorter than MIN_GIVEN_NAME.
 */
function maskedGivenNames(key: string): string[] {
  const dash = key.indexOf('-');
  const given = key.slice(4, dash);
  if (given.length < MIN_GIVEN_NAME) return [];
  return Array.from({ length: given.length }, (_, i) => `${given.slice(0, i)}*${given.slice(i + 1)}${key.slice(dash)}`);
}

/** A surname long enough that one spelling fold does not join two families (« Benalla », « Putin »; not « Pen », « Kim »). */
const MIN_SURNAME = 5;

/**
 * Spelling folds of a name word, applied in order: the letters French, English and German transliterations of one
 * Arabic, Persian or Russian name disagree on (« Mouammar Kadhafi », « Muammar Gaddafi », « Moammar Khadafi », « Qaddafi »;
 * « Vladimir Poutine » / « Putin » / « Wladimir Putin »; « Abou Bakr al-Baghdadi » / « Abu Bakr »; « Sergueï » /
 * « Sergei »; « Zelensky » / « Zelenskiy » / « Zelenskij »; « Oussama » / « Osama »). Where each comes from:
 * - ou → u: French writes the vowel /u/ « ou » where English and German write « u » (Mouammar, Poutine, Abou, Oussama;
 *   the BGN/PCGN and Duden transliterations of Russian у and Arabic ُ/و are « u »).
 * - oa → ua (before a doubled or single consonant word-inside): English press « Moammar » for Arabic ُ (Mu'ammar).
 * - gu before e/i → g: French spelling keeps g hard before e, i with a mute u (« Sergueï » = Sergei, « Guevara »).
 * - dj → j, dzh → j, zh → j: the Arabic ج and Russian ж/дж, French « dj », English « j »/« zh » (Djibril / Jibril).
 * - sch, sh, ch → s: Russian ш and Arabic ش are « ch » in French, « sh » in English, « sch » in German (Chevardnadze /
 *   Shevardnadze / Schewardnadse; Bachar / Bashar).
 * - kh, gh, q, ck, c (not before e, i), g → k: Arabic ق (q, k, and g in Libyan and Egyptian speech: Gaddafi), خ and
 *   Russian х (kh in English, kh or k in French) and غ (gh).
 * - dh, th → d, t: Arabic ذ and ث written as the digraph or the plain letter (Kadhafi / Kadafi).
 * - w → v: German and Polish « w » for Russian/Ukrainian в (Wladimir / Vladimir, Selenskyj).
 * - ks, x → ks: one sound (Alexei / Aleksei).
 * - y, j → i: the Russian й and ы, and Arabic ي, as y (English), ï or i (French), j (German: Selenskyj).
 * - doubled letters single: Arabic shadda written or not (Mouammar / Muamar; Hassan / Hasan; Gaddafi / Kadhafi).
 * Vowels are kept otherwise (« Benalla » and « Benallo » stay two names); the surname alone also drops a French final
 * « -e » after « -in » (Poutine, Raspoutine, Lénine, Staline for Russian -ин; not for given names: Martine ≠ Martin).
 */
const SPELLING_FOLDS: readonly [RegExp, string][] = [
  [/ou/g, 'u'],
  [/oa/g, 'ua'],
  [/gu(?=[ei])/g, 'g'],
  [/dzh|dj|zh/g, 'j'],
  [/sch|sh|ch/g, 's'],
  [/ck|kh|gh|q|c(?![ei])|g/g, 'k'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/[yj]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** A name word with the letters transliterations disagree on folded (`SPELLING_FOLDS`). */
export function spellingFold(word: string): string {
  let w = word;
  for (const [re, to] of SPELLING_FOLDS) w = w.replace(re, to);
  return w;
}

/** A surname folded: `spellingFold`, and French « -ine » for Russian « -in » (Poutine / Putin, Staline / Stalin). */
const transliterationFold = (surname: string): string => spellingFold(surname).replace(/ine$/, 'in');

/**
 * Name particles that transliterations write in several ways or leave out: the Arabic article (« al- », « el- », « ad- »,
 * « as- », « ech- »: al-Baghdadi / el-Baghdadi / Baghdadi) is dropped; « ben », « bin », « ibn » (« son of ») stay
 * one word, « bn ». Sources: the ALA-LC and French Arabist romanizations of ال and ابن.
 */
const ARTICLES = new Set(['al', 'el', 'ad', 'ed', 'as', 'es', 'ech', 'ash', 'at', 'ar', 'an', 'az', 'ul']);
const SON_OF = new Set(['ben', 'bin', 'ibn']);

/**
 * A person key's name as spellings of it compare: its last two name words (Arabic articles left out, « ben »/« bin »
 * one word), the given name and surname folded (`spellingFold`, `transliterationFold`), for a given name of
 * MIN_GIVEN_NAME letters or more and a surname of MIN_SURNAME or more. Title words before the name count for nothing
 * (`per:ukrainian-president-volodymyr-zelensky` → volodimir-zelenski), unless one of them is a given name
 * (`per:jean-marc-ayrault` is not Marc Ayrault): none then. The given names must agree: « Kim Jong-il » and « Kim
 * Jong-un », « Bachar » and « Hafez al-Assad » stay apart.
 */
export function personNameKey(key: string): string | undefined {
  if (!key.startsWith('per:')) return undefined;
  const parts = key
    .slice(4)
    .split('-')
    .filter((w) => !ARTICLES.has(w))
    .map((w) => (SON_OF.has(w) ? 'bn' : w));
  // « Oussama ben Laden »: the given name is the word before « ben », the surname « ben Laden ».
  const sonOf = parts.length >= 3 && parts[parts.length - 2] === 'bn' ? 1 : 0;
  if (parts.length < 2) return undefined;
  const given = parts[parts.length - 2 - sonOf]!;
  const surname = parts[parts.length - 1]!;
  if (given.length < MIN_GIVEN_NAME || surname.length < MIN_SURNAME || parts.slice(0, -2 - sonOf).some(isGivenName)) return undefined;
  return `${spellingFold(given)}-${sonOf ? 'bn-' : ''}${transliterationFold(surname)}`;
}

/**
 * Person keys spelt two ways in one story: `per:alexandra-benalla` in one article, `per:alexandre-benalla` in ten
 * (« Gérard » / « Gérald Darmanin », « Radouane » / « Redouane Lakdim »). Two person keys are one person when their
 * surname words are the same, their given names (4 letters or more, one of them a known given name) have one length
 * and differ at one letter, and documents naming them are published within a week of each other. The key of fewer
 * documents (on a tie, the later in alphabetical order) becomes the other. `add` takes each document's keys with its
 * date; linear in the keys (candidates are indexed by the given name with one letter masked).
 *
 * Likewise two person keys with one given name whose surnames differ only as transliterations do (`personNameKey`:
 * « Volodymyr Zelenskiy » / « Ukrainian President Volodymyr Zelensky »): the key without title words, else the key of
 * more documents, is the person's. A key seen only in undated documents cannot be placed in time: it may join any.
 */
export class PersonSpellings {
  private readonly seen = new Map<string, { docs: number; days: Set<number> }>();

  add(keys: Iterable<string>, published: string | null): void {
    const t = published ? Date.parse(published) : Number.NaN;
    const day = Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
    for (const k of keys) {
      if (!k.startsWith('per:') || k.indexOf('-') < 0) continue;
      let s = this.seen.get(k);
      if (!s) this.seen.set(k, (s = { docs: 0, days: new Set() }));
      s.docs++;
      if (day !== null) s.days.add(day);
    }
  }

  /** Variant key → the key of the person, for every key spelt another way in the same week. */
  variants(): Map<string, string> {
    const buckets = new Map<string, string[]>();
    for (const k of this.seen.keys())
      for (const mask of maskedGivenNames(k)) {
        const b = buckets.get(mask);
        if (b) b.push(k);
        else buckets.set(mask, [k]);
      }
    const docs = (k: string) => this.seen.get(k)!.docs;
    const words = (k: string) => k.split('-').length;
    const order = [...this.seen.keys()].sort((a, b) => docs(b) - docs(a) || words(a) - words(b) || (a < b ? -1 : a > b ? 1 : 0));
    const rank = new Map(order.map((k, i) => [k, i]));
    const out = new Map<string, string>();
    const heads = new Set<string>();
    for (const k of order) {
      if (out.has(k)) continue;
      const given = k.slice(4, k.indexOf('-'));
      for (const mask of maskedGivenNames(k))
        for (const v of buckets.get(mask) ?? []) {
          if (rank.get(v)! <= rank.get(k)! || out.has(v) || heads.has(v)) continue;
          const g = v.slice(4, v.indexOf('-'));
          if (!oneLetterApart(g, given) || !(isGivenName(g) || isGivenName(given)) || !this.sameWeek(k, v)) continue;
          out.set(v, k);
          heads.add(k);
        }
    }
    // Surnames spelt as another transliteration: the first key of each name (in `order`) is the person's.
    const byName = new Map<string, string>();
    for (const k of order) {
      const name = personNameKey(k);
      if (name === undefined || out.has(k)) continue;
      const head = byName.get(name);
      if (head === undefined) byName.set(name, k);
      else if (!heads.has(k) && this.sameWeek(head, k)) {
        out.set(k, head);
        heads.add(head);
      }
    }
    return out;
  }

  private sameWeek(a: string, b: string): boolean {
    if (this.seen.get(a)!.days.size === 0 || this.seen.get(b)!.days.size === 0) return true;
    const db = [...this.seen.get(b)!.days];
    for (const d of this.seen.get(a)!.days) if (db.some((e) => Math.abs(d - e) <= STORY_DAYS)) return true;
    return false;
  }
}

/** Keys built from a name (not from the knowledge base): prefix and the name's slug. */
export const NAME_KEY = /^(per|org|loc|misc|name|outlet):(.+)$/;

/** An acronym's slug: one word of 2 to 6 letters (« aphp », « pp »), or short words joined by « - » (« ap-hp »). */
const ACRONYM = /^(?:[a-z]{2,6}|[a-z]{1,3}(?:-[a-z]{1,3})+)$/;

/** Slug words left out of an acronym: the language's function words (lang/<code>/function-words.txt) and words of 1 or 2 letters (« de », « l »). */
function initials(slug: string, functionWords: ReadonlySet<string>): string {
  return slug
    .split('-')
    .filter((w) => w.length > 2 && !functionWords.has(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Acronyms and the long forms they stand for, read document by document: in one document, a name key whose slug is an
 * acronym (`org:aphp` for « L'AP-HP ») and a name key of several words whose initials, function words left out, spell
 * it (`org:assistance-publique-hopitaux-de-paris`, « de » left out) are one organisation. `add` takes each document's
 * keys; `longForms` gives each acronym (its letters) the long form's key, none where two documents expand it
 * differently. Linear in the keys: each document's long forms are indexed by their initials.
 */
export class AcronymFinder {
  private readonly found = new Map<string, string | null>();

  constructor(private readonly functionWords: (language: string) => ReadonlySet<string>) {}

  add(keys: Iterable<string>, language: string): void {
    const acronyms = new Set<string>();
    const byInitials = new Map<string, string>();
    const fw = this.functionWords(language);
    for (const k of keys) {
      const slug = NAME_KEY.exec(k)?.[2];
      if (!slug) continue;
      if (ACRONYM.test(slug)) acronyms.add(slug.replace(/-/g, ''));
      else if (slug.includes('-')) {
        const i = initials(slug, fw);
        if (i.length >= 2) byInitials.set(i, k);
      }
    }
    for (const a of acronyms) {
      const long = byInitials.get(a);
      if (!long) continue;
      const seen = this.found.get(a);
      this.found.set(a, seen === undefined || seen === long ? long : null);
    }
  }

  /** Acronym letters → the long form's key. */
  longForms(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [a, k] of this.found) if (k) out.set(a, k);
    return out;
  }
}

/** The acronym a key names (its letters), if `longForms` knows it. */
export function acronymOf(key: string, longForms: ReadonlyMap<string, string>): string | undefined {
  const slug = NAME_KEY.exec(key)?.[2];
  if (!slug || !ACRONYM.test(slug)) return undefined;
  const letters = slug.replace(/-/g, '');
  return longForms.has(letters) ? letters : undefined;
}

/**
 * What the corpus-wide unification of source keys (`keyCanon`, source-keys.ts) reads of a corpus's claims, claim by
 * claim in document order: the sources' keys (speakers and intermediaries) and the acronyms each document gives
 * beside their long forms (from its entity, speaker and intermediary keys). Claim grouping and the sources report
 * both read it, so they name one actor by one key.
 */
export class CorpusKeys {
  /** Keys of the claims' speakers and intermediaries. */
  readonly sourceKeys = new Set<string>();
  private readonly acronyms = new AcronymFinder((language) => languageOf(language).functionWords().folded);
  private readonly spellings = new PersonSpellings();
  private docKeys = new Set<string>();
  private doc: string | null = null;
  private language = '';
  private published: string | null = null;

  add(c: Pick<ClaimFeatures, 'documentId' | 'language' | 'published' | 'entityKeys' | 'speakerKey' | 'proposition'>): void {
    if (c.documentId !== this.doc) {
      this.flush();
      this.doc = c.documentId;
      this.language = c.language;
      this.published = c.published;
    }
    for (const k of c.entityKeys) this.docKeys.add(k);
    if (c.speakerKey) {
      this.docKeys.add(c.speakerKey);
      this.sourceKeys.add(c.speakerKey);
    }
    // Intermediaries and the speakers coordinated with the source (« selon Mediapart et Le Monde ») are sources too.
    for (const k of [...(c.proposition?.viaKeys ?? []), ...(c.proposition?.coSources ?? []).map((x) => x.key)])
      if (k) {
        this.docKeys.add(k);
        this.sourceKeys.add(k);
      }
  }

  /** Acronym letters → the long form's key, over every claim added so far. */
  longForms(): Map<string, string> {
    this.flush();
    return this.acronyms.longForms();
  }

  /** Person keys spelt another way in the same week → the person's key (`PersonSpellings`), over every claim added so far. */
  personVariants(): Map<string, string> {
    this.flush();
    return this.spellings.variants();
  }

  private flush(): void {
    if (this.docKeys.size > 0) {
      this.acronyms.add(this.docKeys, this.language);
      this.spellings.add(this.docKeys, this.published);
    }
    this.docKeys = new Set();
  }
}
