// Who speaks: the preverbal subject of a cue (with appositions and relative
// "qui"), the inverted subject of an incise ("écrit le site X, citant Y"), or
// a pronoun to resolve later. Noun phrases that end in a person's name after
// a role ("le général russe Valery Gerasimov") keep the role as a description.
import type { Syntax } from '../syntax/index.js';
import { FORM_PARTICIPLE, type Gender } from '../syntax/lexicon.js';
import { cliticPronoun, isPluralPronoun, sequenceAt } from '../../lang/grammar.js';
import { isAdverb, isFiniteVerb, npBackward, npForward, phraseAt, skipBackward, skipForward } from '../syntax/phrases.js';
import type { AttributionLexicon } from './lexicon.js';
import { headOf, viaAt, type WordRange } from './via.js';

export interface SourceRef extends WordRange {
  /** Pronoun speaker ("il", "-t-elle", "lui") with its gender and number, to resolve. */
  pronoun: { gender: Gender; plural: boolean } | null;
  description: WordRange | null;
  /** Intermediaries set off inside the subject phrase ("Jean Dupont, cité par Le Monde, a affirmé"): the candidate's `via`. */
  via?: WordRange[];
}

/** Most comma-separated segments examined left of a cue for appositions. */
const MAX_SEGMENTS = 4;

function pronounSource(syntax: Syntax, i: number, gender: Gender): SourceRef {
  const l = cliticPronoun(syntax.lex.g, syntax.words[i]!.lower);
  return { first: i, last: i, pronoun: { gender, plural: isPluralPronoun(syntax.lex.g, l) }, description: null };
}

/** Is word range [first, last] exactly one name chunk (title included)? */
export function isPureName(syntax: Syntax, r: WordRange): boolean {
  const c = syntax.chunkOf[r.first]!;
  return c >= 0 && syntax.chunkOf[r.last] === c && syntax.names[c]!.first === r.first && syntax.names[c]!.last === r.last;
}

export function hasName(syntax: Syntax, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (syntax.chunkOf[k]! >= 0) return true;
  return false;
}

/**
 * A name before any preposition of the phrase ("L'amiral Jean Kerboul"), not only in a complement ("préfet maritime
 * de l'Atlantique"): the phrase names its referent.
 */
export function hasHeadName(syntax: Syntax, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) {
    if (syntax.chunkOf[k]! >= 0) return true;
    if (syntax.lex.prepositions.has(syntax.words[k]!.lower) || syntax.lex.npLinks.has(syntax.words[k]!.lower)) return false;
  }
  return false;
}

/**
 * The noun phrase from word i, as npForward, where a name opening it may premodify a common noun (grammar.json
 * `namesPremodify`: "Ukrainian officials", "Kremlin sources and the Red Cross"): the phrase then runs on past the name.
 */
export function speakerNpForward(syntax: Syntax, i: number, preps = false): number {
  const end = npForward(syntax, i, undefined, preps);
  const c = syntax.chunkOf[i] ?? -1;
  if (end < 0 || !syntax.lex.g.namesPremodify || c < 0 || syntax.names[c]!.last !== end) return end;
  const n = syntax.words[end + 1];
  const l = n?.lower ?? '';
  const lex = syntax.lex;
  if (n?.kind !== 'word' || n.cap || n.sentence !== syntax.words[i]!.sentence) return end;
  if (lex.prepositions.has(l) || lex.determiners.has(l) || lex.npLinks.has(l) || lex.relatives.has(l) || lex.g.and.has(l) || lex.g.coordinators.has(l))
    return end;
  if (isAdverb(syntax, end + 1)) return end;
  const more = npForward(syntax, end + 1, undefined, preps);
  return more >= 0 ? more : end;
}

/**
 * "citing Mayor Mike Duggan": where the tagger leaves a capitalised title (syntax.json `titles`, or a role of the
 * attribution lexicon's kind person) as a name of its own, the phrase ending on it runs on to the person's name right
 * after it. `end` otherwise (or -1 unchanged).
 */
export function titledName(syntax: Syntax, lex: AttributionLexicon, end: number): number {
  const c = end >= 0 ? (syntax.chunkOf[end + 1] ?? -1) : -1;
  if (c < 0 || syntax.names[c]!.first !== end + 1 || syntax.words[end + 1]!.sentence !== syntax.words[end]!.sentence) return end;
  const title = syntax.words[end]!.lower;
  const person = syntax.lex.titles.has(title) || syntax.lex.titles.has(`${title}.`) || lex.roles.get(title)?.kind === 'person';
  return person ? syntax.names[c]!.last : end;
}

/**
 * Can name chunk c be a person's name: titled, or of two capitalised words or more, not opening on an article (« le
 * député La France insoumise de la Somme », « la députée Les Républicains »: such a name is a party's or a body's, part
 * of the description).
 */
export function isPersonChunk(syntax: Syntax, c: number): boolean {
  const chunk = syntax.names[c]!;
  if (chunk.title >= 0) return true;
  return chunk.last > chunk.first && !syntax.lex.determiners.has(syntax.words[chunk.first]!.lower);
}

/** Does a name hold a first name followed by another of its words ("Justice Nicole Belloubet"; not "Maison Blanche")? */
function holdsGivenName(syntax: Syntax, chunk: { first: number; last: number }): boolean {
  for (let k = chunk.first; k < chunk.last; k++) if (syntax.lex.firstNames.has(syntax.words[k]!.text.split('-')[0]!)) return true;
  return false;
}

