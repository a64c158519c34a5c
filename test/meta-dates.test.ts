// Date parsing: French and English written dates, machine dates, URL dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyrightYear,
  dateLine,
  findDates,
  machineDate,
  pageReading,
  resolveYear,
  shortYearDate,
  urlDate,
  yearlessDateLine,
} from '../src/layout/lexicon/dates.js';
import { analyzeDoc } from '../src/pipeline/analyze.js';

const isoOf = (s: string) => findDates(s).map((d) => d.iso);

test('written dates in French and English', () => {
  assert.deepEqual(isoOf('Mondialisation.ca, 02 mars 2015'), ['2015-03-02']);
  assert.deepEqual(isoOf('Vendredi, 22 Déc. 2017 - 21h15'), ['2017-12-22']);
  assert.deepEqual(isoOf('le 1er janvier 2020'), ['2020-01-01']);
  assert.deepEqual(isoOf('Published Wednesday, November 20, 2019'), ['2019-11-20']);
  assert.deepEqual(isoOf('Nov. 19, 2019 and 2 March 2015'), ['2019-11-19', '2015-03-02']);
  assert.deepEqual(isoOf('mis à jour le 27/06/2019 à 10h'), ['2019-06-27']);
});

test('impossible dates are not dates', () => {
  assert.deepEqual(isoOf('le 31 février 2019'), []);
  assert.deepEqual(isoOf('le 45/13/2019'), []);
});

test('a weekday and day without year takes the year where that weekday fits, among nearby years', () => {
  const [d] = findDates('vendredi 22 décembre');
  assert.equal(d!.iso, null);
  assert.equal(resolveYear(d!, findDates('le 15 janvier 2018')), '2017-12-22');
  assert.equal(resolveYear(d!, []), null);
});

test('machine dates and URL dates', () => {
  assert.equal(machineDate('2019-06-27T10:00:00+02:00'), '2019-06-27');
  assert.equal(machineDate('20190627'), '2019-06-27');
  assert.equal(machineDate('not a date'), null);
  assert.equal(urlDate('https://aoc.media/opinion/2019/12/09/pour-le-neoliberalisme/'), '2019-12-09');
  assert.equal(urlDate('https://www.20minutes.fr/societe/4060503-20231102-tempete'), '2023-11-02');
  assert.equal(urlDate('https://example.org/2019/12/'), null);
});

test('a two-digit year is read on an announced date line only, and the announced date line beats later bare ones', () => {
  assert.equal(shortYearDate('Publié le 27 Mar 20 à 9:21')?.iso, '2020-03-27');
  assert.equal(shortYearDate('Published 5 Dec. 17, 10:02')?.iso, undefined);
  assert.deepEqual(isoOf('Publié le 27 Mar 20 à 9:21'), []);
  const text = [
    'Jeudi 2 novembre 2023',
    'Le titre de la page qui est assez long',
    'Publié le 29 octobre 2023 à 04h28',
    '23 octobre 2023',
    'Le syndicat et le constructeur ont conclu un accord provisoire sur une nouvelle convention collective, ont annoncé les deux parties samedi soir.',
  ].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'x.txt' }).meta.published, '2023-10-29');
});

test('a numeric date whose second number is above 12 is month/day ("11.14.2019"), whichever order the page uses', () => {
  assert.deepEqual(isoOf('11.14.2019 09:00 AM'), ['2019-11-14']);
  assert.deepEqual(isoOf('14.11.2019'), ['2019-11-14']);
  assert.deepEqual(
    findDates('11/14/2019', false).map((d) => d.iso),
    ['2019-11-14'],
  );
});

test('a date line may carry its update too: the earliest date is the publication', () => {
  assert.equal(dateLine('Nov. 21, 2019Updated: Nov. 20, 2019 1:35 a.m.')?.date.iso, '2019-11-20');
  assert.equal(dateLine('Publié le 3 mars 2020, mis à jour le 5 mars 2020')?.date.iso, '2020-03-03');
  // Three dates on a line are a list, not a date line.
  assert.equal(dateLine('3 mars 2020, 4 mars 2020, 5 mars 2020'), undefined);
});

test('a time glued to the year by a text browser ("Nov 15, 20195:45 AM") still ends the date; a five-digit number is no year', () => {
  assert.deepEqual(isoOf('Nov 15, 20195:45 AM'), ['2019-11-15']);
  assert.deepEqual(isoOf('le 3 mars 20201 fois'), []);
});

