// Library entry point: `import { analyze } from 'recoupe'`.
export { analyze, analyzeDoc, checkStages, type AnalyzeInput, type AnalyzeOptions } from './pipeline/analyze.js';
export { defaultStages } from './pipeline/default-stages.js';
export { checkStageOrder, stagesFor, StageOrderError, type Stage } from './pipeline/stage.js';
export { decodeStage, layoutStage, cleanStage, rawTextStage, metaStage, type Draft } from './pipeline/input-stages.js';
export { syntaxStage, syntaxLayer, type Syntax } from './annotate/syntax/index.js';
export { Doc, type KnownMeta } from './doc/doc.js';
export { defineLayer, registeredLayers, type Layer } from './doc/layers.js';
export { analysisSchema, analysisJsonSchema } from './doc/json-schema.js';
export * from './doc/schema.js';
export { tokenize } from './annotate/tokens.js';
export { splitSentences } from './annotate/sentences.js';
export { findQuotes } from './annotate/quotes.js';
export { decode, DecodeError } from './ingest/decode.js';
export { Fetcher, type FetcherOptions } from './fetch/fetcher.js';
export type { FetchResult, Fetched, FetchFailure } from './fetch/types.js';
export { expandInputs, type InputItem } from './ingest/inputs.js';
