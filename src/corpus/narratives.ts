// Narratives: claim groups that tell the same story over time — about the
// same entities (two shared core keys) and close in time (within GAP_DAYS of
// each other) — with a timeline: first seen, peaks, outlets.
import { createHash } from 'node:crypto';
import type { ClaimGroup } from './claim-groups.js';
import { UnionFind } from './union-find.js';

const GAP_DAYS = 30;
const DAY = 86_400_000;
/** Groups per entity-pair block compared pairwise; beyond, a window over time (see claim-groups.ts). */
const BLOCK_WINDOW = 64;

export interface Narrative {
  id: string;
  /** The most frequent entity keys across its claim groups. */
  entityKeys: string[];
  claimGroups: { id: string; label: string; first: string | null; last: string | null; documents: number }[];
  documents: number;
  first: string | null;
  last: string | null;
  /** Days with the most documents (local maxima of two documents or more, at least half the highest day). */
  peaks: { date: string; documents: number }[];
  outlets: { outlet: string; documents: number; first: string | null }[];
  timeline: { date: string; documents: number }[];
}

const days = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

function closeInTime(a: ClaimGroup, b: ClaimGroup): boolean {
  if (!a.first || !a.last || !b.first || !b.last) return true;
  if (a.first <= b.last && b.first <= a.last) return true;
  return Math.min(days(a.last, b.first), days(b.last, a.first)) <= GAP_DAYS;
}

function sharedKeys(a: string[], b: string[]): number {
  const s = new Set(a);
  return b.filter((k) => s.has(k)).length;
}

export function narratives(groups: ClaimGroup[], options: { minGroups?: number } = {}): Narrative[] {
  const blocks = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const keys = g.entityKeys.slice(0, 8);
    for (let x = 0; x < keys.length; x++)
      for (let y = x + 1; y < keys.length; y++) {
        const k = `${keys[x]}\u0000${keys[y]}`;
        let b = blocks.get(k);
        if (!b) blocks.set(k, (b = []));
        b.push(i);
      }
  });
  const uf = new UnionFind<number>();
  for (const members of blocks.values()) {
    if (members.length > BLOCK_WINDOW) members.sort((x, y) => (groups[x]!.first ?? '').localeCompare(groups[y]!.first ?? ''));
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length && j <= i + BLOCK_WINDOW; j++) {
        const a = groups[members[i]!]!;
        const b = groups[members[j]!]!;
        if (sharedKeys(a.entityKeys, b.entityKeys) >= 2 && closeInTime(a, b)) uf.union(members[i]!, members[j]!);
      }
  }
  const minGroups = options.minGroups ?? 2;
  const out: Narrative[] = [];
  for (const members of uf.groups()) {
    if (members.length < minGroups) continue;
    out.push(describe(members.map((i) => groups[i]!)));
  }
  return out.sort((a, b) => b.documents - a.documents || (a.first ?? '').localeCompare(b.first ?? ''));
}

function describe(gs: ClaimGroup[]): Narrative {
  gs.sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999'));
  const docs = new Map<string, { outlet: string | null; published: string | null }>();
  for (const g of gs) for (const d of g.documents) docs.set(d.id, d);
  const perDay = new Map<string, number>();
  const outlets = new Map<string, { documents: number; first: string | null }>();
  for (const d of docs.values()) {
    if (d.published) perDay.set(d.published, (perDay.get(d.published) ?? 0) + 1);
    const name = d.outlet ?? '(unknown outlet)';
    const o = outlets.get(name) ?? { documents: 0, first: null };
    o.documents++;
    if (d.published && (!o.first || d.published < o.first)) o.first = d.published;
    outlets.set(name, o);
  }
  const timeline = [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, documents]) => ({ date, documents }));
  const keyCount = new Map<string, number>();
  for (const g of gs) for (const k of g.entityKeys) keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
  return {
    id: createHash('sha256')
      .update(
        gs
          .map((g) => g.id)
          .sort()
          .join(','),
      )
      .digest('hex')
      .slice(0, 16),
    entityKeys: [...keyCount]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 6)
      .map(([k]) => k),
    claimGroups: gs.map((g) => ({ id: g.id, label: g.label, first: g.first, last: g.last, documents: g.documents.length })),
    documents: docs.size,
    first: timeline[0]?.date ?? null,
    last: timeline[timeline.length - 1]?.date ?? null,
    peaks: peaks(timeline),
    outlets: [...outlets].map(([outlet, o]) => ({ outlet, ...o })).sort((a, b) => b.documents - a.documents || (a.first ?? '').localeCompare(b.first ?? '')),
    timeline,
  };
}

/** Local maxima of the daily counts (days without documents count as zero) of 2 or more, reaching half the highest day. */
export function peaks(timeline: { date: string; documents: number }[]): { date: string; documents: number }[] {
  const max = Math.max(0, ...timeline.map((t) => t.documents));
  const countOn = new Map(timeline.map((t) => [t.date, t.documents]));
  const around = (date: string, delta: number) => countOn.get(new Date(Date.parse(date) + delta * DAY).toISOString().slice(0, 10)) ?? 0;
  return timeline
    .filter((t) => t.documents >= 2 && t.documents * 2 >= max && t.documents >= around(t.date, -1) && t.documents > around(t.date, 1))
    .sort((a, b) => b.documents - a.documents || a.date.localeCompare(b.date));
}
