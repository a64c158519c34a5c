// The claims layer: clauses that assert something checkable (an event that
// happened, a number, an accusation), each with the attribution it comes from
// (null = the outlet's own voice), hedging, negation and questions.
// Attributed claims are attribution contents; own-voice claims are the
// sentences (split at clause breaks) outside every attribution.
import type { Doc } from '../doc/doc.js';
import type { Claim, Entity } from '../doc/schema.js';
import { z } from 'zod';
import { cached, langPath, readValidJson } from '../lang/resources.js';
import type { Stage } from '../pipeline/stage.js';
import { hedgeMarkers } from './hedges.js';
import { actionNoun, afterAuxiliary, afterSubjectPronoun, nominalAt, proposition } from './propositions.js';
import { SpanIndex } from '../text/span-index.js';
import { syntaxOf, type Syntax } from './syntax/index.js';
import { isFiniteVerb } from './syntax/phrases.js';
import { layerSupported } from '../lang/registry.js';
import { CLOSE_QUOTES as CLOSERS, OPEN_QUOTES as OPENERS, wordAtOrAfter } from './syntax/words.js';
import { SPACE, classOf } from './char-class.js';
import { stemClasses } from '../lang/predicate-classes.js';
import { wordTools } from '../lang/stems.js';
import { attributionLexicon } from './attributions/lexicon.js';

const words = z.array(z.string());
/** lang/<code>/claims.json */
export const ClaimsSchema = z.object({
  numberWords: words,
  accusation: words,
  clauseBreaks: words,
  negation: words,
  /** Clitic pronouns and negation between a coordinator and the verb of a new clause (« et en a blessé 16 »). */
  clauseClitics: words.optional(),
  /** Prepositions opening a clause unit with an infinitive or a gerund (« , sans faire de blessé »). */
  infinitiveOpeners: words.optional(),
  /** Those of them that deny what follows (« sans faire de blessé » = no one was hurt): the claim is negated. */
  negativeOpeners: words.optional(),
  /** Coordinators opening a narrative infinitive (« Et d'accuser les Etats-Unis de … »). */
  narrativeOpeners: words.optional(),
  /** Units of a figure apposed to a name (« Arnaud Beltrame, 45 ans »): the name and the figure are a proposition. */
  apposedUnits: words.optional(),
  /** Prepositions opening a fronted adjunct, never a subject (« Lors de son entretien avec … », « Après plus de 24 heures de … »). */
  adjunctOpeners: words.optional(),
  /** Subordinators opening a clause unit of their own when a subject clitic and its verb follow (« alors qu'il avait pris »). */
  subordinators: words.optional(),
  /** Subject pronouns whose referent a claim's subject takes (see `subjectOf`). */
  coreference: z
    .object({
      /** Third-person pronouns referring to people, singular or plural (« il », « ils », « ce dernier »). */
      third: z.record(z.string(), z.enum(['singular', 'plural'])),
      /** First-person pronouns: in an attributed claim, the speaker (« je », « nous »). */
      firstPerson: words,
      /** Words after a third-person pronoun that make it impersonal (« il y a », « il faut »). */
      impersonal: words.optional(),
      /** Definite and demonstrative determiners whose description of a person points back (« le gendarme », « ce dernier »). */
      anaphoric: z.record(z.string(), z.enum(['singular', 'plural'])).optional(),
      /** Nouns naming a person that are no role (« l'homme », « la victime »), for descriptions that point back. */
      persons: words.optional(),
    })
    .optional(),
});

interface ClaimsLexicon {
  numberWords: Set<string>;
  accusation: string[];
  clauseBreaks: string[];
  negation: Set<string>;
  clauseClitics: Set<string>;
  infinitiveOpeners: Set<string>;
  negativeOpeners: Set<string>;
  narrativeOpeners: Set<string>;
  apposedUnits: Set<string>;
  adjunctOpeners: Set<string>;
  /** Subordinators as word sequences, by first word. */
  subordinators: Map<string, string[][]>;
  third: Map<string, 'singular' | 'plural'>;
  firstPerson: Set<string>;
  impersonal: Set<string>;
  anaphoric: Map<string, 'singular' | 'plural'>;
  describedPersons: Set<string>;
}

function claimsLexicon(language: string): ClaimsLexicon {
  return cached(language, 'claims', (code) => {
    const j = readValidJson(langPath(code, 'claims.json'), ClaimsSchema);
    return {
      numberWords: new Set(j.numberWords),
      accusation: j.accusation,
      clauseBreaks: j.clauseBreaks,
      negation: new Set(j.negation),
      clauseClitics: new Set(j.clauseClitics ?? []),
      infinitiveOpeners: new Set(j.infinitiveOpeners ?? []),
      negativeOpeners: new Set(j.negativeOpeners ?? []),
      narrativeOpeners: new Set(j.narrativeOpeners ?? []),
      apposedUnits: new Set(j.apposedUnits ?? []),
      adjunctOpeners: new Set(j.adjunctOpeners ?? []),
      subordinators: byFirstWord(j.subordinators ?? []),
      third: new Map(Object.entries(j.coreference?.third ?? {})),
      firstPerson: new Set(j.coreference?.firstPerson ?? []),
      impersonal: new Set(j.coreference?.impersonal ?? []),
      anaphoric: new Map(Object.entries(j.coreference?.anaphoric ?? {})),
      describedPersons: new Set(j.coreference?.persons ?? []),
    };
  });
}

