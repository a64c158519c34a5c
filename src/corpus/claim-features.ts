// The claims of one analysis as rows with matching features: entity keys,
// numbers, predicate stems, speaker and via chain. When the analysis has no
// claims layer, sentences stating a number or naming an entity stand in as
// candidate claims, so that grouping works on any corpus.
import type { Analysis, Attribution, Proposition } from '../doc/schema.js';
import type { ClaimRow } from './store.js';
import { fold } from '../text/fold.js';
import { words, wordTools } from '../lang/stems.js';
import { mergeSpans, SpanIndex } from '../text/span-index.js';
import { isDenialCue } from '../annotate/claims/denial.js';

/** Entity types that are not "things a claim is about" for matching. */
const NON_TOPIC_TYPES = new Set(['DATE', 'QUANTITY']);
/** Digits with thousands groups (8 000, 8 000) and a decimal part (3,5); every repetition consumes characters, so linear. */
const NUMBER = /\p{Nd}+(?:[\u0020\u00a0\u202f]\p{Nd}{3})*(?:[.,]\p{Nd}+)?/gu;
const MAX_CHAIN = 8;

interface Span {
  start: number;
  end: number;
}

export function claimRows(a: Analysis): ClaimRow[] {
  const topics = new SpanIndex(topicSpans(a));
  const spans: CandidateClaim[] = a.claims.length > 0 ? a.claims.map((c) => ({ ...c, candidate: false })) : candidateClaims(a, topics);
  const tools = wordTools(a.meta.language);
  const quotes = new SpanIndex((a.quotes ?? []).filter((q) => q.closed !== false));
  let bySurnameOf: Map<string, string> | undefined;
  const surnames = () => (bySurnameOf ??= personSurnames(a));
  const rows = spans.map((c, index): ClaimRow => {
    const attr = c.attribution !== null ? a.attributions[c.attribution] : undefined;
    const inside = topics.overlapping(c.start, c.end);
    const covered = mergeSpans(inside);
    let k = 0;
    const predicate = new Set<string>();
    const bySurname = new Set<string>();
    for (const w of words(c.text)) {
      const at = c.start + w.start;
      while (k < covered.length && covered[k]!.end <= at) k++;
      if (k < covered.length && covered[k]!.start <= at) continue;
      if (/^\p{N}/u.test(w.word) || tools.isStopword(w.word) || w.word.length < 2) continue;
      // « Blanquer "choqué" mais rappelle "le contexte" » after « Jean-Michel Blanquer »: the person, not a content word.
      const person = /^\p{Lu}/u.test(c.text.slice(w.start, w.end)) ? surnames().get(fold(w.word).toLowerCase()) : undefined;
      if (person) bySurname.add(person);
      else predicate.add(tools.stem(w.word));
    }
    const chain = attr ? viaChain(a.attributions, attr) : null;
    // The claims layer says whether the speaker denies the claim (src/annotate/claims/denial.ts); sentences standing in
    // for claims (no claims layer) deny nothing.
    const denied = c.denied === true;
    return {
      documentId: a.id,
      index,
      start: c.start,
      end: c.end,
      text: c.text,
      attribution: c.attribution,
      hedged: c.hedged,
      candidate: c.candidate,
      speaker: attr?.source ? (attr.source.resolved ?? attr.source.text) : null,
      anonymous: attr?.source ? attr.source.anonymous : null,
      via: chain ? chain.map((x) => x.text) : [],
      // The subject a clause shares with its sentence (« [X], soupçonné de … ») counts as named in it, and so do the
      // keys of the event an anaphoric phrase points back to (« cette opération »: see claims/event-coreference.ts).
      entityKeys: [...new Set([...inside.map((t) => t.key), ...bySurname, ...(c.proposition?.subject ?? []), ...(c.proposition?.refersTo?.keys ?? [])])].sort(),
      numbers: [...new Set(numbersIn(c.text))].sort(),
      predicate: [...predicate].sort(),
      speakerKey: attr?.source ? (attr.source.key ?? null) : null,
      proposition: c.proposition
        ? {
            ...c.proposition,
            // What the speaker asserts: a claim its speaker denies (« a démenti les rumeurs selon lesquelles … ») asserts
            // the opposite of its words, so it contradicts the claim it repeats and never confirms it.
            negated: (c.negated ?? false) !== denied,
            ...(denied ? { denied: true } : {}),
            viaKeys: chain ? chain.map((x) => x.key) : [],
            ...(attr?.coSources?.length ? { coSources: attr.coSources.map((x) => ({ name: x.text, key: x.key })) } : {}),
            ...(quotedSpan(quotes, c) ? { quoted: true } : {}),
            ...(attr?.source?.office ? { speakerOffice: attr.source.office } : {}),
          }
        : null,
    };
  });
  if (a.claims.length > 0) for (const part of titleParts(a.meta.title)) rows.push(headlineDenial(a, rows, titleClaim(a, rows, part)));
  return rows;
}

