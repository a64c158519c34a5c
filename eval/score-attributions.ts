// The matching rule of ../shared/gold/attributions.json ("about"), exactly:
// a prediction matches a record when (1) its content holds at least 60% of the
// record snippet's words, (2) its content is at most max(500, 4 × snippet)
// characters long, and (3) its speaker (source.text or source.resolved) shares
// a content word — not a pronoun or an article (nor another function word) —
// with one accepted form; a pronoun speaker thus counts only once resolved.
// Precision counts predictions matching any record of their document (optional
// records included); recall counts required records matched by some prediction.

export interface GoldRecord {
  doc: string;
  cue?: string;
  source: string[];
  content: string;
  kind?: string;
  via?: string[];
  hedged?: boolean;
  optional?: boolean;
}

/** The prediction fields the rule reads (a `recoupe/analysis@1` attribution has them all). */
export interface PredictedAttribution {
  source: { text: string; resolved: string | null } | null;
  content: { text: string };
  cue?: { text: string } | null;
}

export interface Score {
  tp: number;
  predictions: number;
  required: number;
  recalled: number;
  precision: number;
  recall: number;
  f1: number;
  /** Required records no prediction matched. */
  missed: GoldRecord[];
  /** Predictions matching no record, with their document. */
  spurious: { doc: string; prediction: PredictedAttribution }[];
}

const MIN_COVERAGE = 0.6;
const MIN_MAX_CHARS = 500;
const MAX_RATIO = 4;

/** Function words that never make two speakers "the same": articles, pronouns, prepositions, conjunctions. */
const FUNCTION_WORDS = new Set(
  (
    'le la les l un une des du de d au aux ' +
    'il elle ils elles on je j tu nous vous lui leur leurs eux se s y en me m te t moi toi soi ' +
    'celui celle ceux celles ce cet cette ces cela ça ci qui que qu dont où son sa ses mon ma mes ton ta tes notre nos votre vos ' +
    'à a par pour sur sous dans avec sans entre vers chez contre selon et ou ni mais ' +
    // English (the English gold files): articles, pronouns, prepositions, conjunctions.
    'the an he she it they we i you him her them us me his its their our my your this that these those who which ' +
    'of to in at for with by from and or but'
  ).split(' '),
);

export function words(s: string): string[] {
  return (
    s
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function contentWords(s: string): Set<string> {
  return new Set(words(s).filter((w) => !FUNCTION_WORDS.has(w)));
}

export function contentMatches(snippet: string, content: string): boolean {
  if (content.length > Math.max(MIN_MAX_CHARS, MAX_RATIO * snippet.length)) return false;
  const want = words(snippet);
  if (want.length === 0) return false;
  const have = new Set(words(content));
  const held = want.filter((w) => have.has(w)).length;
  return held / want.length >= MIN_COVERAGE;
}

export function speakerMatches(accepted: string[], source: PredictedAttribution['source']): boolean {
  if (!source) return false;
  const mine = contentWords(`${source.text} ${source.resolved ?? ''}`);
  return accepted.some((form) => [...contentWords(form)].some((w) => mine.has(w)));
}

export function matches(record: GoldRecord, p: PredictedAttribution): boolean {
  return contentMatches(record.content, p.content.text) && speakerMatches(record.source, p.source);
}

export function scoreAttributions(goldRecords: GoldRecord[], predictionsByDoc: Record<string, PredictedAttribution[]>): Score {
  const byDoc = new Map<string, GoldRecord[]>();
  for (const r of goldRecords) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  let tp = 0;
  let predictions = 0;
  const spurious: Score['spurious'] = [];
  const recalledSet = new Set<GoldRecord>();
  // Every document with predictions counts for precision, even one the gold gives no record (nobody is quoted there).
  for (const doc of new Set([...byDoc.keys(), ...Object.keys(predictionsByDoc)])) {
    const recs = byDoc.get(doc) ?? [];
    for (const p of predictionsByDoc[doc] ?? []) {
      predictions++;
      const hit = recs.filter((r) => matches(r, p));
      if (hit.length > 0) tp++;
      else spurious.push({ doc, prediction: p });
      for (const r of hit) recalledSet.add(r);
    }
  }
  const requiredRecs = goldRecords.filter((r) => !r.optional);
  const recalled = requiredRecs.filter((r) => recalledSet.has(r)).length;
  const precision = predictions ? tp / predictions : 0;
  const recall = requiredRecs.length ? recalled / requiredRecs.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predictions, required: requiredRecs.length, recalled, precision, recall, f1, missed: requiredRecs.filter((r) => !recalledSet.has(r)), spurious };
}
