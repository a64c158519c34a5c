// The matching features of every claim of a corpus in flat typed arrays:
// entity keys, stems and numbers interned to integer ids, one row of ids per
// claim, no text. A 36,000-article corpus has ~450,000 claims; as row objects
// (text, document facts repeated per claim, string arrays) they took most of a
// gigabyte, as ids they take tens of megabytes. Ids follow the strings' sort
// order, so a claim's ids are sorted like its keys were and sums over them run
// in the same order as over the strings.
import type { ClaimFeatures } from './store.js';
import { isClass, lightClasses, modalClasses, phraseClasses, predicateClass } from '../lang/predicate-classes.js';
import { crossLanguageKeys, figureUnitClass, measureUnitClasses } from './cross-language.js';
import { acronymOf, CorpusKeys, personKeyTrimmer } from './claim-keys.js';
import { cached } from '../lang/resources.js';
import { languageOf } from '../lang/registry.js';
import { attributionLexicon } from '../annotate/attributions/lexicon.js';
import { wordTools } from '../lang/stems.js';

const unique = (xs: string[]) => [...new Set(xs)];

/** Years ("en 2016") situate a claim; they do not make two claims different facts. */
const YEAR = /^(1[89]|20)\d\d$/;

/** Numbers that state a fact (years left out). */
export const facts = (numbers: readonly string[]) => numbers.filter((n) => !YEAR.test(n));

/**
 * The numbers a claim states: the digits of its text, years and the days its dates name left out (« Naomi Musenga est
 * morte le 29 décembre » states no 29; « 22 ans » of another claim is no other value for it).
 */
export function statedNumbers(c: Pick<ClaimFeatures, 'numbers' | 'proposition'>): string[] {
  const days = new Set<string>();
  for (const k of c.proposition?.time ?? []) {
    // « le 29 décembre 2018 » (date:2018-12-29, date:--12-29), « le 30 janvier dernier » (date:30--01-dernier).
    const m = /^date:(?:\d{4})?-?-\d{2}-(\d{2})(?:$|-)/.exec(k) ?? /^date:(\d{1,2})(?:er)?--\d{2}(?:$|-)/.exec(k);
    if (m) days.add(String(Number(m[1])));
  }
  return facts(days.size ? c.numbers.filter((n) => !days.has(n)) : c.numbers);
}

/** Keys the entity layer types by guess (person, place, organisation, other): one name under several types meets itself. */
const TYPED = /^(?:per|loc|org|misc):/;

/**
 * An entity key without its guessed type (« per:nissan », « org:nissan » and « loc:nissan » are one name: the entity
 * layer types a name by its context, so the same name gets different types in different sentences); keys of a
 * knowledge base (Wikidata, GeoNames, ISO 3166) stay as they are.
 */
export const untyped = (key: string) => (TYPED.test(key) ? `name:${key.slice(key.indexOf(':') + 1)}` : key);

/**
 * The day of the week (ISO 8601: Monday 1 … Sunday 7) a claim's dates name, 0 when they name none or several: a
 * neutral date key (src/lang/date-keys.ts) with a weekday (« lundi matin » → "date:-W-1-matin"), or a full date
 * (« le 19 novembre » in an article of 2018 → 2018-11-19, a Monday). Two accounts of one event, published on
 * different days, say « lundi » or « le 19 novembre » of it, never another day.
 */
export function weekdayOf(time: readonly string[], published: string | null): number {
  return onlyValue(time, (k) => {
    const w = /^date:-W-([1-7])(?:$|-)/.exec(k);
    if (w) return Number(w[1]);
    const d = dayOfKey(k, published);
    return d ? isoWeekday(d[0], d[1], d[2]) : 0;
  });
}

/**
 * The calendar day a claim's dates name, as yyyymmdd (a full date, or a day and month read against the publication
 * year as `weekdayOf` reads it), 0 when they name none or several. Two accounts of one event never give it two dates
 * (« samedi 17 novembre » and « samedi 24 novembre » name one weekday, not one day).
 */
export function calendarDayOf(time: readonly string[], published: string | null): number {
  return onlyValue(time, (k) => {
    const d = dayOfKey(k, published);
    return d ? d[0] * 10000 + d[1] * 100 + d[2] : 0;
  });
}

/** The one non-zero value `of` gives a claim's date keys; 0 when none gives one or two disagree. */
function onlyValue(time: readonly string[], of: (key: string) => number): number {
  let found = 0;
  for (const k of time) {
    const v = of(k);
    if (v === 0) continue;
    if (found !== 0 && found !== v) return 0;
    found = v;
  }
  return found;
}

