// Origin: the outlets a text says it was taken or translated from — a notice
// line ("La source originale de cet article est …", "Source : …") or a wire
// credit in the body ("avec AFP", "WASHINGTON (Reuters) -").
import type { MetaHint } from '../clean/index.js';
import { firstGroup, metaCues } from './cues.js';

/** The outlets an origin notice line names ("Source : X, avec l'agence Y" → X, Y); empty when it is no notice. */
export function originsOfLine(line: string): string[] {
  const named = firstGroup(metaCues().originLine, line);
  if (!named) return [];
  let parts = [named];
  for (const re of metaCues().originSplit) parts = parts.flatMap((p) => p.split(re));
  return parts
    .map((p) => metaCues().originStrip.reduce((s, re) => s.replace(re, ''), p).replace(/[*_]+$/, '').trim())
    .filter((p) => p.length > 1);
}

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
