// Whether a claim's speaker denies it: its attribution, or an attribution around it, has a cue of denial
// (« Bercy a démenti les rumeurs selon lesquelles X aurait été hospitalisé », "the ministry denied reports that …").
// The claim's text states what is denied: the mention contradicts a claim of the same proposition, it never confirms it.
import type { Attribution } from '../../doc/schema.js';
import { claimsData } from '../../lang/claims-data.js';
import { cached } from '../../lang/resources.js';
import { languageOf } from '../../lang/registry.js';
import { syntaxLexicon } from '../syntax/lexicon.js';

/** Levels of attributions around a claim looked at (a chain longer than this is read up to it). */
const MAX_LEVELS = 8;

/** The language's verbs of denial; none for a language the registry gives no claims layer (no claims or syntax data). */
const denialLemmas = (language: string) =>
  cached(language, 'denial-cues', (code) => (languageOf(code).supports('claims') ? new Set(claimsData(code).denialCues ?? []) : new Set<string>()));

/** Whether a cue's words hold a form of a verb of denial (lang/<xx>/claims.json `denialCues`, cue forms of cues.tsv). */
export function isDenialCue(cue: string, language: string): boolean {
  const lemmas = denialLemmas(language);
  if (lemmas.size === 0) return false;
  const verbs = syntaxLexicon(language).verbs;
  for (const w of cue.toLowerCase().split(/[\s'’-]+/u)) for (const f of verbs.get(w) ?? []) if (f.role === 'cue' && lemmas.has(f.entry)) return true;
  return false;
}

/**
 * Whether the claim attributed to `attributions[index]` is denied by its speaker: an odd number of the attributions
 * from it outwards (its parents) have a cue of denial that is not itself negated (« n'a pas démenti » denies nothing).
 * A parent denies its child only when the child sits in the denial's complement, after the cue (« Bercy a démenti
 * les rumeurs selon lesquelles … », "denied reports that …"). A denial told after a statement ("Villagers said that
 * strikes destroyed three farms, a claim the ministry denied", « …, ce que le ministère a démenti ») is the
 * ministry's own mention: the villagers' statement still asserts what they said.
 */
export function deniedByCue(attributions: readonly Attribution[], index: number | null, language: string): boolean {
  let denied = false;
  let child: Attribution | null = null;
  for (let i = index, n = 0; i !== null && n < MAX_LEVELS; n++) {
    const a = attributions[i];
    if (!a) break;
    const governs = child === null || (a.cue !== null && a.cue.start < child.content.start);
    if (governs && a.cue && !a.negated && isDenialCue(a.cue.text, language)) denied = !denied;
    child = a;
    i = a.parent;
  }
  return denied;
}
