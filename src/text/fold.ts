// Accent folding: the one function every part of recoupe uses to make
// "État", "Etat" and "ÉTAT" meet (search, knowledge-base aliases, date words,
// the web API's filters). Language-neutral: canonical decomposition (NFD),
// then every combining mark dropped, as SQLite FTS5's `remove_diacritics 2`
// does. Characters without a decomposition (œ, ß, ł) are kept as they are.

const MARKS = /\p{M}+/gu;

/** Remove diacritics (é → e, ç → c, Å → A); the case is kept. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(MARKS, '');
}

/** Without diacritics and in lower case: the form two spellings of one word share. */
export function foldLower(s: string): string {
  return fold(s).toLowerCase();
}

/**
 * `foldLower`, but the same length as the input, so that offsets found in the
 * folded string are offsets into the input: a character whose folded or
 * lowercased form would change the length ("İ" → "i̇") is kept as it is.
 */
export function foldLowerSameLength(s: string): string {
  let out = '';
  let plain = 0; // start of the current run of ASCII characters, copied in one slice
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 128) continue;
    out += s.slice(plain, i).toLowerCase();
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = foldLower(ch);
    out += folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    i += ch.length - 1;
    plain = i + 1;
  }
  return out + s.slice(plain).toLowerCase();
}
