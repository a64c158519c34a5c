// Cues found by their construction rather than by the lexicon (issue 14). In French almost any verb can frame a
// quotation after it ("« … », sourit-il", "« … », tranche-t-elle", "« … », s'agace X", "« … », a-t-il plaisanté")
// or before a colon ("Le blogueur, lui, reste sceptique : « … »"). The cue lexicon (cues.tsv) stays the prior: its
// verbs are tried first with all their frames; here the construction itself is the evidence, so a verb the lexicon
// lacks (or whose listed frames missed) still frames the quotation. Only in positions where the construction leaves
// no other reading: right after a quotation (or a comma closing a clause) with an inverted subject, or before a
// colon that opens a standalone quotation, with a subject that can speak.
import type { Syntax } from '../syntax/index.js';
import { afterDeterminer, isFiniteVerb, npForward } from '../syntax/phrases.js';
import { CLOSE_QUOTES, OPEN_QUOTES } from '../syntax/words.js';
import type { Cue } from './cues.js';
import type { Candidate } from './candidate.js';
import { asksAfter, ENTITY_KINDS, kindOf, MIN_QUOTED_WORDS, wordsIn, type FrameContext } from './frames.js';
import type { AttributionLexicon, CueEntry, Frame } from './lexicon.js';
import { headOf } from './via.js';
import { hasName, inciseAside, opensNp, splitRole, subjectBefore, type SourceRef } from './subjects.js';

/** Words scanned back from a colon for the verb whose subject speaks ("reste sceptique :", "se souvient des débuts difficiles :"). */
const MAX_VERB_BEFORE_COLON = 6;

const entries = new Map<string, CueEntry>();
/** The lexicon-less entry of a construction cue: any verb, the one frame its position shows. */
function anyVerb(frame: Frame, pronominal: boolean): CueEntry {
  const key = `${frame}:${pronominal}`;
  let e = entries.get(key);
  if (!e) entries.set(key, (e = { entry: '', lemma: '', pronominal, cls: 'speech', frames: new Set([frame]), particle: [] }));
  return e;
}

function cueOf(syntax: Syntax, first: number, head: number, last: number, clitic: number, frame: Frame, reflexive: boolean): Cue {
  const aux = syntax.isAux[first] === 1 && first < head ? syntax.forms[first]?.find((f) => f.role === 'aux') : undefined;
  const conditional = aux?.moods.includes('C') ?? false;
  return {
    first,
    last,
    head,
    entry: anyVerb(frame, reflexive),
    past: aux ? !conditional : false,
    conditional,
    passive: false,
    bare: false,
    infinitive: false,
    gerund: false,
    dependent: false,
    coordinated: false,
    clitic,
    cliticGender: clitic >= 0 ? (syntax.lex.invertedClitics.get(syntax.words[clitic]!.lower) ?? null) : null,
    negated: false,
  };
}

/** Object and reflexive clitics that may open an incise's verbal group ("y écrit-il", "s'agace X", "lui glisse-t-elle"). */
function skipClitics(syntax: Syntax, i: number): { at: number; reflexive: boolean } {
  let reflexive = false;
  for (let guard = 0; guard < 2; guard++) {
    const w = syntax.words[i];
    if (!w || !syntax.lex.objectClitics.has(w.lower) || syntax.lex.subjectPronouns.has(w.lower)) break;
    if (syntax.lex.g.reflexives.has(w.lower)) reflexive = true;
    i++;
  }
  return { at: i, reflexive };
}

/** Does an inverted group at `i` read as an incise: ", sourit-il", ", a-t-elle plaisanté", ", s'agace Marie Dupont"? */
function inversionAt(
  syntax: Syntax,
  lex: AttributionLexicon,
  start: number,
  quoted: boolean,
  frameOk: (head: number) => boolean,
  afterQuote = quoted,
): Cue | null {
  const { words } = syntax;
  const { at, reflexive } = skipClitics(syntax, start);
  const w = words[at];
  if (!w || w.cap) return null;
  const clitic = words[at + 1] && syntax.lex.invertedClitics.has(words[at + 1]!.lower) ? at + 1 : -1;
  // "« … », a-t-il plaisanté", "« … », m'a-t-il lancé", "« … », s'est-elle agacée": after a quotation only (elsewhere
  // "…, a-t-il …" may open a question); the auxiliary is no modal aside, its participle may be ("a-t-il semblé").
  const participle = words[at + 2];
  if (
    afterQuote &&
    clitic >= 0 &&
    syntax.isAux[at] === 1 &&
    participle &&
    !participle.cap &&
    !lex.notIncise.has(participle.lower) &&
    syntax.lex.g.eventParticiple.test(participle.lower) &&
    !asksAfter(syntax, at + 2) &&
    frameOk(at + 2)
  )
    return cueOf(syntax, start, at + 2, at + 2, clitic, 'inc', reflexive);
  if (lex.notIncise.has(w.lower)) return null;
  // "sourit-il", "tranche-t-elle"
  if (clitic >= 0 && isFiniteVerb(syntax, at) && frameOk(at)) return cueOf(syntax, start, at, clitic, clitic, 'inc', reflexive);
  if (!quoted) return null;
  // After a quotation only: "sourit le chef", "s'agace Marie Dupont", "a souri le maire".
  let head = at;
  if (syntax.isAux[at] === 1 && words[at + 1] && !words[at + 1]!.cap && syntax.lex.g.eventParticiple.test(words[at + 1]!.lower)) head = at + 1;
  else if (!isFiniteVerb(syntax, at)) return null;
  const subject = inciseAside(syntax, lex, head + 1);
  if (!opensNp(syntax, subject) || !frameOk(head)) return null;
  const end = npForward(syntax, subject);
  const after = words[end + 1];
  // The subject ends the clause: a stop, a comma, a medium ("glisse le chef au Monde") or the sentence's end.
  if (end < 0 || (after && after.sentence === w.sentence && !/^[.,;:!?…)]$/.test(after.text) && !lex.mediumPrepositions.has(after.lower))) return null;
  return cueOf(syntax, start, head, head, -1, 'inc', reflexive);
}

