// Claim groups: claims that assert the same thing, across documents (and
// within one, when an article repeats a fact from several sources). Two
// claims match when they are about mostly the same entities (by key, weighted
// by rarity so that sharing "France" says little and "Raqqa" much), state
// compatible numbers and, across articles, share content stems (the stemmer
// folds French morphology: « livrées » / « livrés »). Candidates come from
// blocking on entity-key pairs, never from all pairs; matches are closed
// transitively. Matching runs on a claim table (claim-table.ts: interned ids,
// no text); only the claims of groups are then read in full, to describe them.
import { createHash } from 'node:crypto';
import type { ClaimWithDocument, CorpusStore } from './store.js';
import { claimTable, facts, type ClaimTable, type Ragged } from './claim-table.js';
import { independence, type CopyFamilies, type Independence } from './independence.js';
import { keyCanon, type KeyCanon } from './source-keys.js';

/**
 * A claim is blocked on pairs of its rarest entity keys only: a match needs
 * most of the (rarity-weighted) entities in common, so matching claims share
 * their rare keys, and 6 keys make at most 15 pairs however long the sentence.
 */
const MAX_BLOCK_KEYS = 6;
/** Large blocks (very common entity pairs) are compared within a sliding window over time, not all pairs. */
const BLOCK_WINDOW = 64;

export interface GroupedClaim {
  documentId: string;
  index: number;
  text: string;
  speaker: string | null;
  /** The speaker as an actor, unified across the corpus (null: the outlet's own voice, or an unresolved pronoun). */
  speakerKey: string | null;
  via: string[];
  hedged: boolean;
  candidate: boolean;
}

export interface GroupDocument {
  id: string;
  inputPath: string | null;
  outlet: string | null;
  published: string | null;
}

export interface ClaimGroup {
  id: string;
  /** The earliest claim's text. */
  label: string;
  /** Entity keys shared by at least half of the claims. */
  entityKeys: string[];
  numbers: string[];
  documents: GroupDocument[];
  claims: GroupedClaim[];
  speakers: string[];
  first: string | null;
  last: string | null;
  independence: Independence;
}

export interface GroupOptions {
  /** Keep groups spanning at least this many documents (default 1: an article repeating a fact counts). */
  minDocuments?: number;
  /** Keep groups of at least this many claims (default 2). */
  minClaims?: number;
}

/** Weighted agreement of two id lists: Jaccard (shared / all) and containment (shared / the lighter side). */
class Agreement {
  common = 0;
  jaccard = 0;
  containment = 0;
  private readonly mark: Int32Array;
  private stamp = 0;

  /** `weight`: how much sharing each id says (rare entities, like Raqqa, or words, like « largué », much; France or « ministre » little). */
  constructor(private readonly weight: Float64Array) {
    this.mark = new Int32Array(weight.length);
  }

  /** Agreement of a[aFrom, aTo) with b[bFrom, bTo); sums run in list order. */
  measure(a: ArrayLike<number>, aFrom: number, aTo: number, b: ArrayLike<number>, bFrom: number, bTo: number): this {
    const w = this.weight;
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    for (let i = bFrom; i < bTo; i++) this.mark[b[i]!] = stamp;
    let common = 0;
    let both = 0;
    let wa = 0;
    let wb = 0;
    for (let i = aFrom; i < aTo; i++) {
      const k = a[i]!;
      wa += w[k]!;
      if (this.mark[k] === stamp) {
        common++;
        both += w[k]!;
      }
    }
    for (let i = bFrom; i < bTo; i++) wb += w[b[i]!]!;
    const all = wa + wb - both;
    this.common = common;
    this.jaccard = all > 0 ? both / all : 0;
    this.containment = both > 0 ? both / Math.min(wa, wb) : 0;
    return this;
  }

  /** Agreement of rows x and y of a ragged table. */
  rows(r: Ragged, x: number, y: number): this {
    return this.measure(r.values, r.offsets[x]!, r.offsets[x + 1]!, r.values, r.offsets[y]!, r.offsets[y + 1]!);
  }
}

const NO_AGREEMENT = { jaccard: 0, containment: 0 };

