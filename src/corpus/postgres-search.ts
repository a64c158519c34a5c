// The SQL of a corpus search on PostgreSQL: the same query language and filters
// as the SQLite store (src/corpus/search-query.ts parses the query once for
// both). Words match `search_stems`, "quoted phrases" match `search_words` in
// order; both columns were built by recoupe's own stemmer and folding.
import { foldLower } from '../text/fold.js';
import { isEmptyQuery, type ParsedQuery } from './search-query.js';
import { DOCUMENT_COLUMNS } from './store-rows.js';
import type { SearchQuery } from './store.js';

export function searchSql(q: ParsedQuery, f: SearchQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const fts = !isEmptyQuery(q);
  let rank = '0';
  if (fts) {
    // plainto/phraseto_tsquery with 'simple' split the words exactly as to_tsvector('simple', …) did at ingest.
    const stems = q.stems.length ? `plainto_tsquery('simple', ${param(q.stems.join(' '))})` : null;
    const phrases = q.phrases.map((p) => `phraseto_tsquery('simple', ${param(p.join(' '))})`);
    const text = [...(stems ? [`d.search_stems @@ ${stems}`] : []), ...phrases.map((p) => `d.search_words @@ ${p}`)].join(' AND ');
    where.push(f.textEntity ? `((${text}) OR d.id IN (SELECT document_id FROM entities WHERE key = ${param(f.textEntity)}))` : text);
    // Lower is better, like FTS5's bm25: ts_rank normalised by document length (flag 1).
    rank = stems ? `-ts_rank(d.search_stems, ${stems}, 1)` : `-ts_rank(d.search_words, ${phrases[0]}, 1)`;
  }
  if (f.outlet) where.push(`lower(d.outlet) = lower(${param(f.outlet)})`);
  if (f.from) where.push(`d.published >= ${param(f.from)}`);
  if (f.to) where.push(`d.published <= ${param(f.to)}`);
  if (f.language) where.push(`d.language = ${param(f.language)}`);
  if (f.entity) where.push(`d.id IN (SELECT document_id FROM entities WHERE key = ${param(f.entity)})`);
  if (f.speaker) {
    // Accents and case ignored on both sides (« melenchon » finds « Mélenchon »): NFD, then the combining diacritics
    // (U+0300–U+036F, every Latin-script accent) dropped, as `foldLower` does on the query.
    const like = param(`%${foldLower(f.speaker).replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    const folded = (x: string) => `regexp_replace(normalize(lower(${x}), NFD), '[\\u0300-\\u036f]', '', 'g')`;
    where.push(`EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND (${folded('a.source_resolved')} LIKE ${like} OR ${folded('a.source')} LIKE ${like}
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.co_sources) e WHERE ${folded("e ->> 'text'")} LIKE ${like})))`);
  }
  if (f.hedged)
    where.push(
      '(EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND a.hedged) OR EXISTS (SELECT 1 FROM claims c WHERE c.document_id = d.id AND c.hedged))',
    );
  if (f.anonymous) where.push('EXISTS (SELECT 1 FROM attributions a WHERE a.document_id = d.id AND a.source_anonymous)');
  const order = fts ? 'rank, d.number' : 'd.published DESC NULLS LAST, d.number';
  const limit = f.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(f.limit))}` : '';
  const sql = `SELECT ${DOCUMENT_COLUMNS}, d.text, ${rank} AS rank FROM documents d
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}${limit}`;
  return { sql, params };
}