/** Incise separators: a comma, or a dash inside a quotation ("« … – observe-t-il dans un autre livre – … »"). */
const SEPARATOR = /^[,–—]$/;

/**
 * Construction cues of a text, on verbs that are not the head of an attribution found already (`taken`).
 * Linear: each closing quotation mark, inverted clitic and colon is looked at once.
 */
export function findConstructionCues(ctx: FrameContext, taken: Set<number>): Cue[] {
  const { syntax, lex } = ctx;
  if (!lex.openIncise) return [];
  const { words } = syntax;
  const out: Cue[] = [];
  const free = (head: number) => !taken.has(head);
  const push = (cue: Cue) => {
    taken.add(cue.head);
    out.push(cue);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // « … », VERB-il / « … », VERB X
    // A symmetric mark (ASCII '"', common on web pages) closes a quotation when the quotes layer says one ends there.
    if (CLOSE_QUOTES.has(w.text) && (!OPEN_QUOTES.has(w.text) || ctx.quoteEndingAt.has(w.end))) {
      const q = ctx.quoteEndingAt.get(w.end);
      if (!q?.closed || wordsIn(syntax, q) < MIN_QUOTED_WORDS) continue;
      // Without a comma only an inverted clitic makes an incise: in "« … » ont frappé le camp" the quotation is the subject.
      const comma = words[i + 1]?.text === ',';
      const cue = inversionAt(syntax, lex, comma ? i + 2 : i + 1, comma, free, true);
      if (cue) push(cue);
      continue;
    }
    // "Il faut partir, tranche-t-il." / "« … – observe-t-il dans un livre … »": a separator, then VERB-il ending the clause.
    if (SEPARATOR.test(w.text) && words[i + 1]?.sentence === w.sentence) {
      const cue = inversionAt(syntax, lex, i + 1, false, free);
      if (!cue) continue;
      const next = words[cue.last + 1];
      if (!next || next.sentence !== w.sentence || /^[.,;:!?…–—)»"”]$/.test(next.text) || lex.mediumPrepositions.has(next.lower)) push(cue);
      continue;
    }
    // SUBJECT VERB … : « … » — a standalone quotation after a colon.
    if (w.text === ':' && OPEN_QUOTES.has(words[i + 1]?.text ?? '')) {
      const q = ctx.quoteStartingAt.get(words[i + 1]!.start);
      if (!q?.closed || wordsIn(syntax, q) < MIN_QUOTED_WORDS) continue;
      const cue = colonVerb(ctx, i, free);
      if (cue) push(cue);
    }
  }
  return out;
}

/** The verb before a colon whose subject can speak ("Elle se souvient des débuts difficiles :"), as a `col` cue. */
function colonVerb(ctx: FrameContext, colon: number, free: (head: number) => boolean): Cue | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const sentence = words[colon]!.sentence;
  for (let k = colon - 1; k >= 0 && k >= colon - MAX_VERB_BEFORE_COLON; k--) {
    const w = words[k]!;
    if (w.sentence !== sentence || /^[.;:!?«»"“”]$/.test(w.text)) return null;
    // A compound tense: "Mon voisin m'avait prévenu : « … »", "Elle a tranché :" (not "Il a été clair :").
    if (syntax.isAux[k - 1] === 1 && !w.cap && !lex.notIncise.has(w.lower) && syntax.lex.g.eventParticiple.test(w.lower) && !afterDeterminer(syntax, k)) {
      if (!free(k) || (directObjectAfter(syntax, k) && !addressedBefore(ctx, k, colon))) return null;
      const subject = subjectBefore(syntax, lex, k - 1);
      if (!subject || !speaks(ctx, subject) || !agent(ctx, subject)) return null;
      return cueOf(syntax, k - 1, k, k, -1, 'col', false);
    }
    // A noun homograph of a verb form ("la nouvelle règle :") is no verb.
    if (!isFiniteVerb(syntax, k) || lex.notIncise.has(w.lower) || afterDeterminer(syntax, k)) continue;
    if (!free(k) || (directObjectAfter(syntax, k) && !addressedBefore(ctx, k, colon))) return null;
    let first = k;
    const reflexive = syntax.lex.g.reflexives.has(words[k - 1]?.lower ?? '');
    if (reflexive) first = k - 1;
    const subject = subjectBefore(syntax, lex, first);
    if (!subject || !speaks(ctx, subject)) return null;
    return cueOf(syntax, first, k, k, -1, 'col', reflexive);
  }
  return null;
}

/**
 * A compound tense before a colon is the weaker evidence (a past event: "La réunion a commencé : « … »"), so its
 * subject must be a pronoun, a name or a person, body or outlet of roles.tsv ("Mon voisin Jean-Marc m'avait prévenu :").
 */
function agent(ctx: FrameContext, src: { first: number; last: number; pronoun: unknown }): boolean {
  if (src.pronoun) return true;
  for (let k = src.first; k <= src.last; k++) if (ctx.syntax.chunkOf[k]! >= 0) return true;
  const kind = ctx.lex.roles.get(ctx.syntax.words[headOf(ctx.syntax, src)]!.lower)?.kind;
  return kind === 'person' || kind === 'org' || kind === 'media';
}

/**
 * "Les enquêteurs ont découvert un message : « … »", "La mairie affiche ce slogan : « … »": a direct object between
 * the verb and the colon is what the quotation spells out (a message, a sign), not the subject's words. A
 * prepositional complement is no such object ("Elle se souvient des débuts difficiles : « … »").
 */
function directObjectAfter(syntax: Syntax, verb: number): boolean {
  const w = syntax.words[verb + 1]?.lower ?? '';
  const g = syntax.lex.g;
  return g.definiteDeterminers.has(w) || (g.singularIndefinite.has(w) && !syntax.lex.prepositions.has(w)) || syntax.lex.demonstratives.has(w);
}

/**
 * "L'économiste tacle le gouvernement : « … »", "La maire interpelle la ministre Anne Roy : « … »": an object right
 * before the colon that is a person or a body (a person or body noun of roles.tsv, or a person or organisation of the
 * entities layer) is whom the quotation addresses, not what it spells out.
 */
function addressedBefore(ctx: FrameContext, verb: number, colon: number): boolean {
  const { syntax, lex } = ctx;
  const end = npForward(syntax, verb + 1);
  if (end < 0 || end + 1 !== colon) return false;
  const head = headOf(syntax, { first: verb + 1, last: end });
  const kind = lex.roles.get(syntax.words[head]!.lower)?.kind;
  return kind === 'person' || kind === 'org' || ctx.entityKind[head] === ENTITY_KINDS.PER || ctx.entityKind[head] === ENTITY_KINDS.ORG;
}

/**
 * A subject that may speak before a colon: a personal pronoun (not an impersonal "il": "Il reste ceci : « … »") or a
 * noun phrase that is no place of the entities layer ("…, à Lyon, renchérit"), opens no prepositional phrase and
 * heads no subordinate clause ("bien que les scénaristes y avaient songé :", "espérait que le voleur restitue …"),
 * and opens on a determiner or a name.
 */
function speaks(ctx: FrameContext, src: { first: number; last: number; pronoun: unknown }): boolean {
  const { syntax } = ctx;
  const first = syntax.words[src.first]!;
  if (src.pronoun) return !(syntax.lex.g.impersonalPronoun.has(first.lower) && syntax.lex.impersonalVerbs.has(syntax.words[src.last + 1]?.lower ?? ''));
  const before = syntax.words[src.first - 1]?.lower ?? '';
  if (syntax.lex.prepositions.has(before) || syntax.lex.complementizers.has(before) || syntax.lex.prepositions.has(first.lower)) return false;
  // A subject opens on a determiner or a name: "a découvert la nouvelle règle :" has none (the verb is a noun).
  if (!first.cap && !syntax.lex.determiners.has(first.lower)) return false;
  // (A determiner the entities layer tagged is its error: "Mon voisin Jean-Marc" with "Mon" a place.)
  for (let k = src.first; k <= src.last; k++) if (ctx.entityKind[k] === ENTITY_KINDS.LOC && !syntax.lex.determiners.has(syntax.words[k]!.lower)) return false;
  return true;
}

/** Words between a quoting noun and its colon: adjectives, the speaker complement and its apposition. */
const MAX_NOMINAL_FRAME = 14;

/**
 * Verbless frames of a standalone quotation after a colon, headed by a noun of saying at the start of the clause
 * (after a live-blog time stamp and its dash): "Réponse immédiate de Karim Belkacem, secrétaire de SUD-Rail : « … »"
 * (the complement speaks, its apposition describes), "Sa réponse : « … »", "Leur constat est sans appel : « … »" (a
 * third-person possessive names the speaker as a pronoun would; a copula may stand before the colon). Nouns:
 * `quotingNouns` and `speechNouns` of attribution-grammar.json. Linear: each colon before a quotation is looked at once.
 */
export function findNominalColons(ctx: FrameContext): Candidate[] {
  const { syntax, lex } = ctx;
  if (!lex.openIncise || lex.quotingNouns.size === 0) return [];
  const { words } = syntax;
  const out: Candidate[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.text !== ':' || !OPEN_QUOTES.has(words[i + 1]?.text ?? '')) continue;
    const q = ctx.quoteStartingAt.get(words[i + 1]!.start);
    if (!q?.closed || wordsIn(syntax, q) < MIN_QUOTED_WORDS) continue;
    const c = nominalFrame(ctx, i, q);
    if (c) out.push(c);
  }
  return out;
}

function nominalFrame(ctx: FrameContext, colon: number, q: { start: number; end: number }): Candidate | null {
  const { syntax, lex } = ctx;
  const { words } = syntax;
  const sentence = words[colon]!.sentence;
  // The clause opens the sentence, after an optional time stamp and dash ("09h20 – Réponse de …").
  let start = syntax.first[sentence]!;
  for (let k = start; k < start + 3 && k < colon; k++) if (/^[-–—]$/.test(words[k]!.text)) start = k + 1;
  if (colon - start > MAX_NOMINAL_FRAME) return null;
  const det = words[start]!.lower;
  const owner = lex.ownerPossessives.get(det);
  const noun = owner || syntax.lex.g.definiteDeterminers.has(det) ? start + 1 : start;
  if (noun >= colon || !lex.quotingNouns.has(words[noun]!.lower)) return null;
  // Adjectives after the noun ("Réponse immédiate de"): lower-case words that are no verb, determiner or preposition.
  let k = noun + 1;
  while (
    k < colon &&
    k < noun + 3 &&
    words[k]!.kind === 'word' &&
    !words[k]!.cap &&
    !syntax.lex.npLinks.has(words[k]!.lower) &&
    !syntax.lex.determiners.has(words[k]!.lower) &&
    !isFiniteVerb(syntax, k) &&
    syntax.isAux[k] !== 1
  )
    k++;
  let source: SourceRef | null = null;
  if (syntax.lex.npLinks.has(words[k]?.lower ?? '') && k + 1 < colon) {
    // "de Karim Belkacem, secrétaire fédéral de SUD-Rail": the complement speaks; after a comma, its description.
    let comma = -1;
    for (let j = k + 1; j < colon; j++) {
      if (words[j]!.text === ',' && comma < 0) comma = j;
      else if (isFiniteVerb(syntax, j) || syntax.isAux[j] === 1 || (words[j]!.kind === 'punct' && words[j]!.text !== '-')) return null;
    }
    // "de Karim …", "du Pentagone", "de la mairie": the phrase after the link (its article included).
    const range = { first: k + 1, last: comma > 0 ? comma - 1 : colon - 1 };
    if (range.first > range.last) return null;
    const ref = splitRole(syntax, lex, range);
    if (!hasName(syntax, ref) && !lex.roles.has(words[headOf(syntax, ref)]!.lower)) return null;
    source = comma > 0 && comma + 1 < colon ? { ...ref, description: ref.description ?? { first: comma + 1, last: colon - 1 } } : ref;
  } else if (owner) {
    // "Sa réponse :" / "Leur constat est sans appel :": a copula and a short verbless attribute at most.
    if (k < colon) {
      if (!lex.notIncise.has(words[k]!.lower)) return null;
      for (let j = k + 1; j < colon; j++) if (isFiniteVerb(syntax, j) || words[j]!.kind === 'punct' || j > k + 4) return null;
    }
    source = { first: start, last: start, pronoun: { gender: null, plural: owner === 'plural' }, description: null };
  } else return null;
  const content = { start: q.start, end: q.end };
  const last = source.pronoun ? k - 1 : Math.min(k, colon - 1);
  return {
    construction: 'colon',
    cue: { start: words[start]!.start, end: words[last]!.end },
    cueWords: { first: start, last },
    verb: null,
    source,
    inherited: null,
    content,
    kind: kindOf(ctx, content, 'direct'),
    via: [],
    sentence,
    frame: { first: start, last: colon },
  };
}
