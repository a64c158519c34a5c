// Attribution resources from lang/<code>/: cue frames (cues.tsv), source head
// nouns (roles.tsv), the function words of reported speech
// (attribution-grammar.json), and outlet names from the knowledge base
// (kb/actors.<code>.json, entities of subtype media: src/kb/kb.ts outletNames).
import { z } from 'zod';
import { cached, langPath, readTsv, readValidJson } from '../../lang/resources.js';
import { grammarOf, pluralOf } from '../../lang/grammar.js';
import { outletNames } from '../../kb/kb.js';
import { phraseIndex, splitPhrase, type Gender } from '../syntax/lexicon.js';
import { type RoleKind, rolesOf } from '../../lang/roles.js';

/** `explicit`: the que-clause needs its complementizer even where the language may drop it ("charged that …", not "charged him …"). */
export type Frame = 'que' | 'inc' | 'col' | 'inf' | 'de' | 'obj' | 'objvia' | 'pass' | 'med' | 'explicit';
export type CueClass = 'speech' | 'opinion' | 'report' | 'cognition';
export type { RoleKind };

export interface CueEntry {
  /** Lemma plus particle, as in the generated forms file ("faire état"). */
  entry: string;
  /** The verb's lemma alone ("faire"; "se féliciter"): cues.tsv's first column. */
  lemma: string;
  pronominal: boolean;
  cls: CueClass;
  frames: Set<Frame>;
  /** Words that must follow the verb form ("état", "en garde"). */
  particle: string[];
}

const words = z.array(z.string());
/** lang/<code>/attribution-grammar.json */
export const AttributionGrammarSchema = z.object({
  according: words,
  accordingToPerson: words,
  citing: words,
  /** Asides between a cue and its complement naming whom the subject relies on ("reported, citing officials, that"). */
  citingAsides: words.default([]),
  viaParticiples: words,
  viaPrepositions: words,
  mediumPrepositions: words,
  audience: words,
  passiveAgent: words,
  idioms: words,
  adverbialLinks: words.default([]),
  infinitiveLinks: words,
  prospectiveModals: words.default([]),
  asidePrepositions: words.default([]),
  companions: words.default([]),
  rolePhrases: z.record(z.string(), z.string()),
  reportedWords: words,
  /** Prepositions besides the noun-phrase links that name whose words or figures they are ("data from X"). */
  ownerLinks: words.default([]),
  learningCues: words,
  titleRoles: z.record(z.string(), z.string()),
  dependingOnBefore: words,
  dependingOnAfter: words,
  narrativeInfinitive: words,
  sameAs: words,
  speechNouns: words.default([]),
  quotingNouns: words.default([]),
  ownerPossessives: z.record(z.string(), z.enum(['singular', 'plural'])).default({}),
  datePrepositions: words.default([]),
  /** Verbs found by construction frame quotations (construction-cues.ts): languages with inverted incises. */
  openIncise: z.boolean().default(false),
  notIncise: words.default([]),
  perspective: z.record(z.string(), z.enum(['singular', 'plural'])).default({}),
  readerMediumPrepositions: words.default([]),
  readerCues: words.default([]),
  readerPlaceClitics: words.default([]),
  indefiniteSide: words.default([]),
  /** "Interfax quoted a source as saying …": lemmas of the quoting verb and the word before the speaker's participle. */
  quotingVerbs: words.default([]),
  quotedAsLinks: words.default([]),
  /** Words opening an indirect question ("did not say what …", « n'a pas précisé combien … »). */
  indirectQuestion: words.default([]),
  /** Words of a relative clause saying the speaker asked not to be named ("qui a requis l'anonymat"). */
  anonymityWords: words.default([]),
  descriptionComplements: words.default([]),
  /** Pronouns of the persons of a conversation ("I", "you"): as the subject of a cue inside a framed quotation, the quoted speaker telling words. */
  quotedPersons: words.default([]),
});

export interface Role {
  kind: RoleKind;
  gender: Gender;
  /** The office a person noun names ("édile" → "maire"), null for a description ("l'économiste"). */
  office: string | null;
}

