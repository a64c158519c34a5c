// The embedded corpus store: one SQLite file (WAL, FTS5), readable by any
// SQLite tool. Writes are one transaction per batch, so a crash loses at most
// the batch in flight and never leaves half a document.
import Database from 'better-sqlite3';
import type { Analysis } from '../doc/schema.js';
import { foldLower } from '../text/fold.js';
import { isEmptyQuery, type ParsedQuery } from './search-query.js';
import { checkSqliteSchema, migrateSqlite } from './migrations/sqlite.js';
import { SCHEMA_VERSION } from './sqlite-schema.js';
import { SqlListings, type SqlParams } from './sql-listings.js';
import { CLAIMS_WITH_DOCUMENTS, claimRow, DOCUMENT_COLUMNS, toAnalysis, type Decoder, type Row, type SqlDialect } from './store-rows.js';
import type { AddResult, ClaimKey, ClaimWithDocument, CorpusStats, CorpusStore, NearDuplicateJudge, PreparedDocument, SearchQuery } from './store.js';
import { MAX_CANDIDATES } from './minhash.js';

/** SQLite orders text by bytes already (BINARY collation); booleans are 0/1. */
const SQLITE_DIALECT: SqlDialect = {
  false: '0',
  anyTrue: (e) => `max(${e})`,
  bytewise: (e) => e,
  param: () => '?',
  coSources: `SELECT a.document_id, json_extract(e.value, '$.text') AS name, json_extract(e.value, '$.key') AS key
    FROM attributions a, json_each(a.co_sources) e WHERE a.co_sources <> '[]'`,
};

/** SQLite returns JSON as text and booleans as 0/1. */
const SQLITE: Decoder = {
  list: (v) => JSON.parse(v as string) as string[],
  bool: (v) => (v === null || v === undefined ? null : v === 1),
  time: (v) => v as string,
  count: (v) => v as number,
};

const toBlob = (sig: Uint32Array) => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
const fromBlob = (b: Buffer) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

export class SqliteStore extends SqlListings implements CorpusStore {
  readonly backend = 'sqlite';
  protected readonly decoder = SQLITE;
  protected readonly dialect = SQLITE_DIALECT;
  private readonly db: Database.Database;

  constructor(
    readonly location: string,
    private readonly options: { readOnly?: boolean } = {},
  ) {
    super();
    if (options.readOnly) {
      // Read commands: a read-only file (or one on read-only media) stays readable, and nothing is written.
      this.db = new Database(location, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('cache_size = -196608');
      this.registerFunctions();
      return;
    }
    this.db = new Database(location);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a process crash (SIGKILL); only an OS crash may lose the last ones.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // A page cache that holds the random-keyed indexes (content hashes, LSH buckets) of a 100k-document corpus.
    this.db.pragma('cache_size = -196608');
    this.registerFunctions();
  }

  /** `fold_lower(x)`: the accent- and case-free form recoupe compares names in (a speaker filter « melenchon » finds « Mélenchon »). */
  private registerFunctions(): void {
    this.db.function('fold_lower', { deterministic: true }, (x: unknown) => (typeof x === 'string' ? foldLower(x) : x));
  }

  async migrate(): Promise<void> {
    if (this.options.readOnly) {
      checkSqliteSchema(this.db, this.location);
      return;
    }
    // Opening for writing: a damaged file is refused before anything is added to it.
    const problems = this.db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0]!.quick_check !== 'ok')
      throw new Error(
        `${this.location} is damaged (PRAGMA quick_check: ${problems
          .slice(0, 3)
          .map((p) => p.quick_check)
          .join('; ')}${problems.length > 3 ? '; …' : ''}); restore it from a backup or rebuild it`,
      );
    migrateSqlite(this.db, this.location);
    this.db.prepare("INSERT OR REPLACE INTO corpus_info (name, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async hasInputs(keys: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const stmt = (this.statements ??= this.prepareWrites()).inputKnown;
    for (const k of keys) if (stmt.get(k)) found.add(k);
    return found;
  }

  async has(id: string): Promise<boolean> {
    return Boolean(this.db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck().get(id));
  }

  private statements?: ReturnType<SqliteStore['prepareWrites']>;

