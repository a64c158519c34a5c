// Writing one prepared document to PostgreSQL in one statement: the document,
// its input key, its layers and its LSH buckets, chained with data-modifying
// CTEs. Round trips, not the database's work, dominate the cost of a write (a
// worker stores while other processes compete for the cores), so one
// statement per document instead of seven. The layers are written only when
// the document row was new (`ON CONFLICT DO NOTHING` returned its number).
import type pg from 'pg';
import type { PreparedDocument } from './store.js';
import { fold } from '../text/fold.js';
import { words } from '../lang/stems.js';

const json = (v: unknown) => JSON.stringify(v);
const foldedWords = (text: string) => Array.from(words(text), (w) => fold(w.word)).join(' ');

/** The columns of `rows` as parallel arrays, for `unnest($n::type[], …)`. */
function columns<T>(rows: readonly T[], fields: ((x: T, i: number) => unknown)[]): unknown[][] {
  return fields.map((f) => rows.map(f));
}

const SQL = `
WITH doc AS (
  INSERT INTO documents (id, input_path, input_line, input_format, title, outlet, published, language, url, authors, origin, word_count, text, analysis, minhash, added_at, search_stems, search_words)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, to_tsvector('simple', $17), to_tsvector('simple', $18))
  ON CONFLICT (id) DO NOTHING RETURNING number
), input AS (
  INSERT INTO inputs (input_key, document_id, input_path, input_line)
  SELECT $19, $1, $2, $3 WHERE $19::text IS NOT NULL ON CONFLICT DO NOTHING
), entity AS (
  INSERT INTO entities SELECT $1, t.* FROM unnest($20::int[], $21::int[], $22::int[], $23::text[], $24::text[], $25::text[], $26::text[]) AS t
  WHERE EXISTS (SELECT 1 FROM doc)
), attribution AS (
  INSERT INTO attributions (document_id, attribution_index, kind, cue, source, source_resolved, source_anonymous, via, content, content_start, content_end, hedged, parent, source_key, co_sources)
  SELECT $1, i, kind, cue, source, resolved, anonymous, via::jsonb, content, cs, ce, hedged, parent, skey, co::jsonb
  FROM unnest($27::int[], $28::text[], $29::text[], $30::text[], $31::text[], $32::boolean[], $33::text[], $34::text[], $35::int[], $36::int[], $37::boolean[], $38::int[], $53::text[], $56::text[])
    AS t(i, kind, cue, source, resolved, anonymous, via, content, cs, ce, hedged, parent, skey, co)
  WHERE EXISTS (SELECT 1 FROM doc)
), claim AS (
  INSERT INTO claims (document_id, claim_index, start, "end", text, attribution_index, hedged, candidate, speaker, anonymous, via, entity_keys, numbers, predicate, speaker_key, proposition)
  SELECT $1, i, s, e, text, attribution, hedged, candidate, speaker, anonymous, via::jsonb, entity_keys::jsonb, numbers::jsonb, predicate, skey, prop::jsonb
  FROM unnest($39::int[], $40::int[], $41::int[], $42::text[], $43::int[], $44::boolean[], $45::boolean[], $46::text[], $47::boolean[], $48::text[], $49::text[], $50::text[], $51::text[], $54::text[], $55::text[])
    AS t(i, s, e, text, attribution, hedged, candidate, speaker, anonymous, via, entity_keys, numbers, predicate, skey, prop)
  WHERE EXISTS (SELECT 1 FROM doc)
), bucket AS (
  INSERT INTO lsh_buckets (bucket, document_number) SELECT b, doc.number FROM doc, unnest($52::bigint[]) AS b ON CONFLICT DO NOTHING
)
SELECT number FROM doc`;

/** Insert the document; its row number, or null when a document with the same id was already stored. */
export async function insertDocument(client: pg.PoolClient, doc: PreparedDocument, now: Date): Promise<string | null> {
  const a = doc.analysis;
  const text = a.text;
  const params = [
    a.id,
    a.input.path,
    a.input.line ?? null,
    a.input.format,
    a.meta.title,
    a.meta.outlet,
    a.meta.published,
    a.meta.language,
    a.meta.url ?? null,
    json(a.meta.authors),
    json(a.meta.origin),
    doc.wordCount,
    text,
    doc.analysisJson,
    Buffer.from(doc.minhash.buffer, doc.minhash.byteOffset, doc.minhash.byteLength),
    now,
    doc.stems,
    foldedWords(`${a.meta.title ?? ''}\n${text}`),
    doc.inputKey,
    ...columns(a.entities, [(_, i) => i, (e) => e.start, (e) => e.end, (e) => e.text, (e) => e.type, (e) => e.subtype, (e) => e.key]),
    ...columns(a.attributions, [
      (_, i) => i,
      (x) => x.kind,
      (x) => x.cue?.text ?? null,
      (x) => x.source?.text ?? null,
      (x) => x.source?.resolved ?? null,
      (x) => (x.source ? x.source.anonymous : null),
      (x) => json(x.via.map((v) => v.text)),
      (x) => x.content.text,
      (x) => x.content.start,
      (x) => x.content.end,
      (x) => x.hedged,
      (x) => x.parent,
    ]),
    ...columns(doc.claims, [
      (c) => c.index,
      (c) => c.start,
      (c) => c.end,
      (c) => c.text,
      (c) => c.attribution,
      (c) => c.hedged,
      (c) => c.candidate,
      (c) => c.speaker,
      (c) => c.anonymous,
      (c) => json(c.via),
      (c) => json(c.entityKeys),
      (c) => json(c.numbers),
      (c) => c.predicate.join(' '),
    ]),
    doc.bands,
    a.attributions.map((x) => x.source?.key ?? null),
    ...columns(doc.claims, [(c) => c.speakerKey, (c) => (c.proposition ? json(c.proposition) : null)]),
    a.attributions.map((x) => json(x.coSources ?? [])),
  ];
  const { rows } = await client.query<{ number: string }>(SQL, params);
  return rows[0]?.number ?? null;
}
