// Claim groups: claims that assert the same thing, across documents (and
// within one, when an article repeats a fact from several sources). Two
// claims match when they are about mostly the same entities (by key, weighted
// by rarity so that sharing "France" says little and "Raqqa" much), state
// compatible numbers and, across articles, share content stems (the stemmer
// folds French morphology: « livrées » / « livrés »). Candidates come from
// blocking on entity-key pairs, never from all pairs; matches are closed
// transitively. Matching runs on a claim table (claim-table.ts: interned ids,
// no text); only the claims of groups are then read in full, to describe them.
import type { QuoteCredit } from './misattribution.js';
import { createHash } from 'node:crypto';
import type { ClaimWithDocument, CorpusStore } from './store.js';
import { claimTable, facts, keysOf, type ClaimTable, type Ragged } from './claim-table.js';
import { isTitleClaim } from './claim-features.js';
import { independence, type CopyFamilies, type Independence } from './independence.js';
import { keyCanon, type KeyCanon } from './source-keys.js';
import { guarded, loadPairModel, pairVector, type PairModel } from './claim-pair-model.js';
import { labelIndex } from './claim-label.js';
import { renderMatchParts, renderMatchReason, type MatchReason, type MatchRule } from '../present/reasons.js';

/**
 * A claim is blocked on pairs of its rarest entity keys only: a match needs
 * most of the (rarity-weighted) entities in common, so matching claims share
 * their rare keys, and 6 keys make at most 15 pairs however long the sentence.
 */
const MAX_BLOCK_KEYS = 6;
/** Blocks on this many of a claim's rarest content words too. */
const RARE_WORDS = 4;
/** A group keeps this many of its claims with figures or people to check a join against (bounded work per join). */
const MAX_CONSTRAINED = 24;
/**
 * Two groups of several claims join when this many pairs across them agree (a single bridge does not chain two
 * propositions), among the first SUPPORT_SAMPLE claims of each: a group's claims in the order they joined it, its
 * strongest matches first (bounded work per join).
 */
const SUPPORT = 2;
const SUPPORT_SAMPLE = 4;
/** Large blocks (very common entity pairs) are compared within a sliding window over time, not all pairs. */
const BLOCK_WINDOW = 64;

export interface GroupedClaim {
  documentId: string;
  index: number;
  text: string;
  speaker: string | null;
  /** The speaker as an actor, unified across the corpus (null: the outlet's own voice, or an unresolved pronoun). */
  speakerKey: string | null;
  via: string[];
  hedged: boolean;
  candidate: boolean;
  /** Index of the attribution the claim reports, in its document; null for the outlet's own voice. */
  attribution?: number | null;
  /** The same quotation credited to other people elsewhere in the corpus (src/corpus/misattribution.ts); absent when none. */
  conflictingSpeakers?: QuoteCredit[];
}

export interface GroupDocument {
  id: string;
  inputPath: string | null;
  outlet: string | null;
  published: string | null;
}

export interface ClaimGroup {
  id: string;
  /** The text of the group's most central claim that reads as a clause of its own (`labelIndex`, claim-label.ts). */
  label: string;
  /** Entity keys shared by at least half of the claims. */
  entityKeys: string[];
  numbers: string[];
  documents: GroupDocument[];
  claims: GroupedClaim[];
  speakers: string[];
  first: string | null;
  last: string | null;
  independence: Independence;
  /** Why its claims are one proposition: each match that joined it, with the parts that agreed (`explanationMessages` in English). */
  explanation: string[];
  /** The same as messages each interface renders in its language. */
  explanationMessages: MatchReason[];
  /** Groups whose claims deny this one's (the same predicate negated). */
  contradicts: string[];
}

export interface GroupOptions {
  /** Keep groups spanning at least this many documents (default 1: an article repeating a fact counts). */
  minDocuments?: number;
  /** Keep groups of at least this many claims (default 2). */
  minClaims?: number;
  /** The pair model (default: models/claim-pairs.json, `loadPairModel`); null: the hand rules alone. */
  pairModel?: PairModel | null;
}

/** Weighted agreement of two id lists: Jaccard (shared / all) and containment (shared / the lighter side). */
class Agreement {
  common = 0;
  /** The weight of what both share, and of each side. */
  shared = 0;
  left = 0;
  right = 0;
  jaccard = 0;
  containment = 0;
  private readonly mark: Int32Array;
  private stamp = 0;

  /** `weight`: how much sharing each id says (rare entities, like Raqqa, or words, like « largué », much; France or « ministre » little). */
  constructor(private readonly weight: Float64Array) {
    this.mark = new Int32Array(weight.length);
  }

  /** Agreement of a[aFrom, aTo) with b[bFrom, bTo); sums run in list order. */
  measure(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): this {
    const w = this.weight;
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let i = bFrom; i < bTo; i++) this.mark[b[i]!] = stamp;
    let common = 0;
    let both = 0;
    let wa = 0;
    let wb = 0;
    for (let i = aFrom; i < aTo; i++) {
      const k = a[i]!;
      wa += w[k]!;
      if (this.mark[k] === stamp) {
        common++;
        both += w[k]!;
      }
    }
    for (let i = bFrom; i < bTo; i++) wb += w[b[i]!]!;
    const all = wa + wb - both;
    this.common = common;
    this.shared = both;
    this.left = wa;
    this.right = wb;
    this.jaccard = all > 0 ? both / all : 0;
    this.containment = both > 0 ? both / Math.min(wa, wb) : 0;
    return this;
  }

  /** Agreement of rows x and y of a ragged table. */
  rows(r: Ragged, x: number, y: number): this {
    return this.measure(r.values, r.offsets[x]!, r.offsets[x + 1]!, r.values, r.offsets[y]!, r.offsets[y + 1]!);
  }
}

const NO_AGREEMENT = { jaccard: 0, containment: 0, shared: 0 };

/** Whether two sorted id lists share an id. */
function intersects(v: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  while (a < aEnd && b < bEnd) {
    if (v[a] === v[b]) return true;
    if (v[a]! < v[b]!) a++;
    else b++;
  }
  return false;
}

/**
 * Two figures (« 12 », « 12.39 % », « 3 mort ») state one value when equal, or when one is a whole number and the
 * other its value with decimals (« plus de 12 % » rounds « 12,39 % »); units must be the same.
 */
export function roughlySame(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = a.indexOf(' ');
  const sb = b.indexOf(' ');
  if ((sa < 0 ? '' : a.slice(sa)) !== (sb < 0 ? '' : b.slice(sb))) return false;
  const va = Number(sa < 0 ? a : a.slice(0, sa));
  const vb = Number(sb < 0 ? b : b.slice(0, sb));
  if (!Number.isFinite(va) || !Number.isFinite(vb)) return false;
  return (Number.isInteger(va) && !Number.isInteger(vb) && Math.trunc(vb) === va) || (Number.isInteger(vb) && !Number.isInteger(va) && Math.trunc(va) === vb);
}

