// Who speaks: the preverbal subject of a cue (with appositions and relative
// "qui"), the inverted subject of an incise ("écrit le site X, citant Y"), or
// a pronoun to resolve later. Noun phrases that end in a person's name after
// a role ("le général russe Valery Gerasimov") keep the role as a description.
import type { Syntax } from '../syntax/index.js';
import type { Gender } from '../syntax/lexicon.js';
import { cliticPronoun, isPluralPronoun, sequenceAt } from '../../lang/grammar.js';
import { isFiniteVerb, npBackward, npForward, skipBackward, skipForward } from '../syntax/phrases.js';
import type { AttributionLexicon } from './lexicon.js';
import { headOf, viaAt, type WordRange } from './via.js';

export interface SourceRef extends WordRange {
  /** Pronoun speaker ("il", "-t-elle", "lui") with its gender and number, to resolve. */
  pronoun: { gender: Gender; plural: boolean } | null;
  description: WordRange | null;
}

/** Most comma-separated segments examined left of a cue for appositions. */
const MAX_SEGMENTS = 4;

function pronounSource(sx: Syntax, i: number, gender: Gender): SourceRef {
  const l = cliticPronoun(sx.lex.g, sx.words[i]!.lower);
  return { first: i, last: i, pronoun: { gender, plural: isPluralPronoun(sx.lex.g, l) }, description: null };
}

/** Is word range [first, last] exactly one name chunk (title included)? */
export function isPureName(sx: Syntax, r: WordRange): boolean {
  const c = sx.chunkOf[r.first]!;
  return c >= 0 && sx.chunkOf[r.last] === c && sx.names[c]!.first === r.first && sx.names[c]!.last === r.last;
}

export function hasName(sx: Syntax, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (sx.chunkOf[k]! >= 0) return true;
  return false;
}

/** Split "le général russe Valery Gerasimov" into name + role description. */
export function splitRole(sx: Syntax, lex: AttributionLexicon, r: WordRange): SourceRef {
  const base: SourceRef = { ...r, pronoun: null, description: null };
  const c = sx.chunkOf[r.last]!;
  if (c < 0) return base;
  const chunk = sx.names[c]!;
  const head = headOf(sx, r);
  if (chunk.first <= head || chunk.first > r.last) return base;
  // "un responsable du parc national de Batang Gadis": a name after a preposition is a complement.
  const before = sx.words[chunk.first - 1]!.lower;
  if (sx.lex.prepositions.has(before) || sx.lex.npLinks.has(before)) return base;
  const role = lex.roles.get(sx.words[head]!.lower);
  const personName = chunk.title >= 0 || chunk.last > chunk.first;
  // "l'architecte Hugo Ferrand": a role noun from the lexicon, or any noun before a first name.
  const firstName = sx.lex.firstNames.has(sx.words[chunk.first]!.text.split('-')[0]!);
  if (!personName || (role?.kind !== 'person' && !firstName)) return base;
  return { first: chunk.first, last: r.last, pronoun: null, description: { first: r.first, last: chunk.first - 1 } };
}

/** Does the phrase end with a person's name (a titled name or two capitalised words)? */
function endsInPerson(sx: Syntax, r: WordRange): boolean {
  // "Richard Ferrand (LREM)": the bracketed party does not count.
  const last = sx.words[r.last]!.text === ')' && sx.words[r.last - 2]?.text === '(' ? r.last - 3 : r.last;
  const c = sx.chunkOf[last] ?? -1;
  if (c < 0) return false;
  const chunk = sx.names[c]!;
  return chunk.title >= 0 || chunk.last > chunk.first;
}

/** ", cité par Le Monde": a participle with its agent names an intermediary. */
function agentVia(sx: Syntax, lex: AttributionLexicon, n: number): WordRange | null {
  if (!lex.viaParticiples.has(sx.words[n]?.lower ?? '') || !lex.viaPrepositions.has(sx.words[n + 1]?.lower ?? '')) return null;
  const e = npForward(sx, n + 2);
  return e >= 0 ? { first: n + 2, last: e } : null;
}

