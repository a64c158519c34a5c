// The corpus as a library (for the HTTP API, the web app and users' scripts):
// open a store, add inputs, and compute the cross-document views over it.
import { storeClaimGroups, type ClaimGroup, type GroupOptions } from './claim-groups.js';
import { storeCopyFamilies } from './independence.js';
import { buildGraph, MEDIA_SUBTYPE, type Graph } from './graph.js';
import type { CorpusStore } from './store.js';
import { actorCanon } from './source-keys.js';
import { markConflicts, QuotationIndex } from './misattribution.js';

export type * from './store.js';
export { openStore, DEFAULT_DB } from './open.js';
export { ingest, type IngestOptions, type IngestReport } from './ingest.js';
export { groupClaims, storeClaimGroups, type ClaimGroup, type GroupOptions } from './claim-groups.js';
export { independence, copyFamilies, declaredCopies, storeCopyFamilies, type Independence, type UpstreamSource } from './independence.js';
export { narratives, type Narrative } from './narratives.js';
export { markConflicts, QuotationIndex, quotationWords, type QuoteCredit } from './misattribution.js';
export { buildGraph, gexf, graphJson, type Graph, type GraphNode, type GraphEdge } from './graph.js';
export { writeChunks, writeRows, ROW_FORMATS, type RowFormat } from './export.js';

/**
 * Claim groups of the whole corpus, largest first and streamed; copies (near-duplicates) count as one voice. A claim
 * quoting words the corpus credits to someone else too carries them as `conflictingSpeakers` (misattribution.ts).
 */
export async function* streamClaimGroups(store: CorpusStore, options: GroupOptions = {}): AsyncGenerator<ClaimGroup> {
  const quotations = await QuotationIndex.build(store.attributions());
  for await (const g of storeClaimGroups(store, await storeCopyFamilies(store), options)) {
    markConflicts(g.claims, quotations);
    yield g;
  }
}

/** All claim groups of the corpus (see `streamClaimGroups`). */
export async function claimGroupsOf(store: CorpusStore, options: GroupOptions = {}): Promise<ClaimGroup[]> {
  const groups: ClaimGroup[] = [];
  for await (const g of streamClaimGroups(store, options)) groups.push(g);
  return groups;
}

/** The citation graph of the whole corpus, speakers as `corpus sources` lists them. */
export async function graphOf(store: CorpusStore): Promise<Graph> {
  const speakers: string[] = [];
  for await (const s of store.sources()) if (s.kind === 'speaker') speakers.push(s.key);
  return buildGraph({
    documents: store.documents(),
    attributions: store.attributions(),
    media: store.entities({ subtype: MEDIA_SUBTYPE }),
    nearDuplicates: store.nearDuplicates(),
    canon: await actorCanon(speakers, store.claimFeatures()),
  });
}
