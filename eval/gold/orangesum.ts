// Hand-made gold on OrangeSum articles: HELD-OUT lines 1001–2000 of the sample
// (never tuned on) and a DEV attribution set on lines 1–1000 (for studying misses).
// The JSON files hold only ids, line numbers, sha256 and offsets: the article
// texts are copyrighted by their agencies, so they are read from ../shared at
// run time and checked against the stored sha256 (a changed dataset fails loudly
// instead of silently shifting every offset).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../../test/helpers/shared.js';

const GOLD_DIR = dirname(fileURLToPath(import.meta.url));
export const SENTENCES_GOLD = join(GOLD_DIR, 'orangesum-sentences.json');
export const ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-attributions.json');
/** Same format as ATTRIBUTIONS_GOLD, on DEV lines 1–1000: rule authors may read and tune on it. */
export const DEV_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-dev-attributions.json');
/**
 * Issue 14, more genres: 2018 articles of the full dataset outside the sample (6Medias people and TV pages, BFMTV,
 * franceinfo and Jeanmarcmorandini.com rewrites, Orange avec AFP), DEV and a held-out split of their own.
 */
export const DEV_2018_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-2018-dev-attributions.json');
export const HELDOUT_2018_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-2018-heldout-attributions.json');
/** Issue 14, session 4: full-dataset articles of magazine, opinion, TV and web outlets (any year), DEV and held-out. */
export const DEV_MAGAZINES_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-magazines-dev-attributions.json');
export const HELDOUT_MAGAZINES_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-magazines-heldout-attributions.json');
export const ORANGESUM_SAMPLE = sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl');
export const ORANGESUM_FULL = sharedPath('datasets', 'orangesum', 'orangesum_articles_full.jsonl.gz');
export const hasOrangesum = existsSync(ORANGESUM_SAMPLE);

export type Kind = 'direct' | 'indirect' | 'mixed' | 'according';

/** A gold record with the same shape as ../shared/gold/attributions.json. */
export interface AttributionRecord {
  doc: string;
  cue: string;
  source: string[];
  content: string;
  kind: Kind;
  via?: string[];
  hedged?: boolean;
  optional?: boolean;
}

export interface GoldDoc {
  id: string;
  line: number;
  text: string;
}

interface DocRef {
  id: string;
  /** 1-based line of the sample, or of the full dataset when `file` is "full". */
  line: number;
  sha256: string;
  file?: 'full';
}

interface StoredRecord extends Omit<AttributionRecord, 'content'> {
  line: number;
  content_span: [number, number];
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The article text of a sample row: the dataset calls it `body`; `text` is accepted too. */
function rowText(row: { text?: unknown; body?: unknown }): string {
  const t = row.text ?? row.body;
  if (typeof t !== 'string') throw new Error('orangesum row without a text or body field');
  return t;
}

/** Lines `wanted` (1-based) of a JSONL file, gzipped or not, without decoding the rest. */
function readLines(path: string, wanted: Set<number>): Map<number, string> {
  if (!existsSync(path)) throw new Error(`missing ${path}`);
  const buf = path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path);
  const out = new Map<number, string>();
  const last = Math.max(0, ...wanted);
  for (let line = 1, at = 0; line <= last && at < buf.length; line++) {
    let nl = buf.indexOf(10, at);
    if (nl < 0) nl = buf.length;
    if (wanted.has(line)) out.set(line, buf.toString('utf8', at, nl));
    at = nl + 1;
  }
  return out;
}

/** Reads the referenced lines (1-based) of the sample or of the full dataset and checks id and sha256 of each. */
export function materialise(refs: DocRef[]): GoldDoc[] {
  const files = new Map<string, Map<number, string>>();
  for (const path of new Set(refs.map((r) => (r.file === 'full' ? ORANGESUM_FULL : ORANGESUM_SAMPLE))))
    files.set(path, readLines(path, new Set(refs.filter((r) => (r.file === 'full' ? ORANGESUM_FULL : ORANGESUM_SAMPLE) === path).map((r) => r.line))));
  return refs.map((ref) => {
    const raw = files.get(ref.file === 'full' ? ORANGESUM_FULL : ORANGESUM_SAMPLE)!.get(ref.line);
    if (raw === undefined) throw new Error(`orangesum ${ref.file ?? 'sample'} has no line ${ref.line}`);
    const row = JSON.parse(raw) as { id?: unknown; text?: unknown; body?: unknown };
    if (row.id !== ref.id) throw new Error(`line ${ref.line}: expected ${ref.id}, found ${String(row.id)}`);
    const text = rowText(row);
    if (sha256(text) !== ref.sha256) throw new Error(`line ${ref.line} (${ref.id}): text changed (sha256 mismatch)`);
    return { id: ref.id, line: ref.line, text };
  });
}

export interface SentenceGold {
  about: string;
  docs: (GoldDoc & { ends: number[] })[];
}

export function loadSentenceGold(): SentenceGold {
  const raw = JSON.parse(readFileSync(SENTENCES_GOLD, 'utf8')) as { about: string; docs: (DocRef & { ends: number[] })[] };
  const texts = materialise(raw.docs);
  return { about: raw.about, docs: raw.docs.map((d, i) => ({ ...texts[i]!, ends: d.ends })) };
}

export interface OrangesumGold {
  about: string;
  docs: GoldDoc[];
  records: AttributionRecord[];
}

/** An attribution gold file (held-out by default, or DEV_ATTRIBUTIONS_GOLD) with each record's `content` cut from its article by `content_span`. */
export function loadOrangesumGold(path = ATTRIBUTIONS_GOLD): OrangesumGold {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { about: string; docs: DocRef[]; records: StoredRecord[] };
  const docs = materialise(raw.docs);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const records = raw.records.map(({ line, content_span: [start, end], ...rest }) => {
    const doc = byId.get(rest.doc);
    if (!doc || doc.line !== line) throw new Error(`record for ${rest.doc} (line ${line}) has no matching doc entry`);
    if (!(start >= 0 && start < end && end <= doc.text.length)) throw new Error(`record for ${rest.doc}: span ${start}-${end} out of range`);
    return { ...rest, content: doc.text.slice(start, end) };
  });
  return { about: raw.about, docs, records };
}
