// The corpus store: what the CLI, the HTTP API and the web app need from a
// database of analyses, independent of the backend (SQLite embedded,
// PostgreSQL shared). Backends only store and fetch plain rows; everything
// that reasons across documents (near-duplicates, claim groups, the citation
// graph, narratives) lives in backend-neutral modules that read these rows, so
// a new backend implements this interface and nothing else.
//
// All methods are async so that network backends fit; list methods return
// async iterables so exports stay uncapped with flat memory.
import type { Analysis, CoSource, Proposition } from '../doc/schema.js';

/** The fields of an analysis the corpus writers read one by one (rows of entities and attributions, document columns). */
export type StoredAnalysis = Pick<Analysis, 'id' | 'input' | 'meta' | 'text' | 'entities' | 'attributions'>;

/**
 * An analysis plus what the corpus derives from it before storage (computed in
 * the analysis workers, not in the writer): see `prepareDocument` in
 * src/corpus/prepare.ts.
 */
export interface PreparedDocument {
  /** What the writers read of the analysis: the rest of it travels as `analysisJson` (no copy of every layer between threads). */
  analysis: StoredAnalysis;
  /** The analysis without its text and tokens, as JSON: the stored `analysis` column, serialised in the worker, not by the single writer. */
  analysisJson: string;
  /** Stable key of the raw input (sha256 of path, line and bytes): lets a re-run skip inputs already stored without analysing them. */
  inputKey: string | null;
  /** Title and text, lowercased, stemmed and accent-folded, for the stemmed full-text column. */
  stems: string;
  /** Words of `stems` (the stored word count). */
  wordCount: number;
  /** MinHash signature over word shingles (near-duplicate detection). */
  minhash: Uint32Array;
  /** One LSH bucket key per band of the signature (band * 2^32 + hash), the near-duplicate index. */
  bands: number[];
  /** Claims to store: the analysis' own claims, or candidate claims when that layer is empty. */
  claims: ClaimRow[];
}

/** One stored document, without its layers. */
export interface DocumentRow {
  id: string;
  inputPath: string | null;
  inputLine: number | null;
  format: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  url: string | null;
  authors: string[];
  origin: string[];
  wordCount: number;
  addedAt: string;
}

export interface EntityRow {
  documentId: string;
  index: number;
  start: number;
  end: number;
  text: string;
  type: string;
  subtype: string | null;
  key: string;
}

export interface AttributionRow {
  documentId: string;
  index: number;
  kind: string;
  cue: string | null;
  /** The source as written ("il", "Mme Psaki") … */
  source: string | null;
  /** … and the person or body it names when resolved ("Jen Psaki"). */
  sourceResolved: string | null;
  /** The source as an actor (src/annotate/attributions/source-keys.ts); null for a pronoun left unresolved, or in stores written before keys. */
  sourceKey?: string | null;
  /** The speakers coordinated with the source (« selon Mediapart et Le Monde »: Le Monde), as the analysis gives them; empty in stores written before them. */
  coSources: CoSource[];
  anonymous: boolean | null;
  via: string[];
  content: string;
  contentStart: number;
  contentEnd: number;
  hedged: boolean;
  parent: number | null;
}

/** A claim with the features the cross-document matching needs (computed once, at ingest). */
export interface ClaimRow {
  documentId: string;
  index: number;
  start: number;
  end: number;
  text: string;
  attribution: number | null;
  hedged: boolean;
  /** true when the analysis had no claims layer and this sentence was taken as a candidate claim. */
  candidate: boolean;
  /** Who asserts it (resolved speaker, else the source text), null for the outlet's own voice. */
  speaker: string | null;
  anonymous: boolean | null;
  /** The chain of intermediaries the claim passed through, outermost first (via spans and parent attributions). */
  via: string[];
  /** Normalised keys of the entities the claim mentions, sorted. */
  entityKeys: string[];
  /** Normalised numbers the claim states, sorted. */
  numbers: string[];
  /** Stems of the claim's content words (its predicate and arguments), sorted, unique. */
  predicate: string[];
  /** The speaker as an actor (the attribution's source key), null for the outlet's voice or an unresolved pronoun. */
  speakerKey: string | null;
  /** The claim as a proposition (null when the analysis had none: candidate claims, older analyses). */
  proposition: ClaimProposition | null;
}

/** What the store keeps of a claim's proposition: its parts, its negation and the keys of its chain of intermediaries. */
export interface ClaimProposition extends Proposition {
  negated: boolean;
  /** Keys of the intermediaries (`via`), outermost first; null where an intermediary names no actor. */
  viaKeys: (string | null)[];
  /** Speakers coordinated with the source (« selon Mediapart et Le Monde »: Le Monde), each an upstream source too. */
  coSources?: { name: string; key: string | null }[];
  /** Its speaker denies the claim's words (a cue of denial: « a démenti les rumeurs selon lesquelles … »); `negated` then says what the speaker asserts. */
  denied?: boolean;
  /** The claim lies inside a quotation (its speaker's own words), for the independence verdict (absent in older stores). */
  quoted?: boolean;
  /**
   * The office a named speaker holds, as the text describes it (« le ministre de la Défense, Amir Hatami » →
   * role:ministre@defense): two officials of one body are one upstream source (absent in older stores and when none).
   */
  speakerOffice?: string;
}

