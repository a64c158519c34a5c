// Scorer of `recoupe corpus claims` against the claim-cluster gold
// (eval/gold/claims-guidelines.md). Pure functions, no I/O:
//
// 1. Each gold mention is located among the system's claims OF THE SAME
//    DOCUMENT by text overlap, after normalising case, quotes, apostrophes and
//    whitespace: a claim matches when the Dice coefficient of their token
//    multisets is >= 0.5, or when one side holds >= 80% of the other side's
//    tokens (containment; a contained gold mention needs >= 3 tokens, a
//    contained claim >= 4, so « a déclaré X » never locates a sentence).
// 2. Pairwise grouping: over every pair of gold mentions, a pair is gold-positive
//    when both mentions are in one cluster, predicted-positive when some system
//    group holds a claim matching each. Precision, recall and F1 over pairs.
// 3. False "independent" verdicts: a system group whose verdict is independent
//    and which holds gold mentions is false when those mentions come from more
//    than one cluster (it mixes propositions) or from one cluster whose gold
//    verdict is not independent. A stricter count also flags independent groups
//    whose own gold mentions trace to fewer than two identified gold upstream
//    sources, or sit in one document.
// 4. Verdict confusion per gold cluster of >= 2 mentions: the gold verdict
//    against the verdict of the system group holding most of its mentions.
// 5. Oracle grouping (`locate`, `oracleScore`): each gold cluster of >= 2 mentions,
//    as the system claims that best locate its mentions, is judged as one group;
//    its verdict against the gold's tells how right the verdicts are when the
//    grouping is.

export type Verdict = 'independent' | 'single-upstream' | 'undetermined';
export const VERDICTS: readonly Verdict[] = ['independent', 'single-upstream', 'undetermined'];

export interface GoldMention {
  /** Unique id of the mention in the gold (cluster id + index). */
  key: string;
  cluster: string;
  doc: string;
  text: string;
  /** Upstream source key of this mention (see the guidelines). */
  upstream: string;
}

/**
 * Whether an upstream key names an identified source (a person, organisation or outlet that is its own source),
 * as opposed to an unsourced wire or outlet voice, an anonymous source or a vague category (`wire:`, `voice:`,
 * `anon:`, `media:`; see the guidelines).
 */
export const identifiedUpstream = (key: string) => !/^(wire|voice|anon|media):/.test(key);

export interface GoldCluster {
  id: string;
  verdict: Verdict;
}

export interface SystemClaim {
  /** Gold document id, or null when the claim's document is not in the gold (a distractor). */
  doc: string | null;
  text: string;
}

export interface SystemGroup {
  id: string;
  /** The verdict as printed by the product. */
  verdict: string;
  claims: SystemClaim[];
}

/**
 * Maps the product's verdict strings to the contract's three values. The
 * contract's own values pass through; the pre-contract strings of the code
 * before issue 13 (« independent confirmations », « single source ») map to
 * their obvious counterparts; anything else is kept as `other:<value>`.
 */
export function normaliseVerdict(v: unknown): Verdict | `other:${string}` {
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if (s === 'independent' || s === 'independent confirmations') return 'independent';
  if (s === 'single-upstream' || s === 'single upstream' || s === 'single source' || s === 'single-source') return 'single-upstream';
  if (s === 'undetermined') return 'undetermined';
  return `other:${s}`;
}

