// Shallow phrase scanning over words: skipping adverbials, finite-verb tests,
// and noun phrases scanned forwards (inverted subjects, agents, objects) or
// backwards (preverbal subjects, antecedents of "qui"). Every scan is bounded.
import type { Syntax } from './index.js';
import { adverbByForm } from '../../lang/grammar.js';
import { FORM_AUX, FORM_AUX_3RD, FORM_FINITE, FORM_GERUND, FORM_PARTICIPLE } from './lexicon.js';
import { CLOSE_QUOTES, OPEN_QUOTES, isPunct, type Word } from './words.js';

/** A year as a number word ("2011"). */
const YEAR = /^(1[89]|20)\d\d$/;

/** Longest noun phrase considered (words). */
export const MAX_NP = 16;

/** Length of the phrase from `phrases` (by first word) that starts at word i, or 0. */
export function phraseAt(words: Word[], i: number, phrases: Map<string, string[][]>): number {
  const w = words[i];
  if (!w) return 0;
  const list = phrases.get(w.lower);
  if (!list) return 0;
  outer: for (const p of list) {
    for (let k = 1; k < p.length; k++) {
      const n = words[i + k];
      if (!n || n.lower !== p[k] || n.sentence !== w.sentence) continue outer;
    }
    return p.length;
  }
  return 0;
}

/** Length of the phrase from `phrases` that ends at word i, or 0. */
export function phraseEndingAt(words: Word[], i: number, phrases: Map<string, string[][]>): number {
  for (let len = 4; len >= 1; len--) {
    const s = i - len + 1;
    if (s < 0) continue;
    if (phraseAt(words, s, phrases) === len) return len;
  }
  return 0;
}

/**
 * An adverb in -ment ("activement", "notamment"), not a noun ("le gouvernement", "du nouveau
 * gouvernement"): nouns follow a determiner or a preposition, directly or after one adjective.
 */
export function isAdverb(sx: Syntax, i: number): boolean {
  const w = sx.words[i]!;
  if (w.kind !== 'word' || w.cap || !adverbByForm(sx.lex.g, w.lower)) return false;
  const nominal = (k: number) => {
    const p = sx.words[k]?.lower ?? '';
    return sx.lex.determiners.has(p) || sx.lex.prepositions.has(p) || sx.lex.npLinks.has(p);
  };
  return !nominal(i - 1) && !nominal(i - 2);
}

/** Skip adverbs, adverbial phrases, negation and time words forwards from i (same sentence). */
export function skipForward(sx: Syntax, i: number, opts: { negation?: boolean } = {}): number {
  const { words, lex } = sx;
  const s = words[i]?.sentence;
  for (let guard = 0; guard < 8 && i < words.length && words[i]!.sentence === s; guard++) {
    const w = words[i]!;
    // A name is never an adverbial ("La Dépêche du Midi").
    if (sx.chunkOf[i]! >= 0) break;
    const len = phraseAt(words, i, lex.skippable);
    if (len > 0) i += len;
    else if (isAdverb(sx, i) || (opts.negation !== false && lex.negation.has(w.lower))) i++;
    else break;
  }
  return i;
}

/** Skip the same backwards from i; returns the first index not skipped (may be i). */
export function skipBackward(sx: Syntax, i: number): number {
  const { words, lex } = sx;
  const s = words[i]?.sentence;
  for (let guard = 0; guard < 8 && i >= 0 && words[i]!.sentence === s; guard++) {
    const w = words[i]!;
    if (sx.chunkOf[i]! >= 0) break;
    const len = phraseEndingAt(words, i, lex.skippable);
    if (len > 0) i -= len;
    else if (isAdverb(sx, i) || lex.negation.has(w.lower) || lex.g.reflexives.has(w.lower)) i--;
    else break;
  }
  return i;
}

/**
 * Is word i used as a noun after a determiner ("l'annonce", "la note", "son rapport")?
 * "le/la/les/l'" are object clitics instead after a subject pronoun or "ne" ("il l'annonce").
 */
export function afterDeterminer(sx: Syntax, i: number): boolean {
  const prev = sx.words[i - 1];
  if (!prev || prev.sentence !== sx.words[i]!.sentence || !sx.lex.determiners.has(prev.lower)) return false;
  if (!sx.lex.objectClitics.has(prev.lower)) return true;
  // "le ministre les assure que …": a clitic before a verb form that opens a que-clause.
  if (sx.lex.complementizers.has(sx.words[i + 1]?.lower ?? '') && sx.lex.verbs.has(sx.words[i]!.lower)) return false;
  // "leur a répondu", "l'a dit": a third-person auxiliary after a clitic is a verb ("les avions" stays a noun).
  if (!sx.lex.g.auxiliaryParticiples.has(sx.words[i]!.lower) && sx.formFlags[i]! & FORM_AUX_3RD) return false;
  const before = sx.words[i - 2]?.lower ?? '';
  return !(sx.lex.subjectPronouns.has(before) || sx.lex.negation.has(before) || sx.lex.boundaries.has(before));
}

