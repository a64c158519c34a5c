// The attributions stage: cue verbs with their constructions, "selon"-type
// phrases, quotations continuing the previous speaker; then speakers resolved
// in reading order, nesting (`parent`), hedging, negation and questions.
import type { Doc } from '../../doc/doc.js';
import type { Attribution, Quote } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { hedgeMarkers } from '../hedges.js';
import { syntaxOf, wordAt, type Syntax } from '../syntax/index.js';
import { findAccording } from './according.js';
import type { Candidate } from './candidate.js';
import { findCues } from './cues.js';
import { findConstructionCues, findNominalColons } from './construction-cues.js';
import { ENTITY_KINDS, ENTITY_OTHER, frameOf, kindOf, MIN_QUOTED_WORDS, quoteAround, wordsIn, type FrameContext } from './frames.js';
import { attributionLexicon, type AttributionLexicon } from './lexicon.js';
import { collectMentions } from './mentions.js';
import { SourceResolver, type Speaker } from './sources.js';
import { hasFiniteVerb } from './subjects.js';
import { addSourceKeys, isOutletPhrase } from './source-keys.js';
import { npForward, phraseAt } from '../syntax/phrases.js';
import { isAudience, isOwnDocument, mediaNameAt, viaAt, type WordRange } from './via.js';
import { wordAtOrAfter } from '../syntax/words.js';
import { FORM_HEDGE } from '../syntax/lexicon.js';
import { layerSupported } from '../../lang/registry.js';
import { SpanIndex } from '../../text/span-index.js';
import { cliticPronoun } from '../../lang/grammar.js';

/** A quotation continues the previous speaker when it starts at most this many sentences after. */
const CONTINUATION_REACH = 1;

function within(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start >= b.start && a.end <= b.end;
}

function wordIndex(syntax: Syntax, offset: number): number {
  return wordAt(syntax, offset);
}

/** Words of an opening adverbial examined for a medium ("La semaine dernière dans Libération,"). */
const LEADING_WORDS = 8;

/**
 * "Interrogé par le quotidien X, l'adjoint a estimé que …": the leading participle names the medium;
 * "Dans une interview au Monde, la ministre a dit …": so does a medium phrase opening the sentence before a comma.
 */
function leadingVia(syntax: Syntax, lex: AttributionLexicon, sentence: number): WordRange | null {
  const f = syntax.first[sentence]!;
  const w = syntax.words[f];
  if (!w) return null;
  if (lex.viaParticiples.has(w.lower) && lex.viaPrepositions.has(syntax.words[f + 1]?.lower ?? '')) {
    const e = npForward(syntax, f + 2);
    return e >= 0 ? { first: f + 2, last: e } : null;
  }
  for (let k = f; k < f + LEADING_WORDS && k <= syntax.last[sentence]!; k++) {
    const x = syntax.words[k]!;
    if (x.kind === 'punct') return null;
    const v = viaAt(syntax, lex, k);
    if (v) return syntax.words[v.last + 1]?.text === ',' ? v : null;
  }
  return null;
}

/** Closed quotations not inside another closed one (quotes are sorted by start, longest first). */
function outerQuotes(quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  let reach = -1;
  for (const q of quotes) {
    if (!q.closed || q.end <= reach) continue;
    out.push(q);
    reach = q.end;
  }
  return out;
}

/**
 * A quotation that is a paragraph of its own with no final stop inside or after it ('"La maîtrise du calendrier"'
 * between two paragraphs) is a heading quoting someone, not a follow-on quotation.
 */
function headingQuote(text: string, q: Quote): boolean {
  let before = q.start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = q.end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if ((before >= 0 && text[before] !== '\n') || (after < text.length && text[after] !== '\n')) return false;
  let last = q.end - 2;
  while (last > q.start && /\s/u.test(text[last]!)) last--;
  return !/[.!?…]/u.test(text[last]!);
}