/** Lower-cased word tokens, quotes and apostrophes folded, accents kept. */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’‘ʼ`´]/g, "'")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function counts(ts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function common(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [t, k] of a) n += Math.min(k, b.get(t) ?? 0);
  return n;
}

export const DICE_MIN = 0.5;
export const CONTAINMENT_MIN = 0.8;
/** A gold mention (a hand-picked proposition, « 10 personnes disparues ») may be this short and still be contained in a claim. */
export const GOLD_CONTAINED_MIN_TOKENS = 3;
/** A system claim contained in a gold mention needs this many tokens (so « a déclaré X » never locates a sentence). */
export const CLAIM_CONTAINED_MIN_TOKENS = 4;

/** Whether a system claim's text locates a gold mention (rule 1 above). */
export function textMatches(gold: string, system: string): boolean {
  return matchScore(gold, system) > 0;
}

/** How well a system claim locates a gold mention: 0 when it does not (rule 1), else the Dice coefficient plus 1 when it passes it, else the containment. */
function matchScore(gold: string, system: string): number {
  const a = tokens(gold);
  const b = tokens(system);
  if (a.length === 0 || b.length === 0) return 0;
  const shared = common(counts(a), counts(b));
  const dice = (2 * shared) / (a.length + b.length);
  if (dice >= DICE_MIN) return 1 + dice;
  if (a.length <= b.length) return a.length >= GOLD_CONTAINED_MIN_TOKENS && shared / a.length >= CONTAINMENT_MIN ? shared / a.length : 0;
  return b.length >= CLAIM_CONTAINED_MIN_TOKENS && shared / b.length >= CONTAINMENT_MIN ? shared / b.length : 0;
}

/** The index of the claim among `claims` (of the mention's document) that best locates a gold mention, or -1. */
export function locate(gold: string, claims: readonly { text: string }[]): number {
  let best = -1;
  let bestScore = 0;
  claims.forEach((c, i) => {
    const x = matchScore(gold, c.text);
    if (x > bestScore) [best, bestScore] = [i, x];
  });
  return best;
}

export interface OracleScore {
  /** Gold clusters of >= 2 mentions judged. */
  clusters: number;
  /** Of them, clusters with no mention located (judged "none"). */
  unlocated: number;
  right: number;
  /** confusion[gold verdict][system verdict]. */
  confusion: Record<string, Record<string, number>>;
  /** Clusters called independent whose gold verdict is not. */
  falseIndependent: string[];
}

/** Oracle grouping verdicts (rule 5): `verdicts` gives, per cluster id judged, the verdict of its located mentions as one group (null: none located). */
export function oracleScore(clusters: GoldCluster[], verdicts: ReadonlyMap<string, string | null>): OracleScore {
  const confusion: Record<string, Record<string, number>> = {};
  const falseIndependent: string[] = [];
  let right = 0;
  let unlocated = 0;
  for (const c of clusters) {
    if (!verdicts.has(c.id)) continue;
    const v = verdicts.get(c.id);
    const sys = v === null || v === undefined ? 'none' : normaliseVerdict(v);
    if (sys === 'none') unlocated++;
    if (sys === c.verdict) right++;
    if (sys === 'independent' && c.verdict !== 'independent') falseIndependent.push(c.id);
    const row = (confusion[c.verdict] ??= {});
    row[sys] = (row[sys] ?? 0) + 1;
  }
  return { clusters: verdicts.size, unlocated, right, confusion, falseIndependent };
}

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ClaimScore {
  pairs: PRF;
  mentions: number;
  /** Gold mentions matching a claim of no system group. */
  ungrouped: string[];
  clusters: number;
  groupsWithGold: number;
  independentGroups: number;
  /** Independent groups holding gold mentions of several clusters, or of one non-independent cluster. */
  falseIndependent: { group: string; clusters: string[]; reason: string }[];
  /** Independent groups whose own gold mentions trace to fewer than 2 gold upstream sources (stricter). */
  independentOnOneUpstream: string[];
  /** confusion[gold verdict][system verdict] over clusters of >= 2 mentions; system "none" when no group holds any mention. */
  confusion: Record<string, Record<string, number>>;
  /** Per gold cluster of >= 2 mentions, the system group the confusion read its verdict from (null: none). */
  verdictGroups: { cluster: string; group: string | null }[];
  /** Pairs predicted together across clusters and same-cluster pairs missed (for --verbose). */
  falsePairs: [string, string][];
  missedPairs: [string, string][];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = ratio(tp, predicted);
  const recall = ratio(tp, gold);
  return { tp, predicted, gold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function scoreClaims(clusters: GoldCluster[], mentions: GoldMention[], groups: SystemGroup[]): ClaimScore {
  const verdictOf = new Map(clusters.map((c) => [c.id, c.verdict]));
  // System claims by gold document, each with the groups holding it.
  const byDoc = new Map<string, { text: string; group: number }[]>();
  groups.forEach((g, gi) => {
    for (const c of g.claims) {
      if (c.doc === null) continue;
      let l = byDoc.get(c.doc);
      if (!l) byDoc.set(c.doc, (l = []));
      l.push({ text: c.text, group: gi });
    }
  });
  const groupsOf = mentions.map((m) => new Set((byDoc.get(m.doc) ?? []).filter((c) => textMatches(m.text, c.text)).map((c) => c.group)));

  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const falsePairs: [string, string][] = [];
  const missedPairs: [string, string][] = [];
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      const same = mentions[i]!.cluster === mentions[j]!.cluster;
      let together = false;
      for (const g of groupsOf[i]!) if (groupsOf[j]!.has(g)) together = true;
      if (same) gold++;
      if (together) predicted++;
      if (same && together) tp++;
      else if (together) falsePairs.push([mentions[i]!.key, mentions[j]!.key]);
      else if (same) missedPairs.push([mentions[i]!.key, mentions[j]!.key]);
    }
  }

  // Gold mentions held by each system group.
  const held = groups.map(() => [] as number[]);
  groupsOf.forEach((gs, mi) => gs.forEach((g) => held[g]!.push(mi)));
  const falseIndependent: ClaimScore['falseIndependent'] = [];
  const independentOnOneUpstream: string[] = [];
  let independentGroups = 0;
  let groupsWithGold = 0;
  groups.forEach((g, gi) => {
    const ms = held[gi]!;
    if (ms.length === 0) return;
    groupsWithGold++;
    if (normaliseVerdict(g.verdict) !== 'independent') return;
    independentGroups++;
    const cs = [...new Set(ms.map((m) => mentions[m]!.cluster))].sort();
    if (cs.length > 1) falseIndependent.push({ group: g.id, clusters: cs, reason: 'mixes clusters' });
    else if (verdictOf.get(cs[0]!) !== 'independent') falseIndependent.push({ group: g.id, clusters: cs, reason: `gold verdict ${verdictOf.get(cs[0]!)}` });
    const ups = new Set(ms.map((m) => mentions[m]!.upstream).filter(identifiedUpstream));
    const docs = new Set(ms.map((m) => mentions[m]!.doc));
    if (ups.size < 2 || docs.size < 2) independentOnOneUpstream.push(g.id);
  });

  const confusion: Record<string, Record<string, number>> = {};
  let clusterCount = 0;
  const verdictGroups: ClaimScore['verdictGroups'] = [];
  for (const c of clusters) {
    const ms = mentions.map((m, i) => [m, i] as const).filter(([m]) => m.cluster === c.id);
    if (ms.length < 2) continue;
    clusterCount++;
    const votes = new Map<number, number>();
    for (const [, i] of ms) for (const g of groupsOf[i]!) votes.set(g, (votes.get(g) ?? 0) + 1);
    let best = -1;
    let bestVotes = 0;
    for (const [g, n] of [...votes].sort((a, b) => a[0] - b[0])) if (n > bestVotes) [best, bestVotes] = [g, n];
    const sys = best < 0 ? 'none' : normaliseVerdict(groups[best]!.verdict);
    verdictGroups.push({ cluster: c.id, group: best < 0 ? null : groups[best]!.id });
    const row = (confusion[c.verdict] ??= {});
    row[sys] = (row[sys] ?? 0) + 1;
  }

  return {
    pairs: prf(tp, predicted, gold),
    mentions: mentions.length,
    ungrouped: mentions.filter((_, i) => groupsOf[i]!.size === 0).map((m) => m.key),
    clusters: clusterCount,
    groupsWithGold,
    independentGroups,
    falseIndependent,
    independentOnOneUpstream,
    confusion,
    verdictGroups,
    falsePairs,
    missedPairs,
  };
}
