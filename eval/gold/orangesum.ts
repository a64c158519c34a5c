// Hand-made gold on OrangeSum articles: HELD-OUT lines 1001–2000 of the sample
// (never tuned on) and a DEV attribution set on lines 1–1000 (for studying misses).
// The JSON files hold only ids, line numbers, sha256 and offsets: the article
// texts are copyrighted by their agencies, so they are read from ../shared at
// run time and checked against the stored sha256 (a changed dataset fails loudly
// instead of silently shifting every offset).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../../test/helpers/shared.js';

const GOLD_DIR = dirname(fileURLToPath(import.meta.url));
export const SENTENCES_GOLD = join(GOLD_DIR, 'orangesum-sentences.json');
export const ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-attributions.json');
/** Same format as ATTRIBUTIONS_GOLD, on DEV lines 1–1000: rule authors may read and tune on it. */
export const DEV_ATTRIBUTIONS_GOLD = join(GOLD_DIR, 'orangesum-dev-attributions.json');
export const ORANGESUM_SAMPLE = sharedPath('datasets', 'orangesum', 'orangesum_sample2000.jsonl');
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
  line: number;
  sha256: string;
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

/** Reads the referenced sample lines (1-based) and checks id and sha256 of each. */
export function materialise(refs: DocRef[]): GoldDoc[] {
  if (!hasOrangesum) throw new Error(`missing ${ORANGESUM_SAMPLE}`);
  const lines = readFileSync(ORANGESUM_SAMPLE, 'utf8').split('\n');
  return refs.map((ref) => {
    const raw = lines[ref.line - 1];
    if (raw === undefined) throw new Error(`orangesum sample has no line ${ref.line}`);
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
