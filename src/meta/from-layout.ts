// Metadata candidates read from the page layout: what the markup declares
// (HTML), then the labelled blocks of the page — its title line, by-lines and
// signatures, the article's date line (not the crawl dates above it),
// origin notices, outlet notices and domain lines in the site's furniture.
import type { MetaHint, PageLayout } from '../layout/types.js';
import {
  copyrightYear,
  dateLine,
  findDates,
  isoOf,
  pageReading,
  resolveYear,
  shortYearDate,
  yearlessDateLine,
  type FoundDate,
} from '../layout/lexicon/dates.js';
import { firstGroup, metaCues, originsOfLine, translationOfLine } from '../layout/lexicon/cues.js';
import { bareName, firstDateOf, titleText, unbulleted } from '../layout/text/label.js';
import { authorLexicon } from '../layout/lexicon/author-lexicon.js';
import { siteNameHint } from './site-name.js';

/** By-lines are short; only their opening is searched for a date. */
const t0 = (t: string) => t.slice(0, 200);
const DOMAIN = /\b((?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,6})\b/i;
/** A by-line is short. */
const MAX_BYLINE = 160;
/** Words around the date of a date line that may name the outlet ("Le Quotidien, 3 mars 2021"). */
const OUTLET_WORDS = 4;

/** Times and time zones left around a date line's date ("10:05 GMT", "4:28 AM UTC", "04:05 pm PT (07:05 pm ET)"): no outlet name. */
const TIME_WORDS = /^(?:[AaPp]\.?[Mm]\.?|GMT|UTC|[ECMP][SD]?T|CES?T|IST|BST|HNE|HAE)$/u;

/** A date line's words after its date without the time words opening them ("AM GMT Le Quotidien" → "Le Quotidien"). */
function withoutTime(rest: string): string {
  const ws = rest.split(' ');
  let k = 0;
  while (k < ws.length && TIME_WORDS.test(ws[k]!)) k++;
  return ws.slice(k).join(' ');
}

/** An outlet notice's name, unless it is a date ("Published on October 29, 2023" names no site). */
function siteName(v: string | undefined): string | undefined {
  if (!v || !/\p{L}/u.test(v)) return undefined;
  return findDates(v).length || /^\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th|er)?$/u.test(v) ? undefined : v;
}

export function layoutHints(page: PageLayout): MetaHint[] {
  const hints = [...page.declared];
  if (page.format === 'html') {
    // By-lines the extractor removed still name the authors (after the page's declared metadata).
    for (const b of page.blocks)
      if (!b.kept && b.reason === 'byline') hints.push({ field: 'author', value: b.text, rule: 'by-line in the page', text: b.text });
    return hints;
  }
  return [...hints, ...textHints(page)];
}

