// The one loader and the one zod schema of lang/<code>/claims.json: the words the claims layer
// (src/annotate/claims/) and the proposition reader (src/annotate/propositions.ts) test. Both read the file
// through `claimsData`, validated once when a language is first used; the fields are documented in
// docs/languages.md ("lang/<code>/claims.json"). Keys starting with `$comment` hold the sources of the entries;
// any other unknown key is an error (a misspelt field would otherwise be ignored silently).
import { z } from 'zod';
import { cached, langPath, readValidJson } from './resources.js';

const words = z.array(z.string());
const grammaticalNumber = z.enum(['singular', 'plural']);

/** Subject pronouns and descriptions whose referent a claim's subject takes (src/annotate/claims/coreference.ts). */
const CoreferenceSchema = z.object({
  /** Third-person pronouns referring to people, singular or plural (« il », « ils », « ce dernier »). */
  third: z.record(z.string(), grammaticalNumber),
  /** First-person pronouns: in an attributed claim, the speaker (« je », « nous »). */
  firstPerson: words,
  /** Words after a third-person pronoun that make it impersonal (« il y a », « il faut »). */
  impersonal: words.optional(),
  /** Definite and demonstrative determiners whose description of a person points back (« le gendarme », « ce dernier »). */
  anaphoric: z.record(z.string(), grammaticalNumber).optional(),
  /** Nouns naming a person that are no role (« l'homme », « la victime »), for descriptions that point back. */
  persons: words.optional(),
  /**
   * Nouns naming an event or an act (« opération », « attaque », « incident »; "operation", "attack"): after a
   * determiner of `anaphoric` they point back to the event named before (src/annotate/claims/event-coreference.ts).
   * The verb a listed noun nominalises (nominalisations*.tsv) finds the antecedent (« l'évacuation » ← « ont évacué »).
   */
  eventNouns: words.optional(),
  /**
   * Object pronouns referring to people, singular or plural (« le », « la », « l' », « les », « lui », « leur »): their
   * referent is an argument of the claim (« Nissan veut le démettre », « la police l'a arrêté »). A form that is also
   * a determiner counts only before an auxiliary, an infinitive after a modal, a preposition or a negation, or a verb
   * after a subject pronoun (src/annotate/claims/coreference.ts, `objectReferents`).
   */
  objects: z.record(z.string(), grammaticalNumber).optional(),
});

/** Parts of a claim as a proposition (src/annotate/propositions.ts); without it, figures are bare values. */
const PropositionWordsSchema = z.object({
  /** Number words and their values (« trois » → 3). */
  numberValues: z.record(z.string(), z.number()),
  /** Multipliers after a figure (« 400 millions »). */
  scales: z.record(z.string(), z.number()),
  /** Words after a figure meaning per cent. */
  percent: words,
  /** The word between a figure and its unit (« 400 millions d'euros »). */
  unitLinks: words,
  /** Modal and support verb forms that carry no predicate of their own (« peut », « doit », « va »). */
  lightVerbs: words,
  /** Endings of past participles after an auxiliary (« a été tué », « ont quitté »). */
  participleEndings: words.optional(),
  /** Words linking an action noun to its argument (« l'effondrement de », « la révocation du »). */
  nominalLinks: words.optional(),
  /** Adverbs that may stand between an auxiliary and its participle (« s'est alors proposé », « a déjà annoncé »). */
  auxAdverbs: words.optional(),
  /** Subject pronouns whose verb follows them, past clitics (« je vis », « j'en ai », « we live »). */
  verbAfter: words.optional(),
  /**
   * Forms of verbs that, reflexive, attribute the adjective after them to their subject (« s'est dit "choqué" », « se
   * montre prudent », « s'est déclaré favorable »): the adjective is the predicate, not the verb.
   */
  attributiveVerbs: words.optional(),
  /** Reflexive clitics before such a verb (« se », « s' »). */
  reflexives: words.optional(),
  /**
   * Forms of the copula (« être »): with an adjective after it and no participle, the adjective is the predicate (« sera
   * "extrêmement vigilant" », « être "peu optimiste" »), as after an attributive verb.
   */
  copulas: words.optional(),
});

const ClaimsFields = z.object({
  /** Number words that make a clause state a quantity (« trois », « milliers »). */
  numberWords: words,
  /** Stems of accusation: a clause holding one accuses someone (« accus », « soupçon »). */
  accusation: words,
  /** Lemmas of reporting verbs of denial (« démentir », "deny"): a claim they introduce is denied by its speaker. */
  denialCues: words.optional(),
  /** Where an own-voice sentence splits into separate claims (« ; », « , mais »). */
  clauseBreaks: words,
  /** Words completing « ne » into a negation (« pas », « jamais »). */
  negation: words,
  /** Clitic pronouns and negation between a coordinator and the verb of a new clause (« et en a blessé 16 »). */
  clauseClitics: words.optional(),
  /** Relative pronouns that a coordinator repeats before a relative clause of its own (« où X et où Y », "where X and where Y"). */
  coordinatedRelatives: words.optional(),
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
  /** Subject pronouns whose referent a claim's subject takes. */
  coreference: CoreferenceSchema.optional(),
  /** Parts of a claim as a proposition. */
  proposition: PropositionWordsSchema.optional(),
});

/** lang/<code>/claims.json: the fields above, plus `$comment…` keys (where the entries come from). */
export const ClaimsDataSchema = ClaimsFields.catchall(z.unknown()).superRefine((file, ctx) => {
  for (const key of Object.keys(file))
    if (!(key in ClaimsFields.shape) && !key.startsWith('$comment')) ctx.addIssue({ code: 'custom', message: `unknown field "${key}"`, path: [key] });
});

export type ClaimsData = z.infer<typeof ClaimsFields>;

/** lang/<code>/claims.json, validated (memoised per language). */
export function claimsData(language: string): ClaimsData {
  return cached(language, 'claims-data', (code) => readValidJson(langPath(code, 'claims.json'), ClaimsDataSchema));
}
