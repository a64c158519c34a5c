// The highlighting model shared by the web app and the HTML reports (displaCy
// style): every layer span becomes a Mark; the text is cut at every mark
// boundary into Segments, each knowing which marks cover it. Renderers (DOM
// in the browser, strings in reports) only turn segments into elements.
// Spans come from an untrusted analysis: out-of-range or empty ones are dropped.
import type { Analysis } from '../doc/schema.js';
import type { MessageKey } from './html-i18n.js';

export type MarkRole = 'source' | 'cue' | 'content' | 'via' | 'entity' | 'claim';

export interface Mark {
  start: number;
  end: number;
  role: MarkRole;
  /** CSS classes, from a fixed vocabulary (never from the article). */
  classes: string[];
  /** The tag shown after the span: a message key, or an entity type. */
  label: MessageKey | null;
  entityType?: string;
  attribution?: number;
  entity?: number;
  claim?: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Indices into the marks array, outermost first. */
  marks: number[];
}

/** The analysis fields the highlighter reads (stored analyses may lack optional layers). */
export type Highlightable = Pick<Analysis, 'text' | 'attributions' | 'entities' | 'claims'>;

const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY']);
const KINDS = new Set(['direct', 'indirect', 'mixed', 'according']);

export function marksOf(a: Highlightable): Mark[] {
  const n = a.text.length;
  const marks: Mark[] = [];
  const add = (span: { start: number; end: number } | null | undefined, m: Omit<Mark, 'start' | 'end'>) => {
    if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return;
    if (span.start < 0 || span.end > n || span.start >= span.end) return;
    marks.push({ start: span.start, end: span.end, ...m });
  };
  (a.attributions ?? []).forEach((at, i) => {
    const hedged = at.hedged ? ['m-hedged'] : [];
    const kind = KINDS.has(at.kind) ? at.kind : 'indirect';
    add(at.content, { role: 'content', classes: ['m-content', `m-k-${kind}`, ...hedged], label: at.hedged ? 'hedged' : null, attribution: i });
    const anon = at.source?.anonymous === true;
    add(at.source, { role: 'source', classes: ['m-source', ...(anon ? ['m-anon'] : [])], label: anon ? 'anonymous' : 'speaker', attribution: i });
    add(at.cue, { role: 'cue', classes: ['m-cue', ...hedged], label: 'cue', attribution: i });
    for (const v of at.via ?? []) add(v, { role: 'via', classes: ['m-via'], label: 'via', attribution: i });
  });
  (a.claims ?? []).forEach((c, i) => add(c, { role: 'claim', classes: ['m-claim', ...(c.hedged ? ['m-hedged'] : [])], label: null, claim: i }));
  (a.entities ?? []).forEach((e, i) => {
    const type = ENTITY_TYPES.has(e.type) ? e.type : 'MISC';
    add(e, { role: 'entity', classes: ['m-ent', `m-ent-${type}`], label: null, entityType: type, entity: i });
  });
  return marks;
}

/** Cut [0, text length) at every mark boundary; each segment lists the marks covering it, longest first. */
export function segments(length: number, marks: Mark[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const order = marks.map((_, i) => i).sort((x, y) => marks[x]!.start - marks[y]!.start);
  const out: Segment[] = [];
  let active: number[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p]!;
    const end = points[p + 1]!;
    active = active.filter((i) => marks[i]!.end > start);
    while (next < order.length && marks[order[next]!]!.start <= start) {
      const i = order[next++]!;
      if (marks[i]!.end > start) active.push(i);
    }
    const covering = [...active].sort((x, y) => marks[y]!.end - marks[y]!.start - (marks[x]!.end - marks[x]!.start));
    out.push({ start, end, marks: covering });
  }
  return out;
}

/** Marks that end exactly at this segment's end: their labels follow it. */
export function labelsEndingAt(seg: Segment, marks: Mark[]): Mark[] {
  return seg.marks.map((i) => marks[i]!).filter((m) => m.end === seg.end && (m.label !== null || m.entityType));
}

/** The CSS classes of a segment: the union of its marks' classes. */
export function segmentClasses(seg: Segment, marks: Mark[]): string[] {
  const cls = new Set<string>();
  for (const i of seg.marks) for (const c of marks[i]!.classes) cls.add(c);
  return [...cls];
}

/** The legend: one entry per toggleable layer, with the class that shows it. */
export const LAYERS: { key: MessageKey; cls: string }[] = [
  { key: 'speaker', cls: 'm-source' },
  { key: 'anonymous', cls: 'm-anon' },
  { key: 'cue', cls: 'm-cue' },
  { key: 'content', cls: 'm-content' },
  { key: 'via', cls: 'm-via' },
  { key: 'hedged', cls: 'm-hedged' },
  { key: 'entity', cls: 'm-ent' },
  { key: 'claim', cls: 'm-claim' },
];