/** Split "le général russe Valery Gerasimov" into name + role description. */
export function splitRole(syntax: Syntax, lex: AttributionLexicon, r: WordRange): SourceRef {
  const base: SourceRef = { ...r, pronoun: null, description: null };
  const c = syntax.chunkOf[r.last]!;
  if (c < 0) return base;
  const chunk = syntax.names[c]!;
  const head = headOf(syntax, r);
  if (chunk.first <= head || chunk.first > r.last) return base;
  // "un responsable du parc national de Batang Gadis": a name after a preposition is a complement, also past its
  // article ("un conseiller de la Maison Blanche").
  // (Not « de la Justice Nicole Belloubet »: a first name before another word of the name makes it a person's.)
  let b = chunk.first - 1;
  const article = syntax.words[b]!.lower;
  if (b > r.first && syntax.lex.determiners.has(article) && !syntax.lex.prepositions.has(article) && !holdsGivenName(syntax, chunk)) b--;
  const before = syntax.words[b]!.lower;
  if (syntax.lex.prepositions.has(before) || syntax.lex.npLinks.has(before)) return base;
  const role = lex.roles.get(syntax.words[head]!.lower);
  const personName = isPersonChunk(syntax, c);
  // "l'architecte Hugo Ferrand": a role noun from the lexicon, or any noun before a first name.
  const firstName = syntax.lex.firstNames.has(syntax.words[chunk.first]!.text.split('-')[0]!);
  if (!personName || (role?.kind !== 'person' && !firstName)) return base;
  return { first: chunk.first, last: r.last, pronoun: null, description: { first: r.first, last: chunk.first - 1 } };
}

/** Does the phrase end with a person's name (a titled name or two capitalised words)? */
function endsInPerson(syntax: Syntax, r: WordRange): boolean {
  // "Richard Ferrand (LREM)": the bracketed party does not count.
  const last = syntax.words[r.last]!.text === ')' && syntax.words[r.last - 2]?.text === '(' ? r.last - 3 : r.last;
  const c = syntax.chunkOf[last] ?? -1;
  if (c < 0) return false;
  const chunk = syntax.names[c]!;
  return chunk.title >= 0 || chunk.last > chunk.first;
}

/** ", cité par Le Monde": a participle with its agent names an intermediary. */
function agentVia(syntax: Syntax, lex: AttributionLexicon, n: number): WordRange | null {
  if (!lex.viaParticiples.has(syntax.words[n]?.lower ?? '') || !lex.viaPrepositions.has(syntax.words[n + 1]?.lower ?? '')) return null;
  const e = npForward(syntax, n + 2);
  return e >= 0 ? { first: n + 2, last: e } : null;
}

/** Lowercase words a bare title may have before a name ("woman soldier Svetlana Goncharova"). */
const MAX_BARE_TITLE = 3;

/** "…," said fighter Aslan Shabazov: a title without article before a name (grammar.json `bareTitles`); the name's words. */
function bareTitledName(syntax: Syntax, i: number): WordRange | null {
  if (!syntax.lex.g.bareTitles) return null;
  for (let k = i; k < i + MAX_BARE_TITLE; k++) {
    const w = syntax.words[k];
    if (w?.kind !== 'word' || w.cap || syntax.lex.nonNames.has(w.lower) || isFiniteVerb(syntax, k) || syntax.forms[k]) return null;
    const c = syntax.chunkOf[k + 1] ?? -1;
    if (c >= 0 && syntax.names[c]!.first === k + 1) return { first: k + 1, last: syntax.names[c]!.last };
  }
  return null;
}

/** Comma-separated segments left of the comma at `comma`, nearest first. */
function segmentsBefore(syntax: Syntax, comma: number): WordRange[] {
  const segs: WordRange[] = [];
  const sentence = syntax.words[comma]!.sentence;
  let end = comma - 1;
  while (end >= 0 && segs.length < MAX_SEGMENTS) {
    let k = end;
    while (k >= 0 && syntax.words[k]!.sentence === sentence && syntax.words[k]!.text !== ',') k--;
    if (k + 1 > end) break;
    segs.push({ first: k + 1, last: end });
    if (k < 0 || syntax.words[k]!.sentence !== sentence) break;
    end = k - 1;
  }
  return segs;
}

/** Can a noun phrase (a speaker) start at word i: a determiner, a name, a title or a number? */
export function opensNp(syntax: Syntax, i: number): boolean {
  const w = syntax.words[i];
  if (!w) return false;
  return syntax.lex.determiners.has(w.lower) || syntax.chunkOf[i]! >= 0 || /^\d/.test(w.text) || syntax.lex.titles.has(w.lower);
}

/** A comma-separated segment that is one noun phrase; an apposition may open on a bare role ("présidente de la Fondation"). */
function isNpSegment(syntax: Syntax, r: WordRange, lex?: AttributionLexicon): boolean {
  const opens = opensNp(syntax, r.first) || lex?.roles.get(syntax.words[r.first]!.lower)?.kind === 'person';
  return opens && npForward(syntax, r.first, 24, true) >= r.last;
}

/** A person's name: a titled name or at least two capitalised words. */
function isPersonName(syntax: Syntax, r: WordRange): boolean {
  if (!isPureName(syntax, r)) return false;
  const c = syntax.names[syntax.chunkOf[r.first]!]!;
  return c.title >= 0 || c.last > c.first;
}

function isRoleNp(syntax: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  return lex.roles.get(syntax.words[headOf(syntax, r)]!.lower)?.kind === 'person';
}

/**
 * Apposition before a comma that precedes the cue: "Ryan al-Kildani, le chef des milices, a protesté",
 * "Le porte-parole du ministère, Igor Konashenkov, accuse". True when the last two segments are noun phrases.
 */
export function isApposition(syntax: Syntax, lex: AttributionLexicon, comma: number): boolean {
  const segs = segmentsBefore(syntax, comma);
  if (segs.length < 2) return false;
  if ((isNpSegment(syntax, segs[0]!, lex) || isRelative(syntax, segs[0]!)) && isNpSegment(syntax, segs[1]!, lex)) return true;
  // "Alfonso Cuaron, cinéaste primé et oscarisé, soutient …": a short verbless description after a person's name.
  return isPersonName(syntax, segs[1]!) && segs[0]!.last - segs[0]!.first < MAX_DESCRIPTION && !hasFiniteVerb(syntax, segs[0]!);
}

