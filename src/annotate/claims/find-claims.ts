// The claims of a document: the clause units of every attribution's content (attributed to it) and of the rest of
// each sentence (the outlet's own voice), each kept when checkable, with hedging, negation, question and its
// proposition (src/annotate/propositions.ts).
import type { Doc } from '../../doc/doc.js';
import type { Claim } from '../../doc/schema.js';
import { SpanIndex } from '../../text/span-index.js';
import { hedgeMarkers } from '../hedges.js';
import { proposition } from '../propositions.js';
import { syntaxOf } from '../syntax/index.js';
import { wordAtOrAfter } from '../syntax/words.js';
import { checkable } from './checkable.js';
import { type Clause, onlyOpeners, trim, verbless, wordsOf } from './clause.js';
import { clausesOf } from './clause-breaks.js';
import { clauseUnits } from './clause-units.js';
import { antecedents, namedActors, objectReferents, speakerOf, subjectOf } from './coreference.js';
import { resolveEventAnaphora } from './event-coreference.js';
import { eventWords } from './event-words.js';
import { narrativeInfinitive } from './infinitives.js';
import { claimsLexicon } from './lexicon.js';
import { deniedByCue } from './denial.js';
import { negated } from './negation.js';
import { openingVerb, opensWithInfinitive } from './opening-verb.js';

export function findClaims(doc: Doc): Claim[] {
  const sx = syntaxOf(doc);
  const lex = claimsLexicon(doc.meta.language);
  const claims: Claim[] = [];
  // Clauses already taken, by start * (text length + 1) + end.
  const seen = new Set<number>();
  const isEvent = eventWords(sx);
  const entities = new SpanIndex(doc.entities);
  const names = namedActors(doc, entities);
  const stride = doc.text.length + 1;
  // The subject a pronoun gives the clause, or the sentence's subject it shares (« Il sera naturalisé et intégrera … »).
  const pronounSubject = (c: Clause, first: number, last: number, attribution: number | null) => {
    if (c.speaker) return speakerOf(doc, names, attribution);
    // A reported content opening with an infinitive is said of its speaker (« Claude Guéant assure [n'avoir "jamais vu un
    // centime"] », « Christophe Castaner a reconnu [être "peu optimiste"] »): a verb of saying gives its infinitive its subject.
    if (attribution !== null && c.reported && opensWithInfinitive(sx, first, last)) return speakerOf(doc, names, attribution);
    // A narrative infinitive's subject is the previous sentence's (« Hamed al-Zameli a rapporté … Et d'accuser … »).
    if (narrativeInfinitive(sx, lex, first, last) >= 0) return antecedents(doc, sx, names, c.start, 'singular');
    const own = subjectOf(doc, sx, lex, names, first, last, attribution);
    if (own.length || !c.subject) return own;
    return subjectOf(doc, sx, lex, names, wordAtOrAfter(sx.words, c.subject.start), wordAtOrAfter(sx.words, c.subject.end) - 1, attribution);
  };
  const push = (c: Clause | null, attribution: number | null, hedged: () => boolean) => {
    if (!c || seen.has(c.start * stride + c.end) || !checkable(sx, lex, c, isEvent)) return;
    seen.add(c.start * stride + c.end);
    const text = doc.text.slice(c.start, c.end);
    const [first, last] = wordsOf(sx, c);
    const inside = entities.overlapping(c.start, c.end);
    const shared = c.subject ? entities.overlapping(c.subject.start, c.subject.end) : [];
    const p = proposition(doc, sx, first, last, inside, shared.length ? shared : () => pronounSubject(c, first, last, attribution), openingVerb(sx, lex, c));
    // The people it names by an object pronoun (« Nissan veut le démettre »): arguments too.
    const objects = objectReferents(doc, sx, lex, names, first, last, p.subject);
    if (objects.length) p.arguments = [...new Set([...p.arguments, ...objects])].sort();
    claims.push({
      start: c.start,
      end: c.end,
      text,
      attribution,
      hedged: hedged(),
      negated: negated(sx, lex, c),
      // « X dément avoir reçu 50 000 euros »: what the speaker denies, not what they assert (only set when true).
      ...(attribution !== null && deniedByCue(doc.attributions, attribution, doc.meta.language) ? { denied: true } : {}),
      question: /\?\s*$/.test(text),
      proposition: p,
    });
  };
  doc.attributions.forEach((a, i) => {
    const t = trim(doc.text, a.content);
    if (!t) return;
    const before = claims.length;
    // A content without a verb (« a dénoncé de "graves dysfonctionnements" », « a demandé une enquête auprès de
    // l'Igas »), or its verbless opening: the act of saying or asking is the proposition, by its speaker; the cue and
    // that content are one claim.
    const afterCue = !!a.cue && a.cue.end <= a.content.start && onlyOpeners(doc.text, a.cue.end, a.content.start);
    for (const u of clauseUnits(sx, lex, { ...t, reported: true, object: afterCue }, isEvent))
      push(u.cueObject ? { start: a.cue!.start, end: u.end, speaker: true } : u, i, () => a.hedged);
    if (claims.length === before && afterCue && verbless(sx, t)) push({ start: a.cue!.start, end: t.end, speaker: true }, i, () => a.hedged);
  });
  for (const p of ownVoicePieces(doc))
    for (const c of clausesOf(doc.text, lex, p)) {
      const t = trim(doc.text, c);
      if (!t) continue;
      for (const u of clauseUnits(sx, lex, t, isEvent))
        push(u, null, () => {
          const [first, last] = wordsOf(sx, u);
          return first <= last && hedgeMarkers(sx, first, last).length > 0;
        });
    }
  claims.sort((a, b) => a.start - b.start);
  resolveEventAnaphora(doc, sx, lex, claims, entities);
  return claims;
}

