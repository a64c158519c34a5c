// The shared corpus store: one PostgreSQL database that any number of
// `recoupe worker` processes on any number of machines write to at once.
// Same interface and answers as the SQLite store. A batch is one transaction;
// documents are keyed by content hash (INSERT … ON CONFLICT DO NOTHING), so a
// job retried after a crash never stores anything twice.
import pg from 'pg';
import type { Analysis } from '../doc/schema.js';
import { migratePostgres } from './migrations/postgres.js';
import { isConnectionError, reconnectPolicy, withReconnect } from './pg-reconnect.js';
import { searchSql } from './postgres-search.js';
import { insertDocument } from './postgres-write.js';
import type { ParsedQuery } from './search-query.js';
import { SqlListings, type SqlParams } from './sql-listings.js';
import { CLAIMS_WITH_DOCUMENTS, claimRow, toAnalysis, type Decoder, type Row, type SqlDialect } from './store-rows.js';
import type { AddResult, ClaimKey, ClaimWithDocument, CorpusStats, CorpusStore, NearDuplicateJudge, PreparedDocument, SearchQuery } from './store.js';
import { MAX_CANDIDATES } from './minhash.js';

/** Rows fetched per round trip when streaming a listing through a cursor. */
const CURSOR_PAGE = 1000;
/** Deadlock and serialization failures: the batch is retried whole (it was rolled back). */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;
/** How long opening waits for an unreachable server. */
const OPEN_WAIT_MS = 5_000;
/** First key of the advisory locks on LSH buckets (two-int keys never collide with pg-boss's bigint ones). */
const BUCKET_LOCK_SPACE = 0x52430000;

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** node-postgres parses jsonb and booleans, returns timestamps as Date and bigint counts as text. */
const POSTGRES: Decoder = {
  list: (v) => v as string[],
  bool: (v) => (v as boolean | null) ?? null,
  time: (v) => (v as Date).toISOString(),
  count: (v) => Number(v),
};

/** COLLATE "C": names in the same byte order as SQLite's, whatever the server's locale. */
const POSTGRES_DIALECT: SqlDialect = {
  false: 'false',
  anyTrue: (e) => `bool_or(${e})`,
  bytewise: (e) => `${e} COLLATE "C"`,
  param: (n) => `$${n}`,
  coSources: `SELECT a.document_id, e ->> 'text' AS name, e ->> 'key' AS key
    FROM attributions a, jsonb_array_elements(a.co_sources) e WHERE a.co_sources <> '[]'::jsonb`,
};