/** Whether most of a claim lies inside quotation marks: its speaker's own words. */
function quotedSpan(quotes: SpanIndex<Span>, c: Span): boolean {
  let inside = 0;
  for (const q of mergeSpans(quotes.overlapping(c.start, c.end))) inside += Math.min(q.end, c.end) - Math.max(q.start, c.start);
  return inside * 2 > c.end - c.start;
}

/**
 * The people of a document by surname (folded, lowercase), for the words that name them alone after their full name
 * (« Jean-Michel Blanquer … Blanquer "choqué" »): a surname of MIN_SURNAME letters or more that one person of the
 * entities layer ends with; a surname two people of the document share names neither.
 */
function personSurnames(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const e of a.entities) {
    if (e.type !== 'PER') continue;
    const name = fold(e.text)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    const space = name.lastIndexOf(' ');
    if (space < 0) continue;
    const surname = name.slice(space + 1);
    if (surname.length < MIN_SURNAME) continue;
    if (out.has(surname) && out.get(surname) !== e.key) shared.add(surname);
    else out.set(surname, e.key);
  }
  for (const s of shared) out.delete(s);
  return out;
}

/** Whether a claim row is (a part of) its document's title: title claims are not in the text, their span is empty [0, 0). */
export const isTitleClaim = (c: Pick<ClaimRow, 'start' | 'end'>): boolean => c.start === 0 && c.end === 0;

/** Where a headline joins several statements: « Soupçons de fraude : X arrêté à Tokyo, Nissan souhaite son départ ». */
const TITLE_BREAK = /\s*[:;|]\s+|,\s+|\s+[-–—]\s+/gu;
/** A surname a headline names a person by has this many letters at least (« Pen », « Ali » also name other things). */
const MIN_SURNAME = 4;
/** A headline part needs this many words to state something. */
const TITLE_PART_WORDS = 3;

/** The statements of a headline as written: its parts between colons, commas and dashes, a short part joined to its neighbour. */
export function titleParts(title: string | null | undefined): string[] {
  const t = title?.trim();
  if (!t) return [];
  const parts: { start: number; end: number }[] = [];
  let from = 0;
  const add = (end: number) => {
    if (end <= from) return;
    const short = [...words(t.slice(from, end))].length < TITLE_PART_WORDS;
    const prev = parts[parts.length - 1];
    // A short part goes with the part before it, or, at the start, with the part after it.
    if (prev && (short || [...words(t.slice(prev.start, prev.end))].length < TITLE_PART_WORDS)) prev.end = end;
    else parts.push({ start: from, end });
  };
  for (const m of t.matchAll(TITLE_BREAK)) {
    add(m.index);
    from = m.index + m[0].length;
  }
  add(t.length);
  return parts.map((p) => t.slice(p.start, p.end));
}

/**
 * The title as a claim in the outlet's voice (headlines state the story's main claim: « Carlos Ghosn arrêté à
 * Tokyo »). It is not in the text, so its span is empty [0, 0) and its parts come from the body: the entities
 * whose names it repeats, and as predicate the words whose stem is a predicate of a body claim.
 */