function continuations(syntax: Syntax, found: Candidate[], language: string): Candidate[] {
  const out: Candidate[] = [];
  const sorted = [...found].sort((a, b) => a.content.start - b.content.start);
  let k = 0;
  let reach = -1;
  let latest: Candidate | null = null;
  for (const q of outerQuotes(syntax.quotes)) {
    // reach: the furthest content end among contents starting before this quotation ends.
    while (k < sorted.length && sorted[k]!.content.start < q.end) {
      const c = sorted[k++]!;
      // A frame nested inside the quotation ("« … Pour moi, nous devions … »") is the quoted speaker's own: it
      // neither gives the quotation a cue nor speaks before it.
      if (c.content.start > q.start && c.content.end <= q.end && (!c.cue || c.cue.start > q.start)) continue;
      reach = Math.max(reach, c.content.end);
      if (!latest || c.content.end >= latest.content.end) latest = c;
    }
    const first = wordIndex(syntax, q.start);
    if (first < 0 || reach > q.start) continue;
    if (wordsIn(syntax, q) < MIN_QUOTED_WORDS) continue;
    const sentence = syntax.words[first]!.sentence;
    // The quotation must stand alone: open its sentence and end it ("« … »" after a speaker), not carry its own frame.
    if (syntax.first[sentence] !== first) continue;
    const after = wordAtOrAfter(syntax.words, q.end);
    if (after < syntax.words.length && syntax.words[after]!.sentence === syntax.words[after - 1]!.sentence && !/^[.!?…]$/.test(syntax.words[after]!.text))
      continue;
    if (headingQuote(syntax.text, q)) continue;
    // Every content starting before the quotation ends before it (reach <= q.start): the latest-ending one
    // among them is the prefix maximum kept while advancing k.
    const prev = latest;
    if (!prev || prev.kind === 'according' || prev.kind === 'indirect') continue;
    // An outlet that reports is no speaker of the quotation after it: in « Edouard Philippe a fait une référence au
    // passé, a relevé le Huffington Post. "J'ai vu, dans le passé, …" » the words are Philippe's, not the outlet's.
    if (prev.source && isOutletPhrase(syntax.text.slice(syntax.words[prev.source.first]!.start, syntax.words[prev.source.last]!.end), language)) continue;
    const prevEnd = wordIndex(syntax, prev.content.start);
    const prevSentence = prevEnd >= 0 ? syntax.words[prevEnd]!.sentence : prev.sentence;
    if (sentence - Math.max(prevSentence, prev.sentence) > CONTINUATION_REACH + 1) continue;
    out.push({
      ...prev,
      construction: 'continuation',
      cue: null,
      cueWords: null,
      verb: null,
      content: { start: q.start, end: q.end },
      kind: 'direct',
      sentence: sentence,
      inherited: null,
    });
  }
  return out;
}

/**
 * The candidates whose cue lies inside another candidate's speaker phrase or frame dropped. One sweep over
 * the phrases sorted by first word, keeping the two furthest-reaching of distinct owners: linear after the
 * sort (testing every pair was quadratic on cue-dense text).
 */
function withoutCuesInPhrases(found: Candidate[]): Candidate[] {
  const ranges: { first: number; last: number; owner: number }[] = [];
  found.forEach((o, owner) => {
    for (const r of [o.source, o.frame]) if (r) ranges.push({ first: r.first, last: r.last, owner });
  });
  ranges.sort((a, b) => a.first - b.first);
  const queries = found
    .map((c, i) => ({ c, i }))
    .filter((q) => q.c.cueWords)
    .sort((a, b) => a.c.cueWords!.first - b.c.cueWords!.first);
  const drop = new Uint8Array(found.length);
  let k = 0;
  let best: { last: number; owner: number } | null = null;
  let second: { last: number; owner: number } | null = null;
  for (const { c, i } of queries) {
    while (k < ranges.length && ranges[k]!.first <= c.cueWords!.first) {
      const r = ranges[k++]!;
      if (!best || r.last > best.last) {
        if (best && best.owner !== r.owner) second = best;
        best = r;
      } else if (r.owner !== best.owner && (!second || r.last > second.last)) second = r;
    }
    const other = best && best.owner !== i ? best : second;
    if (other && other.last >= c.cueWords!.last) drop[i] = 1;
  }
  return found.filter((_, i) => !drop[i]);
}

function position(c: Candidate): number {
  return c.cue ? c.cue.start : c.content.start;
}

