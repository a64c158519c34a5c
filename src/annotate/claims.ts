// The claims layer: clauses that assert something checkable (an event that
// happened, a number, an accusation), each with the attribution it comes from
// (null = the outlet's own voice), hedging, negation and questions.
// Attributed claims are attribution contents; own-voice claims are the
// sentences (split at clause breaks) outside every attribution.
import type { Doc } from '../doc/doc.js';
import type { Claim } from '../doc/schema.js';
import { z } from 'zod';
import { cached, langPath, readValidJson } from '../lang/resources.js';
import type { Stage } from '../pipeline/stage.js';
import { hedgeMarkers } from './hedges.js';
import { proposition } from './propositions.js';
import { SpanIndex } from '../corpus/span-index.js';
import { syntaxOf, type Syntax } from './syntax/index.js';
import { isFiniteVerb } from './syntax/phrases.js';
import { layerSupported } from '../lang/registry.js';
import { CLOSE_QUOTES as CLOSERS, OPEN_QUOTES as OPENERS, wordAtOrAfter } from './syntax/words.js';
import { SPACE, classOf } from './char-class.js';

const words = z.array(z.string());
/** lang/<code>/claims.json */
export const ClaimsSchema = z.object({ numberWords: words, accusation: words, clauseBreaks: words, negation: words });

interface ClaimsLexicon {
  numberWords: Set<string>;
  accusation: string[];
  clauseBreaks: string[];
  negation: Set<string>;
}

function claimsLexicon(language: string): ClaimsLexicon {
  return cached(language, 'claims', (code) => {
    const j = readValidJson(langPath(code, 'claims.json'), ClaimsSchema);
    return { numberWords: new Set(j.numberWords), accusation: j.accusation, clauseBreaks: j.clauseBreaks, negation: new Set(j.negation) };
  });
}

/** Fewer words than this is a fragment, not a claim. */
const MIN_WORDS = 4;
/** Negation words count within this many words after "ne". */
const NEGATION_REACH = 4;

interface Clause {
  start: number;
  end: number;
  /** Its first and last word, once looked up (see `wordsOf`). */
  words?: [number, number];
}

/** White space (JavaScript's \s) or . , ; : — what `trim` removes. */
function isSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || (classOf(c) === SPACE && c !== 0x200b);
}

/** Trim separators from both ends, and a quotation's marks when it spans the whole clause. */
function trim(text: string, c: Clause): Clause | null {
  let { start, end } = c;
  for (let k = 0; k < 2; k++) {
    while (start < end && isSeparator(text.charCodeAt(start))) start++;
    while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
    if (end - start > 2 && OPENERS.has(text[start]!) && CLOSERS.has(text[end - 1]!)) {
      start++;
      end--;
    }
  }
  return end > start ? { start, end } : null;
}

function wordsOf(sx: Syntax, c: Clause): [number, number] {
  return (c.words ??= [wordAtOrAfter(sx.words, c.start), wordAtOrAfter(sx.words, c.end) - 1]);
}

/** A clause (with a verb) asserting an event (auxiliary + participle, or any verb about a named entity), a number or an accusation. */
function checkable(sx: Syntax, lex: ClaimsLexicon, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  let words = 0;
  let event = false;
  let number = false;
  let verb = false;
  let named = false;
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    if (sx.chunkOf[i]! >= 0 && i > first) named = true;
    if (w.kind === 'number') number = true;
    if (w.kind !== 'word') continue;
    words++;
    if (i > first && lex.numberWords.has(w.lower)) number = true;
    const aux = sx.isAux[i] === 1;
    // A verb makes it a clause, not a title or a fragment ("Le lac de retenue en 2019").
    if (!verb) verb = !!aux || isFiniteVerb(sx, i);
    if (aux && !event) {
      const n = sx.words[i + 1];
      event = !!n && n.kind === 'word' && !n.cap && sx.lex.g.eventParticiple.test(n.lower);
    }
  }
  if (words < MIN_WORDS || !verb) return false;
  if (event || number || named) return true;
  const lower = sx.text.slice(c.start, c.end).toLowerCase();
  for (const a of lex.accusation) if (lower.includes(a)) return true;
  return false;
}

