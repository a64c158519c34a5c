// Library entry point: `import { analyze } from 'recoupe'`.
export { analyze, analyzeDoc, type AnalyzeInput, type AnalyzeOptions } from './pipeline/analyze.js';
export { defaultStages } from './pipeline/default-stages.js';
export type { Stage } from './pipeline/stage.js';
export { Doc, type KnownMeta } from './doc/doc.js';
export * from './doc/schema.js';
export { tokenize } from './annotate/tokens.js';
export { splitSentences } from './annotate/sentences.js';
export { findQuotes } from './annotate/quotes.js';
export { decode, DecodeError } from './ingest/decode.js';
export { Fetcher, type FetcherOptions } from './fetch/fetcher.js';
export type { FetchResult, Fetched, FetchFailure } from './fetch/types.js';
export { expandInputs, type InputItem } from './ingest/inputs.js';
