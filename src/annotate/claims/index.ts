// The claims layer: clauses that assert something checkable (an event that
// happened, a number, an accusation), each with the attribution it comes from
// (null = the outlet's own voice), hedging, negation and questions.
// Attributed claims are attribution contents; own-voice claims are the
// sentences (split at clause breaks) outside every attribution.
// One file per construction: clause-units.ts cuts a clause and names the others.
import type { Doc } from '../../doc/doc.js';
import { layerSupported } from '../../lang/registry.js';
import type { Stage } from '../../pipeline/stage.js';
import { findClaims } from './find-claims.js';

export { findClaims } from './find-claims.js';

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['syntax', 'attributions', 'sentences', 'entities', 'meta'],
  provides: ['claims'],
  run(doc: Doc) {
    doc.claims = layerSupported(doc, 'claims') ? findClaims(doc) : [];
  },
};