/**
 * "On lit dans le rapport que …", "peut-on lire sur le site de X", "on apprend via le compte Twitter de la mairie
 * que …": when the speaker is the indefinite pronoun (the reader, the public), the medium carrying the statement is
 * its source. Without such a medium or an opening "Du côté de X," the candidate is dropped (false).
 */
function mediumForIndefinite(syntax: Syntax, lex: AttributionLexicon, c: Candidate): boolean {
  const pronoun = c.source?.pronoun ? syntax.words[c.source.first]!.lower : '';
  const reader = lex.readerCues.has(c.verb?.entry.entry ?? '');
  if (!pronoun || !syntax.lex.g.indefinitePronouns.has(cliticPronoun(syntax.lex.g, pronoun))) return !reader;
  const medium = c.via.findIndex((v) => lex.readerMediumPrepositions.has(syntax.words[v.first - 1]?.lower ?? ''));
  if (medium < 0) {
    // "… des extraits d'un document classifié. On y lit que …": the clitic stands for the medium named just before.
    const named = reader && c.cueWords && placeClitic(syntax, lex, c.cueWords) ? lastMedium(syntax, lex, c.sentence - 1) : null;
    if (named) {
      c.source = { ...named, pronoun: null, description: null };
      return true;
    }
    // "Du côté de l'industriel, on assure que …": the opening phrase names the indefinite speaker.
    const first = syntax.first[c.sentence]!;
    const len = phraseAt(syntax.words, first, lex.indefiniteSide);
    const end = len > 0 ? npForward(syntax, first + len) : -1;
    if (end >= 0 && syntax.words[end + 1]?.text === ',' && end < c.source!.first) {
      c.source = { first: first + len, last: end, pronoun: null, description: null };
      return true;
    }
    // "On nous répond que les effectifs baissent", "On dit que …": the indefinite pronoun with no medium and no
    // side named is hearsay in the author's voice, not a reported statement with a source.
    return false;
  }
  c.source = { ...c.via[medium]!, pronoun: null, description: null };
  c.via = c.via.filter((_, k) => k !== medium);
  return true;
}

/** A reader frame's clitic standing for a medium, before or inside its verbal group: « On y lit », « on peut y lire ». */
function placeClitic(syntax: Syntax, lex: AttributionLexicon, cue: WordRange): boolean {
  for (let k = cue.first - 1; k <= cue.last; k++) if (lex.readerPlaceClitics.has(syntax.words[k]?.lower ?? '')) return true;
  return false;
}

/**
 * The last medium or document named in sentence `sentence` (« The New York Times », « un document classifié »), with
 * its determiner, or null. One pass over the sentence's words.
 */
function lastMedium(syntax: Syntax, lex: AttributionLexicon, sentence: number): WordRange | null {
  if (sentence < 0) return null;
  let found: WordRange | null = null;
  for (let k = syntax.first[sentence]!; k <= syntax.last[sentence]!; k++) {
    const name = mediaNameAt(syntax.words, k, lex);
    if (name > 0) {
      found = { first: k, last: k + name - 1 };
      k += name - 1;
      continue;
    }
    const w = syntax.words[k]!;
    const kind = w.cap ? undefined : lex.roles.get(w.lower)?.kind;
    if (kind !== 'media' && kind !== 'document') continue;
    const last = npForward(syntax, k);
    found = { first: syntax.lex.determiners.has(syntax.words[k - 1]?.lower ?? '') ? k - 1 : k, last: Math.max(k, last) };
  }
  return found;
}

/**
 * Per word, the type of the entities-layer entity holding it (0 when none) and that entity's last word (-1 when
 * none): one pass over entities.
 */
function entityWords(syntax: Syntax, doc: Doc): { kind: Uint8Array; last: Int32Array } {
  const kind = new Uint8Array(syntax.words.length);
  const last = new Int32Array(syntax.words.length).fill(-1);
  for (const e of doc.entities) {
    const type = ENTITY_KINDS[e.type as keyof typeof ENTITY_KINDS] ?? ENTITY_OTHER;
    const first = wordAtOrAfter(syntax.words, e.start);
    let end = first;
    while (end < syntax.words.length && syntax.words[end]!.start < e.end) end++;
    for (let k = first; k < end; k++) {
      kind[k] = type;
      last[k] = end - 1;
    }
  }
  return { kind, last };
}

