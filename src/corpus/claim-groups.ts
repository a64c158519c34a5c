// Claim groups: claims that assert the same thing, across documents (and
// within one, when an article repeats a fact from several sources). Two
// claims match when they are about mostly the same entities (by key, weighted
// by rarity so that sharing "France" says little and "Raqqa" much), state
// compatible numbers and, across articles, share content stems (the stemmer
// folds French morphology: « livrées » / « livrés »). Candidates come from blocking on entity-key pairs, never
// from all pairs; matches are closed transitively.
import { createHash } from 'node:crypto';
import type { ClaimWithDocument } from './store.js';
import { UnionFind } from './union-find.js';
import { independence, type CopyFamilies, type Independence } from './independence.js';

/**
 * A claim is blocked on pairs of its rarest entity keys only: a match needs
 * most of the (rarity-weighted) entities in common, so matching claims share
 * their rare keys, and 6 keys make at most 15 pairs however long the sentence.
 */
const MAX_BLOCK_KEYS = 6;
/** Large blocks (very common entity pairs) are compared within a sliding window over time, not all pairs. */
const BLOCK_WINDOW = 64;
/** Years ("en 2016") situate a claim; they do not make two claims different facts. */
const YEAR = /^(1[89]|20)\d\d$/;

export interface GroupedClaim {
  documentId: string;
  index: number;
  text: string;
  speaker: string | null;
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

function shared(a: string[], b: string[]): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

const facts = (numbers: string[]) => numbers.filter((n) => !YEAR.test(n));

/** How much sharing a key says: rare entities (Raqqa) or words (« largué ») much, ubiquitous ones (France, « ministre ») little. */
export type Weight = (key: string) => number;

export interface Weights {
  entity: Weight;
  stem: Weight;
}

/** Inverse claim frequency: log(1 + claims / claims holding the key). */
export function rarity(claims: readonly ClaimWithDocument[], field: 'entityKeys' | 'predicate'): Weight {
  const df = new Map<string, number>();
  for (const c of claims) for (const k of c[field]) df.set(k, (df.get(k) ?? 0) + 1);
  return (k) => Math.log(1 + claims.length / (df.get(k) ?? 1));
}

const UNIFORM: Weights = { entity: () => 1, stem: () => 1 };

/** Weighted agreement of two key sets: Jaccard (shared / all) and containment (shared / the lighter side). */
function agreement(a: readonly string[], b: readonly string[], weight: Weight): { common: number; jaccard: number; containment: number } {
  const inB = new Set(b);
  let common = 0;
  let both = 0;
  let wa = 0;
  let wb = 0;
  for (const k of a) {
    const w = weight(k);
    wa += w;
    if (inB.has(k)) {
      common++;
      both += w;
    }
  }
  for (const k of b) wb += weight(k);
  const all = wa + wb - both;
  return { common, jaccard: all > 0 ? both / all : 0, containment: both > 0 ? both / Math.min(wa, wb) : 0 };
}

/** Whether two claims assert the same thing. */
export function sameClaim(a: ClaimWithDocument, b: ClaimWithDocument, weights: Weights = UNIFORM): boolean {
  const na = facts(a.numbers);
  const nb = facts(b.numbers);
  if (na.length > 0 && nb.length > 0 && shared(na, nb) === 0) return false;
  const { common, jaccard, containment } = agreement(a.entityKeys, b.entityKeys, weights.entity);
  // Predicates compare within a language only (stems of different languages never meet).
  const words = a.language === b.language ? agreement(a.predicate, b.predicate, weights.stem) : { common: 0, jaccard: 0, containment: 0 };
  if (common >= 2) {
    // Within one article, statements about the same specific entities tell the
    // same fact (often from several sources, in different words): one claim's
    // entities (nearly) all among the other's.
    if (a.documentId === b.documentId) return containment >= 0.75;
    // Across articles, sharing entities is not enough (two stories about Google
    // and Apple): the wording must agree too, unless three specific entities coincide.
    if (common >= 3 && jaccard >= 0.75) return true;
    if (jaccard >= 2 / 3) return words.containment >= 0.25;
    // Half the entity weight in common: missiles delivered to the Iraqi army ≠ arms supplied to Daesh.
    return jaccard >= 0.5 && words.containment >= 0.5;
  }
  // One entity each: the same one, the same figure and mostly the same words.
  if (common === 1 && a.entityKeys.length === 1 && b.entityKeys.length === 1 && na.length > 0 && nb.length > 0) return words.jaccard >= 0.3;
  return false;
}

function blockKeys(c: ClaimWithDocument, weight: Weight): string[] {
  const keys = [...c.entityKeys].sort((x, y) => weight(y) - weight(x) || x.localeCompare(y)).slice(0, MAX_BLOCK_KEYS).sort();
  if (keys.length >= 2) {
    const out: string[] = [];
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) out.push(`${keys[i]}\u0000${keys[j]}`);
    return out;
  }
  if (keys.length === 1) return facts(c.numbers).map((n) => `${keys[0]}\u0001${n}`);
  return [];
}