/**
 * A headline with this many content words at most and no subject names a topic (`Matcher.topicTitle`). Tuned on the DEV
 * claim gold (same store, `eval:claims --reuse`, topic headlines kept apart in their own article too): 1 word F1 59.3,
 * 2 words 61.2, 3 words 60.5, 4 words 57.6 (59.5 without); across articles only, 2 words: 61.1, held-out unchanged.
 */
const TOPIC_TITLE_WORDS = 2;

/** Two mentions of one proposition are published this close in time (days); undated documents are compared with any. */
const MAX_DAYS_APART = 7;

/** Claim matching over a claim table: the rules, and scratch space reused across comparisons. */
export class Matcher {
  private readonly entities: Agreement;
  private readonly stems: Agreement;
  /** Agreement of claims of different languages, over their predicate and lexicon classes (cross-language.ts). */
  private readonly cross: Agreement;
  private readonly verbAgreement: Agreement;
  private readonly day: Float64Array;
  /** The weight of a word held by one claim only: shared weights are counted in such words, whatever the corpus size. */
  private readonly rarest: number;

  constructor(private readonly t: ClaimTable) {
    this.rarest = Math.log(1 + Math.max(1, t.count));
    this.entities = new Agreement(t.entities.weight);
    this.stems = new Agreement(t.stems.weight);
    this.cross = new Agreement(t.crossStems.weight);
    this.verbAgreement = new Agreement(new Float64Array(t.verbs.names.length).fill(1));
    this.day = Float64Array.from(t.published, (d) => (d ? Date.parse(d) / 86_400_000 : NaN));
  }

  /** Days between two claims' documents, 0 when either is undated. */
  daysApart(x: number, y: number): number {
    const d = Math.abs(this.dayOf(x) - this.dayOf(y));
    return Number.isNaN(d) ? 0 : d;
  }

  /** The claim's publication day (days since 1970), NaN when undated. */
  dayOf(c: number): number {
    return this.day[this.t.document[c]!]!;
  }

  /** Whether two claims' documents are close enough in time to tell one event. */
  near(x: number, y: number): boolean {
    const a = this.day[this.t.document[x]!]!;
    const b = this.day[this.t.document[y]!]!;
    return Number.isNaN(a) || Number.isNaN(b) || Math.abs(a - b) <= MAX_DAYS_APART;
  }

  /** What two claims share and where they disagree: what `same` decides on, and what a group's explanation shows. */
  compare(x: number, y: number): PairFeatures {
    const t = this.t;
    const f = t.facts;
    const nx = f.offsets[x + 1]! - f.offsets[x]!;
    const ny = f.offsets[y + 1]! - f.offsets[y]!;
    const e = this.entities.rows(t.entities, x, y);
    const entities = {
      common: e.common,
      jaccard: e.jaccard,
      containment: e.containment,
      shared: e.shared / this.rarest,
      peopleDiffer: this.peopleDiffer(x, y),
    };
    const subjects = t.subjects;
    const w = this.words(x, y);
    const words = { jaccard: w.jaccard, containment: w.containment, shared: w.shared / this.rarest };
    return {
      near: this.near(x, y),
      sameDocument: t.document[x] === t.document[y],
      titles: t.title[x]! + t.title[y]!,
      topicTitle: t.document[x] !== t.document[y] && (this.topicTitle(x) || this.topicTitle(y)),
      sameSpeaker: t.speaker[x]! >= 0 && t.speaker[x] === t.speaker[y],
      daysApart: this.daysApart(x, y),
      verbs: this.verbAgreement.rows(t.verbs, x, y).jaccard,
      negation: this.negationDiffers(x, y),
      daysDiffer: this.daysDiffer(x, y),
      modalDiffer: t.modal[x] !== t.modal[y],
      figuresDisagree: this.figuresDisagree(x, y) || (nx > 0 && ny > 0 && !this.factsMeet(x, y) && !this.sameFigure(x, y)),
      sharedFigure: nx > 0 && ny > 0 && this.numbersCount(x, y),
      sameFigure: this.countedFigure(x, y),
      entityless: e.left === 0 || e.right === 0,
      sharedVerb: this.sharesVerb(x, y),
      predicates: this.hasVerbs(x) && this.hasVerbs(y),
      entities,
      subject: {
        same: intersects(subjects.values, subjects.offsets[x]!, subjects.offsets[x + 1]!, subjects.offsets[y]!, subjects.offsets[y + 1]!),
        peopleDiffer: this.subjectPeopleDiffer(x, y),
      },
      words,
    };
  }

  /**
   * A headline of at most TOPIC_TITLE_WORDS content words naming no subject (« Attaques dans l'Aude », « Effondrements à
   * Marseille », « Soupçons de financement libyen »): it names a story's topic, an event kind and a place, not one
   * proposition, and joined to each clause of the story about that kind of event it chained them all into one group
   * (on the DEV store, the Aude attacks' four dead and sixteen injured, Marseille's collapsed buildings and the missing).
   * « Sarkozy en garde à vue » names its subject and is a claim. Within its own article such a headline still joins the
   * lead it sums up (`compare`: `topicTitle` holds across documents only).
   */
  private topicTitle(c: number): boolean {
    const t = this.t;
    return t.title[c] === 1 && t.stems.offsets[c + 1]! - t.stems.offsets[c]! <= TOPIC_TITLE_WORDS && t.subjects.offsets[c + 1] === t.subjects.offsets[c];
  }

  /** Whether claims x and y assert the same proposition. */
  same(x: number, y: number): boolean {
    return agree(this.compare(x, y));
  }

  /**
   * Whether two claims name a common entity (what, who or where: an entity key or the subject the claim layer
   * resolved). Two sources confirm each other only about a named thing: « Un individu a tué trois personnes » and
   * « tuant au moins trois personnes » agree as wordings, but may tell two events of one week (see `independence`).
   */
  anchored(x: number, y: number): boolean {
    const e = this.t.entities;
    const s = this.t.subjects;
    return (
      intersects(e.values, e.offsets[x]!, e.offsets[x + 1]!, e.offsets[y]!, e.offsets[y + 1]!) ||
      intersects(s.values, s.offsets[x]!, s.offsets[x + 1]!, s.offsets[y]!, s.offsets[y + 1]!)
    );
  }