/**
 * « L'augmentation annoncée par X « sera versée dès janvier », a précisé Y »: a participle with its agent inside words
 * an incise after them gives to Y (the content ends where the incise's does) is part of what Y says, not X's statement.
 * The incises indexed by content end make each lookup a map access: linear.
 */
function withoutParticiplesInIncisedWords(found: Candidate[]): Candidate[] {
  // Per content end, the incise whose content starts first (it holds every other one's start).
  const incised = new Map<number, Candidate>();
  for (const c of found) {
    if (c.construction !== 'incise' || !c.cue || c.cue.start < c.content.end) continue;
    const widest = incised.get(c.content.end);
    if (!widest || c.content.start < widest.content.start) incised.set(c.content.end, c);
  }
  if (incised.size === 0) return found;
  return found.filter((c) => {
    if (c.construction !== 'passive' || !c.verb?.bare || !c.cue) return true;
    const d = incised.get(c.content.end);
    return !d || d.content.start > c.cue.start;
  });
}

/**
 * "Selon les estimations des Nations unies", "selon les données de Santé publique France": a source phrase that stops
 * inside a name of the entities layer (its lower-case word read as the end of the phrase) runs to the name's end,
 * unless that crosses the content or the sentence.
 */
function sourcesToEntityEnds(ctx: FrameContext, found: Candidate[]): void {
  const { syntax } = ctx;
  const entityLast = ctx.entityLast;
  if (!entityLast) return;
  for (const c of found) {
    const src = c.source;
    if (!src || src.pronoun) continue;
    const end = entityLast[src.last]!;
    if (end <= src.last || syntax.words[end]!.sentence !== syntax.words[src.last]!.sentence) continue;
    const from = syntax.words[src.last + 1]!.start;
    const to = syntax.words[end]!.end;
    if ((c.content.start < to && c.content.end > from) || (c.cue && c.cue.start < to && c.cue.end > from)) continue;
    c.source = { ...src, last: end };
  }
}

/**
 * "Nous dénonçons une attaque …", "Je pense que …" outside any quotation: the text's own author speaks (a blog, an
 * opinion piece, a union's communiqué, a petition); that is the outlet's voice, not a reported statement. A first
 * person inside a quotation is the quoted speaker and stays.
 */
function authorSpeaks(ctx: FrameContext, c: Candidate): boolean {
  const src = c.source;
  if (!src?.pronoun || src.first !== src.last) return false;
  if (!ctx.syntax.lex.g.firstPerson.has(ctx.syntax.words[src.first]!.lower)) return false;
  return quoteAround(ctx, ctx.syntax.words[src.first]!.start) === null;
}

/**
 * "It did not say what had been stored", « il n'a pas précisé combien … »: a negated cue before an indirect question
 * (attribution-grammar.json `indirectQuestion`) reports that nothing was said: no statement, no attribution.
 */
function deniedQuestion(ctx: FrameContext, c: Candidate): boolean {
  if (!c.verb?.negated) return false;
  const first = ctx.syntax.words[wordAtOrAfter(ctx.syntax.words, c.content.start)];
  return !!first && ctx.lex.indirectQuestion.has(first.lower);
}