/**
 * The outlet's own voice: each asserted sentence (a heading or caption without a final stop is not) less the
 * reported parts of attributions (cue and content), in text order (« Mitsubishi … a décidé de suspendre Carlos Ghosn
 * et [s'est déclaré favorable à …] »). The source stays in it: it is the subject of what the outlet itself says.
 */
function* ownVoicePieces(doc: Doc): Generator<Clause> {
  const spans: { start: number; end: number }[] = [];
  for (const a of doc.attributions) {
    spans.push(a.content);
    if (a.cue) spans.push(a.cue);
    // The relay set off between the speaker and the cue (« Jean Dupont, cité par Le Monde, a affirmé »), or between
    // the cue and its content (« a affirmé, selon Le Monde, que »), is part of the attribution's frame, not a claim.
    for (const v of a.cue ? a.via : []) {
      if (a.source && v.start >= a.source.end && v.end <= a.cue!.start) spans.push({ start: a.source.end, end: v.end });
      else if (v.start >= a.cue!.end && v.end <= a.content.start) spans.push({ start: a.cue!.end, end: a.content.start });
    }
    // "reported on Monday, citing three unnamed officials, that …": the one cited between the cue and the content is
    // the frame too (attributions/cited.ts).
    if (a.cue && a.source && a.source.start >= a.cue.end && a.source.end <= a.content.start) spans.push({ start: a.cue.end, end: a.content.start });
    // « Un docker, qui a requis l'anonymat, affirme »: the speaker's description between it and the cue is the frame.
    const d = a.source?.description;
    if (a.cue && d && a.source!.end <= d.start && d.end <= a.cue.start) spans.push({ start: a.source!.end, end: a.cue.start });
    // « « … », a affirmé son porte-parole, Hélène Varin, lors d'un point presse »: after an incise cue, the speaker with
    // its description and intermediaries is the frame too.
    if (a.cue && a.source && a.content.end <= a.cue.start && a.source.start >= a.cue.end) {
      let end = Math.max(a.source.end, a.source.description?.end ?? 0);
      for (const v of a.via) if (v.start >= a.cue.end) end = Math.max(end, v.end);
      spans.push({ start: a.cue.end, end });
    }
  }
  spans.sort((x, y) => x.start - y.start);
  // A sweep: `active` holds the spans that start before the sentence ends and end after it starts, in start order;
  // each span enters and leaves it once.
  let next = 0;
  const active: { start: number; end: number }[] = [];
  for (const s of doc.sentences) {
    if (!/[.!?…»"]\s*$/.test(doc.text.slice(Math.max(s.start, s.end - 4), s.end))) continue;
    while (next < spans.length && spans[next]!.start < s.end) active.push(spans[next++]!);
    let kept = 0;
    for (const sp of active) if (sp.end > s.start) active[kept++] = sp;
    active.length = kept;
    let from = s.start;
    for (const sp of active) {
      if (sp.start >= s.end) break;
      if (sp.start > from) yield { start: from, end: sp.start };
      from = Math.max(from, sp.end);
    }
    if (from < s.end) yield { start: from, end: s.end };
  }
}
