// What the attribution tests read of `analyze` on one invented text: its attributions, the one a cue opens, or each as
// its speaker and chain. One copy for the tests next to src/annotate/attributions/.
import assert from 'node:assert/strict';
import { analyze } from '../../src/pipeline/analyze.js';
import type { Attribution } from '../../src/doc/schema.js';

/**
 * The attributions of `text`. `language` is given for texts too short for identification to read (one test sentence
 * holds fewer words than it needs).
 */
export function attributionsOf(text: string, language?: string): Attribution[] {
  return analyze(language ? { text, known: { language } } : text, { raw: true }).attributions;
}

/** The attribution whose cue reads `cue`; the test fails naming the cues found when there is none. */
export function attributionByCue(text: string, cue: string, language?: string): Attribution {
  const all = attributionsOf(text, language);
  const a = all.find((x) => x.cue?.text === cue);
  assert.ok(a, `no attribution with cue "${cue}" in: ${text}: ${JSON.stringify(all.map((x) => x.cue?.text))}`);
  return a;
}

/** Each attribution's speaker (as resolved), whether it is anonymous, its intermediaries and its content. */
export function chainsOf(text: string): { source: string | null; anonymous: boolean | null; via: string[]; content: string }[] {
  return attributionsOf(text).map((a) => ({
    source: a.source?.resolved ?? a.source?.text ?? null,
    anonymous: a.source?.anonymous ?? null,
    via: a.via.map((v) => v.text),
    content: a.content.text,
  }));
}