/** Longest verbless description accepted as an apposition (words). */
const MAX_DESCRIPTION = 6;
/** Longest bare description apposed to a person's name ("tête de liste du Parti communiste pour les Européennes"). */
const MAX_PERSON_DESCRIPTION = 14;

export function hasFiniteVerb(syntax: Syntax, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (isFiniteVerb(syntax, k) || syntax.isAux[k] === 1) return true;
  return false;
}

/**
 * "Des « pratiques scabreuses », voilà comment un journaliste du quotidien, qui couvrait le concert, qualifie
 * l'attitude du chanteur": the comma at `comma` closes a relative clause whose antecedent opens the sentence with no
 * finite verb before it; the verb after the comma is that subject's main verb, no incise with an inverted subject.
 */
export function closesRelative(syntax: Syntax, comma: number): boolean {
  const seg = segmentsBefore(syntax, comma)[0];
  if (!seg || !syntax.lex.relatives.has(syntax.words[seg.first]!.lower)) return false;
  const first = syntax.first[syntax.words[comma]!.sentence]!;
  return seg.first - 1 > first && !hasFiniteVerb(syntax, { first, last: seg.first - 1 });
}

/** A relative clause or a participial phrase inside an apposition ("qui a coprésidé …", "située dans le nord"). */
function isRelative(syntax: Syntax, r: WordRange): boolean {
  const w = syntax.words[r.first]!;
  return (
    syntax.lex.relatives.has(w.lower) || syntax.lex.g.appositionRelatives.has(w.lower) || isParticipleLike(syntax, r.first) || isGerundPhrase(syntax, r.first)
  );
}

/** "tout en soutenant X", "en visitant Y", "évoquant Z": a participial adverbial, not the speaker. */
function isGerundPhrase(syntax: Syntax, i: number): boolean {
  let k = i;
  for (const p of syntax.lex.g.gerundPrefixes) if (syntax.words[k]?.lower === p) k++;
  return syntax.lex.verbs.get(syntax.words[k]?.lower ?? '')?.some((f) => f.moods.includes('G')) ?? syntax.lex.g.gerund.test(syntax.words[k]?.lower ?? '');
}

/** A past participle by its form ("située", "fondés") or a generated participle. */
export function isParticipleLike(syntax: Syntax, i: number): boolean {
  const w = syntax.words[i]!;
  if (w.cap || w.kind !== 'word' || syntax.lex.nonNames.has(w.lower) || syntax.lex.determiners.has(w.lower)) return false;
  // "-que" / "-gue" end present forms ("indique", "explique"), not participles.
  if (syntax.lex.g.presentNotParticiple.test(w.lower)) return false;
  return syntax.lex.g.participle.test(w.lower) || (syntax.lex.verbs.get(w.lower)?.some((f) => f.moods === 'K') ?? false);
}

/** Choose the speaker among appositive segments: a bare name first, then a phrase with a name, then the leftmost phrase. */
function fromSegments(syntax: Syntax, lex: AttributionLexicon, comma: number): SourceRef | null {
  const cands: WordRange[] = [];
  const via: WordRange[] = [];
  let anonymity: WordRange | null = null;
  let described: WordRange | null = null;
  const segs = segmentsBefore(syntax, comma);
  for (const [i, seg] of segs.entries()) {
    // "Jean Dupont, cité par Le Monde, a affirmé …" / "John Smith, quoted by Reuters, said …": a participle with its
    // agent between the subject and its verb names who relayed the statement, an intermediary, never the speaker.
    const relay = cands.length === 0 ? agentVia(syntax, lex, seg.first) : null;
    if (relay && relay.last === seg.last && segs[i + 1]) {
      via.unshift(relay);
      continue;
    }
    // "Lundi, la police …": an adverbial opening the sentence ends the search; between the subject and its verb
    // ("Le gouvernement, pourtant, martèle", "Le maire, lundi, a annoncé") it is skipped.
    if (skipForward(syntax, seg.first) > seg.last || syntax.lex.timeWords.has(syntax.words[seg.first]!.lower)) {
      const next = segs[i + 1];
      // ("Spokeswoman Linda Park, however, told …": a title before a name is one noun phrase scanned backwards.)
      const subject = next && (isNpSegment(syntax, next, lex) || npBackward(syntax, next.last) === next.first);
      if (cands.length === 0 && i === 0 && seg.last - seg.first < MAX_ADVERBIAL && subject) continue;
      break;
    }
    if (isRelative(syntax, seg)) {
      // "Un docker, qui a requis l'anonymat, affirme": the relative saying the speaker asked not to be named describes it.
      for (let k = seg.first; k <= seg.last && !anonymity; k++) if (lex.anonymityWords.has(syntax.words[k]!.lower)) anonymity = seg;
      continue;
    }
    // "Le maire, lui, a déclaré …", "Les habitants, eux, …": an emphatic stressed pronoun repeats the subject before it.
    if (seg.first === seg.last && syntax.lex.stressedPronouns.has(syntax.words[seg.first]!.lower) && cands.length === 0) continue;
    if (isNpSegment(syntax, seg, lex)) {
      cands.push(seg);
      continue;
    }
    const first = npBackward(syntax, seg.last);
    if (first >= 0) cands.push({ first, last: seg.last });
    // "Daoud Makkawi, owner of the bookshop, told …": a bare noun phrase filling its segment after a person's name.
    const prev = segs[i + 1];
    const name = prev ? npBackward(syntax, prev.last) : -1;
    if (first === seg.first && name >= 0 && isPersonName(syntax, { first: name, last: prev!.last })) continue;
    // "Mon voisin Jean-Marc, mécanicien à la retraite, m'avait prévenu": a short verbless description opening on a
    // bare noun (no determiner, no preposition) describes the named phrase before it.
    // After a person's name it may run longer, with its complements: "Ian Brossat, tête de liste du Parti communiste
    // pour les Européennes, a dénoncé" (the name in the complement is no speaker).
    if (prev && name >= 0 && isPersonName(syntax, { first: name, last: prev.last }) && bareDescription(syntax, seg, MAX_PERSON_DESCRIPTION)) {
      if (first >= 0) cands.pop();
      described ??= seg;
      continue;
    }
    if (prev && name >= 0 && hasName(syntax, { first: name, last: prev.last }) && bareDescription(syntax, seg)) continue;
    break;
  }
  if (cands.length === 0) return null;
  const pick =
    cands.find((c) => isPureName(syntax, c)) ??
    cands.find((c) => titledPerson(syntax, c)) ??
    cands.find((c) => hasHeadName(syntax, c)) ??
    cands.find((c) => hasName(syntax, c)) ??
    cands[cands.length - 1]!;
  const other = cands.find((c) => c !== pick) ?? null;
  const src = splitRole(syntax, lex, pick);
  return { ...src, description: src.description ?? other ?? described ?? anonymity, ...(via.length ? { via } : {}) };
}