/** A finite verb form (auxiliary, modal or cue) not used as a noun ("la note", "l'été"). Memoised per word. */
export function isFiniteVerb(sx: Syntax, i: number): boolean {
  const memo = sx.finite[i];
  if (memo) return memo === 1;
  const yes = finiteVerb(sx, i);
  sx.finite[i] = yes ? 1 : 2;
  return yes;
}

function finiteVerb(sx: Syntax, i: number): boolean {
  // Callers look at neighbours (i - 1, i + 1), which may be past either end of the text.
  const w = sx.words[i];
  if (!w || w.cap || w.kind !== 'word') return false;
  const forms = sx.forms[i];
  if (!forms && !sx.lex.finite.has(w.lower)) return false;
  if (afterDeterminer(sx, i)) return false;
  // A form known only from the generated list right after a verb is its object ("a fait | référence"),
  // and right before one an adjective ("le groupe rebelle | a affirmé"); a capitalised word inside a sentence is a
  // name, no verb ("the United States | wanted").
  const verbAt = (k: number) => sx.forms[k] !== undefined && !(sx.words[k]!.cap && sx.first[sx.words[k]!.sentence] !== k);
  if (!forms && (verbAt(i - 1) || verbAt(i + 1))) return false;
  return !forms || (sx.formFlags[i]! & FORM_FINITE) !== 0;
}

/** Words that end a noun phrase. */
function stopsNp(sx: Syntax, i: number, forward: boolean): boolean {
  const w = sx.words[i]!;
  const { lex } = sx;
  if (w.kind === 'punct' && w.text !== '-' && w.text !== '(' && w.text !== ')') return true;
  // A spaced dash separates ("(Reuters) - Britain said"); a hyphen joins ("Saint-Denis").
  if (w.text === '-' && sx.text[w.start - 1] === ' ' && sx.text[w.end] === ' ') return true;
  if (OPEN_QUOTES.has(w.text) || CLOSE_QUOTES.has(w.text)) return true;
  if (sx.chunkOf[i]! >= 0) return false;
  if (lex.boundaries.has(w.lower) || lex.subjectPronouns.has(w.lower)) return true;
  if (isFiniteVerb(sx, i)) return true;
  // "la gendarmerie de Concarneau | précisant que …": a present participle starts a new phrase.
  if (forward && sx.formFlags[i]! & FORM_GERUND) return true;
  // An adverbial ends a phrase ("le ministre | jeudi"), but not after a link ("le Journal du | dimanche").
  const prev = sx.words[i - 1]?.lower ?? '';
  if (
    forward &&
    lex.skippable.has(w.lower) &&
    !lex.npLinks.has(prev) &&
    !lex.determiners.has(prev) &&
    phraseAt(sx.words, i, lex.skippable) > 0 &&
    !lex.determiners.has(w.lower)
  )
    return true;
  return false;
}

/**
 * Noun phrase starting at word i (forwards): determiners, then words up to a
 * stop, crossing "de/du/des/et" links and a trailing "(ACRONYM)". Returns the
 * index of its last word, or -1 when no phrase starts here.
 */