/** Comma-separated segments left of the comma at `comma`, nearest first. */
function segmentsBefore(sx: Syntax, comma: number): WordRange[] {
  const segs: WordRange[] = [];
  const s = sx.words[comma]!.sentence;
  let end = comma - 1;
  while (end >= 0 && segs.length < MAX_SEGMENTS) {
    let k = end;
    while (k >= 0 && sx.words[k]!.sentence === s && sx.words[k]!.text !== ',') k--;
    if (k + 1 > end) break;
    segs.push({ first: k + 1, last: end });
    if (k < 0 || sx.words[k]!.sentence !== s) break;
    end = k - 1;
  }
  return segs;
}

/** Can a noun phrase (a speaker) start at word i: a determiner, a name, a title or a number? */
export function opensNp(sx: Syntax, i: number): boolean {
  const w = sx.words[i];
  if (!w) return false;
  return sx.lex.determiners.has(w.lower) || sx.chunkOf[i]! >= 0 || /^\d/.test(w.text) || sx.lex.titles.has(w.lower);
}

/** A comma-separated segment that is one noun phrase; an apposition may open on a bare role ("présidente de la Fondation"). */
function isNpSegment(sx: Syntax, r: WordRange, lex?: AttributionLexicon): boolean {
  const opens = opensNp(sx, r.first) || lex?.roles.get(sx.words[r.first]!.lower)?.kind === 'person';
  return opens && npForward(sx, r.first, 24, true) >= r.last;
}

/** A person's name: a titled name or at least two capitalised words. */
function isPersonName(sx: Syntax, r: WordRange): boolean {
  if (!isPureName(sx, r)) return false;
  const c = sx.names[sx.chunkOf[r.first]!]!;
  return c.title >= 0 || c.last > c.first;
}

function isRoleNp(sx: Syntax, lex: AttributionLexicon, r: WordRange): boolean {
  return lex.roles.get(sx.words[headOf(sx, r)]!.lower)?.kind === 'person';
}

/**
 * Apposition before a comma that precedes the cue: "Ryan al-Kildani, le chef des milices, a protesté",
 * "Le porte-parole du ministère, Igor Konashenkov, accuse". True when the last two segments are noun phrases.
 */
export function isApposition(sx: Syntax, lex: AttributionLexicon, comma: number): boolean {
  const segs = segmentsBefore(sx, comma);
  if (segs.length < 2) return false;
  if ((isNpSegment(sx, segs[0]!, lex) || isRelative(sx, segs[0]!)) && isNpSegment(sx, segs[1]!, lex)) return true;
  // "Alfonso Cuaron, cinéaste primé et oscarisé, soutient …": a short verbless description after a person's name.
  return isPersonName(sx, segs[1]!) && segs[0]!.last - segs[0]!.first < MAX_DESCRIPTION && !hasFiniteVerb(sx, segs[0]!);
}

/** Longest verbless description accepted as an apposition (words). */
const MAX_DESCRIPTION = 6;

export function hasFiniteVerb(sx: Syntax, r: WordRange): boolean {
  for (let k = r.first; k <= r.last; k++) if (isFiniteVerb(sx, k) || sx.isAux[k] === 1) return true;
  return false;
}

/** A relative clause or a participial phrase inside an apposition ("qui a coprésidé …", "située dans le nord"). */
function isRelative(sx: Syntax, r: WordRange): boolean {
  const w = sx.words[r.first]!;
  return sx.lex.relatives.has(w.lower) || sx.lex.g.appositionRelatives.has(w.lower) || isParticipleLike(sx, r.first) || isGerundPhrase(sx, r.first);
}

/** "tout en soutenant X", "en visitant Y", "évoquant Z": a participial adverbial, not the speaker. */
function isGerundPhrase(sx: Syntax, i: number): boolean {
  let k = i;
  for (const p of sx.lex.g.gerundPrefixes) if (sx.words[k]?.lower === p) k++;
  return sx.lex.verbs.get(sx.words[k]?.lower ?? '')?.some((f) => f.moods.includes('G')) ?? sx.lex.g.gerund.test(sx.words[k]?.lower ?? '');
}

/** A past participle by its form ("située", "fondés") or a generated participle. */
export function isParticipleLike(sx: Syntax, i: number): boolean {
  const w = sx.words[i]!;
  if (w.cap || w.kind !== 'word' || sx.lex.nonNames.has(w.lower) || sx.lex.determiners.has(w.lower)) return false;
  // "-que" / "-gue" end present forms ("indique", "explique"), not participles.
  if (sx.lex.g.presentNotParticiple.test(w.lower)) return false;
  return sx.lex.g.participle.test(w.lower) || (sx.lex.verbs.get(w.lower)?.some((f) => f.moods === 'K') ?? false);
}