function textHints(page: PageLayout): MetaHint[] {
  const hints: MetaHint[] = [];
  const outlets: MetaHint[] = [];
  const notices: MetaHint[] = [];
  const origins: Record<string, MetaHint[]> = { head: [], tail: [], body: [] };
  const bodyBylines: MetaHint[] = [];
  // Every date of the page, only read when a date line lacks its year (most have one): found on first use.
  let allDates: ReturnType<typeof findDates> | undefined;
  const datesOfPage = () => (allDates ??= findDates(page.blocks.map((b) => b.text).join('\n')));
  // A date line without its year is in the year the page was shown in, its copyright notice's year ("© 2019 X"):
  // sites leave the year out for this year's dates.
  let year: number | null | undefined;
  const inPageYear = (d: FoundDate) => {
    year ??= copyrightYear(page.blocks.map((b) => b.text));
    return year === null ? null : isoOf(year, d.month, d.day);
  };
  const cues = metaCues();
  for (const b of page.blocks) {
    const t = b.text;
    if (b.reason === 'origin') for (const n of originsOfLine(t)) origins[b.zone]!.push({ field: 'origin', value: n, rule: 'origin notice', text: t });
    const translated = b.reason === 'origin' ? translationOfLine(t) : null;
    if (translated) hints.push({ field: 'translatedFrom', value: translated, rule: 'translation notice', text: t });
    if (b.zone !== 'body' && (b.reason === 'byline' || b.reason === 'signature'))
      // Without the list mark and the author's picture a text browser draws before the name ("[d442840] Jeanne Dupont").
      hints.push({ field: 'author', value: titleText(unbulleted(t)), rule: b.reason === 'signature' ? 'signature' : 'by-line', text: t });
    // A date line that is a by-line too ("By Jeanne Dupont, Wednesday, 20 November 2019 08:05 GMT").
    const datedByline = b.reason === 'dateline' && b.zone !== 'body' && t.length < MAX_BYLINE ? firstGroup(cues.byline, t) : undefined;
    if (datedByline) hints.push({ field: 'author', value: t, rule: 'by-line', text: t });
    if (b.zone === 'body' && b.reason === 'byline') bodyBylines.push({ field: 'author', value: t, rule: 'by-line in the body', text: t });
    if (b.rule === 'first heading' || b.rule === 'first short line') hints.push({ field: 'title', value: titleText(t), rule: b.rule, text: t });
    if (b.rule === 'date line' || b.rule === 'announced date line') {
      const dl = dateLine(t) ?? firstDateOf(t) ?? yearlessDateLine(t, b.rule === 'announced date line');
      const iso = dl && ((dl.date.iso && pageReading(dl.date, datesOfPage())) ?? resolveYear(dl.date, datesOfPage()) ?? inPageYear(dl.date));
      if (iso) hints.push({ field: 'published', value: iso, rule: 'date line', text: t });
      // A name before the date signs the article ("Jeanne Dupont | lundi 9 décembre 2019", "Chris Davies - Nov 19, 2019").
      const before = dl && !datedByline ? t.slice(0, dl.date.start).replace(/[\s|•·—–,:-]+$/u, '') : '';
      // A news agency there credits the article ("Reuters November 18, 2019 11:03 PM", "AFP | 3 mars 2021").
      const signed = before.length > 0 && (bareName(before) || authorLexicon().agencies.has(before.toLowerCase()));
      if (signed) hints.push({ field: 'author', value: before, rule: 'by-line', text: t });
      // A date line without its year names no outlet around it ("Updated … Posted …").
      // The time left after the date is no part of it: "Apr. 24, 2014, 9:49 AM 286,248 40" (view and comment counts) names none.
      const rest = dl?.date.iso === null ? '' : withoutTime(dl?.rest ?? '');
      if (
        b.rule === 'date line' &&
        !datedByline &&
        !signed &&
        rest &&
        /^\p{Lu}/u.test(rest) &&
        rest.length > 2 &&
        rest.split(' ').length <= OUTLET_WORDS &&
        !rest.split(' ').every((w) => TIME_WORDS.test(w))
      )
        outlets.push({ field: 'outlet', value: rest, rule: 'date line', text: t });
    }
    // Notices in the furniture still say which site this is (after the date line, which names it more directly).
    // A copyright notice inside the body credits a picture ("© Kak"), not the site.
    if (b.boilerplate && b.zone !== 'body') {
      const outlet = siteName(firstGroup(cues.outletLine, t));
      if (outlet) notices.push({ field: 'outlet', value: outlet, rule: 'outlet notice', text: t });
      else if (b.reason === 'page chrome') {
        const m = DOMAIN.exec(t);
        if (m) notices.push({ field: 'outlet', value: m[1]!, rule: 'domain in page chrome', text: t });
      }
    }
  }
  // By-lines that also date the article ("Par Jeanne Dupont le 14.09.2020 à 11h46"), after any date line; one the
  // article's run swallowed counts too ("By X, Executive Editor | Friday June 7, 2013 @ 6:43pm EDT" below menus read
  // as prose), after those of the head.
  const bylineDates: MetaHint[] = [];
  for (const b of page.blocks) {
    if (b.zone === 'tail' || b.reason !== 'byline') continue;
    // A by-line announces its date: a two-digit year is read there too ("By X - 11/19/19 06:56 AM EST").
    const d = findDates(t0(b.text)).find((x) => x.iso) ?? shortYearDate(t0(b.text));
    if (d) bylineDates.push({ field: 'published', value: pageReading(d, datesOfPage()) ?? d.iso!, rule: 'date in the by-line', text: b.text });
  }
  // The site's name: the candidate the page repeats most among date-line outlets, notices and the site's own lines.
  const site = siteNameHint(page.blocks, [...outlets, ...notices]);
  return [...hints, ...bodyBylines.slice(0, 1), ...bylineDates.slice(0, 1), ...origins.head!, ...origins.tail!, ...origins.body!, ...(site ? [site] : [])];
}
