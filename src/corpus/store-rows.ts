// Database rows → the store's row types, for every backend. The tables have
// the same columns everywhere; only how values come back differs (SQLite:
// JSON as text, booleans as 0/1, dates as text; PostgreSQL: parsed jsonb,
// real booleans, Date objects), which a backend's `Decoder` says.
import type { Analysis, CoSource } from '../doc/schema.js';
import { isTitleClaim } from './claim-features.js';
import type { AttributionRow, ClaimFeatures, ClaimProposition, ClaimWithDocument, DocumentRow, EntityRow, NearDuplicateRow, SourceRow } from './store.js';
import { MIGRATIONS_TABLE } from './migrations/migration.js';

export type Row = Record<string, unknown>;

export interface Decoder {
  /** A JSON array column. */
  list(v: unknown): string[];
  /** A boolean column (null stays null). */
  bool(v: unknown): boolean | null;
  /** A timestamp column, as ISO 8601 text. */
  time(v: unknown): string;
  /** A count (PostgreSQL returns bigint counts as text). */
  count(v: unknown): number;
}

const text = (v: unknown) => (v as string | null) ?? null;
const int = (v: unknown) => (v as number | null) ?? null;
/** The predicate column: space-separated stems. */
const stems = (v: unknown) => (v === '' ? [] : (v as string).split(' '));
/** A JSON object column (SQLite: text; PostgreSQL: parsed jsonb); null when absent (rows stored before schema version 2). */
const object = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** The columns `documentRow` reads, of the documents table aliased `d`. */
export const DOCUMENT_COLUMNS =
  'd.id, d.input_path, d.input_line, d.input_format, d.title, d.outlet, d.published, d.language, d.url, d.authors, d.origin, d.word_count, d.added_at';

/** A stored document from its `text` and `analysis` (the analysis without its text) columns. */
export function toAnalysis(r: Row): Analysis {
  return { ...object<Omit<Analysis, 'text'>>(r.analysis), text: r.text as string } as Analysis;
}

export function documentRow(r: Row, d: Decoder): DocumentRow {
  return {
    id: r.id as string,
    inputPath: text(r.input_path),
    inputLine: int(r.input_line),
    format: r.input_format as string,
    title: text(r.title),
    outlet: text(r.outlet),
    published: text(r.published),
    language: r.language as string,
    url: text(r.url),
    authors: d.list(r.authors),
    origin: d.list(r.origin),
    wordCount: r.word_count as number,
    addedAt: d.time(r.added_at),
  };
}

export function entityRow(e: Row): EntityRow {
  return {
    documentId: e.document_id as string,
    index: e.entity_index as number,
    start: e.start as number,
    end: e.end as number,
    text: e.text as string,
    type: e.type as string,
    subtype: text(e.subtype),
    key: e.key as string,
  };
}

export function attributionRow(x: Row, d: Decoder): AttributionRow {
  return {
    documentId: x.document_id as string,
    index: x.attribution_index as number,
    kind: x.kind as string,
    cue: text(x.cue),
    source: text(x.source),
    sourceResolved: text(x.source_resolved),
    sourceKey: text(x.source_key),
    coSources: object<CoSource[]>(x.co_sources) ?? [],
    anonymous: d.bool(x.source_anonymous),
    via: d.list(x.via),
    content: x.content as string,
    contentStart: x.content_start as number,
    contentEnd: x.content_end as number,
    hedged: d.bool(x.hedged) === true,
    parent: int(x.parent),
  };
}

/**
 * Each attribution's speakers as actor keys with their names (same SQL on every backend): the source and each
 * co-source (« selon Mediapart et Le Monde »: both), by key, anonymous sources grouped by what they are
 * ("anon:<document>:sources@coalition" → "anon:sources@coalition"; an anonymous key is anonymous whatever the
 * attribution said: « les films » is no actor). Speakers with no key (a pronoun with no referent,
 * a function word) are left out; rows stored before keys existed (schema 1) fall back to their lowercased name when named.
 */
export const speakerKeys = (
  d: SqlDialect,
) => `SELECT document_id, name, (coalesce(key LIKE 'anon:%', ${d.false}) OR coalesce(anonymous, key LIKE 'anon:%')) AS anonymous,
    CASE WHEN key LIKE 'anon:%' THEN 'anon:' || substr(key, 19) ELSE coalesce(key, 'name:' || lower(name)) END AS key
  FROM (SELECT a.document_id, coalesce(a.source_resolved, a.source) AS name, a.source_key AS key, a.source_anonymous AS anonymous FROM attributions a
    UNION ALL SELECT c.document_id, c.name, c.key, NULL FROM (${d.coSources}) c) s
  WHERE name IS NOT NULL AND (key IS NOT NULL OR (anonymous = ${d.false} AND document_id IN (${KEYLESS_DOCUMENTS})))`;

/**
 * Documents stored before source keys existed (added before the store's migration 2, "source keys and claim
 * propositions"): their attributions have no key at all. In any later document a speaker without a key is a pronoun
 * with no referent or a function word (« La », « il »), which no report lists.
 */
const KEYLESS_DOCUMENTS = `SELECT id FROM documents WHERE added_at < (SELECT applied_at FROM ${MIGRATIONS_TABLE} WHERE version = 2)`;