export interface AttributionLexicon {
  cues: Map<string, CueEntry>;
  /** Cue classes that make attributions (cognition verbs do not by default). */
  reporting: Set<CueClass>;
  roles: Map<string, Role>;
  /** Outlet names as word sequences keyed by first word (case-sensitive). */
  media: Map<string, string[][]>;
  according: Map<string, string[][]>;
  accordingToPerson: Map<string, string[][]>;
  citing: Set<string>;
  /** ", citing X," / « , en citant X, » / « , sur la foi de X, » between a cue and its que-clause: X speaks, the subject relays. */
  citingAsides: Map<string, string[][]>;
  viaParticiples: Set<string>;
  viaPrepositions: Set<string>;
  mediumPrepositions: Set<string>;
  audience: Set<string>;
  passiveAgent: Set<string>;
  /** "cela veut dire", "il faut dire": idioms ending in a cue infinitive. */
  idioms: Map<string, string[][]>;
  /** "avant de", "afin de": an adverbial preposition whose "de" opens an infinitive, not a noun phrase. */
  adverbialLinks: Map<string, string[][]>;
  /** "pour", "à", "de" before a cue infinitive ("pour rappeler que"). */
  infinitiveLinks: Set<string>;
  /** Lemmas of the modals whose infinitive is an act to come, not one reported ("devrait annoncer", "va dire"). */
  prospectiveModals: Set<string>;
  /** Prepositions of a manner aside between an incise verb and its subject ("glisse dans un sourire X"). */
  asidePrepositions: Set<string>;
  /** "aux côtés de", "en compagnie de": who stands beside the speaker, outside the speaker's phrase. */
  companions: Map<string, string[][]>;
  /** Periphrases for an office ("chef de l'état" → "président"), by first word. */
  rolePhrases: Map<string, string[][]>;
  rolePhraseOffice: Map<string, string>;
  /** "propos", "déclarations": in "selon des propos rapportés par X", X is the source. */
  reportedWords: Set<string>;
  ownerLinks: Set<string>;
  /** "apprendre": the medium learns from the source named by "auprès de". */
  learningCues: Set<string>;
  /** Titles naming an office ("Me" → "avocat"). */
  titleRoles: Map<string, string>;
  /** "varient selon", "selon que": "selon" meaning "depending on". */
  dependingOnBefore: Set<string>;
  dependingOnAfter: Map<string, string[][]>;
  narrativeInfinitive: Map<string, string[][]>;
  sameAs: Set<string>;
  /** Nouns of saying that head a nominal cue ("l'annonce du Pentagone selon laquelle …"). */
  speechNouns: Set<string>;
  /** Nouns that introduce a quotation after a colon with their speaker ("Sa réponse : « … »"). */
  quotingNouns: Set<string>;
  /** Third-person possessive determiners naming the owner's number ("sa réponse": singular). */
  ownerPossessives: Map<string, 'singular' | 'plural'>;
  /** Words opening a date between a cue and its complement ("a assuré en janvier que", "a déclaré le 3 mai à l'AFP"). */
  datePrepositions: Set<string>;
  /** Any verb may frame a quotation by its construction ("« … », sourit-il"): construction-cues.ts. */
  openIncise: boolean;
  /** Verb forms whose inversion is no incise of speech ("semble-t-il", "paraît-il", "faut-il"). */
  notIncise: Set<string>;
  /** "à ses yeux", "à l'en croire": perspective phrases whose pronoun (the word given) is the speaker. */
  perspective: Map<string, string[][]>;
  perspectivePronouns: Map<string, 'singular' | 'plural'>;
  /** "on lit dans X", "on apprend via X": prepositions of the medium that is the source of an indefinite speaker. */
  readerMediumPrepositions: Set<string>;
  /** Cues addressed to the reader ("lire") that need such a medium. */
  readerCues: Set<string>;
  /** The clitic standing for the medium just named before a reader cue (« On y lit que … »). */
  readerPlaceClitics: Set<string>;
  /** "Du côté de X, on …", "Chez X, on …": phrases opening a sentence that say who its indefinite speaker is. */
  indefiniteSide: Map<string, string[][]>;
  quotingVerbs: Set<string>;
  quotedAsLinks: Set<string>;
  /** "did not say what …": a negated cue before an indirect question reports nothing said. */
  indirectQuestion: Set<string>;
  /** "qui a requis l'anonymat", "who asked not to be named": a relative clause holding one describes the speaker. */
  anonymityWords: Set<string>;
  /** « de », "aged": words opening the complement of a one-word description (« le Toulousain de 35 ans »). */
  descriptionComplements: Set<string>;
  /** "\"I told them …,\" she said": a cue inside a quotation another attribution frames, with one of these as subject, is part of the quotation. */
  quotedPersons: Set<string>;
}

