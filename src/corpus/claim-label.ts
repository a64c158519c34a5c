// A claim group's label: what a reader sees first, so a whole statement from the group's most central mention. Claims
// are clause units, so the earliest claim of a group is often a fragment of a sentence (« a été élargie en janvier à des
// soupçons de … », « situés rue d'Aubagne », « été tués vendredi dans l'Aude par … ») or a headline's scrap (« Mort de
// Naomi »); the label is taken among the claims that read as a clause of their own, the one agreeing most with the rest
// of its group.
import type { ClaimTable } from './claim-table.js';
import type { PairFeatures } from './claim-groups.js';

/** Each claim's centrality is measured against at most this many claims of its group (bounded work per group). */
const CENTRALITY_SAMPLE = 16;

/** Opens like a sentence: its first letter is a capital (« Le jeune homme … », « ► Samedi 31 mars … »), in any script that has them. */
const OPENS_SENTENCE = /^[^\p{L}\p{N}]*\p{Lu}/u;

/**
 * How whole a claim reads, 0 to 2: 2, a body clause opening like a sentence and stating a predicate (« Carlos Ghosn a
 * été arrêté lundi à Tokyo »); 1, a headline stating one (« Ghosn arrêté pour des soupçons de fraude fiscale ») or a
 * capitalised clause without one; 0, a fragment cut inside a sentence (« qui avait été arrêté lundi à Tokyo »).
 */
export function wholeness(t: ClaimTable, c: number, text: string): number {
  const predicate = t.verbs.offsets[c + 1]! > t.verbs.offsets[c]!;
  const opens = OPENS_SENTENCE.test(text);
  if (t.title[c]) return predicate ? 1 : 0;
  return opens ? (predicate ? 2 : 1) : 0;
}

/**
 * The index (in `members`) of the claim that labels the group: the wholest (`wholeness`), then the most central (the
 * sum, over up to CENTRALITY_SAMPLE other claims of the group, of the wording and entities they share with it), then
 * the first in `members` order. `texts[i]` is the text of `members[i]`; `compare` gives the features of two claims
 * (the lower number first, as `Matcher.compare` wants them).
 */
export function labelIndex(t: ClaimTable, members: readonly number[], texts: readonly string[], compare: (x: number, y: number) => PairFeatures): number {
  const sample = members.slice(0, CENTRALITY_SAMPLE);
  let best = 0;
  let bestWhole = -1;
  let bestCentral = -1;
  members.forEach((c, i) => {
    const whole = wholeness(t, c, texts[i] ?? '');
    if (whole < bestWhole) return;
    let central = 0;
    for (const d of sample) {
      if (d === c) continue;
      const f = compare(Math.min(c, d), Math.max(c, d));
      central += f.words.jaccard + f.entities.jaccard;
    }
    if (whole > bestWhole || central > bestCentral) {
      best = i;
      bestWhole = whole;
      bestCentral = central;
    }
  });
  return best;
}