const byDate = (a: ClaimWithDocument, b: ClaimWithDocument) => (a.published ?? '9999').localeCompare(b.published ?? '9999');

/** Group claims; `families` says which documents are copies of each other (near-duplicates). */
export async function groupClaims(claims: AsyncIterable<ClaimWithDocument> | Iterable<ClaimWithDocument>, families: CopyFamilies, options: GroupOptions = {}): Promise<ClaimGroup[]> {
  const all: ClaimWithDocument[] = [];
  for await (const c of claims) all.push(c);
  const weights: Weights = { entity: rarity(all, 'entityKeys'), stem: rarity(all, 'predicate') };
  const blocks = new Map<string, number[]>();
  all.forEach((c, at) => {
    for (const k of blockKeys(c, weights.entity)) {
      let b = blocks.get(k);
      if (!b) blocks.set(k, (b = []));
      b.push(at);
    }
  });
  const uf = new UnionFind<number>();
  const cores = new GroupCores(all, weights.entity);
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > BLOCK_WINDOW) members.sort((x, y) => byDate(all[x]!, all[y]!));
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length && j <= i + BLOCK_WINDOW; j++) {
        const ra = uf.find(members[i]!);
        const rb = uf.find(members[j]!);
        if (ra === rb || !sameClaim(all[members[i]!]!, all[members[j]!]!, weights) || !cores.compatible(ra, rb)) continue;
        uf.union(ra, rb);
        cores.merge(ra, rb, uf.find(ra));
      }
  }
  const minDocuments = options.minDocuments ?? 1;
  const minClaims = options.minClaims ?? 2;
  const groups: ClaimGroup[] = [];
  for (const members of uf.groups()) {
    if (members.length < minClaims) continue;
    const cs = members.map((i) => all[i]!).sort((a, b) => byDate(a, b) || a.documentId.localeCompare(b.documentId) || a.index - b.index);
    const docs = new Map<string, GroupDocument>();
    for (const c of cs) if (!docs.has(c.documentId)) docs.set(c.documentId, { id: c.documentId, inputPath: c.inputPath, outlet: c.outlet, published: c.published });
    if (docs.size < minDocuments) continue;
    groups.push(describe(cs, [...docs.values()], families));
  }
  return groups.sort((a, b) => b.documents.length - a.documents.length || b.claims.length - a.claims.length || a.id.localeCompare(b.id));
}

/**
 * The entities a growing group is about (keys in at least half its claims).
 * Two groups merge only when most of one's core (60% of its rarity weight) is
 * within the other's, so a chain of pairwise matches cannot drift from one
 * story to the next; small groups' cores carry incidental keys (a demonym), so
 * full containment would split one story in two.
 */
class GroupCores {
  private readonly counts = new Map<number, { size: number; keys: Map<string, number> }>();

  constructor(
    private readonly claims: readonly ClaimWithDocument[],
    private readonly weight: Weight,
  ) {}

  private of(root: number) {
    let c = this.counts.get(root);
    if (!c) this.counts.set(root, (c = { size: 1, keys: new Map(this.claims[root]!.entityKeys.map((k) => [k, 1])) }));
    return c;
  }

  private core(root: number): string[] {
    const c = this.of(root);
    return [...c.keys].filter(([, n]) => n * 2 >= c.size).map(([k]) => k);
  }

  compatible(a: number, b: number): boolean {
    return agreement(this.core(a), this.core(b), this.weight).containment >= 0.6;
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

function describe(cs: ClaimWithDocument[], documents: GroupDocument[], families: CopyFamilies): ClaimGroup {
  const count = new Map<string, number>();
  for (const c of cs) for (const k of c.entityKeys) count.set(k, (count.get(k) ?? 0) + 1);
  const dates = cs.map((c) => c.published).filter((d): d is string => d !== null).sort();
  const id = createHash('sha256')
    .update(cs.map((c) => `${c.documentId}:${c.index}`).sort().join(','))
    .digest('hex')
    .slice(0, 16);
  return {
    id,
    label: cs[0]!.text,
    entityKeys: [...count].filter(([, n]) => n * 2 >= cs.length).map(([k]) => k).sort(),
    numbers: [...new Set(cs.flatMap((c) => facts(c.numbers)))].sort(),
    documents,
    claims: cs.map((c) => ({ documentId: c.documentId, index: c.index, text: c.text, speaker: c.speaker, via: c.via, hedged: c.hedged, candidate: c.candidate })),
    speakers: [...new Set(cs.map((c) => c.speaker).filter((s): s is string => s !== null))],
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    independence: independence(cs, families),
  };
}