/** What differs between the SQL of the two backends, for the queries written once for both. */
export interface SqlDialect {
  /** The literal false of a boolean column. */
  false: string;
  /** Whether any row of a group has the boolean true. */
  anyTrue(expr: string): string;
  /** A text expression ordered by bytes whatever the server's locale (SQLite's default order). */
  bytewise(expr: string): string;
  /** The placeholder of the n-th (from 1) positional parameter. */
  param(n: number): string;
  /** Every co-source of the attributions table (its JSON column `co_sources`): `document_id`, `name`, `key`. */
  coSources: string;
}

/**
 * `corpus sources`: outlets (documents per outlet), then speakers (attributions per speaker key,
 * labelled with their most frequent name), each by count then name. Two queries, read in turn.
 */
export function sourcesSql(d: SqlDialect): [outlets: string, speakers: string] {
  return [
    `SELECT 'outlet' AS kind, outlet AS key, outlet AS name, ${d.false} AS anonymous, count(*) AS count, count(*) AS documents, min(published) AS first, max(published) AS last
      FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC, ${d.bytewise('outlet')}`,
    `WITH k AS (${speakerKeys(d)}),
      names AS (SELECT key, name, count(*) AS n FROM k GROUP BY key, name),
      label AS (SELECT key, name FROM (SELECT key, name, row_number() OVER (PARTITION BY key ORDER BY n DESC, ${d.bytewise('name')}) AS r FROM names) x WHERE r = 1)
      SELECT 'speaker' AS kind, k.key, label.name, ${d.anyTrue('k.anonymous')} AS anonymous, count(*) AS count, count(DISTINCT k.document_id) AS documents, min(d.published) AS first, max(d.published) AS last
      FROM k JOIN label ON label.key = k.key JOIN documents d ON d.id = k.document_id
      GROUP BY k.key, label.name ORDER BY count DESC, ${d.bytewise('label.name')}, ${d.bytewise('k.key')}`,
  ];
}

/** Claims joined with their documents' facts: the columns `claimRow` reads (same SQL on every backend). */
export const CLAIMS_WITH_DOCUMENTS =
  'SELECT c.*, d.input_path, d.outlet, d.published, d.language, d.origin FROM claims c JOIN documents d ON d.id = c.document_id';

/** A claim joined with its document's input_path, outlet, published, language and origin. */
export function claimRow(c: Row, d: Decoder): ClaimWithDocument {
  return {
    documentId: c.document_id as string,
    index: c.claim_index as number,
    start: c.start as number,
    end: c.end as number,
    text: c.text as string,
    attribution: int(c.attribution_index),
    hedged: d.bool(c.hedged) === true,
    candidate: d.bool(c.candidate) === true,
    speaker: text(c.speaker),
    anonymous: d.bool(c.anonymous),
    via: d.list(c.via),
    entityKeys: d.list(c.entity_keys),
    numbers: d.list(c.numbers),
    predicate: stems(c.predicate),
    speakerKey: text(c.speaker_key),
    proposition: object<ClaimProposition>(c.proposition),
    inputPath: text(c.input_path),
    outlet: text(c.outlet),
    published: text(c.published),
    language: c.language as string,
    origin: d.list(c.origin),
  };
}

/**
 * The order claims are read in for grouping: by their document's publication date (undated first), then document id
 * (the sha256 of its text), then claim index. A key taken from the content, not the order documents were added in
 * (`d.number`): grouping joins claims in the order it meets them (a join refused because of a conflict depends on
 * which side met the figureless claim first), so the same documents added in another order must be read in the same
 * order to give the same groups. Bytewise, so PostgreSQL under any locale orders as SQLite does.
 */
export const claimOrder = (d: SqlDialect) => `ORDER BY ${d.bytewise("coalesce(d.published, '')")}, ${d.bytewise('d.id')}, c.claim_index`;

/** Every claim's features (`claimFeaturesRow`), in `claimOrder`. */
export const claimFeaturesSql = (d: SqlDialect) =>
  `SELECT c.document_id, c.claim_index, c.start, c."end", c.entity_keys, c.numbers, c.predicate, c.speaker_key, c.proposition, d.published, d.language, d.outlet
  FROM claims c JOIN documents d ON d.id = c.document_id ${claimOrder(d)}`;

/** A claim's matching features with its document's date and language. */
export function claimFeaturesRow(c: Row, d: Decoder): ClaimFeatures {
  return {
    documentId: c.document_id as string,
    index: c.claim_index as number,
    published: text(c.published),
    language: c.language as string,
    entityKeys: d.list(c.entity_keys),
    numbers: d.list(c.numbers),
    predicate: stems(c.predicate),
    speakerKey: text(c.speaker_key),
    proposition: object<ClaimProposition>(c.proposition),
    outlet: text(c.outlet),
    title: isTitleClaim({ start: c.start as number, end: c.end as number }),
  };
}

export function nearDuplicateRow(x: Row): NearDuplicateRow {
  return { documentId: x.document_id as string, duplicateOf: x.duplicate_of as string, similarity: x.similarity as number };
}

export function sourceRow(x: Row, d: Decoder): SourceRow {
  return {
    kind: x.kind as SourceRow['kind'],
    key: x.key as string,
    name: x.name as string,
    anonymous: d.bool(x.anonymous) === true,
    count: d.count(x.count),
    documents: d.count(x.documents),
    first: text(x.first),
    last: text(x.last),
  };
}