const fromBytea = (b: Buffer) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export class PostgresStore extends SqlListings implements CorpusStore {
  readonly backend = 'postgres';
  protected readonly decoder = POSTGRES;
  protected readonly dialect = POSTGRES_DIALECT;
  readonly location: string;
  private readonly pool: pg.Pool;

  constructor(url: string) {
    super();
    this.location = redactUrl(url);
    this.pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'recoupe' });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
  }

  private readonly guarded = new WeakSet<pg.PoolClient>();
  private readonly policy = reconnectPolicy();

  /** One query on any pooled connection, retried through a server restart (see pg-reconnect.ts). */
  private query<R extends pg.QueryResultRow = Row>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    return withReconnect(this.location, () => this.pool.query<R>(sql, params), this.policy);
  }

  /**
   * `work` on one checked-out connection, retried whole on a new connection when the
   * connection is lost (the transaction it held was rolled back by the server).
   */
  private withClient<T>(work: (client: pg.PoolClient) => Promise<T>, policy = this.policy): Promise<T> {
    return withReconnect(
      this.location,
      async () => {
        const client = await this.checkout();
        let failure: unknown;
        try {
          return await work(client);
        } catch (e) {
          failure = e;
          throw e;
        } finally {
          // A connection that failed is destroyed, never handed out again.
          client.release(isConnectionError(failure) ? (failure as Error) : undefined);
        }
      },
      policy,
    );
  }

  /**
   * A pooled client that survives a server restart while checked out: its 'error' event (otherwise unhandled,
   * killing the process with a stack trace) is absorbed, and the failure reaches the caller as the next query's
   * rejection, reported as one line.
   */
  private async checkout(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    if (!this.guarded.has(client)) {
      this.guarded.add(client);
      client.on('error', () => {});
    }
    return client;
  }

  /** Opening: a server that is restarting is waited for a few seconds only (a wrong URL should not hang for minutes). */
  async migrate(): Promise<void> {
    await this.withClient((client) => migratePostgres(client, this.location), {
      ...this.policy,
      maxWaitMs: Math.min(this.policy.maxWaitMs, OPEN_WAIT_MS),
      opening: true,
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async hasInputs(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await this.query<{ input_key: string }>('SELECT input_key FROM inputs WHERE input_key = ANY($1::text[])', [keys]);
    return new Set(rows.map((r) => r.input_key));
  }

  async has(id: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM documents WHERE id = $1', [id])).rowCount! > 0;
  }

  async addBatch(docs: PreparedDocument[], judge: NearDuplicateJudge): Promise<AddResult> {
    return this.withClient(async (client) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN');
          const result = await this.writeBatch(client, docs, judge);
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
        }
      }
    });
  }

  private async writeBatch(client: pg.PoolClient, docs: PreparedDocument[], judge: NearDuplicateJudge): Promise<AddResult> {
    const result: AddResult = { added: [], skipped: 0, nearDuplicates: 0 };
    await lockBuckets(client, docs);
    const now = new Date();
    for (const doc of docs) {
      const number = await insertDocument(client, doc, now);
      if (number === null) {
        result.skipped++;
        continue;
      }
      const candidates = await client.query<Row>(
        `SELECT d.id, d.minhash, d.published FROM documents d WHERE d.number IN
           (SELECT DISTINCT document_number FROM lsh_buckets WHERE bucket = ANY($1::bigint[]) AND document_number <> $2 LIMIT ${MAX_CANDIDATES})`,
        [doc.bands, number],
      );
      const links = judge(
        doc,
        candidates.rows.map((r) => ({ id: r.id as string, minhash: fromBytea(r.minhash as Buffer), published: (r.published as string | null) ?? null })),
      );
      if (links.length) {
        const r = await client.query(
          'INSERT INTO near_duplicates (document_id, duplicate_of, similarity) SELECT * FROM unnest($1::text[], $2::text[], $3::real[]) ON CONFLICT DO NOTHING',
          [links.map((l) => l.documentId), links.map((l) => l.duplicateOf), links.map((l) => l.similarity)],
        );
        result.nearDuplicates += r.rowCount ?? 0;
      }
      result.added.push(doc.analysis.id);
    }
    return result;
  }

  async getDocument(id: string): Promise<Analysis | null> {
    const { rows } = await this.query<Row>('SELECT text, analysis FROM documents WHERE id = $1', [id]);
    return rows[0] ? toAnalysis(rows[0]) : null;
  }

  async *getDocuments(ids: string[]): AsyncIterable<Analysis> {
    for (const id of ids) {
      const a = await this.getDocument(id);
      if (a) yield a;
    }
  }

  protected searchSql(q: ParsedQuery, f: SearchQuery): { sql: string; params: SqlParams } {
    return searchSql(q, f);
  }

  async *claimsAt(keys: ClaimKey[]): AsyncIterable<ClaimWithDocument> {
    if (keys.length === 0) return;
    const sql = `${CLAIMS_WITH_DOCUMENTS} JOIN unnest($1::text[], $2::int[]) AS k(document_id, claim_index) ON c.document_id = k.document_id AND c.claim_index = k.claim_index`;
    const { rows } = await this.query<Row>(sql, [keys.map((k) => k.documentId), keys.map((k) => k.index)]);
    for (const r of rows) yield claimRow(r, POSTGRES);
  }

  async stats(): Promise<CorpusStats> {
    const { rows } = await this.query<Row>(`SELECT
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM inputs) AS inputs,
      (SELECT count(*) FROM entities) AS entities,
      (SELECT count(*) FROM attributions) AS attributions,
      (SELECT count(*) FROM claims WHERE NOT candidate AND "end" > 0) AS claims,
      (SELECT count(*) FROM claims WHERE NOT candidate AND "end" = 0) AS title_claims,
      (SELECT count(*) FROM claims WHERE candidate) AS candidate_claims,
      (SELECT count(*) FROM near_duplicates) AS near_duplicates,
      (SELECT count(DISTINCT outlet) FROM documents) AS outlets,
      (SELECT min(published) FROM documents) AS first,
      (SELECT max(published) FROM documents) AS last`);
    const languages: Record<string, number> = {};
    for (const r of (await this.query<Row>('SELECT language, count(*) AS n FROM documents GROUP BY language')).rows)
      languages[r.language as string] = Number(r.n);
    const s = rows[0]!;
    return {
      documents: Number(s.documents),
      inputs: Number(s.inputs),
      entities: Number(s.entities),
      attributions: Number(s.attributions),
      claims: Number(s.claims),
      titleClaims: Number(s.title_claims),
      candidateClaims: Number(s.candidate_claims),
      nearDuplicates: Number(s.near_duplicates),
      outlets: Number(s.outlets),
      languages,
      firstPublished: (s.first as string | null) ?? null,
      lastPublished: (s.last as string | null) ?? null,
    };
  }

  /** Rows of a query through a server-side cursor: exports of any size in flat memory. */
  protected async *rows(sql: string, params: SqlParams = []): AsyncGenerator<Row> {
    if (!Array.isArray(params)) throw new Error('PostgreSQL queries take positional parameters');
    // Opening the cursor and its first page are retried through a restart; once rows have been
    // yielded a lost connection cannot be resumed transparently and fails the listing.
    const { client, first } = await withReconnect(
      this.location,
      async () => {
        const client = await this.checkout();
        try {
          await client.query('BEGIN READ ONLY');
          await client.query(`DECLARE recoupe_rows NO SCROLL CURSOR FOR ${sql}`, params);
          return { client, first: (await client.query<Row>(`FETCH ${CURSOR_PAGE} FROM recoupe_rows`)).rows };
        } catch (e) {
          client.release(isConnectionError(e) ? (e as Error) : undefined);
          throw e;
        }
      },
      this.policy,
    );
    let failure: unknown;
    try {
      let rows = first;
      for (;;) {
        yield* rows;
        if (rows.length < CURSOR_PAGE) break;
        rows = (await client.query<Row>(`FETCH ${CURSOR_PAGE} FROM recoupe_rows`)).rows;
      }
    } catch (e) {
      failure = e;
      throw e;
    } finally {
      if (!failure) await client.query('COMMIT').catch(() => {});
      client.release(isConnectionError(failure) ? (failure as Error) : undefined);
    }
  }
}

/**
 * Lock the LSH buckets of a batch until commit, all at once and in sorted
 * order so that writers never deadlock: two workers adding near-identical
 * articles at the same moment then see each other and the link is made. Two
 * batches holding the same document share all its buckets, so the second waits
 * here, before inserting anything, and then skips it.
 */
async function lockBuckets(client: pg.PoolClient, docs: PreparedDocument[]): Promise<void> {
  const buckets = [...new Set(docs.flatMap((d) => d.bands))].sort((a, b) => a - b);
  await client.query(
    `SELECT count(pg_advisory_xact_lock(${BUCKET_LOCK_SPACE} + band, hash)) FROM
       (SELECT band, hash FROM unnest($1::int[], $2::int[]) AS t(band, hash) ORDER BY band, hash) ordered`,
    [buckets.map((b) => Math.floor(b / 2 ** 32)), buckets.map((b) => (b % 2 ** 32) | 0)],
  );
}