/** The year, month and day a date key names: a full date, or a day and month read against the publication year. */
function dayOfKey(k: string, published: string | null): [number, number, number] | null {
  const full = /^date:(\d{4})-(\d{2})-(\d{2})(?:$|-)/.exec(k);
  if (full) return [Number(full[1]), Number(full[2]), Number(full[3])];
  const monthDay = /^date:--(\d{2})-(\d{2})(?:$|-)/.exec(k);
  if (!monthDay || !published || !/^\d{4}-\d{2}/.test(published)) return null;
  // A day and month without a year: the year of publication, or the year before for a later month (« le 28 décembre » in January).
  const year = Number(published.slice(0, 4)) - (Number(monthDay[1]) > Number(published.slice(5, 7)) ? 1 : 0);
  return [year, Number(monthDay[1]), Number(monthDay[2])];
}

function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return 0;
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}

/**
 * The stems of a language's words of saying: its reporting verbs (the one-word lemmas of the attribution lexicon's
 * cues, lang/<xx>/cues.tsv) and its nouns of saying (`speechNouns` and `reportedWords` of attribution-grammar.json:
 * « l'information », « ses propos »). Empty for a language without attributions.
 */
export function sayingStems(language: string): ReadonlySet<string> {
  if (!languageOf(language).supports('attributions')) return new Set();
  return cached(language, 'saying-stems', (code) => {
    const tools = wordTools(code);
    const lex = attributionLexicon(code);
    const out = new Set<string>();
    for (const { lemma } of lex.cues.values()) if (!/\s/.test(lemma)) out.add(tools.stem(lemma.toLowerCase()));
    for (const w of [...lex.speechNouns, ...lex.reportedWords]) out.add(tools.stem(w.toLowerCase()));
    return out;
  });
}

/**
 * Whether a claim's content words are only words of saying (« a confirmé l'information », « a démenti ces
 * informations »): it says that someone spoke, not what. Two such claims share their cue, not a proposition.
 */
export function onlySaying(stems: readonly string[], saying: ReadonlySet<string>): boolean {
  return stems.length > 0 && stems.every((s) => saying.has(s));
}

/** A growable list of int32. */
class IntList {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Strings to ids in arrival order; `sorted()` renumbers them in string order. */
class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(s, id);
      this.names.push(s);
    }
    return id;
  }

  /** Names in sort order, and each arrival id's new id. */
  sorted(): { names: string[]; renumber: Int32Array } {
    // The default sort compares UTF-16 code units, as `<` does, and is much faster than a comparator; names are unique.
    const names = [...this.names].sort();
    const renumber = new Int32Array(names.length);
    names.forEach((name, i) => (renumber[this.ids.get(name)!] = i));
    return { names, renumber };
  }
}

/** One list of ids per claim: claim c's ids are values[offsets[c]] … values[offsets[c + 1] - 1], sorted. */
export interface Ragged {
  offsets: Uint32Array;
  values: Int32Array;
  /** The strings behind the ids, in id order. */
  names: string[];
  /** How much sharing each id says: log(1 + claims / claims holding it). */
  weight: Float64Array;
}

class RaggedBuilder {
  private readonly interner = new Interner();
  private values = new IntList();
  private offsets = new IntList();

  constructor() {
    this.offsets.push(0);
  }

  add(keys: readonly string[]): void {
    for (const k of keys) this.values.push(this.interner.id(k));
    this.offsets.push(this.values.length);
  }

  /** Leave out of claim c's row the keys `drop` names (claims and keys given as a map; linear in the table). */
  drop(drop: ReadonlyMap<number, ReadonlySet<string>>): void {
    if (drop.size === 0) return;
    const values = this.values.done();
    const offsets = this.offsets.done();
    const out = new IntList();
    const outOffsets = new IntList();
    outOffsets.push(0);
    for (let c = 0; c + 1 < offsets.length; c++) {
      const gone = drop.get(c);
      for (let i = offsets[c]!; i < offsets[c + 1]!; i++) if (!gone?.has(this.interner.names[values[i]!]!)) out.push(values[i]!);
      outOffsets.push(out.length);
    }
    this.values = out;
    this.offsets = outOffsets;
  }