/** Choose the speaker among appositive segments: a bare name first, then a phrase with a name, then the leftmost phrase. */
function fromSegments(sx: Syntax, lex: AttributionLexicon, comma: number): SourceRef | null {
  const cands: WordRange[] = [];
  const segs = segmentsBefore(sx, comma);
  for (const [i, seg] of segs.entries()) {
    // "Lundi, la police …": an adverbial opening the sentence ends the search.
    if (skipForward(sx, seg.first) > seg.last || sx.lex.timeWords.has(sx.words[seg.first]!.lower)) break;
    if (isRelative(sx, seg)) continue;
    if (isNpSegment(sx, seg, lex)) {
      cands.push(seg);
      continue;
    }
    const first = npBackward(sx, seg.last);
    if (first >= 0) cands.push({ first, last: seg.last });
    // "Daoud Makkawi, owner of the bookshop, told …": a bare noun phrase filling its segment after a person's name.
    const prev = segs[i + 1];
    const name = prev ? npBackward(sx, prev.last) : -1;
    if (first === seg.first && name >= 0 && isPersonName(sx, { first: name, last: prev!.last })) continue;
    break;
  }
  if (cands.length === 0) return null;
  const pick = cands.find((c) => isPureName(sx, c)) ?? cands.find((c) => hasName(sx, c)) ?? cands[cands.length - 1]!;
  const other = cands.find((c) => c !== pick) ?? null;
  const src = splitRole(sx, lex, pick);
  return { ...src, description: src.description ?? other };
}

/** The subject of a cue whose verbal group starts at word `at`. */
export function subjectBefore(sx: Syntax, lex: AttributionLexicon, at: number): SourceRef | null {
  let i = skipBackward(sx, at - 1);
  // Over auxiliaries and their adverbs: "a lui aussi fait", "s'était fait".
  for (let guard = 0; guard < 3 && i >= 0 && sx.isAux[i] === 1; guard++) i = skipBackward(sx, i - 1);
  const w = sx.words[i];
  if (!w || w.sentence !== sx.words[at]!.sentence) return null;
  // An object clitic before the auxiliary: "il l'a dit", "elle leur a expliqué".
  if (sx.lex.objectClitics.has(w.lower) && !sx.lex.subjectPronouns.has(w.lower) && sx.words[i - 1]?.sentence === w.sentence) i--;
  const v = sx.words[i]!;
  // "nous avions pris position et dit que …": a coordinated verb shares the subject of the first one.
  if (sx.lex.g.coordinators.has(v.lower)) return sharedSubject(sx, lex, i);
  if (sx.lex.subjectPronouns.has(v.lower)) return pronounSource(sx, i, sx.lex.subjectPronouns.get(v.lower) ?? null);
  if (sx.lex.relatives.has(v.lower)) return antecedent(sx, lex, i - 1);
  if (v.text === ',') return fromSegments(sx, lex, i);
  const head = relativeHead(sx, at);
  if (head >= 0) return pronounSource(sx, head, sx.lex.relativeHeads.get(sx.words[head]!.lower) ?? null);
  const first = npBackward(sx, i);
  if (first < 0) return null;
  const np = { first, last: i };
  // "Thierry Baril, le directeur des ressources humaines d'Airbus a annoncé": the name before the comma speaks.
  if (sx.words[first - 1]?.text === ',') {
    const prev = segmentsBefore(sx, first - 1)[0];
    if (prev && isPersonName(sx, prev) && isRoleNp(sx, lex, np)) return { ...prev, pronoun: null, description: np };
    if (prev && isPureName(sx, np) && isNpSegment(sx, prev, lex)) return { ...np, pronoun: null, description: prev };
  }
  return splitRole(sx, lex, np);
}

/** Longest relative clause between "Celui qui" and its main verb (words). */
const MAX_RELATIVE = 24;

/**
 * "Celle qui dirige le club depuis 2015 affirme …": the sentence opens on a pronoun heading a relative clause,
 * and the verb at `at` is the main verb after it (no punctuation or que-clause in between). Its index, or -1.
 */