/** Phrases of space-separated words, by their first word. */
function byFirstWord(phrases: string[]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of phrases) {
    const ws = p.split(' ');
    out.set(ws[0]!, [...(out.get(ws[0]!) ?? []), ws]);
  }
  return out;
}

/**
 * Per word of the document: 1 when it names a kind of event of lang/<code>/predicate-classes.json (« effondrer »,
 * « menace », « arrestation »), 2 when not; 0 until looked up. A clause about such an event is checkable.
 */
function eventWords(sx: Syntax): (i: number) => boolean {
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

/** Words whose event test is remembered across documents, at most. */
const EVENT_CACHE = 100_000;

/** How many sentences back (the pronoun's own included) a pronoun subject looks for the person it names. */
const COREFERENCE_REACH = 4;

/**
 * The subject a clause names by a pronoun before its verb, as entity keys: « je » / « nous » in an attributed claim
 * is its speaker (the attribution's source key); « il », « elle », « ce dernier » is the person named last before it in
 * its sentence, or else the subject of the nearest earlier sentence (within COREFERENCE_REACH) whose subject names one;
 * « ils » / « elles » the people (and bodies) found there when they are two or more. Empty when none (or an unresolved speaker).
 */
function subjectOf(doc: Doc, sx: Syntax, lex: ClaimsLexicon, names: NamedActors, first: number, last: number, attribution: number | null): string[] {
  let i = first;
  while (i <= last && !verbAt(sx, i)) {
    const w = sx.words[i]!;
    const two = i < last ? `${w.lower} ${sx.words[i + 1]!.lower}` : '';
    if (lex.firstPerson.has(w.lower)) return speakerOf(doc, names, attribution);
    const number = lex.third.get(w.lower) ?? lex.third.get(two);
    // « il y a », « il faut », « il s'agit » (« s' » and « agit » are two words): no referent.
    const next = sx.words[i + 1]?.lower ?? '';
    const impersonal = lex.impersonal.has(next) || (/['’]$/.test(next) && lex.impersonal.has(`${next.replace('’', "'")}${sx.words[i + 2]?.lower ?? ''}`));
    if (number && !impersonal) return antecedents(doc, sx, names, w.start, number);
    if (number) return [];
    // « Le gendarme a été tué », « Ce lieutenant-colonel de gendarmerie … », « l'ancien président »: a definite or
    // demonstrative description of a person (a person noun of lang/<code>/roles.tsv) points back like « il ».
    const described = i === first && lex.anaphoric.has(w.lower) ? describedPerson(sx, lex, i + 1, last) : null;
    if (described) return antecedents(doc, sx, names, w.start, described);
    i++;
  }
  return [];
}

/** Adjectives and number words allowed between the determiner and the person noun of a description, at most. */
const DESCRIPTION_REACH = 2;

/** Whether a person noun of roles.tsv follows word i (past DESCRIPTION_REACH lower-case words): its number, or null. */
function describedPerson(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): 'singular' | 'plural' | null {
  const roles = attributionLexicon(sx.language).roles;
  for (let k = i; k <= last && k <= i + DESCRIPTION_REACH; k++) {
    const w = sx.words[k]!;
    if (w.kind !== 'word' || w.cap || verbAt(sx, k)) return null;
    const role = roles.get(w.lower);
    if (role?.kind === 'person' || lex.describedPersons.has(w.lower)) return lex.anaphoric.get(sx.words[i - 1]!.lower) ?? null;
  }
  return null;
}

/** The source of an attribution as an actor: a person or body the entities layer names, a role or an anonymous source. */
function speakerOf(doc: Doc, names: NamedActors, attribution: number | null): string[] {
  const key = attribution === null ? null : doc.attributions[attribution]?.source?.key;
  return key && (/^(?:role|anon):/.test(key) || names.actorKeys().has(key)) ? [key] : [];
}

/** The document's entities found by position, and the keys of its persons and bodies (built when first asked). */
interface NamedActors {
  entities: SpanIndex<Entity>;
  actorKeys: () => Set<string>;
}

function namedActors(doc: Doc, entities: SpanIndex<Entity>): NamedActors {
  let keys: Set<string> | undefined;
  return {
    entities,
    actorKeys: () => (keys ??= new Set(doc.entities.filter((e) => e.type === 'PER' || e.type === 'ORG').map((e) => e.key))),
  };
}

function antecedents(doc: Doc, sx: Syntax, names: NamedActors, at: number, number: 'singular' | 'plural'): string[] {
  const sentence = sx.words[wordAtOrAfter(sx.words, at)]!.sentence;
  for (let s = sentence; s >= 0 && s > sentence - COREFERENCE_REACH; s--) {
    const from = doc.sentences[s]!.start;
    // In the pronoun's own sentence, anyone named before it, nearest first (« a annoncé à Mamoudou Gassama qu'il … »);
    // in an earlier sentence, its subject only: the names before its first verb (« Le jeune garçon, qui a été accueilli
    // par le préfet, … » does not make the prefect the next « il »).
    let until = at;
    if (s < sentence) {
      let v = sx.first[s]!;
      while (v <= sx.last[s]! && !verbAt(sx, v)) v++;
      until = v <= sx.last[s]! ? sx.words[v]!.start : doc.sentences[s]!.end;
    }
    const people: string[] = [];
    const group: string[] = [];
    // Nearest first: the entities starting in [from, until), from the last.
    const named = names.entities.startingIn(from, until);
    for (let k = named.length - 1; k >= 0; k--) {
      const e = named[k]!;
      if (e.type === 'PER') people.push(e.key);
      // A name coordinated with an actor's (« Booba et Kaaris », Kaaris read as a place) is one of the group.
      if (e.type === 'PER' || e.type === 'ORG' || coordinatedActor(doc, sx, named, k)) group.push(e.key);
    }
    if (people.length === 0) continue;
    if (number === 'singular') return [s === sentence ? people[0]! : people[people.length - 1]!];
    // « Booba et Kaaris … Ils »: a group of two or more named actors, one a person at least (a name tagged as a body
    // counts); a subject naming one person only is not what « ils » refers to: the group is looked for further back.
    const distinct = [...new Set(group)];
    if (distinct.length >= 2) return distinct.sort();
  }
  return [];
}

/** Whether the name named[k] (no person or body) is joined by a coordinator to a person or body next to it (« Booba et Kaaris »). */
function coordinatedActor(doc: Doc, sx: Syntax, named: Entity[], k: number): boolean {
  const e = named[k]!;
  if (e.type === 'DATE' || e.type === 'QUANTITY') return false;
  const joined = (a: Entity | undefined, b: Entity | undefined) => {
    const other = a === e ? b : a;
    return !!a && !!b && (other!.type === 'PER' || other!.type === 'ORG') && sx.lex.g.coordinators.has(doc.text.slice(a.end, b.start).trim().toLowerCase());
  };
  return joined(named[k - 1], e) || joined(e, named[k + 1]);
}

/** Fewer words than this is a fragment, not a claim. */
const MIN_WORDS = 4;
/** Negation words count within this many words after "ne". */
const NEGATION_REACH = 4;

interface Clause {
  start: number;
  end: number;
  /** Its first and last word, once looked up (see `wordsOf`). */
  words?: [number, number];
  /** A clause cut from a sentence that opens with its verb (« soupçonné de … », « a été arrêté lundi »): the span of the sentence's subject it shares. */
  subject?: { start: number; end: number };
  /** It opens with a participle or a present participle (an apposition): a predicate without a finite verb. */
  participial?: boolean;
  /** A unit cut from a checkable clause (see `clauseUnits`). */
  cut?: boolean;
  /** An attribution's cue with its verbless content (« a dénoncé de "graves dysfonctionnements" »): its subject is the speaker. */
  speaker?: boolean;
  /** Reported content (an attribution's): saying it is the speaker's act, so a verb and enough words make it a proposition. */
  reported?: boolean;
  /** Reported content right after its cue: a verbless opening is the cue's object (see `clauseUnits`). */
  object?: boolean;
  /** A unit that is that opening: claimed with the cue (« a dénoncé de "graves dysfonctionnements" »). */
  cueObject?: boolean;
  /** A figure apposed to a name (« Arnaud Beltrame, 45 ans »), or a fronted adjunct stating an event (« Après plus de 24 heures de garde à vue »): a proposition without a verb. */
  verbless?: boolean;
}

/** White space (JavaScript's \s) or . , ; : — what `trim` removes. */
function isSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || (classOf(c) === SPACE && c !== 0x200b);
}

/** Trim separators from both ends, and a quotation's marks when it spans the whole clause. */
function trim(text: string, c: Clause): Clause | null {
  let { start, end } = c;
  for (let k = 0; k < 2; k++) {
    while (start < end && isSeparator(text.charCodeAt(start))) start++;
    while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
    if (end - start > 2 && OPENERS.has(text[start]!) && CLOSERS.has(text[end - 1]!)) {
      start++;
      end--;
    }
  }
  return end > start ? { start, end } : null;
}

function wordsOf(sx: Syntax, c: Clause): [number, number] {
  return (c.words ??= [wordAtOrAfter(sx.words, c.start), wordAtOrAfter(sx.words, c.end) - 1]);
}

/** A clause (with a verb) asserting an event (auxiliary + participle, or any verb about a named entity), a number or an accusation. */
function checkable(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): boolean {
  const [first, last] = wordsOf(sx, c);
  let words = 0;
  let event = false;
  let number = false;
  let verb = false;
  let named = false;
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    if (sx.chunkOf[i]! >= 0 && i > first) named = true;
    if (w.kind === 'number') number = true;
    if (w.kind !== 'word') continue;
    words++;
    if (i > first && lex.numberWords.has(w.lower)) number = true;
    if (!event && isEvent(i)) event = true;
    const aux = sx.isAux[i] === 1;
    // A verb makes it a clause, not a title or a fragment ("Le lac de retenue en 2019").
    if (!verb) verb = verbAt(sx, i) || (i === first && (!!c.participial || narrativeInfinitive(sx, lex, first, last) >= 0));
    // An action noun with its argument states the act without a verb (« [a annoncé] l'ouverture d'une enquête »).
    if (!verb && nominalAt(sx, i, first, last)) verb = event = true;
    if (i === first && c.participial && sx.lex.g.eventParticiple.test(w.lower)) event = true;
    if (aux && !event) {
      // « a été tué », « s'est alors proposé », « n'a pas quitté »: the participle after the auxiliary, adverbs between.
      const participle = (n: (typeof sx.words)[number] | undefined) => !!n && n.kind === 'word' && !n.cap && sx.lex.g.eventParticiple.test(n.lower);
      event = participle(sx.words[i + 1]) || participle(sx.words[afterAuxiliary(sx, i, last)]);
    }
  }
  if (c.verbless) return true;
  if (words < MIN_WORDS || !verb) return false;
  // A unit cut from a checkable clause is part of its claim: a verb and enough words make it a proposition.
  if (event || number || named || c.cut || c.reported) return true;
  const lower = sx.text.slice(c.start, c.end).toLowerCase();
  for (const a of lex.accusation) if (lower.includes(a)) return true;
  return false;
}

/** Where a clause's words are cut into clause units: commas, semicolons, brackets, dashes. */
const CUT_PUNCT = new Set([',', ';', '(', ')', '–', '—']);
/** A coordinator opens a new clause when a verb follows within this many words (clitics and negation between). */
const COORDINATION_REACH = 3;

/** Whether word i is a verb form that carries a clause (finite verb or auxiliary, or the verb after « je »). */
const verbAt = (sx: Syntax, i: number) => sx.isAux[i] === 1 || isFiniteVerb(sx, i) || afterSubjectPronoun(sx, i);

/** Whether a segment opens with a participle or present participle (« soupçonné de … », « causant la mort de … »), after a relative pronoun or not. */
function participial(sx: Syntax, i: number, last: number): boolean {
  const w = sx.words[i];
  if (!w || i > last || w.kind !== 'word' || w.cap) return false;
  const g = sx.lex.g;
  // A present participle opening a piece (« , causant la mort de … », « et faisant 16 blessés ») need not be in the verb forms.
  return (g.participle.test(w.lower) && !g.presentNotParticiple.test(w.lower) && sx.forms[i] !== undefined) || g.gerund.test(w.lower);
}

/** Whether a segment opens with a preposition and an infinitive or a gerund (« sans faire de blessé », « avant de s'enfuir », « without injuring anyone »). */
const infinitiveAt = (sx: Syntax, lex: ClaimsLexicon, i: number, last: number) => infinitiveAfter(sx, lex, i, last) >= 0;

/** The index of the infinitive or gerund after a preposition of `infinitiveOpeners` at word i, or -1. */
function infinitiveAfter(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): number {
  if (i >= last || !lex.infinitiveOpeners.has(sx.words[i]!.lower)) return -1;
  const g = sx.lex.g;
  let k = i + 1;
  if (g.deInfinitiveLinks.has(sx.words[k]!.lower)) k++;
  // Clitics before the infinitive (« sans les blesser », « avant de s'enfuir »).
  while (k < last && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
  const w = sx.words[k];
  if (!w || k > last || w.kind !== 'word' || w.cap) return -1;
  return (w.lower.length >= g.infinitiveMinLength && g.infinitive.test(w.lower)) || g.gerund.test(w.lower) ? k : -1;
}

/**
 * The verb of a clause that has no finite one where it opens (« [qui] soupçonné de … », « sans faire de blessé »,
 * « Et d'accuser … »): the word whose stem is its predicate, or -1.
 */
function openingVerb(sx: Syntax, lex: ClaimsLexicon, c: Clause): number {
  const [first, last] = wordsOf(sx, c);
  if (first > last) return -1;
  const narrative = narrativeInfinitive(sx, lex, first, last);
  if (narrative >= 0 || !c.participial) return narrative;
  const i = sx.lex.relatives.has(sx.words[first]!.lower) || sx.lex.g.appositionRelatives.has(sx.words[first]!.lower) ? first + 1 : first;
  return participial(sx, i, last) ? i : infinitiveAfter(sx, lex, i, last);
}

/**
 * When a subordinator of lang/<code>/claims.json `subordinators` starts at word i (« alors qu' », « parce que »,
 * « lorsque ») and the verb of its clause follows past a subject clitic and preverbal clitics: the index of that verb,
 * else -1.
 */
function subordinateVerb(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): number {
  for (const phrase of lex.subordinators.get(sx.words[i]!.lower.replace('’', "'")) ?? []) {
    let k = i;
    while (k - i < phrase.length && k <= last && sx.words[k]!.lower.replace('’', "'") === phrase[k - i]) k++;
    if (k - i < phrase.length) continue;
    const opened = k;
    while (k <= last && k <= opened + COORDINATION_REACH && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
    if (k > opened && k <= last && verbAt(sx, k)) return k;
  }
  return -1;
}

/** Words of a noun phrase a coordinator may open before the verb of a new clause (« et des enquêtes administratives ont été ouvertes »). */
const SUBJECT_REACH = 6;

/**
 * Whether a noun phrase with its verb starts at word k (after a coordinator): a determiner, then words without
 * punctuation, coordinator or relative pronoun, then a verb within SUBJECT_REACH words (« et des enquêtes
 * administratives ont été ouvertes »).
 */
function subjectThenVerb(sx: Syntax, k: number, last: number): boolean {
  if (k > last || !sx.lex.determiners.has(sx.words[k]!.lower)) return false;
  for (let j = k + 1; j <= last && j <= k + SUBJECT_REACH; j++) {
    const w = sx.words[j]!;
    if (verbAt(sx, j)) return j > k + 1;
    if (w.kind !== 'word' || sx.lex.g.coordinators.has(w.lower) || sx.lex.relatives.has(w.lower)) return false;
  }
  return false;
}

/**
 * The word index of the infinitive when the clause from `first` opens as a narrative infinitive (« Et d'accuser les
 * Etats-Unis de … »: a coordinator of lang/<code>/claims.json `narrativeOpeners`, « de », clitics, an infinitive): a
 * past act whose subject is the previous sentence's (Riegel, Pellat & Rioul, infinitif de narration); -1 when not.
 */
function narrativeInfinitive(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): number {
  if (first + 2 > last || !lex.narrativeOpeners.has(sx.words[first]!.lower)) return -1;
  const g = sx.lex.g;
  if (!g.deInfinitiveLinks.has(sx.words[first + 1]!.lower)) return -1;
  let k = first + 2;
  while (k < last && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
  const w = sx.words[k]!;
  return w.kind === 'word' && !w.cap && w.lower.length >= g.infinitiveMinLength && g.infinitive.test(w.lower) ? k : -1;
}

/** Capitalised words of a name before its apposed figure, at most. */
const NAME_REACH = 4;

/**
 * Figures apposed to a name between first and last (« Jean Mazières, 61 ans, Christian Medves, 50 ans, … »: a name, a
 * comma, a figure and a unit of lang/<code>/claims.json `apposedUnits`, then punctuation or the clause's end): each
 * states the person's age or size, a proposition of its own; returned as verbless units « Name, 61 ans ».
 */
function apposedFigures(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): Clause[] {
  const out: Clause[] = [];
  if (lex.apposedUnits.size === 0) return out;
  for (let i = first + 1; i + 2 <= last; i++) {
    const w = sx.words[i]!;
    if (w.kind !== 'number' || sx.words[i - 1]!.text !== ',' || !lex.apposedUnits.has(sx.words[i + 1]!.lower)) continue;
    const after = sx.words[i + 2];
    if (i + 2 <= last && after && after.kind === 'word') continue;
    let n = i - 2;
    while (n >= first && n > i - 2 - NAME_REACH && sx.words[n]!.cap && sx.words[n]!.kind === 'word') n--;
    if (n === i - 2) continue;
    out.push({ start: sx.words[n + 1]!.start, end: sx.words[i + 1]!.end, verbless: true });
  }
  return out;
}

/**
 * A clause cut into the propositions it holds, each a contiguous span: at commas and brackets (« X, soupçonné de Y, a
 * été arrêté », « X, qui avait été arrêté lundi, … »), and at a coordinator followed by a verb (« a tué trois personnes
 * et en a blessé 16 autres »). A verbless piece (a place, a list, « dont deux enfants ») stays with the clause before
 * it; the verbless opening of a sentence (its subject: « Carlos Ghosn, ») is given to the units that follow as the
 * subject they share. A unit too short to be a claim goes back to its neighbour.
 */
function clauseUnits(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): Clause[] {
  const [first, last] = wordsOf(sx, c);
  const units = cutUnits(sx, lex, c, isEvent);
  return first > last ? units : units.concat(apposedFigures(sx, lex, first, last));
}

/**
 * Whether words [from, to] state an event without a verb (a fronted adjunct: « Lors de son entretien avec Emmanuel
 * Macron », « Après plus de 24 heures de garde à vue »): enough words, and a figure, a word of a predicate class or an
 * action noun after a determiner.
 */
function statesEvent(sx: Syntax, lex: ClaimsLexicon, from: number, to: number, isEvent: (i: number) => boolean): boolean {
  let words = 0;
  let event = false;
  for (let i = from; i <= to; i++) {
    const w = sx.words[i]!;
    if (w.kind === 'number') event = true;
    if (w.kind !== 'word') continue;
    words++;
    if (!event) event = (i > from && lex.numberWords.has(w.lower)) || isEvent(i) || actionNoun(sx, i);
  }
  return event && words >= MIN_WORDS;
}

/** The capitalised words right before word i, past a comma (a relative clause's antecedent): their span, or undefined. */
function nameBefore(sx: Syntax, i: number): { start: number; end: number } | undefined {
  let n = i - 1;
  if (n >= 0 && sx.words[n]!.text === ',') n--;
  const end = n;
  while (n >= 0 && n > end - NAME_REACH && sx.words[n]!.kind === 'word' && sx.words[n]!.cap) n--;
  return n < end ? { start: sx.words[n + 1]!.start, end: sx.words[end]!.end } : undefined;
}

/** Whether words [from, to] hold a time word (« lundi », « mai »). */
function namesTime(sx: Syntax, [from, to]: [number, number]): boolean {
  for (let i = from; i <= to; i++) if (sx.lex.timeWords.has(sx.words[i]!.lower)) return true;
  return false;
}

function cutUnits(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): Clause[] {
  const [first, last] = wordsOf(sx, c);
  if (first > last) return [c];
  // A clause that is no claim as a whole may still hold one (« l'ampleur de …, conduisant à élargir l'enquête »): its
  // units are then kept only when each is checkable on its own.
  const whole = checkable(sx, lex, c, isEvent);
  // Segments: [from, to] word ranges between cuts.
  const segments: [number, number][] = [];
  let from = first;
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    if (w.kind === 'punct' && CUT_PUNCT.has(w.text)) {
      if (i > from) segments.push([from, i - 1]);
      from = i + 1;
      continue;
    }
    // A subordinator with its clause (« tué par Radouane Lakdim [alors qu'il avait pris la place …] »).
    if (i > from && w.kind === 'word' && lex.subordinators.has(w.lower)) {
      const k = subordinateVerb(sx, lex, i, last);
      if (k >= 0) {
        segments.push([from, i - 1]);
        from = i;
        i = k - 1;
        continue;
      }
    }
    if (i > from && w.kind === 'word' && sx.lex.g.coordinators.has(w.lower)) {
      let k = i + 1;
      while (k <= last && k <= i + COORDINATION_REACH && lex.clauseClitics.has(sx.words[k]!.lower)) k++;
      if (k <= last && (verbAt(sx, k) || participial(sx, k, last) || subjectThenVerb(sx, i + 1, last))) {
        segments.push([from, i - 1]);
        from = i;
      }
    }
  }
  if (from <= last) segments.push([from, last]);
  if (segments.length < 2) return [c];
  const hasVerb = (s: [number, number]) => {
    for (let i = s[0]; i <= s[1]; i++) if (verbAt(sx, i)) return true;
    return false;
  };
  const opensWithParticiple = (s: [number, number]) => {
    let i = s[0];
    if (sx.lex.relatives.has(sx.words[i]!.lower) || sx.lex.g.appositionRelatives.has(sx.words[i]!.lower)) i++;
    return participial(sx, i, s[1]) || infinitiveAt(sx, lex, i, s[1]);
  };
  type Unit = { from: number; to: number; participial: boolean };
  const units: Unit[] = [];
  let subject: [number, number] | null = null;
  for (const s of segments) {
    const verb = hasVerb(s);
    const part = !verb && opensWithParticiple(s);
    if (verb || part) units.push({ from: s[0], to: s[1], participial: part });
    else if (units.length > 0) units[units.length - 1]!.to = s[1];
    else subject = subject ? [subject[0], s[1]] : s;
  }
  // A fronted adjunct (« Lors de son entretien avec …, ce lundi 28 mai, », « Après plus de 24 heures de garde à vue, »:
  // lang/<code>/claims.json `adjunctOpeners`) is no subject; when it states an event, it is a unit of its own.
  // It runs over the segments after its first that name a time (« , ce lundi 28 mai, »); the rest is the subject.
  const adjunct: Clause[] = [];
  if (subject && subject[0] === first && lex.adjunctOpeners.has(sx.words[first]!.lower)) {
    let end = segments[0]![1];
    for (let k = 1; k < segments.length && segments[k]![1] <= subject[1] && namesTime(sx, segments[k]!); k++) end = segments[k]![1];
    if (statesEvent(sx, lex, first, end, isEvent)) adjunct.push({ start: sx.words[first]!.start, end: sx.words[end]!.end, verbless: true });
    subject = end < subject[1] ? [wordAtOrAfter(sx.words, sx.words[end]!.end), subject[1]] : null;
  }
  if (units.length === 0) return [c, ...adjunct];
  // Reported content right after its cue (« a dénoncé [de "graves dysfonctionnements"] et des enquêtes … ont été
  // ouvertes »): its verbless opening is the cue's object, not a subject; it is returned as an `object` unit first.
  const object = c.object && subject && subject[0] === first && sx.lex.determiners.has(sx.words[first]!.lower) ? subject : null;
  if (object) subject = null;
  const span = (u: Unit): Clause => ({
    start: sx.words[u.from]!.start,
    end: sx.words[u.to]!.end,
    participial: u.participial,
    cut: whole,
    reported: c.reported,
  });
  // Short units go back to their neighbour (the one before, or the next for the first).
  for (let k = 0; k < units.length && units.length > 1; ) {
    const u = units[k]!;
    if (checkable(sx, lex, span(u), isEvent)) {
      k++;
      continue;
    }
    if (k > 0) units[k - 1]!.to = u.to;
    else {
      units[1]!.from = u.from;
      units[1]!.participial = u.participial;
    }
    units.splice(k, 1);
    if (k > 0) k--;
  }
  // One unit: the clause as it was, its verbless opening included (when the clause is no claim as a whole: the unit).
  if (units.length === 1 && whole && !object) return [c, ...adjunct];
  const lead = subject ? { start: sx.words[subject[0]]!.start, end: sx.words[subject[1]]!.end } : undefined;
  const objectUnit: Clause[] = object ? [{ start: sx.words[object[0]]!.start, end: sx.words[object[1]]!.end, cueObject: true }] : [];
  return objectUnit.concat(
    adjunct,
    units.map((u, k) => {
      const out = span(u);
      // A relative clause (« …, qui avait été arrêté lundi ») is about its antecedent, the name right before it, if any;
      // not the sentence's subject (« Nissan signe la fin du règne du puissant patron d'industrie, qui … »).
      if (k > 0 && sx.lex.relatives.has(sx.words[u.from]!.lower)) {
        const antecedent = nameBefore(sx, u.from);
        if (antecedent) out.subject = antecedent;
      }
      // Units after the first, and a first one without its opening, share the sentence's subject.
      else if (lead && (k > 0 || u.from > first)) out.subject = lead;
      else if (k > 0 && units[0]!.from === first) {
        // The first unit opens the sentence: its words before its verb are the subject.
        let v = first;
        while (v <= units[0]!.to && !verbAt(sx, v)) v++;
        if (v > first) out.subject = { start: sx.words[first]!.start, end: sx.words[v - 1]!.end };
      }
      return out;
    }),
  );
}

/** Whether no word of the clause carries a clause (see `verbAt`). */
function verbless(sx: Syntax, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  for (let i = first; i <= last; i++) if (verbAt(sx, i)) return false;
  return true;
}

/** Whether text[from, to) is white space and opening quotation marks only. */
function onlyOpeners(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!OPENERS.has(text[k]!) && classOf(text.charCodeAt(k)) !== SPACE) return false;
  return true;
}

/**
 * Whether the clause denies what it states: it opens with a negative determiner or opener (« aucun blessé … »,
 * « sans faire de blessé »), with a negative quantifier whose verb carries « ne » (« personne n'a été blessé »), or
 * « ne » is completed by a negation word. The opening is read past quotation marks: a subject quoted in whole or in
 * part (« "aucun blessé grave" n'avait été hospitalisé ») is still the clause's subject.
 */
function negated(sx: Syntax, lex: ClaimsLexicon, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  const g = sx.lex.g;
  let head = first;
  while (head < last && OPENERS.has(sx.words[head]!.text)) head++;
  const opening = sx.words[head]?.lower ?? '';
  if (g.negativeDeterminers.has(opening) || lex.negativeOpeners.has(opening)) return true;
  const quantifier = g.negativeQuantifiers.has(opening);
  for (let i = head; i <= last; i++) {
    const l = sx.words[i]!.lower;
    if (!g.negationParticles.has(l)) continue;
    if (quantifier) return true;
    for (let k = i + 1; k <= last && k <= i + NEGATION_REACH; k++) if (lex.negation.has(sx.words[k]!.lower)) return true;
  }
  return false;
}

/** Own-voice sentences split at clause breaks (", mais", ";"). */
function clausesOf(text: string, lex: ClaimsLexicon, s: Clause): Clause[] {
  const out: Clause[] = [];
  const body = text.slice(s.start, s.end);
  const cuts: number[] = [];
  for (const b of lex.clauseBreaks) for (let i = body.indexOf(b); i >= 0; i = body.indexOf(b, i + b.length)) cuts.push(i);
  cuts.sort((x, y) => x - y);
  let from = 0;
  for (const i of cuts) {
    if (i < from) continue;
    out.push({ start: s.start + from, end: s.start + i });
    from = i + 1;
  }
  out.push({ start: s.start + from, end: s.end });
  return out;
}

export function findClaims(doc: Doc): Claim[] {
  const sx = syntaxOf(doc);
  const lex = claimsLexicon(doc.meta.language);
  const claims: Claim[] = [];
  // Clauses already taken, by start * (text length + 1) + end.
  const seen = new Set<number>();
  const isEvent = eventWords(sx);
  const entities = new SpanIndex(doc.entities);
  const names = namedActors(doc, entities);
  const stride = doc.text.length + 1;
  // The subject a pronoun gives the clause, or the sentence's subject it shares (« Il sera naturalisé et intégrera … »).
  const pronounSubject = (c: Clause, first: number, last: number, attribution: number | null) => {
    if (c.speaker) return speakerOf(doc, names, attribution);
    // A narrative infinitive's subject is the previous sentence's (« Hamed al-Zameli a rapporté … Et d'accuser … »).
    if (narrativeInfinitive(sx, lex, first, last) >= 0) return antecedents(doc, sx, names, c.start, 'singular');
    const own = subjectOf(doc, sx, lex, names, first, last, attribution);
    if (own.length || !c.subject) return own;
    return subjectOf(doc, sx, lex, names, wordAtOrAfter(sx.words, c.subject.start), wordAtOrAfter(sx.words, c.subject.end) - 1, attribution);
  };
  const push = (c: Clause | null, attribution: number | null, hedged: () => boolean) => {
    if (!c || seen.has(c.start * stride + c.end) || !checkable(sx, lex, c, isEvent)) return;
    seen.add(c.start * stride + c.end);
    const text = doc.text.slice(c.start, c.end);
    const [first, last] = wordsOf(sx, c);
    const inside = entities.overlapping(c.start, c.end);
    const shared = c.subject ? entities.overlapping(c.subject.start, c.subject.end) : [];
    claims.push({
      start: c.start,
      end: c.end,
      text,
      attribution,
      hedged: hedged(),
      negated: negated(sx, lex, c),
      question: /\?\s*$/.test(text),
      proposition: proposition(
        doc,
        sx,
        first,
        last,
        inside,
        shared.length ? shared : () => pronounSubject(c, first, last, attribution),
        openingVerb(sx, lex, c),
      ),
    });
  };
  doc.attributions.forEach((a, i) => {
    const t = trim(doc.text, a.content);
    if (!t) return;
    const before = claims.length;
    // A content without a verb (« a dénoncé de "graves dysfonctionnements" », « a demandé une enquête auprès de
    // l'Igas »), or its verbless opening: the act of saying or asking is the proposition, by its speaker; the cue and
    // that content are one claim.
    const afterCue = !!a.cue && a.cue.end <= a.content.start && onlyOpeners(doc.text, a.cue.end, a.content.start);
    for (const u of clauseUnits(sx, lex, { ...t, reported: true, object: afterCue }, isEvent))
      push(u.cueObject ? { start: a.cue!.start, end: u.end, speaker: true } : u, i, () => a.hedged);
    if (claims.length === before && afterCue && verbless(sx, t)) push({ start: a.cue!.start, end: t.end, speaker: true }, i, () => a.hedged);
  });
  // The reported parts of attributions (cue and content), sorted: the outlet's own voice is the rest of each sentence
  // (« Mitsubishi … a décidé de suspendre Carlos Ghosn et [s'est déclaré favorable à …] »). The source stays in it: it
  // is the subject of what the outlet itself says.
  const spans: { start: number; end: number }[] = [];
  for (const a of doc.attributions) {
    spans.push(a.content);
    if (a.cue) spans.push(a.cue);
  }
  spans.sort((x, y) => x.start - y.start);
  // A sweep: `active` holds the spans that start before the sentence ends and end after it starts, in start order;
  // each span enters and leaves it once.
  let next = 0;
  const active: { start: number; end: number }[] = [];
  const pieces: Clause[] = [];
  for (const s of doc.sentences) {
    // A heading or caption (no final stop) is not asserted prose.
    if (!/[.!?…»"]\s*$/.test(doc.text.slice(Math.max(s.start, s.end - 4), s.end))) continue;
    while (next < spans.length && spans[next]!.start < s.end) active.push(spans[next++]!);
    let kept = 0;
    for (const sp of active) if (sp.end > s.start) active[kept++] = sp;
    active.length = kept;
    pieces.length = 0;
    let from = s.start;
    for (const sp of active) {
      if (sp.start >= s.end) break;
      if (sp.start > from) pieces.push({ start: from, end: sp.start });
      from = Math.max(from, sp.end);
    }
    if (from < s.end) pieces.push({ start: from, end: s.end });
    for (const p of pieces)
      for (const c of clausesOf(doc.text, lex, p)) {
        const t = trim(doc.text, c);
        if (!t) continue;
        for (const u of clauseUnits(sx, lex, t, isEvent))
          push(u, null, () => {
            const [first, last] = wordsOf(sx, u);
            return first <= last && hedgeMarkers(sx, first, last).length > 0;
          });
      }
  }
  return claims.sort((a, b) => a.start - b.start);
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['syntax', 'attributions', 'sentences', 'entities', 'meta'],
  provides: ['claims'],
  run(doc: Doc) {
    doc.claims = layerSupported(doc, 'claims') ? findClaims(doc) : [];
  },
};
