// DATE and QUANTITY mentions by rule, over token forms, with the words of
// lang/<code>/entity-rules.json. One left-to-right pass; every extension
// looks at most a few tokens ahead.
import { existsSync } from 'node:fs';
import type { Token } from '../../doc/schema.js';
import { z } from 'zod';
import { cached, langPath, readValidJson } from '../../lang/resources.js';

const words = z.array(z.string());
/** lang/<code>/entity-rules.json */
export const EntityRulesSchema = z.object({
  months: words,
  weekdays: words,
  dayParts: words,
  relativeDays: words,
  ordinalDay: words,
  yearPrepositions: words,
  multipliers: words,
  numberWords: words,
  units: words,
  /** Words between a counted quantity and its unit ("8 000 de morts", "dozens of people"): not rule starters. */
  unitLinks: words,
});
type RulesJson = z.infer<typeof EntityRulesSchema>;
type RuleWords = { [K in keyof RulesJson]: Set<string> } & {
  /** Every word of every list but the unit links: a token outside it (and not a number) starts no rule. */
  any: Set<string>;
};

function ruleWords(language: string): RuleWords | null {
  return cached(language, 'entity-rules', (code) => {
    const path = langPath(code, 'entity-rules.json');
    if (!existsSync(path)) return null;
    const j = readValidJson(path, EntityRulesSchema);
    const out = { any: new Set<string>() } as RuleWords;
    for (const k of Object.keys(j) as Array<keyof RulesJson>) {
      out[k] = new Set(j[k]);
      if (k !== 'unitLinks') for (const word of j[k]) out.any.add(word);
    }
    return out;
  });
}

export interface RuleSpan {
  first: number;
  last: number;
  type: 'DATE' | 'QUANTITY';
}

const DAY = /^(?:[1-9]|[12]\d|3[01])$/;
const YEAR = /^(?:1[0-9]|20)\d\d$/;
/** A group of three digits continuing a number written with spaces: "8 000". */
const THOUSANDS = /^\d{3}$/;
const NUMERIC = /^\d/;

/** DATE and QUANTITY spans (token indices), left to right, non-overlapping; `lowered`: the forms lowercased, when known. */
export function ruleEntities(
  forms: readonly string[],
  tokens: readonly Token[],
  language: string,
  lowered: readonly string[] = forms.map((f) => f.toLowerCase()),
): RuleSpan[] {
  const w = ruleWords(language);
  if (!w) return [];
  const n = forms.length;
  const lower = (i: number) => (i >= 0 && i < n ? lowered[i]! : '');
  const isDay = (i: number) => DAY.test(lower(i)) || w.ordinalDay.has(lower(i));
  const isYear = (i: number) => i < n && tokens[i]!.kind === 'number' && YEAR.test(forms[i]!);
  const out: RuleSpan[] = [];
  let i = 0;
  while (i < n) {
    const l = lower(i);
    // Fast path (most tokens): no list word, not a number, no digit (DAY) → no rule starts here.
    const c = l.charCodeAt(0);
    if (!w.any.has(l) && tokens[i]!.kind !== 'number' && !(c >= 48 && c <= 57)) {
      i++;
      continue;
    }
    let last = -1;
    let type: RuleSpan['type'] = 'DATE';
    if (w.relativeDays.has(l)) last = i;
    else if (w.weekdays.has(l)) {
      last = i;
      if (isDay(last + 1) && w.months.has(lower(last + 2))) last += 2;
      if (isYear(last + 1) && w.months.has(lower(last))) last++;
    } else if (isDay(i) && w.months.has(lower(i + 1))) {
      last = i + 1;
      if (isYear(last + 1)) last++;
    } else if (w.months.has(l) && (isYear(i + 1) || w.yearPrepositions.has(lower(i - 1)))) {
      last = isYear(i + 1) ? i + 1 : i;
    } else if (isYear(i) && w.yearPrepositions.has(lower(i - 1))) last = i;
    if (last >= 0 && w.dayParts.has(lower(last + 1))) last++;
    if (last < 0) {
      last = quantityEnd(i, n, lower, tokens, w);
      type = 'QUANTITY';
    }
    if (last >= 0) {
      out.push({ first: i, last, type });
      i = last + 1;
    } else i++;
  }
  return out;
}

/** Last token of a quantity starting at i ("8 000 soldats", "3,5 millions de dollars", "20 %"), or -1. */
function quantityEnd(i: number, n: number, lower: (i: number) => string, tokens: readonly Token[], w: RuleWords): number {
  const l = lower(i);
  const numeric = tokens[i]!.kind === 'number' && NUMERIC.test(l);
  if (!numeric && !w.numberWords.has(l)) return -1;
  let last = i;
  if (numeric) while (last + 1 < n && last - i < 4 && tokens[last + 1]!.kind === 'number' && THOUSANDS.test(lower(last + 1))) last++;
  let counted = false;
  if (w.multipliers.has(lower(last + 1))) {
    last++;
    counted = true;
  }
  const unitAt = (k: number) => (w.units.has(lower(k)) ? 1 : w.units.has(`${lower(k)} ${lower(k + 1)}`) ? 2 : 0);
  let u = unitAt(last + 1);
  if (u) last += u;
  else if (counted && w.unitLinks.has(lower(last + 1)) && (u = unitAt(last + 2))) last += 1 + u;
  else if (!counted) return -1;
  return last;
}
