// One name, one type in a document (the "one sense per discourse" idea applied to names,
// as in Krishnan & Manning 2006 and Ratinov & Roth 2009): a tagger deciding each mention
// from a ±2-word window types the same name differently across a story ("Fiorentina"
// ORG in one sentence, LOC in the next) and misses some of its occurrences. After
// tagging, every mention of a name takes the type most of its mentions got, and
// untagged occurrences of a name tagged elsewhere in the document are added.
// Language-neutral (token forms only); a model asks for it in its header.
import type { Token } from '../../doc/schema.js';
import { hasNewline } from './features.js';
import type { ModelType } from './model.js';
import type { TokenSpan } from './spans.js';

const SEP = '\u0001';
const UPPER_START = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Key of tokens first..last (their forms joined). */
function keyOf(forms: readonly string[], first: number, last: number): string {
  let k = forms[first]!;
  for (let i = first + 1; i <= last; i++) k += SEP + forms[i]!;
  return k;
}

/** Per name (token forms), its votes per type and its length in tokens. */
interface Votes {
  counts: Map<ModelType, number>;
  length: number;
}

/** The type with strictly the most votes, or null on a tie. */
function majority(v: Votes): ModelType | null {
  let best: ModelType | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [t, c] of v.counts) {
    if (c > bestCount) {
      best = t;
      bestCount = c;
      tie = false;
    } else if (c === bestCount) tie = true;
  }
  return tie ? null : best;
}

/**
 * Spans (sorted, non-overlapping, as `spansFromTags` gives them) made consistent over the
 * document: retyped to their name's majority type, plus the untagged occurrences of names
 * tagged elsewhere (capitalised as a tagged mention is, or all in capitals as in a headline;
 * not overlapping a span, not crossing a line break). Names are compared lowercased (`lowered`),
 * so "ROTOR" in a headline is the "Rotor" of the story, but a word is only added when written as
 * a tagged mention starts or in capitals ("It" is not added for a tagged "IT").
 * Linear in tokens: one map read per token and name length.
 */
export function consistentSpans<S extends TokenSpan>(
  spans: S[],
  forms: readonly string[],
  lowered: readonly string[],
  tokens: readonly Token[],
  text: string,
): TokenSpan[] {
  if (spans.length === 0) return spans;
  const votes = new Map<string, Votes>();
  /** lengths of the tagged names starting with a (lowercased) word, longest first */
  const lengthsByFirst = new Map<string, number[]>();
  /** first words of tagged names, as written */
  const firstForms = new Set<string>();
  const vote = (k: string, first: number, length: number, type: ModelType) => {
    let v = votes.get(k);
    if (!v) {
      votes.set(k, (v = { counts: new Map(), length }));
      const lengths = lengthsByFirst.get(lowered[first]!) ?? [];
      if (!lengths.includes(length)) lengths.push(length);
      lengthsByFirst.set(
        lowered[first]!,
        lengths.sort((a, b) => b - a),
      );
    }
    v.counts.set(type, (v.counts.get(type) ?? 0) + 1);
  };
  for (const s of spans) {
    vote(keyOf(lowered, s.first, s.last), s.first, s.last - s.first + 1, s.type);
    firstForms.add(forms[s.first]!);
  }
  // A person named in full is later named by the surname alone ("Gianluigi Lentini" …
  // "Lentini"): a one-word name that ends a person's full name in the document is that person.
  for (const s of spans) {
    if (s.type !== 'PER' || s.last === s.first || !UPPER_START.test(forms[s.last]!)) continue;
    votes.delete(lowered[s.last]!);
    vote(lowered[s.last]!, s.last, 1, 'PER');
    firstForms.add(forms[s.last]!);
  }
  const out: TokenSpan[] = [];
  const covered = new Uint8Array(forms.length);
  for (const s of spans) {
    const type = majority(votes.get(keyOf(lowered, s.first, s.last))!) ?? s.type;
    out.push({ ...s, type });
    covered.fill(1, s.first, s.last + 1);
  }
  const added: TokenSpan[] = [];
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    if (covered[i] || !UPPER_START.test(form) || !(firstForms.has(form) || !LOWER.test(form))) continue;
    const lengths = lengthsByFirst.get(lowered[i]!);
    if (!lengths) continue;
    for (const n of lengths) {
      const last = i + n - 1;
      if (last >= forms.length || !free(covered, i, last) || crossesLine(tokens, text, i, last)) continue;
      const v = votes.get(keyOf(lowered, i, last));
      const type = v && majority(v);
      if (!type) continue;
      added.push({ start: tokens[i]!.start, end: tokens[last]!.end, type, first: i, last });
      covered.fill(1, i, last + 1);
      i = last;
      break;
    }
  }
  if (added.length === 0) return out;
  return [...out, ...added].sort((a, b) => a.first - b.first);
}

function free(covered: Uint8Array, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (covered[i]) return false;
  return true;
}

function crossesLine(tokens: readonly Token[], text: string, first: number, last: number): boolean {
  return hasNewline(text, tokens[first]!.end, tokens[last]!.start);
}
