// Author names from by-line values: prefixes ("Par", "By") dropped, lists split
// (lang/*/meta.tsv author-split), URLs, e-mail addresses and the outlet's own
// name removed.
import { metaCues } from './cues.js';

const MAX_NAME = 60;

export function cleanAuthors(values: string[], outlet: string | null): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const o = outlet?.toLowerCase();
  for (const v of values) {
    let t = v.replace(/\s+/g, ' ').trim();
    for (const re of metaCues().byline) {
      const m = re.exec(t);
      if (m?.[1]) t = m[1];
    }
    let parts = [t];
    for (const re of metaCues().authorSplit) parts = parts.flatMap((p) => p.split(re));
    for (let p of parts) {
      p = p.replace(/^@/, '').replace(/[.,;:]+$/, '').trim();
      if (p.length < 3 || p.length > MAX_NAME) continue;
      if (/https?:|www\.|@|\d/.test(p) || !looksLikeName(p)) continue;
      if (o && p.toLowerCase() === o) continue;
      const k = p.toLowerCase();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(p);
      }
    }
  }
  return out;
}

/** Most words of a name are capitalised ("Francesca de Villasmundo"); "Afficher mon profil" is a label. */
function looksLikeName(s: string): boolean {
  const words = s.split(/\s+/);
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length <= MAX_WORDS && caps >= Math.ceil(words.length / 2);
}

const MAX_WORDS = 6;
