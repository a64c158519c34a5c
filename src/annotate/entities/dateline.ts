// Wire datelines: "PARIS (Reuters) - …", "LONDON, March 3 (AP) — …", "Lyon (AFP) – …". The words
// opening a line before a bracketed credit (one to MAX_CREDIT capitalised words) and a dash are the
// place the story was filed from, whatever the tagger makes of an all-capital word ("PARIS" typed
// ORG next to "(Reuters)"). Only the shape is read, so it holds for every language; a line that
// opens with a name in any other shape ("Emmanuel Macron (LREM) a dit") is left to the tagger.

/** Words of the place ("LOS ANGELES", "SAINT-DENIS", "RIO DE JANEIRO"). */
const MAX_PLACE = 4;
/** Words between the place's comma and the bracket: a date ("12 mars", "March 3", "12 mars 2024"). */
const MAX_DATE = 5;
/** Capitalised words of the credit ("Reuters", "AFP", "Belga", "Thomson Reuters"). */
const MAX_CREDIT = 3;

const CAPITALISED = /^\p{Lu}/u;
/** A word of the place: capitalised, letters, hyphens and apostrophes ("SAINT-DENIS", "L'AQUILA"). */
const PLACE_WORD = /^\p{Lu}[\p{L}'’-]*$/u;
const LOWER_CONNECTOR = /^\p{Ll}{1,3}$/u;
const DASH = /^[-–—]$/;
const DATE_WORD = /^[\p{L}\d.]+$/u;

export interface DatelinePlace {
  first: number;
  last: number;
}

/**
 * The place of each dateline: `forms` are the token forms, `lineStart[i]` is 1 when token i opens a
 * line. Linear: each line start reads at most MAX_PLACE + MAX_DATE + MAX_CREDIT + 4 tokens.
 */
export function datelinePlaces(forms: readonly string[], lineStart: (i: number) => boolean): DatelinePlace[] {
  const out: DatelinePlace[] = [];
  const n = forms.length;
  for (let i = 0; i < n; i++) {
    if (!lineStart(i) || !PLACE_WORD.test(forms[i]!)) continue;
    // The place: capitalised words, with short lowercase connectors inside ("RIO de JANEIRO" is rare; "Rio de Janeiro").
    let last = i;
    while (last + 1 < n && last + 1 - i < MAX_PLACE && !lineStart(last + 1) && (PLACE_WORD.test(forms[last + 1]!) || LOWER_CONNECTOR.test(forms[last + 1]!)))
      last++;
    while (last > i && !CAPITALISED.test(forms[last]!)) last--;
    let k = last + 1;
    // An optional date after a comma: "PARIS, 12 mars (Reuters)".
    if (forms[k] === ',') {
      k++;
      const from = k;
      while (k < n && k - from < MAX_DATE && !lineStart(k) && DATE_WORD.test(forms[k]!)) k++;
      if (k === from) continue;
    }
    if (forms[k] !== '(' || lineStart(k)) continue;
    k++;
    const from = k;
    while (k < n && k - from < MAX_CREDIT && !lineStart(k) && CAPITALISED.test(forms[k]!)) k++;
    if (k === from || forms[k] !== ')' || k + 1 >= n || !DASH.test(forms[k + 1]!) || lineStart(k + 1)) continue;
    out.push({ first: i, last });
    i = k + 1;
  }
  return out;
}
