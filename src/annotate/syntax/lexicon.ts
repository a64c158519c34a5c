// Closed-class words and generated verb forms for the shallow parser, loaded
// from lang/<code>/syntax.json and lang/<code>/verb-forms.generated.tsv.
import { z } from 'zod';
import { cached, langPath, readLines, readTsv, readValidJson } from '../../lang/resources.js';
import { grammarOf, type Grammar } from '../../lang/grammar.js';

export { readLines };

export type Gender = 'm' | 'f' | null;

const words = z.array(z.string());
const gendered = z.record(z.string(), z.enum(['m', 'f']).nullable());
/** lang/<code>/syntax.json */
export const SyntaxSchema = z.object({
  determiners: words,
  indefinite: words,
  demonstratives: words,
  npLinks: words,
  prepositions: words,
  subjectPronouns: gendered,
  stressedPronouns: gendered,
  invertedClitics: gendered,
  relativeHeads: gendered,
  subordinators: words,
  impersonalVerbs: words,
  relatives: words,
  complementizers: words,
  boundaries: words,
  negation: words,
  objectClitics: words,
  skippable: words,
  timeWords: words,
  titles: gendered,
  nameParticles: words,
  sentenceStartNonNames: words,
  postmodifiers: words.default([]),
});

export interface VerbForm {
  /** Lemma, with its particle for locutions ("faire état"). */
  entry: string;
  role: 'cue' | 'aux' | 'verb' | 'hedge' | 'exempt';
  /** french-verbs-lefff mood letters: P I J F C S T K G W. */
  moods: string;
}

/** Bits summarising the verb forms a word can be, computed once per word (see `Syntax.formFlags`). */
export const FORM_AUX = 1;
/** An auxiliary form in the third person ("a", "ont", "est"). */
export const FORM_AUX_3RD = 2;
export const FORM_HEDGE = 4;
export const FORM_EXEMPT = 8;
/** A past participle (mood K). */
export const FORM_PARTICIPLE = 16;
/** A finite mood (P I J F C S). */
export const FORM_FINITE = 32;
/** A present participle (mood G: "précisant"). */
export const FORM_GERUND = 64;
/** A form of a cue verb (cues.tsv). */
export const FORM_CUE = 128;

function formFlags(forms: VerbForm[]): number {
  let flags = 0;
  for (const f of forms) {
    if (f.role === 'aux') flags |= f.moods.includes('3') ? FORM_AUX | FORM_AUX_3RD : FORM_AUX;
    else if (f.role === 'hedge') flags |= FORM_HEDGE;
    else if (f.role === 'exempt') flags |= FORM_EXEMPT;
    else if (f.role === 'cue') flags |= FORM_CUE;
    if (f.moods.includes('K')) flags |= FORM_PARTICIPLE;
    if (/[PIJFCS]/.test(f.moods)) flags |= FORM_FINITE;
    if (f.moods.includes('G')) flags |= FORM_GERUND;
  }
  return flags;
}

export interface SyntaxLexicon {
  determiners: Set<string>;
  indefinite: Set<string>;
  demonstratives: Set<string>;
  npLinks: Set<string>;
  prepositions: Set<string>;
  subjectPronouns: Map<string, Gender>;
  stressedPronouns: Map<string, Gender>;
  invertedClitics: Map<string, Gender>;
  /** "celui", "celle" heading a subject relative clause, with gender. */
  relativeHeads: Map<string, Gender>;
  /** Conjunctions opening an adverbial clause ("car", "lorsque"). */
  subordinators: Set<string>;
  /** Verb forms after an impersonal "il" ("il est important de", "il convient de"). */
  impersonalVerbs: Set<string>;
  relatives: Set<string>;
  complementizers: Set<string>;
  boundaries: Set<string>;
  negation: Set<string>;
  objectClitics: Set<string>;
  /** Skippable adverbs and phrases, as token sequences keyed by their first token. */
  skippable: Map<string, string[][]>;
  timeWords: Set<string>;
  titles: Map<string, Gender>;
  nameParticles: Set<string>;
  nonNames: Set<string>;
  /**
   * Phrases opening a postmodifier that stays inside the noun phrase before it, with the noun phrase they
   * govern ("people familiar with the matter", "officials with knowledge of the talks"), by first word.
   */
  postmodifiers: Map<string, string[][]>;
  verbs: Map<string, VerbForm[]>;
  /** `formFlags` of each form in `verbs`. */
  verbFlags: Map<string, number>;
  /** First name → gender (generated from first-name lists). */
  firstNames: Map<string, Gender>;
  /** Third-person finite forms of every verb (generated). */
  finite: Set<string>;
  /** The language's grammar words and endings (lang/<code>/grammar.json). */
  g: Grammar;
}

/** Index multi-word phrases by their first word, longest first (split on spaces; elisions keep their apostrophe). */
export function phraseIndex(phrases: Iterable<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of phrases) {
    const parts = splitPhrase(p);
    const list = out.get(parts[0]!) ?? [];
    list.push(parts);
    out.set(parts[0]!, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

/** "d'après" → ["d'", "après"]; "quant à lui" → ["quant", "à", "lui"]. */
export function splitPhrase(p: string): string[] {
  return p
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s+|(?<=')/u)
    .filter(Boolean);
}

export function syntaxLexicon(language: string): SyntaxLexicon {
  return cached(language, 'syntax', (code) => {
    const j = readValidJson(langPath(code, 'syntax.json'), SyntaxSchema);
    const firstNames = new Map<string, Gender>();
    for (const [name, g] of readTsv(langPath(code, 'first-names.generated.tsv'))) firstNames.set(name!, g === 'm' || g === 'f' ? g : null);
    const verbs = new Map<string, VerbForm[]>();
    for (const [form, entry, role, moods] of readTsv(langPath(code, 'verb-forms.generated.tsv'))) {
      const list = verbs.get(form!) ?? [];
      list.push({ entry: entry!, role: role as VerbForm['role'], moods: moods ?? '' });
      verbs.set(form!, list);
    }
    return {
      determiners: new Set(j.determiners),
      indefinite: new Set(j.indefinite),
      demonstratives: new Set(j.demonstratives),
      npLinks: new Set(j.npLinks),
      prepositions: new Set(j.prepositions),
      subjectPronouns: new Map(Object.entries(j.subjectPronouns)),
      stressedPronouns: new Map(Object.entries(j.stressedPronouns)),
      invertedClitics: new Map(Object.entries(j.invertedClitics)),
      relativeHeads: new Map(Object.entries(j.relativeHeads)),
      subordinators: new Set(j.subordinators),
      impersonalVerbs: new Set(j.impersonalVerbs),
      relatives: new Set(j.relatives),
      complementizers: new Set(j.complementizers),
      boundaries: new Set(j.boundaries),
      negation: new Set(j.negation),
      objectClitics: new Set(j.objectClitics),
      skippable: phraseIndex(j.skippable),
      timeWords: new Set(j.timeWords),
      titles: new Map(Object.entries(j.titles)),
      nameParticles: new Set(j.nameParticles),
      nonNames: new Set([...j.sentenceStartNonNames, ...j.determiners, ...j.prepositions]),
      postmodifiers: phraseIndex(j.postmodifiers),
      verbs,
      verbFlags: new Map([...verbs].map(([form, list]) => [form, formFlags(list)])),
      firstNames,
      finite: new Set(readLines(langPath(code, 'finite-verbs.generated.txt'))),
      g: grammarOf(code),
    };
  });
}