/**
 * "Governor Mark Ellison, a Democrat from Oregon, said": a person's name after capitalised or bare title words, with
 * no determiner nor preposition, names the speaker before any description apposed to it ("a Democrat from Oregon").
 */
function titledPerson(syntax: Syntax, r: WordRange): boolean {
  if (!endsInPerson(syntax, r)) return false;
  for (let k = r.first; k <= r.last; k++) {
    const w = syntax.words[k]!.lower;
    if (syntax.lex.determiners.has(w) || syntax.lex.prepositions.has(w) || syntax.lex.npLinks.has(w)) return false;
  }
  return true;
}

/** Longest adverbial (words) skipped between a subject and its verb: "Le maire, lundi 3 mars, a annoncé". */
const MAX_ADVERBIAL = 4;

/** A short verbless phrase opening on a lower-case noun without determiner: "mécanicien à la retraite". */
function bareDescription(syntax: Syntax, seg: WordRange, max = MAX_DESCRIPTION): boolean {
  const w = syntax.words[seg.first]!;
  return (
    seg.last - seg.first < max &&
    w.kind === 'word' &&
    !w.cap &&
    !syntax.lex.determiners.has(w.lower) &&
    !syntax.lex.prepositions.has(w.lower) &&
    !syntax.lex.subjectPronouns.has(w.lower) &&
    !isAdverb(syntax, seg.first) &&
    !hasFiniteVerb(syntax, seg)
  );
}

/**
 * First word of the name ending at word k, with its determiners ("the Associated Press"); -1 when word k is no name.
 * A name chunk may run across "and" or a comma ("Lyon and Neymar"): the name stops there.
 */
function nameStart(syntax: Syntax, k: number): number {
  const { words } = syntax;
  const cut = (j: number) => words[j]!.text === ',' || syntax.lex.g.and.has(words[j]!.lower);
  if (k < 0 || syntax.chunkOf[k]! < 0 || cut(k)) return -1;
  let first = k;
  while (first > 0 && syntax.chunkOf[first - 1]! >= 0 && !cut(first - 1)) first--;
  while (first > 0 && syntax.lex.determiners.has(words[first - 1]!.lower) && syntax.chunkOf[first - 1]! < 0) first--;
  return first;
}

/** A verb, an auxiliary or a participle (« a battu ») at word k: what precedes its object. */
function verbal(syntax: Syntax, k: number): boolean {
  return isFiniteVerb(syntax, k) || syntax.isAux[k] === 1 || (syntax.formFlags[k]! & FORM_PARTICIPLE) !== 0 || syntax.isAux[k - 1] === 1;
}

/**
 * "Barack Obama and Angela Merkel said", « Paris, Lille et Nantes ont annoncé »: names joined by commas and the
 * language's "and" (`and` in lang/<xx>/grammar.json; one "and", before the last name) are one coordinated subject
 * when the list opens the clause (the sentence start, after adverbials, or a comma); source-keys.ts then keeps the
 * first as source and the others as co-sources. After a verb (« Le PSG a battu Lyon et Neymar a affirmé ») the list
 * is its object and the last name alone speaks. Anything else leaves the phrase `np` as it is. Linear in the list.
 */
function coordinatedSubject(syntax: Syntax, np: WordRange): WordRange {
  const { words } = syntax;
  const last = nameStart(syntax, np.last);
  if (last < 1 || !syntax.lex.g.and.has(words[last - 1]!.lower)) return np;
  const sentence = words[np.last]!.sentence;
  let start = nameStart(syntax, last - 2);
  while (start > 1 && words[start - 1]!.text === ',' && nameStart(syntax, start - 2) >= 0) start = nameStart(syntax, start - 2);
  if (start < 0 || words[start]!.sentence !== sentence) return np;
  const before = start - 1;
  if (skipBackward(syntax, before) < syntax.first[sentence]! || words[before]!.text === ',') return { first: start, last: np.last };
  return verbal(syntax, before) && np.first < last ? { first: last, last: np.last } : np;
}

