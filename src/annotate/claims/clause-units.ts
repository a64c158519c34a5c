// A clause cut into the propositions it holds: « X, soupçonné de Y, a été arrêté » (an apposition), « X, qui avait
// été arrêté lundi, … » (a relative clause), « a tué trois personnes et en a blessé 16 autres » (coordination),
// « tué par Radouane Lakdim alors qu'il avait pris … » (a subordinate clause), « Après plus de 24 heures de garde à
// vue, … » (a fronted adjunct), « Jean Mazières, 61 ans » (an apposed figure); each construction lives in its file.
import type { Syntax } from '../syntax/index.js';
import { apposedFigures } from './apposed-figures.js';
import { checkable } from './checkable.js';
import { type Clause, verbAt, wordsOf } from './clause.js';
import { opensClause } from './coordination.js';
import { frontedAdjunct } from './fronted-adjuncts.js';
import { infinitiveAt } from './infinitives.js';
import type { ClaimsLexicon } from './lexicon.js';
import { participial } from './participles.js';
import { nameBefore } from './relative-clauses.js';
import { subordinateVerb } from './subordinates.js';

/**
 * Where a clause's words are cut into clause units: commas, semicolons, brackets, dashes, and a colon inside the
 * sentence (« Ces arrestations ont eu lieu après de nouveaux incidents : deux voitures ont été incendiées ce jeudi »:
 * the event after the colon is a proposition of its own; a verbless piece after it stays with the clause before).
 */
const CUT_PUNCT = new Set([',', ';', ':', '(', ')', '–', '—']);

/**
 * A clause cut into the propositions it holds, each a contiguous span: at commas and brackets (« X, soupçonné de Y, a
 * été arrêté », « X, qui avait été arrêté lundi, … »), and at a coordinator followed by a verb (« a tué trois personnes
 * et en a blessé 16 autres »). A verbless piece (a place, a list, « dont deux enfants ») stays with the clause before
 * it; the verbless opening of a sentence (its subject: « Carlos Ghosn, ») is given to the units that follow as the
 * subject they share. A unit too short to be a claim goes back to its neighbour.
 */
export function clauseUnits(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): Clause[] {
  const [first, last] = wordsOf(sx, c);
  const units = cutUnits(sx, lex, c, isEvent);
  return first > last ? units : units.concat(apposedFigures(sx, lex, first, last));
}

/** The clause's words as [from, to] ranges between cuts: punctuation, a subordinate clause, a coordinated clause. */
function segmentsOf(sx: Syntax, lex: ClaimsLexicon, first: number, last: number): [number, number][] {
  const segments: [number, number][] = [];
  let from = first;
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    if (w.kind === 'punct' && CUT_PUNCT.has(w.text)) {
      if (i > from) segments.push([from, i - 1]);
      from = i + 1;
      continue;
    }
    // A subordinator with its clause (« tué par Radouane Lakdim [alors qu'il avait pris la place …] »).
    if (i > from && w.kind === 'word' && lex.subordinators.has(w.lower)) {
      const k = subordinateVerb(sx, lex, i, last);
      if (k >= 0) {
        segments.push([from, i - 1]);
        from = i;
        i = k - 1;
        continue;
      }
    }
    if (i > from && w.kind === 'word' && sx.lex.g.coordinators.has(w.lower) && opensClause(sx, lex, i, last)) {
      segments.push([from, i - 1]);
      from = i;
    }
  }
  if (from <= last) segments.push([from, last]);
  return segments;
}

