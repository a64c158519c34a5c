// The annotation stages in the order they depend on each other.
import type { Stage } from './stage.js';
import { sentencesStage } from '../annotate/sentences.js';
import { tokensStage } from '../annotate/tokens.js';
import { quotesStage } from '../annotate/quotes.js';
import { entitiesStage } from '../annotate/entities/index.js';
import { attributionsStage } from '../annotate/attributions/index.js';
import { claimsStage } from '../annotate/claims.js';

export function defaultStages(): Stage[] {
  return [tokensStage, sentencesStage, entitiesStage, quotesStage, attributionsStage, claimsStage];
}
