// Predicate classes: the stems of the words a language uses for one kind of
// event (« arrêté », « interpellé », « l'arrestation »), folded to one class
// key, so that two wordings of one event agree on the predicate when claims
// are matched (claim-table.ts). The classes are data: lang/<code>/predicate-classes.json.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { cached, hasLanguage, langPath, readValidJson } from './resources.js';
import { wordTools, words } from './stems.js';
import { languageOf } from './registry.js';

/** lang/<code>/predicate-classes.json */
export const PredicateClassesSchema = z.object({
  classes: z.array(
    z.object({
      name: z.string().regex(/^[a-z-]+$/),
      words: z.array(z.string()).min(1),
      /** Fixed phrases of several words naming the event (« garde à vue »): the claim holds every content word of one. */
      phrases: z.array(z.string().regex(/\s/, 'a phrase has several words')).optional(),
      modal: z.boolean().optional(),
      /** A light predicate (« se dérouler », « avoir lieu », « aider »): too generic to be a match's only evidence. */
      light: z.boolean().optional(),
    }),
  ),
});

/** Class keys start with this, so they never meet a plain stem. */
const PREFIX = '=';

/** Whether a key is a class key (not a plain stem). */
export const isClass = (key: string) => key.startsWith(PREFIX);

/** A function from a stem to its class key (`=arrest`), or to the stem itself when no class holds it. */
export function predicateClass(language: string): (stem: string) => string {
  const classOf = stemClasses(language, 'predicate-classes.json', PREFIX);
  return classOf ? (s: string) => classOf.get(s) ?? classOf.get(uninflected(s)) ?? s : (s) => s;
}

/** A fixed phrase of a class: the stems of its content words (function words left out), all of which a claim holds. */
export interface PhraseClass {
  stems: string[];
  key: string;
}

/**
 * The phrases of a language's classes (« garde à vue » → arrest, « mis en examen » → charge): a claim whose content
 * stems hold every content stem of a phrase states that class's event. Empty when the language has no classes file.
 */
export function phraseClasses(language: string): readonly PhraseClass[] {
  if (!hasLanguage(language)) return [];
  return cached(language, 'predicate-classes.json#phrases', (code) => {
    const path = langPath(code, 'predicate-classes.json');
    if (!existsSync(path)) return [];
    const tools = wordTools(code);
    const functionWords = languageOf(code).functionWords().words;
    const out: PhraseClass[] = [];
    for (const c of readValidJson(path, PredicateClassesSchema).classes)
      for (const phrase of c.phrases ?? []) {
        const content = [...words(phrase.toLowerCase())].map((w) => w.word).filter((w) => !functionWords.has(w) && w.length > 1);
        if (content.length < 2) throw new Error(`${path}: phrase "${phrase}" of class ${c.name} needs two content words`);
        out.push({ stems: content.map((w) => tools.stem(w)), key: PREFIX + c.name });
      }
    return out;
  });
}

/**
 * The class keys of a language marked `modal` (an intent, a threat, an attempt: « veut démettre », « menace de
 * s'effondrer », « a tenté de désarmer »): a claim holding one states something else than the same predicate
 * without it (the act done). Empty when the language has no classes file.
 */
export function modalClasses(language: string): ReadonlySet<string> {
  return flaggedClasses(language, 'modal');
}

/**
 * The class keys of a language marked `light` (« se dérouler », « avoir lieu », « aider », "happen"): predicates so
 * generic that two claims sharing one and nothing else state different things (the Dijon facts « se sont déroulés
 * vers 22 heures » and a call to historians). Sharing one never counts as sharing the predicate.
 */
export function lightClasses(language: string): ReadonlySet<string> {
  return flaggedClasses(language, 'light');
}

/** The class keys (`prefix` + name) of a language whose classes of `file` carry `flag`, loaded once; empty when the language has no such file. */
export function flaggedClasses(language: string, flag: 'modal' | 'light', file = 'predicate-classes.json', prefix = PREFIX): ReadonlySet<string> {
  if (!hasLanguage(language)) return new Set();
  return cached(language, `${file}#${flag}`, (code) => {
    const path = langPath(code, file);
    if (!existsSync(path)) return new Set<string>();
    return new Set(
      readValidJson(path, PredicateClassesSchema)
        .classes.filter((c) => c[flag])
        .map((c) => prefix + c.name),
    );
  });
}

/**
 * A stem with what the stemmer may leave of an inflection cut: a plural verb ending (« aident » → « aid », « tuent »
 * → « tu ») or a doubled final consonant (« approvisionnent » → « approvisionn » → « approvision »). Only tried when
 * the stem itself is in no class.
 */
export function uninflected(stem: string): string {
  if (stem.length >= 5 && stem.endsWith('ent')) return stem.slice(0, -3);
  if (stem.length >= 5 && /(\p{L})\1$/u.test(stem)) return stem.slice(0, -1);
  return stem;
}

/**
 * The stems of a classes file of lang/<code>/ (`{classes: [{name, words}]}`) → `prefix + name`, loaded once per
 * language; null when the language or the file is missing. A stem in two classes is an error naming both.
 */
export function stemClasses(language: string, file: string, prefix: string): Map<string, string> | null {
  if (!hasLanguage(language)) return null;
  return cached(language, file, (code) => {
    const path = langPath(code, file);
    if (!existsSync(path)) return null;
    const tools = wordTools(code);
    const classOf = new Map<string, string>();
    for (const c of readValidJson(path, PredicateClassesSchema).classes)
      for (const w of c.words) {
        const stem = tools.stem(w.toLowerCase());
        const other = classOf.get(stem);
        if (other && other !== prefix + c.name) throw new Error(`${path}: "${w}" (stem ${stem}) is in classes ${other.slice(1)} and ${c.name}`);
        classOf.set(stem, prefix + c.name);
      }
    return classOf;
  });
}
