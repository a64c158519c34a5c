// "Selon X, …", "…, selon X.", "D'après X …", "À en croire X", "de source policière":
// the according kind. The source phrase may carry its intermediary
// ("Selon Paul Durand, qui s'exprimait pour le correspondant du site X",
// "Selon des informations diffusées par la chaîne Y", "citées par l'agence Z").
import type { Syntax } from '../syntax/index.js';
import { isPluralPronoun } from '../../lang/grammar.js';
import { isFiniteVerb, npForward, phraseAt, skipBackward } from '../syntax/phrases.js';
import type { Candidate } from './candidate.js';
import { afterDateline, ENTITY_KINDS, kindOf, sentenceEnd, type FrameContext } from './frames.js';
import type { AttributionLexicon } from './lexicon.js';
import { hasFiniteVerb, hasName, speakerNpForward, speakingAntecedent, splitRole, type SourceRef } from './subjects.js';
import { headOf, type WordRange } from './via.js';
import { OPEN_QUOTES } from '../syntax/words.js';
import { FORM_CUE } from '../syntax/lexicon.js';

/** The intermediary hanging on an according source: "qui s'exprimait pour X", "relâchées à X", "citées par X". */
function viaOfSource(syntax: Syntax, lex: AttributionLexicon, i: number): { via: WordRange | null; next: number } {
  const { words } = syntax;
  let k = i;
  if (syntax.lex.relatives.has(words[k]?.lower ?? '')) k++;
  const grammar = syntax.lex.g;
  if (grammar.reflexives.has(words[k]?.lower ?? '')) k++;
  const w = words[k];
  const participle = w && (lex.viaParticiples.has(w.lower) || lex.viaParticiples.has(grammar.reflexivePrefix + w.lower));
  if (!participle) return { via: null, next: i };
  // « les chiffres publiés jeudi par France Travail »: a date or time phrase may stand between participle and agent.
  let p = k + 1;
  for (let n = 0, len = 0; n < MAX_SKIPPED_PHRASES && (len = phraseAt(words, p, syntax.lex.skippable)) > 0; n++) p += len;
  if (!lex.viaPrepositions.has(words[p]?.lower ?? '')) return { via: null, next: i };
  const end = npForward(syntax, p + 1);
  return end >= 0 ? { via: { first: p + 1, last: end }, next: end + 1 } : { via: null, next: i };
}

/** Time and manner words skipped between someone's words and whose they are (« les déclarations lundi soir du … »). */
const MAX_SKIPPED_PHRASES = 4;

/**
 * Words or figures that belong to whoever gave them (`reportedWords`), or a noun of saying (`speechNouns`): « selon des
 * informations du Monde » is Le Monde's reporting, « selon la version du ministère » the ministry's.
 */
function ownedWords(lex: AttributionLexicon, noun: string): boolean {
  return lex.reportedWords.has(noun) || lex.speechNouns.has(noun);
}

/**
 * « selon les déclarations lundi soir du directeur de l'ordre public, Alain Gibelin », « selon les propos de X »:
 * someone's words (attribution-grammar.json `reportedWords`) are that person's, who is the source, never a source of
 * their own. Null when no complement says whose words they are (« selon ses propos »).
 */
function ownerOfWords(syntax: Syntax, lex: AttributionLexicon, source: SourceRef): SourceRef | null {
  const { words } = syntax;
  const head = headOf(syntax, source);
  if (source.pronoun || !ownedWords(lex, words[head]!.lower)) return null;
  const sentence = words[head]!.sentence;
  let k = head + 1;
  for (let n = 0, len = 0; n < MAX_SKIPPED_PHRASES && (len = phraseAt(words, k, syntax.lex.skippable)) > 0; n++) k += len;
  const of = words[k];
  const link = (syntax.lex.npLinks.has(of?.lower ?? '') && syntax.lex.prepositions.has(of?.lower ?? '')) || lex.ownerLinks.has(of?.lower ?? '');
  if (!of || of.sentence !== sentence || !link) return null;
  const end = speakerNpForward(syntax, k + 1);
  if (end < 0) return null;
  // « du directeur de l'ordre public, Alain Gibelin »: the person's name apposed to the description.
  return apposedName(syntax, { first: k + 1, last: end }) ?? splitRole(syntax, lex, { first: k + 1, last: end });
}