test('published and updated dates glued by a text browser ("20 janvier 202020 janvier 2020") end at the year', () => {
  assert.deepEqual(isoOf('Politique 20 janvier 202020 janvier 2020évaluation'), ['2020-01-20']);
  assert.deepEqual(isoOf('Nov 18, 201919 Nov 2019'), ['2019-11-18']);
});

test('a date line without its year ("Nov 18", "Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM"): the earliest, year left open', () => {
  const d = yearlessDateLine('Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM', true)?.date;
  assert.deepEqual([d?.iso, d?.month, d?.day], [null, 11, 18]);
  assert.equal(yearlessDateLine('18 nov.', false)?.date.day, 18);
  // A year after the day, or a line of words around a date, is no year-less date line.
  assert.equal(yearlessDateLine('Nov 18, 2019', false), undefined);
  assert.equal(yearlessDateLine('Nov 18, 19', false), undefined);
  assert.equal(yearlessDateLine('The vote on May 2 was postponed again', false), undefined);
  assert.equal(copyrightYear(['© 2019 Cleveland.com. All rights reserved', 'Copyright 2005-2020 Exemple']), 2020);
  assert.equal(copyrightYear(['Tous droits réservés']), null);
});

test('a page copied from a browser: a year-less date beside the by-line takes the year of the copyright notice', () => {
  const body = 'The council approved the construction of the new bridge on Tuesday, which will open within two years according to the mayor.';
  const text = [
    'Sports • News • Weather',
    'New bridge approved by the council',
    'By Jeanne Dupont',
    'Nov 18',
    body,
    body.replace('Tuesday', 'Monday'),
    '© 2019 Example News. All rights reserved.',
  ].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.published, '2019-11-18');
  // Without a copyright year the day stays unknown rather than guessed.
  assert.equal(analyzeDoc({ text: text.replace('© 2019 ', ''), path: 'page.txt' }, { stages: [] }).meta.published, null);
});

test('a two-digit year in figures is read on announced lines ("By X - 11/19/19 06:56 AM")', () => {
  assert.equal(shortYearDate('By Dana Wells - 11/19/19 06:56 AM EST')?.iso, '2019-11-19');
  assert.equal(shortYearDate('Publié le 27.03.20')?.iso, '2020-03-27');
  assert.equal(shortYearDate('version 1.2.3'), undefined);
  assert.deepEqual(isoOf('11/19/19'), []);
});

test('a two-digit year in figures is a date anywhere when the weekday written before it falls on it', () => {
  assert.deepEqual(isoOf('mardi 10.12.19'), ['2019-12-10']);
  assert.deepEqual(isoOf('Tue 11/19/19'), ['2019-11-19']);
  // 10 December 2019 was a Tuesday, not a Monday: no date.
  assert.deepEqual(isoOf('lundi 10.12.19'), []);
});

test('the date of the by-line beats the day printed in the header above it; a date line right below the headline beats teasers', () => {
  const body = 'The council approved the construction of the new bridge on Tuesday, which will open within two years according to the mayor.';
  const page = (head: string[]) => analyzeDoc({ text: [...head, body, body.replace('Tuesday', 'Monday')].join('\n\n'), path: 'page.txt' }, { stages: [] }).meta;
  const signed = page(['Wed, Nov 20, 2019', 'Sports • News • Weather', 'New bridge approved by the council', 'By Jeanne Dupont On 11/13/19 at 4:00 PM EST']);
  assert.equal(signed.published, '2019-11-13');
  assert.deepEqual(signed.authors, ['Jeanne Dupont']);
  const teased = page(['New bridge approved by the council', 'November 20, 2019 13:42', 'Old bridge closed for repairs', 'June 15, 2010']);
  assert.equal(teased.published, '2019-11-20');
});

test('a news agency before the date of the date line credits the article; a handle beside the date line signs it', () => {
  const body = 'The council approved the construction of the new bridge on Tuesday, which will open within two years according to the mayor.';
  const page = (head: string[]) => analyzeDoc({ text: [...head, body, body.replace('Tuesday', 'Monday')].join('\n\n'), path: 'page.txt' }, { stages: [] }).meta;
  assert.deepEqual(page(['New bridge approved by the council', 'Reuters November 18, 2019 11:03 PM']).authors, ['Reuters']);
  assert.deepEqual(page(['New bridge approved by the council', 'Published Tue, Nov 19 2019 7:05 AM EST', 'Dana Wells@danawells']).authors, ['Dana Wells']);
});

