// The constructions a cue verb takes, tried in order: passive with agent
// ("confirmées par X", "cité par X"), incise / inversion after the content
// ("« … », a-t-il dit", "…, a annoncé l'OMPI"), que-clause, colon + quotation,
// infinitive ("a affirmé avoir libéré"), object ("a démenti toute livraison").
import { wordAt, type Syntax } from '../syntax/index.js';
import { FORM_GERUND, FORM_PARTICIPLE } from '../syntax/lexicon.js';
import { isAdverb, isFiniteVerb, npBackward, npForward, skipBackward, skipForward } from '../syntax/phrases.js';
import { CLOSE_QUOTES, OPEN_QUOTES, wordAtOrAfter } from '../syntax/words.js';
import type { Candidate, Construction } from './candidate.js';
import type { Cue } from './cues.js';
import type { AttributionLexicon } from './lexicon.js';
import {
  collectVia,
  hasFiniteVerb,
  invertedSubject,
  closesRelative,
  isApposition,
  opensNp,
  speakerNpForward,
  splitRole,
  subjectBefore,
  titledName,
  toldBy,
  type SourceRef,
} from './subjects.js';
import { headOf, isAudience, isMedium, viaAt, type WordRange } from './via.js';
import { citedAside } from './cited.js';
import { beforeCoordinatedPredicate, coordinatedPredicate, opensVerbGroup } from './coordinated.js';
import { quotedAs } from './quoted-as.js';
import type { Quote } from '../../doc/schema.js';
import { cliticPronoun, pluralOf } from '../../lang/grammar.js';

/** Coordinated addressees crossed before a que-clause ("a assuré à X et Y que"). */
const MAX_ADDRESSEES = 3;

/** Words looked at for the verb of a clause without a complementizer ("said [the new finance minister] would …"). */
const MAX_ZERO_THAT_SUBJECT = 12;

/** Words an object may take before a colon ("confirme la nouvelle :"). */
const MAX_OBJECT_BEFORE_COLON = 6;

export interface FrameContext {
  syntax: Syntax;
  lex: AttributionLexicon;
  quoteEndingAt: Map<number, Quote>;
  quoteStartingAt: Map<number, Quote>;
  /** Per word, the entities layer's type of the entity holding it (ENTITY_KINDS values, 0 for none). */
  entityKind: Uint8Array;
  /** Per word, the last word of the entity holding it (-1 for none). */
  entityLast?: Int32Array;
}

/** Entity types of the entities layer as per-word codes (0: no entity). */
export const ENTITY_KINDS = { PER: 1, ORG: 2, LOC: 3 } as const;
export const ENTITY_OTHER = 4;

/** Sentences a content may run over when a line break cut them. */
const MAX_CONTINUED = 3;

/** Last word of the sentence (with its broken-line continuations), before its final punctuation. */
export function sentenceEnd(syntax: Syntax, sentence: number): number {
  for (let k = 0; k < MAX_CONTINUED && syntax.continues[sentence]; k++) sentence++;
  let phraseEnd = syntax.last[sentence]!;
  const firstWord = syntax.first[sentence]!;
  while (phraseEnd > firstWord && /^[.;:,…]$|^\.{2,}$/.test(syntax.words[phraseEnd]!.text)) phraseEnd--;
  return phraseEnd;
}

function chars(syntax: Syntax, first: number, last: number): { start: number; end: number } {
  return { start: syntax.words[first]!.start, end: syntax.words[last]!.end };
}

/** direct when the content is one quotation, mixed when it holds quoted fragments, else `plain`. */
export function kindOf(ctx: FrameContext, content: { start: number; end: number }, plain: Candidate['kind']): Candidate['kind'] {
  const text = ctx.syntax.text;
  const q = ctx.quoteStartingAt.get(content.start);
  if (q && q.end >= content.end - 1) return 'direct';
  return quotes(text, content) ? 'mixed' : plain;
}

