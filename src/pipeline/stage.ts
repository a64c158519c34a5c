// A stage adds one layer to a Doc (unified-style plugin). Stages are pure with
// respect to `doc.text`: they read it and never rewrite it.
import type { Doc } from '../doc/doc.js';

export interface Stage {
  /** Layer or concern this stage owns, e.g. "sentences". */
  readonly name: string;
  run(doc: Doc): void;
}