export function findAttributions(doc: Doc): Attribution[] {
  const syntax = syntaxOf(doc);
  const lex = attributionLexicon(doc.meta.language);
  const quoteEndingAt = new Map<number, Quote>();
  const quoteStartingAt = new Map<number, Quote>();
  for (const q of syntax.quotes) {
    quoteEndingAt.set(q.end, q);
    quoteStartingAt.set(q.start, q);
  }
  const entities = entityWords(syntax, doc);
  const ctx: FrameContext = { syntax, lex, quoteEndingAt, quoteStartingAt, entityKind: entities.kind, entityLast: entities.last };
  let found: Candidate[] = [];
  for (const cue of findCues(syntax, lex)) {
    const c = frameOf(ctx, cue);
    if (c) found.push(c);
  }
  // Any verb framing a quotation by its construction, where no lexicon cue made an attribution of it.
  const taken = new Set<number>();
  for (const c of found) if (c.verb) taken.add(c.verb.head);
  for (const cue of findConstructionCues(ctx, taken)) {
    const c = frameOf(ctx, cue);
    if (c) found.push(c);
  }
  found = found.filter((c) => mediumForIndefinite(syntax, lex, c) && !authorSpeaks(ctx, c) && !deniedQuestion(ctx, c));
  found.push(...findAccording(ctx));
  found.push(...findNominalColons(ctx));
  // A cue inside another attribution's speaker phrase or frame is part of that phrase ("Selon des sources citées par X").
  found = withoutCuesInPhrases(found);
  for (const c of found) {
    const v = leadingVia(syntax, lex, c.sentence);
    if (v && c.construction !== 'according') c.via.unshift(v);
  }
  trimTrailingFrames(ctx, found);
  sourcesToEntityEnds(ctx, found);
  found = withoutParticiplesInIncisedWords(found);
  // The medium helped find the speech act (« a rejeté ces conclusions dans un communiqué »); once a speaker is known,
  // the speaker's own document is no link of the chain (it showed « un communiqué ← HydroVal », newcomer trial).
  // Likewise an audience ("told reporters", « aux journalistes ») is no link of the chain (it made a graph node
  // "reporters" relaying the speaker, newcomer trial, session 13).
  for (const c of found) if (c.source) c.via = c.via.filter((v) => !isOwnDocument(syntax, lex, v) && !isAudience(syntax, lex, v));
  found.push(...continuations(syntax, found, doc.meta.language));
  found = withoutQuotedPersons(ctx, found);
  found.sort((a, b) => position(a) - position(b));
  splitSharedQuotations(ctx, found);
  boundNestedContents(ctx, found);
  return build(doc, ctx, found);
}

/**
 * "\"I told the players they were not good enough,\" Walsh said", "\"You promised us a title,\" said Hill": inside a
 * quotation that another attribution frames, a cue whose subject is a pronoun of the conversation (attribution-grammar
 * `quotedPersons`: "I", "we", "you") is the quoted speaker telling their own or their addressee's words, part of the
 * quotation; it is no attribution of its own, and its pronoun never speaks for the frame. A language without the list
 * (French resolves « nous avons affirmé » to the quotation's speaker) keeps every candidate.
 */
function withoutQuotedPersons(ctx: FrameContext, found: Candidate[]): Candidate[] {
  const persons = ctx.lex.quotedPersons;
  const { words } = ctx.syntax;
  const told = (c: Candidate) => !!c.cue && !!c.source && c.source.first === c.source.last && persons.has(words[c.source.first]!.lower);
  if (persons.size === 0 || !found.some(told)) return found;
  // A quotation is framed when some candidate's content contains it.
  const contents = new SpanIndex(found.map((c) => c.content));
  return found.filter((c) => {
    if (!told(c)) return true;
    const q = quoteAround(ctx, words[c.source!.first]!.start);
    return !(q?.closed && contents.covers(q.start, q.end));
  });
}

/**
 * "« A, a dit X, B, a ajouté Y, C »": when several incises share one quotation as their content, each gets
 * its own stretch of it (from the previous incise to its cue; the last one to the closing mark), rather than
 * every cue copying the whole quotation (2,000 incises in one quotation made the output quadratic).
 */
function splitSharedQuotations(ctx: FrameContext, found: Candidate[]): void {
  const { syntax } = ctx;
  const shared = new Map<string, Candidate[]>();
  for (const c of found) {
    if (c.construction !== 'incise' || !c.cue || c.cue.start < c.content.start || c.cue.end > c.content.end) continue;
    const key = `${c.content.start}:${c.content.end}`;
    const list = shared.get(key);
    if (list) list.push(c);
    else shared.set(key, [c]);
  }
  for (const group of shared.values()) {
    if (group.length < 2) continue;
    const { start, end } = group[0]!.content;
    let from = start;
    group.forEach((c, member) => {
      let k = wordIndex(syntax, c.cue!.start) - 1;
      while (k >= 0 && /^[,;:(—–-]$/.test(syntax.words[k]!.text)) k--;
      const to = member === group.length - 1 ? end : k >= 0 ? Math.max(from, syntax.words[k]!.end) : from;
      c.content = { start: from, end: to > from ? to : c.cue!.end };
      c.kind = 'direct';
      const frameEnd = c.frame ? syntax.words[c.frame.last]!.end : c.cue!.end;
      let next = wordAtOrAfter(syntax.words, frameEnd);
      while (next < syntax.words.length && /^[,;:)—–-]$/.test(syntax.words[next]!.text)) next++;
      from = Math.min(end, syntax.words[next]?.start ?? end);
    });
  }
}

