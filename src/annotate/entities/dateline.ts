// Wire datelines: "PARIS (Reuters) - …", "LONDON, March 3 (AP) — …", "Lyon (AFP) – …". The words
// opening a line before a bracketed credit (one to MAX_CREDIT capitalised words) and a dash are the
// place the story was filed from, whatever the tagger makes of an all-capital word ("PARIS" typed
// ORG next to "(Reuters)"). Only the shape is read, so it holds for every language; a line that
// opens with a name in any other shape ("Emmanuel Macron (LREM) a dit") is left to the tagger.
// Old newspapers run their dispatches on without a line break and date them by the day alone:
// "… diplomatique LONDRES. 15 (Havas). — On mande", "JERUSALEM, 24 (Reuter). —". Inside a line a
// dateline needs that shape: a place in capitals, a comma or period, a day number, the credit.

/** Words of the place ("LOS ANGELES", "SAINT-DENIS", "RIO DE JANEIRO"). */
const MAX_PLACE = 4;
/** Words between the place's comma and the bracket: a date ("12 mars", "March 3", "12 mars 2024"). */
const MAX_DATE = 5;
/** Capitalised words of the credit ("Reuters", "AFP", "Belga", "Thomson Reuters"). */
const MAX_CREDIT = 3;

const CAPITALISED = /^\p{Lu}/u;
/** A word of the place: capitalised, letters, hyphens and apostrophes ("SAINT-DENIS", "L'AQUILA"). */
const PLACE_WORD = /^\p{Lu}[\p{L}'’-]*$/u;
/** A word in capitals: two letters or more, no lowercase ("LONDRES", "TEL-AVIV"). */
const CAPITALS_WORD = /^\p{Lu}[\p{Lu}'’-]*\p{Lu}$/u;
const LOWER_CONNECTOR = /^\p{Ll}{1,3}$/u;
const DASH = /^[-–—]$/;
const DATE_WORD = /^[\p{L}\d.]+$/u;
/** A day of the month, as old dispatches date themselves ("LONDRES, 15 (Havas)"). */
const DAY = /^\d{1,2}$/;

export interface DatelinePlace {
  first: number;
  last: number;
  /** the credit's words inside the brackets ("Reuters", "Havas") */
  credit: { first: number; last: number };
  /** whether the dateline opens a line (else it runs on inside one, in capitals with a day number) */
  lineStart: boolean;
}

/**
 * The place of each dateline: `forms` are the token forms, `lineStart[i]` is 1 when token i opens a
 * line. Linear: each candidate start reads at most MAX_PLACE + MAX_DATE + MAX_CREDIT + 5 tokens.
 */
export function datelinePlaces(forms: readonly string[], lineStart: (i: number) => boolean): DatelinePlace[] {
  const out: DatelinePlace[] = [];
  const n = forms.length;
  for (let i = 0; i < n; i++) {
    const opens = lineStart(i);
    // Inside a line, a run of capitals is read from its first word only.
    if (opens ? !PLACE_WORD.test(forms[i]!) : !CAPITALS_WORD.test(forms[i]!) || (i > 0 && CAPITALS_WORD.test(forms[i - 1]!))) continue;
    const word = opens ? PLACE_WORD : CAPITALS_WORD;
    // The place: capitalised words, with short lowercase connectors inside ("RIO de JANEIRO" is rare; "Rio de Janeiro").
    let last = i;
    while (
      last + 1 < n &&
      last + 1 - i < MAX_PLACE &&
      !lineStart(last + 1) &&
      (word.test(forms[last + 1]!) || (opens && LOWER_CONNECTOR.test(forms[last + 1]!)))
    )
      last++;
    while (last > i && !CAPITALISED.test(forms[last]!)) last--;
    let k = last + 1;
    // An optional date after a comma: "PARIS, 12 mars (Reuters)"; inside a line, a day after a comma or period: "LONDRES. 15 (Havas)".
    if (forms[k] === ',' || (!opens && forms[k] === '.')) {
      k++;
      const from = k;
      while (k < n && k - from < MAX_DATE && !lineStart(k) && DATE_WORD.test(forms[k]!)) k++;
      if (k === from || (!opens && (k !== from + 1 || !DAY.test(forms[from]!)))) continue;
    } else if (!opens) continue;
    if (forms[k] !== '(' || lineStart(k)) continue;
    k++;
    const from = k;
    while (k < n && k - from < MAX_CREDIT && !lineStart(k) && CAPITALISED.test(forms[k]!)) k++;
    if (k === from || forms[k] !== ')') continue;
    const credit = { first: from, last: k - 1 };
    // The dash, right after the bracket or after a period ("(Havas). —").
    if (forms[k + 1] === '.' && !lineStart(k + 1)) k++;
    if (k + 1 >= n || !DASH.test(forms[k + 1]!) || lineStart(k + 1)) continue;
    out.push({ first: i, last, credit, lineStart: opens });
    i = k + 1;
  }
  return out;
}