/**
 * "le directeur de l'ordre public, Alain Gibelin", "Pour la porte-parole du collectif, Lucie Martin, …", "À en croire
 * le maire, Gilles Fabre, …": a person's name (titled, or of two words or more) apposed after a comma to a description
 * is the speaker, the description describes them. Null when no such name follows.
 */
function apposedName(syntax: Syntax, description: WordRange): SourceRef | null {
  const { words } = syntax;
  const c = words[description.last + 1]?.text === ',' ? (syntax.chunkOf[description.last + 2] ?? -1) : -1;
  const name = c >= 0 ? syntax.names[c]! : null;
  if (!name || name.first !== description.last + 2 || words[name.first]!.sentence !== words[description.last]!.sentence) return null;
  if (name.title < 0 && name.last === name.first) return null;
  return { first: name.first, last: name.last, pronoun: null, description };
}

function sourceAfter(syntax: Syntax, lex: AttributionLexicon, i: number): SourceRef | null {
  const w = syntax.words[i];
  // "le monde d'après et beaucoup ont choisi …": a phrase opening on a conjunction or punctuation names no source.
  if (w?.kind !== 'word' || syntax.lex.g.coordinators.has(w.lower) || syntax.lex.g.and.has(w.lower)) return null;
  if (syntax.lex.stressedPronouns.has(w.lower)) {
    return {
      first: i,
      last: i,
      pronoun: { gender: syntax.lex.stressedPronouns.get(w.lower) ?? null, plural: isPluralPronoun(syntax.lex.g, w.lower) },
      description: null,
    };
  }
  // An organisation's name may hold a complement: "l'Union internationale pour la conservation de la nature".
  let end = npForward(syntax, i);
  if (end >= 0) end = speakerNpForward(syntax, i, syntax.words[headOf(syntax, { first: i, last: end })]!.cap);
  // "certaines informations relâchées à la TV X": the participle starts the intermediary.
  for (let k = i + 1; k <= end; k++) {
    if (lex.viaParticiples.has(syntax.words[k]!.lower)) {
      end = k - 1;
      break;
    }
  }
  return end >= 0 ? splitRole(syntax, lex, { first: i, last: end }) : null;
}

/** The pronoun of a perspective phrase of `len` words at i ("à ses yeux", "à l'en croire"): its second word. */
function perspectiveSource(syntax: Syntax, lex: AttributionLexicon, i: number, len: number): SourceRef | null {
  const key = syntax.words
    .slice(i, i + len)
    .map((w) => w.lower)
    .join(' ');
  const number = lex.perspectivePronouns.get(key);
  if (!number || syntax.words[i + len]?.text !== ',') return null;
  return { first: i + 1, last: i + 1, pronoun: { gender: null, plural: number === 'plural' }, description: null };
}

/**
 * "Pour le ministre," / "Pour lui," / "Pour Jean Dupont,": a person or a body, followed by a comma. A one-word name
 * ("Pour Greenpeace,", "Pour Macron,") needs the entities layer to call it a person, or an organisation whose words
 * the rest of the sentence quotes ("Pour Greenpeace, ce projet est « une aberration »"; "Pour Renault, l'année a été
 * difficile" speaks about Renault).
 */
