// Why gold pairs are missed: the recall ceiling of claim grouping, decomposed (eval:claims prints it).
//
// Each gold pair the system did not put in one group falls in the first bucket that holds it:
//   (a) no claim      a mention locates no claim of the store at all (the claim layer did not extract it);
//   (b) not compared  no claim locating one mention was ever a candidate pair with a claim locating the other
//                     (blocking: no shared entity key, predicate or rare word in a block's window, or published
//                     more than a week apart);
//   (c) rejected      compared, and the pair judge (rules, pair model) said no: split by the first reason (a guard
//                     held them apart; no predicate class in common; a shared predicate without enough entities,
//                     figure, subject or wording);
//   (d) join refused  some compared pair was accepted, but the two groups never met (a conflict with another
//                     claim of a group, no second supporting pair, a group spanning more than a week).
// Counts only: it never prints a mention, so it runs on the held-out gold too.
import { candidatePairs, claimBlocks, Matcher, type PairJudge, type PairFeatures } from '../src/corpus/claim-groups.js';
import type { ClaimTable } from '../src/corpus/claim-table.js';
import { guarded } from '../src/corpus/claim-pair-model.js';

export const MISS_BUCKETS = ['no claim', 'not compared', 'rejected', 'join refused'] as const;
export type MissBucket = (typeof MISS_BUCKETS)[number];
/** Why a compared pair was rejected (bucket c): the first reason that holds. */
export const REJECT_REASONS = ['guard', 'no shared predicate', 'weak evidence'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** What held a rejected pair apart, first that holds: a guard (`guarded`: figures, days, modality, denial, another person), no predicate class in common, or too little else. */
export function rejectReason(f: PairFeatures): RejectReason {
  if (guarded(f)) return 'guard';
  return f.sharedVerb ? 'weak evidence' : 'no shared predicate';
}

export interface MissCounts {
  missed: number;
  /** Of the missed pairs, those whose two mentions are in one document. */
  sameDocument: number;
  buckets: Record<MissBucket, { pairs: number; sameDocument: number }>;
  rejected: Record<RejectReason, number>;
  /** Rejected pairs (bucket c) whose closest pair has a side naming no entity, not even a subject resolved by the claim layer. */
  rejectedEntityless: number;
  /** Each missed pair's bucket, with the features of its compared pair closest to passing (for --verbose on DEV). */
  pairs: { a: string; b: string; bucket: MissBucket; reason: RejectReason | null; features: PairFeatures | null }[];
}

/** One claim of the store with the gold mentions it locates (keys). */
export interface LocatedClaim {
  /** The claim's number in the table. */
  claim: number;
  mentions: readonly string[];
}

/**
 * Sort the missed pairs (`missed`, mention keys) into buckets. `located`: each table claim that locates gold
 * mentions; `docOf`: mention key → gold document; `judge`: the grouping's pair judge.
 */
export function explainMisses(
  t: ClaimTable,
  judge: PairJudge,
  located: readonly LocatedClaim[],
  missed: readonly (readonly [string, string])[],
  docOf: ReadonlyMap<string, string>,
): MissCounts {
  const claimsOf = new Map<string, number[]>();
  for (const l of located)
    for (const m of l.mentions) {
      let xs = claimsOf.get(m);
      if (!xs) claimsOf.set(m, (xs = []));
      xs.push(l.claim);
    }
  const wanted = new Set(located.map((l) => l.claim));
  // The judgement of every compared pair of located claims: its strength (-1: rejected) and features.
  const judged = new Map<number, { strength: number; features: PairFeatures }>();
  const matcher = new Matcher(t);
  candidatePairs(t, matcher, claimBlocks(t), (x, y) => {
    if (!wanted.has(x) || !wanted.has(y)) return;
    const features = matcher.compare(x, y);
    judged.set(x * t.count + y, { strength: judge.strength(features), features });
  });
  const counts: MissCounts = {
    missed: missed.length,
    sameDocument: 0,
    buckets: Object.fromEntries(MISS_BUCKETS.map((b) => [b, { pairs: 0, sameDocument: 0 }])) as MissCounts['buckets'],
    rejected: Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as MissCounts['rejected'],
    rejectedEntityless: 0,
    pairs: [],
  };
  for (const [a, b] of missed) {
    const one = docOf.get(a) === docOf.get(b);
    if (one) counts.sameDocument++;
    const ca = claimsOf.get(a) ?? [];
    const cb = claimsOf.get(b) ?? [];
    let bucket: MissBucket;
    let reason: RejectReason | null = null;
    let features: PairFeatures | null = null;
    if (!ca.length || !cb.length) bucket = 'no claim';
    else {
      const js = ca.flatMap((x) => cb.flatMap((y) => (x === y ? [] : [judged.get(Math.min(x, y) * t.count + Math.max(x, y))]))).filter((j) => j !== undefined);
      if (!js.length) bucket = 'not compared';
      else if (js.some((j) => j.strength >= 0)) bucket = 'join refused';
      else {
        bucket = 'rejected';
        // The pair closest to passing: the one with the mildest reason (weak evidence, then no predicate, then a guard).
        const order = (r: RejectReason) => REJECT_REASONS.length - 1 - REJECT_REASONS.indexOf(r);
        const closest = js.map((j) => ({ r: rejectReason(j.features), f: j.features })).sort((p, q) => order(p.r) - order(q.r))[0]!;
        reason = closest.r;
        features = closest.f;
      }
    }
    counts.buckets[bucket].pairs++;
    if (one) counts.buckets[bucket].sameDocument++;
    if (reason) counts.rejected[reason]++;
    if (features?.entityless) counts.rejectedEntityless++;
    counts.pairs.push({ a, b, bucket, reason, features });
  }
  return counts;
}

/** The breakdown as one line per bucket. */
export function renderMisses(c: MissCounts): string[] {
  const b = (k: MissBucket) => `${c.buckets[k].pairs} (${c.buckets[k].sameDocument} in one document)`;
  return [
    `missed gold pairs: ${c.missed} (${c.sameDocument} in one document), first cause:`,
    `  (a) a mention with no claim of the store:        ${b('no claim')}`,
    `  (b) never compared (blocking):                   ${b('not compared')}`,
    `  (c) compared and rejected by the pair judge:     ${b('rejected')}: ${REJECT_REASONS.map((r) => `${r} ${c.rejected[r]}`).join(', ')}; one side naming no entity or subject: ${c.rejectedEntityless}`,
    `  (d) a compared pair accepted, the join refused:  ${b('join refused')}`,
  ];
}
