// The SQLite schema of a corpus file (documented for users in docs/corpus-schema.md:
// keep both in step). Tables and columns are named for the people who query
// them with sqlite3 or Datasette; JSON columns hold arrays (use json_each).
// Layer tables are rowid tables (rows append in insertion order) with an index
// by document: keying them by the random content hash would scatter every
// insert across the whole table once it outgrows the page cache.
export const SCHEMA_VERSION = 3;

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS corpus_info (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  number       INTEGER PRIMARY KEY,      -- stable row number (the full-text index's rowid)
  id           TEXT NOT NULL UNIQUE,     -- sha256 of the clean text (recoupe/analysis@1 id)
  input_path   TEXT,
  input_line   INTEGER,
  input_format TEXT NOT NULL,
  title        TEXT,
  outlet       TEXT,
  published    TEXT,                     -- YYYY-MM-DD or NULL
  language     TEXT NOT NULL,
  url          TEXT,
  authors      TEXT NOT NULL,            -- JSON array
  origin       TEXT NOT NULL,            -- JSON array: outlets it says it was taken or translated from
  word_count   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  analysis     TEXT NOT NULL,            -- the full analysis JSON, without "text" and "tokens"
  minhash      BLOB NOT NULL,            -- MinHash signature (little-endian uint32 values)
  added_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_by_outlet ON documents(outlet);
CREATE INDEX IF NOT EXISTS documents_by_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_by_language ON documents(language);

CREATE TABLE IF NOT EXISTS inputs (
  input_key   TEXT PRIMARY KEY,          -- sha256 of input path, line and raw content
  document_id TEXT NOT NULL,
  input_path  TEXT,
  input_line  INTEGER
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
  document_id  TEXT NOT NULL,
  entity_index INTEGER NOT NULL,
  start        INTEGER NOT NULL,
  end          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  type         TEXT NOT NULL,
  subtype      TEXT,
  key          TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS entities_by_document ON entities(document_id, entity_index);
CREATE INDEX IF NOT EXISTS entities_by_key ON entities(key);

CREATE TABLE IF NOT EXISTS attributions (
  document_id       TEXT NOT NULL,
  attribution_index INTEGER NOT NULL,
  kind              TEXT NOT NULL,
  cue               TEXT,
  source            TEXT,
  source_resolved   TEXT,
  source_anonymous  INTEGER,
  via               TEXT NOT NULL,       -- JSON array of intermediaries
  content           TEXT NOT NULL,
  content_start     INTEGER NOT NULL,
  content_end       INTEGER NOT NULL,
  hedged            INTEGER NOT NULL,
  parent            INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS attributions_by_document ON attributions(document_id, attribution_index);
CREATE INDEX IF NOT EXISTS attributions_by_speaker ON attributions(coalesce(source_resolved, source) COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS claims (
  document_id       TEXT NOT NULL,
  claim_index       INTEGER NOT NULL,
  start             INTEGER NOT NULL,
  end               INTEGER NOT NULL,
  text              TEXT NOT NULL,
  attribution_index INTEGER,
  hedged            INTEGER NOT NULL,
  candidate         INTEGER NOT NULL,    -- 1: a sentence taken as a candidate claim (no claims layer)
  speaker           TEXT,
  anonymous         INTEGER,
  via               TEXT NOT NULL,       -- JSON array, outermost first
  entity_keys       TEXT NOT NULL,       -- JSON array
  numbers           TEXT NOT NULL,       -- JSON array
  predicate         TEXT NOT NULL       -- space-separated stems of the content words
);
CREATE UNIQUE INDEX IF NOT EXISTS claims_by_document ON claims(document_id, claim_index);

CREATE TABLE IF NOT EXISTS lsh_buckets (
  bucket          INTEGER NOT NULL,      -- band number * 2^32 + hash of the band's MinHash values
  document_number INTEGER NOT NULL,
  PRIMARY KEY (bucket, document_number)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS near_duplicates (
  document_id  TEXT NOT NULL,            -- the later copy
  duplicate_of TEXT NOT NULL,            -- the earlier copy
  similarity   REAL NOT NULL,            -- estimated Jaccard similarity of word 3-shingles
  PRIMARY KEY (document_id, duplicate_of)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS near_duplicates_by_original ON near_duplicates(duplicate_of);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_search USING fts5(
  title, text, stems,
  content='',
  tokenize='unicode61 remove_diacritics 2'
);
`;

/**
 * Version 2: sources as actors and claims as propositions (docs/claims.md).
 * Rows stored before it have NULL there; readers fall back to the names.
 */
export const SQLITE_V2 = `
ALTER TABLE attributions ADD COLUMN source_key TEXT;   -- the actor behind the source (entity key, role:…, anon:<document>:…); NULL for a pronoun with no referent
ALTER TABLE claims ADD COLUMN speaker_key TEXT;        -- the source key of the claim's speaker
ALTER TABLE claims ADD COLUMN proposition TEXT;        -- JSON: predicate stems, negation, figures, arguments, time, intermediaries' keys
CREATE INDEX IF NOT EXISTS attributions_by_source_key ON attributions(source_key);
`;

/**
 * Version 3: an attribution's co-sources (« selon Mediapart et Le Monde »: Le Monde), the analysis' `coSources`
 * as written (span, text, key, rule). Rows stored before it are filled from the stored analysis JSON, which holds
 * them when the document was analysed by a recoupe that splits coordinated speakers.
 */
export const SQLITE_V3 = `
ALTER TABLE attributions ADD COLUMN co_sources TEXT NOT NULL DEFAULT '[]';  -- JSON array of the speakers coordinated with the source: {start, end, text, key, rule}
UPDATE attributions SET co_sources = x.co_sources FROM (
  SELECT d.id AS document_id, CAST(j.key AS INTEGER) AS attribution_index, json_extract(j.value, '$.coSources') AS co_sources
  FROM documents d, json_each(d.analysis, '$.attributions') j
  WHERE instr(d.analysis, '"coSources"') > 0 AND json_type(j.value, '$.coSources') = 'array'
) x WHERE attributions.document_id = x.document_id AND attributions.attribution_index = x.attribution_index;
`;