/** Contents nested this deep (inside this many other contents) are cut at the next cue inside them. */
const MAX_FULL_DEPTH = 2;

/**
 * Contents of nested attributions are spans inside their parent. Past two levels ("Selon X, Y a dit que Z
 * affirme que …"), a content stops before the next attribution inside it (its speaker and cue), so each cue
 * of a chain of thousands in one sentence gets its own clause-level content instead of the rest of the
 * sentence: every character is then inside a bounded number of contents and the output stays linear.
 */
function boundNestedContents(ctx: FrameContext, found: Candidate[]): void {
  const { syntax } = ctx;
  const cues = found.flatMap((c, i) => (c.cue ? [{ start: c.cue.start, i }] : [])).sort((a, b) => a.start - b.start);
  let open: { start: number; end: number }[] = [];
  for (const c of found) {
    const at = c.cue ? c.cue.start : c.content.start;
    open = open.filter((o) => o.end > at);
    if (open.filter((o) => o.start <= at).length >= MAX_FULL_DEPTH) {
      // The first other cue strictly inside this content.
      let lo = 0;
      let hi = cues.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cues[mid]!.start <= c.content.start) lo = mid + 1;
        else hi = mid;
      }
      while (lo < cues.length && found[cues[lo]!.i] === c) lo++;
      const next = cues[lo];
      if (next && next.start < c.content.end) {
        const other = found[next.i]!;
        let cut = wordIndex(syntax, next.start);
        if (other.source && other.source.first < cut && syntax.words[other.source.first]!.start > c.content.start) cut = other.source.first;
        let k = cut - 1;
        while (k >= 0 && /^[,;:(—–-]$/.test(syntax.words[k]!.text)) k--;
        const end = k >= 0 && syntax.words[k]!.end > c.content.start ? syntax.words[k]!.end : other.cue!.end;
        c.content = { start: c.content.start, end: Math.min(end, c.content.end) };
        c.kind = kindOf(ctx, c.content, c.construction === 'according' ? 'according' : 'indirect');
      }
    }
    if (c.content.end > at) open.push(c.content);
    // A pathological pile of open contents is treated as deep: the bound holds whatever the text.
    if (open.length > 64) open = open.slice(-MAX_FULL_DEPTH);
  }
}

/**
 * "Le ministre a dit que la loi passerait, rapporte Radio Nord": the incise or "selon" frame after a content
 * belongs to another attribution (whose content comes before its cue); the content stops before it.
 */
function trimTrailingFrames(ctx: FrameContext, found: Candidate[]): void {
  const { syntax } = ctx;
  const trailing = found.filter((b) => b.cue && b.content.end <= b.cue.start).sort((a, b) => a.cue!.start - b.cue!.start);
  if (trailing.length === 0) return;
  for (const a of found) {
    if (!a.cue || a.content.end <= a.cue.start) continue;
    let lo = 0;
    let hi = trailing.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trailing[mid]!.cue!.start <= a.content.start) lo = mid + 1;
      else hi = mid;
    }
    const b = trailing[lo];
    if (!b || b.cue!.start >= a.content.end) continue;
    // A frame inside a quotation of the content is the quoted speaker's own ("« … , a dit le maire, … »").
    const q = quoteAround(ctx, b.cue!.start);
    if (q && q.start >= a.content.start) continue;
    let k = wordIndex(syntax, b.cue!.start) - 1;
    while (k >= 0 && /^[,;:(—–-]$/.test(syntax.words[k]!.text)) k--;
    if (k < 0 || syntax.words[k]!.end <= a.content.start) continue;
    a.content = { start: a.content.start, end: syntax.words[k]!.end };
    a.kind = kindOf(ctx, a.content, a.construction === 'according' ? 'according' : 'indirect');
  }
}

