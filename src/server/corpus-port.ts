// What the HTTP API and the web app need from a corpus, in the shapes sent to
// the browser. zod schemas are the single source of these types and of their
// JSON Schemas in /api/openapi.json. The SQLite store (src/corpus/) is adapted
// to this port in corpus-adapter.ts (async: the store may be over a network); without a store the corpus endpoints answer 503.
import { z } from 'zod';
import type { Analysis } from '../doc/schema.js';
import { MATCH_RULES } from '../present/reasons.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  published: Day.nullable(),
  language: z.string(),
  url: z.string().nullable(),
  attributions: z.number().int(),
  claims: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** The summary of one analysis. */
export function documentSummary(a: Analysis): DocumentSummary {
  const m = a.meta;
  return {
    id: a.id,
    title: m.title,
    outlet: m.outlet,
    published: m.published,
    language: m.language,
    url: m.url ?? null,
    attributions: a.attributions.length,
    claims: a.claims.length,
  };
}

export const SearchHit = DocumentSummary.extend({
  snippet: z.string().describe('plain text around the match (clients must escape it)'),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ClaimMention = z.object({
  document: DocumentSummary,
  text: z.string(),
  hedged: z.boolean(),
  source: z.string().nullable(),
  sourceKey: z.string().nullable().describe('the source as an actor (per:, org:, media:, anon: …), as `corpus sources` lists it'),
  anonymous: z.boolean(),
  cue: z.string().nullable(),
  via: z.array(z.string()).describe('intermediaries from the speaker towards the outlet'),
  conflictingSpeakers: z
    .array(z.object({ speaker: z.string(), speakerKey: z.string(), documents: z.array(z.string()) }))
    .optional()
    .describe('other people the corpus credits with the same quotation (same words), each with the documents that do: a possible misattribution'),
});
export type ClaimMention = z.infer<typeof ClaimMention>;

export const ClaimGroupSummary = z.object({
  id: z.string(),
  label: z.string(),
  mentions: z.number().int(),
  outlets: z.number().int(),
  origins: z
    .number()
    .int()
    .describe(
      'distinct upstream sources among the mentions: 2 or more when independent, 1 when all repeat one origin, 0 when undetermined (they cannot be told apart)',
    ),
  verdict: z
    .enum(['independent', 'single-upstream', 'undetermined'])
    .describe(
      'independent: two or more distinct named upstream sources in two or more publishers; single-upstream: every mention traces to one source; undetermined: unsourced or anonymous origins that cannot be told apart',
    ),
  first: Day.nullable(),
  last: Day.nullable(),
});
export type ClaimGroupSummary = z.infer<typeof ClaimGroupSummary>;

/** An upstream source as a reason names it: its names, an anonymous one with the outlet it appears in. */
const ReasonSource = z.object({
  names: z.array(z.object({ name: z.string(), in: z.string().optional().describe('an anonymous source: the outlet it appears in') })),
  documents: z.number().int().optional(),
});

/** A reason as a message: an id and its parameters, rendered by each interface in its language (src/present/reasons.ts). */
const GroupReason = z.discriminatedUnion('id', [
  z.object({
    id: z.literal('mention'),
    text: z.string(),
    kind: z.enum(['speaker', 'relay', 'anonymous', 'agency', 'outlet']),
    speaker: z.string().nullable(),
    via: z.array(z.string()),
    relay: z.string().optional(),
    where: z.string(),
    published: z.string().nullable(),
    source: ReasonSource,
    coSources: z.array(ReasonSource).optional().describe('speakers coordinated with the source: other upstream sources of the mention'),
  }),
  z.object({
    id: z.literal('contradicted'),
    text: z.string(),
    speaker: z.string().nullable(),
    where: z.string(),
    published: z.string().nullable(),
    bySubject: z.boolean().describe("the speaker is the subject of the group's claim: the person or body concerned denies it"),
  }),
  z.object({ id: z.literal('single-source'), source: ReasonSource }),
  z.object({ id: z.literal('single-document'), sources: z.array(ReasonSource) }),
  z.object({ id: z.literal('single-outlet'), voice: ReasonSource, relaying: ReasonSource.nullable() }),
  z.object({
    id: z.literal('independent'),
    sources: z.array(ReasonSource),
    publishers: z.number().int(),
    oneRelay: z.boolean().optional(),
    together: z.boolean().optional(),
  }),
  z.object({
    id: z.literal('undetermined'),
    oneOutlet: z.boolean(),
    confirmed: z.number().int(),
    uncorroborated: z.array(ReasonSource),
    indistinct: z.array(ReasonSource),
  }),
]);

const MatchReason = z.object({
  id: z.literal('match'),
  a: z.string(),
  b: z.string(),
  rule: z.enum(MATCH_RULES).nullable(),
  verbs: z.array(z.string()),
  shared: z.number(),
  jaccard: z.number(),
  containment: z.number(),
  figures: z.array(z.string()),
  subject: z.array(z.string()),
  entities: z.array(z.string()),
  weekday: z.number().int().min(1).max(7).optional(),
});

export const ClaimGroup = ClaimGroupSummary.extend({
  independent: z.boolean().describe('true only when the verdict is "independent"'),
  reasons: z.array(z.string()).describe('why, in English: the verdict first, then each mention with the chain it traces through'),
  reasonMessages: z.array(GroupReason).describe('the reasons as messages (id and parameters) each interface renders in its language'),
  upstream: z
    .array(
      z.object({
        key: z.string(),
        label: z.string(),
        anonymous: z.boolean(),
        kind: z.enum(['speaker', 'relay', 'agency', 'outlet', 'anonymous']),
        claims: z.number().int(),
        documents: z.number().int(),
        documentIds: z.array(z.string()).describe('the documents whose mentions lead back to it'),
        denies: z.boolean().optional().describe('true when every mention leading to it denies the claim: it contradicts, never confirms'),
      }),
    )
    .describe('the distinct origins the mentions lead back to (copies and relays of one origin count once)'),
  items: z.array(ClaimMention),
  explanation: z.array(z.string()).describe('why its claims are one proposition, in English: each match that joined it, with the parts that agreed'),
  explanationMessages: z.array(MatchReason).describe('the explanation as messages each interface renders in its language'),
  entityKeys: z.array(z.string()).describe('entity keys shared by at least half of the claims'),
  entityNames: z
    .record(z.string(), z.string())
    .describe('the name each of those keys is most often written with in the corpus (Strasbourg for geonames:2973783)'),
  numbers: z.array(z.string()).describe('figures the claims share'),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

export const SourceSummary = z.object({
  key: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  anonymous: z.boolean(),
  mentions: z.number().int(),
  documents: z.number().int(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const EntitySummary = z.object({
  key: z.string(),
  name: z.string().describe('the name it is most often written with'),
  type: z.string(),
  subtype: z.string().nullable(),
  names: z.array(z.string()).describe('its other names: as written in the corpus, and aliases from the knowledge bases'),
  documents: z.number().int(),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

export const GraphNode = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['outlet', 'speaker', 'media']),
  weight: z.number().describe('documents published (outlets) or citing it (speakers, media)'),
});
export const GraphEdge = z.object({
  source: z.string(),
  target: z.string(),
  kind: z
    .enum(['quotes', 'cites', 'republishes', 'translates'])
    .describe('quotes: outlet → speaker; cites: → a medium it takes from; republishes / translates: copy → original'),
  weight: z.number().describe('how many times it was seen'),
});
export const Graph = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) });
export type Graph = z.infer<typeof Graph>;

export const NarrativeEvent = z.object({ date: Day.nullable(), document: DocumentSummary, claim: z.string().nullable() });
export const Narrative = z.object({
  id: z.string(),
  label: z.string(),
  first: Day.nullable(),
  last: Day.nullable(),
  events: z.array(NarrativeEvent).describe('one per article telling the narrative'),
});
export type Narrative = z.infer<typeof Narrative>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
export interface Page<T> {
  total: number;
  items: T[];
}

export interface DocumentFilter {
  q?: string;
  outlet?: string;
  language?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** Search only: documents attributing something to this speaker (substring of the source, or the whole name with speakerExact). */
  speaker?: string;
  /** Search only: the speaker filter matches the whole name (source as written or resolved), case and accents aside. */
  speakerExact?: boolean;
  /** Search only: documents mentioning the entity with this key. */
  entity?: string;
  /** Search only: documents with an anonymous source. */
  anonymous?: boolean;
  /** Search only: documents with a hedged attribution or claim. */
  hedged?: boolean;
  limit: number;
  offset: number;
}

export interface CorpusPort {
  documents(filter: DocumentFilter): Promise<Page<DocumentSummary>>;
  document(id: string): Promise<Analysis | null>;
  search(filter: DocumentFilter): Promise<Page<SearchHit>>;
  claimGroups(filter: { q?: string; limit: number; offset: number }): Promise<Page<ClaimGroupSummary>>;
  claimGroup(id: string): Promise<ClaimGroup | null>;
  sources(filter: { q?: string; anonymous?: boolean; kind?: 'speaker' | 'outlet'; limit: number; offset: number }): Promise<Page<SourceSummary>>;
  /** Entities by number of documents; `q` matches any of their names (aliases of the knowledge bases included). */
  entities(filter: { q?: string; key?: string; limit: number; offset: number }): Promise<Page<EntitySummary>>;
  graph(filter: { limit: number; from?: string; to?: string }): Promise<Graph>;
  narratives(filter: { limit: number }): Promise<Narrative[]>;
  close(): Promise<void>;
}