  /** The table; `canon` renames keys first (two keys of one row renamed alike count once). */
  build(claims: number, canon?: (key: string) => string): Ragged {
    const [interner, values, offsets] = canon
      ? renamed(this.interner, this.values.done(), Uint32Array.from(this.offsets.done()), claims, canon)
      : [this.interner, this.values.done(), Uint32Array.from(this.offsets.done())];
    const { names, renumber } = interner.sorted();
    const df = new Int32Array(names.length);
    for (let c = 0; c < claims; c++) {
      const row = values.subarray(offsets[c], offsets[c + 1]);
      for (let i = 0; i < row.length; i++) row[i] = renumber[row[i]!]!;
      row.sort();
      for (let i = 0; i < row.length; i++) df[row[i]!]!++;
    }
    const weight = new Float64Array(names.length);
    for (let k = 0; k < names.length; k++) weight[k] = Math.log(1 + claims / df[k]!);
    return { offsets, values, names, weight };
  }
}

/** Rows of interned keys with every key renamed by `canon`, a key met twice in a row kept once (linear). */
function renamed(
  interner: Interner,
  values: Int32Array,
  offsets: Uint32Array,
  claims: number,
  canon: (key: string) => string,
): [Interner, Int32Array, Uint32Array] {
  const next = new Interner();
  const to = Int32Array.from(interner.names, (n) => next.id(canon(n)));
  const out = new IntList();
  const outOffsets = new Uint32Array(claims + 1);
  for (let c = 0; c < claims; c++) {
    const start = out.length;
    for (let i = offsets[c]!; i < offsets[c + 1]!; i++) {
      const v = to[values[i]!]!;
      let dup = false;
      for (let j = start; j < out.length && !dup; j++) dup = out.data[j] === v;
      if (!dup) out.push(v);
    }
    outOffsets[c + 1] = out.length;
  }
  return [next, out.done(), outOffsets];
}

/** A word an outlet's titles repeat is its label when this many of its titles hold it … */
const LABEL_TITLES = 5;
/** … over more than this many days (one story's headlines repeat its words for a week, a site's label for months) … */
const LABEL_DAYS = 7;
/** … and at most this share of those articles' own claims say it. */
const LABEL_IN_BODY = 0.2;

/**
 * Words an outlet adds to its titles that its articles do not state: a site name or section label (« … : actualité
 * automobile, infos, scoop »). Two headlines of one outlet sharing them share no fact; the words are left out of its
 * title claims. A word is a label when at least LABEL_TITLES titles of the outlet, published more than LABEL_DAYS
 * apart, hold it and the articles' other claims seldom do (a person or a place a site writes about for months is in
 * its articles too). Title claims come after their article's other claims (claim index order), so each title is
 * checked against its own article's words as it arrives.
 */
class OutletTitleLabels {
  private readonly seen = new Map<string, { titles: number; inBody: number; first: number; last: number }>();
  private readonly titles: { claim: number; outlet: string; words: string[] }[] = [];
  private document = '';
  private bodyWords = new Set<string>();

  add(claim: number, c: Pick<ClaimFeatures, 'documentId' | 'outlet' | 'title' | 'published'>, words: readonly string[]): void {
    if (c.documentId !== this.document) {
      this.document = c.documentId;
      this.bodyWords = new Set();
    }
    if (!c.title) {
      for (const w of words) this.bodyWords.add(w);
      return;
    }
    if (!c.outlet) return;
    const day = c.published ? Date.parse(c.published) / 86_400_000 : NaN;
    this.titles.push({ claim, outlet: c.outlet, words: [...words] });
    for (const w of words) {
      const k = `${c.outlet}\u0000${w}`;
      let s = this.seen.get(k);
      if (!s) this.seen.set(k, (s = { titles: 0, inBody: 0, first: Infinity, last: -Infinity }));
      s.titles++;
      if (this.bodyWords.has(w)) s.inBody++;
      if (!Number.isNaN(day)) {
        s.first = Math.min(s.first, day);
        s.last = Math.max(s.last, day);
      }
    }
  }

  /** Title claim → its outlet's label words it holds. */
  labels(): Map<number, Set<string>> {
    const out = new Map<number, Set<string>>();
    for (const t of this.titles)
      for (const w of t.words) {
        const s = this.seen.get(`${t.outlet}\u0000${w}`)!;
        if (s.titles < LABEL_TITLES || s.last - s.first <= LABEL_DAYS || s.inBody > LABEL_IN_BODY * s.titles) continue;
        let l = out.get(t.claim);
        if (!l) out.set(t.claim, (l = new Set()));
        l.add(w);
      }
    return out;
  }
}

