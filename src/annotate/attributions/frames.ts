// The constructions a cue verb takes, tried in order: passive with agent
// ("confirmées par X", "cité par X"), incise / inversion after the content
// ("« … », a-t-il dit", "…, a annoncé l'OMPI"), que-clause, colon + quotation,
// infinitive ("a affirmé avoir libéré"), object ("a démenti toute livraison").
import { wordAt, type Syntax } from '../syntax/index.js';
import { FORM_GERUND } from '../syntax/lexicon.js';
import { isFiniteVerb, npBackward, npForward, skipForward } from '../syntax/phrases.js';
import { CLOSE_QUOTES, OPEN_QUOTES, wordAtOrAfter } from '../syntax/words.js';
import type { Candidate, Construction } from './candidate.js';
import type { Cue } from './cues.js';
import type { AttributionLexicon } from './lexicon.js';
import { collectVia, hasFiniteVerb, invertedSubject, isApposition, subjectBefore, toldBy, type SourceRef } from './subjects.js';
import { headOf, isMedium, viaAt, type WordRange } from './via.js';
import { quotedAs } from './quoted-as.js';
import type { Quote } from '../../doc/schema.js';
import { cliticPronoun } from '../../lang/grammar.js';

/** Coordinated addressees crossed before a que-clause ("a assuré à X et Y que"). */
const MAX_ADDRESSEES = 3;

/** Words looked at for the verb of a clause without a complementizer ("said [the new finance minister] would …"). */
const MAX_ZERO_THAT_SUBJECT = 8;

/** Words an object may take before a colon ("confirme la nouvelle :"). */
const MAX_OBJECT_BEFORE_COLON = 6;

export interface Spans {
  sx: Syntax;
  lex: AttributionLexicon;
  quoteEndingAt: Map<number, Quote>;
  quoteStartingAt: Map<number, Quote>;
}

/** Sentences a content may run over when a line break cut them. */
const MAX_CONTINUED = 3;

/** Last word of the sentence (with its broken-line continuations), before its final punctuation. */
export function sentenceEnd(sx: Syntax, s: number): number {
  for (let k = 0; k < MAX_CONTINUED && sx.continues[s]; k++) s++;
  let e = sx.last[s]!;
  const f = sx.first[s]!;
  while (e > f && /^[.;:,…]$|^\.{2,}$/.test(sx.words[e]!.text)) e--;
  return e;
}

function chars(sx: Syntax, first: number, last: number): { start: number; end: number } {
  return { start: sx.words[first]!.start, end: sx.words[last]!.end };
}

/** direct when the content is one quotation, mixed when it holds quoted fragments, else `plain`. */
export function kindOf(sp: Spans, content: { start: number; end: number }, plain: Candidate['kind']): Candidate['kind'] {
  const text = sp.sx.text;
  const q = sp.quoteStartingAt.get(content.start);
  if (q && q.end >= content.end - 1) return 'direct';
  return quotes(text, content) ? 'mixed' : plain;
}

