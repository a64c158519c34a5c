// What the SQLite and PostgreSQL stores answer the same way: the listings and
// the search, each one query whose rows a backend's `Decoder` turns into the
// store's row types. A backend says how it runs a query (`rows`), how values
// come back (`decoder`), how its SQL differs (`dialect`) and the SQL of a search.
import { DEFAULT_LANGUAGE } from '../lang/resources.js';
import { asksNothing, parseQuery, snippet, type ParsedQuery } from './search-query.js';
import {
  attributionRow,
  CLAIMS_WITH_DOCUMENTS,
  claimFeaturesRow,
  claimFeaturesSql,
  claimOrder,
  claimRow,
  DOCUMENT_COLUMNS,
  documentRow,
  entityRow,
  nearDuplicateRow,
  sourceRow,
  sourcesSql,
  type Decoder,
  type Row,
  type SqlDialect,
} from './store-rows.js';
import type { AttributionRow, ClaimFeatures, ClaimWithDocument, DocumentRow, EntityRow, NearDuplicateRow, SearchHit, SearchQuery, SourceRow } from './store.js';

/** Positional (`?`, `$1`) or named (`@name`, SQLite only) query parameters. */
export type SqlParams = unknown[] | Record<string, unknown>;

export abstract class SqlListings {
  protected abstract readonly decoder: Decoder;
  protected abstract readonly dialect: SqlDialect;
  /** The rows of a query, streamed in order. */
  protected abstract rows(sql: string, params?: SqlParams): AsyncIterable<Row>;
  /** The SQL of a search (each backend has its own full-text index): document columns, `text` and `rank`. */
  protected abstract searchSql(q: ParsedQuery, f: SearchQuery): { sql: string; params: SqlParams };

  async *documents(): AsyncIterable<DocumentRow> {
    for await (const r of this.rows(`SELECT ${DOCUMENT_COLUMNS} FROM documents d ORDER BY d.number`)) yield documentRow(r, this.decoder);
  }

  async *search(query: SearchQuery): AsyncIterable<SearchHit> {
    const parsed = parseQuery(query.text, query.language ?? DEFAULT_LANGUAGE);
    // Text with no word in it ("(", "*") matches nothing; it is not a listing of the whole corpus.
    if (asksNothing(query.text, parsed)) return;
    const { sql, params } = this.searchSql(parsed, query);
    for await (const r of this.rows(sql, params))
      yield { ...documentRow(r, this.decoder), rank: Number(r.rank ?? 0), snippet: snippet(r.text as string, parsed, r.language as string) };
  }

  async *entities(filter: { subtype?: string } = {}): AsyncIterable<EntityRow> {
    const rows =
      filter.subtype === undefined
        ? this.rows('SELECT * FROM entities ORDER BY document_id, entity_index')
        : this.rows(`SELECT * FROM entities WHERE subtype = ${this.dialect.param(1)} ORDER BY document_id, entity_index`, [filter.subtype]);
    for await (const r of rows) yield entityRow(r);
  }

  async *attributions(): AsyncIterable<AttributionRow> {
    for await (const r of this.rows('SELECT * FROM attributions ORDER BY document_id, attribution_index')) yield attributionRow(r, this.decoder);
  }

  async *claims(): AsyncIterable<ClaimWithDocument> {
    for await (const r of this.rows(`${CLAIMS_WITH_DOCUMENTS} ${claimOrder(this.dialect)}`)) yield claimRow(r, this.decoder);
  }

  async *claimFeatures(): AsyncIterable<ClaimFeatures> {
    for await (const r of this.rows(claimFeaturesSql(this.dialect))) yield claimFeaturesRow(r, this.decoder);
  }

  async *nearDuplicates(): AsyncIterable<NearDuplicateRow> {
    for await (const r of this.rows('SELECT * FROM near_duplicates ORDER BY duplicate_of, document_id')) yield nearDuplicateRow(r);
  }

  async *sources(): AsyncIterable<SourceRow> {
    for (const sql of sourcesSql(this.dialect)) for await (const r of this.rows(sql)) yield sourceRow(r, this.decoder);
  }
}
