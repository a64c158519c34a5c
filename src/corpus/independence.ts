// Independence of confirmations: how many distinct upstream sources stand
// behind a group of claims, and a verdict in three states with its reasons.
//
// Each mention is traced up the chain the text gives: the named speaker (an
// actor key, see src/annotate/attributions/source-keys.ts), else the named
// intermediary that relays an anonymous or unnamed speaker ("selon des sources
// citées par Reuters" → Reuters), else, for the outlet's own voice, the agency
// the document declares it took the story from (meta.origin: wire copy
// rewritten by an outlet counts as the wire), else the outlet itself with its
// republications and near-duplicates (one copy family). Anonymous speakers with
// no named relay cannot be told apart: each stays scoped to its copy family.
//
// Verdicts:
//   independent      at least two distinct named upstream sources, in documents of at least two publishers
//                    (a group of one document, or of one outlet and its republications, never is)
//   single-upstream  every mention traces back to one source; or all come from one document (and its copies); or
//                    from one outlet or wire and its republications, in its voice or relaying one named speaker
//   undetermined     otherwise: unsourced outlet voices or anonymous sources that cannot be told apart
import type { ClaimWithDocument, NearDuplicateRow } from './store.js';
import { UnionFind } from './union-find.js';
import { fold } from '../text/fold.js';
import { compact } from '../annotate/attributions/source-keys.js';
import { knowledgeBase } from '../kb/kb.js';
import { IDENTITY, type KeyCanon } from './source-keys.js';

export type Verdict = 'independent' | 'single-upstream' | 'undetermined';

export interface UpstreamSource {
  /** The actor all these mentions lead back to. */
  key: string;
  label: string;
  /** An anonymous speaker with no named relay, or an outlet or wire speaking without naming a source. */
  anonymous: boolean;
  /** What it is: a named speaker, a relay (intermediary) of an unnamed one, a declared wire agency, an outlet's own voice, an anonymous source. */
  kind: 'speaker' | 'relay' | 'agency' | 'outlet' | 'anonymous';
  documents: string[];
  claims: number;
}