  /**
   * Whether two claims state one measured value in largely the same rare words, naming no common entity: a figure of a
   * measuring unit (a share, an amount, a length: `measureFigures`) with the same value in both, and wording sharing at
   * least MEASURE_WORDS rarest words' weight (« Le taux de chômage a reculé à 7,1 % au quatrième trimestre 2024 » / « Le
   * taux de chômage est tombé à 7,1 % au quatrième trimestre 2024 »). The value and what it measures anchor the claim as
   * an entity does (`anchored`); a count (« tué trois personnes ») or a few common words do not.
   */
  measuredAlike(x: number, y: number): boolean {
    const r = this.t.figures;
    let measure = false;
    for (let i = r.offsets[x]!; i < r.offsets[x + 1]! && !measure; i++)
      for (let j = r.offsets[y]!; j < r.offsets[y + 1]!; j++) if (r.values[j] === r.values[i] && this.t.measureFigures[r.values[i]!]) measure = true;
    if (!measure) return false;
    const w = this.words(x, y);
    return w.shared / this.rarest >= MEASURE_WORDS && w.jaccard >= THRESHOLD.jaccard;
  }

  /** Both name the day of the event, and not the same day of the week (« arrêté lundi » / « découvert mardi ») or not the same date (« samedi 17 novembre » / « samedi 24 novembre »). */
  private daysDiffer(x: number, y: number): boolean {
    const w = this.t.weekday;
    const d = this.t.calendarDay;
    return (w[x] !== 0 && w[y] !== 0 && w[x] !== w[y]) || (d[x] !== 0 && d[y] !== 0 && d[x] !== d[y]);
  }

  /** Both state a figure in the same unit, and no value for it agrees. */
  private figuresDisagree(x: number, y: number): boolean {
    const r = this.t.figures;
    const names = r.names;
    const unit = (k: number) => names[k]!.slice(names[k]!.indexOf(' ') + 1);
    for (let i = r.offsets[x]!; i < r.offsets[x + 1]!; i++) {
      const ui = names[r.values[i]!]!.includes(' ') ? unit(r.values[i]!) : null;
      if (!ui) continue;
      let sameUnit = false;
      let agree = false;
      for (let j = r.offsets[y]!; j < r.offsets[y + 1]!; j++) {
        if (!names[r.values[j]!]!.includes(' ') || unit(r.values[j]!) !== ui) continue;
        sameUnit = true;
        if (r.values[j] === r.values[i] || roughlySame(names[r.values[j]!]!, names[r.values[i]!]!)) agree = true;
      }
      if (sameUnit && !agree) return true;
    }
    return false;
  }

  /** Some number of one claim is a number of the other (or its rounding: « plus de 12 % » = « 12,39 % »). */
  private factsMeet(x: number, y: number): boolean {
    const f = this.t.facts;
    if (intersects(f.values, f.offsets[x]!, f.offsets[x + 1]!, f.offsets[y]!, f.offsets[y + 1]!)) return true;
    for (let i = f.offsets[x]!; i < f.offsets[x + 1]!; i++)
      for (let j = f.offsets[y]!; j < f.offsets[y + 1]!; j++) if (roughlySame(f.names[f.values[i]!]!, f.names[f.values[j]!]!)) return true;
    return false;
  }

  /** Both state one figure with its unit (« 4 person », « 151 lyceen »). */
  private sameFigure(x: number, y: number): boolean {
    const r = this.t.figures;
    for (let i = r.offsets[x]!; i < r.offsets[x + 1]!; i++) {
      if (!r.names[r.values[i]!]!.includes(' ')) continue;
      for (let j = r.offsets[y]!; j < r.offsets[y + 1]!; j++) if (r.values[j] === r.values[i]) return true;
    }
    return false;
  }

  /**
   * Both state one figure with its unit, and it says what the two claims count: a unit naming the thing counted (« 4
   * person », « 30 mort »), or a unit that measures (« 10 ans », « 12 % », « 3 millions ») with a predicate in common.
   * « ami depuis 10 ans » and « risquait jusqu'à 10 ans de prison » share « 10 an » about two different things.
   */
  private countedFigure(x: number, y: number): boolean {
    const r = this.t.figures;
    for (let i = r.offsets[x]!; i < r.offsets[x + 1]!; i++) {
      if (!r.names[r.values[i]!]!.includes(' ')) continue;
      for (let j = r.offsets[y]!; j < r.offsets[y + 1]!; j++)
        if (r.values[j] === r.values[i] && (!this.t.measureFigures[r.values[i]!] || this.sharesVerb(x, y))) return true;
    }
    return false;
  }

  /**
   * Some number of one claim is a number of the other, and it is evidence of one proposition: the two share a
   * predicate, or the number measures nothing on either side (a bare count, « 30 morts »). A number that is a duration,
   * a share or an amount on either side (« 10 ans », « 12 % ») tells nothing about what is counted.
   */
  private numbersCount(x: number, y: number): boolean {
    if (this.sharesVerb(x, y)) return true;
    const f = this.t.facts;
    for (let i = f.offsets[x]!; i < f.offsets[x + 1]!; i++)
      for (let j = f.offsets[y]!; j < f.offsets[y + 1]!; j++) {
        const a = f.names[f.values[i]!]!;
        const b = f.names[f.values[j]!]!;
        if ((f.values[i] === f.values[j] || roughlySame(a, b)) && !this.measured(x, a) && !this.measured(y, b)) return true;
      }
    return false;
  }

  /** Whether claim c states the number `n` with a unit that measures (« 10 ans »). */
  private measured(c: number, n: string): boolean {
    const r = this.t.figures;
    for (let i = r.offsets[c]!; i < r.offsets[c + 1]!; i++) {
      const name = r.names[r.values[i]!]!;
      if (this.t.measureFigures[r.values[i]!] && name.slice(0, name.indexOf(' ')) === n) return true;
    }
    return false;
  }

  /** Whether claim c states a figure, a day or a modal predicate, names a person or is negated: what `conflict` looks at. */
  constrained(c: number): boolean {
    const t = this.t;
    return (
      t.facts.offsets[c + 1]! > t.facts.offsets[c]! ||
      t.figures.offsets[c + 1]! > t.figures.offsets[c]! ||
      t.negated[c] === 1 ||
      t.weekday[c] !== 0 ||
      t.calendarDay[c] !== 0 ||
      t.modal[c] !== 0 ||
      this.people(c).length > 0
    );
  }

  /** Two claims that cannot be one proposition whatever joins them: other figures for one unit, other numbers, other people, another day, a denial. */
  conflict(x: number, y: number): boolean {
    const f = this.t.facts;
    const nx = f.offsets[x + 1]! - f.offsets[x]!;
    const ny = f.offsets[y + 1]! - f.offsets[y]!;
    return (
      this.figuresDisagree(x, y) ||
      (nx > 0 && ny > 0 && !this.factsMeet(x, y) && !this.sameFigure(x, y)) ||
      this.peopleDiffer(x, y) ||
      // The same predicate said of another person (« il » resolved to someone else).
      (this.subjectPeopleDiffer(x, y) && this.sharesVerb(x, y)) ||
      this.daysDiffer(x, y) ||
      // An intent, a threat or an attempt, and the act.
      (this.t.modal[x] !== this.t.modal[y] && this.sharesVerb(x, y)) ||
      // A denial and what it denies.
      (this.negationDiffers(x, y) && this.sharesVerb(x, y))
    );
  }