function personLike(ctx: FrameContext, src: SourceRef): boolean {
  const { syntax, lex } = ctx;
  if (syntax.words[src.last + 1]?.text !== ',') return false;
  if (src.pronoun) return true;
  // The head, not a name among its complements: "Pour la première fois de l'histoire de Fort Boyard," names no one.
  const head = headOf(syntax, src);
  const c = syntax.chunkOf[head]!;
  if (c >= 0 && (syntax.names[c]!.title >= 0 || syntax.names[c]!.last > syntax.names[c]!.first)) return true;
  if (c >= 0 && syntax.names[c]!.first === src.first && syntax.names[c]!.last === src.last) {
    if (ctx.entityKind[head] === ENTITY_KINDS.PER) return true;
    if (ctx.entityKind[head] === ENTITY_KINDS.ORG) return quotedLater(syntax, src.last + 1);
  }
  const kind = lex.roles.get(syntax.words[head]!.lower)?.kind;
  return kind === 'person' || kind === 'org';
}

/** Does the sentence hold an opening quotation mark from word `from` on? */
function quotedLater(syntax: Syntax, from: number): boolean {
  const sentence = syntax.words[from]?.sentence;
  for (let k = from; k < syntax.words.length && syntax.words[k]!.sentence === sentence; k++) if (OPEN_QUOTES.has(syntax.words[k]!.text)) return true;
  return false;
}

/**
 * First word of the main clause after a relative clause on the source ("qui affirme avoir joint un témoin, une
 * femme, | le groupe était …"): the first comma-separated segment, after the relative's own, holding a finite verb.
 */
function clauseAfterRelative(syntax: Syntax, rel: number, end: number): number {
  let start = -1;
  for (let k = rel + 1; k <= end; k++) {
    if (syntax.words[k]!.text !== ',') continue;
    if (start >= 0 && hasFiniteVerb(syntax, { first: start, last: k - 1 })) return start;
    start = k + 1;
  }
  return start >= 0 && hasFiniteVerb(syntax, { first: start, last: end }) ? start : rel;
}

/** "La recette atteignait, selon X, deux millions": the clause before "selon" waits for its complement. */
function endsOnVerb(syntax: Syntax, i: number): boolean {
  const e = syntax.words[i - 1]?.text === ',' ? i - 2 : i - 1;
  return e >= 0 && (isFiniteVerb(syntax, e) || syntax.isAux[e] === 1);
}

/**
 * "Selon l'AFP, Reuters et AP, …": more named sources listed after the source's comma, the last one after the
 * language's "and" (`and` in lang/<xx>/grammar.json), up to the comma closing the list. Returns that comma, or `comma`
 * when no such list follows. Every item holds a name and only names, determiners and "and" (so "Selon X, Paul et Marie
 * sont partis" or "Selon X, le ministre et …" keep their content); source-keys.ts then splits the co-sources. Linear.
 */
function listEnd(syntax: Syntax, comma: number, end: number): number {
  const { words } = syntax;
  let named = false;
  let and = false;
  for (let k = comma + 1; k <= end; k++) {
    const w = words[k]!;
    if (w.text === ',') {
      if (!named) return comma;
      if (and) return k;
      named = false;
    } else if (syntax.lex.g.and.has(w.lower) && (named || words[k - 1]!.text === ',') && !and) {
      // Before the name test: a name chunk may run across "and" ("Bloomberg and the Associated Press").
      and = true;
      named = false;
    } else if (syntax.chunkOf[k]! >= 0) named = true;
    else if (named || !syntax.lex.determiners.has(w.lower)) return comma;
  }
  return comma;
}

/** Words between a noun of saying and "selon laquelle" (its complement naming the speaker). */
const MAX_NOMINAL_COMPLEMENT = 8;

/**
 * "L'annonce du Pentagone selon laquelle le document aurait été « modifié » n'a pas convaincu": a noun of saying
 * (`speechNouns`) with its speaker as complement (`de X`, `du X`), and the relative clause after `selon` + relative
 * pronoun as content (to the end of the sentence). Without a named complement ("la thèse selon laquelle") nothing.
 */
