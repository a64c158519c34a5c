// The words of lang/<code>/claims.json as the claims layer tests them: sets and maps built once per language
// from the file `claimsData` validates (src/lang/claims-data.ts).
import { claimsData } from '../../lang/claims-data.js';
import { cached } from '../../lang/resources.js';

export interface ClaimsLexicon {
  numberWords: Set<string>;
  accusation: string[];
  /** Stock disclaimers, lower case with straight apostrophes: a clause holding one is no claim. */
  disclaimers: string[];
  clauseBreaks: string[];
  negation: Set<string>;
  clauseClitics: Set<string>;
  /** Relative pronouns a coordinator repeats before a clause of its own (« … et où des heurts ont éclaté »). */
  coordinatedRelatives: Set<string>;
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
  /** Object pronouns naming a person, with their number (« le », « les »). */
  objects: Map<string, 'singular' | 'plural'>;
  /** Nouns of events that point back after an anaphoric determiner (« cette opération »). */
  eventNouns: Set<string>;
}

export function claimsLexicon(language: string): ClaimsLexicon {
  return cached(language, 'claims', (code) => {
    const j = claimsData(code);
    return {
      numberWords: new Set(j.numberWords),
      accusation: j.accusation,
      disclaimers: (j.disclaimers ?? []).map((d) => d.toLowerCase()),
      clauseBreaks: j.clauseBreaks,
      negation: new Set(j.negation),
      clauseClitics: new Set(j.clauseClitics ?? []),
      coordinatedRelatives: new Set(j.coordinatedRelatives ?? []),
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
      objects: new Map(Object.entries(j.coreference?.objects ?? {})),
      eventNouns: new Set(j.coreference?.eventNouns ?? []),
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