  /** Each claim's people, as ids of the table's people (joins check them again and again). */
  private readonly peopleOf: (number[] | undefined)[] = [];

  private people(c: number): number[] {
    let out = this.peopleOf[c];
    if (out) return out;
    const p = this.t.people;
    out = [];
    for (let i = p.offsets[c]!; i < p.offsets[c + 1]!; i++) out.push(p.values[i]!);
    this.peopleOf[c] = out;
    return out;
  }

  /** Both name people (`per:` keys) and none in common: the same predicate about other people. */
  private peopleDiffer(x: number, y: number): boolean {
    const a = this.people(x);
    const b = this.people(y);
    return a.length > 0 && b.length > 0 && !a.some((k) => b.includes(k));
  }

  /** Each claim's subject people, as names (they meet the other claim's people by name). */
  private readonly subjectPeopleOf: (string[] | undefined)[] = [];

  private subjectPeople(c: number): string[] {
    let out = this.subjectPeopleOf[c];
    if (!out) this.subjectPeopleOf[c] = out = keysOf(this.t.subjectPeople, c);
    return out;
  }

  /**
   * Both subjects are people (named, or resolved from a pronoun by the claim layer) and neither subject is among the
   * people the other claim names: the same predicate said of someone else.
   */
  private subjectPeopleDiffer(x: number, y: number): boolean {
    const a = this.subjectPeople(x);
    const b = this.subjectPeople(y);
    if (a.length === 0 || b.length === 0) return false;
    const names = this.t.people.names;
    const named = (c: number, k: string) => this.people(c).some((id) => names[id] === k);
    return !a.some((k) => named(y, k)) && !b.some((k) => named(x, k));
  }

  /**
   * One claim is negated and the other not, and the negation may bear on what they share: every predicate of the
   * negated claim is one of the other's. A clause negates one of its verbs, and the claim layer does not say which
   * (« Un enfant a été hospitalisé mais son pronostic vital n'est pas engagé » is negated on « engagé », not on
   * « hospitalisé »): when the negated claim also states a predicate the other lacks, the negation may be there.
   */
  private negationDiffers(x: number, y: number): boolean {
    const t = this.t;
    if (t.negated[x] === t.negated[y]) return false;
    const [neg, other] = t.negated[x] === 1 ? [x, y] : [y, x];
    const v = t.verbs;
    for (let i = v.offsets[neg]!; i < v.offsets[neg + 1]!; i++) {
      let found = false;
      for (let j = v.offsets[other]!; j < v.offsets[other + 1]!; j++) if (v.values[j] === v.values[i]) found = true;
      if (!found) return false;
    }
    return true;
  }

  private hasVerbs(c: number): boolean {
    return this.t.verbs.offsets[c + 1]! > this.t.verbs.offsets[c]!;
  }

  /** Whether the two claims share a predicate that is not light (« se dérouler », « aider » never count alone). */
  private sharesVerb(x: number, y: number): boolean {
    const v = this.t.verbs;
    const light = this.t.lightVerbs;
    for (let i = v.offsets[x]!; i < v.offsets[x + 1]!; i++) {
      if (light[v.values[i]!]) continue;
      for (let j = v.offsets[y]!; j < v.offsets[y + 1]!; j++) if (v.values[j] === v.values[i]) return true;
    }
    return false;
  }

  /**
   * Agreement of the two claims' content stems within a language. Across languages (stems of two languages never
   * meet) the claims compare their predicate and bilingual lexicon classes (`crossStems`: "seized grenades" =
   * « saisi des grenades »), and only when the propositions already agree in a way a translation keeps: the same
   * predicate class (not a light one) and a common entity or subject, or the same figure with its unit. A shared
   * class of a common word is no evidence between two stories of one place.
   */
  private words(x: number, y: number): { jaccard: number; containment: number; shared: number } {
    const t = this.t;
    if (t.language[t.document[x]!] === t.language[t.document[y]!]) return this.stems.rows(t.stems, x, y);
    if (!this.sharesVerb(x, y) || !(this.anchored(x, y) || this.countedFigure(x, y))) return NO_AGREEMENT;
    return this.cross.rows(t.crossStems, x, y);
  }
}

export interface PairFeatures {
  near: boolean;
  sameDocument: boolean;
  /** How many of the two are title claims (0, 1 or 2). */
  titles: number;
  /** One is a headline naming a topic, not a proposition, and the other is in another document (`Matcher.topicTitle`): never joined. */
  topicTitle: boolean;
  /** Both are said by one speaker (by key). */
  sameSpeaker: boolean;
  /** Days between the two documents' publication (0 when either is undated). */
  daysApart: number;
  /** Jaccard of the two claims' predicates (classes and stems), unweighted. */
  verbs: number;
  /** One is negated, the other not: a denial (contradicts), not a repeat. */
  negation: boolean;
  /** Both name the day of the week of what they state, and not the same one. */
  daysDiffer: boolean;
  /** One states an intent, a threat or an attempt (a modal predicate class) the other does not. */
  modalDiffer: boolean;
  figuresDisagree: boolean;
  sharedFigure: boolean;
  /** Both state one figure with one unit (« 4 person »). */
  sameFigure: boolean;
  /** One of them names no entity. */
  entityless: boolean;
  sharedVerb: boolean;
  /** Both state a predicate (a title or a claim read without its proposition may not). */
  predicates: boolean;
  /** `shared`: the weight of the entities both name, in rare-word units; `peopleDiffer`: both name people, none the same. */
  entities: { common: number; jaccard: number; containment: number; shared: number; peopleDiffer: boolean };
  /**
   * The propositions' subjects (named before the predicate, or a pronoun's referent the claim layer resolved): `same`,
   * they share a key; `peopleDiffer`, both are people and none the same.
   */
  subject: { same: boolean; peopleDiffer: boolean };
  words: { jaccard: number; containment: number; shared: number };
}

/**
 * How much wording two mentions of one proposition share, tuned on the DEV claim gold (eval/gold/claims-dev.json;
 * session 5: `shared` 1.4 → 1.2 and the `verbShared` rule, DEV F1 44.6 → 49.2 at the same precision ±1):
 * the weight (IDF) of the content stems both hold, in words held by a single claim of the corpus, and that weight over the union (jaccard) or over the lighter side
 * (containment: a short title inside a long lead sentence).
 */