export function attributionLexicon(language: string): AttributionLexicon {
  return cached(language, 'attributions', (code) => {
    const grammar = grammarOf(code);
    const cues = new Map<string, CueEntry>();
    for (const [lemma, cls, frames, particle] of readTsv(langPath(code, 'cues.tsv'))) {
      const entry = particle ? `${lemma} ${particle}` : lemma!;
      cues.set(entry, {
        entry,
        lemma: lemma!,
        pronominal: grammar.pronominalLemma.test(lemma!),
        cls: cls as CueClass,
        frames: new Set((frames ?? '').split(',').filter(Boolean) as Frame[]),
        particle: particle ? splitPhrase(particle) : [],
      });
    }
    const rows = rolesOf(code);
    const roles = new Map<string, Role>(rows);
    // Regular plurals ("députés", "généraux"), unless the list gives the plural its own entry ("responsables" = group).
    for (const noun of rows.keys()) {
      const plural = pluralOf(grammar, noun);
      if (plural && !roles.has(plural)) roles.set(plural, roles.get(noun)!);
    }
    const media = new Map<string, string[][]>();
    const addMedium = (parts: string[]) => {
      const list = media.get(parts[0]!) ?? [];
      list.push(parts);
      media.set(parts[0]!, list);
    };
    for (const name of outletNames(code)) {
      const parts = name.split(/\s+|(?<=')/u).filter(Boolean);
      addMedium(parts);
      // "au Parisien", "du Monde": the article of "Le Parisien" merges with a preposition.
      if (parts.length > 1 && grammar.outletArticles.has(parts[0]!)) addMedium(parts.slice(1));
    }
    for (const list of media.values()) list.sort((a, b) => b.length - a.length);
    const g = readValidJson(langPath(code, 'attribution-grammar.json'), AttributionGrammarSchema);
    return {
      cues,
      reporting: new Set<CueClass>(['speech', 'opinion', 'report']),
      roles,
      media,
      according: phraseIndex(g.according),
      accordingToPerson: phraseIndex(g.accordingToPerson),
      citing: new Set(g.citing),
      citingAsides: phraseIndex(g.citingAsides),
      viaParticiples: new Set(g.viaParticiples),
      viaPrepositions: new Set(g.viaPrepositions),
      mediumPrepositions: new Set(g.mediumPrepositions),
      audience: new Set(g.audience),
      passiveAgent: new Set(g.passiveAgent),
      idioms: phraseIndex(g.idioms),
      adverbialLinks: phraseIndex(g.adverbialLinks),
      infinitiveLinks: new Set(g.infinitiveLinks),
      prospectiveModals: new Set(g.prospectiveModals),
      asidePrepositions: new Set(g.asidePrepositions),
      companions: phraseIndex(g.companions),
      rolePhrases: phraseIndex(Object.keys(g.rolePhrases)),
      rolePhraseOffice: new Map(Object.entries(g.rolePhrases).map(([k, v]) => [splitPhrase(k).join(' '), v])),
      reportedWords: new Set(g.reportedWords),
      ownerLinks: new Set(g.ownerLinks),
      learningCues: new Set(g.learningCues),
      titleRoles: new Map(Object.entries(g.titleRoles)),
      dependingOnBefore: new Set(g.dependingOnBefore),
      dependingOnAfter: phraseIndex(g.dependingOnAfter),
      narrativeInfinitive: phraseIndex(g.narrativeInfinitive),
      sameAs: new Set(g.sameAs),
      speechNouns: new Set(g.speechNouns),
      quotingNouns: new Set([...g.speechNouns, ...g.quotingNouns]),
      ownerPossessives: new Map(Object.entries(g.ownerPossessives)),
      datePrepositions: new Set(g.datePrepositions),
      openIncise: g.openIncise,
      notIncise: new Set(g.notIncise),
      perspective: phraseIndex(Object.keys(g.perspective)),
      readerMediumPrepositions: new Set(g.readerMediumPrepositions),
      readerCues: new Set(g.readerCues),
      readerPlaceClitics: new Set(g.readerPlaceClitics),
      indefiniteSide: phraseIndex(g.indefiniteSide),
      perspectivePronouns: new Map(Object.entries(g.perspective).map(([k, v]) => [splitPhrase(k).join(' '), v])),
      quotingVerbs: new Set(g.quotingVerbs),
      quotedAsLinks: new Set(g.quotedAsLinks),
      indirectQuestion: new Set(g.indirectQuestion),
      anonymityWords: new Set(g.anonymityWords),
      descriptionComplements: new Set(g.descriptionComplements),
      quotedPersons: new Set(g.quotedPersons),
    };
  });
}
