// Typed, validated view of lang/<code>/grammar.json: the grammar words and word
// endings that the rule code of src/annotate needs (reflexives, negation,
// passive, cleft and comment patterns, pronoun number, plural and conditional
// morphology). The rule code asks these sets and tests; it holds no word itself.
import { z } from 'zod';
import { cached, langPath, readValidJson } from './resources.js';

const words = z.array(z.string());
const pattern = z.string().refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export const GrammarSchema = z.object({
  reflexives: words,
  reflexivePrefix: z.string(),
  pronominalLemmaPrefixes: words,
  reflexiveClitics: words,
  negationParticles: words,
  negationAfterCue: words,
  negativeDeterminers: words,
  negativeQuantifiers: words,
  negationParticleAlone: z.boolean().default(false),
  existentialSubjects: words.default([]),
  passiveAuxiliary: words,
  auxiliaryParticiples: words,
  infinitiveAuxiliaries: words,
  infinitivePattern: pattern,
  infinitiveMinLength: z.number().int().nonnegative(),
  deInfinitiveLinks: words,
  deInfinitivePattern: pattern,
  participlePattern: pattern,
  presentNotParticiple: pattern,
  eventParticiplePattern: pattern,
  agentParticiplePattern: pattern,
  gerundPrefixes: words,
  prenominalAdjectives: words.default([]),
  gerundParticle: words,
  gerundPattern: pattern,
  adverbSuffix: z.string(),
  adverbMinLength: z.number().int().nonnegative(),
  cleftPronoun: words,
  cleftSubject: words,
  asConjunction: words,
  asObjectPronouns: words,
  impersonalPronoun: words,
  indefinitePronouns: words,
  firstPerson: words,
  pluralPronouns: words,
  pluralPersonVerbPattern: pattern.default(''),
  pluralEndings: words,
  invertedCliticPattern: pattern,
  and: words,
  coordinators: words,
  pluralDeterminers: words,
  feminineDeterminers: words,
  masculineDeterminers: words,
  definiteDeterminers: words,
  singularIndefinite: words,
  possessiveDeterminers: words.default([]),
  quantityAdjectives: words,
  roleFeminine: words,
  roleMasculine: words,
  appositionRelatives: words,
  toldByPrepositions: words,
  ofBare: words,
  ofContracted: words,
  sameSource: words,
  fromSource: words,
  mediumPrepositionsWithOf: words,
  namedMediumPrepositions: words,
  unaccentedMediumPrepositions: words,
  outletArticles: words,
  pluralInvariant: pattern,
  pluralReplacements: z.record(z.string(), z.string()),
  pluralSuffix: z.string(),
  questionCues: words,
  conditionalEndings: words,
  hyphenatedNamePattern: pattern,
  titleLinks: words,
  /** The complementizer may be left out ("said the plan would fail"). */
  zeroComplementizer: z.boolean(),
  /** An incise may put its subject first ("\"…,\" he said"). */
  subjectFirstIncise: z.boolean(),
  /** A name may premodify a common noun ("Ukrainian officials", "Kremlin sources"): the phrase runs on to that noun. */
  namesPremodify: z.boolean(),
  /** Words opening another clause after the comma that closes an incise ("…, diplomats said, after …"). */
  clauseOpeners: words,
  /** Cue lemmas taking their addressee as a bare object before the clause ("told Reuters that"). */
  addresseeCues: words,
  /** A plural noun by its form, for languages whose determiners do not show number ("the rebels"); "" for none. */
  pluralNounPattern: pattern,
  /** Days and months are capitalised ("on Thursday"): not names. */
  capitalisedTimeWords: z.boolean(),
  /** An inverted subject after a cue ends its clause ("…," said Smith.): "…, said the buyback offered" is no incise. */
  inversionEndsClause: z.boolean(),
  /** Cue forms double as plural nouns ("reports", "claims"): an object opening with a preposition means a noun. */
  cueNounHomographs: z.boolean(),
  /** A word ending like a possessive ("Primakov's"): a cue form after it is a noun ("Primakov's pledge that …"); "" for none. */
  possessivePattern: pattern.default(''),
  /** A title may stand without article before a name ("said fighter Aslan Shabazov", "spokesman Glyn Davies said"). */
  bareTitles: z.boolean().default(false),
  /** Pronouns that stand for a body or a thing, never a person ("It said …"). */
  nonPersonPronouns: words.default([]),
  /** Pronouns that stand for a person only, never a body ("he", "she"; French "il" / "elle" may be a body). */
  personPronouns: words.default([]),
});
type GrammarJson = z.infer<typeof GrammarSchema>;

/** A regular expression that never matches (an empty pattern in the data means "none"). */
const NEVER = /(?!)/;
const re = (p: string) => (p === '' ? NEVER : new RegExp(p, 'u'));
const set = (xs: string[]) => new Set(xs);