/** Rarest words' weight two claims of one measured value share for the value to anchor them (`Matcher.measuredAlike`): twice what wording needs. */
const MEASURE_WORDS = 2.4;

export const THRESHOLD = {
  shared: 1.2,
  jaccard: 0.25,
  containment: 0.6,
  entities: 0.5,
  entitiesAlone: 0.75,
  predicate: 1.0,
  predicateWords: 0.5,
  verbShared: 1.0,
  verbContainment: 0.6,
  subjectShared: 0.7,
  subjectContainment: 0.3,
};

/** The grouping rules, by the name a group's explanation gives them (docs/claims.md numbers them 1 to 6). */
export type { MatchRule };

/** The grouping rule over what two claims share. */
export function agree(p: PairFeatures): boolean {
  return matchRule(p) !== null;
}

/** Which rule makes two claims one proposition, or null when none does (or a guard keeps them apart). */
export function matchRule(p: PairFeatures): MatchRule | null {
  if (!p.near || p.topicTitle || p.figuresDisagree || p.daysDiffer || p.modalDiffer) return null;
  // The same predicate negated on one side: a denial, linked as contradicting, never grouped.
  if (p.negation && p.sharedVerb) return null;
  // The same predicate said of another person (a subject named, or a pronoun the claim layer resolved): another claim.
  if (p.sharedVerb && p.subject.peopleDiffer) return null;
  const w = p.words;
  if (w.shared >= THRESHOLD.shared && (w.jaccard >= THRESHOLD.jaccard || w.containment >= THRESHOLD.containment)) return 'wording';
  // Or the same predicate about the same named entities, told in other words (« combattants de Daesh » = « jihadistes de l'État islamique »).
  // Without predicates to compare (titles, claims read without their proposition), the entities must nearly coincide.
  // Without predicates, a title (a headline names its story's actors and little else) matches on entities alone; two
  // body clauses need a word in common too: naming one person and one place (« ami … d'Emmanuel Macron … jusqu'à
  // l'Élysée », « Maintenant qu'il est à l'Élysée ») with no word in common, they say different things about them.
  const entities = p.sharedVerb ? THRESHOLD.entities : p.predicates || (p.titles === 0 && w.shared === 0) ? Infinity : THRESHOLD.entitiesAlone;
  if (p.entities.common >= 2 && p.entities.jaccard >= entities) return 'predicate and entities';
  // Or the same predicate (class) and the same figure with its unit (« tué quatre personnes » = « la mort de quatre
  // personnes »), about a common entity or with one side naming none.
  if (p.sharedVerb && p.sameFigure && !p.entities.peopleDiffer && (p.entities.common >= 1 || p.entityless)) return 'predicate and figure';
  // Or the same predicate (class) with most of the lighter side's wording and at least one rare word's weight in
  // common, about no other people, whatever entities either names (« Deux passants auraient été blessés légèrement »
  // = « au moins deux personnes ont été légèrement blessées »). Figures and days were checked above.
  if (p.sharedVerb && !p.entities.peopleDiffer && w.shared >= THRESHOLD.verbShared && w.containment >= THRESHOLD.verbContainment)
    return 'predicate and wording';
  // Or the same predicate (class) said of the same subject, named or resolved from a pronoun by the claim layer (« Il
  // sera naturalisé » after « Mamoudou Gassama … » = « Mamoudou Gassama va être naturalisé »), with wording in common.
  if (p.sharedVerb && p.subject.same && !p.entities.peopleDiffer && w.shared >= THRESHOLD.subjectShared && w.containment >= THRESHOLD.subjectContainment)
    return 'predicate and subject';
  // Or the same predicate (class) where every entity of one side is named by the other, with enough rare parts
  // in common (« Carlos Ghosn arrêté à Tokyo » = « a été arrêté lundi à Tokyo »), unless they name other people.
  return p.sharedVerb &&
    !p.entities.peopleDiffer &&
    p.entities.common >= 1 &&
    p.entities.containment >= 0.99 &&
    p.words.containment >= THRESHOLD.predicateWords &&
    p.words.shared + p.entities.shared >= THRESHOLD.predicate
    ? 'predicate and contained entities'
    : null;
}

/** Whether the pair is a denial of the same proposition: everything agrees but the negation. */
export function contradicts(p: PairFeatures): boolean {
  return p.negation && p.sharedVerb && agree({ ...p, negation: false });
}

/** What two matched claims share, by table numbers, and the ISO weekday both name (1 = Monday) if any. */
interface Shared {
  verbs: string[];
  figures: string[];
  entities: string[];
  subject?: string[];
  weekday?: number;
}

/** Which parts of two claims matched, as a message (texts `a` and `b`): the rule that joined them first. */
export function matchReason(p: PairFeatures, t: Shared, a = '', b = ''): MatchReason {
  const { shared, jaccard, containment } = p.words;
  return { id: 'match', a, b, rule: matchRule(p), shared, jaccard, containment, subject: [], ...t };
}

/** Which parts of two claims matched, in English words, for a group's explanation: the rule that joined them first. */
export function explainPair(p: PairFeatures, t: Shared): string {
  return renderMatchParts(matchReason(p, t), 'en');
}

/**
 * The blocks claim c falls in: each of its rarest entity keys, and each predicate stem. Keys are numbers:
 * entity i is i, predicate stem v is E + v.
 */
function blockKeys(t: ClaimTable, c: number, rank: (a: number, b: number) => number): number[] {
  const e = t.entities;
  let keys = Array.from(e.values.subarray(e.offsets[c], e.offsets[c + 1]));
  if (keys.length > MAX_BLOCK_KEYS) keys = keys.sort(rank).slice(0, MAX_BLOCK_KEYS);
  const E = e.names.length;
  const v = t.verbs;
  for (let i = v.offsets[c]!; i < v.offsets[c + 1]!; i++) keys.push(E + v.values[i]!);
  // The rarest content words: two wordings of one fact share some ("interpellés", "Saint-Exupéry") even when the entity layer names none.
  const st = t.stems;
  const V = v.names.length;
  const words = Array.from(st.values.subarray(st.offsets[c], st.offsets[c + 1])).sort((a, b) => st.weight[b]! - st.weight[a]! || a - b);
  for (const w of words.slice(0, RARE_WORDS)) keys.push(E + V + w);
  return keys;
}

/** Each document's place in time (undated last), as a comparable integer. */
function dateRanks(t: ClaimTable): Int32Array {
  const dates = [...new Set(t.published.map((d) => d ?? '9999'))].sort((a, b) => a.localeCompare(b));
  const rankOf = new Map(dates.map((d, i) => [d, i]));
  return Int32Array.from(t.published, (d) => rankOf.get(d ?? '9999')!);
}

