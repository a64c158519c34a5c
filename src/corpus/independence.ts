// Independence of confirmations: how many distinct upstream sources stand
// behind a group of claims. A claim's upstream is the innermost named link of
// its chain (speaker, else the last intermediary), else the publishing
// outlet's own voice — the agency it declares it took the story from
// (meta.origin), or the outlet itself. Copies (near-duplicates,
// republications) share one voice. Two outlets citing the same InfoWars piece
// are therefore one source, not two.
import type { ClaimWithDocument, NearDuplicateRow } from './store.js';
import { UnionFind } from './union-find.js';
import { fold } from './words.js';

export interface UpstreamSource {
  /** The normalised name all these claims lead back to. */
  key: string;
  label: string;
  /** True when every claim behind it comes from an anonymous source with no named intermediary. */
  anonymous: boolean;
  documents: string[];
  claims: number;
}

export interface Independence {
  distinctSources: number;
  verdict: 'independent confirmations' | 'single source';
  sources: UpstreamSource[];
}

/** Which documents are copies of one another. */
export interface CopyFamilies {
  familyOf(documentId: string): string;
}

export function copyFamilies(nearDuplicates: Iterable<NearDuplicateRow>): CopyFamilies {
  const uf = new UnionFind<string>();
  for (const d of nearDuplicates) uf.union(d.documentId, d.duplicateOf);
  return { familyOf: (id) => uf.find(id) };
}

export const NO_COPIES: CopyFamilies = { familyOf: (id) => id };

/**
 * A name as a key: its last run of capitalised words, folded ("la TV pan-arabe
 * Al Mayadeen" and "Al Mayadeen" meet), or the whole name folded when it has none.
 */
export function sourceKey(name: string): string {
  const runs = name.match(/(?<![\p{L}\p{N}'’-])[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)*/gu);
  const last = runs?.[runs.length - 1];
  const base = last && (runs!.length > 1 || last.length < name.trim().length) ? last : name;
  return fold(base).toLowerCase().replace(/\s+/g, ' ').trim();
}

function upstream(c: ClaimWithDocument, families: CopyFamilies): { key: string; label: string; anonymous: boolean; ownVoice: boolean } {
  if (c.speaker && c.anonymous !== true) return { key: sourceKey(c.speaker), label: c.speaker, anonymous: false, ownVoice: false };
  const intermediary = c.via[c.via.length - 1];
  if (intermediary) return { key: sourceKey(intermediary), label: intermediary, anonymous: false, ownVoice: false };
  const voice = c.origin[0] ?? c.outlet;
  // An anonymous source can only be told apart by where it speaks: one per family of copies.
  if (c.speaker) return { key: `family:${families.familyOf(c.documentId)}#anonymous:${sourceKey(c.speaker)}`, label: `${c.speaker} (anonymous, in ${voice ?? c.documentId.slice(0, 12)})`, anonymous: true, ownVoice: false };
  return voice ? { key: sourceKey(voice), label: voice, anonymous: false, ownVoice: true } : { key: `document:${c.documentId}`, label: c.inputPath ?? c.documentId, anonymous: false, ownVoice: true };
}

export function independence(claims: ClaimWithDocument[], families: CopyFamilies): Independence {
  const uf = new UnionFind<string>();
  const info = new Map<string, { label: string; anonymous: boolean; documents: Set<string>; claims: number }>();
  for (const c of claims) {
    const u = upstream(c, families);
    uf.find(u.key);
    // A copy speaks with its original's voice.
    if (u.ownVoice) uf.union(u.key, `family:${families.familyOf(c.documentId)}`);
    let i = info.get(u.key);
    if (!i) info.set(u.key, (i = { label: u.label, anonymous: u.anonymous, documents: new Set(), claims: 0 }));
    i.documents.add(c.documentId);
    i.claims++;
  }
  const sources: UpstreamSource[] = [];
  for (const members of uf.groups()) {
    const keys = members.filter((k) => info.has(k));
    if (keys.length === 0) continue;
    const parts = keys.map((k) => info.get(k)!);
    sources.push({
      key: keys[0]!,
      label: parts.map((p) => p.label).join(' = '),
      anonymous: parts.every((p) => p.anonymous),
      documents: [...new Set(parts.flatMap((p) => [...p.documents]))],
      claims: parts.reduce((n, p) => n + p.claims, 0),
    });
  }
  sources.sort((a, b) => b.claims - a.claims || a.key.localeCompare(b.key));
  return { distinctSources: sources.length, verdict: sources.length >= 2 ? 'independent confirmations' : 'single source', sources };
}
