// An attribution found by one construction, before resolution, nesting and
// hedging turn it into the `attributions` layer entry.
import type { Attribution } from '../../doc/schema.js';
import type { Cue } from './cues.js';
import type { SourceRef } from './subjects.js';
import type { WordRange } from './via.js';

export type Construction = 'que' | 'incise' | 'colon' | 'infinitive' | 'object' | 'passive' | 'according' | 'continuation';

export interface Candidate {
  construction: Construction;
  /** Character span of the cue ("a déclaré", "Selon", "dit-il"), or null for a continued quote. */
  cue: { start: number; end: number } | null;
  /** Word range of the cue, to keep each cue in one attribution. */
  cueWords: WordRange | null;
  verb: Cue | null;
  source: SourceRef | null;
  /** A source taken over from another attribution (quote continuation). */
  inherited: Attribution['source'];
  content: { start: number; end: number };
  kind: Attribution['kind'];
  via: WordRange[];
  sentence: number;
  /** Words of the whole frame (cue, speaker, intermediaries: "Selon des sources citées par la radio X"), when known. */
  frame?: WordRange;
}