/** Disjoint sets of claim numbers (union by size, path halving), remembering which claims were compared at all. */
class ClaimSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  readonly seen: Uint8Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
    this.seen = new Uint8Array(n);
  }

  find(x: number): number {
    this.seen[x] = 1;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}

/** A group before it is described: its id and its claims (numbers in the table). */
export interface GroupMembers {
  id: string;
  claims: number[];
  documents: number;
  /** The matches that joined the group (a spanning tree), each with what matched. */
  links: { a: number; b: number; features: PairFeatures }[];
  /** Ids of groups denying this one (or denied by it). */
  contradicts: string[];
  /** Claims of no group or of another one that state the opposite of one of its claims (a denial of it), at most MAX_CONTRADICTING. */
  contradictedBy: number[];
}

/** Contradicting claims kept per group: a fact-checker reads a few denials, not every repeat of one. */
const MAX_CONTRADICTING = 20;

/**
 * Every pair of claims sharing a block (a window over time in large ones) and published close enough in time, as
 * (lower, higher) claim numbers, each pair once: in the first block that visits it. Bounded by the blocks: a claim has
 * at most MAX_BLOCK_KEYS + its predicates + RARE_WORDS keys and meets at most 2 × BLOCK_WINDOW claims in each; telling
 * whether an earlier block visited a pair walks the two claims' block lists (no table of pairs, which at 30k articles
 * held tens of millions of them: 2 GB).
 */
export function candidatePairs(t: ClaimTable, matcher: Matcher, blocks: Map<number, number[]>, visit: (x: number, y: number) => void): void {
  const when = dateRanks(t);
  const visited: number[][] = [];
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > BLOCK_WINDOW) members.sort((x, y) => when[t.document[x]!]! - when[t.document[y]!]!);
    visited.push(members);
  }
  // Per claim, the blocks visited that hold it (in visiting order) and its place in each: compressed rows.
  const offsets = new Int32Array(t.count + 1);
  for (const members of visited) for (const c of members) offsets[c + 1]!++;
  for (let c = 0; c < t.count; c++) offsets[c + 1]! += offsets[c]!;
  const blockOf = new Int32Array(offsets[t.count]!);
  const placeIn = new Int32Array(offsets[t.count]!);
  const filled = offsets.slice(0, t.count);
  visited.forEach((members, b) =>
    members.forEach((c, i) => {
      const k = filled[c]!++;
      blockOf[k] = b;
      placeIn[k] = i;
    }),
  );
  // Whether a block before `b` holding both claims visited them as a pair (within BLOCK_WINDOW places of each other).
  const metBefore = (x: number, y: number, b: number): boolean => {
    let i = offsets[x]!;
    let j = offsets[y]!;
    while (i < offsets[x + 1]! && j < offsets[y + 1]! && blockOf[i]! < b && blockOf[j]! < b) {
      if (blockOf[i]! < blockOf[j]!) i++;
      else if (blockOf[j]! < blockOf[i]!) j++;
      else if (Math.abs(placeIn[i++]! - placeIn[j++]!) <= BLOCK_WINDOW) return true;
    }
    return false;
  };
  visited.forEach((members, b) => {
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length && j <= i + BLOCK_WINDOW; j++) {
        const x = Math.min(members[i]!, members[j]!);
        const y = Math.max(members[i]!, members[j]!);
        // Too far apart in time to be one event: no need to compare the rest.
        if (matcher.near(x, y) && !metBefore(x, y, b)) visit(x, y);
      }
  });
}

/** The blocks of a table's claims: block key → claim numbers (`blockKeys`). */
export function claimBlocks(t: ClaimTable): Map<number, number[]> {
  const names = t.entities.names;
  const weight = t.entities.weight;
  const rank = (a: number, b: number) => weight[b]! - weight[a]! || names[a]!.localeCompare(names[b]!);
  const blocks = new Map<number, number[]>();
  for (let c = 0; c < t.count; c++)
    for (const k of blockKeys(t, c, rank)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(c);
    }
  return blocks;
}

/** The pair model weighs a pair naming nothing in common only with this much rare wording in common (rare-word units). */
const MODEL_MIN_WORDS = 0.5;

/** Strengths of the rules' matches, above every probability (`PairJudge`). */
const RULE_FIRST = 2;

/**
 * Whether a pair is one proposition, and how strongly (-1: it is not). With a pair model: its probability when it
 * reaches the model's threshold and no guard holds the pair apart; without one, the hand rules (`agree`), strength
 * the shared wording and entities.
 */
export class PairJudge {
  constructor(readonly model: PairModel | null) {}

  /**
   * Whether two groups (claims in the order they joined, strongest matches first) may join: two groups of several
   * claims join only when a second pair across them agrees too (among the first SUPPORT_SAMPLE claims of each): a
   * single bridge (a claim that states two facts, « arrêtés après une bagarre ») does not chain two propositions.
   */
  mayJoin(mx: readonly number[], my: readonly number[], matcher: Matcher): boolean {
    if (mx.length < 2 || my.length < 2) return true;
    let support = 0;
    for (const a of mx.slice(0, SUPPORT_SAMPLE))
      for (const b of my.slice(0, SUPPORT_SAMPLE)) if (matcher.near(a, b) && this.strength(matcher.compare(Math.min(a, b), Math.max(a, b))) >= 0) support++;
    return support >= SUPPORT;
  }

  strength(f: PairFeatures): number {
    if (!this.model) return agree(f) ? f.words.shared + f.entities.shared : -1;
    if (guarded(f)) return -1;
    const rule = matchRule(f) !== null;
    // With `orRules`, the rules' matches come first, in the rules' order (shared evidence), then the pairs only the
    // model accepts, by probability: the model adds matches where the rules found none, never reorders theirs.
    if (rule && this.model.orRules) return RULE_FIRST + f.words.shared + f.entities.shared;
    // The model weighs claims of two documents (within one, the rules alone: the gold labels few pairs of one article).
    if (f.sameDocument) return -1;
    // Nor a pair with nothing that names what it is about: no entity or subject in common, no figure of one thing,
    // and under MODEL_MIN_WORDS rare words of wording (a shared predicate class alone, « mis en examen pour meurtre »
    // and « un attentat qui a fait 30 morts », is one kind of event, not one proposition).
    if (f.entities.common === 0 && !f.subject.same && !f.sameFigure && f.words.shared < MODEL_MIN_WORDS) return -1;
    const p = this.model.probability(pairVector(f, rule));
    return p >= this.model.threshold ? p : -1;
  }
}

/**
 * Match the claims of a table: blocks on entity-key pairs, pairwise matches
 * within a block (a window over time in large ones), closed transitively.
 * Groups come largest first (documents, then claims, then id).
 */