export interface Independence {
  /** Distinct upstream sources after chains, republications and same-outlet copies collapse. */
  distinctSources: number;
  verdict: Verdict;
  reasons: string[];
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
 * A name as a key (for stores written before source keys): its last run of
 * capitalised words, folded ("la TV pan-arabe Al Mayadeen" and "Al Mayadeen" meet).
 */
export function sourceKey(name: string): string {
  const runs = name.match(/(?<![\p{L}\p{N}'’-])[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)*/gu);
  const last = runs?.[runs.length - 1];
  const base = last && (runs!.length > 1 || last.length < name.trim().length) ? last : name;
  return fold(base).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An outlet or agency name as an actor key: the knowledge base's when it knows a medium in the name ("Orange avec AFP" → AFP), else its letters. */
export function outletKey(name: string, language: string): string {
  const kb = knowledgeBase(language);
  const whole = kb.lookup(name);
  if (whole) return whole.key;
  for (const part of name.split(/\s+(?:avec|with|and|et|\/|-|\|)\s+|\s*[(),/|]\s*/u)) {
    const e = part ? kb.lookup(part.replace(/^(?:source|avec|with)\s+/i, '')) : undefined;
    if (e && e.subtype === 'media') return e.key;
  }
  return `outlet:${compact(name.replace(/^(?:source|avec|with)\s+/i, ''))}`;
}

interface Trace {
  key: string;
  label: string;
  kind: UpstreamSource['kind'];
  /** How the mention leads there, for the reasons. */
  chain: string;
}

const short = (id: string) => id.slice(0, 12);

/**
 * Whether a trace ends at an identified source that can confirm on its own: a named speaker. Not a relay of an
 * unnamed speaker (two outlets relaying « des sources proches du dossier » may relay the same person), nor an unnamed
 * office holder (`role:` keys: « le porte-parole de la police » may be the person another article names).
 */
const identified = (t: Trace) => t.kind === 'speaker' && !t.key.startsWith('role:');

/** Who publishes a document: the wire it declares, else its outlet, else the document (copies share their original's). */
function publisher(c: ClaimWithDocument, families: CopyFamilies): string {
  const o = c.origin[0] ?? c.outlet;
  return o ? outletKey(o, c.language) : `family:${families.familyOf(c.documentId)}`;
}

function trace(c: ClaimWithDocument, families: CopyFamilies, canon: KeyCanon): Trace {
  const where = `${c.outlet ?? c.inputPath ?? short(c.documentId)}${c.published ? `, ${c.published}` : ''}`;
  const viaText = c.via.length ? ` via ${[...c.via].reverse().join(' ← ')}` : '';
  // Claims stored without source keys (older stores, hand-made analyses): the named speaker's name stands in.
  const speakerKey = c.speakerKey ?? (c.speaker && c.anonymous === false ? `name:${sourceKey(c.speaker)}` : null);
  if (speakerKey && !speakerKey.startsWith('anon:')) {
    return { key: canon(speakerKey), label: c.speaker ?? speakerKey, kind: 'speaker', chain: `${c.speaker}${viaText} in ${where}` };
  }
  // An unnamed speaker relayed by a named intermediary: the intermediary is as far up as the text lets us go.
  const viaKeys = c.proposition?.viaKeys ?? c.via.map((v) => `name:${sourceKey(v)}`);
  for (let i = viaKeys.length - 1; i >= 0; i--) {
    const k = viaKeys[i];
    if (k && !k.startsWith('anon:'))
      return { key: canon(k), label: c.via[i] ?? k, kind: 'relay', chain: `${c.speaker ?? 'unnamed source'} relayed by ${c.via[i]} in ${where}` };
  }
  if (c.speaker) {
    // Anonymous sources cannot be told apart across outlets: one per family of copies.
    return {
      key: `anonymous@${families.familyOf(c.documentId)}`,
      label: `${c.speaker} (anonymous, in ${c.outlet ?? short(c.documentId)})`,
      kind: 'anonymous',
      chain: `${c.speaker} (anonymous)${viaText} in ${where}`,
    };
  }
  const origin = c.origin[0];
  if (origin) return { key: outletKey(origin, c.language), label: origin, kind: 'agency', chain: `own voice of ${where}, taken from ${origin}` };
  // One outlet's own voice is one source however many of its articles repeat it.
  const key = c.outlet ? outletKey(c.outlet, c.language) : `family:${families.familyOf(c.documentId)}`;
  return { key, label: c.outlet ?? c.inputPath ?? short(c.documentId), kind: 'outlet', chain: `own voice of ${where}, no source given` };
}

/** Work bound: named-source mention pairs compared per group when looking for a direct corroboration. */
const MAX_CORROBORATION_PAIRS = 2000;

/**
 * `corroborates(i, j)`: whether mentions i and j of `claims` state the proposition in agreement on their own (not only
 * through other mentions of the group). Without it, any two mentions of the group count as agreeing.
 */
export function independence(
  claims: ClaimWithDocument[],
  families: CopyFamilies,
  canon: KeyCanon = IDENTITY,
  corroborates: (i: number, j: number) => boolean = () => true,
): Independence {
  const uf = new UnionFind<string>();
  const info = new Map<string, { label: string; kind: UpstreamSource['kind']; documents: Set<string>; claims: number; publishers: Set<string> }>();
  const reasons: string[] = [];
  const publishers = new Set<string>();
  const families_ = new Set<string>();
  const traces: { key: string; named: boolean; publisher: string; family: string }[] = [];
  for (const c of claims) {
    const t = trace(c, families, canon);
    const pub = publisher(c, families);
    traces.push({ key: t.key, named: identified(t), publisher: pub, family: families.familyOf(c.documentId) });
    publishers.add(pub);
    families_.add(families.familyOf(c.documentId));
    uf.find(t.key);
    // An outlet's own voice is its copies' voice too.
    if (t.kind === 'outlet' || t.kind === 'agency') uf.union(t.key, `family:${families.familyOf(c.documentId)}`);
    let i = info.get(t.key);
    if (!i) info.set(t.key, (i = { label: t.label, kind: t.kind, documents: new Set(), claims: 0, publishers: new Set() }));
    i.documents.add(c.documentId);
    i.publishers.add(pub);
    i.claims++;
    reasons.push(`«${clip(c.text)}» — ${t.chain} → ${t.label}`);
  }
  const sources: UpstreamSource[] = [];
  for (const members of uf.groups()) {
    const keys = members.filter((k) => info.has(k));
    if (keys.length === 0) continue;
    const parts = keys.map((k) => info.get(k)!);
    const named = parts.find((p) => p.kind === 'speaker' || p.kind === 'relay' || p.kind === 'agency');
    const kind = named?.kind ?? parts[0]!.kind;
    sources.push({
      key: keys[0]!,
      label: [...new Set(parts.map((p) => p.label))].join(' = '),
      // An outlet's or a wire's own voice names no source: it cannot confirm independently (it may copy anyone).
      anonymous: kind === 'anonymous' || kind === 'outlet' || kind === 'agency',
      kind,
      documents: [...new Set(parts.flatMap((p) => [...p.documents]))],
      claims: parts.reduce((n, p) => n + p.claims, 0),
    });
  }
  sources.sort((a, b) => b.claims - a.claims || a.key.localeCompare(b.key));
  const unnamed = sources.filter((s) => s.anonymous);
  // A named source confirms another only when one of its mentions and one of the other's, published by different
  // publishers in different copy families, agree directly (a chain of matches may drift to a neighbouring statement).
  const confirmed = new Set<string>();
  let budget = MAX_CORROBORATION_PAIRS;
  for (let i = 0; i < claims.length && budget > 0; i++) {
    const a = traces[i]!;
    if (!a.named) continue;
    for (let j = i + 1; j < claims.length && budget > 0; j++) {
      const b = traces[j]!;
      if (!b.named || uf.find(a.key) === uf.find(b.key) || a.publisher === b.publisher || a.family === b.family) continue;
      if (confirmed.has(uf.find(a.key)) && confirmed.has(uf.find(b.key))) continue;
      budget--;
      if (corroborates(i, j)) {
        confirmed.add(uf.find(a.key));
        confirmed.add(uf.find(b.key));
      }
    }
  }
  const named = sources.filter((s) => !s.anonymous && confirmed.has(uf.find(s.key)));
  const uncorroborated = sources.filter((s) => !s.anonymous && !confirmed.has(uf.find(s.key)));
  let verdict: Verdict;
  // Named sources (speakers, relays) whatever their corroboration, and anonymous speakers.
  const speaking = sources.filter((s) => !s.anonymous);
  const anonymous = sources.filter((s) => s.kind === 'anonymous');
  if (sources.length === 1) {
    verdict = 'single-upstream';
    reasons.unshift(`single upstream: every mention traces back to ${sources[0]!.label}`);
  } else if (families_.size < 2) {
    // One article (and its copies) is one account, whoever it quotes: what it says rests on that article alone.
    verdict = 'single-upstream';
    reasons.unshift(`single upstream: all mentions come from one document and its copies (${sources.map((s) => s.label).join('; ')})`);
  } else if (publishers.size < 2 && speaking.length <= 1 && anonymous.length === 0) {
    // One outlet or wire and its republications, in its own voice or relaying one named speaker: wire copy
    // rewritten by an outlet counts as the wire, so this is one upstream (two named speakers relayed by one wire
    // would be two, and anonymous sources cannot be told from the wire's own).
    verdict = 'single-upstream';
    const voice = sources.find((s) => s.anonymous)?.label ?? [...publishers][0]!;
    reasons.unshift(
      `single upstream: all mentions come from one outlet or wire and its republications (${voice})${speaking.length ? `, relaying ${speaking[0]!.label}` : ''}`,
    );
  } else if (named.length >= 2) {
    verdict = 'independent';
    reasons.unshift(
      `independent: ${named.length} distinct named upstream sources whose own mentions agree across publishers (${named.map((s) => `${s.label}: ${s.documents.length} document(s)`).join('; ')}) in ${publishers.size} publishers`,
    );
  } else {
    verdict = 'undetermined';
    const why: string[] = [];
    if (publishers.size < 2) why.push('all mentions come from one outlet (or wire) and its republications, with more than one speaker or an anonymous one');
    if (named.length < 2) why.push(`${named.length} named upstream source(s) confirmed by another in another publisher`);
    if (uncorroborated.length)
      why.push(`named but not confirmed by another named source's own mention in another publisher: ${uncorroborated.map((s) => s.label).join('; ')}`);
    if (unnamed.length) why.push(`${unnamed.length} upstream(s) that cannot be told apart: ${unnamed.map((s) => s.label).join('; ')}`);
    reasons.unshift(`undetermined: ${why.join('; ')}`);
  }
  return {
    distinctSources: verdict === 'independent' ? named.length : verdict === 'single-upstream' ? 1 : Math.max(1, named.length),
    verdict,
    reasons,
    sources,
  };
}

const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);
