// Alias normalisation: the spellings a KB lookup treats as the same name.
// "l'État islamique", "Etat islamique", "ÉTAT ISLAMIQUE" → "etat islamique".

import { foldLower } from '../text/fold.js';

/** Leading articles dropped before lookup (French and English; elided forms included). */
const ARTICLE = /^(?:l['’]|(?:le|la|les|the)\s)/;

export function normaliseAlias(s: string): string {
  const folded = foldLower(s)
    .replace(/[^\p{L}\p{N}'’]+/gu, ' ')
    .trim();
  return folded.replace(ARTICLE, '').replace(/['’]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

const SLUG_CACHE_LIMIT = 100_000;
/** Slugs of the names seen: every mention without a KB entry needs one, and mentions repeat a lot. */
const slugs = new Map<string, string>();

/** A stable id from a name: "Agence France-Presse" → "agence-france-presse". */
export function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) {
    if (slugs.size >= SLUG_CACHE_LIMIT) slugs.clear();
    out = normaliseAlias(s).replace(/ /g, '-');
    slugs.set(s, out);
  }
  return out;
}