export interface Grammar {
  reflexives: Set<string>;
  reflexivePrefix: string;
  pronominalLemma: RegExp;
  reflexiveClitics: Set<string>;
  negationParticles: Set<string>;
  negationAfterCue: Set<string>;
  negativeDeterminers: Set<string>;
  /** Negative pronouns that negate the clause they open when « ne » stands on its verb (« personne n'a été blessé »). */
  negativeQuantifiers: Set<string>;
  /** A negation particle negates its clause by itself ("did not leave"), instead of needing a second word (« n'a pas quitté »). */
  negationParticleAlone: boolean;
  /** Dummy subjects of an existential clause, negated by a negative determiner after its verb ("there is no plan"). */
  existentialSubjects: Set<string>;
  passiveAuxiliary: Set<string>;
  auxiliaryParticiples: Set<string>;
  infinitiveAuxiliaries: Set<string>;
  infinitive: RegExp;
  infinitiveMinLength: number;
  deInfinitiveLinks: Set<string>;
  deInfinitive: RegExp;
  participle: RegExp;
  presentNotParticiple: RegExp;
  eventParticiple: RegExp;
  agentParticiple: RegExp;
  gerundPrefixes: string[];
  /** Adjectives placed before the noun they qualify ("un haut gradé"): never the head of their noun phrase. */
  prenominalAdjectives: Set<string>;
  gerundParticle: Set<string>;
  gerund: RegExp;
  adverbSuffix: string;
  adverbMinLength: number;
  cleftPronoun: Set<string>;
  cleftSubject: Set<string>;
  asConjunction: Set<string>;
  asObjectPronouns: Set<string>;
  impersonalPronoun: Set<string>;
  indefinitePronouns: Set<string>;
  firstPerson: Set<string>;
  pluralPronouns: Set<string>;
  /** A finite verb of the first or second person plural ("avons", "dites"): what "nous" / "vous" as subject takes. */
  pluralPersonVerbPattern: RegExp;
  pluralEndings: string[];
  invertedClitic: RegExp;
  and: Set<string>;
  coordinators: Set<string>;
  pluralDeterminers: Set<string>;
  feminineDeterminers: Set<string>;
  masculineDeterminers: Set<string>;
  definiteDeterminers: Set<string>;
  singularIndefinite: Set<string>;
  /** Possessive determiners ('son', 'leur'): "…, a annoncé son décès" has an object, not a speaker, after the verb. */
  possessiveDeterminers: Set<string>;
  quantityAdjectives: Set<string>;
  roleFeminine: Set<string>;
  roleMasculine: Set<string>;
  appositionRelatives: Set<string>;
  toldByPrepositions: Set<string>;
  ofBare: Set<string>;
  ofContracted: Set<string>;
  /** Word sequences ("de même source"). */
  sameSource: string[][];
  fromSource: string[][];
  mediumPrepositionsWithOf: Set<string>;
  namedMediumPrepositions: Set<string>;
  unaccentedMediumPrepositions: Set<string>;
  outletArticles: Set<string>;
  pluralInvariant: RegExp;
  pluralReplacements: [string, string][];
  pluralSuffix: string;
  questionCues: Set<string>;
  conditionalEndings: string[];
  /** Last character codes of the conditional endings (a cheap first test). */
  conditionalLastChars: Set<number>;
  hyphenatedName: RegExp;
  /** Words linking two title words ("général en chef"). */
  titleLinks: Set<string>;
  zeroComplementizer: boolean;
  subjectFirstIncise: boolean;
  namesPremodify: boolean;
  clauseOpeners: Set<string>;
  addresseeCues: Set<string>;
  pluralNoun: RegExp;
  capitalisedTimeWords: boolean;
  inversionEndsClause: boolean;
  cueNounHomographs: boolean;
  possessive: RegExp;
  bareTitles: boolean;
  nonPersonPronouns: Set<string>;
  personPronouns: Set<string>;
}

