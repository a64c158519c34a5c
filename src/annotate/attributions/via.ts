// Intermediaries: the medium or channel that carries a statement ("à l'AFP",
// "pour l'agence Fars", "dans un communiqué", "sur Twitter", "au site X").
import type { Syntax } from '../syntax/index.js';
import { npForward } from '../syntax/phrases.js';
import type { Word } from '../syntax/words.js';
import type { AttributionLexicon } from './lexicon.js';

export interface WordRange {
  first: number;
  last: number;
}

/** Length of an outlet name (kb/actors.<code>.json) starting at word i, or 0 (case-sensitive). */
export function mediaNameAt(words: Word[], i: number, lex: AttributionLexicon): number {
  const w = words[i];
  if (!w) return 0;
  const list = lex.media.get(w.text);
  if (!list) return 0;
  outer: for (const parts of list) {
    for (let k = 1; k < parts.length; k++) if (words[i + k]?.text !== parts[k]) continue outer;
    return parts.length;
  }
  return 0;
}

/** First word of a noun phrase that is not a determiner, or the noun a name premodifies (`premodifiedHead`). */
export function headOf(syntax: Syntax, r: WordRange): number {
  let k = r.first;
  const g = syntax.lex.g;
  // "un haut gradé", "l'ancien ministre": a prenominal adjective is no head.
  while (
    k < r.last &&
    (syntax.lex.determiners.has(syntax.words[k]!.lower) || /^\d/.test(syntax.words[k]!.text) || g.prenominalAdjectives.has(syntax.words[k]!.lower))
  )
    k++;
  return premodifiedHead(syntax, k, r.last) ?? k;
}

/**
 * "Ukrainian officials", "Kremlin military sources": where names premodify nouns (grammar.json `namesPremodify`), the
 * last of the lowercase words after a name opening the phrase at k, up to a preposition or link, is its head; null
 * when no such word follows or another name comes after them ("Kremlin spokesman Dmitry Peskov" names Peskov).
 */
export function premodifiedHead(syntax: Syntax, k: number, last: number): number | null {
  const c = syntax.chunkOf[k] ?? -1;
  if (!syntax.lex.g.namesPremodify || c < 0) return null;
  const lex = syntax.lex;
  let h = -1;
  for (let j = syntax.names[c]!.last + 1; j <= last; j++) {
    const w = syntax.words[j]!;
    if (syntax.chunkOf[j]! >= 0) return null;
    if (w.kind !== 'word' || w.cap || lex.prepositions.has(w.lower) || lex.npLinks.has(w.lower) || lex.g.and.has(w.lower)) break;
    h = j;
  }
  return h >= 0 ? h : null;
}

/** Does the noun phrase name an outlet, channel, document or audience? */
export function isMedium(syntax: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (mediaNameAt(syntax.words, k, lex) > 0) return true;
  const head = syntax.words[headOf(syntax, r)]!.lower;
  const role = lex.roles.get(head);
  return role?.kind === 'media' || role?.kind === 'document' || lex.audience.has(head);
}

/**
 * "dans un communiqué publié jeudi", "in a statement": a document of the speaker's own, naming no one, is the channel
 * the speaker used, not an intermediary between the speaker and the outlet (« dans une dépêche de l'AFP » names one).
 */
export function isOwnDocument(syntax: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (syntax.chunkOf[k]! >= 0 || mediaNameAt(syntax.words, k, lex) > 0) return false;
  return lex.roles.get(syntax.words[headOf(syntax, r)]!.lower)?.kind === 'document';
}

/**
 * "told reporters", « a déclaré aux journalistes », "in an interview", "at a news conference": an audience or occasion
 * naming no outlet (attribution-grammar.json `audience`) is whom or where the speaker spoke, not an intermediary that
 * relays the statement (« au micro de France Inter », "in an interview with CNN" name one). Newcomer trial, session 13.
 */
export function isAudience(syntax: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (syntax.chunkOf[k]! >= 0 || mediaNameAt(syntax.words, k, lex) > 0) return false;
  return lex.audience.has(syntax.words[headOf(syntax, r)]!.lower);
}

/**
 * A medium phrase starting at word i ("à l'AFP", "dans un communiqué", "sur Twitter").
 * With `anyName`, "sur/pour + a name" counts too (a programme or outlet not listed).
 */
export function viaAt(syntax: Syntax, lex: AttributionLexicon, i: number): WordRange | null {
  const w = syntax.words[i];
  // A capital "A" opening a sentence is "À" without its accent ("A l'antenne de X, …").
  const grammar = syntax.lex.g;
  if (!w || !(lex.mediumPrepositions.has(w.lower) || (grammar.unaccentedMediumPrepositions.has(w.text) && syntax.first[w.sentence] === i))) return null;
  let at = i + 1;
  // "auprès de l'AFP", "lors d'une conférence de presse"
  const of = syntax.words[at]?.lower ?? '';
  if (grammar.mediumPrepositionsWithOf.has(w.lower) && (grammar.ofBare.has(of) || grammar.ofContracted.has(of))) at++;
  let last = npForward(syntax, at);
  if (last < 0) return null;
  // "dans un communiqué publié jeudi": the participle describes the medium, it is not part of its name.
  for (let k = at + 1; k <= last; k++) {
    if (lex.viaParticiples.has(syntax.words[k]!.lower) && syntax.chunkOf[k]! < 0) {
      last = k - 1;
      break;
    }
  }
  const r = { first: at, last };
  // "à l'AFP Olivier Bogillot": the medium ends with its name; the next name is the speaker.
  for (let k = at; k <= last; k++) {
    const len = mediaNameAt(syntax.words, k, lex);
    if (len > 0 && k + len <= last && syntax.chunkOf[k + len]! >= 0) return { first: at, last: k + len - 1 };
  }
  if (isMedium(syntax, lex, r)) return r;
  // "sur Europe 1", "pour Arabi-Press": a named programme or outlet.
  if (grammar.namedMediumPrepositions.has(w.lower) && syntax.chunkOf[headOf(syntax, r)]! >= 0) return r;
  return null;
}