test('html2text draws the spaces of a linked date as underscores ("Jeudi 2_novembre_2023"); a linked caption is no date line', () => {
  assert.deepEqual(isoOf('Jeudi 2_novembre_2023'), ['2023-11-02']);
  assert.deepEqual(isoOf('Published_November_20,_2019'), ['2019-11-20']);
  assert.equal(dateLine('defends_during_the_second_half_of_a_game_Tuesday,_Nov._19,_2019,_in_Memphis,'), undefined);
});

test('a date line right below a credit the article run swallowed dates the article', () => {
  const body = 'The council approved the construction of the new bridge on Tuesday, which will open within two years according to the mayor.';
  const menu = 'Sports news weather traffic opinion business entertainment lifestyle travel food health science technology video podcasts.';
  // Seven menus read as prose open the run; the by-line ends its opening (8 blocks) and the date line lies just past it.
  const menus = Array.from({ length: 7 }, () => menu);
  const text = [...menus, 'New bridge approved by the council', 'By Jeanne Dupont', 'Updated 3:27 am PST, Wednesday, November 20, 2019', body].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.published, '2019-11-20');
});

/** The metadata of a scraped page: its head lines above two paragraphs of body. */
const metaOfPage = (head: string[], body: string) =>
  analyzeDoc({ text: [...head, body, `${body} Les travaux reprendront.`].join('\n\n'), path: 'page.txt' }, { stages: [] }).meta;

test('a line saying when the article was updated never beats the date of its by-line, abbreviated month or not', () => {
  const body = 'Le Conseil a annoncé mardi qu’il renonçait au projet de tunnel sous la rade, faute de financement, après des années de débat.';
  const page = (head: string[]) => metaOfPage(head, body);
  const fr = page(['Mis à jour le 7 décembre 2024', 'Politique', 'Le canton renonce à son tunnel', 'Par Jeanne Dupont, 12 déc. 2017, 18h05']);
  assert.equal(fr.published, '2017-12-12');
  assert.deepEqual(fr.authors, ['Jeanne Dupont']);
  const en = page(['Updated: December 7, 2024', 'Council drops the tunnel plan', 'By John Smith', 'Dec. 12, 2017 6:05 PM']);
  assert.equal(en.published, '2017-12-12');
  // The crawl date printed above the article, not announced, yields to the by-line's date too.
  assert.equal(page(['07.12.2024 10:31', 'Le canton renonce à son tunnel', 'Jeanne Dupont', '12 déc. 2017 à 18h05']).published, '2017-12-12');
  // Alone, the update line still dates the article.
  assert.equal(page(['Le canton renonce à son tunnel', 'Mis à jour le 7 décembre 2024']).published, '2024-12-07');
});

test('a date line may end with counters (views, comments), and a line of "|"-separated parts holding a date is a date line', () => {
  assert.equal(dateLine('Sep. 21, 2011, 3:17 PM | 1,209 | 5')?.date.iso, '2011-09-21');
  assert.equal(dateLine('Home | News | Sports | 1,209 | 5'), undefined);
  const body = 'The city council voted on Tuesday night to close the public pool for repairs, after two years of debate over its cost.';
  const m = metaOfPage(['Pool closes for repairs', 'John Smith | Sep. 21, 2011, 3:17 PM | 1,209 |  5'], body);
  assert.equal(m.published, '2011-09-21');
});

test('figures that read either way are read as the page reads its dates', () => {
  const byline = shortYearDate('By Jane Miller | 10/9/10 7:15 AM EDT')!;
  assert.equal(byline.iso, '2010-09-10');
  // A comment's date written with its month's name falls on the month-first reading.
  assert.equal(pageReading(byline, findDates('Oct. 9, 2010 - 7:28 AM EST')), '2010-10-09');
  // Unambiguous figures elsewhere put the month first (second number above 12), or the day first.
  assert.equal(pageReading(byline, findDates('Posted 11/19/2010')), '2010-10-09');
  assert.equal(pageReading(byline, findDates('Publié le 19/11/2010')), '2010-09-10');
  // Nothing to agree with, or one reading only: as read.
  assert.equal(pageReading(byline, []), '2010-09-10');
  const only = findDates('le 27/06/2019')[0]!;
  assert.equal(pageReading(only, findDates('June 28, 2019')), '2019-06-27');
  const body = 'The city council voted on Tuesday night to close the public pool for repairs, after two years of debate over its cost.';
  const m = metaOfPage(['Pool closes for repairs', 'By Jane Miller | 10/9/10 7:15 AM EDT'], `${body} Comments: Oct. 9, 2010 - 7:28 AM EST`);
  assert.equal(m.published, '2010-10-09');
});
