// Claim-cluster gold (guidelines: claims-guidelines.md). The JSON files hold
// document references (seed file name or OrangeSum id + line of the full
// dataset, with the sha256 of each field used), clusters, and for each mention
// its field, offsets and the sha256 of its text; no article text (../shared's
// texts may not be committed). The texts are read from ../shared at run time,
// each mention is cut from its offsets and checked against its sha256, so a
// changed dataset fails loudly instead of shifting offsets.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { sharedPath } from '../../test/helpers/shared.js';
import { VERDICTS, identifiedUpstream, type GoldCluster, type GoldMention, type Verdict } from '../score-claims.js';

const GOLD_DIR = dirname(fileURLToPath(import.meta.url));
export const CLAIMS_DEV_GOLD = join(GOLD_DIR, 'claims-dev.json');
/** Held out: report only; never study its stories (the `claims` engineer must not read it). */
export const CLAIMS_HELDOUT_GOLD = join(GOLD_DIR, 'claims-heldout.json');
export const ORANGESUM_FULL = sharedPath('datasets', 'orangesum', 'orangesum_articles_full.jsonl.gz');
export const SEEDS_DIR = sharedPath('seeds');
export const hasClaimSources = existsSync(ORANGESUM_FULL) && existsSync(SEEDS_DIR);

export type Field = 'body' | 'title';

export interface StoredDocument {
  id: string;
  source: 'seed' | 'orangesum';
  /** Seed file name under ../shared/seeds. */
  file?: string;
  /** 1-based line of the OrangeSum full dataset. */
  line?: number;
  date?: string;
  agency?: string | null;
  /** sha256 of each field's text (a seed has only `body`, its whole file). */
  sha256: Partial<Record<Field, string>>;
}

export interface StoredMention {
  doc: string;
  field: Field;
  start: number;
  end: number;
  /** sha256 of the mention's text, which is read from ../shared at run time. */
  sha256: string;
  upstream: string;
  note?: string;
}

export interface StoredCluster {
  id: string;
  proposition: string;
  verdict: Verdict;
  independent_sources: number;
  contradicts?: string;
  note?: string;
  mentions: StoredMention[];
}

export interface StoredStory {
  id: string;
  summary: string;
  clusters: StoredCluster[];
}

export interface ClaimGoldFile {
  about: string;
  annotated: string;
  split: 'dev' | 'heldout';
  documents: StoredDocument[];
  stories: StoredStory[];
}

export interface DocText {
  id: string;
  source: 'seed' | 'orangesum';
  file?: string;
  line?: number;
  /** The full dataset row (OrangeSum) — everything the eval writes into its JSONL. */
  row?: Record<string, unknown>;
  body: string;
  title: string | null;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function readClaimGold(path: string): ClaimGoldFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ClaimGoldFile;
}

/** Structural checks that need no text: unique ids, known documents and verdicts, sane spans. Returns the problems found. */
export function checkGoldStructure(g: ClaimGoldFile): string[] {
  const problems: string[] = [];
  if (!g || !Array.isArray(g.documents) || !Array.isArray(g.stories)) return ['not a claim gold file (no documents and stories arrays)'];
  if (typeof g.about !== 'string' || !g.about) problems.push('missing about');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(g.annotated ?? '')) problems.push('annotated is not a date');
  const docs = new Set<string>();
  for (const d of g.documents) {
    if (docs.has(d.id)) problems.push(`duplicate document ${d.id}`);
    docs.add(d.id);
    if (d.source === 'orangesum' && !(d.date ?? '').startsWith('2018')) problems.push(`${d.id}: OrangeSum articles of other years than 2018 are held out`);
    if (d.source === 'orangesum' && !(Number.isInteger(d.line) && d.line! > 0)) problems.push(`${d.id}: no line`);
    if (d.source === 'seed' && !d.file) problems.push(`${d.id}: no file`);
  }
  const clusters = new Set<string>();
  const stories = new Set<string>();
  for (const s of g.stories) {
    if (stories.has(s.id)) problems.push(`duplicate story ${s.id}`);
    stories.add(s.id);
    for (const c of s.clusters) {
      if (clusters.has(c.id)) problems.push(`duplicate cluster ${c.id}`);
      clusters.add(c.id);
      if (!VERDICTS.includes(c.verdict)) problems.push(`${c.id}: unknown verdict ${c.verdict}`);
      if (c.mentions.length === 0) problems.push(`${c.id}: no mention`);
      const ups = new Set(c.mentions.map((m) => m.upstream).filter(identifiedUpstream));
      const mdocs = new Set(c.mentions.map((m) => m.doc));
      if (c.verdict === 'independent' && (mdocs.size < 2 || ups.size < 2 || c.independent_sources < 2))
        problems.push(`${c.id}: independent needs >= 2 documents and >= 2 identified upstream sources`);
      if (c.verdict !== 'independent' && mdocs.size < 2 && c.verdict !== 'single-upstream')
        problems.push(`${c.id}: a cluster of one document is single-upstream`);
      if (c.verdict !== 'independent' && c.independent_sources >= 2)
        problems.push(`${c.id}: ${c.independent_sources} independent sources but verdict ${c.verdict}`);
      for (const m of c.mentions) {
        if (!docs.has(m.doc)) problems.push(`${c.id}: unknown document ${m.doc}`);
        if (!(m.start >= 0 && m.end > m.start)) problems.push(`${c.id}: bad span ${m.start}-${m.end}`);
        if (m.end - m.start > 400) problems.push(`${c.id}: mention over 400 characters (annotate short mentions only)`);
        if (!/^[0-9a-f]{64}$/.test(m.sha256 ?? '')) problems.push(`${c.id}: mention without the sha256 of its text`);
        if (!m.upstream) problems.push(`${c.id}: mention without upstream`);
      }
    }
  }
  for (const s of g.stories)
    for (const c of s.clusters) if (c.contradicts && !clusters.has(c.contradicts)) problems.push(`${c.id}: contradicts unknown ${c.contradicts}`);
  return problems;
}