/** Whether two sorted id lists share an id. */
function intersects(v: Int32Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  while (a < aEnd && b < bEnd) {
    if (v[a] === v[b]) return true;
    if (v[a]! < v[b]!) a++;
    else b++;
  }
  return false;
}

/** Claim matching over a claim table: the rules, and scratch space reused across comparisons. */
class Matcher {
  private readonly entities: Agreement;
  private readonly stems: Agreement;

  constructor(private readonly t: ClaimTable) {
    this.entities = new Agreement(t.entities.weight);
    this.stems = new Agreement(t.stems.weight);
  }

  /** Whether claims x and y assert the same thing. */
  same(x: number, y: number): boolean {
    const t = this.t;
    const f = t.facts;
    const nx = f.offsets[x + 1]! - f.offsets[x]!;
    const ny = f.offsets[y + 1]! - f.offsets[y]!;
    if (nx > 0 && ny > 0 && !intersects(f.values, f.offsets[x]!, f.offsets[x + 1]!, f.offsets[y]!, f.offsets[y + 1]!)) return false;
    const { common, jaccard, containment } = this.entities.rows(t.entities, x, y);
    if (common >= 2) {
      // Within one article, statements about the same specific entities tell the
      // same fact (often from several sources, in different words): one claim's
      // entities (nearly) all among the other's.
      if (t.document[x] === t.document[y]) return containment >= 0.75;
      // Across articles, sharing entities is not enough (two stories about Google
      // and Apple): the wording must agree too, unless three specific entities coincide.
      if (common >= 3 && jaccard >= 0.75) return true;
      if (jaccard >= 2 / 3) return this.words(x, y).containment >= 0.25;
      // Half the entity weight in common: missiles delivered to the Iraqi army ≠ arms supplied to Daesh.
      return jaccard >= 0.5 && this.words(x, y).containment >= 0.5;
    }
    // One entity each: the same one, the same figure and mostly the same words.
    const e = t.entities.offsets;
    if (common === 1 && e[x + 1]! - e[x]! === 1 && e[y + 1]! - e[y]! === 1 && nx > 0 && ny > 0) return this.words(x, y).jaccard >= 0.3;
    return false;
  }

  /** Agreement of the two claims' content stems; predicates compare within a language only (stems of different languages never meet). */
  private words(x: number, y: number): { jaccard: number; containment: number } {
    const t = this.t;
    return t.language[t.document[x]!] === t.language[t.document[y]!] ? this.stems.rows(t.stems, x, y) : NO_AGREEMENT;
  }

  /** Whether two sets of entity ids agree on 60% of the lighter one's weight (see GroupCores). */
  coresAgree(a: number[], b: number[]): boolean {
    return this.entities.measure(a, 0, a.length, b, 0, b.length).containment >= 0.6;
  }
}

/**
 * The blocks claim c falls in: pairs of its rarest entity keys, or, with a
 * single entity, that entity with each figure it states. Keys are numbers:
 * a pair (i < j) of entity ids is i·E + j, an entity with a figure E² + i·F + f.
 */
function blockKeys(t: ClaimTable, c: number, rank: (a: number, b: number) => number): number[] {
  const e = t.entities;
  let keys = Array.from(e.values.subarray(e.offsets[c], e.offsets[c + 1]));
  if (keys.length > MAX_BLOCK_KEYS) keys = keys.sort(rank).slice(0, MAX_BLOCK_KEYS).sort((a, b) => a - b);
  const E = e.names.length;
  if (keys.length >= 2) {
    const out: number[] = [];
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push(keys[i]! * E + keys[j]!);
    return out;
  }
  if (keys.length === 1) {
    const f = t.facts;
    const out: number[] = [];
    for (let i = f.offsets[c]!; i < f.offsets[c + 1]!; i++) out.push(E * E + keys[0]! * f.names.length + f.values[i]!);
    return out;
  }
  return [];
}

/** Each document's place in time (undated last), as a comparable integer. */
function dateRanks(t: ClaimTable): Int32Array {
  const dates = [...new Set(t.published.map((d) => d ?? '9999'))].sort((a, b) => a.localeCompare(b));
  const rankOf = new Map(dates.map((d, i) => [d, i]));
  return Int32Array.from(t.published, (d) => rankOf.get(d ?? '9999')!);
}