function build(doc: Doc, ctx: FrameContext, found: Candidate[]): Attribution[] {
  const { syntax, lex } = ctx;
  const resolver = new SourceResolver(syntax, lex, collectMentions(syntax, lex, ctx.entityKind));
  const speakers: (Speaker | null)[] = [];
  // The first non-continuation attribution of each source phrase (a continuation shares its candidate's source).
  const firstOfSource = new Map<unknown, number>();
  found.forEach((o, i) => {
    if (o.construction !== 'continuation' && !firstOfSource.has(o.source)) firstOfSource.set(o.source, i);
  });
  let latest: Speaker | null = null;
  const out: Attribution[] = found.map((c, idx) => {
    let speaker: Speaker | null = null;
    if (c.construction === 'continuation') {
      const from = firstOfSource.get(c.source) ?? -1;
      speaker = from >= 0 && from < idx ? (speakers[from] ?? null) : null;
      if (speaker) resolver.remember(speaker);
    } else if (
      (c.verb?.infinitive || c.verb?.coordinated) &&
      (speaker = lastSpeaker(latest, c.verb.infinitive && !c.verb.gerund ? c.sentence - 1 : c.sentence))
    ) {
      // "…, a indiqué X, expliquant que …" / "Et d'accuser …": the previous speaker goes on.
    } else if (c.source) speaker = resolver.resolve(c.source, c.sentence, incisedContentStart(syntax, c));
    speakers.push(speaker);
    if (speaker) latest = speaker;
    return {
      cue: c.cue ? doc.span(c.cue.start, c.cue.end) : null,
      source: speaker ? { ...speaker.source } : null,
      content: doc.span(c.content.start, c.content.end),
      kind: c.kind,
      via: c.via.map((v) => doc.span(syntax.words[v.first]!.start, syntax.words[v.last]!.end)),
      hedged: false,
      parent: null,
      rule: c.construction,
    };
  });
  out.forEach((a, i) => {
    a.parent = parentOf(out, i);
    decorate(ctx, a, found[i]!);
  });
  // "« Nous avions dit que … », a expliqué X": a first person inside a quotation is its speaker.
  out.forEach((a, i) => {
    const p = a.parent !== null ? out[a.parent]! : null;
    if (!speakers[i]?.firstPerson || !p?.source || p.kind === 'indirect' || p.kind === 'according') return;
    a.source = { ...a.source!, resolved: p.source.resolved ?? p.source.text, anonymous: p.source.anonymous };
  });
  return out;
}

/** Where the content of an incise starts when it comes before its speaker ('"…," he said'): no antecedent in it. */
function incisedContentStart(syntax: Syntax, c: Candidate): number {
  return c.source && c.content.end <= syntax.words[c.source.first]!.start ? c.content.start : Infinity;
}

/** The latest speaker, if it spoke in sentence `since` or later. */
function lastSpeaker(latest: Speaker | null, since: number): Speaker | null {
  return latest && latest.sentence >= since ? latest : null;
}

/** Attributions (in reading order) examined on each side for a parent: nesting is local. */
const PARENT_WINDOW = 24;

interface Spanned {
  cue: { start: number; end: number } | null;
  content: { start: number; end: number };
}

/** The smallest other attribution whose content holds this one's cue (or content). */
function parentOf(all: Spanned[], i: number): number | null {
  const a = all[i]!;
  const anchor = a.cue ?? a.content;
  const size = (x: Spanned) => x.content.end - x.content.start;
  let best: number | null = null;
  for (let k = Math.max(0, i - PARENT_WINDOW); k < all.length && k <= i + PARENT_WINDOW; k++) {
    const o = all[k]!;
    if (k === i || !within(anchor, o.content)) continue;
    if (o.cue && within(o.cue, a.content)) continue;
    if (best === null || size(o) < size(all[best]!)) best = k;
  }
  return best;
}