function negated(sx: Syntax, lex: ClaimsLexicon, c: Clause): boolean {
  const [first, last] = wordsOf(sx, c);
  for (let i = first; i <= last; i++) {
    const l = sx.words[i]!.lower;
    if (i === first && sx.lex.g.negativeDeterminers.has(l)) return true;
    if (!sx.lex.g.negationParticles.has(l)) continue;
    for (let k = i + 1; k <= last && k <= i + NEGATION_REACH; k++) if (lex.negation.has(sx.words[k]!.lower)) return true;
  }
  return false;
}

/** Own-voice sentences split at clause breaks (", mais", ";"). */
function clausesOf(text: string, lex: ClaimsLexicon, s: Clause): Clause[] {
  const out: Clause[] = [];
  const body = text.slice(s.start, s.end);
  const cuts: number[] = [];
  for (const b of lex.clauseBreaks) for (let i = body.indexOf(b); i >= 0; i = body.indexOf(b, i + b.length)) cuts.push(i);
  cuts.sort((x, y) => x - y);
  let from = 0;
  for (const i of cuts) {
    if (i < from) continue;
    out.push({ start: s.start + from, end: s.start + i });
    from = i + 1;
  }
  out.push({ start: s.start + from, end: s.end });
  return out;
}

export function findClaims(doc: Doc): Claim[] {
  const sx = syntaxOf(doc);
  const lex = claimsLexicon(doc.meta.language);
  const claims: Claim[] = [];
  // Clauses already taken, by start * (text length + 1) + end.
  const seen = new Set<number>();
  const entities = new SpanIndex(doc.entities);
  const stride = doc.text.length + 1;
  const push = (c: Clause | null, attribution: number | null, hedged: () => boolean) => {
    if (!c || seen.has(c.start * stride + c.end) || !checkable(sx, lex, c)) return;
    seen.add(c.start * stride + c.end);
    const text = doc.text.slice(c.start, c.end);
    const [first, last] = wordsOf(sx, c);
    const inside = entities.overlapping(c.start, c.end);
    claims.push({
      start: c.start,
      end: c.end,
      text,
      attribution,
      hedged: hedged(),
      negated: negated(sx, lex, c),
      question: /\?\s*$/.test(text),
      proposition: proposition(doc, sx, first, last, inside),
    });
  };
  doc.attributions.forEach((a, i) => push(trim(doc.text, a.content), i, () => a.hedged));
  // Spans inside some attribution (cue, source or content), sorted, for a sweep over the sentences.
  const spans: { start: number; end: number }[] = [];
  for (const a of doc.attributions) {
    spans.push(a.content);
    if (a.cue) spans.push(a.cue);
    if (a.source) spans.push(a.source);
  }
  spans.sort((x, y) => x.start - y.start);
  let k = 0;
  let reach = -1;
  for (const s of doc.sentences) {
    // reach: the furthest end among spans starting before this sentence ends.
    while (k < spans.length && spans[k]!.start < s.end) reach = Math.max(reach, spans[k++]!.end);
    if (reach > s.start) continue;
    // A heading or caption (no final stop) is not asserted prose.
    if (!/[.!?…»"]\s*$/.test(doc.text.slice(Math.max(s.start, s.end - 4), s.end))) continue;
    for (const c of clausesOf(doc.text, lex, s)) {
      const t = trim(doc.text, c);
      if (!t) continue;
      push(t, null, () => {
        const [first, last] = wordsOf(sx, t);
        return first <= last && hedgeMarkers(sx, first, last).length > 0;
      });
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['syntax', 'attributions', 'sentences', 'entities', 'meta'],
  provides: ['claims'],
  run(doc: Doc) {
    doc.claims = layerSupported(doc, 'claims') ? findClaims(doc) : [];
  },
};
