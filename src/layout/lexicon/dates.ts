// Dates written in text ("02 mars 2015", "Vendredi, 22 Déc. 2017 - 21h15",
// "Nov. 19, 2019", "27/06/2019", "2019-06-27") and in machine fields (ISO 8601,
// compact 20190627). Month and weekday words come from lang/*/dates.tsv; every
// regex is bounded (fixed-width pieces, alternations of literal words).
import { isRealDay } from '../../text/calendar-date.js';
import { rowsOfEveryLanguage } from './every-language.js';
import { addDateWords, emptyDateWords } from '../../lang/date-words.js';
import { foldLowerSameLength } from '../../text/fold.js';

export interface FoundDate {
  /** YYYY-MM-DD, or null when the year is missing */
  iso: string | null;
  month: number;
  day: number;
  weekday: number | null;
  start: number;
  end: number;
  text: string;
}

interface Words {
  months: Map<string, number>;
  /** month and day without a year: "Nov 18", "Nov. 19, 6:55 AM"; day and month: "18 nov." */
  monthDay: RegExp;
  dayMonth: RegExp;
  weekdays: Map<string, number>;
  ordinals: string[];
  re: RegExp[];
  /** day month two-digit year: "27 Mar 20" */
  shortYear: RegExp;
}

let words: Words | undefined;

/**
 * After a written year: no other digit, unless a time is glued to it (a text browser runs the date and time
 * elements together: "Nov 15, 20195:45 AM"), or the next date (a theme printing the published and updated
 * dates side by side: "20 janvier 202020 janvier 2020"). `M` and `O` are the month-word and ordinal alternations.
 */
const yearEnd = (M: string, O: string) => `(?:(?!\\d)|(?=\\d{1,2}:\\d{2})|(?=\\d{1,2}(?:${O})?\\.?[ \\t_]{1,3}(?:${M})(?![\\p{L}])))`;

/** Lower case without accents, same length as the input (offsets stay valid). */
const fold = foldLowerSameLength;

