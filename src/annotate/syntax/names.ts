// Proper-name chunks by capitalisation, standalone (no entity layer needed):
// runs of capitalised words joined by name particles ("Wathiq al Batat",
// "ministère de la Défense" → "Défense"), with an optional title ("Mme Psaki").
// A capitalised word opening a sentence is a name only when it is not a known
// common word (determiner, preposition, adverb, day…) or an -ment adverb.
import type { Gender, SyntaxLexicon } from './lexicon.js';
import { adverbByForm } from '../../lang/grammar.js';
import { OPEN_QUOTES, type Word } from './words.js';

export interface NameChunk {
  first: number;
  last: number;
  /** Gender from a title ("M.", "Mme"), else null. */
  gender: Gender;
  /** Index of the title word, or -1. */
  title: number;
}

/** Longest particle run between two capitalised words ("de la" in "Place de la Concorde"). */
const MAX_PARTICLES = 3;

function startsSentence(words: Word[], i: number): boolean {
  const prev = words[i - 1];
  return (
    !prev ||
    prev.sentence !== words[i]!.sentence ||
    OPEN_QUOTES.has(prev.text) ||
    prev.text === '(' ||
    prev.text === ':' ||
    prev.text === '-' ||
    prev.text === '—'
  );
}

function isFirstName(w: Word, lex: SyntaxLexicon): boolean {
  if (lex.firstNames.has(w.text)) return true;
  const h = w.text.indexOf('-');
  return h > 0 && lex.firstNames.has(w.text.slice(0, h));
}

const TWO_LETTERS = /\p{L}{2}/u;

export function isAcronym(w: Word | undefined): boolean {
  if (!w || w.text.length <= 1) return false;
  // An ASCII lowercase letter rules it out before the (Unicode) uppercase copy.
  const t = w.text;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return t === t.toUpperCase() && TWO_LETTERS.test(t);
}

export function isNameWord(words: Word[], i: number, lex: SyntaxLexicon): boolean {
  const w = words[i]!;
  if (!w.cap) return false;
  if (lex.titles.has(w.lower)) return false;
  if (isAcronym(w)) return true;
  // Languages that capitalise days and months ("on Thursday") do not make them names.
  if (lex.g.capitalisedTimeWords && lex.timeWords.has(w.lower)) return false;
  // Inside a sentence a capital marks a name, unless a heading capitalised a function word.
  if (!startsSentence(words, i)) {
    // "le quotidien Le Courrier", "La Croix": a capitalised article opens a title.
    if (lex.determiners.has(w.lower) && words[i + 1]?.cap && words[i + 1]!.sentence === w.sentence) return true;
    return !lex.determiners.has(w.lower) && !lex.prepositions.has(w.lower) && !lex.subjectPronouns.has(w.lower);
  }
  if (lex.nonNames.has(w.lower) || lex.timeWords.has(w.lower)) return false;
  if (adverbByForm(lex.g, w.lower)) return false;
  return true;
}

export function findNames(words: Word[], lex: SyntaxLexicon): { chunks: NameChunk[]; chunkOf: Int32Array } {
  const chunkOf = new Int32Array(words.length).fill(-1);
  const chunks: NameChunk[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    // A title needs a name after it, and a name word is capitalised: test that first (cheapest).
    const isTitle = words[i + 1]?.cap === true && lex.titles.has(w.lower) && isNameWord(words, i + 1, lex);
    if (!isTitle && !isNameWord(words, i, lex)) {
      i++;
      continue;
    }
    const first = i;
    let last = isTitle ? i + 1 : i;
    const c0Title = isTitle ? i : -1;
    // Extend over particles + capitalised words within the sentence.
    for (;;) {
      let j = last + 1;
      let particles = 0;
      while (j < words.length && particles < MAX_PARTICLES && lex.nameParticles.has(words[j]!.lower)) {
        j++;
        particles++;
      }
      const n = words[j];
      // An acronym and a name do not join: "le responsable syndical FO | Jean-François Knepper".
      const mixed = isAcronym(n) !== isAcronym(words[last]);
      // A first name after other capitalised words starts a person's name: "aux Transports | Jean-Baptiste Djebbari".
      const person = n !== undefined && isFirstName(n, lex) && !isFirstName(words[last]!, lex) && c0Title < 0 && words[j + 1]?.cap === true;
      if (n && !mixed && !person && n.sentence === w.sentence && n.kind === 'word' && isNameWord(words, j, lex) && n.start - words[j - 1]!.end <= 1) last = j;
      else break;
    }
    const id = chunks.length;
    chunks.push({ first, last, gender: isTitle ? (lex.titles.get(w.lower) ?? null) : null, title: isTitle ? i : -1 });
    for (let k = first; k <= last; k++) chunkOf[k] = id;
    i = last + 1;
  }
  return { chunks, chunkOf };
}
