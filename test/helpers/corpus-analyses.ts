// Builds analyses for corpus unit tests from short articles written for the
// tests. The entity, attribution and claim layers are filled BY HAND here (unit
// test fixtures), so the cross-document logic is tested independently of the
// annotators; offsets are found in the text, never typed in.
import type { Analysis, Attribution, Entity } from '../../src/doc/schema.js';
import { analyzeDoc } from '../../src/pipeline/analyze.js';
import { syntaxOf } from '../../src/annotate/syntax/index.js';
import { wordAtOrAfter } from '../../src/annotate/syntax/words.js';
import { proposition } from '../../src/annotate/propositions.js';

export interface EntitySpec {
  text: string;
  type: Entity['type'];
  key: string;
  subtype?: string;
}

export interface AttributionSpec {
  source: string | null;
  content: string;
  kind?: Attribution['kind'];
  cue?: string;
  resolved?: string;
  anonymous?: boolean;
  via?: string[];
  hedged?: boolean;
  parent?: number;
  /** The content is also a claim, attributed to this attribution (and hedged like it). */
  claim?: boolean;
}

export interface ArticleSpec {
  text: string;
  outlet: string;
  published: string;
  origin?: string[];
  path?: string;
  entities?: EntitySpec[];
  attributions?: AttributionSpec[];
  /** Claim texts (substrings of `text`), with the index of their attribution. */
  claims?: { text: string; attribution?: number; hedged?: boolean }[];
}

function span(text: string, part: string, from = 0) {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" is not in the text`);
  return { start, end: start + part.length, text: part };
}

/** Every occurrence of every entity surface form. */
function entities(text: string, specs: EntitySpec[]): Entity[] {
  const out: Entity[] = [];
  for (const e of specs)
    for (let i = text.indexOf(e.text); i >= 0; i = text.indexOf(e.text, i + e.text.length))
      out.push({ start: i, end: i + e.text.length, text: e.text, type: e.type, subtype: e.subtype ?? null, key: e.key });
  return out.sort((a, b) => a.start - b.start);
}

export function article(spec: ArticleSpec): Analysis {
  const doc = analyzeDoc(
    { text: spec.text, path: spec.path ?? null, known: { outlet: spec.outlet, published: spec.published, origin: spec.origin ?? [], language: 'fr' } },
    { raw: true },
  );
  const a = doc.toJSON();
  a.entities = entities(a.text, spec.entities ?? []);
  a.attributions = (spec.attributions ?? []).map((x) => ({
    cue: x.cue ? span(a.text, x.cue) : null,
    source: x.source ? { ...span(a.text, x.source), resolved: x.resolved ?? null, anonymous: x.anonymous ?? false } : null,
    content: span(a.text, x.content),
    kind: x.kind ?? 'indirect',
    via: (x.via ?? []).map((v) => span(a.text, v)),
    hedged: x.hedged ?? false,
    parent: x.parent ?? null,
  }));
  const claims = [
    ...(spec.attributions ?? []).flatMap((x, i) => (x.claim ? [{ text: x.content, attribution: i, hedged: x.hedged }] : [])),
    ...(spec.claims ?? []),
  ];
  // Each claim's proposition as the claims stage reads it, over the hand-made entities.
  const sx = syntaxOf(doc);
  a.claims = claims.map((c) => {
    const s = span(a.text, c.text);
    const inside = a.entities.filter((e) => e.start < s.end && e.end > s.start);
    const p = proposition(doc, sx, wordAtOrAfter(sx.words, s.start), wordAtOrAfter(sx.words, s.end) - 1, inside);
    return { ...s, attribution: c.attribution ?? null, hedged: c.hedged ?? false, proposition: p };
  });
  return a;
}
