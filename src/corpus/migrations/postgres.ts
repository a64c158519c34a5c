// PostgreSQL migrations (the shared corpus). Same tables and columns as the
// SQLite schema (src/corpus/sqlite-schema.ts) so the same SQL questions work on
// both, with native types: jsonb arrays, booleans, bytea, timestamptz.
// Full text: `search_stems` indexes the words stemmed with the language's
// Snowball stemmer (the algorithm of PostgreSQL's own 'french' configuration)
// and accent-folded, computed by recoupe itself so that both backends find
// exactly the same documents; `search_words` holds the folded words in order
// for "quoted phrases". Both use the 'simple' configuration (no second stemming).
import type { PoolClient } from 'pg';
import { MIGRATIONS_TABLE, pendingMigrations, type Migration } from './migration.js';

const V1 = `
CREATE TABLE IF NOT EXISTS documents (
  number       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           text NOT NULL UNIQUE,          -- sha256 of the clean text (recoupe/analysis@1 id)
  input_path   text,
  input_line   integer,
  input_format text NOT NULL,
  title        text,
  outlet       text,
  published    text,                          -- YYYY-MM-DD or NULL
  language     text NOT NULL,
  url          text,
  authors      jsonb NOT NULL,
  origin       jsonb NOT NULL,                -- outlets it says it was taken or translated from
  word_count   integer NOT NULL,
  text         text NOT NULL,
  analysis     json NOT NULL,                 -- the analysis without "text" and "tokens" (json keeps key order)
  minhash      bytea NOT NULL,                -- MinHash signature (little-endian uint32 values)
  added_at     timestamptz NOT NULL,
  search_stems tsvector NOT NULL,
  search_words tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_outlet ON documents (lower(outlet));
CREATE INDEX IF NOT EXISTS documents_by_published ON documents (published);
CREATE INDEX IF NOT EXISTS documents_by_language ON documents (language);
CREATE INDEX IF NOT EXISTS documents_search_stems ON documents USING gin (search_stems);
CREATE INDEX IF NOT EXISTS documents_search_words ON documents USING gin (search_words);

CREATE TABLE IF NOT EXISTS inputs (
  input_key   text PRIMARY KEY,               -- sha256 of input path, line and raw content
  document_id text NOT NULL,
  input_path  text,
  input_line  integer
);

CREATE TABLE IF NOT EXISTS entities (
  document_id  text NOT NULL,
  entity_index integer NOT NULL,
  start        integer NOT NULL,
  "end"        integer NOT NULL,
  text         text NOT NULL,
  type         text NOT NULL,
  subtype      text,
  key          text NOT NULL,
  PRIMARY KEY (document_id, entity_index)
);
CREATE INDEX IF NOT EXISTS entities_by_key ON entities (key);

CREATE TABLE IF NOT EXISTS attributions (
  document_id       text NOT NULL,
  attribution_index integer NOT NULL,
  kind              text NOT NULL,
  cue               text,
  source            text,
  source_resolved   text,
  source_anonymous  boolean,
  via               jsonb NOT NULL,           -- intermediaries
  content           text NOT NULL,
  content_start     integer NOT NULL,
  content_end       integer NOT NULL,
  hedged            boolean NOT NULL,
  parent            integer,
  PRIMARY KEY (document_id, attribution_index)
);
CREATE INDEX IF NOT EXISTS attributions_by_speaker ON attributions (lower(coalesce(source_resolved, source)));

CREATE TABLE IF NOT EXISTS claims (
  document_id       text NOT NULL,
  claim_index       integer NOT NULL,
  start             integer NOT NULL,
  "end"             integer NOT NULL,
  text              text NOT NULL,
  attribution_index integer,
  hedged            boolean NOT NULL,
  candidate         boolean NOT NULL,         -- a sentence taken as a candidate claim (no claims layer)
  speaker           text,
  anonymous         boolean,
  via               jsonb NOT NULL,           -- outermost first
  entity_keys       jsonb NOT NULL,
  numbers           jsonb NOT NULL,
  predicate         text NOT NULL,            -- space-separated stems of the content words
  PRIMARY KEY (document_id, claim_index)
);

CREATE TABLE IF NOT EXISTS lsh_buckets (
  bucket          bigint NOT NULL,            -- band number * 2^32 + hash of the band's MinHash values
  document_number bigint NOT NULL,
  PRIMARY KEY (bucket, document_number)
);

CREATE TABLE IF NOT EXISTS near_duplicates (
  document_id  text NOT NULL,                 -- the later copy
  duplicate_of text NOT NULL,                 -- the earlier copy
  similarity   real NOT NULL,                 -- estimated Jaccard similarity of word 3-shingles
  PRIMARY KEY (document_id, duplicate_of)
);
CREATE INDEX IF NOT EXISTS near_duplicates_by_original ON near_duplicates (duplicate_of);
`;

/** Version 2: sources as actors and claims as propositions (see src/corpus/sqlite-schema.ts). */
const V2 = `
ALTER TABLE attributions ADD COLUMN IF NOT EXISTS source_key text;
ALTER TABLE claims ADD COLUMN IF NOT EXISTS speaker_key text;
ALTER TABLE claims ADD COLUMN IF NOT EXISTS proposition jsonb;
CREATE INDEX IF NOT EXISTS attributions_by_source_key ON attributions (source_key);
`;

/** Version 3: co-sources of attributions, filled from the stored analysis (see src/corpus/sqlite-schema.ts). */
const V3 = `
ALTER TABLE attributions ADD COLUMN IF NOT EXISTS co_sources jsonb NOT NULL DEFAULT '[]';
UPDATE attributions a SET co_sources = x.co_sources FROM (
  SELECT d.id AS document_id, (j.n - 1)::integer AS attribution_index, (j.value -> 'coSources')::jsonb AS co_sources
  FROM documents d, json_array_elements(d.analysis -> 'attributions') WITH ORDINALITY AS j(value, n)
  WHERE strpos(d.analysis::text, '"coSources"') > 0 AND json_typeof(j.value -> 'coSources') = 'array'
) x WHERE a.document_id = x.document_id AND a.attribution_index = x.attribution_index;
`;

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'corpus schema', sql: V1 },
  { version: 2, name: 'source keys and claim propositions', sql: V2 },
  { version: 3, name: 'co-sources of attributions', sql: V3 },
];

/** Key of the advisory lock that serialises migrations (many workers may start at once). */
const MIGRATION_LOCK = 0x7265636f; // "reco"

export async function migratePostgres(client: PoolClient, location: string, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`);
    for (const m of pendingMigrations(
      migrations,
      rows.map((r) => r.version),
      location,
    )) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