/** Is the phrase at `first` governed by a preposition, after a finite verb of the same clause? */
function governed(syntax: Syntax, first: number): boolean {
  const { words, lex } = syntax;
  const gov = words[first - 1];
  if (!gov || gov.cap || syntax.chunkOf[first - 1]! >= 0 || !lex.prepositions.has(gov.lower) || lex.npLinks.has(gov.lower) || lex.determiners.has(gov.lower))
    return false;
  let k = first - 2;
  while (k >= 0 && words[k]!.sentence === gov.sentence && !/^[,;:«»"“”()]$/.test(words[k]!.text)) k--;
  return hasFiniteVerb(syntax, { first: k + 1, last: first - 2 });
}

/** Does a noun phrase closing the clause follow the one-word verb at `at` ("révèle La Dépêche.")? */
function invertedAfter(syntax: Syntax, at: number): boolean {
  if (!opensNp(syntax, at + 1)) return false;
  const e = npForward(syntax, at + 1);
  const next = syntax.words[e + 1];
  return e >= 0 && (!next || next.sentence !== syntax.words[at]!.sentence || /^[.,;!?]$/.test(next.text));
}

/** The subject of a cue whose verbal group starts at word `at`. */
export function subjectBefore(syntax: Syntax, lex: AttributionLexicon, at: number): SourceRef | null {
  let i = skipBackward(syntax, at - 1);
  // Over auxiliaries and their adverbs: "a lui aussi fait", "s'était fait".
  for (let guard = 0; guard < 3 && i >= 0 && syntax.isAux[i] === 1; guard++) i = skipBackward(syntax, i - 1);
  const w = syntax.words[i];
  if (!w || w.sentence !== syntax.words[at]!.sentence) return null;
  // Object clitics before the auxiliary, and the negation before them: "il l'a dit", "elle leur a expliqué", "un
  // salarié nous l'a confirmé", "Lucas n'en revenait pas".
  for (let guard = 0; guard < 3 && syntax.words[i - 1]?.sentence === w.sentence; guard++) {
    if (objectClitic(syntax, i, at) || (guard > 0 && syntax.lex.g.negationParticles.has(syntax.words[i]!.lower))) i--;
    else break;
  }
  const v = syntax.words[i]!;
  // "nous avions pris position et dit que …": a coordinated verb shares the subject of the first one.
  if (syntax.lex.g.coordinators.has(v.lower)) return sharedSubject(syntax, lex, i);
  if (syntax.lex.subjectPronouns.has(v.lower)) return pronounSource(syntax, i, syntax.lex.subjectPronouns.get(v.lower) ?? null);
  if (syntax.lex.relatives.has(v.lower)) return speakingAntecedent(syntax, lex, i - 1);
  if (v.text === ',') return fromSegments(syntax, lex, i);
  const head = relativeHead(syntax, at);
  if (head >= 0) return pronounSource(syntax, head, syntax.lex.relativeHeads.get(syntax.words[head]!.lower) ?? null);
  const relayed = relayedSubject(syntax, lex, i);
  if (relayed) return relayed;
  const first = withComplement(syntax, npBackward(syntax, i), i);
  if (first < 0) return null;
  // "Un homme a disparu en Argentine révèle La Dépêche": a phrase governed by a preposition after the clause's own
  // verb is no subject (the comma before the incise is missing).
  if (governed(syntax, first) && invertedAfter(syntax, at)) return null;
  // "A diplomat who attended the meeting said": the phrase found is the object of a relative clause; its antecedent speaks.
  const rel = first - 2;
  if (rel > 0 && syntax.lex.relatives.has(syntax.words[rel]!.lower) && isFiniteVerb(syntax, first - 1) && syntax.words[rel]!.sentence === v.sentence)
    return antecedent(syntax, lex, rel - 1);
  const np = coordinatedSubject(syntax, { first, last: i });
  // "Thierry Baril, le directeur des ressources humaines d'Airbus a annoncé": the name before the comma speaks.
  if (syntax.words[np.first - 1]?.text === ',') {
    const prev = segmentsBefore(syntax, first - 1)[0];
    if (prev && isPersonName(syntax, prev) && isRoleNp(syntax, lex, np)) return { ...prev, pronoun: null, description: np };
    if (prev && isPureName(syntax, np) && isNpSegment(syntax, prev, lex)) return { ...np, pronoun: null, description: prev };
  }
  return splitRole(syntax, lex, np);
}

/**
 * "Une source judiciaire citée par Le Monde assure que …", "an aide quoted by Reuters said …": a participle with its
 * agent right before the verb (no commas around it) names the relay; the phrase before the participle speaks. `i` is
 * the last word before the verb group.
 */
function relayedSubject(syntax: Syntax, lex: AttributionLexicon, i: number): SourceRef | null {
  const agent = npBackward(syntax, i);
  const participle = agent - 2;
  if (participle < 1 || syntax.words[participle]!.sentence !== syntax.words[i]!.sentence) return null;
  const relay = agentVia(syntax, lex, participle);
  if (!relay || relay.first !== agent || relay.last !== i) return null;
  const speaker = subjectBefore(syntax, lex, participle);
  return speaker ? { ...speaker, via: [relay, ...(speaker.via ?? [])] } : null;
}

/** Is word i an object clitic of the verb at `verb`? "nous" / "vous" are its subject only when it agrees ("nous avons"). */
function objectClitic(syntax: Syntax, i: number, verb: number): boolean {
  const w = syntax.words[i];
  if (!w || !syntax.lex.objectClitics.has(w.lower)) return false;
  if (!syntax.lex.subjectPronouns.has(w.lower)) return true;
  return syntax.lex.g.pluralPronouns.has(w.lower) && !syntax.lex.g.pluralPersonVerbPattern.test(syntax.words[verb]?.lower ?? '');
}

/**
 * "un responsable syndical présent à l'AG a indiqué": the phrase found before the verb ("l'AG") is the complement
 * of a longer subject that opens its clause on a determiner; the subject is that longer phrase. Returns the first
 * word of the subject (`first` unchanged when the phrase is not preceded by a preposition, or the longer phrase does
 * not open its clause).
 */
function withComplement(syntax: Syntax, first: number, last: number): number {
  const prep = syntax.words[first - 1];
  if (first <= 0 || !prep || syntax.chunkOf[first - 1]! >= 0 || !syntax.lex.prepositions.has(prep.lower) || syntax.lex.npLinks.has(prep.lower)) return first;
  const longer = npBackward(syntax, last, true);
  if (longer < 0 || longer >= first - 1 || !syntax.lex.determiners.has(syntax.words[longer]!.lower)) return first;
  const before = syntax.words[longer - 1];
  const opensClause = !before || before.sentence !== prep.sentence || before.text === ',' || syntax.lex.g.coordinators.has(before.lower);
  return opensClause && !hasFiniteVerb(syntax, { first: longer, last: first - 1 }) ? longer : first;
}

/** Longest relative clause between "Celui qui" and its main verb (words). */
const MAX_RELATIVE = 24;

/**
 * "Celle qui dirige le club depuis 2015 affirme …": the sentence opens on a pronoun heading a relative clause,
 * and the verb at `at` is the main verb after it (no punctuation or que-clause in between). Its index, or -1.
 */
function relativeHead(syntax: Syntax, at: number): number {
  const f = syntax.first[syntax.words[at]!.sentence]!;
  if (at - f > MAX_RELATIVE || !syntax.lex.relativeHeads.has(syntax.words[f]!.lower) || !syntax.lex.relatives.has(syntax.words[f + 1]?.lower ?? '')) return -1;
  for (let k = f + 2; k < at; k++) {
    const w = syntax.words[k]!;
    if (w.kind === 'punct' || syntax.lex.complementizers.has(w.lower)) return -1;
  }
  return f;
}

/** Words looked back over for the first of two coordinated verbs. */
const MAX_COORDINATION = 16;

/** "Les occupants avaient alerté les secours et ont constaté que …": the subject of the first verb. */
export function sharedSubject(syntax: Syntax, lex: AttributionLexicon, conj: number): SourceRef | null {
  const sentence = syntax.words[conj]!.sentence;
  // The nearest subject pronoun or finite verb, unless its comma segment is an adverbial clause ("car …").
  let found = -1;
  for (let k = conj - 1; k >= 0 && k > conj - MAX_COORDINATION - MAX_CLAUSE_SKIP && syntax.words[k]!.sentence === sentence; k--) {
    const w = syntax.words[k]!;
    if (/^[;:«»"“”]$/.test(w.text)) break;
    if (w.text === ',' && found >= 0) break;
    if (syntax.lex.subordinators.has(w.lower) && !syntax.lex.subjectPronouns.has(syntax.words[k - 1]?.lower ?? '')) found = -1;
    else if (found < 0 && k > conj - MAX_COORDINATION && (syntax.lex.subjectPronouns.has(w.lower) || isFiniteVerb(syntax, k))) found = k;
  }
  if (found < 0) return null;
  const w = syntax.words[found]!;
  if (syntax.lex.subjectPronouns.has(w.lower)) return pronounSource(syntax, found, syntax.lex.subjectPronouns.get(w.lower) ?? null);
  const clitic = syntax.words[found + 1];
  if (clitic && syntax.lex.invertedClitics.has(clitic.lower)) return pronounSource(syntax, found + 1, syntax.lex.invertedClitics.get(clitic.lower) ?? null);
  return subjectBefore(syntax, lex, found);
}

/** Words of an adverbial clause crossed back over to the first coordinated verb. */
const MAX_CLAUSE_SKIP = 12;

/** The antecedent of a relative pronoun just after word i. */
function antecedent(syntax: Syntax, lex: AttributionLexicon, i: number): SourceRef | null {
  const w = syntax.words[i];
  if (!w) return null;
  if (w.text === ',') return fromSegments(syntax, lex, i);
  const first = npBackward(syntax, i, true);
  return first >= 0 ? splitRole(syntax, lex, { first, last: i }) : null;
}

/** The head of the phrase is a name or a role (someone who can say things), not a thing ("la main", "une hypothèse"). */
function headSpeaks(syntax: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  const head = headOf(syntax, r);
  return syntax.chunkOf[head]! >= 0 || lex.roles.has(syntax.words[head]!.lower);
}

/**
 * The antecedent of a relative pronoun whose phrase has a head that cannot speak: the speaker is its last complement
 * that can ("la main du président américain, qui lui a dit", "une hypothèse balayée par l'Agence X, qui estime").
 */
export function speakingAntecedent(syntax: Syntax, lex: AttributionLexicon, i: number): SourceRef | null {
  const found = antecedent(syntax, lex, i);
  if (!found || found.pronoun || headSpeaks(syntax, lex, found)) return found;
  // "Un avis que ne partage pas l'éditorialiste du Figaro, pour qui …": the phrase ending the segment.
  const longest = npBackward(syntax, found.last, true);
  if (longest > found.first && headSpeaks(syntax, lex, { first: longest, last: found.last }))
    return splitRole(syntax, lex, { first: longest, last: found.last });
  for (let k = found.last - 1; k > found.first; k--) {
    const w = syntax.words[k]!;
    if (!syntax.lex.npLinks.has(w.lower) && !syntax.lex.prepositions.has(w.lower)) continue;
    const inner = { first: k + 1, last: found.last };
    if (headSpeaks(syntax, lex, inner)) return splitRole(syntax, lex, inner);
  }
  return found;
}

/** "auprès de X" or "de source(s) X" at word i: who told the reporter. */
export function toldBy(syntax: Syntax, i: number): WordRange | null {
  const grammar = syntax.lex.g;
  const w = syntax.words[i]?.lower ?? '';
  const n = syntax.words[i + 1]?.lower ?? '';
  if (grammar.toldByPrepositions.has(w) && (grammar.ofBare.has(n) || grammar.ofContracted.has(n))) {
    const from = grammar.ofBare.has(n) ? i + 2 : i + 1;
    const e = npForward(syntax, from);
    return e >= 0 ? { first: from, last: e } : null;
  }
  const at = (k: number) => syntax.words[i + k]?.lower;
  // "de même source": the source named before (resolved as "ces mêmes sources").
  if (sequenceAt(grammar.sameSource, at) > 0) return { first: i + 1, last: i + 2 };
  if (sequenceAt(grammar.fromSource, at) > 0) {
    const e = npForward(syntax, i + 1);
    return e >= 0 ? { first: i + 1, last: e } : null;
  }
  return null;
}

export interface Inverted {
  source: SourceRef | null;
  via: WordRange[];
  /** Word after everything consumed. */
  next: number;
}

/** Longest date set off by commas (", mardi 4 juin 2019,"). */
const MAX_TIME_ASIDE = 6;

/** A date or time between commas starting at word i: the index of its closing comma, or -1. */
function timeAside(syntax: Syntax, i: number): number {
  const sentence = syntax.words[i]?.sentence;
  for (let k = i; k < i + MAX_TIME_ASIDE && syntax.words[k]?.sentence === sentence; k++) {
    const w = syntax.words[k]!;
    if (w.text === ',') return k > i ? k : -1;
    if (!(syntax.lex.timeWords.has(w.lower) || w.kind === 'number' || syntax.lex.determiners.has(w.lower) || syntax.lex.skippable.has(w.lower))) return -1;
  }
  return -1;
}

/** A year as a number word ("2019"): it dates a phrase the way a month does. */
const YEAR = /^(1[89]|20)\d\d$/;

/**
 * A date starting at word i without commas ("en janvier", "le 3 mai", "18 septembre 2019", "en 2019"): an optional
 * opening word (`datePrepositions`), then time words and numbers, one of them a month, a weekday or a year. Its last
 * word, or -1.
 */
function dateAt(syntax: Syntax, lex: AttributionLexicon, i: number): number {
  const sentence = syntax.words[i]?.sentence;
  // Past the last word (a cue ending the text: '"…," he wrote on X.'): no date.
  if (sentence === undefined) return -1;
  let k = lex.datePrepositions.has(syntax.words[i]?.lower ?? '') ? i + 1 : i;
  let last = -1;
  let dated = false;
  for (; k < i + MAX_TIME_ASIDE && syntax.words[k]?.sentence === sentence; k++) {
    const w = syntax.words[k]!;
    if (syntax.lex.timeWords.has(w.lower)) dated = true;
    else if (w.kind === 'number') dated ||= YEAR.test(w.text);
    else break;
    last = k;
  }
  return dated ? last : -1;
}

/**
 * What may follow a medium phrase before the statement: the medium behind it ("dans une interview accordée au
 * Parisien", pushed on `via`) or a participle and a date ("dans un rapport publié jeudi"). Returns the next word.
 */
function afterMedium(syntax: Syntax, lex: AttributionLexicon, i: number, via: WordRange[]): number {
  const behind = agentVia(syntax, lex, i);
  if (behind) {
    via.push(behind);
    return behind.last + 1;
  }
  const w = syntax.words[i];
  if (w && !w.cap && (syntax.formFlags[i]! & FORM_PARTICIPLE) !== 0) {
    const date = dateAt(syntax, lex, i + 1);
    if (date >= 0) return date + 1;
  }
  return i;
}

/** Collect medium phrases and skippable adverbials from word i on. */
export function collectVia(syntax: Syntax, lex: AttributionLexicon, i: number, via: WordRange[]): number {
  for (let guard = 0; guard < 6; guard++) {
    const afterSkip = skipForward(syntax, i);
    const v = viaAt(syntax, lex, afterSkip);
    if (v) {
      via.push(v);
      i = afterMedium(syntax, lex, v.last + 1, via);
      continue;
    }
    // "assurait en janvier que …", "rapporte dimanche 18 septembre Nice-Matin": a date without commas.
    const date = dateAt(syntax, lex, afterSkip);
    if (date >= 0) {
      i = date + 1;
      continue;
    }
    // ", lundi 2 septembre," between the cue and its complement.
    const t = syntax.words[afterSkip]?.text === ',' ? timeAside(syntax, afterSkip + 1) : -1;
    if (t >= 0) {
      i = t + 1;
      continue;
    }
    // ", dans un communiqué," between the cue and its subject; "Jean Dupont a affirmé, selon Le Monde, que …": a
    // "selon" phrase set off there names who relayed the statement, an intermediary.
    const w = syntax.words[afterSkip]?.text === ',' ? (viaAt(syntax, lex, afterSkip + 1) ?? accordingVia(syntax, lex, afterSkip + 1)) : null;
    if (w) {
      const more: WordRange[] = [];
      const end = afterMedium(syntax, lex, w.last + 1, more);
      if (syntax.words[end]?.text === ',') {
        via.push(w, ...more);
        i = end + 1;
        continue;
      }
    }
    return afterSkip;
  }
  return i;
}

/**
 * ", selon l'AFP" / ", according to Reuters" after the speaker of an incise: the phrase of `according` (lang/<xx>/
 * attribution-grammar.json) names who relayed that attribution, an intermediary, when it closes the clause.
 */
function accordingVia(syntax: Syntax, lex: AttributionLexicon, n: number): WordRange | null {
  const len = phraseAt(syntax.words, n, lex.according);
  if (len === 0) return null;
  const e = npForward(syntax, n + len);
  const after = syntax.words[e + 1];
  if (e < 0 || (after && after.sentence === syntax.words[n]!.sentence && !/^[.,;]$/.test(after.text))) return null;
  return { first: n + len, last: e };
}

/** Adjectives a comma-separated aside may hold ("lâche, amer, un élu", "répond, las et amer, le maire"). */
const MAX_ASIDE_WORDS = 3;

/**
 * A manner aside between an inverted incise verb and its subject: ", amer," ("« … », lâche, amer, un élu") or a
 * prepositional phrase on a determiner (`asidePrepositions`: "« … », glisse dans un sourire X"), when a noun phrase
 * follows it. Returns the word after the aside, or `i` when there is none.
 */
export function inciseAside(syntax: Syntax, lex: AttributionLexicon, i: number): number {
  const { words } = syntax;
  const w = words[i];
  if (!w) return i;
  if (w.text === ',') {
    let k = i + 1;
    while (
      k <= i + MAX_ASIDE_WORDS &&
      words[k]?.kind === 'word' &&
      !words[k]!.cap &&
      !syntax.lex.determiners.has(words[k]!.lower) &&
      !syntax.lex.prepositions.has(words[k]!.lower) &&
      syntax.isAux[k] !== 1 &&
      !isFiniteVerb(syntax, k)
    )
      k++;
    return k > i + 1 && words[k]?.text === ',' && words[k + 1]?.sentence === w.sentence && opensNp(syntax, k + 1) ? k + 1 : i;
  }
  if (!lex.asidePrepositions.has(w.lower)) return i;
  // "avec colère le maire": a bare noun.
  const bare = words[i + 1];
  if (bare?.kind === 'word' && !bare.cap && !syntax.lex.determiners.has(bare.lower) && syntax.isAux[i + 1] !== 1 && opensNp(syntax, i + 2))
    return words[i + 2]!.sentence === w.sentence ? i + 2 : i;
  if (!syntax.lex.determiners.has(words[i + 1]?.lower ?? '') || syntax.chunkOf[i + 1]! >= 0) return i;
  const end = npForward(syntax, i + 1);
  if (end < 0) return i;
  // "dans un sourire Michel Durand": a name after the aside's lower-case noun is the subject, not its complement.
  for (let k = i + 3; k <= end; k++) if (syntax.chunkOf[k]! >= 0 && !words[k - 1]!.cap) return k;
  // "d'une voix calme la juge": an adjective or two may close the aside.
  let k = end + 1;
  while (
    k <= end + 2 &&
    words[k]?.kind === 'word' &&
    !words[k]!.cap &&
    !syntax.lex.determiners.has(words[k]!.lower) &&
    !syntax.lex.prepositions.has(words[k]!.lower) &&
    syntax.isAux[k] !== 1
  )
    k++;
  return words[k]?.sentence === w.sentence && opensNp(syntax, k) ? k : i;
}

/**
 * The inverted subject after an incise cue ("…, a annoncé l'OMPI", "…, écrit le site X, citant Y, le chef …").
 * `clitic` is the word index of an inverted pronoun ("dit-il"), or -1.
 */
export function invertedSubject(syntax: Syntax, lex: AttributionLexicon, last: number, clitic: number, cliticGender: Gender): Inverted {
  const via: WordRange[] = [];
  let i = collectVia(syntax, lex, last + 1, via);
  // "a-t-on appris auprès de la préfecture" / "de source policière": the real source after an impersonal "on".
  const told = clitic >= 0 && syntax.lex.g.indefinitePronouns.has(cliticPronoun(syntax.lex.g, syntax.words[clitic]!.lower)) ? toldBy(syntax, i) : null;
  if (told) return { source: { ...told, pronoun: null, description: null }, via, next: told.last + 1 };
  if (clitic >= 0) return { source: pronounSource(syntax, clitic, cliticGender), via, next: i };
  i = inciseAside(syntax, lex, i);
  // "…, ont écrit au Premier ministre": a phrase opened by a preposition (« au », « aux », not the partitive « des »)
  // is a complement of the verb, never its inverted subject.
  const w = syntax.words[i];
  if (w && syntax.lex.prepositions.has(w.lower) && !syntax.lex.indefinite.has(w.lower) && syntax.chunkOf[i]! < 0) return { source: null, via, next: i };
  const titled = opensNp(syntax, i) ? null : bareTitledName(syntax, i);
  let end = titled ? titled.last : opensNp(syntax, i) ? npForward(syntax, i) : -1;
  if (end < 0) return { source: null, via, next: i };
  // "relate le gendarme au Télégramme": the medium is no part of the speaker; "a assuré l'avocat aux côtés de son
  // associée, Ornella Spatafora": nor is a companion, and the name apposed after it is the companion's.
  let companion = false;
  for (let k = i + 1; k <= end; k++) {
    companion = phraseAt(syntax.words, k, lex.companions) > 0;
    if (companion || (lex.mediumPrepositions.has(syntax.words[k]!.lower) && viaAt(syntax, lex, k))) {
      end = k - 1;
      break;
    }
  }
  let source: SourceRef = titled
    ? { ...titled, pronoun: null, description: { first: i, last: titled.first - 1 } }
    : splitRole(syntax, lex, { first: i, last: end });
  i = collectVia(syntax, lex, end + 1, via);
  const sentence = syntax.words[end]!.sentence;
  // What may follow the speaker, comma-separated: ", citant Y" (the medium cites the real speaker),
  // ", à la radio X" (a medium), ", le chef du Conseil" / ", conseiller municipal" (a description),
  // ", Hélène Varin" (the name after a role).
  for (let guard = 0; guard < 3 && !companion && syntax.words[i]?.text === ',' && syntax.words[i + 1]?.sentence === sentence; guard++) {
    const n = i + 1;
    if (lex.citing.has(syntax.words[n]!.lower)) {
      const e = titledName(syntax, lex, speakerNpForward(syntax, n + 1));
      if (e < 0) break;
      via.push({ first: source.first, last: source.last });
      source = splitRole(syntax, lex, { first: n + 1, last: e });
      i = collectVia(syntax, lex, e + 1, via);
      continue;
    }
    const v = viaAt(syntax, lex, n) ?? agentVia(syntax, lex, n) ?? accordingVia(syntax, lex, n);
    if (v) {
      via.push(v);
      i = collectVia(syntax, lex, v.last + 1, via);
      continue;
    }
    const closesAt = (e: number) => {
      const after = syntax.words[e + 1];
      return e >= 0 && (!after || after.sentence !== sentence || /^[.,;]$/.test(after.text));
    };
    // ", a spokesman for the company.": a description may hold a complement when that closes it.
    let e = npForward(syntax, n);
    if (!closesAt(e)) e = npForward(syntax, n, undefined, true);
    if (!closesAt(e) || syntax.lex.relatives.has(syntax.words[n]!.lower)) break;
    const apposition = splitRole(syntax, lex, { first: n, last: e });
    // "le guide suprême iranien, l'ayatollah Ali Khamenei": a person's name apposed to a role speaks.
    if (!source.description && endsInPerson(syntax, apposition) && !endsInPerson(syntax, source)) {
      source = { ...apposition, description: apposition.description ?? { first: source.first, last: source.last } };
    } else if (!source.description) source = { ...source, description: { first: n, last: e } };
    else break;
    i = e + 1;
  }
  return { source, via, next: i };
}
