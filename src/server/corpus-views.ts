// The server's derived corpus views (claim groups, citation graph, narratives,
// per-document counts), computed from every row of the store. On a large
// corpus this takes seconds of CPU (claim grouping above all), so `serve` runs
// it in a thread of its own (./corpus-views-worker.ts) and the event loop keeps
// answering; library callers handing a store object compute it in process.
import type { AttributionRow, ClaimWithDocument, CorpusStore, DocumentRow } from '../corpus/store.js';
import { groupClaims, type ClaimGroup as StoreGroup } from '../corpus/claim-groups.js';
import { markConflicts, QuotationIndex } from '../corpus/misattribution.js';
import { copyFamilies, declaredCopies } from '../corpus/independence.js';
import { buildGraph, MEDIA_SUBTYPE, type Graph as StoreGraph } from '../corpus/graph.js';
import { narratives as findNarratives, type Narrative as StoreNarrative } from '../corpus/narratives.js';
import { actorCanon, type KeyCanon } from '../corpus/source-keys.js';

export type { StoreGroup, StoreNarrative };

export interface Derived {
  version: string;
  documents: Map<string, DocumentRow>;
  counts: Map<string, { attributions: number; claims: number }>;
  claims: Map<string, ClaimWithDocument>;
  attributions: Map<string, AttributionRow>;
  groups: StoreGroup[];
  graph: StoreGraph;
  narratives: StoreNarrative[];
}

/** Rows read between two turns of the event loop while the views are built: other requests go on meanwhile. */
export const ROWS_PER_TURN = 1000;

/** The rows, handing the event loop back every ROWS_PER_TURN rows (the SQLite driver reads synchronously). */
export async function* yielding<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  let n = 0;
  for await (const r of rows) {
    yield r;
    if (++n % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Rows already read, as the async rows the corpus modules take. */
export async function* each<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

export async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of yielding(rows)) out.push(r);
  return out;
}

/** Speakers' keys unified as `corpus sources` lists them, from attributions and claims held in memory. */
export function speakerCanon(attributions: Iterable<AttributionRow>, claims: Iterable<ClaimWithDocument>): Promise<KeyCanon> {
  const keys = new Set<string>();
  for (const a of attributions) {
    if (a.sourceKey) keys.add(a.sourceKey);
    for (const c of a.coSources) if (c.key) keys.add(c.key);
  }
  return actorCanon(keys, claims);
}

export const viewKey = (documentId: string, index: number) => `${documentId}#${index}`;

/** Every view, from every row of the store. */
export async function deriveViews(st: CorpusStore, version: string): Promise<Derived> {
  const documents = new Map((await collect(st.documents())).map((d) => [d.id, d]));
  const attributionRows = await collect(st.attributions());
  const claimRows = await collect(st.claims());
  const near = await collect(st.nearDuplicates());
  const counts = new Map<string, { attributions: number; claims: number }>();
  const count = (id: string) => counts.get(id) ?? counts.set(id, { attributions: 0, claims: 0 }).get(id)!;
  for (const a of attributionRows) count(a.documentId).attributions++;
  for (const c of claimRows) if (!c.candidate) count(c.documentId).claims++;
  const groups = await groupClaims(claimRows, copyFamilies(near, declaredCopies(documents.values())));
  // A quotation credited to other people elsewhere in the corpus (misattribution hunting).
  markConflicts(
    groups.flatMap((g) => g.claims),
    await QuotationIndex.build(attributionRows),
  );
  await new Promise((resolve) => setImmediate(resolve));
  const graph = await buildGraph({
    documents: yielding(each(documents.values())),
    attributions: yielding(each(attributionRows)),
    media: yielding(st.entities({ subtype: MEDIA_SUBTYPE })),
    nearDuplicates: yielding(each(near)),
    canon: await speakerCanon(attributionRows, claimRows),
  });
  return {
    version,
    documents,
    counts,
    claims: new Map(claimRows.map((c) => [viewKey(c.documentId, c.index), c])),
    attributions: new Map(attributionRows.map((a) => [viewKey(a.documentId, a.index), a])),
    groups,
    graph,
    narratives: findNarratives(groups),
  };
}