/** Disjoint sets of claim numbers (union by size, path halving), remembering which claims were compared at all. */
class ClaimSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  readonly seen: Uint8Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
    this.seen = new Uint8Array(n);
  }

  find(x: number): number {
    this.seen[x] = 1;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  union(a: number, b: number): number {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return ra;
  }
}

/** A group before it is described: its id and its claims (numbers in the table). */
export interface GroupMembers {
  id: string;
  claims: number[];
  documents: number;
}

/**
 * Match the claims of a table: blocks on entity-key pairs, pairwise matches
 * within a block (a window over time in large ones), closed transitively.
 * Groups come largest first (documents, then claims, then id).
 */
export function matchClaims(t: ClaimTable, options: GroupOptions = {}): GroupMembers[] {
  const names = t.entities.names;
  const weight = t.entities.weight;
  const rank = (a: number, b: number) => weight[b]! - weight[a]! || names[a]!.localeCompare(names[b]!);
  const blocks = new Map<number, number[]>();
  for (let c = 0; c < t.count; c++)
    for (const k of blockKeys(t, c, rank)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(c);
    }
  const sets = new ClaimSets(t.count);
  const matcher = new Matcher(t);
  const cores = new GroupCores(t, matcher);
  const when = dateRanks(t);
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > BLOCK_WINDOW) members.sort((x, y) => when[t.document[x]!]! - when[t.document[y]!]!);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length && j <= i + BLOCK_WINDOW; j++) {
        const ra = sets.find(members[i]!);
        const rb = sets.find(members[j]!);
        if (ra === rb || !matcher.same(members[i]!, members[j]!) || !cores.compatible(ra, rb)) continue;
        cores.merge(ra, rb, sets.union(ra, rb));
      }
  }
  blocks.clear();
  const byRoot = new Map<number, number[]>();
  for (let c = 0; c < t.count; c++) {
    if (!sets.seen[c]) continue;
    const r = sets.find(c);
    let g = byRoot.get(r);
    if (!g) byRoot.set(r, (g = []));
    g.push(c);
  }
  const minDocuments = options.minDocuments ?? 1;
  const minClaims = options.minClaims ?? 2;
  const groups: GroupMembers[] = [];
  for (const claims of byRoot.values()) {
    if (claims.length < minClaims) continue;
    const documents = new Set(claims.map((c) => t.document[c]!)).size;
    if (documents < minDocuments) continue;
    // The id names the claims (document id and index), so it is stable across runs and backends.
    const id = createHash('sha256')
      .update(claims.map((c) => `${t.documentIds[t.document[c]!]}:${t.index[c]}`).sort().join(','))
      .digest('hex')
      .slice(0, 16);
    groups.push({ id, claims, documents });
  }
  return groups.sort((a, b) => b.documents - a.documents || b.claims.length - a.claims.length || a.id.localeCompare(b.id));
}

/**
 * The entities a growing group is about (keys in at least half its claims).
 * Two groups merge only when most of one's core (60% of its rarity weight) is
 * within the other's, so a chain of pairwise matches cannot drift from one
 * story to the next; small groups' cores carry incidental keys (a demonym), so
 * full containment would split one story in two.
 */
class GroupCores {
  private readonly counts = new Map<number, { size: number; keys: Map<number, number> }>();

  constructor(
    private readonly t: ClaimTable,
    private readonly matcher: Matcher,
  ) {}

  private of(root: number) {
    let c = this.counts.get(root);
    if (!c) {
      const e = this.t.entities;
      const keys = new Map<number, number>();
      for (let i = e.offsets[root]!; i < e.offsets[root + 1]!; i++) keys.set(e.values[i]!, 1);
      this.counts.set(root, (c = { size: 1, keys }));
    }
    return c;
  }

  private core(root: number): number[] {
    const c = this.of(root);
    const out: number[] = [];
    for (const [k, n] of c.keys) if (n * 2 >= c.size) out.push(k);
    return out;
  }

  compatible(a: number, b: number): boolean {
    return this.matcher.coresAgree(this.core(a), this.core(b));
  }