/**
 * « L'organisation a accusé dans un communiqué X d'être derrière cette attaque, destinée, selon elle, à … »: an
 * attribution nested in one of the same speaker (the same source key) is no relay of it, a speaker does not relay
 * itself (the chain read "Organisation ← un communiqué ← Organisation"): its parent is the nearest enclosing
 * attribution of another speaker, or none.
 */
function withoutSelfRelays(all: Attribution[]): void {
  for (const a of all) {
    const key = a.source?.key;
    if (!key) continue;
    // Parents come from a bounded window and never loop back: the walk ends.
    let p = a.parent;
    for (let guard = 0; p !== null && guard < all.length && all[p]!.source?.key === key; guard++) p = all[p]!.parent;
    a.parent = p;
  }
}

/** Does the quotation hold a verb (a quoted clause, "« elle pourrait en être tenue responsable »"), not only a term? */
function quotesClause(syntax: Syntax, q: Quote): boolean {
  const first = wordAtOrAfter(syntax.words, q.start);
  const last = wordAtOrAfter(syntax.words, q.end) - 1;
  return last >= first && hasFiniteVerb(syntax, { first, last });
}

/**
 * Hedging, negation and questions. A hedge word inside a quoted term (no verb) of an indirect, mixed or according
 * content (`selon le CIRC, le glyphosate est un « cancérogène probable »`) is the source's own term, not the outlet
 * hedging what it reports.
 */
function decorate(ctx: FrameContext, a: Attribution, c: Candidate): void {
  const { syntax } = ctx;
  const first = wordAtOrAfter(syntax.words, a.content.start);
  const last = wordAtOrAfter(syntax.words, a.content.end) - 1;
  const sequence = (c.construction === 'que' || c.construction === 'infinitive') && (c.verb?.past ?? false);
  let markers = first >= 0 && last >= first ? hedgeMarkers(syntax, first, last, { sequenceOfTenses: sequence }) : [];
  if (a.kind !== 'direct')
    markers = markers.filter((m) => {
      const q = quoteAround(ctx, m.start);
      return !q || q.start < a.content.start || q.end > a.content.end || quotesClause(syntax, q);
    });
  const hedges = markers.map((m) => ({ start: m.start, end: m.end, text: syntax.text.slice(m.start, m.end) }));
  // Between the cue and its content: "claimed without evidence that …", "a affirmé sans preuve que …".
  if (c.cueWords && first > c.cueWords.last + 1) {
    for (const m of hedgeMarkers(syntax, c.cueWords.last + 1, first - 1, { sequenceOfTenses: true }))
      hedges.push({ start: m.start, end: m.end, text: syntax.text.slice(m.start, m.end) });
  }
  // "…, selon des sources non vérifiées": a hedge in a trailing source phrase hedges the content before it.
  if (c.construction === 'according' && c.source && c.source.first > last) {
    for (const m of hedgeMarkers(syntax, c.source.first, c.source.last, { sequenceOfTenses: true }))
      hedges.push({ start: m.start, end: m.end, text: syntax.text.slice(m.start, m.end) });
  }
  // A conditional frame ("aurait déclaré") or a verb of suspicion ("soupçonne") hedges the whole attribution.
  const suspicious = c.verb ? (syntax.formFlags[c.verb.head]! & FORM_HEDGE) !== 0 : false;
  if ((c.verb?.conditional || suspicious) && a.cue) hedges.unshift({ ...a.cue });
  a.hedged = hedges.length > 0;
  a.hedges = hedges;
  a.negated = c.verb?.negated ?? false;
  const lemma = c.verb?.entry.entry ?? '';
  a.question = /\?\s*[»"”]?\s*$/.test(a.content.text) || syntax.lex.g.questionCues.has(lemma);
}

export const attributionsStage: Stage = {
  name: 'attributions',
  requires: ['syntax', 'entities', 'meta'],
  provides: ['attributions'],
  run(doc: Doc) {
    doc.attributions = layerSupported(doc, 'attributions') ? findAttributions(doc) : [];
    addSourceKeys(doc, doc.attributions);
    withoutSelfRelays(doc.attributions);
  },
};