function nominalCue(ctx: FrameContext, i: number, len: number): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const rel = words[i + len];
  // The one-word relative of `dependingOnAfter` ("laquelle", "lesquels"): what follows is the content.
  if (!rel || phraseAt(words, i + len, lex.dependingOnAfter) !== 1 || rel.sentence !== words[i]!.sentence) return null;
  let noun = -1;
  for (let k = i - 1; k >= 0 && k >= i - MAX_NOMINAL_COMPLEMENT && words[k]!.sentence === rel.sentence && words[k]!.kind === 'word'; k--) {
    if (lex.speechNouns.has(words[k]!.lower) && syntax.lex.determiners.has(words[k - 1]?.lower ?? '')) {
      noun = k;
      break;
    }
  }
  if (noun < 0 || !syntax.lex.npLinks.has(words[noun + 1]?.lower ?? '') || noun + 2 > i - 1) return null;
  // « une information de presse selon laquelle … »: a bare common noun after « de » says what kind of report it is,
  // not who made it (it made « presse » a speaker, newcomer trial, session 13); « de la Maison-Blanche », « d'Emmanuel
  // Macron » name one.
  const bare = syntax.lex.g.ofBare.has(words[noun + 1]!.lower) && !syntax.lex.determiners.has(words[noun + 2]!.lower);
  if (bare && syntax.chunkOf[noun + 2]! < 0) return null;
  // "du Pentagone" (a fused article: the name follows), "de la Maison-Blanche", "d'Emmanuel Macron".
  const source = splitRole(syntax, lex, { first: noun + 2, last: i - 1 });
  if (!hasName(syntax, source) && !lex.roles.has(words[headOf(syntax, source)]!.lower)) return null;
  const end = sentenceEnd(syntax, rel.sentence);
  if (i + len + 1 > end) return null;
  const content = { start: words[i + len + 1]!.start, end: words[end]!.end };
  return {
    construction: 'according',
    cue: { start: words[noun]!.start, end: words[i + len]!.end },
    cueWords: { first: noun, last: i + len },
    verb: null,
    source,
    inherited: null,
    content,
    kind: kindOf(ctx, content, 'indirect'),
    via: [],
    sentence: rel.sentence,
    frame: { first: noun, last: i + len },
  };
}

/**
 * "…, l'éditorialiste du Figaro, pour qui « le statu quo n'est plus tenable »": "pour qui" / "selon qui" after a comma;
 * the antecedent speaks and the relative clause, to the end of the sentence, is the content. The clause must open on a
 * quotation or run to the end without a comma ("X, pour qui il a travaillé dix ans, est parti" reports nothing).
 */
function relativeAccording(ctx: FrameContext, i: number): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const w = words[i]!;
  if (words[i - 1]?.text !== ',' || !syntax.lex.relatives.has(words[i + 1]?.lower ?? '')) return null;
  if (phraseAt(words, i, lex.according) !== 1 && phraseAt(words, i, lex.accordingToPerson) !== 1) return null;
  const end = sentenceEnd(syntax, w.sentence);
  if (i + 2 > end) return null;
  if (!OPEN_QUOTES.has(words[i + 2]!.text)) for (let k = i + 2; k <= end; k++) if (words[k]!.text === ',') return null;
  const source = speakingAntecedent(syntax, lex, i - 1);
  // A name with its role ("l'éditorialiste du Figaro" gives Figaro, described), or a person or body on its own.
  if (!source || (!source.description && !personLike(ctx, { ...source, last: i - 2 }))) return null;
  const content = { start: words[i + 2]!.start, end: words[end]!.end };
  return {
    construction: 'according',
    cue: { start: w.start, end: words[i + 1]!.end },
    cueWords: { first: i, last: i + 1 },
    verb: null,
    source,
    inherited: null,
    content,
    kind: kindOf(ctx, content, 'according'),
    via: [],
    sentence: w.sentence,
    frame: { first: i, last: i + 1 },
  };
}

/** Words scanned back from a reporting participle for the negation of its verb group (« n'a pas encore été confirmée »). */
const MAX_NEGATED_GROUP = 6;