export function npForward(sx: Syntax, i: number, limit = MAX_NP, preps = false): number {
  const { words, lex } = sx;
  const w = words[i];
  if (!w || isPunct(w) || stopsNp(sx, i, true)) return -1;
  const s = w.sentence;
  let last = -1;
  // A phrase opening on a bare name is that name ("Hamilton | au passage de …"), with a number ("Europe 1")
  // or an acronym in brackets ("Eric Woerth (LR)").
  const c = sx.chunkOf[i]!;
  if (c >= 0) {
    let e = sx.names[c]!.last;
    if (words[e + 1]?.kind === 'number' && words[e + 1]!.text.length <= 2 && words[e + 1]!.sentence === s) e++;
    if (words[e + 1]?.text === '(' && words[e + 3]?.text === ')' && words[e + 2]!.cap) e += 3;
    return e;
  }
  for (let j = i; j < words.length && j < i + limit && words[j]!.sentence === s; j++) {
    const x = words[j]!;
    if (x.text === '(') {
      const close = words[j + 2];
      if (close?.text === ')' && words[j + 1]!.cap) {
        last = j + 2;
        j += 2;
        continue;
      }
      break;
    }
    if (stopsNp(sx, j, true)) break;
    // "people familiar with | the matter": a postmodifier and its noun phrase stay inside the phrase.
    const post = j > i && sx.chunkOf[j]! < 0 ? phraseAt(words, j, lex.postmodifiers) : 0;
    if (post > 0) {
      const n = words[j + post];
      if (!n || n.sentence !== s || isPunct(n)) break;
      j += post - 1;
      continue;
    }
    if (sx.chunkOf[j]! < 0 && lex.prepositions.has(x.lower) && !lex.npLinks.has(x.lower) && j > i) {
      const n = words[j + 1];
      // With `preps`, a complement phrase stays inside: "présidente de la Fondation européenne pour le climat".
      if (!preps || !n || n.sentence !== s || !(lex.determiners.has(n.lower) || sx.chunkOf[j + 1]! >= 0)) break;
      continue;
    }
    // A determiner after a noun opens the next phrase: "dans un communiqué | le premier ministre".
    if (j > i && lex.determiners.has(x.lower) && !lex.npLinks.has(x.lower) && sx.chunkOf[j]! < 0) {
      const p = words[j - 1]!.lower;
      if (!lex.determiners.has(p) && !lex.npLinks.has(p) && !lex.prepositions.has(p)) break;
    }
    if (lex.npLinks.has(x.lower) && j > i) {
      const n = words[j + 1];
      if (!n || n.sentence !== s || stopsNp(sx, j + 1, true)) break;
      // "de" + infinitive starts a complement, not a noun: "accuse X de mentir", "demande à la cour de ne pas oublier".
      if (
        lex.g.deInfinitiveLinks.has(x.lower) &&
        ((lex.g.deInfinitive.test(n.lower) && !n.cap && !lex.determiners.has(n.lower)) || lex.g.negationParticles.has(n.lower))
      )
        break;
      if (lex.g.and.has(x.lower) && !(n.cap || lex.determiners.has(n.lower) || /^\d/.test(n.text))) break;
      continue;
    }
    last = j;
  }
  // Never end on a determiner or link.
  while (last >= i && (lex.determiners.has(words[last]!.lower) || lex.npLinks.has(words[last]!.lower))) last--;
  return last >= i ? last : -1;
}

/**
 * Noun phrase ending at word `end` (backwards), for subjects and antecedents.
 * Crosses "de/du/des/et" links; with `preps`, any preposition (antecedents:
 * "les responsables locaux dans cette province qui …"). Returns its first
 * word index, or -1.
 */
export function npBackward(sx: Syntax, end: number, preps = false, limit = MAX_NP): number {
  const { words, lex } = sx;
  // "Eric Woerth (LR) a reproché": a parenthesis closing the phrase belongs to it.
  if (words[end]?.text === ')' && words[end - 2]?.text === '(' && end >= 3) return npBackward(sx, end - 3, preps, limit);
  const w = words[end];
  if (!w || isPunct(w) || stopsNp(sx, end, false)) return -1;
  const s = w.sentence;
  let first = end;
  for (let j = end - 1; j >= 0 && j > end - limit && words[j]!.sentence === s; j--) {
    const x = words[j]!;
    if (x.text === ')' || x.text === '(') {
      if (x.text === ')' && words[j - 2]?.text === '(') {
        j -= 2;
        first = j;
        continue;
      }
      break;
    }
    if (stopsNp(sx, j, false)) break;
    // A participle after an auxiliary ends the phrase: "a indiqué | la gendarmerie".
    if (sx.formFlags[j]! & FORM_PARTICIPLE && j > 0 && sx.formFlags[j - 1]! & FORM_AUX) break;
    if (sx.chunkOf[j]! < 0 && lex.prepositions.has(x.lower) && !lex.npLinks.has(x.lower) && !lex.determiners.has(x.lower)) {
      // With `preps` a complement stays in ("les responsables locaux dans cette province"), but not an agent
      // or adverbial after a participle ("empoisonné par des agriculteurs").
      const before = words[j - 1];
      if (!preps || !before || lex.g.agentParticiple.test(before.lower)) break;
    }
    first = j;
  }
  // Trim leading links and prepositions: a noun phrase starts at a determiner, a name, a number or a noun.
  const leading = (k: number) =>
    sx.chunkOf[k]! < 0 && !lex.determiners.has(words[k]!.lower) && (lex.npLinks.has(words[k]!.lower) || lex.prepositions.has(words[k]!.lower));
  while (first < end && leading(first)) first++;
  // A sentence-initial adverbial ("En novembre des sources …", "In 2011 the minister …", « Le 3 mai le ministre … ») is
  // not part of the subject: a date (a year or a time word among numbers and determiners) before a determiner is left out.
  let dated = false;
  for (let k = first; k < end && sx.chunkOf[k]! < 0; k++) {
    const x = words[k]!;
    const time = YEAR.test(x.text) || lex.timeWords.has(x.lower);
    if (!(time || x.kind === 'number' || lex.determiners.has(x.lower))) break;
    dated ||= time;
    if (dated && k > first && lex.determiners.has(x.lower) && !lex.determiners.has(words[k - 1]!.lower)) return k;
  }
  return first;
}