function compile(j: GrammarJson): Grammar {
  const seq = (xs: string[]) => xs.map((x) => x.split(/\s+/).filter(Boolean));
  const prefixes = j.pronominalLemmaPrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    reflexives: set(j.reflexives),
    reflexivePrefix: j.reflexivePrefix,
    pronominalLemma: prefixes.length ? new RegExp(`^(?:${prefixes.join('|')})`) : NEVER,
    reflexiveClitics: set(j.reflexiveClitics),
    negationParticles: set(j.negationParticles),
    negationAfterCue: set(j.negationAfterCue),
    negativeDeterminers: set(j.negativeDeterminers),
    negativeQuantifiers: set(j.negativeQuantifiers),
    negationParticleAlone: j.negationParticleAlone,
    existentialSubjects: set(j.existentialSubjects),
    passiveAuxiliary: set(j.passiveAuxiliary),
    auxiliaryParticiples: set(j.auxiliaryParticiples),
    infinitiveAuxiliaries: set(j.infinitiveAuxiliaries),
    infinitive: re(j.infinitivePattern),
    infinitiveMinLength: j.infinitiveMinLength,
    deInfinitiveLinks: set(j.deInfinitiveLinks),
    deInfinitive: re(j.deInfinitivePattern),
    participle: re(j.participlePattern),
    presentNotParticiple: re(j.presentNotParticiple),
    eventParticiple: re(j.eventParticiplePattern),
    agentParticiple: re(j.agentParticiplePattern),
    gerundPrefixes: j.gerundPrefixes,
    prenominalAdjectives: set(j.prenominalAdjectives),
    gerundParticle: set(j.gerundParticle),
    gerund: re(j.gerundPattern),
    adverbSuffix: j.adverbSuffix,
    adverbMinLength: j.adverbMinLength,
    cleftPronoun: set(j.cleftPronoun),
    cleftSubject: set(j.cleftSubject),
    asConjunction: set(j.asConjunction),
    asObjectPronouns: set(j.asObjectPronouns),
    impersonalPronoun: set(j.impersonalPronoun),
    indefinitePronouns: set(j.indefinitePronouns),
    firstPerson: set(j.firstPerson),
    pluralPronouns: set(j.pluralPronouns),
    pluralPersonVerbPattern: re(j.pluralPersonVerbPattern),
    pluralEndings: j.pluralEndings,
    invertedClitic: re(j.invertedCliticPattern),
    and: set(j.and),
    coordinators: set(j.coordinators),
    pluralDeterminers: set(j.pluralDeterminers),
    feminineDeterminers: set(j.feminineDeterminers),
    masculineDeterminers: set(j.masculineDeterminers),
    definiteDeterminers: set(j.definiteDeterminers),
    singularIndefinite: set(j.singularIndefinite),
    possessiveDeterminers: set(j.possessiveDeterminers),
    quantityAdjectives: set(j.quantityAdjectives),
    roleFeminine: set(j.roleFeminine),
    roleMasculine: set(j.roleMasculine),
    appositionRelatives: set(j.appositionRelatives),
    toldByPrepositions: set(j.toldByPrepositions),
    ofBare: set(j.ofBare),
    ofContracted: set(j.ofContracted),
    sameSource: seq(j.sameSource),
    fromSource: seq(j.fromSource),
    mediumPrepositionsWithOf: set(j.mediumPrepositionsWithOf),
    namedMediumPrepositions: set(j.namedMediumPrepositions),
    unaccentedMediumPrepositions: set(j.unaccentedMediumPrepositions),
    outletArticles: set(j.outletArticles),
    pluralInvariant: re(j.pluralInvariant),
    pluralReplacements: Object.entries(j.pluralReplacements),
    pluralSuffix: j.pluralSuffix,
    questionCues: set(j.questionCues),
    conditionalEndings: j.conditionalEndings,
    conditionalLastChars: new Set(j.conditionalEndings.map((e) => e.charCodeAt(e.length - 1))),
    hyphenatedName: re(j.hyphenatedNamePattern),
    titleLinks: set(j.titleLinks),
    zeroComplementizer: j.zeroComplementizer,
    subjectFirstIncise: j.subjectFirstIncise,
    namesPremodify: j.namesPremodify,
    clauseOpeners: set(j.clauseOpeners),
    addresseeCues: set(j.addresseeCues),
    pluralNoun: re(j.pluralNounPattern),
    capitalisedTimeWords: j.capitalisedTimeWords,
    inversionEndsClause: j.inversionEndsClause,
    cueNounHomographs: j.cueNounHomographs,
    possessive: re(j.possessivePattern),
    bareTitles: j.bareTitles,
    nonPersonPronouns: set(j.nonPersonPronouns),
    personPronouns: set(j.personPronouns),
  };
}

/** The grammar of a registered language (loaded and validated on first use). */
export function grammarOf(language: string): Grammar {
  return cached(language, 'grammar', (code) => compile(readValidJson(langPath(code, 'grammar.json'), GrammarSchema)));
}

// Small rule hooks over the grammar data, shared by every language.

/** Is this (lowercase) pronoun plural: listed, or ending like a plural ("ils", "eux")? */
export function isPluralPronoun(g: Grammar, lower: string): boolean {
  if (g.pluralPronouns.has(lower)) return true;
  for (const e of g.pluralEndings) if (e && lower.endsWith(e)) return true;
  return false;
}

/** The regular plural of a noun, or null when it does not change. */
export function pluralOf(g: Grammar, noun: string): string | null {
  if (g.pluralInvariant.test(noun)) return null;
  for (const [sg, pl] of g.pluralReplacements) if (noun.endsWith(sg)) return noun.slice(0, -sg.length) + pl;
  return noun + g.pluralSuffix;
}

/** Strip the marks of an inverted clitic ("-t-il" → "il"). */
export function cliticPronoun(g: Grammar, lower: string): string {
  return lower.replace(g.invertedClitic, '');
}

/** Is `lower` an adverb by its form ("notamment")? */
export function adverbByForm(g: Grammar, lower: string): boolean {
  return g.adverbSuffix !== '' && lower.length >= g.adverbMinLength && lower.endsWith(g.adverbSuffix);
}

/** Do words[i…] spell one of the word sequences? Returns its length, or 0. */
export function sequenceAt(seqs: string[][], at: (k: number) => string | undefined): number {
  for (const s of seqs) if (s.every((w, k) => at(k) === w)) return s.length;
  return 0;
}