/**
 * « L'information n'a pas été confirmée de source officielle »: a source phrase right after a negated reporting verb
 * (no comma between) says who did not say it; no one is its source (it made an anonymous speaker « officielle »,
 * newcomer trial, session 13). « Le suspect n'a pas été interpellé, selon la police » keeps its comma and its source.
 */
function deniedBefore(syntax: Syntax, i: number): boolean {
  const { words } = syntax;
  const verb = i - 1;
  if (verb < 0 || !(syntax.formFlags[verb]! & FORM_CUE) || words[verb]!.sentence !== words[i]!.sentence) return false;
  for (let k = verb - 1; k >= 0 && k >= verb - MAX_NEGATED_GROUP; k--) {
    const w = words[k]!;
    if (w.kind !== 'word' || w.sentence !== words[i]!.sentence) return false;
    if (syntax.lex.g.negationParticles.has(w.lower)) return true;
  }
  return false;
}

export function findAccording(ctx: FrameContext): Candidate[] {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const out: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const relative = relativeAccording(ctx, i);
    if (relative) {
      out.push(relative);
      i++;
      continue;
    }
    let len = phraseAt(words, i, lex.according);
    const sentence = words[i]!.sentence;
    let personOnly = false;
    if (len === 0 && syntax.first[sentence] === i) {
      len = phraseAt(words, i, lex.accordingToPerson);
      personOnly = true;
    }
    // "À ses yeux, …", "à l'en croire, …": the phrase's pronoun (its second word) is the speaker.
    const perspective = len === 0 ? phraseAt(words, i, lex.perspective) : 0;
    if (perspective > 0) {
      len = perspective;
      personOnly = false;
    }
    if (len === 0) continue;
    if (perspective === 0 && !personOnly && deniedBefore(syntax, i)) continue;
    if (lex.dependingOnBefore.has(words[i - 1]?.lower ?? '') || phraseAt(words, i + len, lex.dependingOnAfter) > 0) {
      const nominal = perspective > 0 ? null : nominalCue(ctx, i, len);
      if (nominal) out.push(nominal);
      continue;
    }
    let source = perspective > 0 ? perspectiveSource(syntax, lex, i, len) : sourceAfter(syntax, lex, i + len);
    if (source && perspective === 0) source = ownerOfWords(syntax, lex, source) ?? source;
    // "Pour la porte-parole du collectif, Lucie Martin, il n'y a …": the name after the description, then a comma.
    // (Only after a description naming no one: "Selon l'AFP, Reuters et …" is a list of sources.)
    if (source && !source.pronoun && !source.description && !hasName(syntax, source)) {
      const named = apposedName(syntax, { first: source.first, last: source.last });
      if (named && words[named.last + 1]?.text === ',') source = named;
    }
    if (!source || (personOnly && !personLike(ctx, source))) continue;
    // "fini de sourcer « selon l'Élysée »": a quotation holding only the phrase mentions it, it reports nothing.
    const quoted = OPEN_QUOTES.has(words[i - 1]?.text ?? '') ? ctx.quoteStartingAt.get(words[i - 1]!.start) : undefined;
    if (quoted && quoted.end <= (words[source.last + 2]?.end ?? Infinity)) continue;
    const via: WordRange[] = [];
    let next = perspective > 0 ? i + len : source.last + 1;
    let v = viaOfSource(syntax, lex, next);
    // "D'après une source proche du ministère, citée par Le Figaro, le projet …": the relay set off between commas.
    if (!v.via && perspective === 0 && words[next]?.text === ',') {
      const aside = viaOfSource(syntax, lex, next + 1);
      if (aside.via && words[aside.next]?.text === ',') v = aside;
    }
    // "selon des propos rapportés par X": X is the source, not an intermediary.
    if (v.via && ownedWords(lex, syntax.words[headOf(syntax, source)]!.lower)) source = splitRole(syntax, lex, v.via);
    else if (v.via) via.push(v.via);
    next = v.next;
    // "selon l'AFP citant des sources militaires", "according to Reuters, citing officials": the one cited speaks, the
    // source named first relays it.
    const comma = words[next]?.text === ',' ? 1 : 0;
    const cited =
      perspective === 0 && lex.citing.has(words[next + comma]?.lower ?? '') && words[next + comma]!.sentence === sentence
        ? speakerNpForward(syntax, next + comma + 1)
        : -1;
    if (cited >= 0) {
      via.push({ first: source.first, last: source.last });
      source = splitRole(syntax, lex, { first: next + comma + 1, last: cited });
      next = cited + 1;
    }
    const afterSource = next;
    // The phrase runs to the next comma or the end of the sentence.
    while (next < words.length && words[next]!.sentence === sentence && words[next]!.text !== ',' && !/^[.;!?]$/.test(words[next]!.text)) next++;
    // "WASHINGTON — …, according to officials": the dateline is no part of the content.
    const first = afterDateline(syntax, sentence);
    const end = sentenceEnd(syntax, sentence);
    if (words[next]?.text === ',' && next < end) next = listEnd(syntax, next, end);
    // A capital "Selon" inside a sentence follows a heading that lost its full stop.
    // After a colon the clause starts anew ("… juge l'initiative « précieuse » : à ses yeux, …").
    const atStart =
      skipBackward(syntax, i - 1) < first || (words[i - 1]?.text === ',' && skipBackward(syntax, i - 2) < first) || words[i]!.cap || words[i - 1]?.text === ':';
    // "au risque selon certains experts d'échouer": words run on after the source without a comma.
    // "content, according to officials in Leeds.": a prepositional phrase without a verb closing the sentence after
    // the source belongs to the source, nothing runs on.
    const closingAdjunct =
      words[i - 1]?.text === ',' &&
      words[next]?.text !== ',' &&
      syntax.lex.prepositions.has(words[afterSource]?.lower ?? '') &&
      !hasFiniteVerb(syntax, { first: afterSource, last: next - 1 });
    const runsOn = !closingAdjunct && next > afterSource && sentenceEnd(syntax, sentence) >= afterSource;
    let content: { start: number; end: number } | null = null;
    if (atStart && next <= end && words[next]?.sentence === sentence) {
      // "Selon X, content." / "Selon X, qui dit avoir joint un témoin, une femme, content."
      const from = syntax.lex.relatives.has(words[next + 1]?.lower ?? '') ? clauseAfterRelative(syntax, next + 1, end) : next + 1;
      if (from <= end) content = { start: words[from]!.start, end: words[end]!.end };
    } else if (atStart) {
      // "Toujours selon Asia News" then the content in the next sentence or quotation.
      const n = words[syntax.last[sentence]! + 1];
      if (n) {
        const q = ctx.quoteStartingAt.get(n.start);
        content = q ? { start: q.start, end: q.end } : { start: n.start, end: words[sentenceEnd(syntax, n.sentence)]!.end };
      }
    } else if (
      !runsOn &&
      (next > end || words[next]?.sentence !== sentence || (!hasFiniteVerb(syntax, { first: next + 1, last: end }) && !endsOnVerb(syntax, i)))
    ) {
      // "content, selon X." / "content, selon X, un collectif de riverains." (an apposition to X)
      let e = i - 1;
      if (words[e]?.text === ',') e--;
      if (e >= first) content = { start: words[first]!.start, end: words[e]!.end };
    } else {
      // "A, selon X, B" / "A selon X B": the whole sentence.
      content = { start: words[first]!.start, end: words[end]!.end };
    }
    if (!content || content.end <= content.start) continue;
    out.push({
      construction: 'according',
      cue: { start: words[i]!.start, end: words[i + len - 1]!.end },
      cueWords: { first: i, last: i + len - 1 },
      verb: null,
      source,
      inherited: null,
      content,
      kind: kindOf(ctx, content, 'according'),
      via,
      sentence: sentence,
      frame: { first: i, last: next - 1 },
    });
    i += len - 1;
  }
  return out;
}