function relativeHead(sx: Syntax, at: number): number {
  const f = sx.first[sx.words[at]!.sentence]!;
  if (at - f > MAX_RELATIVE || !sx.lex.relativeHeads.has(sx.words[f]!.lower) || !sx.lex.relatives.has(sx.words[f + 1]?.lower ?? '')) return -1;
  for (let k = f + 2; k < at; k++) {
    const w = sx.words[k]!;
    if (w.kind === 'punct' || sx.lex.complementizers.has(w.lower)) return -1;
  }
  return f;
}

/** Words looked back over for the first of two coordinated verbs. */
const MAX_COORDINATION = 16;

/** "Les occupants avaient alerté les secours et ont constaté que …": the subject of the first verb. */
export function sharedSubject(sx: Syntax, lex: AttributionLexicon, conj: number): SourceRef | null {
  const s = sx.words[conj]!.sentence;
  // The nearest subject pronoun or finite verb, unless its comma segment is an adverbial clause ("car …").
  let found = -1;
  for (let k = conj - 1; k >= 0 && k > conj - MAX_COORDINATION - MAX_CLAUSE_SKIP && sx.words[k]!.sentence === s; k--) {
    const w = sx.words[k]!;
    if (/^[;:«»"“”]$/.test(w.text)) break;
    if (w.text === ',' && found >= 0) break;
    if (sx.lex.subordinators.has(w.lower) && !sx.lex.subjectPronouns.has(sx.words[k - 1]?.lower ?? '')) found = -1;
    else if (found < 0 && k > conj - MAX_COORDINATION && (sx.lex.subjectPronouns.has(w.lower) || isFiniteVerb(sx, k))) found = k;
  }
  if (found < 0) return null;
  const w = sx.words[found]!;
  if (sx.lex.subjectPronouns.has(w.lower)) return pronounSource(sx, found, sx.lex.subjectPronouns.get(w.lower) ?? null);
  const clitic = sx.words[found + 1];
  if (clitic && sx.lex.invertedClitics.has(clitic.lower)) return pronounSource(sx, found + 1, sx.lex.invertedClitics.get(clitic.lower) ?? null);
  return subjectBefore(sx, lex, found);
}

/** Words of an adverbial clause crossed back over to the first coordinated verb. */
const MAX_CLAUSE_SKIP = 12;

/** The antecedent of a relative pronoun just after word i. */
function antecedent(sx: Syntax, lex: AttributionLexicon, i: number): SourceRef | null {
  const w = sx.words[i];
  if (!w) return null;
  if (w.text === ',') return fromSegments(sx, lex, i);
  const first = npBackward(sx, i, true);
  return first >= 0 ? splitRole(sx, lex, { first, last: i }) : null;
}

/** "auprès de X" or "de source(s) X" at word i: who told the reporter. */
export function toldBy(sx: Syntax, i: number): WordRange | null {
  const g = sx.lex.g;
  const w = sx.words[i]?.lower ?? '';
  const n = sx.words[i + 1]?.lower ?? '';
  if (g.toldByPrepositions.has(w) && (g.ofBare.has(n) || g.ofContracted.has(n))) {
    const from = g.ofBare.has(n) ? i + 2 : i + 1;
    const e = npForward(sx, from);
    return e >= 0 ? { first: from, last: e } : null;
  }
  const at = (k: number) => sx.words[i + k]?.lower;
  // "de même source": the source named before (resolved as "ces mêmes sources").
  if (sequenceAt(g.sameSource, at) > 0) return { first: i + 1, last: i + 2 };
  if (sequenceAt(g.fromSource, at) > 0) {
    const e = npForward(sx, i + 1);
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
function timeAside(sx: Syntax, i: number): number {
  const s = sx.words[i]?.sentence;
  for (let k = i; k < i + MAX_TIME_ASIDE && sx.words[k]?.sentence === s; k++) {
    const w = sx.words[k]!;
    if (w.text === ',') return k > i ? k : -1;
    if (!(sx.lex.timeWords.has(w.lower) || w.kind === 'number' || sx.lex.determiners.has(w.lower) || sx.lex.skippable.has(w.lower))) return -1;
  }
  return -1;
}

/** Collect medium phrases and skippable adverbials from word i on. */
export function collectVia(sx: Syntax, lex: AttributionLexicon, i: number, via: WordRange[]): number {
  for (let guard = 0; guard < 6; guard++) {
    const j = skipForward(sx, i);
    const v = viaAt(sx, lex, j);
    if (v) {
      via.push(v);
      i = v.last + 1;
      // "dans une interview accordée au Parisien": the medium behind the interview.
      const behind = agentVia(sx, lex, i);
      if (behind) {
        via.push(behind);
        i = behind.last + 1;
      }
      continue;
    }
    // ", lundi 2 septembre," between the cue and its complement.
    const t = sx.words[j]?.text === ',' ? timeAside(sx, j + 1) : -1;
    if (t >= 0) {
      i = t + 1;
      continue;
    }
    // ", dans un communiqué," between the cue and its subject.
    const w = viaAt(sx, lex, j + 1);
    if (sx.words[j]?.text === ',' && w && sx.words[w.last + 1]?.text === ',') {
      via.push(w);
      i = w.last + 2;
      continue;
    }
    return j;
  }
  return i;
}

/**
 * The inverted subject after an incise cue ("…, a annoncé l'OMPI", "…, écrit le site X, citant Y, le chef …").
 * `clitic` is the word index of an inverted pronoun ("dit-il"), or -1.
 */
export function invertedSubject(sx: Syntax, lex: AttributionLexicon, last: number, clitic: number, cliticGender: Gender): Inverted {
  const via: WordRange[] = [];
  let i = collectVia(sx, lex, last + 1, via);
  // "a-t-on appris auprès de la préfecture" / "de source policière": the real source after an impersonal "on".
  const told = clitic >= 0 && sx.lex.g.indefinitePronouns.has(cliticPronoun(sx.lex.g, sx.words[clitic]!.lower)) ? toldBy(sx, i) : null;
  if (told) return { source: { ...told, pronoun: null, description: null }, via, next: told.last + 1 };
  if (clitic >= 0) return { source: pronounSource(sx, clitic, cliticGender), via, next: i };
  let end = opensNp(sx, i) ? npForward(sx, i) : -1;
  if (end < 0) return { source: null, via, next: i };
  // "relate le gendarme au Télégramme": the medium is no part of the speaker.
  for (let k = i + 1; k <= end; k++) {
    if (lex.mediumPrepositions.has(sx.words[k]!.lower) && viaAt(sx, lex, k)) {
      end = k - 1;
      break;
    }
  }
  let source: SourceRef = splitRole(sx, lex, { first: i, last: end });
  i = collectVia(sx, lex, end + 1, via);
  const s = sx.words[end]!.sentence;
  // What may follow the speaker, comma-separated: ", citant Y" (the medium cites the real speaker),
  // ", à la radio X" (a medium), ", le chef du Conseil" / ", conseiller municipal" (a description),
  // ", Hélène Varin" (the name after a role).
  for (let guard = 0; guard < 3 && sx.words[i]?.text === ',' && sx.words[i + 1]?.sentence === s; guard++) {
    const n = i + 1;
    if (lex.citing.has(sx.words[n]!.lower)) {
      const e = npForward(sx, n + 1);
      if (e < 0) break;
      via.push({ first: source.first, last: source.last });
      source = splitRole(sx, lex, { first: n + 1, last: e });
      i = collectVia(sx, lex, e + 1, via);
      continue;
    }
    const v = viaAt(sx, lex, n) ?? agentVia(sx, lex, n);
    if (v) {
      via.push(v);
      i = collectVia(sx, lex, v.last + 1, via);
      continue;
    }
    const e = npForward(sx, n);
    const after = sx.words[e + 1];
    const closes = !after || after.sentence !== s || /^[.,;]$/.test(after.text);
    if (e < 0 || !closes || sx.lex.relatives.has(sx.words[n]!.lower)) break;
    const apposition = splitRole(sx, lex, { first: n, last: e });
    // "le guide suprême iranien, l'ayatollah Ali Khamenei": a person's name apposed to a role speaks.
    if (!source.description && endsInPerson(sx, apposition) && !endsInPerson(sx, source)) {
      source = { ...apposition, description: apposition.description ?? { first: source.first, last: source.last } };
    } else if (!source.description) source = { ...source, description: { first: n, last: e } };
    else break;
    i = e + 1;
  }
  return { source, via, next: i };
}