export interface ClaimTable {
  count: number;
  /** Each claim's document (an index into documentIds) and its index in that document. */
  document: Int32Array;
  index: Int32Array;
  documentIds: string[];
  published: (string | null)[];
  /** Each document's language, interned (predicates compare within a language only). */
  language: Int32Array;
  /** Entity keys, their guessed type left out (`untyped`). */
  entities: Ragged;
  /** The people a claim names (`per:` keys, untyped so they meet `entities`). */
  people: Ragged;
  /**
   * The proposition's subject (`proposition.subject`, untyped): the entities named before the predicate, or the
   * referent the claim layer resolved for a pronoun (« il » → the person named before; « je » in a quote → the speaker).
   */
  subjects: Ragged;
  /** The people among the subject (`per:` keys, untyped): the same predicate said of another person is another claim. */
  subjectPeople: Ragged;
  stems: Ragged;
  /** What claims of different languages compare as wording: predicate classes and bilingual lexicon classes (`crossLanguageKeys`). */
  crossStems: Ragged;
  facts: Ragged;
  /** The proposition's parts: predicate stems, figures with units ("12 mort"); empty without a proposition. */
  verbs: Ragged;
  figures: Ragged;
  /** Per figure of `figures.names`, 1 when its unit measures (a `light` class of unit-classes.json: « 10 ans », « 12 % »), not the thing counted. */
  measureFigures: Uint8Array;
  /** The modal classes (intent, threat, attempt) among its predicates, as a set of bits (`modalClasses`). */
  modal: Int32Array;
  /** Per predicate of `verbs.names`, 1 when it is a light class (`lightClasses`: « se dérouler », « aider »), never a match's only evidence. */
  lightVerbs: Uint8Array;
  /** The day of the week the claim's dates name (1-7), 0 when none or several (`weekdayOf`). */
  weekday: Uint8Array;
  /** The calendar day the claim's dates name (yyyymmdd), 0 when none or several (`calendarDayOf`). */
  calendarDay: Int32Array;
  /** 1 when the claim is negated. */
  negated: Uint8Array;
  /** 1 when the claim is (a part of) its document's title. */
  title: Uint8Array;
  /** The speaker's key, interned (-1: the outlet's own voice or no key). */
  speaker: Int32Array;
  /** Every speaker and intermediary key met (for the corpus-wide key unification, source-keys.ts). */
  sourceKeys: Set<string>;
  /** Acronyms met beside their long form in a document (« AP-HP », « Assistance publique-Hôpitaux de Paris »): letters → the long form's key. */
  longForms: Map<string, string>;
  /** Person keys spelt another way in the same week → the person's key (`PersonSpellings`). */
  personVariants: Map<string, string>;
}