export function matchClaims(t: ClaimTable, options: GroupOptions = {}): GroupMembers[] {
  const blocks = claimBlocks(t);
  const sets = new ClaimSets(t.count);
  const matcher = new Matcher(t);
  const links: { a: number; b: number; features: PairFeatures }[] = [];
  const denials: [number, number][] = [];
  // Per group root, its claims stating a figure or naming a person (at most MAX_CONSTRAINED): what a join checks.
  const constrained = new Map<number, number[]>();
  for (let c = 0; c < t.count; c++) if (matcher.constrained(c)) constrained.set(c, [c]);
  // Per group root, the first and last publication day of its dated claims: a group spans at most MAX_DAYS_APART.
  const first = new Float64Array(t.count);
  const last = new Float64Array(t.count);
  for (let c = 0; c < t.count; c++) {
    const d = matcher.dayOf(c);
    first[c] = Number.isNaN(d) ? Infinity : d;
    last[c] = Number.isNaN(d) ? -Infinity : d;
  }
  // Every agreeing pair of the blocks first, then joined strongest first: a claim that agrees with two groups which
  // cannot meet (a figureless « des immeubles se sont effondrés » between « deux » and « trois immeubles ») joins the
  // one it shares most with, not the one a scan happened to meet first, and the groups do not depend on claim order.
  const matches: { a: number; b: number; features: PairFeatures; strength: number }[] = [];
  const judge = new PairJudge(options.pairModel === undefined ? loadPairModel() : options.pairModel);
  // Each pair is judged once (`candidatePairs`): the verdict depends only on the pair.
  candidatePairs(t, matcher, blocks, (x, y) => {
    sets.seen[x] = sets.seen[y] = 1;
    const f = matcher.compare(x, y);
    const strength = judge.strength(f);
    if (strength >= 0) matches.push({ a: x, b: y, features: f, strength });
    else if (contradicts(f)) denials.push([x, y]);
  });
  matches.sort((p, q) => q.strength - p.strength || p.a - q.a || p.b - q.b);
  const members = new Map<number, number[]>();
  for (const { a: x, b: y, features: f } of matches) {
    const rx = sets.find(x);
    const ry = sets.find(y);
    if (rx === ry) continue;
    // Matches are closed transitively: two groups join only when no claim of one conflicts with a claim of the
    // other (« deux immeubles » and « trois immeubles » never meet through a claim that names no figure).
    const cx = constrained.get(rx) ?? [];
    const cy = constrained.get(ry) ?? [];
    if (cx.some((a) => cy.some((b) => matcher.conflict(a, b)))) continue;
    // Each match is within a week, but a chain of them may drift for months (story after story, or through an
    // undated page): the dated claims of one group stay within MAX_DAYS_APART of each other.
    // Two groups of several claims join only when a second pair across them agrees too: a single bridge (a claim
    // that states two facts, « arrêtés après une bagarre ») does not chain two propositions into one.
    const mx = members.get(rx) ?? [rx];
    const my = members.get(ry) ?? [ry];
    if (!judge.mayJoin(mx, my, matcher)) continue;
    const lo = Math.min(first[rx]!, first[ry]!);
    const hi = Math.max(last[rx]!, last[ry]!);
    if (hi - lo > MAX_DAYS_APART) continue;
    const root = sets.union(x, y);
    members.delete(rx);
    members.delete(ry);
    members.set(root, mx.length >= my.length ? mx.concat(my) : my.concat(mx));
    first[root] = lo;
    last[root] = hi;
    const merged = cx.concat(cy).slice(0, MAX_CONSTRAINED);
    constrained.delete(rx);
    constrained.delete(ry);
    if (merged.length) constrained.set(root, merged);
    links.push({ a: x, b: y, features: f });
  }
  blocks.clear();
  const byRoot = new Map<number, number[]>();
  for (let c = 0; c < t.count; c++) {
    if (!sets.seen[c]) continue;
    const r = sets.find(c);
    let g = byRoot.get(r);
    if (!g) byRoot.set(r, (g = []));
    g.push(c);
  }
  // Per group root, the claims outside it that state the opposite of one of its claims.
  const against = new Map<number, Set<number>>();
  for (const [x, y] of denials)
    for (const [c, other] of [
      [x, y],
      [y, x],
    ] as const) {
      const r = sets.find(c);
      if (r === sets.find(other)) continue;
      let a = against.get(r);
      if (!a) against.set(r, (a = new Set()));
      if (a.size < MAX_CONTRADICTING) a.add(other);
    }
  const minDocuments = options.minDocuments ?? 1;
  const minClaims = options.minClaims ?? 2;
  const groups: GroupMembers[] = [];
  const byRootGroup = new Map<number, GroupMembers>();
  const linksOf = new Map<number, GroupMembers['links']>();
  for (const l of links) {
    const r = sets.find(l.a);
    let g = linksOf.get(r);
    if (!g) linksOf.set(r, (g = []));
    g.push(l);
  }
  for (const [root, claims] of byRoot) {
    if (claims.length < minClaims) continue;
    const documents = new Set(claims.map((c) => t.document[c]!)).size;
    const contradictedBy = [...(against.get(root) ?? [])].sort((a, b) => a - b);
    // A claim one article states and another denies is a story across documents: the denial's documents count.
    if (new Set([...claims, ...contradictedBy].map((c) => t.document[c]!)).size < minDocuments) continue;
    // The id names the claims (document id and index), so it is stable across runs and backends.
    const id = createHash('sha256')
      .update(
        claims
          .map((c) => `${t.documentIds[t.document[c]!]}:${t.index[c]}`)
          .sort()
          .join(','),
      )
      .digest('hex')
      .slice(0, 16);
    const g = { id, claims, documents, links: linksOf.get(root) ?? [], contradicts: [] as string[], contradictedBy };
    byRootGroup.set(root, g);
    groups.push(g);
  }
  for (const [x, y] of denials) {
    const gx = byRootGroup.get(sets.find(x));
    const gy = byRootGroup.get(sets.find(y));
    if (!gx || !gy || gx === gy) continue;
    if (!gx.contradicts.includes(gy.id)) gx.contradicts.push(gy.id);
    if (!gy.contradicts.includes(gx.id)) gy.contradicts.push(gx.id);
  }
  return groups.sort((a, b) => b.documents - a.documents || b.claims.length - a.claims.length || a.id.localeCompare(b.id));
}

const byDate = (a: ClaimWithDocument, b: ClaimWithDocument) => (a.published ?? '9999').localeCompare(b.published ?? '9999');