function titleClaim(a: Analysis, rows: ClaimRow[], title: string): ClaimRow {
  const tools = wordTools(a.meta.language);
  const folded = ` ${fold(title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const entityKeys = new Set<string>();
  const named = new Set<string>();
  // Where in the folded title each entity is named (its first occurrence), for telling subject from arguments.
  const namedAt: { key: string; at: number }[] = [];
  for (const e of a.entities) {
    if (NON_TOPIC_TYPES.has(e.type)) continue;
    const name = fold(e.text)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (name.length < 2) continue;
    // Headlines name people by their surname (« Castaner "peu optimiste" » over « Christophe Castaner a reconnu … »).
    const surname = e.type === 'PER' ? name.slice(name.lastIndexOf(' ') + 1) : '';
    const as = folded.includes(` ${name} `) ? name : surname.length >= MIN_SURNAME && surname !== name && folded.includes(` ${surname} `) ? surname : null;
    if (!as) continue;
    entityKeys.add(e.key);
    namedAt.push({ key: e.key, at: folded.indexOf(` ${as} `) });
    for (const w of as.split(' ')) named.add(w);
  }
  const verbs = new Set(rows.flatMap((r) => r.proposition?.predicate ?? []));
  const predicate = new Set<string>();
  const stems = new Set<string>();
  // Where the first predicate word is in the folded title: the entities named before it are the subject.
  let predicateAt = -1;
  for (const w of words(title)) {
    if (/^\p{N}/u.test(w.word) || tools.isStopword(w.word) || w.word.length < 2 || named.has(fold(w.word))) continue;
    const st = tools.stem(w.word);
    stems.add(st);
    if (!verbs.has(st)) continue;
    predicate.add(st);
    if (predicateAt < 0) predicateAt = folded.indexOf(` ${fold(w.word)} `);
  }
  // « Carlos Ghosn arrêté à Tokyo »: the name before the predicate is its subject, as in the body's « Carlos Ghosn a été
  // arrêté »; « Nissan a révoqué Carlos Ghosn »: after it, an argument.
  const subject = new Set(namedAt.filter((n) => predicateAt > 0 && n.at >= 0 && n.at < predicateAt).map((n) => n.key));
  const args = [...entityKeys].filter((k) => !subject.has(k)).sort();
  const numbers = [...new Set(numbersIn(title))].sort();
  return {
    documentId: a.id,
    index: rows.length,
    start: 0,
    end: 0,
    text: title,
    attribution: null,
    hedged: false,
    candidate: false,
    speaker: null,
    anonymous: null,
    via: [],
    entityKeys: [...entityKeys].sort(),
    numbers,
    predicate: [...stems].sort(),
    speakerKey: null,
    proposition: { predicate: [...predicate].sort(), figures: numbers, subject: [...subject].sort(), arguments: args, time: [], negated: false, viaKeys: [] },
  };
}

/**
 * A headline that repeats its article's denial (« Le maire de Brest dément avoir reçu 50 000 euros » above « Le maire
 * de Brest, François Cuillandre, dément avoir reçu 50 000 euros de la société Armorlog ») is that denial: a word of
 * the headline is a cue of denial (lang/<xx>/claims.json `denialCues`) and every content word after it is a word of a
 * body claim its speaker denies. It then asserts the opposite of its words, in that speaker's name, as the body claim
 * does; read as the outlet's own voice, it was grouped as one more mention of the accusation it denies (newcomer
 * trial, Brest). Any other headline is returned unchanged.
 */
function headlineDenial(a: Analysis, rows: ClaimRow[], title: ClaimRow): ClaimRow {
  const tools = wordTools(a.meta.language);
  const all = [...words(title.text)];
  const cue = all.findIndex((w) => isDenialCue(w.word, a.meta.language));
  if (cue < 0) return title;
  const after = all
    .slice(cue + 1)
    .filter((w) => !/^\p{N}/u.test(w.word) && !tools.isStopword(w.word) && w.word.length >= 2)
    .map((w) => tools.stem(w.word));
  if (after.length === 0) return title;
  const denial = rows.find((r) => r.proposition?.denied === true && after.every((s) => r.predicate.includes(s)));
  if (!denial || !title.proposition) return title;
  // The cue says that someone spoke, not what (the body claim's text starts after it): no word of the proposition.
  const cueStem = tools.stem(all[cue]!.word);
  return {
    ...title,
    predicate: title.predicate.filter((s) => s !== cueStem),
    attribution: denial.attribution,
    speaker: denial.speaker,
    anonymous: denial.anonymous,
    via: denial.via,
    speakerKey: denial.speakerKey,
    proposition: {
      ...title.proposition,
      negated: true,
      denied: true,
      viaKeys: denial.proposition!.viaKeys,
      ...(denial.proposition!.speakerOffice ? { speakerOffice: denial.proposition!.speakerOffice } : {}),
    },
  };
}

/** A claim of the claims layer, or a sentence standing in for one. */
type CandidateClaim = Pick<ClaimRow, 'start' | 'end' | 'text' | 'attribution' | 'hedged' | 'candidate'> & {
  negated?: boolean;
  denied?: boolean;
  proposition?: Proposition;
};

/**
 * Sentences with a number or a topic entity, each tied to the attribution whose content covers most of it. A sentence
 * that frames a quotation (« « Nous fermerons l'usine en juin », a déclaré à l'AFP le directeur ») stands in by the
 * quoted words alone, with their speaker: the whole sentence, cue included, read as the outlet's own voice (newcomer
 * trial s12).
 */
function candidateClaims(a: Analysis, topics: SpanIndex<Span>): CandidateClaim[] {
  const contents = new SpanIndex(a.attributions.map((x, i) => ({ start: x.content.start, end: x.content.end, i })));
  const out = [];
  for (const s of a.sentences) {
    const text = a.text.slice(s.start, s.end);
    NUMBER.lastIndex = 0;
    if (topics.overlapping(s.start, s.end).length === 0 && !NUMBER.test(text)) continue;
    const content = widestOverlap(contents.overlapping(s.start, s.end), s);
    const attribution = content?.i ?? null;
    const hedged = attribution !== null && a.attributions[attribution]!.hedged;
    if (content && content.start >= s.start && content.end <= s.end && content.end - content.start < s.end - s.start) {
      out.push({ start: content.start, end: content.end, text: a.text.slice(content.start, content.end), attribution, hedged, candidate: true });
    } else out.push({ start: s.start, end: s.end, text, attribution, hedged, candidate: true });
  }
  return out;
}

/** The span sharing the most characters with `s`, if any shares some. */
function widestOverlap<T extends Span>(spans: T[], s: Span): T | undefined {
  let best: T | undefined;
  let most = 0;
  for (const x of spans) {
    const shared = Math.min(x.end, s.end) - Math.max(x.start, s.start);
    if (shared > most) [best, most] = [x, shared];
  }
  return best;
}

/**
 * What claims are about: the entity layer's keys, or, when that layer is
 * empty, runs of capitalised words that do not open a sentence (a rough
 * stand-in until entities are recognised).
 */
function topicSpans(a: Analysis): (Span & { key: string })[] {
  if (a.entities.length > 0) return a.entities.filter((e) => !NON_TOPIC_TYPES.has(e.type)).map((e) => ({ start: e.start, end: e.end, key: e.key }));
  const tools = wordTools(a.meta.language);
  const starts = new Set(a.sentences.map((s) => s.start));
  const out: (Span & { key: string })[] = [];
  let run: { start: number; end: number; parts: string[] } | null = null;
  const flush = () => {
    if (run) out.push({ start: run.start, end: run.end, key: fold(run.parts.join(' ')) });
    run = null;
  };
  for (const w of words(a.text)) {
    const original = a.text.slice(w.start, w.end);
    const capitalised = /^\p{Lu}/u.test(original) && !tools.isStopword(w.word);
    const opensSentence = starts.has(w.start);
    if (!capitalised || (opensSentence && !run && isCommonWordAtStart(a.text, w.end))) {
      flush();
      continue;
    }
    if (run && a.text.slice(run.end, w.start).trim() === '') {
      run.end = w.end;
      run.parts.push(w.word);
    } else {
      flush();
      run = { start: w.start, end: w.end, parts: [w.word] };
    }
  }
  flush();
  return out;
}

/** A sentence-initial capitalised word counts as a name only when a capitalised word follows it ("Jean Dupont a dit"). */
function isCommonWordAtStart(text: string, end: number): boolean {
  const next = /^\s*(\p{L})/u.exec(text.slice(end, end + 20));
  return !next || !/\p{Lu}/u.test(next[1]!);
}

export function numbersIn(text: string): string[] {
  const out: string[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) out.push(m[0].replace(/[\u0020\u00a0\u202f]/g, '').replace(',', '.'));
  return out;
}

/** Intermediaries between the outlet and the speaker, outermost first: parents' sources and every via, with their actor keys. */
function viaChain(attrs: Attribution[], attr: Attribution): { text: string; key: string | null }[] {
  const ancestors: Attribution[] = [];
  let p = attr.parent;
  while (p !== null && ancestors.length < MAX_CHAIN) {
    const parent = attrs[p];
    if (!parent || ancestors.includes(parent)) break;
    ancestors.unshift(parent);
    p = parent.parent;
  }
  const chain: { text: string; key: string | null }[] = [];
  const vias = (x: Attribution) => x.via.map((v) => ({ text: v.text, key: v.key ?? null }));
  for (const x of ancestors) {
    chain.push(...vias(x));
    if (x.source) chain.push({ text: x.source.resolved ?? x.source.text, key: x.source.key ?? null });
  }
  chain.push(...vias(attr));
  return chain;
}