  merge(a: number, b: number, root: number): void {
    const x = this.of(a);
    const y = this.of(b);
    const [big, small] = x.keys.size >= y.keys.size ? [x, y] : [y, x];
    for (const [k, n] of small.keys) big.keys.set(k, (big.keys.get(k) ?? 0) + n);
    big.size = x.size + y.size;
    this.counts.delete(a);
    this.counts.delete(b);
    this.counts.set(root, big);
  }
}

const byDate = (a: ClaimWithDocument, b: ClaimWithDocument) => (a.published ?? '9999').localeCompare(b.published ?? '9999');

/** Group claims held in memory; `families` says which documents are copies of each other (near-duplicates). */
export async function groupClaims(claims: AsyncIterable<ClaimWithDocument> | Iterable<ClaimWithDocument>, families: CopyFamilies, options: GroupOptions = {}): Promise<ClaimGroup[]> {
  const all: ClaimWithDocument[] = [];
  for await (const c of claims) all.push(c);
  const t = await claimTable(all);
  const canon = keyCanon(t.sourceKeys);
  return matchClaims(t, options).map((g) => describe(g.id, g.claims.map((c) => all[c]!), families, canon));
}

/** Claims fetched per round trip while describing groups. */
const DESCRIBE_BATCH = 1000;

/**
 * Claim groups of a store, largest first, streamed: matching reads only the
 * claims' features (no text); each group's claims are then fetched and
 * described as the groups are written out.
 */
export async function* storeClaimGroups(store: Pick<CorpusStore, 'claimFeatures' | 'claimsAt'>, families: CopyFamilies, options: GroupOptions = {}): AsyncGenerator<ClaimGroup> {
  const t = await claimTable(store.claimFeatures());
  const groups = matchClaims(t, options);
  const canon = keyCanon(t.sourceKeys);
  const keyOf = (documentId: string, index: number) => `${documentId}#${index}`;
  for (let start = 0; start < groups.length; ) {
    const batch: GroupMembers[] = [];
    let size = 0;
    while (start < groups.length && (batch.length === 0 || size + groups[start]!.claims.length <= DESCRIBE_BATCH)) {
      size += groups[start]!.claims.length;
      batch.push(groups[start++]!);
    }
    const rows = new Map<string, ClaimWithDocument>();
    const keys = batch.flatMap((g) => g.claims.map((c) => ({ documentId: t.documentIds[t.document[c]!]!, index: t.index[c]! })));
    for await (const r of store.claimsAt(keys)) rows.set(keyOf(r.documentId, r.index), r);
    for (const g of batch) yield describe(g.id, g.claims.map((c) => rows.get(keyOf(t.documentIds[t.document[c]!]!, t.index[c]!))!), families, canon);
  }
}

/** A group's claims in full: `id` as `matchClaims` gave it. */
function describe(id: string, claims: ClaimWithDocument[], families: CopyFamilies, canon: KeyCanon): ClaimGroup {
  const cs = claims.sort((a, b) => byDate(a, b) || a.documentId.localeCompare(b.documentId) || a.index - b.index);
  const docs = new Map<string, GroupDocument>();
  for (const c of cs) if (!docs.has(c.documentId)) docs.set(c.documentId, { id: c.documentId, inputPath: c.inputPath, outlet: c.outlet, published: c.published });
  const count = new Map<string, number>();
  for (const c of cs) for (const k of c.entityKeys) count.set(k, (count.get(k) ?? 0) + 1);
  const dates = cs.map((c) => c.published).filter((d): d is string => d !== null).sort();
  return {
    id,
    label: cs[0]!.text,
    entityKeys: [...count].filter(([, n]) => n * 2 >= cs.length).map(([k]) => k).sort(),
    numbers: [...new Set(cs.flatMap((c) => facts(c.numbers)))].sort(),
    documents: [...docs.values()],
    claims: cs.map((c) => ({ documentId: c.documentId, index: c.index, text: c.text, speaker: c.speaker, speakerKey: c.speakerKey ? canon(c.speakerKey) : null, via: c.via, hedged: c.hedged, candidate: c.candidate })),
    speakers: [...new Set(cs.map((c) => c.speaker).filter((s): s is string => s !== null))],
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    independence: independence(cs, families, canon),
  };
}
