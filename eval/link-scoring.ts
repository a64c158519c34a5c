// Aligning predicted entities with gold mentions that carry a Wikidata id (HIPE-2020's
// NEL-LIT column), for eval/linking.ts and tools/build-wikidata-links.ts. HIPE mentions take
// in titles and place nouns, so a prediction is aligned with the gold mention it overlaps
// most (each prediction at most once, each gold mention at most once).
import type { Entity } from '../src/doc/schema.js';
import type { GoldSpan } from '../src/annotate/entities/corpus.js';

export interface Aligned {
  entity: Entity;
  /** the gold mention it overlaps most, if any */
  gold: GoldSpan | null;
}

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Predicted name entities (DATE and QUANTITY left out) with their gold mention. Both lists sorted by start. */
export function align(gold: readonly GoldSpan[], entities: readonly Entity[]): Aligned[] {
  const out: Aligned[] = [];
  const used = new Set<GoldSpan>();
  let g = 0;
  for (const e of entities) {
    if (!NAME_TYPES.has(e.type)) continue;
    while (g < gold.length && gold[g]!.end <= e.start) g++;
    let best: GoldSpan | null = null;
    let bestOverlap = 0;
    for (let j = g; j < gold.length && gold[j]!.start < e.end; j++) {
      const s = gold[j]!;
      const overlap = Math.min(s.end, e.end) - Math.max(s.start, e.start);
      if (overlap > bestOverlap && !used.has(s)) {
        best = s;
        bestOverlap = overlap;
      }
    }
    if (best) used.add(best);
    out.push({ entity: e, gold: best });
  }
  return out;
}

/** Whether a gold mention has a Wikidata id (not NIL, not unlinked). */
export const goldId = (s: GoldSpan | null): string | null => (s?.link && /^Q\d+$/.test(s.link) ? s.link : null);
