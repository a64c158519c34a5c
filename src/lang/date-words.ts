// The words of lang/<code>/dates.tsv (month names and abbreviations, weekday
// names, ordinal suffixes) as lookup tables. Two readers need them: the date
// finder of the page layout (« 22 déc. 2017 », "Nov. 19, 2019") and the
// language-neutral date keys of entities (« date:mars » = "date:--03").

export interface DateWords {
  /** Month word → 1…12. */
  months: Map<string, number>;
  /** Weekday word → 0 (Sunday) … 6, as dates.tsv writes it (JavaScript's getUTCDay). */
  weekdays: Map<string, number>;
  /** Ordinal suffixes ("th", « er »). */
  ordinals: string[];
}

export function emptyDateWords(): DateWords {
  return { months: new Map(), weekdays: new Map(), ordinals: [] };
}

/** Adds the words of dates.tsv rows (kind, word, value) to `into`, each word folded by `fold`. */
export function addDateWords(into: DateWords, rows: string[][], fold: (word: string) => string): DateWords {
  for (const [kind, word, value] of rows) {
    if (!word) continue;
    if (kind === 'month') into.months.set(fold(word), Number(value));
    else if (kind === 'weekday') into.weekdays.set(fold(word), Number(value));
    else if (kind === 'ordinal') into.ordinals.push(fold(word));
  }
  return into;
}