const alt = (ws: Iterable<string>) =>
  [...new Set(ws)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

function load(): Words {
  if (words) return words;
  const { months, weekdays, ordinals } = emptyDateWords();
  for (const { rows } of rowsOfEveryLanguage('dates.tsv')) addDateWords({ months, weekdays, ordinals }, rows, fold);
  const M = alt(months.keys());
  const W = alt(weekdays.keys());
  const O = alt(ordinals);
  const wd = `(?:(${W})\\.?,?[ \\t_]{1,3})?`;
  const YEAR_END = yearEnd(M, O);
  // No year after the day: neither a four-digit one nor a two-digit one ("Nov 18, 19").
  const NO_YEAR = '(?![\\d:.])(?!\\.?,?[ \\t_]{1,3}\\d{2}(?![\\d:]))';
  words = {
    months,
    monthDay: new RegExp(`(?<![\\p{L}\\d])(${M})\\.?[ \\t_]{1,3}(\\d{1,2})(?:${O})?${NO_YEAR}`, 'gu'),
    dayMonth: new RegExp(`(?<![\\p{L}\\d.:/])(\\d{1,2})(?:${O})?\\.?[ \\t_]{1,3}(${M})(?![\\p{L}])\\.?${NO_YEAR}`, 'gu'),
    weekdays,
    ordinals,
    re: [
      // [weekday] day month year: "vendredi, 22 déc. 2017", "1er mars 2015", "2 March 2015"
      new RegExp(`(?<![\\p{L}\\d])${wd}(\\d{1,2})(?:${O})?\\.?[ \\t_]{1,3}(?:de[ \\t])?(${M})\\.?,?[ \\t_]{1,3}(?:de[ \\t])?(\\d{4})${YEAR_END}`, 'gu'),
      // [weekday] month day, year: "Tuesday, Nov. 19, 2019"
      new RegExp(`(?<![\\p{L}\\d])${wd}(${M})\\.?[ \\t_]{1,3}(\\d{1,2})(?:${O})?,?[ \\t_]{1,3}(\\d{4})${YEAR_END}`, 'gu'),
      // weekday day month, no year: "jeudi 19 décembre"
      new RegExp(`(?<![\\p{L}\\d])(${W})\\.?,?[ \\t_]{1,3}(\\d{1,2})(?:${O})?[ \\t_]{1,3}(${M})(?![\\p{L}])(?!\\.?,?[ \\t_]{1,3}\\d{4})`, 'gu'),
      // numeric: 27/06/2019, 27.06.2019, 2019-06-27, 2019/06/27
      /(?<![\d/.-])(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?![\d/.-]?\d)/g,
      /(?<![\d/.-])(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?![\d])/g,
      // weekday and figures with a two-digit year: "mardi 10.12.19", "Tue 11/19/19" (kept only when the weekday fits)
      new RegExp(`(?<![\\p{L}\\d])(${W})\\.?,?[ \\t_]{1,3}(\\d{1,2})([./-])(\\d{1,2})\\3(\\d{2})(?![\\d/.-]?\\d)`, 'gu'),
    ],
    shortYear: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:${O})?[ \\t_]{1,3}(${M})\\.?[ \\t_]{1,3}(\\d{2})(?![\\d:h.,/])`, 'u'),
  };
  return words;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || !isRealDay(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** Every date written in `text`, in order. `dayFirst` decides 03/04/2019 (true: 3 April). */
export function findDates(text: string, dayFirst = true): FoundDate[] {
  const w = load();
  const f = fold(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const out: FoundDate[] = [];
  const push = (m: RegExpExecArray, y: number | null, mo: number, d: number, wdName: string | undefined) => {
    const iso = y === null ? null : isoOf(y, mo, d);
    if (y !== null && !iso) return;
    if (y === null && !isoOf(2000, mo, d)) return;
    const weekday = wdName ? (w.weekdays.get(wdName) ?? null) : null;
    out.push({ iso, month: mo, day: d, weekday, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
  };
  const [dmy, mdy, noYear, numeric, isoLike, weekdayShort] = w.re as [RegExp, RegExp, RegExp, RegExp, RegExp, RegExp];
  for (const m of f.matchAll(dmy)) push(m, Number(m[4]), w.months.get(m[3]!)!, Number(m[2]), m[1]);
  for (const m of f.matchAll(mdy)) push(m, Number(m[4]), w.months.get(m[2]!)!, Number(m[3]), m[1]);
  for (const m of f.matchAll(noYear)) push(m, null, w.months.get(m[3]!)!, Number(m[2]), m[1]);
  for (const m of f.matchAll(numeric)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // A number above 12 can only be the day ("11.14.2019" is 14 November whichever order the page uses).
    const [d, mo] = b > 12 ? [b, a] : dayFirst || a > 12 ? [a, b] : [b, a];
    push(m, Number(m[3]), mo, d, undefined);
  }
  for (const m of f.matchAll(isoLike)) push(m, Number(m[1]), Number(m[2]), Number(m[3]), undefined);
  // A two-digit year is a date only when the weekday written before it falls on it (day first, else month first).
  for (const m of f.matchAll(weekdayShort)) {
    const wd = w.weekdays.get(m[1]!);
    const [a, b, y] = [Number(m[2]), Number(m[4]), 2000 + Number(m[5])];
    const fit = [isoOf(y, b, a), isoOf(y, a, b)].find((iso) => iso && weekdayOf(iso) === wd);
    if (fit) push(m, y, Number(fit.slice(5, 7)), Number(fit.slice(8, 10)), m[1]);
  }
  // Overlapping matches: keep the longest (a weekday-prefixed form over its bare part).
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((d, i) => !out.some((o, j) => j !== i && o.start <= d.start && o.end >= d.end && (o.end - o.start > d.end - d.start || j < i)));
}

/** Day, month and two-digit year in figures ("11/19/19 06:56 AM", "27.03.20"): read on announced lines only, like shortYearDate. */
const NUMERIC_SHORT_YEAR = /(?<![\d/.-])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d/.])/;

/**
 * A day, month and two-digit year ("Publié le 27 Mar 20 à 9:21", "By X - 11/19/19 06:56 AM"), read only
 * on a line a rule already announced as a date line or a by-line: elsewhere "12 mai 20" or "3/4/20" may be
 * anything. The year is taken in this century; figures are read as findDates reads them (a number above 12 is the day).
 */
export function shortYearDate(text: string): FoundDate | undefined {
  const w = load();
  const t = text.slice(0, 300);
  const m = w.shortYear.exec(fold(t));
  const n = m ? null : NUMERIC_SHORT_YEAR.exec(t);
  const found = m
    ? { at: m, mo: w.months.get(m[2]!)!, d: Number(m[1]), y: Number(m[3]) }
    : n
      ? numericDayMonth(n, Number(n[1]), Number(n[3]), Number(n[4]))
      : null;
  if (!found) return undefined;
  const iso = isoOf(2000 + found.y, found.mo, found.d);
  const at = found.at;
  return iso
    ? { iso, month: found.mo, day: found.d, weekday: null, start: at.index, end: at.index + at[0].length, text: t.slice(at.index, at.index + at[0].length) }
    : undefined;
}

/** Day, month and year in figures as a date's own text writes them ("10/9/10", "27.06.2019"). */
const FIGURES = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/;

/**
 * A date written in figures whose first two numbers may each be the month ("10/9/10": 9 October in the United States,
 * 10 September elsewhere), read as the rest of the page reads its dates: the other reading when a date the page writes
 * with its month's name falls on it and none falls on the first (a comment's "Oct. 9, 2010" below "By X | 10/9/10"),
 * or when the page's unambiguous figures put the month first ("11/19/2010", second number above 12). Else as read.
 */
export function pageReading(d: FoundDate, page: FoundDate[]): string | null {
  const m = FIGURES.exec(d.text.trim());
  if (!m || !d.iso || Number(m[1]) > 12 || Number(m[2]) > 12 || m[1] === m[2]) return d.iso;
  const other = isoOf(Number(d.iso.slice(0, 4)), d.day, d.month);
  const named = new Set(page.filter((x) => x.iso && /\p{L}/u.test(x.text)).map((x) => x.iso));
  if (other && named.has(other) && !named.has(d.iso)) return other;
  const orders = page.map((x) => FIGURES.exec(x.text.trim())).filter((x): x is RegExpExecArray => !!x);
  const monthFirst = orders.filter((x) => Number(x[2]) > 12).length;
  const dayFirst = orders.filter((x) => Number(x[1]) > 12).length;
  const readDayFirst = d.day === Number(m[1]);
  return other && (readDayFirst ? monthFirst > dayFirst : dayFirst > monthFirst) ? other : d.iso;
}

/** Day and month of figures "a.b": a number above 12 can only be the day, else day first. */
function numericDayMonth(at: RegExpExecArray, a: number, b: number, y: number) {
  const [d, mo] = b > 12 ? [b, a] : [a, b];
  return { at, mo, d, y };
}

/** A machine date (ISO 8601 and friends) as YYYY-MM-DD. */
export function machineDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T ]|\+|Z)/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  const found = findDates(t.slice(0, 200));
  return found.find((d) => d.iso)?.iso ?? null;
}

/** A date written in a URL path: /2019/11/19/, /2019-11-19-, /20191119/ (a bare year/month is not a date). */
export function urlDate(url: string): string | null {
  const m = /[/_-](\d{4})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(url) ?? /[/-](\d{4})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(url);
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * A weekday + day + month without a year resolved against the years of the
 * other dates: the year, among those written nearby (±1), in which that day
 * falls on that weekday. Null when none or several fit.
 */
export function resolveYear(d: FoundDate, others: FoundDate[]): string | null {
  if (d.iso || d.weekday === null) return d.iso;
  const years = new Set<number>();
  for (const o of others) if (o.iso) for (const k of [-1, 0, 1]) years.add(Number(o.iso.slice(0, 4)) + k);
  const fits = [...years].map((y) => isoOf(y, d.month, d.day)).filter((iso): iso is string => !!iso && weekdayOf(iso) === d.weekday);
  return fits.length === 1 ? fits[0]! : null;
}

/** Words a line holding a date without its year may hold besides it ("Posted", "Updated", a time zone). */
const YEARLESS_LINE_WORDS = 2;

/**
 * A date line whose dates carry no year ("Nov 18", "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM"): sites leave
 * the year out for dates of the current year. `announced`: a rule already called the line a date line. The date is
 * the earliest one (published before updated); its iso is null, resolved later against the page's year.
 */
export function yearlessDateLine(t: string, announced: boolean): { date: FoundDate; rest: string } | undefined {
  if (t.length > 100 || findDates(t).length) return undefined;
  const w = load();
  const f = fold(t);
  const dates: FoundDate[] = [];
  const at = (m: RegExpExecArray, mo: number, d: number) => {
    if (isoOf(2000, mo, d))
      dates.push({ iso: null, month: mo, day: d, weekday: null, start: m.index, end: m.index + m[0].length, text: t.slice(m.index, m.index + m[0].length) });
  };
  for (const m of f.matchAll(w.monthDay)) at(m, w.months.get(m[1]!)!, Number(m[2]));
  if (!dates.length) for (const m of f.matchAll(w.dayMonth)) at(m, w.months.get(m[2]!)!, Number(m[1]));
  if (!dates.length || dates.length > MAX_LINE_DATES) return undefined;
  let rest = t;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
  rest = rest
    .replace(/\b\d{1,2}\s?[h:]\s?\d{2}(?:\s?[ap]\.?m\.?)?(?![\p{L}])/giu, ' ')
    .replace(/[-–—|,;·•:()/_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = rest ? rest.split(' ').length : 0;
  if (words > (announced ? YEARLESS_LINE_WORDS + 2 : YEARLESS_LINE_WORDS) * dates.length) return undefined;
  const date = dates.reduce((a, b) => (b.month * 32 + b.day < a.month * 32 + a.day ? b : a));
  return { date, rest };
}

/** A copyright notice's year ("© 2019 Cleveland.com", "Copyright 2005-2019 X"): the year the page was shown in. */
const COPYRIGHT_YEAR = /(?:©|\(c\)|copyright)[\s©]*(?:(?:19|20)\d{2}\s*[-–]\s*)?((?:19|20)\d{2})(?!\d)/giu;

/** The latest year of the copyright notices of a page's lines, or null. */
export function copyrightYear(lines: Iterable<string>): number | null {
  let year: number | null = null;
  for (const l of lines) for (const m of l.matchAll(COPYRIGHT_YEAR)) year = Math.max(year ?? 0, Number(m[1]));
  return year;
}

/** Words a date line may hold besides the date ("Publié le", an outlet name, a time). */
const DATE_LINE_WORDS = 4;
/** Dates a date line may hold: its publication and its update. */
const MAX_LINE_DATES = 2;

/** A line that is a date, optionally with an outlet name, a time or a "Publié le" around it; `rest` is what remains. */
export function dateLine(t: string): { date: FoundDate; rest: string } | undefined {
  if (t.length > 100) return undefined;
  const dates = findDates(t);
  if (!dates.length || dates.length > MAX_LINE_DATES || (dates.length > 1 && dates.some((x) => !x.iso))) return undefined;
  // Published and updated on one line ("Nov. 20, 2019 Updated: Nov. 21, 2019"): the earliest is the publication.
  const d = dates.reduce((a, b) => (b.iso! < a.iso! ? b : a));
  let text = '';
  let at = 0;
  for (const x of dates) {
    text += `${t.slice(at, x.start)} `;
    at = x.end;
  }
  const rest = (text + t.slice(at))
    .replace(/\b\d{1,2}\s?[h:]\s?\d{2}\b/gi, ' ')
    .replace(/[-–—|,·•:()/_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Counters printed after the date (views, comments, shares: "Sep. 21, 2011, 3:17 PM | 1,209 | 5") are no words.
  const words = rest.split(' ').filter((w) => w && !/^\d+$/.test(w));
  if (words.length > DATE_LINE_WORDS * dates.length) return undefined;
  return { date: d, rest };
}