function cutUnits(sx: Syntax, lex: ClaimsLexicon, c: Clause, isEvent: (i: number) => boolean): Clause[] {
  const [first, last] = wordsOf(sx, c);
  if (first > last) return [c];
  // A clause that is no claim as a whole may still hold one (« l'ampleur de …, conduisant à élargir l'enquête »): its
  // units are then kept only when each is checkable on its own.
  const whole = checkable(sx, lex, c, isEvent);
  const segments = segmentsOf(sx, lex, first, last);
  if (segments.length < 2) return [c];
  const hasVerb = (s: [number, number]) => {
    for (let i = s[0]; i <= s[1]; i++) if (verbAt(sx, i)) return true;
    return false;
  };
  const opensWithParticiple = (s: [number, number]) => {
    let i = s[0];
    if (sx.lex.relatives.has(sx.words[i]!.lower) || sx.lex.g.appositionRelatives.has(sx.words[i]!.lower)) i++;
    return participial(sx, i, s[1]) || infinitiveAt(sx, lex, i, s[1]);
  };
  type Unit = { from: number; to: number; participial: boolean };
  const units: Unit[] = [];
  let opening: [number, number] | null = null;
  for (const s of segments) {
    const verb = hasVerb(s);
    const part = !verb && opensWithParticiple(s);
    if (verb || part) units.push({ from: s[0], to: s[1], participial: part });
    else if (units.length > 0) units[units.length - 1]!.to = s[1];
    else opening = opening ? [opening[0], s[1]] : s;
  }
  // A fronted adjunct (see fronted-adjuncts.ts) is no subject; the rest of the opening is.
  const { adjunct, subject: rest } = frontedAdjunct(sx, lex, segments, opening, first, isEvent);
  let subject = rest;
  if (units.length === 0) return [c, ...adjunct];
  // Reported content right after its cue (« a dénoncé [de "graves dysfonctionnements"] et des enquêtes … ont été
  // ouvertes »): its verbless opening is the cue's object, not a subject; it is returned as an `object` unit first.
  const object = c.object && subject && subject[0] === first && sx.lex.determiners.has(sx.words[first]!.lower) ? subject : null;
  if (object) subject = null;
  const span = (u: Unit): Clause => ({
    start: sx.words[u.from]!.start,
    end: sx.words[u.to]!.end,
    participial: u.participial,
    cut: whole,
    reported: c.reported,
  });
  // Short units go back to their neighbour (the one before, or the next for the first).
  for (let k = 0; k < units.length && units.length > 1; ) {
    const u = units[k]!;
    if (checkable(sx, lex, span(u), isEvent)) {
      k++;
      continue;
    }
    if (k > 0) units[k - 1]!.to = u.to;
    else {
      units[1]!.from = u.from;
      units[1]!.participial = u.participial;
    }
    units.splice(k, 1);
    if (k > 0) k--;
  }
  // One unit: the clause as it was, its verbless opening included (when the clause is no claim as a whole: the unit).
  if (units.length === 1 && whole && !object) return [c, ...adjunct];
  const lead = subject ? { start: sx.words[subject[0]]!.start, end: sx.words[subject[1]]!.end } : undefined;
  const objectUnit: Clause[] = object ? [{ start: sx.words[object[0]]!.start, end: sx.words[object[1]]!.end, cueObject: true }] : [];
  return objectUnit.concat(
    adjunct,
    units.map((u, k) => {
      const out = span(u);
      // A relative clause (« …, qui avait été arrêté lundi ») is about its antecedent, the name right before it, if any;
      // not the sentence's subject (« Nissan signe la fin du règne du puissant patron d'industrie, qui … »).
      if (k > 0 && sx.lex.relatives.has(sx.words[u.from]!.lower)) {
        const antecedent = nameBefore(sx, u.from);
        if (antecedent) out.subject = antecedent;
      }
      // Units after the first, and a first one without its opening, share the sentence's subject.
      else if (lead && (k > 0 || u.from > first)) out.subject = lead;
      else if (k > 0 && units[0]!.from === first) {
        // The first unit opens the sentence: its words before its verb are the subject.
        let v = first;
        while (v <= units[0]!.to && !verbAt(sx, v)) v++;
        if (v > first) out.subject = { start: sx.words[first]!.start, end: sx.words[v - 1]!.end };
      }
      return out;
    }),
  );
}