/** What claim matching reads of a claim (no text): its features and its document's date and language. */
export interface ClaimFeatures {
  documentId: string;
  index: number;
  published: string | null;
  language: string;
  entityKeys: string[];
  numbers: string[];
  predicate: string[];
  speakerKey: string | null;
  proposition: ClaimProposition | null;
  /** Its document's outlet (site or publisher), null when unknown: what a title is compared with the outlet's other titles by. */
  outlet: string | null;
  /** Whether the claim is (a part of) its document's title (`isTitleClaim`). */
  title: boolean;
}

/** A claim's address: its document and its index there. */
export interface ClaimKey {
  documentId: string;
  index: number;
}

/** A claim with the facts about its document that grouping and reports need. */
export interface ClaimWithDocument extends ClaimRow {
  inputPath: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  origin: string[];
}

export interface NearDuplicateRow {
  documentId: string;
  /** The earlier copy (by publication date, then by insertion order). */
  duplicateOf: string;
  /** Estimated Jaccard similarity of word shingles, 0–1. */
  similarity: number;
}

export interface SearchQuery {
  /** Words (stemmed and folded like the index), "quoted phrases" matched on the accent-folded text. */
  text: string;
  outlet?: string;
  /** Inclusive YYYY-MM-DD bounds on `published`. */
  from?: string;
  to?: string;
  language?: string;
  /** Documents where this speaker (source text, resolved name or a co-source's text; case-insensitive substring) is attributed something. */
  speaker?: string;
  /** Documents mentioning an entity with this key. */
  entity?: string;
  /**
   * The entity the query text names (`Daech`): documents mentioning it match the text too, whatever
   * alias they write (`Daesh`, `EI`, `ISIS`); ranked after the documents whose words match.
   */
  textEntity?: string;
  /** Only documents with at least one hedged attribution or claim. */
  hedged?: boolean;
  /** Only documents with at least one anonymous source. */
  anonymous?: boolean;
  /** No limit by default (exports are uncapped). */
  limit?: number;
}

export interface SearchHit extends DocumentRow {
  /** Lower is better (FTS5 bm25). */
  rank: number;
  snippet: string;
}

export interface SourceRow {
  kind: 'speaker' | 'outlet';
  /** The actor's key (speakers: the source key; outlets: the outlet name). */
  key: string;
  name: string;
  anonymous: boolean;
  /** Attributions (speakers) or documents (outlets). */
  count: number;
  documents: number;
  first: string | null;
  last: string | null;
}

export interface CorpusStats {
  documents: number;
  inputs: number;
  entities: number;
  attributions: number;
  /** The claims of the articles' claims layers (what `report` and `analyze` count). */
  claims: number;
  /** Headlines stored as claims too (a claim stated in a title counts for grouping), one per titled document. */
  titleClaims: number;
  /** Sentences standing in for claims in documents whose claims layer is empty. */
  candidateClaims: number;
  nearDuplicates: number;
  outlets: number;
  languages: Record<string, number>;
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface AddResult {
  /** Ids newly stored. */
  added: string[];
  /** Documents already present (same content hash): nothing written. */
  skipped: number;
  /** Near-duplicate links found for the new documents. */
  nearDuplicates: number;
}

/** Decides which stored candidates are near-duplicates of a new document (backend-neutral, see minhash.ts). */
export type NearDuplicateJudge = (doc: PreparedDocument, candidates: { id: string; minhash: Uint32Array; published: string | null }[]) => NearDuplicateRow[];

export interface CorpusStore {
  readonly backend: string;
  /** A human-readable location (file path or connection URL without password). */
  readonly location: string;
  /** Create or upgrade the schema; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Which of these input keys are already stored (a re-run skips them before analysis). */
  hasInputs(keys: string[]): Promise<Set<string>>;
  /** Whether a document with this id (content hash) is stored. */
  has(id: string): Promise<boolean>;
  /**
   * Store a batch atomically: all of it or nothing. Documents already present
   * (by `analysis.id`) are skipped, so replays after a crash are harmless.
   * Near-duplicate links to stored documents are made with `judge` over the LSH index.
   */
  addBatch(docs: PreparedDocument[], judge: NearDuplicateJudge): Promise<AddResult>;

  /** The stored analysis (without tokens, which are not stored). */
  getDocument(id: string): Promise<Analysis | null>;
  getDocuments(ids: string[]): AsyncIterable<Analysis>;
  documents(): AsyncIterable<DocumentRow>;

  search(query: SearchQuery): AsyncIterable<SearchHit>;

  /** Entities by document; `subtype` keeps only those of that subtype (the graph reads the media among a million entities). */
  entities(filter?: { subtype?: string }): AsyncIterable<EntityRow>;
  attributions(): AsyncIterable<AttributionRow>;
  /** Every claim with its document's facts, in the order of `claimFeatures`. */
  claims(): AsyncIterable<ClaimWithDocument>;
  /**
   * Every claim's matching features, by its document's publication date (undated first), document id, then claim
   * index (`claimOrder` in store-rows.ts): what grouping reads of all claims, in an order of the content, not of
   * insertion, so the same documents give the same groups whatever order they were added in.
   */
  claimFeatures(): AsyncIterable<ClaimFeatures>;
  /** These claims with their documents' facts, in any order (keys not stored are left out). */
  claimsAt(keys: ClaimKey[]): AsyncIterable<ClaimWithDocument>;
  nearDuplicates(): AsyncIterable<NearDuplicateRow>;
  sources(): AsyncIterable<SourceRow>;
  stats(): Promise<CorpusStats>;
}