  /** Statements of the ingest path, prepared once. */
  private prepareWrites() {
    const db = this.db;
    return {
      document:
        db.prepare(`INSERT OR IGNORE INTO documents (id, input_path, input_line, input_format, title, outlet, published, language, url, authors, origin, word_count, text, analysis, minhash, added_at)
        VALUES (@id, @input_path, @input_line, @input_format, @title, @outlet, @published, @language, @url, @authors, @origin, @word_count, @text, @analysis, @minhash, @added_at)`),
      inputKnown: db.prepare('SELECT 1 FROM inputs WHERE input_key = ?').pluck(),
      input: db.prepare('INSERT OR IGNORE INTO inputs (input_key, document_id, input_path, input_line) VALUES (?, ?, ?, ?)'),
      entity: db.prepare('INSERT INTO entities (document_id, entity_index, start, end, text, type, subtype, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      attribution:
        db.prepare(`INSERT INTO attributions (document_id, attribution_index, kind, cue, source, source_resolved, source_anonymous, via, content, content_start, content_end, hedged, parent, source_key, co_sources)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      claim:
        db.prepare(`INSERT INTO claims (document_id, claim_index, start, end, text, attribution_index, hedged, candidate, speaker, anonymous, via, entity_keys, numbers, predicate, speaker_key, proposition)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      search: db.prepare('INSERT INTO documents_search (rowid, title, text, stems) VALUES (?, ?, ?, ?)'),
      bucket: db.prepare('INSERT OR IGNORE INTO lsh_buckets (bucket, document_number) VALUES (?, ?)'),
      candidates: db.prepare(`SELECT d.id, d.minhash, d.published FROM documents d WHERE d.number IN
        (SELECT DISTINCT document_number FROM lsh_buckets WHERE bucket IN (SELECT value FROM json_each(?)) LIMIT ${MAX_CANDIDATES})`),
      nearDuplicate: db.prepare('INSERT OR IGNORE INTO near_duplicates (document_id, duplicate_of, similarity) VALUES (?, ?, ?)'),
    };
  }

  async addBatch(docs: PreparedDocument[], judge: NearDuplicateJudge): Promise<AddResult> {
    const s = (this.statements ??= this.prepareWrites());
    const result: AddResult = { added: [], skipped: 0, nearDuplicates: 0 };
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const doc of docs) {
        const a = doc.analysis;
        const text = a.text;
        const info = s.document.run({
          id: a.id,
          input_path: a.input.path,
          input_line: a.input.line ?? null,
          input_format: a.input.format,
          title: a.meta.title,
          outlet: a.meta.outlet,
          published: a.meta.published,
          language: a.meta.language,
          url: a.meta.url ?? null,
          authors: JSON.stringify(a.meta.authors),
          origin: JSON.stringify(a.meta.origin),
          word_count: doc.wordCount,
          text,
          analysis: doc.analysisJson,
          minhash: toBlob(doc.minhash),
          added_at: now,
        });
        if (doc.inputKey) s.input.run(doc.inputKey, a.id, a.input.path, a.input.line ?? null);
        if (info.changes === 0) {
          result.skipped++;
          continue;
        }
        const number = Number(info.lastInsertRowid);
        a.entities.forEach((e, i) => s.entity.run(a.id, i, e.start, e.end, e.text, e.type, e.subtype, e.key));
        a.attributions.forEach((x, i) =>
          s.attribution.run(
            a.id,
            i,
            x.kind,
            x.cue?.text ?? null,
            x.source?.text ?? null,
            x.source?.resolved ?? null,
            x.source ? Number(x.source.anonymous) : null,
            JSON.stringify(x.via.map((v) => v.text)),
            x.content.text,
            x.content.start,
            x.content.end,
            Number(x.hedged),
            x.parent,
            x.source?.key ?? null,
            JSON.stringify(x.coSources ?? []),
          ),
        );
        for (const c of doc.claims)
          s.claim.run(
            a.id,
            c.index,
            c.start,
            c.end,
            c.text,
            c.attribution,
            Number(c.hedged),
            Number(c.candidate),
            c.speaker,
            c.anonymous === null ? null : Number(c.anonymous),
            JSON.stringify(c.via),
            JSON.stringify(c.entityKeys),
            JSON.stringify(c.numbers),
            c.predicate.join(' '),
            c.speakerKey,
            c.proposition ? JSON.stringify(c.proposition) : null,
          );
        s.search.run(number, a.meta.title ?? '', text, doc.stems);
        const candidates = (s.candidates.all(JSON.stringify(doc.bands)) as Row[]).map((r) => ({
          id: r.id as string,
          minhash: fromBlob(r.minhash as Buffer),
          published: (r.published as string | null) ?? null,
        }));
        for (const link of judge(doc, candidates)) result.nearDuplicates += s.nearDuplicate.run(link.documentId, link.duplicateOf, link.similarity).changes;
        for (const b of doc.bands) s.bucket.run(b, number);
        result.added.push(a.id);
      }
    })();
    return result;
  }

  async getDocument(id: string): Promise<Analysis | null> {
    const r = this.db.prepare('SELECT text, analysis FROM documents WHERE id = ?').get(id) as Row | undefined;
    return r ? toAnalysis(r) : null;
  }

  async *getDocuments(ids: string[]): AsyncIterable<Analysis> {
    const stmt = this.db.prepare('SELECT text, analysis FROM documents WHERE id = ?');
    for (const id of ids) {
      const r = stmt.get(id) as Row | undefined;
      if (r) yield toAnalysis(r);
    }
  }

  protected async *rows(sql: string, params: SqlParams = []): AsyncIterable<Row> {
    const stmt = this.db.prepare(sql);
    yield* (Array.isArray(params) ? stmt.iterate(...params) : stmt.iterate(params)) as IterableIterator<Row>;
  }

  protected searchSql(q: ParsedQuery, f: SearchQuery): { sql: string; params: SqlParams } {
    return searchSql(q, f);
  }

  async *claimsAt(keys: ClaimKey[]): AsyncIterable<ClaimWithDocument> {
    const stmt = this.db.prepare(`${CLAIMS_WITH_DOCUMENTS} WHERE c.document_id = ? AND c.claim_index = ?`);
    for (const k of keys) {
      const r = stmt.get(k.documentId, k.index) as Row | undefined;
      if (r) yield claimRow(r, SQLITE);
    }
  }

  async stats(): Promise<CorpusStats> {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const languages: Record<string, number> = {};
    for (const r of this.db.prepare('SELECT language, count(*) AS n FROM documents GROUP BY language').all() as Row[])
      languages[r.language as string] = r.n as number;
    const range = this.db.prepare('SELECT min(published) AS first, max(published) AS last FROM documents').get() as Row;
    return {
      documents: one('SELECT count(*) FROM documents'),
      inputs: one('SELECT count(*) FROM inputs'),
      entities: one('SELECT count(*) FROM entities'),
      attributions: one('SELECT count(*) FROM attributions'),
      // A headline's claim row spans nothing of the text (start = end = 0): counted apart, so that `claims` is what reports count.
      claims: one('SELECT count(*) FROM claims WHERE candidate = 0 AND "end" > 0'),
      titleClaims: one('SELECT count(*) FROM claims WHERE candidate = 0 AND "end" = 0'),
      candidateClaims: one('SELECT count(*) FROM claims WHERE candidate = 1'),
      nearDuplicates: one('SELECT count(*) FROM near_duplicates'),
      outlets: one('SELECT count(DISTINCT outlet) FROM documents'),
      languages,
      firstPublished: (range.first as string | null) ?? null,
      lastPublished: (range.last as string | null) ?? null,
    };
  }
}

