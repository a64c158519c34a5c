// Source keys across a corpus. Each article keys its sources on its own
// (src/annotate/attributions/source-keys.ts); across articles two more
// unifications need the whole corpus:
//   - a lone surname (per:al-zameli, from "M. al-Zameli" in an article that
//     never gives the full name) is the one full name of the corpus ending in
//     it (per:hamed-al-zameli); with two candidates (le-pen) it stays apart;
//   - the same name keyed as a person in one article and as a body in another
//     (the tagger reads "Closer" as a person here, an outlet there) is one actor.
import { compact } from '../annotate/attributions/source-keys.js';

/** A key → its corpus-wide canonical key. */
export type KeyCanon = (key: string) => string;

export const IDENTITY: KeyCanon = (k) => k;

/** Keys built from a name (not from the knowledge base): prefix and the name's slug. */
const NAME_KEY = /^(per|org|loc|misc|name|outlet):(.+)$/;

export function keyCanon(keys: Iterable<string>): KeyCanon {
  const all = new Set<string>();
  for (const k of keys) if (k) all.add(k);
  const map = new Map<string, string>();
  // Same letters, another prefix: the person reading wins (it carries the surname rule).
  const byBody = new Map<string, string>();
  const sorted = [...all].sort((a, b) => (a.startsWith('per:') ? 0 : 1) - (b.startsWith('per:') ? 0 : 1) || a.localeCompare(b));
  for (const k of sorted) {
    const m = NAME_KEY.exec(k);
    if (!m) continue;
    const body = compact(m[2]!);
    if (!body) continue;
    const first = byBody.get(body);
    if (first === undefined) byBody.set(body, k);
    else map.set(k, first);
  }
  // Surnames: per:x → the single per:…-x.
  const persons = sorted.filter((k) => k.startsWith('per:') && !map.has(k));
  const endings = new Map<string, string | null>();
  for (const k of persons) {
    const parts = k.slice(4).split('-');
    for (let i = 1; i < parts.length; i++) {
      const tail = `per:${parts.slice(i).join('-')}`;
      if (!all.has(tail)) continue;
      const seen = endings.get(tail);
      endings.set(tail, seen === undefined || seen === k ? k : null);
    }
  }
  for (const [tail, full] of endings) if (full) map.set(tail, full);
  const resolve = (k: string): string => {
    let x = k;
    for (let i = 0; i < 4 && map.has(x); i++) x = map.get(x)!;
    return x;
  };
  return resolve;
}