/** Group claims held in memory; `families` says which documents are copies of each other (near-duplicates). */
export async function groupClaims(
  claims: AsyncIterable<ClaimWithDocument> | Iterable<ClaimWithDocument>,
  families: CopyFamilies,
  options: GroupOptions = {},
): Promise<ClaimGroup[]> {
  const all: ClaimWithDocument[] = [];
  for await (const c of claims) all.push(c);
  const t = await claimTable(all.map((c) => ({ ...c, title: isTitleClaim(c) })));
  const canon = keyCanon(t.sourceKeys, t.longForms, t.personVariants);
  const matcher = new Matcher(t);
  return matchClaims(t, options).map((g) =>
    describe(
      g,
      t,
      g.claims.map((c) => all[c]!),
      families,
      canon,
      matcher,
      g.contradictedBy.map((c) => all[c]!),
    ),
  );
}

/** Claims fetched per round trip while describing groups. */
const DESCRIBE_BATCH = 1000;

/**
 * Claim groups of a store, largest first, streamed: matching reads only the
 * claims' features (no text); each group's claims are then fetched and
 * described as the groups are written out.
 */
export async function* storeClaimGroups(
  store: Pick<CorpusStore, 'claimFeatures' | 'claimsAt'>,
  families: CopyFamilies,
  options: GroupOptions = {},
): AsyncGenerator<ClaimGroup> {
  const t = await claimTable(store.claimFeatures());
  const groups = matchClaims(t, options);
  const canon = keyCanon(t.sourceKeys, t.longForms, t.personVariants);
  const matcher = new Matcher(t);
  const keyOf = (documentId: string, index: number) => `${documentId}#${index}`;
  for (let start = 0; start < groups.length; ) {
    const batch: GroupMembers[] = [];
    let size = 0;
    while (start < groups.length && (batch.length === 0 || size + groups[start]!.claims.length <= DESCRIBE_BATCH)) {
      size += groups[start]!.claims.length;
      batch.push(groups[start++]!);
    }
    const rows = new Map<string, ClaimWithDocument>();
    const keys = batch.flatMap((g) => [...g.claims, ...g.contradictedBy].map((c) => ({ documentId: t.documentIds[t.document[c]!]!, index: t.index[c]! })));
    for await (const r of store.claimsAt(keys)) rows.set(keyOf(r.documentId, r.index), r);
    for (const g of batch)
      yield describe(
        g,
        t,
        g.claims.map((c) => rows.get(keyOf(t.documentIds[t.document[c]!]!, t.index[c]!))!),
        families,
        canon,
        matcher,
        g.contradictedBy.map((c) => rows.get(keyOf(t.documentIds[t.document[c]!]!, t.index[c]!))!),
      );
  }
}

/** A group's claims in full: `id` as `matchClaims` gave it. */
function describe(
  g: GroupMembers,
  t: ClaimTable,
  claims: ClaimWithDocument[],
  families: CopyFamilies,
  canon: KeyCanon,
  matcher: Matcher,
  against: ClaimWithDocument[],
): ClaimGroup {
  const id = g.id;
  // Table numbers of the group's claims, by document id and index (for the direct corroboration check).
  const numberOf = new Map(g.claims.map((c) => [`${t.documentIds[t.document[c]!]}#${t.index[c]}`, c]));
  const textOf = new Map(claims.map((c) => [`${c.documentId}#${c.index}`, c.text]));
  const clip = (s: string | undefined) => (s && s.length > 60 ? `${s.slice(0, 59)}…` : (s ?? ''));
  const textAt = (c: number) => clip(textOf.get(`${t.documentIds[t.document[c]!]}#${t.index[c]}`));
  const both = (r: Ragged, a: number, b: number) => {
    const y = new Set(keysOf(r, b));
    return keysOf(r, a).filter((k) => y.has(k));
  };
  // A link no rule holds was joined by the pair model.
  const explanationMessages = g.links.map((l) => ({
    ...matchReason(
      l.features,
      {
        verbs: both(t.verbs, l.a, l.b),
        figures: both(t.figures, l.a, l.b),
        entities: both(t.entities, l.a, l.b),
        subject: both(t.subjects, l.a, l.b),
        ...(t.weekday[l.a] !== 0 && t.weekday[l.a] === t.weekday[l.b] ? { weekday: t.weekday[l.a] } : {}),
      },
      textAt(l.a),
      textAt(l.b),
    ),
    rule: matchRule(l.features) ?? ('pair model' as const),
  }));
  const cs = claims.sort((a, b) => byDate(a, b) || a.documentId.localeCompare(b.documentId) || a.index - b.index);
  const docs = new Map<string, GroupDocument>();
  for (const c of cs)
    if (!docs.has(c.documentId)) docs.set(c.documentId, { id: c.documentId, inputPath: c.inputPath, outlet: c.outlet, published: c.published });
  // A group's entities are those named by half the claims that name any: a title claim carries no entity layer
  // (entities are read in the body), so counting it would dilute the group's keys and break narratives.
  const count = new Map<string, number>();
  let naming = 0;
  for (const c of cs) {
    if (c.entityKeys.length > 0) naming++;
    for (const k of c.entityKeys) count.set(k, (count.get(k) ?? 0) + 1);
  }
  // The label: the wholest, most central claim; ties go to the earliest (`cs` order).
  const tableIds = cs.map((c) => numberOf.get(`${c.documentId}#${c.index}`)!);
  const label =
    cs[
      labelIndex(
        t,
        tableIds,
        cs.map((c) => c.text),
        (a, b) => matcher.compare(a, b),
      )
    ]!.text;
  const dates = cs
    .map((c) => c.published)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id,
    label,
    entityKeys: [...count]
      .filter(([, n]) => n * 2 >= naming)
      .map(([k]) => k)
      .sort(),
    numbers: [...new Set(cs.flatMap((c) => facts(c.numbers)))].sort(),
    documents: [...docs.values()],
    claims: cs.map((c) => ({
      documentId: c.documentId,
      index: c.index,
      text: c.text,
      speaker: c.speaker,
      speakerKey: c.speakerKey ? canon(c.speakerKey) : null,
      via: c.via,
      hedged: c.hedged,
      candidate: c.candidate,
      attribution: c.attribution,
    })),
    speakers: [...new Set(cs.map((c) => c.speaker).filter((s): s is string => s !== null))],
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    independence: independence(
      cs,
      families,
      canon,
      (i, j) => {
        const a = numberOf.get(`${cs[i]!.documentId}#${cs[i]!.index}`);
        const b = numberOf.get(`${cs[j]!.documentId}#${cs[j]!.index}`);
        return a !== undefined && b !== undefined && matcher.same(a, b) && (matcher.anchored(a, b) || matcher.measuredAlike(a, b));
      },
      against,
    ),
    explanation: explanationMessages.map((m) => renderMatchReason(m, 'en')),
    explanationMessages,
    contradicts: g.contradicts,
  };
}
