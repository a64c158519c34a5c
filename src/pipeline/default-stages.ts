// The annotation stages in the order they depend on each other (each declares
// what it requires and provides; `checkStages` verifies the order).
import type { Stage } from './stage.js';
import { sentencesStage } from '../annotate/sentences.js';
import { tokensStage } from '../annotate/tokens.js';
import { quotesStage } from '../annotate/quotes.js';
import { entitiesStage } from '../annotate/entities/index.js';
import { syntaxStage } from '../annotate/syntax/index.js';
import { attributionsStage } from '../annotate/attributions/index.js';
import { claimsStage } from '../annotate/claims/index.js';

export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  tokensStage,
  sentencesStage,
  entitiesStage,
  quotesStage,
  syntaxStage,
  attributionsStage,
  claimsStage,
]);

/** A fresh copy of the default annotation stages, to filter or extend with plugins. */
export function defaultStages(): Stage[] {
  return [...DEFAULT_STAGES];
}