/** Filters that compare a column with the value given. */
const VALUE_FILTERS: [keyof SearchQuery, string][] = [
  ['outlet', 'd.outlet = @outlet COLLATE NOCASE'],
  ['from', 'd.published >= @from'],
  ['to', 'd.published <= @to'],
  ['language', 'd.language = @language'],
  ['entity', 'd.id IN (SELECT document_id FROM entities WHERE key = @entity)'],
];

/** The SQL of a search: FTS5 match (when there are words) plus the filters, best first. */
function searchSql(q: ParsedQuery, f: SearchQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const fts = !isEmptyQuery(q);
  if (fts) {
    const terms = [...q.stems.map((s) => `stems : ${ftsString(s)}`), ...q.phrases.map((p) => `text : ${ftsString(p.join(' '))}`)];
    where.push('documents_search MATCH @match');
    params.match = terms.join(' AND ');
  }
  for (const [name, condition] of VALUE_FILTERS) {
    const value = f[name];
    if (value === undefined || value === '') continue;
    where.push(condition);
    params[name] = value;
  }
  if (f.speaker) {
    where.push(
      `EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND (fold_lower(a.source_resolved) LIKE @speaker ESCAPE '\\' OR fold_lower(a.source) LIKE @speaker ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM json_each(a.co_sources) e WHERE fold_lower(json_extract(e.value, '$.text')) LIKE @speaker ESCAPE '\\')))`,
    );
    params.speaker = `%${foldLower(f.speaker).replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  }
  if (f.hedged)
    where.push(
      '(EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND a.hedged = 1) OR EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.hedged = 1))',
    );
  if (f.anonymous) where.push('EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND a.source_anonymous = 1)');
  const limit = f.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(f.limit))}` : '';
  const columns = `${DOCUMENT_COLUMNS}, d.text`;
  if (fts && f.textEntity) {
    // The words' matches (ranked), or the documents that mention the entity the words name, after them.
    where[0] = '(m.rowid IS NOT NULL OR d.id IN (SELECT document_id FROM entities WHERE key = @textEntity))';
    params.textEntity = f.textEntity;
    const sql = `SELECT ${columns}, coalesce(m.rank, 0) AS rank FROM documents d
      LEFT JOIN (SELECT rowid, rank FROM documents_search WHERE documents_search MATCH @match) m ON m.rowid = d.number
      WHERE ${where.join(' AND ')} ORDER BY rank, d.number${limit}`;
    return { sql, params };
  }
  if (fts && where.length === 1 && limit) {
    // First page without filters: let FTS5 rank and cut before joining (no join for the thousands of other matches).
    const sql = `SELECT ${columns}, m.rank FROM (SELECT rowid, rank FROM documents_search WHERE documents_search MATCH @match ORDER BY rank${limit}) m
      JOIN documents d ON d.number = m.rowid ORDER BY m.rank`;
    return { sql, params };
  }
  const from = fts ? 'documents_search JOIN documents d ON d.number = documents_search.rowid' : 'documents d';
  const sql = `SELECT ${columns}, ${fts ? 'documents_search.rank' : '0'} AS rank FROM ${from}
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${fts ? 'rank' : 'd.published DESC, d.number'}${limit}`;
  return { sql, params };
}
