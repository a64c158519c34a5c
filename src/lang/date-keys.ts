// Language-neutral date keys: the month and weekday words of lang/<code>/dates.tsv become numbers, so that a DATE
// entity key is ISO 8601 in every language ("date:march" = « date:mars » = "date:--03"). Read by the entities layer
// (entities/index.ts) and, through the entity keys, by claim grouping across languages (corpus/cross-language.ts).
import { existsSync } from 'node:fs';
import { slug } from '../kb/normalise.js';
import { addDateWords, emptyDateWords, type DateWords } from './date-words.js';
import { cached, hasLanguage, langPath, readTsv } from './resources.js';

const DATE_PREFIX = 'date:';
const two = (n: number) => String(n).padStart(2, '0');
/** dates.tsv numbers Sunday 0; ISO 8601 numbers it 7 (Monday 1 … Sunday 7). */
const isoWeekday = (w: number | undefined) => (w === 0 ? 7 : w);

/**
 * A function from a date entity key to its ISO 8601 form, the same in every language: the month and weekday words
 * of lang/<code>/dates.tsv become numbers ("date:march" and « date:mars » → "date:--03", "date:march-10th-2026" and
 * « date:10-mars-2026 » → "date:2026-03-10", "date:tuesday" and « date:mardi » → "date:-W-2", the truncated forms of
 * ISO 8601:2000). A key with other words keeps them, its month and weekday words folded the same way
 * (« date:lundi-matin » → "date:-W-1-matin"); keys of other types stay as they are.
 */
export function neutralDateKey(language: string): (key: string) => string {
  const words = dateWords(language);
  return (k: string) => {
    if (!words || !k.startsWith(DATE_PREFIX)) return k;
    const parts = k.slice(DATE_PREFIX.length).split('-');
    let year: string | undefined;
    let month: number | undefined;
    let day: number | undefined;
    let weekday: number | undefined;
    let other = false;
    for (const p of parts) {
      const m = words.months.get(p);
      const w = isoWeekday(words.weekdays.get(p));
      const d = dayOf(p, words.ordinals);
      if (m !== undefined && month === undefined) month = m;
      else if (w !== undefined && weekday === undefined) weekday = w;
      else if (/^\d{4}$/.test(p) && year === undefined) year = p;
      else if (d !== undefined && day === undefined) day = d;
      else other = true;
    }
    if (!other && month !== undefined) return `${DATE_PREFIX}${year ?? '-'}-${two(month)}${day !== undefined ? `-${two(day)}` : ''}`;
    if (!other && day === undefined && weekday === undefined && year !== undefined) return DATE_PREFIX + year;
    if (!other && day === undefined && year === undefined && weekday !== undefined) return `${DATE_PREFIX}-W-${weekday}`;
    const piece = (p: string) => {
      const m = words.months.get(p);
      const w = isoWeekday(words.weekdays.get(p));
      return m !== undefined ? `-${two(m)}` : w !== undefined ? `-W-${w}` : p;
    };
    return DATE_PREFIX + parts.map(piece).join('-');
  };
}

/** "10", "10th", « 1er » (an ordinal suffix of lang/<code>/dates.tsv) → the day of the month, else undefined. */
function dayOf(part: string, ordinals: string[]): number | undefined {
  const m = /^(\d{1,2})(\D*)$/.exec(part);
  if (!m || (m[2] && !ordinals.includes(m[2]))) return undefined;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : undefined;
}

/** Month, weekday and ordinal-suffix words of lang/<code>/dates.tsv, folded as slugs are (lower case, no accents). */
function dateWords(language: string): DateWords | null {
  if (!hasLanguage(language)) return null;
  return cached(language, 'date-words', (code) => {
    const path = langPath(code, 'dates.tsv');
    return existsSync(path) ? addDateWords(emptyDateWords(), readTsv(path), slug) : null;
  });
}