function readSeed(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/**
 * Streams the OrangeSum full dataset once: returns the rows at `lines` (1-based)
 * and calls `each` on every other 2018 row (for distractors). Rows of other
 * years are skipped on their raw `date` field without being parsed further.
 */
export async function scanOrangesum(
  lines: Set<number>,
  each?: (line: number, row: Record<string, unknown>) => void,
): Promise<Map<number, Record<string, unknown>>> {
  const out = new Map<number, Record<string, unknown>>();
  const rl = createInterface({ input: createReadStream(ORANGESUM_FULL).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    if (!/"date":\s*"2018-/.test(raw)) continue;
    if (!lines.has(n) && !each) continue;
    const row = JSON.parse(raw) as Record<string, unknown>;
    if (!String(row.date ?? '').startsWith('2018')) continue;
    if (lines.has(n)) out.set(n, row);
    else each?.(n, row);
  }
  return out;
}

/** The texts of a gold file's documents, checked against the stored sha256; `rows` from scanOrangesum. */
export function materialiseDocs(g: ClaimGoldFile, rows: Map<number, Record<string, unknown>>): Map<string, DocText> {
  const out = new Map<string, DocText>();
  for (const d of g.documents) {
    let doc: DocText;
    if (d.source === 'seed') {
      doc = { id: d.id, source: 'seed', file: d.file, body: readSeed(d.file!), title: null };
    } else {
      const row = rows.get(d.line!);
      if (!row) throw new Error(`${d.id}: line ${d.line} is not a 2018 row of the OrangeSum dataset`);
      if (row.id !== d.id) throw new Error(`line ${d.line}: expected ${d.id}, found ${String(row.id)}`);
      doc = { id: d.id, source: 'orangesum', line: d.line, row, body: String(row.body ?? ''), title: typeof row.title === 'string' ? row.title : null };
    }
    for (const f of ['body', 'title'] as const) {
      const want = d.sha256[f];
      const have = f === 'body' ? doc.body : doc.title;
      if (want && (have === null || sha256(have) !== want)) throw new Error(`${d.id}: ${f} changed (sha256 mismatch)`);
    }
    out.set(d.id, doc);
  }
  return out;
}

/** A mention's text, cut from its document's field by its offsets (null when the field is missing). */
export function mentionText(m: StoredMention, docs: Map<string, DocText>): string | null {
  const d = docs.get(m.doc);
  const text = m.field === 'title' ? d?.title : d?.body;
  return text == null ? null : text.slice(m.start, m.end);
}

/** Checks every mention's text, cut from its offsets, against its sha256; returns the problems. */
export function checkMentions(g: ClaimGoldFile, docs: Map<string, DocText>): string[] {
  const problems: string[] = [];
  for (const s of g.stories)
    for (const c of s.clusters)
      for (const m of c.mentions) {
        const text = mentionText(m, docs);
        if (text === null) problems.push(`${c.id}: no ${m.field} for ${m.doc}`);
        else if (sha256(text) !== m.sha256) problems.push(`${c.id}: ${m.doc} ${m.field}[${m.start},${m.end}) is not the annotated text (sha256 mismatch)`);
      }
  return problems;
}

/** The gold as the scorer wants it, mention texts read from the documents. */
export function goldForScoring(g: ClaimGoldFile, docs: Map<string, DocText>): { clusters: GoldCluster[]; mentions: GoldMention[] } {
  const clusters: GoldCluster[] = [];
  const mentions: GoldMention[] = [];
  for (const s of g.stories)
    for (const c of s.clusters) {
      clusters.push({ id: c.id, verdict: c.verdict });
      c.mentions.forEach((m, i) => mentions.push({ key: `${c.id}#${i}`, cluster: c.id, doc: m.doc, text: mentionText(m, docs) ?? '', upstream: m.upstream }));
    }
  return { clusters, mentions };
}

/** Every OrangeSum line referenced by any claim gold file (distractors must avoid them all). */
export function allGoldLines(): Set<number> {
  const lines = new Set<number>();
  for (const p of [CLAIMS_DEV_GOLD, CLAIMS_HELDOUT_GOLD]) {
    if (!existsSync(p)) continue;
    for (const d of readClaimGold(p).documents) if (d.line) lines.add(d.line);
  }
  return lines;
}