/** One candidate from a cue, its construction, speaker, content and intermediaries (the kind follows the content's quotation marks). */
function make(
  ctx: FrameContext,
  cue: Cue,
  construction: Construction,
  source: SourceRef | null,
  content: { start: number; end: number },
  via: WordRange[],
  plain: Candidate['kind'] = 'indirect',
): Candidate {
  // Reported speech inside a quotation ends with it: « Nous avons dit que X », a expliqué Y.
  const q = quoteAround(ctx, ctx.syntax.words[cue.first]!.start);
  if (q && content.end > q.end && content.start < q.end) {
    let k = wordAtOrAfter(ctx.syntax.words, q.end) - 1;
    while (k > 0 && /^[»"”.,;]$/.test(ctx.syntax.words[k]!.text)) k--;
    if (ctx.syntax.words[k]!.end > content.start) content = { start: content.start, end: ctx.syntax.words[k]!.end };
  }
  // "confirmed the layoffs but declined to give details": a predicate coordinated with the cue is no part of the content.
  if (construction === 'que' || construction === 'object')
    content = beforeCoordinatedPredicate(ctx.syntax, ctx.quoteStartingAt, content, construction === 'que');
  // "Jean Dupont, cité par Le Monde, a affirmé": intermediaries found inside the subject phrase come first (outermost).
  if (source?.via) via = [...source.via, ...via];
  // "a affirmé, selon Le Monde, que …": the frame runs from the cue over the intermediaries before the content, so
  // the "selon" inside it makes no attribution of its own (withoutCuesInPhrases).
  const contentFirst = wordAtOrAfter(ctx.syntax.words, content.start);
  let frameLast = cue.last;
  for (const v of via) if (v.first > cue.last && v.last < contentFirst) frameLast = Math.max(frameLast, v.last);
  // "Une source citée par Le Monde assure que …": the frame runs from the speaker over the relay inside its phrase, so
  // the participle "citée" makes no attribution of its own.
  const frameFirst = source?.via?.some((v) => v.first > source.first && v.last < cue.first) ? source.first : cue.first;
  return {
    ...(frameLast > cue.last || frameFirst < cue.first ? { frame: { first: frameFirst, last: frameLast } } : {}),
    construction,
    cue: chars(ctx.syntax, cue.first, cue.last),
    cueWords: { first: cue.first, last: cue.last },
    verb: cue,
    source,
    inherited: null,
    content,
    kind: kindOf(ctx, content, plain),
    via,
    sentence: ctx.syntax.words[cue.head]!.sentence,
  };
}

/** The quotation that ends right before word i (a comma may sit between). */
function quoteBefore(ctx: FrameContext, i: number): Quote | null {
  const { words } = ctx.syntax;
  let k = i - 1;
  if (words[k]?.text === ',') k--;
  const w = words[k];
  if (!w || !CLOSE_QUOTES.has(w.text)) return null;
  return ctx.quoteEndingAt.get(w.end) ?? null;
}

/** Per word, the smallest closed quotation holding its start (index into syntax.quotes, -1 for none). */
const quoteOfWord = new WeakMap<Syntax, Int32Array>();

export function quotesAroundWords(syntax: Syntax): Int32Array {
  let out = quoteOfWord.get(syntax);
  if (out) return out;
  out = new Int32Array(syntax.words.length).fill(-1);
  // One sweep over words and quotations (sorted by start, longest first) with a stack of the open ones:
  // linear, where a scan of every quotation per cue was quadratic on quotation-dense text.
  const stack: number[] = [];
  let nextQuote = 0;
  for (let w = 0; w < syntax.words.length; w++) {
    const at = syntax.words[w]!.start;
    while (nextQuote < syntax.quotes.length && syntax.quotes[nextQuote]!.start <= at) {
      if (syntax.quotes[nextQuote]!.closed && syntax.quotes[nextQuote]!.end > at) stack.push(nextQuote);
      nextQuote++;
    }
    while (stack.length && syntax.quotes[stack[stack.length - 1]!]!.end <= at) stack.pop();
    out[w] = stack.length ? stack[stack.length - 1]! : -1;
  }
  quoteOfWord.set(syntax, out);
  return out;
}

/** The smallest closed quotation containing character offset `at` (a word's start), if any. */
export function quoteAround(ctx: FrameContext, at: number): Quote | null {
  const w = wordAt(ctx.syntax, at);
  if (w >= 0 && ctx.syntax.words[w]!.start === at) {
    const i = quotesAroundWords(ctx.syntax)[w]!;
    return i >= 0 ? ctx.syntax.quotes[i]! : null;
  }
  let best: Quote | null = null;
  for (const q of ctx.syntax.quotes) {
    if (q.start > at) break;
    if (q.end > at && q.closed && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}

/** "Des frappes confirmées par l'armée", "selon des propos cités par Le Monde": a passive or bare participle with its agent. */
function tryPassive(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  if (!cue.entry.frames.has('pass')) return null;
  const at = skipForward(syntax, cue.last + 1);
  if (!lex.passiveAgent.has(syntax.words[at]?.lower ?? '')) return null;
  const end = npForward(syntax, at + 1);
  if (end < 0) return null;
  // "Tang was quoted by the People's Daily as saying …": the participle cue after the link carries the statement.
  if (lex.quotedAsLinks.has(syntax.words[end + 1]?.lower ?? '')) return null;
  const source: SourceRef = { first: at + 1, last: end, pronoun: null, description: null };
  let subj = cue.bare ? npBackward(syntax, cue.first - 1) : (subjectBefore(syntax, lex, cue.first)?.first ?? -1);
  if (subj < 0) return null;
  // "Les films tournés par les enquêteurs ont été révélés par …": the subject runs from the start of its clause when
  // no verb stands before it (not from "les enquêteurs", the agent inside it).
  if (cue.bare) {
    // "La préfecture a fermement démenti ces informations publiées par X": the phrase before a bare participle starts
    // after the clause's own verb group, at the next noun phrase.
    let verb = -1;
    for (let k = subj; k < cue.first; k++) {
      const verbal = syntax.isAux[k] === 1 || isFiniteVerb(syntax, k);
      // A participle after an auxiliary or an adverb ("a fermement démenti") ends that group too.
      const participle = (syntax.formFlags[k]! & FORM_PARTICIPLE) !== 0 && (k === subj || syntax.isAux[k - 1] === 1 || isAdverb(syntax, k - 1));
      if (verbal || participle) verb = k;
    }
    if (verb >= 0) {
      subj = verb + 1;
      while (subj < cue.first && !opensNp(syntax, subj)) subj++;
      if (subj >= cue.first) return null;
    }
  } else {
    let k = subj - 1;
    while (k >= 0 && syntax.words[k]!.sentence === syntax.words[subj]!.sentence && syntax.words[k]!.kind !== 'punct') k--;
    if (k + 1 < subj && !hasFiniteVerb(syntax, { first: k + 1, last: subj - 1 })) subj = k + 1;
  }
  let last = sentenceEnd(syntax, syntax.words[cue.head]!.sentence);
  if (syntax.words[end + 1]?.text === ',') last = end;
  return make(ctx, cue, 'passive', source, chars(syntax, subj, last), []);
}

/**
 * "…, as first reported by Reuters.", « Comme rapporté par Le Monde, … »: a passive comment clause (the participle
 * after "as" and its agent, whatever mood the tagger gave the form); the agent reports the clause beside it.
 */
function tryAsPassive(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  if (!cue.entry.frames.has('pass') || cue.first !== cue.head || !lex.passiveAgent.has(syntax.words[cue.last + 1]?.lower ?? '')) return null;
  const as = skipBackward(syntax, cue.first - 1);
  const w = syntax.words[as];
  if (!w || !syntax.lex.g.asConjunction.has(w.lower) || w.sentence !== syntax.words[cue.first]!.sentence) return null;
  const end = npForward(syntax, cue.last + 2);
  const content = end >= 0 ? commentedClause(syntax, as, end + 1) : null;
  if (!content) return null;
  const source: SourceRef = { first: cue.last + 2, last: end, pronoun: null, description: null };
  return { ...make(ctx, cue, 'incise', source, content, []), frame: { first: as, last: end } };
}

/** "…, a annoncé X." / "« … », dit-il." / "« … »\n\na déclaré X." */
function tryIncise(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  // A participle is no incise ("…, dénonçant les imprudences": the phrase after it is its object), unless it is
  // the "saying" of "quoted X as saying".
  if (!cue.entry.frames.has('inc') || (cue.gerund && !cue.dependent && !quotedAs(ctx.syntax, ctx.lex, cue))) return null;
  if (syntax.lex.g.subjectFirstIncise) {
    const c = trySubjectFirstIncise(ctx, cue);
    if (c) return c;
  }
  const { words } = syntax;
  // "« … », m'a-t-il lancé", "…, nous a-t-elle confié": object clitics open the incise's verbal group.
  // Only right after a quotation: elsewhere "…, nous a-t-il …" may be a question or another clause.
  const clitics = inverted(syntax, cue) ? cliticsBefore(syntax, cue.first) : cue.first;
  if (clitics < cue.first && quoteBefore(ctx, clitics) && !asksAfter(syntax, cue.last)) cue = { ...cue, first: clitics };
  const lead = cue.first;
  const prev = words[lead - 1];
  if (!prev) return null;
  const sentence = words[cue.head]!.sentence;
  const sentenceStart = syntax.first[sentence]! === lead;
  const quote = quoteBefore(ctx, lead);
  // Inside a quotation a dash opens an incise too: "« … – observe-t-il dans un autre livre – … »".
  const dashInQuote = INCISE_DASHES.test(prev.text) && quoteAround(ctx, words[lead]!.start) !== null;
  if (!quote && !dashInQuote && (prev.text !== ',' || prev.sentence !== sentence)) return null;
  if (!quote && (isApposition(syntax, lex, lead - 1) || closesRelative(syntax, lead - 1))) return null;
  // '"Thé ou Café" promet de …': a short quotation with no stop of its own, right before the verb without a comma,
  // is a title or a term as the verb's subject, no quoted speech.
  if (
    quote &&
    !dashInQuote &&
    prev.text !== ',' &&
    wordsIn(syntax, quote) < MIN_QUOTED_WORDS &&
    !/[.!?…,]\s*\S$/u.test(syntax.text.slice(quote.start, quote.end))
  )
    return null;
  if (sentenceStart && !quote) return null;
  const inversion = invertedSubject(syntax, lex, cue.last, cue.clitic, cue.cliticGender);
  if (!inversion.source) return null;
  // "…, a appris l'AFP auprès de son entourage": the medium learned it from the source.
  const told = lex.learningCues.has(cue.entry.entry) && cue.clitic < 0 ? toldBy(syntax, inversion.next) : null;
  if (told) {
    inversion.via.unshift({ first: inversion.source.first, last: inversion.source.last });
    inversion.source = { ...told, pronoun: null, description: null };
    inversion.next = told.last + 1;
  }
  // "…, a dit X que …" is a que-clause with an inverted subject, not an incise.
  if (syntax.lex.complementizers.has(words[inversion.next]?.lower ?? '')) return null;
  if (syntax.lex.g.inversionEndsClause && cue.clitic < 0 && !quote && !clauseEndsAt(syntax, inversion.next, sentence)) return null;
  let content: { start: number; end: number };
  const around = quoteAround(ctx, words[cue.first]!.start);
  if (around && !quote) content = { start: around.start, end: around.end };
  else if (quote) {
    // Text before the quotation in its sentence makes a mixed quotation ("Les syndicats vont « … », a-t-il dit").
    const qs = wordAt(syntax, quote.start);
    const qSentence = qs >= 0 ? words[qs]!.sentence : sentence;
    const from = syntax.first[qSentence]!;
    const lead = qs >= 0 ? qs - from : 0;
    // After a colon the quotation stands alone ("X a dénoncé Y : « … », a-t-il ajouté").
    const colon = qs > 0 && words[qs - 1]!.text === ':';
    content = lead > 1 && !colon ? { start: words[from]!.start, end: quote.end } : { start: quote.start, end: quote.end };
  } else {
    const from = afterDateline(syntax, sentence);
    if (cue.first - 1 <= from) return null;
    // Without quotation marks a singular indefinite or possessive inverted subject must be able to speak: in "goûte une
    // sauce, fronce les sourcils, ajoute une pincée de sel" or "…, a annoncé son décès" the phrase is an object.
    const src = inversion.source;
    const det = words[src.first]!.lower;
    if (cue.clitic < 0 && (syntax.lex.g.singularIndefinite.has(det) || syntax.lex.g.possessiveDeterminers.has(det)) && !canSpeak(ctx, src)) return null;
    content = chars(syntax, from, cue.first - 2);
    // "Placé en garde à vue, le lycéen impliqué, a nié le moindre rôle": comma-separated phrases with no finite verb
    // are a fronted participle and the subject, no reported clause ("Une promesse déjà entendue, soupirent-ils" is one
    // phrase and stays).
    if (cue.clitic < 0 && !hasClauseVerb(syntax, from, cue.first - 2) && hasCommaOutsideQuotes(ctx, from, cue.first - 2)) return null;
    // "Car, ajoute-t-elle, « … »" / "Au total, précise X, le bilan est …": after a mere connective or adverbial,
    // what follows the incise is the content.
    const rest = inversion.next + 1;
    if (
      words[inversion.next]?.text === ',' &&
      rest <= sentenceEnd(syntax, sentence) &&
      cue.first - 2 - from < MAX_CONNECTIVE &&
      !syntax.lex.complementizers.has(words[rest]!.lower)
    ) {
      const after = ctx.quoteStartingAt.get(words[rest]!.start);
      content = after ? { start: after.start, end: after.end } : chars(syntax, rest, sentenceEnd(syntax, sentence));
    } else if (emphaticSubject(syntax, cue.first) || namesTime(syntax, inversion.source)) {
      // "Les automobilistes, eux, grincent des dents": the stressed pronoun repeats the subject of the verb;
      // "…, a annoncé 14 mai": a date is no inverted subject.
      return null;
    }
  }
  // "Le but étant, a-t-il souligné, que les propositions …": the content goes on after the incise.
  const end = sentenceEnd(syntax, sentence);
  if (
    !quote &&
    !around &&
    words[inversion.next]?.text === ',' &&
    syntax.lex.complementizers.has(words[inversion.next + 1]?.lower ?? '') &&
    inversion.next < end
  ) {
    content = { start: content.start, end: words[end]!.end };
  }
  return { ...make(ctx, cue, 'incise', inversion.source, content, inversion.via), frame: { first: cue.first, last: inversion.next - 1 } };
}

/** A finite verb or auxiliary among words first..last, not one right after a determiner or preposition ("en garde"). */
function hasClauseVerb(syntax: Syntax, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    if (!isFiniteVerb(syntax, k) && syntax.isAux[k] !== 1) continue;
    const prev = syntax.words[k - 1]?.lower ?? '';
    if (k > first && (syntax.lex.determiners.has(prev) || syntax.lex.prepositions.has(prev))) continue;
    return true;
  }
  return false;
}

/** Is there a comma outside quotation marks among words first..last? */
function hasCommaOutsideQuotes(ctx: FrameContext, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const w = ctx.syntax.words[k]!;
    if (w.text === ',' && quoteAround(ctx, w.start) === null) return true;
  }
  return false;
}

/** Is the cue's subject an inverted clitic ("dit-il", "a-t-elle confié")? */
function inverted(syntax: Syntax, cue: Cue): boolean {
  return cue.clitic >= 0 && syntax.lex.invertedClitics.has(syntax.words[cue.clitic]!.lower);
}

/** Does the sentence of word `at` end in a question mark after it ("« … », vous a-t-on déjà dit ?" asks)? */
export function asksAfter(syntax: Syntax, at: number): boolean {
  const sentence = syntax.words[at]!.sentence;
  for (let k = at + 1; k < syntax.words.length && syntax.words[k]!.sentence === sentence; k++) {
    const w = syntax.words[k]!;
    if (w.text === '?') return true;
    if (OPEN_QUOTES.has(w.text)) return false;
  }
  return false;
}

/** Most object clitics before an inverted verbal group: "m'a-t-il lancé", "nous l'a-t-elle dit". */
const MAX_INCISE_CLITICS = 2;

/** The first of the object clitics right before `at` (`at` itself when none): "« … », m'a-t-il lancé". */
export function cliticsBefore(syntax: Syntax, at: number): number {
  let k = at;
  while (k > 0 && at - k < MAX_INCISE_CLITICS) {
    const w = syntax.words[k - 1]!;
    // With an inverted subject, "nous" and "vous" before it are objects too ("nous a-t-elle confié").
    if (!syntax.lex.objectClitics.has(w.lower) || w.sentence !== syntax.words[at]!.sentence) break;
    k--;
  }
  return k;
}

/** "Les habitants, eux, grincent …": a stressed pronoun between commas right before the verb at `at`. */
function emphaticSubject(syntax: Syntax, at: number): boolean {
  return syntax.words[at - 1]?.text === ',' && syntax.lex.stressedPronouns.has(syntax.words[at - 2]?.lower ?? '') && syntax.words[at - 3]?.text === ',';
}

/** Is the phrase a date ("14 mai", "lundi 5"): a time word and no name ("le Journal du Dimanche" is a name)? */
function namesTime(syntax: Syntax, range: WordRange): boolean {
  let time = false;
  for (let k = range.first; k <= range.last; k++) {
    if (syntax.chunkOf[k]! >= 0) return false;
    if (syntax.lex.timeWords.has(syntax.words[k]!.lower)) time = true;
  }
  return time;
}

/**
 * An incise whose subject comes first (grammar.json `subjectFirstIncise`): '"…," he said.', '"…," Smith told
 * Reuters.', '…, a spokesman said.' Without a quotation, the incise must end its sentence.
 */
function trySubjectFirstIncise(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  // '"…," the People's Daily quoted Tang as saying.': the quoted speaker after the quoting medium.
  const quotedBy = quotedAs(syntax, lex, cue);
  if ((cue.infinitive || cue.gerund) && !quotedBy) return null;
  let subject = quotedBy?.source ?? subjectBefore(syntax, lex, cue.first);
  if (!subject) return null;
  // '"…," spokesman Tom Baker said.', '"…," the spokeswoman for the company said.': the subject found is the
  // name or the last noun phrase; the words between it and the quotation (a bare title, a head noun and its
  // preposition) belong to the speaker.
  const lead = quotedBy ? -1 : subjectLead(ctx, subject.first);
  if (lead >= 0) subject = { ...subject, first: lead };
  const opening = quotedBy?.via ?? subject;
  const sentence = words[cue.head]!.sentence;
  const via: WordRange[] = quotedBy?.via ? [quotedBy.via] : [];
  let next = collectVia(syntax, lex, cue.last + 1, via);
  if (syntax.lex.g.addresseeCues.has(cue.entry.entry)) {
    const phraseEnd = words[next]?.sentence === sentence && words[next]!.kind === 'word' ? npForward(syntax, next) : -1;
    if (phraseEnd >= 0) {
      if (isMedium(syntax, lex, { first: next, last: phraseEnd })) via.push({ first: next, last: phraseEnd });
      next = collectVia(syntax, lex, phraseEnd + 1, via);
    }
  }
  // '…, Reuters reported, citing Ukrainian officials.': the subject relays the speaker named after `citing`.
  if (words[next]?.text === ',' && lex.citing.has(words[next + 1]?.lower ?? '')) {
    const e = titledName(syntax, lex, speakerNpForward(syntax, next + 2));
    if (e >= 0) {
      via.push({ first: subject.first, last: subject.last });
      subject = splitRole(syntax, lex, { first: next + 2, last: e });
      next = collectVia(syntax, lex, e + 1, via);
    }
  }
  const ends = clauseEndsAt(syntax, next, sentence);
  if (quotedBy && !ends) return null;
  // '"…," the embassy's envoy, Tadeusz Awdankiewicz, told Reuters': the quotation may end before an apposition.
  let quote = quoteBefore(ctx, opening.first);
  if (!quote && words[opening.first - 1]?.text === ',') {
    const k = npBackward(syntax, opening.first - 2);
    const lead = k >= 0 ? subjectLead(ctx, k) : -1;
    if (k >= 0) quote = quoteBefore(ctx, lead >= 0 ? lead : k);
  }
  // '"… floor."\n\nThe governor, Alan Pike, told …': a quotation closed by a full stop in an earlier sentence is not
  // this incise's ('"…?" Daoud said.' is).
  if (quote && /\.\s*\S$/u.test(syntax.text.slice(quote.start, quote.end)) && syntax.words[wordAt(syntax, quote.end - 1)]?.sentence !== sentence) quote = null;
  if (quote) {
    // 'The leaders agreed to meet in September "to solidify the cease-fire", Davies said.': the clause around the
    // quoted fragment is the content.
    const opens = wordAt(syntax, quote.start);
    const from = opens >= 0 && syntax.words[opens]!.sentence === sentence ? syntax.first[sentence]! : -1;
    const start = from >= 0 && from < opens ? syntax.words[from]!.start : quote.start;
    return { ...make(ctx, cue, 'incise', subject, { start, end: quote.end }, via), frame: { first: opening.first, last: next - 1 } };
  }
  const comma = words[opening.first - 1];
  const from = afterDateline(syntax, sentence);
  if (!ends || comma?.text !== ',' || comma.sentence !== sentence || opening.first - 2 <= from) return null;
  return { ...make(ctx, cue, 'incise', subject, chars(syntax, from, opening.first - 2), via), frame: { first: opening.first, last: next - 1 } };
}

/** Words a subject may have between a quotation and the noun phrase found for it ("the spokeswoman for"). */
const MAX_SUBJECT_LEAD = 8;

/**
 * The first word of the speaker when a closed quotation or a comma ends a few plain words before the subject found
 * at `first` (no punctuation, no verb in between; after a comma, no conjunction or preposition opening them:
 * '…, Foreign Ministry spokesman Martin Erdmann said.'), else -1.
 */
function subjectLead(ctx: FrameContext, first: number): number {
  const { syntax } = ctx;
  const { words } = syntax;
  if (quoteBefore(ctx, first)) return -1;
  for (let k = first - 1; k >= 0 && k >= first - MAX_SUBJECT_LEAD; k--) {
    const w = words[k]!;
    if (w.kind !== 'word' || w.sentence !== words[first]!.sentence || isFiniteVerb(syntax, k)) return -1;
    if (quoteBefore(ctx, k)) return k;
    if (words[k - 1]?.text === ',' && words[k - 1]!.sentence === w.sentence) {
      const opensClause = syntax.lex.subordinators.has(w.lower) || syntax.lex.prepositions.has(w.lower) || syntax.lex.g.coordinators.has(w.lower);
      return opensClause ? -1 : k;
    }
  }
  return -1;
}

/** Does the clause of sentence s end at word i: a stop, the sentence's end, a comma before a quotation or a participle ("…, forcing")? */
function clauseEndsAt(syntax: Syntax, i: number, sentence: number): boolean {
  const w = syntax.words[i];
  if (!w || w.sentence !== sentence || /^[.!?;]$/.test(w.text) || (CLOSE_QUOTES.has(w.text) && !OPEN_QUOTES.has(w.text))) return true;
  if (w.text !== ',') return false;
  const n = syntax.words[i + 1];
  // '…, two diplomats said, after the government refused …': a comma then a word opening another clause.
  return (
    !n ||
    OPEN_QUOTES.has(n.text) ||
    (syntax.formFlags[i + 1]! & FORM_GERUND) !== 0 ||
    syntax.lex.g.gerund.test(n.lower) ||
    syntax.lex.g.clauseOpeners.has(n.lower)
  );
}

/** Dashes that open an incise inside a quotation. */
const INCISE_DASHES = /^[–—]$/;

/** Longest lead-in before an incise that introduces the quotation after it ("Mais encore, …"). */
const MAX_CONNECTIVE = 2;

/** Words looked back over for the main verb of a participial cue. */
const MAX_MAIN_VERB = 30;

/**
 * "As the economist Leila Haddad has pointed out, businesses follow …", "…, as Smith noted.": a comment clause whose
 * subject comes first (grammar.json `asConjunction` with `subjectFirstIncise`); the rest of the sentence, or the
 * clause before the comma, is the content.
 */
/** Lowercase words between "as" and the subject's name ("as the economist Leila Haddad"). */
const MAX_AS_LEAD = 3;

function tryAsSubjectFirst(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  if (cue.infinitive || cue.gerund) return null;
  let subject = subjectBefore(syntax, lex, cue.first);
  if (!subject) return null;
  // "as the economist Leila Haddad": a few lowercase words (a role and its article) may stand before the name found.
  let as = subject.first - 1;
  while (as >= subject.first - 1 - MAX_AS_LEAD && words[as]?.kind === 'word' && !words[as]!.cap && !syntax.lex.g.asConjunction.has(words[as]!.lower)) as--;
  if (!syntax.lex.g.asConjunction.has(words[as]?.lower ?? '')) return null;
  subject = { ...subject, first: as + 1 };
  const via: WordRange[] = [];
  const next = collectVia(syntax, lex, cue.last + 1, via);
  const content = commentedClause(syntax, as, next);
  return content ? { ...make(ctx, cue, 'incise', subject, content, via), frame: { first: as, last: next - 1 } } : null;
}

/**
 * The clause a comment clause opened by "as" at word `as` (ending before word `next`) reports: the rest of the sentence
 * after its comma when it opens the sentence ("As … has pointed out, …", also after a coordinator), else the clause
 * before it when it closes the sentence ("…, as Smith noted."); null otherwise.
 */
function commentedClause(syntax: Syntax, as: number, next: number): { start: number; end: number } | null {
  const { words } = syntax;
  const sentence = words[as]!.sentence;
  const first = syntax.first[sentence]!;
  const end = sentenceEnd(syntax, sentence);
  const opens = as === first || (as - 1 === first && syntax.lex.g.coordinators.has(words[first]!.lower));
  if (opens && words[next]?.text === ',' && next < end) return chars(syntax, next + 1, end);
  if (as - 2 >= first && words[as - 1]!.text === ',' && clauseEndsAt(syntax, next, sentence)) return chars(syntax, first, as - 2);
  return null;
}

/**
 * Inversion after "ce que" or "comme": "C'est ce que révélait le Daily Mail." (the content is the sentence
 * before), "comme l'a indiqué le ministre, …" / "…, comme le rapporte Reuters." (the rest of the sentence).
 */
/** Words scanned back from "ce que" for the presentative of a cleft ("C'est en tout cas ce que …"). */
const MAX_CLEFT_REACH = 5;

function presentativeBefore(syntax: Syntax, from: number): boolean {
  const { words } = syntax;
  for (let k = from; k >= 0 && k > from - MAX_CLEFT_REACH && words[k]!.kind === 'word'; k--) if (syntax.lex.g.cleftSubject.has(words[k]!.lower)) return true;
  return false;
}

function tryComment(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const wordBefore = words[cue.first - 1]?.lower ?? '';
  const twoBefore = words[cue.first - 2]?.lower ?? '';
  const grammar = syntax.lex.g;
  // "« Ce que propose X est injuste »": "ce que" opening a sentence or a quotation is a free relative, the subject of
  // what follows, no comment on what came before.
  const opensClause = cue.first - 2 === syntax.first[words[cue.head]!.sentence] || OPEN_QUOTES.has(words[cue.first - 3]?.text ?? '');
  // The cleft needs its presentative ("c'est", "c'était en tout cas", "voilà"): in "J'entends ce que disent les
  // Français" the free relative is the object of another verb and comments on nothing.
  const cleft = syntax.lex.complementizers.has(wordBefore) && grammar.cleftPronoun.has(twoBefore) && !opensClause && presentativeBefore(syntax, cue.first - 3);
  const comme = grammar.asConjunction.has(twoBefore) && grammar.asObjectPronouns.has(wordBefore);
  if (!cleft && !comme) return grammar.subjectFirstIncise ? tryAsSubjectFirst(ctx, cue) : null;
  const inversion = invertedSubject(syntax, lex, cue.last, cue.clitic, cue.cliticGender);
  if (!inversion.source) return null;
  const sentence = words[cue.head]!.sentence;
  const first = syntax.first[sentence]!;
  const end = sentenceEnd(syntax, sentence);
  let content: { start: number; end: number } | null = null;
  // "Le dialogue, c'est ce que préconise X": the phrase fronted before "c'est" is the content.
  const fronted = cue.first - 5;
  if (cleft && fronted >= first && grammar.cleftSubject.has(words[fronted + 1]?.lower ?? ''))
    content = chars(syntax, first, words[fronted]!.text === ',' ? fronted - 1 : fronted);
  else if (cleft && sentence > 0) content = chars(syntax, syntax.first[sentence - 1]!, sentenceEnd(syntax, sentence - 1));
  else if (comme && cue.first - 2 === first && words[inversion.next]?.text === ',' && inversion.next < end) content = chars(syntax, inversion.next + 1, end);
  else if (comme && cue.first - 3 > first) content = chars(syntax, first, words[cue.first - 3]!.text === ',' ? cue.first - 4 : cue.first - 3);
  return content ? make(ctx, cue, 'incise', inversion.source, content, inversion.via) : null;
}

/** Speaker of a preverbal construction: subject, inverted clitic, the main clause's subject for a participle. */
function preverbal(ctx: FrameContext, cue: Cue): SourceRef | null {
  const { syntax, lex } = ctx;
  const quoted = quotedAs(syntax, lex, cue);
  if (quoted) return quoted.source;
  if (cue.clitic >= 0) return invertedSubject(syntax, lex, cue.last, cue.clitic, cue.cliticGender).source;
  if (cue.gerund) {
    const src = mainSubject(ctx, cue.first);
    // "Il est important de rappeler que …": an impersonal "il" is no speaker.
    const w = src ? syntax.words[src.first]! : null;
    if (cue.dependent && w && syntax.lex.g.impersonalPronoun.has(w.lower) && syntax.lex.impersonalVerbs.has(syntax.words[src!.first + 1]?.lower ?? ''))
      return null;
    return src;
  }
  if (cue.infinitive) return null;
  return subjectBefore(syntax, lex, cue.first);
}

/** "Joe Biden a fait référence à la Cour suprême en estimant que …": the subject of the main verb to the left. */
function mainSubject(ctx: FrameContext, at: number): SourceRef | null {
  const { syntax, lex } = ctx;
  const sentence = syntax.words[at]!.sentence;
  for (let k = at - 1; k >= 0 && k > at - MAX_MAIN_VERB && syntax.words[k]!.sentence === sentence; k--) {
    if (CLOSE_QUOTES.has(syntax.words[k]!.text)) return null;
    // "a tenu à remercier les bénévoles avant de rappeler que": an auxiliary heads the main verb too.
    if (!isFiniteVerb(syntax, k) && syntax.isAux[k] !== 1) continue;
    const clitic = syntax.words[k + 1];
    if (clitic && syntax.lex.invertedClitics.has(clitic.lower))
      return invertedSubject(syntax, lex, k, k + 1, syntax.lex.invertedClitics.get(clitic.lower) ?? null).source;
    return subjectBefore(syntax, lex, k);
  }
  return null;
}

/** Place phrases passed between a cue and its complement. */
const MAX_PLACES = 2;

/**
 * The word after the place phrases from word `at` ("told reporters in Warsaw on Monday that", « a déclaré à Lyon
 * vendredi que »): a preposition before a place of the entities layer, then the media and dates `collectVia` passes.
 */
function pastPlaces(ctx: FrameContext, at: number, via: WordRange[]): number {
  const { syntax, lex } = ctx;
  for (let guard = 0; guard < MAX_PLACES; guard++) {
    const w = syntax.words[at];
    if (!w || !syntax.lex.prepositions.has(w.lower)) return at;
    const last = npForward(syntax, at + 1);
    if (last < 0 || syntax.words[last]!.sentence !== w.sentence || ctx.entityKind[headOf(syntax, { first: at + 1, last })] !== ENTITY_KINDS.LOC) return at;
    at = collectVia(syntax, lex, last + 1, via);
  }
  return at;
}

/**
 * The word after the place phrases from word `at` when a que-clause or a citing aside follows them ("said in Warsaw
 * on Monday that …"), else `at`: elsewhere the place may belong to the object (« a annoncé à Paris la fermeture … »).
 */
function placesBeforeClause(ctx: FrameContext, at: number, via: WordRange[]): number {
  const more: WordRange[] = [];
  const next = pastPlaces(ctx, at, more);
  if (next === at || !(ctx.syntax.lex.complementizers.has(ctx.syntax.words[next]?.lower ?? '') || citedAside(ctx.syntax, ctx.lex, next))) return at;
  via.push(...more);
  return next;
}

/** An addressee named but no person ("told Northern Wire in an interview"): the outlet that interviewed the speaker. */
function interviewer(ctx: FrameContext, r: WordRange): boolean {
  const head = headOf(ctx.syntax, r);
  return ctx.syntax.chunkOf[head]! >= 0 && ctx.entityKind[head] !== ENTITY_KINDS.PER;
}

/**
 * The cue's complement after it: que-clause ("a affirmé que …", "a assuré à ses partenaires que …"), quotation
 * ("a dit en conférence « … »"), colon ("a prévenu : …"), de + infinitive ("a demandé au préfet de …"),
 * infinitive ("affirme avoir libéré …") or noun-phrase object ("a démenti toute livraison").
 */
function tryComplement(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  // "X quoted Y as saying …": Y speaks (not the previous speaker), X carries it.
  const quotedBy = quotedAs(syntax, lex, cue);
  if (quotedBy) cue = { ...cue, infinitive: false, gerund: false, dependent: false };
  // "pour rappeler que …" speaks for the subject of the verb it depends on, or for no one.
  if (cue.dependent && !preverbal(ctx, cue)) return null;
  const { words } = syntax;
  const frames = cue.entry.frames;
  const via: WordRange[] = [];
  let at = collectVia(syntax, lex, cue.last + 1, via);
  at = placesBeforeClause(ctx, at, via);
  if (quotedBy?.via) via.unshift(quotedBy.via);
  const sentence = words[cue.head]!.sentence;
  const end = sentenceEnd(syntax, sentence);
  let afterCue = words[at];
  if (!afterCue || (afterCue.sentence !== sentence && afterCue.text !== '«')) return null;
  const grammar = syntax.lex.g;
  // "told Reuters (that) …", "told reporters on Monday …": a bare-object addressee (grammar.json `addresseeCues`).
  if (
    grammar.addresseeCues.has(cue.entry.entry) &&
    !syntax.lex.complementizers.has(afterCue.lower) &&
    !OPEN_QUOTES.has(afterCue.text) &&
    !/^[.,;:!?]$/.test(afterCue.text)
  ) {
    const phraseEnd = npForward(syntax, at);
    // "Analysts warned the move could embolden Moscow": a phrase with a verb after it is the subject of a clause
    // without "that", no addressee.
    if (phraseEnd >= 0 && phraseEnd < end && !opensVerbGroup(syntax, phraseEnd + 1)) {
      const addressee = { first: at, last: phraseEnd };
      const more: WordRange[] = [];
      at = pastPlaces(ctx, collectVia(syntax, lex, phraseEnd + 1, more), more);
      // "told Reuters", "told Northern Wire in an interview": the outlet told relays the statement; "told reporters"
      // names an audience, dropped from the chain once the speaker is known (index.ts).
      if (isMedium(syntax, lex, addressee) || (interviewer(ctx, addressee) && more.some((v) => isAudience(syntax, lex, v)))) via.push(addressee);
      via.push(...more);
      afterCue = words[at];
      if (!afterCue || afterCue.sentence !== sentence) return null;
    }
  }
  // "a assuré à ses partenaires que …": an addressee before the que-clause.
  if (lex.mediumPrepositions.has(afterCue.lower) && !syntax.lex.complementizers.has(afterCue.lower)) {
    let phraseEnd = npForward(syntax, at + 1);
    // "à Paul Roux et Ana Lima que …": coordinated addressees.
    for (let guard = 0; guard < MAX_ADDRESSEES && phraseEnd >= 0 && syntax.lex.g.and.has(words[phraseEnd + 1]?.lower ?? ''); guard++)
      phraseEnd = npForward(syntax, phraseEnd + 2);
    // « a déclaré aux journalistes à Lyon vendredi que … »: places and dates may follow the addressee.
    const more: WordRange[] = [];
    const next = phraseEnd >= 0 ? placesBeforeClause(ctx, collectVia(syntax, lex, phraseEnd + 1, more), more) : -1;
    if (next >= 0 && (syntax.lex.complementizers.has(words[next]?.lower ?? '') || citedAside(syntax, lex, next))) {
      at = next;
      via.push(...more);
    }
  } else if (syntax.chunkOf[at]! >= 0 && frames.has('que')) {
    // "a assuré Emmanuel Macron que …": a named addressee as direct object.
    const phraseEnd = npForward(syntax, at);
    if (phraseEnd >= 0 && syntax.lex.complementizers.has(words[phraseEnd + 1]?.lower ?? '')) at = phraseEnd + 1;
  }
  // "reported on Monday, citing three unnamed officials, that …": the one cited speaks, the subject relays them.
  const cited = frames.has('que') ? citedAside(syntax, lex, at) : null;
  const subject = cited ? preverbal(ctx, cue) : null;
  if (cited && subject) at = pastPlaces(ctx, collectVia(syntax, lex, cited.next, via), via);
  const relayed = (c: Candidate): Candidate =>
    cited && subject
      ? { ...c, source: cited.source, via: [{ first: subject.first, last: subject.last }, ...c.via], frame: { first: cue.first, last: cited.last } }
      : c;
  const complementWord = words[at]!;
  if (syntax.lex.complementizers.has(complementWord.lower) && frames.has('que') && at < end)
    return relayed(make(ctx, cue, 'que', preverbal(ctx, cue), chars(syntax, at + 1, end), via));
  if (cited && subject && !grammar.zeroComplementizer) return null;
  // "a dit en conférence « … »": a quotation right after the cue is its content.
  const quoted = OPEN_QUOTES.has(complementWord.text) && frames.has('col') ? ctx.quoteStartingAt.get(complementWord.start) : undefined;
  if (quoted?.closed && wordsIn(syntax, quoted) >= MIN_QUOTED_WORDS)
    return make(ctx, cue, 'colon', preverbal(ctx, cue), { start: quoted.start, end: quoted.end }, via);
  const colon = colonAfter(ctx, at);
  if (colon >= 0 && frames.has('col')) {
    const content = afterColon(ctx, colon);
    if (content) return make(ctx, cue, 'colon', preverbal(ctx, cue), content, via);
  }
  if (complementWord.sentence !== sentence) return null;
  // "said the plan would fail": a clause without its complementizer (grammar.json `zeroComplementizer`).
  if (
    grammar.zeroComplementizer &&
    frames.has('que') &&
    !frames.has('explicit') &&
    at < end &&
    // "said 12 people had died": the clause may open on a number.
    (complementWord.kind === 'word' || complementWord.kind === 'number') &&
    !OPEN_QUOTES.has(complementWord.text) &&
    // "agreed to end the fighting": a clause opens on its subject, not on a preposition or an infinitive marker.
    !syntax.lex.prepositions.has(complementWord.lower) &&
    (hasFiniteVerb(syntax, zeroThatWindow(ctx, at, end)) || pluralPresent(syntax, zeroThatWindow(ctx, at, end)))
  ) {
    const src = preverbal(ctx, cue);
    if (src) return relayed(make(ctx, cue, 'que', src, chars(syntax, at, end), via));
  }
  if (cited && subject) return null;
  const speaker = () => {
    const src = preverbal(ctx, cue);
    return src && canSpeak(ctx, src) ? src : null;
  };
  // A narrative infinitive, a participle or a coordinated verb may go on with the previous speaker.
  const continues = (cue.infinitive && !cue.dependent) || cue.coordinated;
  // "a demandé à son équipe de « tenir bon »", "promet de revenir": a directive or promise.
  const deVerb = frames.has('de') ? deInfinitive(ctx, at, end) : -1;
  if (deVerb >= 0) {
    const src = speaker();
    // The addressee and "de" stay in the content ("à son équipe de « tenir bon »").
    return src || continues ? make(ctx, cue, 'infinitive', src, chars(syntax, at, end), via) : null;
  }
  // Without a que-clause or a quotation, only a speaker-like subject makes "annonce X" reported speech ("le soleil annonce …" is not).
  if (frames.has('inf') && isInfinitive(ctx, at) && at <= end) {
    const src = speaker();
    return src || continues ? make(ctx, cue, 'infinitive', src, chars(syntax, negationBefore(syntax, cue.last + 1, at), end), via) : null;
  }
  // "s'inquiète d'une « dérive autoritaire »", "se félicite de « l'avancée »": a pronominal cue whose "de" complement
  // quotes the speaker's words.
  if (cue.entry.pronominal && at < end && (grammar.ofBare.has(complementWord.lower) || grammar.ofContracted.has(complementWord.lower))) {
    const src = speaker();
    const content = chars(syntax, at, objectEnd(ctx, at, end, via));
    if (src && quotes(syntax.text, content)) return make(ctx, cue, 'object', src, content, via);
  }
  const objvia = frames.has('objvia');
  // Where cue forms double as plural nouns ("reports of …"), an object opening with a preposition means a noun.
  const nounForm = grammar.cueNounHomographs && syntax.lex.prepositions.has(complementWord.lower) && !syntax.lex.determiners.has(complementWord.lower);
  if ((frames.has('obj') || objvia) && at < end && !/^[.,;:!?»"”)]$/.test(complementWord.text) && !nounForm) {
    const src = speaker();
    if (!src && !continues) return null;
    // "…, dénonçant une « mascarade »": a participle speaks for the subject of its clause only when that subject's
    // head can speak ("L'irruption des trottinettes à Rome suscite des protestations …, dénonçant …" names no speaker).
    if (cue.gerund && !cue.dependent && (!src || !headCanSpeak(ctx, src))) return null;
    const last = objectEnd(ctx, at, end, via);
    const content = chars(syntax, at, last);
    // "a rejeté ces conclusions" is a decision unless a medium carries it or it quotes the speaker.
    if (objvia && !frames.has('obj') && via.length === 0 && !quotes(syntax.text, content)) return null;
    return make(ctx, cue, 'object', src, content, via);
  }
  return null;
}

/**
 * Words looked at for the verb of a clause without "that": up to MAX_ZERO_THAT_SUBJECT, and not past a predicate
 * coordinated with the cue ("confirmed the layoffs but declined …" holds no clause).
 */
function zeroThatWindow(ctx: FrameContext, at: number, end: number): WordRange {
  const last = Math.min(end, at + MAX_ZERO_THAT_SUBJECT);
  const k = coordinatedPredicate(ctx.syntax, ctx.quoteStartingAt, at, last, false);
  return { first: at, last: k >= 0 ? k - 1 : last };
}

/**
 * "said its vessels comply with …", "said they need …": a plural or first-person subject, then a present verb without
 * the ending of the third person, known by that form among the finite verbs ("complies", "needs"; the ending is spelt
 * like a noun's plural, grammar.json `pluralSuffix` and `pluralReplacements`).
 */
function pluralPresent(syntax: Syntax, r: WordRange): boolean {
  const g = syntax.lex.g;
  for (let k = r.first + 1; k <= r.last; k++) {
    const w = syntax.words[k]!;
    if (w.cap || w.kind !== 'word') continue;
    // The subject before the verb, over an opening quotation mark and adverbs ('its vessels "fully comply').
    let j = k - 1;
    while (j > r.first && (OPEN_QUOTES.has(syntax.words[j]!.text) || isAdverb(syntax, j))) j--;
    const prev = syntax.words[j]!;
    if (prev.kind !== 'word' || syntax.lex.determiners.has(prev.lower)) continue;
    const subject = g.pluralPronouns.has(prev.lower) || g.firstPerson.has(prev.lower) || (!prev.cap && g.pluralNoun.test(prev.lower));
    const third = subject ? pluralOf(g, w.lower) : null;
    if (third && syntax.lex.finite.has(third)) return true;
  }
  return false;
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
function objectEnd(ctx: FrameContext, at: number, end: number, via: WordRange[]): number {
  const { syntax, lex } = ctx;
  for (let k = at + 1; k <= end; k++) {
    const w = syntax.words[k]!;
    if (w.text === ':') return k - 1;
    if (OPEN_QUOTES.has(w.text)) {
      const q = ctx.quoteStartingAt.get(w.start);
      if (q) k = wordAtOrAfter(syntax.words, q.end) - 1;
      continue;
    }
    if (!lex.mediumPrepositions.has(w.lower) || !viaAt(syntax, lex, k)) continue;
    collectVia(syntax, lex, k, via);
    return syntax.words[k - 1]!.text === ',' ? k - 2 : k - 1;
  }
  return end;
}

/** A person, body, outlet, document or group, a name or a pronoun: something that can say things. */
/** The head of the phrase (not a name in its complements) is a pronoun, a name or a role that can speak. */
function headCanSpeak(ctx: FrameContext, src: SourceRef): boolean {
  if (src.pronoun) return true;
  const head = headOf(ctx.syntax, src);
  return ctx.syntax.chunkOf[head]! >= 0 || ctx.lex.roles.has(ctx.syntax.words[head]!.lower);
}

function canSpeak(ctx: FrameContext, src: SourceRef): boolean {
  if (src.pronoun) return true;
  for (let k = src.first; k <= src.last; k++) if (ctx.syntax.chunkOf[k]! >= 0) return true;
  const head = ctx.syntax.words[headOf(ctx.syntax, src)]!.lower;
  return ctx.lex.roles.has(head) || ctx.syntax.lex.subjectPronouns.has(head) || ctx.syntax.lex.demonstratives.has(ctx.syntax.words[src.first]!.lower);
}

/** Quotations shorter than this many words are names, titles or scare quotes, not statements ("a annoncé « Les Rivages »"). */
export const MIN_QUOTED_WORDS = 4;

export function wordsIn(syntax: Syntax, span: { start: number; end: number }): number {
  let n = 0;
  for (let k = wordAtOrAfter(syntax.words, span.start); k < syntax.words.length && syntax.words[k]!.end <= span.end; k++)
    if (syntax.words[k]!.kind === 'word') n++;
  return n;
}

/** "a confirmé la nouvelle : …": the colon a few words after the cue, or -1. */
function colonAfter(ctx: FrameContext, at: number): number {
  const { words } = ctx.syntax;
  for (let k = at; k < at + MAX_OBJECT_BEFORE_COLON && k < words.length; k++) {
    if (words[k]!.text === ':') return k;
    if (words[k]!.kind === 'punct' && words[k]!.text !== '-') return -1;
  }
  return -1;
}

/** Content after a colon: the quotation opening there (even a paragraph later), else the rest of the sentence. */
function afterColon(ctx: FrameContext, colon: number): { start: number; end: number } | null {
  const { syntax } = ctx;
  const afterColonWord = syntax.words[colon + 1];
  if (!afterColonWord) return null;
  const q = ctx.quoteStartingAt.get(afterColonWord.start);
  if (q) return { start: q.start, end: q.end };
  const sentence = syntax.words[colon]!.sentence;
  const end = sentenceEnd(syntax, sentence);
  if (afterColonWord.sentence === sentence && end > colon + 1) return chars(syntax, colon + 1, end);
  return null;
}

/** "(à X) de + infinitive" from word `at`: the infinitive's index, or -1. */
function deInfinitive(ctx: FrameContext, at: number, end: number): number {
  const { syntax, lex } = ctx;
  let k = at;
  if (lex.mediumPrepositions.has(syntax.words[k]?.lower ?? '')) {
    const phraseEnd = npForward(syntax, k + 1);
    if (phraseEnd < 0) return -1;
    k = phraseEnd + 1;
  }
  const w = syntax.words[k]?.lower ?? '';
  if (!syntax.lex.g.deInfinitiveLinks.has(w) || k + 1 > end) return -1;
  // "de « faire preuve d'humanité »": the quotation opens on the infinitive.
  const quoted = OPEN_QUOTES.has(syntax.words[k + 1]!.text) ? 1 : 0;
  return isInfinitive(ctx, k + 1 + quoted) ? k + 1 : -1;
}

/**
 * Where an infinitive's content starts: at its negation when the words skipped between the cue and `at` hold one
 * ("a affirmé ne pas l'avoir vu" says "ne pas l'avoir vu"), else at `at`. The cue's own negation is before its last
 * word ("n'a pas dit").
 */
function negationBefore(syntax: Syntax, from: number, at: number): number {
  for (let k = from; k < at; k++) if (syntax.lex.g.negationParticles.has(syntax.words[k]!.lower)) return k;
  return at;
}

/** Most negation and object-clitic words before an infinitive: "ne pas l'avoir vu", "ne jamais s'y être rendu". */
const MAX_INFINITIVE_LEAD = 4;

/**
 * "affirme avoir …", "promet de revenir", and behind a negation or object clitics: "affirme ne pas l'avoir vu", "assure
 * l'avoir reçu", "de ne pas oublier", "dit s'être trompé" (syntax.json `negation`, `objectClitics`). Without a negation
 * a clitic must precede an auxiliary or be reflexive: "l'ordre", "la guerre" are a determiner and a noun.
 */
function isInfinitive(ctx: FrameContext, at: number): boolean {
  const { words, lex } = ctx.syntax;
  let k = at;
  while (k - at < MAX_INFINITIVE_LEAD && lex.negation.has(words[k]?.lower ?? '')) k++;
  const negated = k > at;
  const clitics = k;
  while (k - at < MAX_INFINITIVE_LEAD && lex.objectClitics.has(words[k]?.lower ?? '')) k++;
  if (k > clitics && !negated && !lex.g.infinitiveAuxiliaries.has(words[k]?.lower ?? '') && !lex.g.reflexiveClitics.has(words[clitics]!.lower)) return false;
  return isInfinitiveWord(ctx, k);
}

/** "avoir", "revenir": an infinitive at word `at` (by its ending, grammar.json). */
function isInfinitiveWord(ctx: FrameContext, at: number): boolean {
  const w = ctx.syntax.words[at];
  if (!w || w.cap || w.kind !== 'word') return false;
  const grammar = ctx.syntax.lex.g;
  if (grammar.infinitiveAuxiliaries.has(w.lower)) return true;
  return (
    grammar.infinitive.test(w.lower) &&
    !ctx.syntax.lex.determiners.has(w.lower) &&
    !ctx.syntax.lex.prepositions.has(w.lower) &&
    w.lower.length >= grammar.infinitiveMinLength
  );
}

/** "« … », est-il écrit dans le rapport": an impersonal passive incise; the document is the source. */
function tryImpersonal(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  if (cue.clitic < 0 || !syntax.lex.g.impersonalPronoun.has(cliticPronoun(syntax.lex.g, syntax.words[cue.clitic]!.lower))) return null;
  const via: WordRange[] = [];
  const next = collectVia(syntax, lex, cue.last + 1, via);
  const doc = via[0];
  const quote = quoteBefore(ctx, cue.first);
  if (!doc || !quote) return null;
  const source: SourceRef = { ...doc, pronoun: null, description: null };
  return { ...make(ctx, cue, 'incise', source, { start: quote.start, end: quote.end }, via.slice(1)), frame: { first: cue.first, last: next - 1 } };
}

/** Words a wire dateline may take before its dash ("LONDON, March 3 (Reuters) -"). */
const MAX_DATELINE = 10;

/** A word in capitals, two letters or more ("WASHINGTON", "KYIV", "TEL-AVIV"). */
const CAPITALS = /^\p{Lu}[\p{Lu}'’-]*\p{Lu}$/u;

/**
 * The first word of sentence s after a wire dateline ("WASHINGTON (Reuters) - …": a bracketed credit then a dash
 * opening the sentence; "WASHINGTON — …", "KYIV, Dec 3 — …": a place in capitals, maybe a date, then a dash), else its
 * first word: the dateline is metadata (meta.origin), not what the speaker said (newcomer trial, session 13).
 */
export function afterDateline(syntax: Syntax, s: number): number {
  const first = syntax.first[s]!;
  const capitals = CAPITALS.test(syntax.words[first]!.text);
  for (let k = first + 1; k <= syntax.last[s]! && k < first + MAX_DATELINE; k++) {
    const w = syntax.words[k]!;
    if (/^[-—–]$/.test(w.text) && (capitals || syntax.words[k - 1]!.text === ')')) return k + 1 <= syntax.last[s]! ? k + 1 : first;
    if (w.kind === 'word' && !w.cap && !/^\d/.test(w.text)) return first;
  }
  return first;
}

/**
 * "Ajoutant avoir agi pour « arrêter » une guerre, le chef de l'État a assuré que …", "Estimant que la réforme est
 * injuste, la CGT appelle …": a participle opening the sentence speaks for the subject of the main clause, the first
 * comma followed by a noun phrase and a verb (a pronoun: "…, il a assuré"); the content runs from the participle's
 * complement to that comma. The subject must be able to speak.
 */
function tryOpeningParticiple(ctx: FrameContext, cue: Cue): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const end = sentenceEnd(syntax, words[cue.head]!.sentence);
  for (let k = cue.last + 2; k < end; k++) {
    if (words[k]!.text !== ',') continue;
    const w = words[k + 1]!;
    const pronoun = syntax.lex.subjectPronouns.has(w.lower) && !syntax.lex.g.indefinitePronouns.has(w.lower);
    if (!pronoun && !opensNp(syntax, k + 1)) continue;
    const last = pronoun ? k + 1 : npForward(syntax, k + 1);
    const verb = last + 1;
    if (last < 0 || verb > end || !(syntax.isAux[verb] === 1 || isFiniteVerb(syntax, verb))) continue;
    const ref = subjectBefore(syntax, lex, verb);
    if (!ref || ref.first !== k + 1 || !canSpeak(ctx, ref)) return null;
    const que = syntax.lex.complementizers.has(words[cue.last + 1]?.lower ?? '');
    return make(ctx, cue, que ? 'que' : 'infinitive', ref, chars(syntax, que ? cue.last + 2 : cue.last + 1, k - 1), []);
  }
  return null;
}

/** The attribution a cue introduces, or null when no construction fits. */
export function frameOf(ctx: FrameContext, cue: Cue): Candidate | null {
  const comment = tryAsPassive(ctx, cue);
  if (comment) return comment;
  if (cue.passive) return tryImpersonal(ctx, cue) ?? tryPassive(ctx, cue);
  if (cue.gerund && ctx.syntax.first[ctx.syntax.words[cue.head]!.sentence] === cue.first) return tryOpeningParticiple(ctx, cue);
  return tryIncise(ctx, cue) ?? tryComment(ctx, cue) ?? tryComplement(ctx, cue);
}