function make(
  sp: Spans,
  cue: Cue,
  construction: Construction,
  source: SourceRef | null,
  content: { start: number; end: number },
  via: WordRange[],
  plain: Candidate['kind'] = 'indirect',
): Candidate {
  // Reported speech inside a quotation ends with it: « Nous avons dit que X », a expliqué Y.
  const q = quoteAround(sp, sp.sx.words[cue.first]!.start);
  if (q && content.end > q.end && content.start < q.end) {
    let k = wordAtOrAfter(sp.sx.words, q.end) - 1;
    while (k > 0 && /^[»"”.,;]$/.test(sp.sx.words[k]!.text)) k--;
    if (sp.sx.words[k]!.end > content.start) content = { start: content.start, end: sp.sx.words[k]!.end };
  }
  return {
    construction,
    cue: chars(sp.sx, cue.first, cue.last),
    cueWords: { first: cue.first, last: cue.last },
    verb: cue,
    source,
    inherited: null,
    content,
    kind: kindOf(sp, content, plain),
    via,
    sentence: sp.sx.words[cue.head]!.sentence,
  };
}

/** The quotation that ends right before word i (a comma may sit between). */
function quoteBefore(sp: Spans, i: number): Quote | null {
  const { words } = sp.sx;
  let k = i - 1;
  if (words[k]?.text === ',') k--;
  const w = words[k];
  if (!w || !CLOSE_QUOTES.has(w.text)) return null;
  return sp.quoteEndingAt.get(w.end) ?? null;
}

/** Per word, the smallest closed quotation holding its start (index into sx.quotes, -1 for none). */
const quoteOfWord = new WeakMap<Syntax, Int32Array>();

function quotesAroundWords(sx: Syntax): Int32Array {
  let out = quoteOfWord.get(sx);
  if (out) return out;
  out = new Int32Array(sx.words.length).fill(-1);
  // One sweep over words and quotations (sorted by start, longest first) with a stack of the open ones:
  // linear, where a scan of every quotation per cue was quadratic on quotation-dense text.
  const stack: number[] = [];
  let q = 0;
  for (let w = 0; w < sx.words.length; w++) {
    const at = sx.words[w]!.start;
    while (q < sx.quotes.length && sx.quotes[q]!.start <= at) {
      if (sx.quotes[q]!.closed && sx.quotes[q]!.end > at) stack.push(q);
      q++;
    }
    while (stack.length && sx.quotes[stack[stack.length - 1]!]!.end <= at) stack.pop();
    out[w] = stack.length ? stack[stack.length - 1]! : -1;
  }
  quoteOfWord.set(sx, out);
  return out;
}

/** The smallest closed quotation containing character offset `at` (a word's start), if any. */
export function quoteAround(sp: Spans, at: number): Quote | null {
  const w = wordAt(sp.sx, at);
  if (w >= 0 && sp.sx.words[w]!.start === at) {
    const i = quotesAroundWords(sp.sx)[w]!;
    return i >= 0 ? sp.sx.quotes[i]! : null;
  }
  let best: Quote | null = null;
  for (const q of sp.sx.quotes) {
    if (q.start > at) break;
    if (q.end > at && q.closed && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}

function tryPassive(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  if (!cue.entry.frames.has('pass')) return null;
  const j = skipForward(sx, cue.last + 1);
  if (!lex.passiveAgent.has(sx.words[j]?.lower ?? '')) return null;
  const end = npForward(sx, j + 1);
  if (end < 0) return null;
  // "Tang was quoted by the People's Daily as saying …": the participle cue after the link carries the statement.
  if (lex.quotedAsLinks.has(sx.words[end + 1]?.lower ?? '')) return null;
  const source: SourceRef = { first: j + 1, last: end, pronoun: null, description: null };
  const subj = cue.bare ? npBackward(sx, cue.first - 1) : (subjectBefore(sx, lex, cue.first)?.first ?? -1);
  if (subj < 0) return null;
  const s = sx.words[cue.head]!.sentence;
  let last = sentenceEnd(sx, s);
  if (sx.words[end + 1]?.text === ',') last = end;
  return make(sp, cue, 'passive', source, chars(sx, subj, last), []);
}

/** "…, a annoncé X." / "« … », dit-il." / "« … »\n\na déclaré X." */
function tryIncise(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  if (!cue.entry.frames.has('inc')) return null;
  if (sx.lex.g.subjectFirstIncise) {
    const c = trySubjectFirstIncise(sp, cue);
    if (c) return c;
  }
  const { words } = sx;
  const prev = words[cue.first - 1];
  if (!prev) return null;
  const s = words[cue.head]!.sentence;
  const sentenceStart = sx.first[s]! === cue.first;
  const quote = quoteBefore(sp, cue.first);
  if (!quote && (prev.text !== ',' || prev.sentence !== s)) return null;
  if (!quote && isApposition(sx, lex, cue.first - 1)) return null;
  if (sentenceStart && !quote) return null;
  const inv = invertedSubject(sx, lex, cue.last, cue.clitic, cue.cliticGender);
  if (!inv.source) return null;
  // "…, a appris l'AFP auprès de son entourage": the medium learned it from the source.
  const told = lex.learningCues.has(cue.entry.entry) && cue.clitic < 0 ? toldBy(sx, inv.next) : null;
  if (told) {
    inv.via.unshift({ first: inv.source.first, last: inv.source.last });
    inv.source = { ...told, pronoun: null, description: null };
    inv.next = told.last + 1;
  }
  // "…, a dit X que …" is a que-clause with an inverted subject, not an incise.
  if (sx.lex.complementizers.has(words[inv.next]?.lower ?? '')) return null;
  if (sx.lex.g.inversionEndsClause && cue.clitic < 0 && !quote && !clauseEndsAt(sx, inv.next, s)) return null;
  let content: { start: number; end: number };
  const around = quoteAround(sp, words[cue.first]!.start);
  if (around && !quote) content = { start: around.start, end: around.end };
  else if (quote) {
    // Text before the quotation in its sentence makes a mixed quotation ("Les syndicats vont « … », a-t-il dit").
    const qs = wordAt(sx, quote.start);
    const qSentence = qs >= 0 ? words[qs]!.sentence : s;
    const from = sx.first[qSentence]!;
    const lead = qs >= 0 ? qs - from : 0;
    // After a colon the quotation stands alone ("X a dénoncé Y : « … », a-t-il ajouté").
    const colon = qs > 0 && words[qs - 1]!.text === ':';
    content = lead > 1 && !colon ? { start: words[from]!.start, end: quote.end } : { start: quote.start, end: quote.end };
  } else {
    const from = sx.first[s]!;
    if (cue.first - 1 <= from) return null;
    content = chars(sx, from, cue.first - 2);
    // "Car, ajoute-t-elle, « … »" / "Au total, précise X, le bilan est …": after a mere connective or adverbial,
    // what follows the incise is the content.
    const rest = inv.next + 1;
    if (
      words[inv.next]?.text === ',' &&
      rest <= sentenceEnd(sx, s) &&
      cue.first - 2 - from < MAX_CONNECTIVE &&
      !sx.lex.complementizers.has(words[rest]!.lower)
    ) {
      const after = sp.quoteStartingAt.get(words[rest]!.start);
      content = after ? { start: after.start, end: after.end } : chars(sx, rest, sentenceEnd(sx, s));
    }
  }
  // "Le but étant, a-t-il souligné, que les propositions …": the content goes on after the incise.
  const end = sentenceEnd(sx, s);
  if (!quote && !around && words[inv.next]?.text === ',' && sx.lex.complementizers.has(words[inv.next + 1]?.lower ?? '') && inv.next < end) {
    content = { start: content.start, end: words[end]!.end };
  }
  return { ...make(sp, cue, 'incise', inv.source, content, inv.via), frame: { first: cue.first, last: inv.next - 1 } };
}

/**
 * An incise whose subject comes first (grammar.json `subjectFirstIncise`): '"…," he said.', '"…," Smith told
 * Reuters.', '…, a spokesman said.' Without a quotation, the incise must end its sentence.
 */
function trySubjectFirstIncise(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  const { words } = sx;
  // '"…," the People's Daily quoted Tang as saying.': the quoted speaker after the quoting medium.
  const quotedBy = quotedAs(sx, lex, cue);
  if ((cue.infinitive || cue.gerund) && !quotedBy) return null;
  const subject = quotedBy?.source ?? subjectBefore(sx, lex, cue.first);
  if (!subject) return null;
  const opening = quotedBy?.via ?? subject;
  const s = words[cue.head]!.sentence;
  const via: WordRange[] = quotedBy?.via ? [quotedBy.via] : [];
  let next = collectVia(sx, lex, cue.last + 1, via);
  if (sx.lex.g.addresseeCues.has(cue.entry.entry)) {
    const e = words[next]?.sentence === s && words[next]!.kind === 'word' ? npForward(sx, next) : -1;
    if (e >= 0) {
      if (isMedium(sx, lex, { first: next, last: e })) via.push({ first: next, last: e });
      next = collectVia(sx, lex, e + 1, via);
    }
  }
  const ends = clauseEndsAt(sx, next, s);
  if (quotedBy && !ends) return null;
  // '"…," the embassy's envoy, Tadeusz Awdankiewicz, told Reuters': the quotation may end before an apposition.
  let quote = quoteBefore(sp, opening.first);
  if (!quote && words[opening.first - 1]?.text === ',') {
    const k = npBackward(sx, opening.first - 2);
    if (k >= 0) quote = quoteBefore(sp, k);
  }
  if (quote) return { ...make(sp, cue, 'incise', subject, { start: quote.start, end: quote.end }, via), frame: { first: opening.first, last: next - 1 } };
  const comma = words[opening.first - 1];
  const from = sx.first[s]!;
  if (!ends || comma?.text !== ',' || comma.sentence !== s || opening.first - 2 <= from) return null;
  return { ...make(sp, cue, 'incise', subject, chars(sx, from, opening.first - 2), via), frame: { first: opening.first, last: next - 1 } };
}

/** Does the clause of sentence s end at word i: a stop, the sentence's end, a comma before a quotation or a participle ("…, forcing")? */
function clauseEndsAt(sx: Syntax, i: number, s: number): boolean {
  const w = sx.words[i];
  if (!w || w.sentence !== s || /^[.!?;]$/.test(w.text) || (CLOSE_QUOTES.has(w.text) && !OPEN_QUOTES.has(w.text))) return true;
  if (w.text !== ',') return false;
  const n = sx.words[i + 1];
  return !n || OPEN_QUOTES.has(n.text) || (sx.formFlags[i + 1]! & FORM_GERUND) !== 0 || sx.lex.g.gerund.test(n.lower);
}

/** Longest lead-in before an incise that introduces the quotation after it ("Mais encore, …"). */
const MAX_CONNECTIVE = 2;

/** Words looked back over for the main verb of a participial cue. */
const MAX_MAIN_VERB = 30;

/**
 * Inversion after "ce que" or "comme": "C'est ce que révélait le Daily Mail." (the content is the sentence
 * before), "comme l'a indiqué le ministre, …" / "…, comme le rapporte Reuters." (the rest of the sentence).
 */
function tryComment(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  const { words } = sx;
  const p1 = words[cue.first - 1]?.lower ?? '';
  const p2 = words[cue.first - 2]?.lower ?? '';
  const g = sx.lex.g;
  const cleft = sx.lex.complementizers.has(p1) && g.cleftPronoun.has(p2);
  const comme = g.asConjunction.has(p2) && g.asObjectPronouns.has(p1);
  if (!cleft && !comme) return null;
  const inv = invertedSubject(sx, lex, cue.last, cue.clitic, cue.cliticGender);
  if (!inv.source) return null;
  const s = words[cue.head]!.sentence;
  const first = sx.first[s]!;
  const end = sentenceEnd(sx, s);
  let content: { start: number; end: number } | null = null;
  // "Le dialogue, c'est ce que préconise X": the phrase fronted before "c'est" is the content.
  const fronted = cue.first - 5;
  if (cleft && fronted >= first && g.cleftSubject.has(words[fronted + 1]?.lower ?? ''))
    content = chars(sx, first, words[fronted]!.text === ',' ? fronted - 1 : fronted);
  else if (cleft && s > 0) content = chars(sx, sx.first[s - 1]!, sentenceEnd(sx, s - 1));
  else if (comme && cue.first - 2 === first && words[inv.next]?.text === ',' && inv.next < end) content = chars(sx, inv.next + 1, end);
  else if (comme && cue.first - 3 > first) content = chars(sx, first, words[cue.first - 3]!.text === ',' ? cue.first - 4 : cue.first - 3);
  return content ? make(sp, cue, 'incise', inv.source, content, inv.via) : null;
}

/** Speaker of a preverbal construction: subject, inverted clitic, the main clause's subject for a participle. */
function preverbal(sp: Spans, cue: Cue): SourceRef | null {
  const { sx, lex } = sp;
  const quoted = quotedAs(sx, lex, cue);
  if (quoted) return quoted.source;
  if (cue.clitic >= 0) return invertedSubject(sx, lex, cue.last, cue.clitic, cue.cliticGender).source;
  if (cue.gerund) {
    const src = mainSubject(sp, cue.first);
    // "Il est important de rappeler que …": an impersonal "il" is no speaker.
    const w = src ? sx.words[src.first]! : null;
    if (cue.dependent && w && sx.lex.g.impersonalPronoun.has(w.lower) && sx.lex.impersonalVerbs.has(sx.words[src!.first + 1]?.lower ?? '')) return null;
    return src;
  }
  if (cue.infinitive) return null;
  return subjectBefore(sx, lex, cue.first);
}

/** "Joe Biden a fait référence à la Cour suprême en estimant que …": the subject of the main verb to the left. */
function mainSubject(sp: Spans, at: number): SourceRef | null {
  const { sx, lex } = sp;
  const s = sx.words[at]!.sentence;
  for (let k = at - 1; k >= 0 && k > at - MAX_MAIN_VERB && sx.words[k]!.sentence === s; k--) {
    if (CLOSE_QUOTES.has(sx.words[k]!.text)) return null;
    if (!isFiniteVerb(sx, k)) continue;
    const clitic = sx.words[k + 1];
    if (clitic && sx.lex.invertedClitics.has(clitic.lower)) return invertedSubject(sx, lex, k, k + 1, sx.lex.invertedClitics.get(clitic.lower) ?? null).source;
    return subjectBefore(sx, lex, k);
  }
  return null;
}

function tryComplement(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  // "X quoted Y as saying …": Y speaks (not the previous speaker), X carries it.
  const quotedBy = quotedAs(sx, lex, cue);
  if (quotedBy) cue = { ...cue, infinitive: false, gerund: false, dependent: false };
  // "pour rappeler que …" speaks for the subject of the verb it depends on, or for no one.
  if (cue.dependent && !preverbal(sp, cue)) return null;
  const { words } = sx;
  const f = cue.entry.frames;
  const via: WordRange[] = [];
  let j = collectVia(sx, lex, cue.last + 1, via);
  if (quotedBy?.via) via.unshift(quotedBy.via);
  const s = words[cue.head]!.sentence;
  const end = sentenceEnd(sx, s);
  let w = words[j];
  if (!w || (w.sentence !== s && w.text !== '«')) return null;
  const g = sx.lex.g;
  // "told Reuters (that) …", "told reporters on Monday …": a bare-object addressee (grammar.json `addresseeCues`).
  if (g.addresseeCues.has(cue.entry.entry) && !sx.lex.complementizers.has(w.lower) && !OPEN_QUOTES.has(w.text) && !/^[.,;:!?]$/.test(w.text)) {
    const e = npForward(sx, j);
    if (e >= 0 && e < end) {
      if (isMedium(sx, lex, { first: j, last: e })) via.push({ first: j, last: e });
      j = collectVia(sx, lex, e + 1, via);
      w = words[j];
      if (!w || w.sentence !== s) return null;
    }
  }
  // "a assuré à ses partenaires que …": an addressee before the que-clause.
  if (lex.mediumPrepositions.has(w.lower) && !sx.lex.complementizers.has(w.lower)) {
    let e = npForward(sx, j + 1);
    // "à Paul Roux et Ana Lima que …": coordinated addressees.
    for (let guard = 0; guard < MAX_ADDRESSEES && e >= 0 && sx.lex.g.and.has(words[e + 1]?.lower ?? ''); guard++) e = npForward(sx, e + 2);
    if (e >= 0 && sx.lex.complementizers.has(words[e + 1]?.lower ?? '')) j = e + 1;
  } else if (sx.chunkOf[j]! >= 0 && f.has('que')) {
    // "a assuré Emmanuel Macron que …": a named addressee as direct object.
    const e = npForward(sx, j);
    if (e >= 0 && sx.lex.complementizers.has(words[e + 1]?.lower ?? '')) j = e + 1;
  }
  const x = words[j]!;
  if (sx.lex.complementizers.has(x.lower) && f.has('que') && j < end) return make(sp, cue, 'que', preverbal(sp, cue), chars(sx, j + 1, end), via);
  // "a dit en conférence « … »": a quotation right after the cue is its content.
  const quoted = OPEN_QUOTES.has(x.text) && f.has('col') ? sp.quoteStartingAt.get(x.start) : undefined;
  if (quoted?.closed && wordsIn(sx, quoted) >= MIN_QUOTED_WORDS)
    return make(sp, cue, 'colon', preverbal(sp, cue), { start: quoted.start, end: quoted.end }, via);
  const colon = colonAfter(sp, j);
  if (colon >= 0 && f.has('col')) {
    const content = afterColon(sp, colon);
    if (content) return make(sp, cue, 'colon', preverbal(sp, cue), content, via);
  }
  if (x.sentence !== s) return null;
  // "said the plan would fail": a clause without its complementizer (grammar.json `zeroComplementizer`).
  if (
    g.zeroComplementizer &&
    f.has('que') &&
    j < end &&
    x.kind === 'word' &&
    !OPEN_QUOTES.has(x.text) &&
    hasFiniteVerb(sx, { first: j, last: Math.min(end, j + MAX_ZERO_THAT_SUBJECT) })
  ) {
    const src = preverbal(sp, cue);
    if (src) return make(sp, cue, 'que', src, chars(sx, j, end), via);
  }
  const speaker = () => {
    const src = preverbal(sp, cue);
    return src && canSpeak(sp, src) ? src : null;
  };
  // A narrative infinitive, a participle or a coordinated verb may go on with the previous speaker.
  const continues = (cue.infinitive && !cue.dependent) || cue.coordinated;
  // "a demandé à son équipe de « tenir bon »", "promet de revenir": a directive or promise.
  const de = f.has('de') ? deInfinitive(sp, j, end) : -1;
  if (de >= 0) {
    const src = speaker();
    // The addressee and "de" stay in the content ("à son équipe de « tenir bon »").
    return src || continues ? make(sp, cue, 'infinitive', src, chars(sx, j, end), via) : null;
  }
  // Without a que-clause or a quotation, only a speaker-like subject makes "annonce X" reported speech ("le soleil annonce …" is not).
  if (f.has('inf') && isInfinitive(sp, j) && j <= end) {
    const src = speaker();
    return src || continues ? make(sp, cue, 'infinitive', src, chars(sx, j, end), via) : null;
  }
  const objvia = f.has('objvia');
  // Where cue forms double as plural nouns ("reports of …"), an object opening with a preposition means a noun.
  const nounForm = g.cueNounHomographs && sx.lex.prepositions.has(x.lower) && !sx.lex.determiners.has(x.lower);
  if ((f.has('obj') || objvia) && j < end && !/^[.,;:!?»"”)]$/.test(x.text) && !nounForm) {
    const src = speaker();
    if (!src && !continues) return null;
    const last = objectEnd(sp, j, end, via);
    const content = chars(sx, j, last);
    // "a rejeté ces conclusions" is a decision unless a medium carries it or it quotes the speaker.
    if (objvia && !f.has('obj') && via.length === 0 && !quotes(sx.text, content)) return null;
    return make(sp, cue, 'object', src, content, via);
  }
  return null;
}

/** Offsets of the opening quotation marks of a text, found once per text. */
let openMarks: { text: string; at: number[] } | null = null;

/** Does the span hold an opening quotation mark (a quoted fragment of the speaker's words)? A binary search, not a scan. */
function quotes(text: string, span: { start: number; end: number }): boolean {
  if (openMarks?.text !== text) {
    const at: number[] = [];
    for (let k = 0; k < text.length; k++) if (OPEN_QUOTES.has(text[k]!)) at.push(k);
    openMarks = { text, at };
  }
  const { at } = openMarks;
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo]! < span.end;
}

/**
 * Last word of a noun-phrase object running from word j to at most `end`: it stops before a medium phrase
 * ("ces conclusions | dans un communiqué publié jeudi"), whose intermediaries go to `via`, and before a colon.
 */
function objectEnd(sp: Spans, j: number, end: number, via: WordRange[]): number {
  const { sx, lex } = sp;
  for (let k = j + 1; k <= end; k++) {
    const w = sx.words[k]!;
    if (w.text === ':') return k - 1;
    if (OPEN_QUOTES.has(w.text)) {
      const q = sp.quoteStartingAt.get(w.start);
      if (q) k = wordAtOrAfter(sx.words, q.end) - 1;
      continue;
    }
    if (!lex.mediumPrepositions.has(w.lower) || !viaAt(sx, lex, k)) continue;
    collectVia(sx, lex, k, via);
    return sx.words[k - 1]!.text === ',' ? k - 2 : k - 1;
  }
  return end;
}

/** A person, body, outlet, document or group, a name or a pronoun: something that can say things. */
function canSpeak(sp: Spans, src: SourceRef): boolean {
  if (src.pronoun) return true;
  for (let k = src.first; k <= src.last; k++) if (sp.sx.chunkOf[k]! >= 0) return true;
  const head = sp.sx.words[headOf(sp.sx, src)]!.lower;
  return sp.lex.roles.has(head) || sp.sx.lex.subjectPronouns.has(head) || sp.sx.lex.demonstratives.has(sp.sx.words[src.first]!.lower);
}

/** Quotations shorter than this many words are names, titles or scare quotes, not statements ("a annoncé « Les Rivages »"). */
export const MIN_QUOTED_WORDS = 4;

export function wordsIn(sx: Syntax, span: { start: number; end: number }): number {
  let n = 0;
  for (let k = wordAtOrAfter(sx.words, span.start); k < sx.words.length && sx.words[k]!.end <= span.end; k++) if (sx.words[k]!.kind === 'word') n++;
  return n;
}

function colonAfter(sp: Spans, j: number): number {
  const { words } = sp.sx;
  for (let k = j; k < j + MAX_OBJECT_BEFORE_COLON && k < words.length; k++) {
    if (words[k]!.text === ':') return k;
    if (words[k]!.kind === 'punct' && words[k]!.text !== '-') return -1;
  }
  return -1;
}

/** Content after a colon: the quotation opening there (even a paragraph later), else the rest of the sentence. */
function afterColon(sp: Spans, colon: number): { start: number; end: number } | null {
  const { sx } = sp;
  const n = sx.words[colon + 1];
  if (!n) return null;
  const q = sp.quoteStartingAt.get(n.start);
  if (q) return { start: q.start, end: q.end };
  const s = sx.words[colon]!.sentence;
  const end = sentenceEnd(sx, s);
  if (n.sentence === s && end > colon + 1) return chars(sx, colon + 1, end);
  return null;
}

/** "(à X) de + infinitive" from word j: the infinitive's index, or -1. */
function deInfinitive(sp: Spans, j: number, end: number): number {
  const { sx, lex } = sp;
  let k = j;
  if (lex.mediumPrepositions.has(sx.words[k]?.lower ?? '')) {
    const e = npForward(sx, k + 1);
    if (e < 0) return -1;
    k = e + 1;
  }
  const w = sx.words[k]?.lower ?? '';
  if (!sx.lex.g.deInfinitiveLinks.has(w) || k + 1 > end) return -1;
  // "de « faire preuve d'humanité »": the quotation opens on the infinitive.
  const quoted = OPEN_QUOTES.has(sx.words[k + 1]!.text) ? 1 : 0;
  return isInfinitive(sp, k + 1 + quoted) ? k + 1 : -1;
}

function isInfinitive(sp: Spans, j: number): boolean {
  const w = sp.sx.words[j];
  if (!w || w.cap || w.kind !== 'word') return false;
  const g = sp.sx.lex.g;
  if (g.infinitiveAuxiliaries.has(w.lower)) return true;
  return g.infinitive.test(w.lower) && !sp.sx.lex.determiners.has(w.lower) && !sp.sx.lex.prepositions.has(w.lower) && w.lower.length >= g.infinitiveMinLength;
}

/** "« … », est-il écrit dans le rapport": an impersonal passive incise; the document is the source. */
function tryImpersonal(sp: Spans, cue: Cue): Candidate | null {
  const { sx, lex } = sp;
  if (cue.clitic < 0 || !sx.lex.g.impersonalPronoun.has(cliticPronoun(sx.lex.g, sx.words[cue.clitic]!.lower))) return null;
  const via: WordRange[] = [];
  const next = collectVia(sx, lex, cue.last + 1, via);
  const doc = via[0];
  const quote = quoteBefore(sp, cue.first);
  if (!doc || !quote) return null;
  const source: SourceRef = { ...doc, pronoun: null, description: null };
  return { ...make(sp, cue, 'incise', source, { start: quote.start, end: quote.end }, via.slice(1)), frame: { first: cue.first, last: next - 1 } };
}

/** The attribution a cue introduces, or null when no construction fits. */
export function frameOf(sp: Spans, cue: Cue): Candidate | null {
  if (cue.passive) return tryImpersonal(sp, cue) ?? tryPassive(sp, cue);
  return tryIncise(sp, cue) ?? tryComment(sp, cue) ?? tryComplement(sp, cue);
}
