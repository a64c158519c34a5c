// Origin: the outlets a text says it was taken or translated from — a notice
// line ("La source originale de cet article est …", "Source : …") or a wire
// credit in the body ("avec AFP", "WASHINGTON (Reuters) -").
import type { MetaHint } from '../layout/types.js';
import { metaCues } from '../layout/lexicon/cues.js';

/** Wire credits inside the body text. */
export function findOrigins(text: string, _language: string): MetaHint[] {
  const out: MetaHint[] = [];
  const head = text.length > 100_000 ? text.slice(0, 100_000) : text;
  for (const re of metaCues().originInline) {
    re.lastIndex = 0;
    for (const m of head.matchAll(re)) out.push({ field: 'origin', value: m[1]!, rule: 'wire credit', text: m[0].trim() });
  }
  return out;
}