/** Build the table from claims in a stable order (by document, then claim index). */
export async function claimTable(rows: AsyncIterable<ClaimFeatures> | Iterable<ClaimFeatures>): Promise<ClaimTable> {
  const document = new IntList();
  const index = new IntList();
  const documentIds: string[] = [];
  const published: (string | null)[] = [];
  const languages = new Interner();
  const language = new IntList();
  const docOf = new Map<string, number>();
  const entities = new RaggedBuilder();
  const people = new RaggedBuilder();
  const subjects = new RaggedBuilder();
  const subjectPeople = new RaggedBuilder();
  const stems = new RaggedBuilder();
  const crossStems = new RaggedBuilder();
  const numbers = new RaggedBuilder();
  const verbs = new RaggedBuilder();
  const figures = new RaggedBuilder();
  const negated = new IntList();
  const title = new IntList();
  const speakers = new Interner();
  const speaker = new IntList();
  const weekday = new IntList();
  const calendarDay = new IntList();
  const modal = new IntList();
  const modalBits = new Map<string, number>();
  const light = new Set<string>();
  const measures = new Set<string>();
  const personKeys = new Set<string>();
  // Sources' keys, and acronyms beside their long forms (claims come document by document).
  const corpusKeys = new CorpusKeys();
  const labels = new OutletTitleLabels();
  for await (const c of rows) {
    corpusKeys.add(c);
    // Predicates and content stems in their class (« arrêté », « interpellé », « l'arrestation »: one event).
    const cls = predicateClass(c.language);
    const lights = lightClasses(c.language);
    for (const p of lights) light.add(p);
    for (const u of measureUnitClasses(c.language)) measures.add(u);
    // A nominalised predicate of a class (« l'arrestation de », « la mort de ») is a predicate too.
    const content = c.predicate.map(cls);
    // So is a fixed phrase of a class whose content words the claim holds (« placé en garde à vue »: arrest).
    const held = new Set(c.predicate);
    const phrases = phraseClasses(c.language)
      .filter((p) => p.stems.every((s) => held.has(s)))
      .map((p) => p.key);
    // A claim that only says someone spoke (« a confirmé l'information ») has no predicate or wording to match on.
    const saying = onlySaying(c.predicate, sayingStems(c.language));
    const predicates = saying ? [] : unique([...(c.proposition?.predicate ?? []).map(cls), ...content.filter(isClass), ...phrases]);
    verbs.add(predicates);
    const modals = modalClasses(c.language);
    let bits = 0;
    for (const p of predicates)
      if (modals.has(p)) {
        if (!modalBits.has(p)) modalBits.set(p, 1 << Math.min(30, modalBits.size));
        bits |= modalBits.get(p)!;
      }
    modal.push(bits);
    // Units in a class shared by every language (« 40 familles » = "40 families"): figures meet across languages.
    figures.add((c.proposition?.figures ?? []).map(figureUnitClass(c.language)));
    negated.push(c.proposition?.negated ? 1 : 0);
    title.push(c.title ? 1 : 0);
    speaker.push(c.speakerKey ? speakers.id(c.speakerKey) : -1);
    weekday.push(weekdayOf(c.proposition?.time ?? [], c.published));
    calendarDay.push(calendarDayOf(c.proposition?.time ?? [], c.published));
    let d = docOf.get(c.documentId);
    if (d === undefined) {
      d = documentIds.length;
      docOf.set(c.documentId, d);
      documentIds.push(c.documentId);
      published.push(c.published);
      language.push(languages.id(c.language));
    }
    document.push(d);
    index.push(c.index);
    for (const k of c.entityKeys) if (k.startsWith('per:')) personKeys.add(k);
    entities.add(unique(c.entityKeys.map(untyped)));
    people.add(unique(c.entityKeys.filter((k) => k.startsWith('per:')).map(untyped)));
    const subject = c.proposition?.subject ?? [];
    subjects.add(unique(subject.map(untyped)));
    subjectPeople.add(unique(subject.filter((k) => k.startsWith('per:')).map(untyped)));
    // A light predicate (« se dérouler », « aider ») says nothing of what happened: not content wording either.
    const words = saying ? [] : unique(content.filter((k) => !lights.has(k)));
    labels.add(document.length - 1, c, words); // this claim's number (pushed above)
    stems.add(words);
    crossStems.add(crossLanguageKeys(c.language)([...content, ...phrases], lights));
    numbers.add(unique(statedNumbers(c)));
  }
  const count = document.length;
  // A site's title label (« actualité automobile, infos, scoop ») is no wording two headlines share.
  const outletLabels = labels.labels();
  stems.drop(outletLabels);
  verbs.drop(outletLabels);
  // Person keys with words the entity span swallowed before the name (« Après Emmanuel Macron »): the person's key.
  const trim = personKeyTrimmer(personKeys);
  const longForms = corpusKeys.longForms();
  // A given name spelt with one other letter in the same week (« Alexandra » / « Alexandre Benalla »): one person.
  const personVariants = corpusKeys.personVariants();
  // An acronym is its long form's key (« AP-HP » = « Assistance publique-Hôpitaux de Paris »).
  const person = (k: string) => {
    const a = acronymOf(k, longForms);
    if (a) return untyped(longForms.get(a)!);
    if (!k.startsWith('name:')) return k;
    const p = trim(`per:${k.slice(5)}`);
    return untyped(personVariants.get(p) ?? p);
  };
  const verbTable = verbs.build(count);
  const figureTable = figures.build(count);
  return {
    count,
    document: document.done(),
    index: index.done(),
    documentIds,
    published,
    language: language.done(),
    entities: entities.build(count, person),
    people: people.build(count, person),
    subjects: subjects.build(count, person),
    subjectPeople: subjectPeople.build(count, person),
    stems: stems.build(count),
    crossStems: crossStems.build(count),
    facts: numbers.build(count),
    verbs: verbTable,
    lightVerbs: Uint8Array.from(verbTable.names, (n) => (light.has(n) ? 1 : 0)),
    figures: figureTable,
    measureFigures: Uint8Array.from(figureTable.names, (n) => (measures.has(n.slice(n.indexOf(' ') + 1)) ? 1 : 0)),
    negated: Uint8Array.from(negated.done()),
    title: Uint8Array.from(title.done()),
    speaker: speaker.done(),
    weekday: Uint8Array.from(weekday.done()),
    calendarDay: calendarDay.done(),
    modal: modal.done(),
    sourceKeys: corpusKeys.sourceKeys,
    longForms,
    personVariants,
  };
}

/** The strings of claim c's row. */
export function keysOf(r: Ragged, c: number): string[] {
  const out: string[] = [];
  for (let i = r.offsets[c]!; i < r.offsets[c + 1]!; i++) out.push(r.names[r.values[i]!]!);
  return out;
}
