// Language-neutral units for claim figures, so that a French claim and its
// English source state "the same figure for the same thing" (« 40 familles »
// = "40 families"). The units are data: lang/<code>/unit-classes.json maps the
// nouns that count things in news to a class name shared by every language
// (the class names are the bilingual lexicon). Claim grouping (claim-table.ts)
// folds each figure's unit through it; predicates cross languages through
// predicate-classes.json the same way, and date keys through the month and
// weekday numbers of lang/<code>/dates.tsv: DATE entity keys are ISO 8601
// ("date:march" = « date:mars » = "date:--03"; src/lang/date-keys.ts).
import { flaggedClasses, isClass, stemClasses } from '../lang/predicate-classes.js';

/** Unit class keys start with this, so they never meet a plain stem. */
const PREFIX = '~';

/** A function from a figure ("40 famili": value, space, unit stem) to the figure with its unit's class ("40 ~family"). */
export function figureUnitClass(language: string): (figure: string) => string {
  const classOf = stemClasses(language, 'unit-classes.json', PREFIX);
  if (!classOf) return (f) => f;
  return (f: string) => {
    const space = f.indexOf(' ');
    const unit = space < 0 ? undefined : classOf.get(f.slice(space + 1));
    return unit ? f.slice(0, space + 1) + unit : f;
  };
}

/**
 * The unit classes of a language marked `light` in unit-classes.json: units that measure (years, days, percent, euros,
 * kilometres) rather than name the thing counted. « ami depuis 10 ans » and « risquait 10 ans de prison » state the
 * same figure in the same unit about two different things: such a figure is evidence of one proposition only with a
 * shared predicate (claim-groups.ts `Matcher`).
 */
export function measureUnitClasses(language: string): ReadonlySet<string> {
  return flaggedClasses(language, 'light', 'unit-classes.json', PREFIX);
}

/** Lexicon class keys start with this: they never meet a plain stem, a predicate class or a unit class. */
const CONCEPT = '^';

/**
 * The keys two claims of different languages compare as wording: the claim's predicate classes (class keys of
 * predicate-classes.json, shared by every language) and the classes of lang/<code>/lexicon.json its other content
 * stems fall in ("grenades" = « grenades » → `^grenade`, "airport" = « aéroport »). Plain stems are left out: the
 * stems of two languages never meet (« pont » is no "pont"). `content`: the claim's content stems, predicates
 * already folded to their class (`=seize`); `light`: the classes too generic to count.
 */
export function crossLanguageKeys(language: string): (content: readonly string[], light: ReadonlySet<string>) => string[] {
  const conceptOf = stemClasses(language, 'lexicon.json', CONCEPT);
  return (content, light) => {
    const out = new Set<string>();
    for (const k of content) {
      if (light.has(k)) continue;
      if (isClass(k)) out.add(k);
      else {
        const c = conceptOf?.get(k);
        if (c) out.add(c);
      }
    }
    return [...out];
  };
}
