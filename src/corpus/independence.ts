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
import type { ClaimKey, ClaimWithDocument, CorpusStore, DocumentRow, NearDuplicateRow } from './store.js';
import { UnionFind } from './union-find.js';
import { fold } from '../text/fold.js';
import { compact, isAnaphoric, isOutletPhrase, isPlatform, reporterOutlet, reportsSpeech } from '../annotate/attributions/source-keys.js';
import { institutionOf } from '../annotate/attributions/offices.js';
import { attributionLexicon } from '../annotate/attributions/lexicon.js';
import { languageOf } from '../lang/registry.js';
import { knowledgeBase } from '../kb/kb.js';
import { actorCanon, IDENTITY, type KeyCanon } from './source-keys.js';
import { personNameKey } from './claim-keys.js';
import { renderGroupReason, sourceLabel, type GroupReason, type MentionReason, type ReasonSource } from '../present/reasons.js';

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
  /** Every mention leading to it denies the group's claim (« a démenti les rumeurs selon lesquelles … »): it contradicts, never confirms. */
  denies?: boolean;
}

export interface Independence {
  /** Distinct upstream sources after chains, republications and same-outlet copies collapse. */
  distinctSources: number;
  verdict: Verdict;
  /** `reasonMessages` in English. */
  reasons: string[];
  /** Why: the verdict first, then each mention with the chain it traces through, as messages each interface renders in its language. */
  reasonMessages: GroupReason[];
  sources: UpstreamSource[];
  /** Mentions elsewhere stating the opposite of the group's claim (a denial of it), in the order given. */
  contradictedBy: Contradiction[];
}

/** A mention that states the opposite of a group's claim: it contradicts the claim, it never confirms it. */
export interface Contradiction {
  documentId: string;
  index: number;
  text: string;
  /** Who states the opposite (null: the outlet's own voice). */
  speaker: string | null;
  speakerKey: string | null;
  /** The speaker is the subject of the group's claim (« François Cuillandre dément » what is said of him): the person concerned denies it. */
  bySubject: boolean;
}

/** Which documents are copies of one another. */
export interface CopyFamilies {
  familyOf(documentId: string): string;
}

/** A document's declared link to another: its id and the one it republishes or translates. */
export interface CopyLink {
  documentId: string;
  duplicateOf: string;
}

export function copyFamilies(nearDuplicates: Iterable<CopyLink>, declared: Iterable<CopyLink> = []): CopyFamilies {
  const uf = new UnionFind<string>();
  for (const d of nearDuplicates) uf.union(d.documentId, d.duplicateOf);
  for (const d of declared) uf.union(d.documentId, d.duplicateOf);
  return { familyOf: (id) => uf.find(id) };
}

/** A URL as documents and origins write it: no fragment, no trailing slash, scheme and host case folded. */
const urlKey = (url: string) =>
  url
    .trim()
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^https?:\/\/(?:www\.)?/i, '')
    .toLowerCase();

/**
 * Declared republications and translations: a document whose `meta.origin` gives the URL of another document of the
 * corpus (« traduit de https://… », a syndication link) is a copy of it, in whatever language, so both are one copy
 * family (one voice; their anonymous sources one). An origin naming only an outlet links no article: which of its
 * articles was taken is not known (the outlet's voice already traces to that outlet, see `trace`).
 */
export function declaredCopies(documents: Iterable<Pick<DocumentRow, 'id' | 'url' | 'origin'>>): CopyLink[] {
  const docs = [...documents];
  const byUrl = new Map<string, string>();
  for (const d of docs) if (d.url) byUrl.set(urlKey(d.url), d.id);
  const out: CopyLink[] = [];
  for (const d of docs)
    for (const o of d.origin) {
      if (!/^https?:\/\//i.test(o.trim())) continue;
      const original = byUrl.get(urlKey(o));
      if (original && original !== d.id) out.push({ documentId: d.id, duplicateOf: original });
    }
  return out;
}

/** The store's copy families: its near-duplicates and its declared republications and translations (`declaredCopies`). */
export async function storeCopyFamilies(store: Pick<CorpusStore, 'nearDuplicates' | 'documents'>): Promise<CopyFamilies> {
  const dups: NearDuplicateRow[] = [];
  for await (const d of store.nearDuplicates()) dups.push(d);
  const docs: Pick<DocumentRow, 'id' | 'url' | 'origin'>[] = [];
  for await (const d of store.documents()) if (d.url || d.origin.length) docs.push({ id: d.id, url: d.url, origin: d.origin });
  return copyFamilies(dups, declaredCopies(docs));
}

export const NO_COPIES: CopyFamilies = { familyOf: (id) => id };

/**
 * A name as a key (for stores written before source keys): its last run of
 * capitalised words, folded ("la TV pan-arabe Al Mayadeen" and "Al Mayadeen" meet).
 */
export function sourceKey(name: string): string {
  return fold(nameRun(name)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The last run of capitalised words of a name (« le site InfoWars » → InfoWars), else the whole name. */
export function nameRun(name: string): string {
  const runs = name.match(/(?<![\p{L}\p{N}'’-])[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*)*/gu);
  const last = runs?.[runs.length - 1];
  return last && (runs!.length > 1 || last.length < name.trim().length) ? last : name;
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
  /** What the source is called: its name, and for an anonymous one the outlet it appears in. */
  name: { name: string; in?: string };
  kind: UpstreamSource['kind'];
  /** How the mention leads there, for the reasons. */
  chain: Pick<MentionReason, 'speaker' | 'via' | 'relay' | 'where' | 'published'>;
  /** An unnamed speaker that points back to someone the article names (« il », « le chef de l'Etat »): see `isAnaphoric`. */
  anaphor?: boolean;
  /** A definite description keyed as a name (« le Toulousain de 35 ans »): the person it describes, not a name (`describesPerson`). */
  describes?: boolean;
  /** An outlet's own voice led to the source its article gives the proposition (`sourcedInDocument`): no confirmation of its own. */
  inherited?: boolean;
}

/**
 * Whether a definite speaker phrase keyed as a name is a description of a person the article names (« le Toulousain de
 * 35 ans », « l'Américain »): the determiner, one capitalised word the knowledge base does not know (not an acronym:
 * « la CGT » is a body) and at most a complement (« de 35 ans »). It points back like « le chef de l'Etat » does.
 */
function describesPerson(phrase: string | null, key: string, language: string): boolean {
  if (!phrase || !/^(?:org|name):/.test(key) || knowledgeBase(language).has(key, 'ORG') || isOutlet(phrase, language)) return false;
  const m = descriptionPattern(language).exec(phrase.trim());
  return m !== null && knowledgeBase(language).lookup(m[1]!) === undefined && !namesNoPerson(m[1]!, language);
}

/**
 * Whether a capitalised head noun is the language's noun for a body, an outlet, a document or a group (lang/<xx>/roles.tsv
 * kinds other than `person`): « La Préfecture de police (PP) » is a body speaking, no description of a person.
 */
function namesNoPerson(word: string, language: string): boolean {
  if (!languageOf(language).supports('attributions')) return false;
  const role = attributionLexicon(language).roles.get(word.toLowerCase());
  return role !== undefined && role.kind !== 'person';
}

const descriptionPatterns = new Map<string, RegExp>();
/**
 * The determiner, one capitalised word, and at most a complement opened by one of the language's
 * `descriptionComplements` (lang/<xx>/attribution-grammar.json: « de 35 ans », "aged 40"), an apostrophe in either form.
 */
function descriptionPattern(language: string): RegExp {
  let re = descriptionPatterns.get(language);
  if (re) return re;
  const words = languageOf(language).supports('attributions') ? [...attributionLexicon(language).descriptionComplements] : [];
  const opener = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join('|');
  const complement = opener ? `(?:\\s+(?:${opener})\\s.*)?` : '';
  re = new RegExp(`^\\S+?['’\\s]\\s*(\\p{Lu}\\p{Ll}+)${complement}$`, 'u');
  descriptionPatterns.set(language, re);
  return re;
}

const short = (id: string) => id.slice(0, 12);

/** Whether a speaker is a news outlet: a medium of the knowledge base, a name of its outlet lists (« Sud Ouest »), or a name an outlet noun introduces (« le site Reporterre »). */
const isOutlet = (name: string, language: string) => knowledgeBase(language).lookup(name)?.subtype === 'media' || isOutletPhrase(name, language);

/**
 * Whether an actor key names an organisation: a body keyed by its letters (`org:`), or an organisation of the knowledge
 * base. Never a person, a place or country (« Paris » may speak for « l'Elysée »), a role or an anonymous source.
 */
function isBody(key: string, language: string): boolean {
  return key.startsWith('org:') || knowledgeBase(language).has(key, 'ORG');
}

/**
 * Whether a trace ends at an identified source that can confirm on its own: a named speaker. Not a relay of an
 * unnamed speaker (two outlets relaying « des sources proches du dossier » may relay the same person), nor an unnamed
 * office holder (`role:` keys: « le porte-parole de la police » may be the person another article names).
 */
const identified = (t: Trace) => t.kind === 'speaker' && !t.key.startsWith('role:') && !t.describes;

/** Who publishes a document: the wire it declares, else its outlet, else the document (copies share their original's). */
function publisher(c: ClaimWithDocument, families: CopyFamilies): string {
  const o = c.origin[0] ?? c.outlet;
  return o ? outletKey(o, c.language) : `family:${families.familyOf(c.documentId)}`;
}

function trace(c: ClaimWithDocument, families: CopyFamilies, canon: KeyCanon): Trace {
  const at = { speaker: c.speaker, via: c.via, where: c.outlet ?? c.inputPath ?? short(c.documentId), published: c.published };
  // Claims stored without source keys (older stores, hand-made analyses): the named speaker's name stands in.
  const speakerKey = c.speakerKey ?? (c.speaker && c.anonymous === false ? `name:${sourceKey(c.speaker)}` : null);
  // An unnamed speaker pointing back to someone its article names (« il », « le chef de l'Etat », « l'entourage de X »).
  const anaphor = c.speaker !== null && !c.speakerKey?.startsWith('per:') && isAnaphoric(c.speaker, c.language);
  // An outlet credited with a statement that itself reports someone's words (« Le principal intéressé a confirmé avoir
  // été contacté, rapporte Ouest-France ») relays that unnamed someone: it is its own source only when it found out
  // itself, which such a statement does not say.
  if (speakerKey && c.speaker && isOutlet(c.speaker, c.language) && reportsSpeech(c.text, c.language))
    return { key: canon(speakerKey), name: { name: c.speaker }, kind: 'relay', chain: { ...at, speaker: null, relay: c.speaker } };
  if (speakerKey && !speakerKey.startsWith('anon:')) {
    return {
      key: canon(speakerKey),
      name: { name: c.speaker ?? speakerKey },
      kind: 'speaker',
      chain: at,
      ...(anaphor && speakerKey.startsWith('role:') ? { anaphor } : {}),
      ...(anaphor && describesPerson(c.speaker, speakerKey, c.language) ? { anaphor, describes: true } : {}),
    };
  }
  // An unnamed speaker relayed by a named intermediary: the intermediary is as far up as the text lets us go.
  const viaKeys = c.proposition?.viaKeys ?? c.via.map((v) => `name:${sourceKey(v)}`);
  for (let i = viaKeys.length - 1; i >= 0; i--) {
    const k = viaKeys[i];
    if (k && !k.startsWith('anon:')) return { key: canon(k), name: { name: c.via[i] ?? k }, kind: 'relay', chain: { ...at, relay: c.via[i] } };
  }
  // A reporter of the publisher (« rapporte une journaliste de l'agence de presse » in a wire's dispatch) is the
  // publisher's own reporting; a reporter of another outlet (« un journaliste de l'AFP » in Le Parisien) is that outlet
  // relayed. Neither is an anonymous source beside the outlet's voice.
  const reporter = reporterOutlet(speakerKey, c.language);
  const own = reporter === '' || (reporter !== null && reporter === publisher(c, families));
  if (reporter !== null && !own)
    return { key: canon(reporter), name: { name: c.speaker ?? reporter }, kind: 'relay', chain: { ...at, relay: c.speaker ?? reporter } };
  if (c.speaker && !own) {
    // Anonymous sources cannot be told apart across outlets: one per family of copies.
    // (An anaphor is kept apart until the group says whom it may point to: see `independence`.)
    return {
      key: `${anaphor ? `anaphor:${compact(c.speaker)}` : 'anonymous'}@${families.familyOf(c.documentId)}`,
      name: { name: c.speaker, in: c.outlet ?? short(c.documentId) },
      kind: 'anonymous',
      chain: at,
      ...(anaphor ? { anaphor } : {}),
    };
  }
  const origin = c.origin[0];
  if (origin) return { key: outletKey(origin, c.language), name: { name: origin }, kind: 'agency', chain: { ...at, relay: origin } };
  // One outlet's own voice is one source however many of its articles repeat it.
  const key = c.outlet ? outletKey(c.outlet, c.language) : `family:${families.familyOf(c.documentId)}`;
  return { key, name: { name: c.outlet ?? c.inputPath ?? short(c.documentId) }, kind: 'outlet', chain: at };
}

/**
 * An outlet's own voice in a document whose other mentions of the group give their source leads to that source: the
 * headline « Valmont supprimerait 800 postes » above « selon Le Monde, Valmont … », or "Zentrix eyes Halvard Bank"
 * above "as first reported by Reuters, …", states the proposition because its article's source does. Counted as an
 * upstream of its own, each relaying outlet's headline made a plain relay chain "undetermined" (newcomer trial s12).
 * The first asserting, sourced mention of the document gives the trace; the voice itself never confirms (`inherited`).
 */
function sourcedInDocument(claims: ClaimWithDocument[], firsts: Trace[]): Map<string, Trace> {
  const out = new Map<string, Trace>();
  claims.forEach((c, i) => {
    const t = firsts[i]!;
    if (t.kind !== 'outlet' && t.kind !== 'agency' && c.proposition?.denied !== true && !out.has(c.documentId)) out.set(c.documentId, t);
  });
  return out;
}

/** Whether a mention's speaker, or a speaker coordinated with it, is a news outlet. */
const namesAnOutlet = (c: ClaimWithDocument) =>
  (c.speaker !== null && isOutlet(c.speaker, c.language)) || (c.proposition?.coSources ?? []).some((x) => isOutlet(x.name, c.language));

/**
 * The speakers coordinated with the mention's source (« selon Mediapart et Le Monde »: Le Monde), each an upstream
 * source of its own when named (src/annotate/attributions/source-keys.ts, rule `coordination`).
 */
function coTraces(c: ClaimWithDocument, first: Trace, canon: KeyCanon): Trace[] {
  if (first.kind !== 'speaker') return [];
  const out: Trace[] = [];
  for (const x of c.proposition?.coSources ?? [])
    if (x.key && !x.key.startsWith('anon:')) out.push({ key: canon(x.key), name: { name: x.name }, kind: 'speaker', chain: first.chain });
  return out;
}

const wordsOf = (text: string) =>
  new Set(
    fold(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/**
 * Whether two mentions are nearly the same words (Dice of their word sets ≥ 0.8): one statement quoted twice, whoever
 * each copy credits it to (the same quote given to a defendant in one dispatch and to his lawyer in another is one
 * statement, not two actors agreeing).
 */
function sameWords(x: Set<string>, y: Set<string>): boolean {
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return x.size + y.size > 0 && (2 * both) / (x.size + y.size) >= 0.8;
}

/** Fewest distinct words of the shorter of two quoted mentions for them to be one quotation (`sameQuotation`). */
const SAME_QUOTE_WORDS = 5;
/** Share of the shorter quoted mention's words the other must hold for both to be one quotation. */
const SAME_QUOTE_SHARE = 0.8;

/**
 * Whether two quoted mentions (inside quotation marks: `proposition.quoted`) are one quotation: nearly all the words of
 * the shorter (at least SAME_QUOTE_WORDS) are in the other, the way a quotation is cut at different places by two copies.
 */
function sameQuotation(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < SAME_QUOTE_WORDS) return false;
  let both = 0;
  for (const w of small) if (large.has(w)) both++;
  return both >= SAME_QUOTE_SHARE * small.size;
}

/**
 * Whether two mentions disagree: one denies what the other states (one negated, the other not, with a predicate in
 * common: « n'a participé à aucune réunion » and « a participé à plusieurs réunions »). Disagreement is no confirmation.
 */
export function disagree(a: ClaimWithDocument, b: ClaimWithDocument): boolean {
  const p = a.proposition;
  const q = b.proposition;
  if (!p || !q || p.negated === q.negated) return false;
  const verbs = new Set(p.predicate);
  return q.predicate.some((v) => verbs.has(v));
}

/** Unites each key with the first key seen under the same signature (undefined: the entry has none). */
function uniteBySignature(uf: UnionFind<string>, entries: Iterable<[signature: string | undefined, key: string]>): void {
  const first = new Map<string, string>();
  for (const [signature, key] of entries) {
    if (signature === undefined) continue;
    const seen = first.get(signature);
    if (seen === undefined) first.set(signature, key);
    else uf.union(seen, key);
  }
}

/** Work bound: quoted mention pairs compared per group when looking for one quotation credited to two speakers. */
const MAX_QUOTATION_PAIRS = 2000;
/** Fewest distinct words of a mention for its wording alone to make it one statement with another (`independence`). */
const SAME_STATEMENT_WORDS = 8;

/**
 * The outlet a mention credits, when it names one as its speaker or as the intermediary it traces to (« selon Le
 * Dauphiné Libéré », "The Times reported", « selon une source citée par Le Monde »), as an outlet key.
 */
function relayedOutlet(c: ClaimWithDocument, t: Trace): string | null {
  if (t.kind !== 'speaker' && t.kind !== 'relay') return null;
  const name = t.kind === 'relay' ? (t.chain.relay ?? t.name.name) : t.name.name;
  return name && isOutlet(name, c.language) ? outletKey(name, c.language) : null;
}

/**
 * A mention crediting an outlet whose own article is in the group (« Selon Le Dauphiné Libéré, le glacier a perdu 40
 * mètres » in Le Progrès, and Le Dauphiné's article citing a study) relays that article: it traces back to the article's
 * own upstream sources, never a second source beside them. When the relayed article's mentions lead to one source, the
 * relay is that source; when they lead to several, which one the relay repeats cannot be told, and it confirms none.
 */
function relayedOutlets(
  claims: ClaimWithDocument[],
  traces: { keys: { key: string; named: boolean }[]; outlet?: string }[],
  uf: UnionFind<string>,
  relayOnly: Set<string>,
): void {
  if (!traces.some((t) => t.outlet)) return;
  const byOutlet = new Map<string, number[]>();
  claims.forEach((c, j) => {
    if (!c.outlet) return;
    const k = outletKey(c.outlet, c.language);
    const list = byOutlet.get(k);
    if (list) list.push(j);
    else byOutlet.set(k, [j]);
  });
  traces.forEach((t, i) => {
    if (!t.outlet) return;
    const relayed = (byOutlet.get(t.outlet) ?? []).filter((j) => claims[j]!.documentId !== claims[i]!.documentId && traces[j]!.outlet !== t.outlet);
    if (relayed.length === 0) return;
    const own = t.keys[0]!;
    const roots = new Set(relayed.map((j) => uf.find(traces[j]!.keys[0]!.key)));
    if (roots.size === 1) uf.union([...roots][0]!, own.key);
    else own.named = false;
    relayOnly.add(own.key);
  });
}

/** Kinds of upstream source an intermediary may also be when it states the proposition in its own name. */
const RELAYS_THAT_SPEAK = new Set<UpstreamSource['kind'] | undefined>(['speaker', 'relay']);

/** Work bound: named-source mention pairs compared per group when looking for a direct corroboration. */
const MAX_CORROBORATION_PAIRS = 2000;

/**
 * The group's copy families, with each document that declares it was taken or translated from an outlet (`meta.origin`:
 * « Article original publié sur The Guardian ») joined to the group's documents of that outlet published no later: the
 * copy states the proposition because the original does, in whatever language (a wire's copies already trace to the wire,
 * see `trace`; this joins an outlet's article and its republication or translation elsewhere). Linear in the group.
 */
function takenFrom(claims: ClaimWithDocument[], families: CopyFamilies): CopyFamilies {
  const byOutlet = new Map<string, ClaimWithDocument[]>();
  for (const c of claims) {
    if (!c.outlet) continue;
    const k = outletKey(c.outlet, c.language);
    const list = byOutlet.get(k);
    if (list) list.push(c);
    else byOutlet.set(k, [c]);
  }
  let uf: UnionFind<string> | null = null;
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.documentId)) continue;
    seen.add(c.documentId);
    for (const o of c.origin)
      for (const original of byOutlet.get(outletKey(o, c.language)) ?? []) {
        if (original.documentId === c.documentId || (c.published && original.published && original.published > c.published)) continue;
        uf ??= new UnionFind<string>();
        uf.union(families.familyOf(c.documentId), families.familyOf(original.documentId));
        break;
      }
  }
  if (!uf) return families;
  const joined = uf;
  return { familyOf: (id) => joined.find(families.familyOf(id)) };
}

/** Whether most of a group's mentions assert a negation (« personne n'a été blessé »): the group's claim is negative. */
function groupPolarity(claims: ClaimWithDocument[]): boolean {
  let negated = 0;
  for (const c of claims) if (c.proposition?.negated) negated++;
  return 2 * negated > claims.length;
}

/**
 * The mentions that state the opposite of the group's claims, each with whether its speaker is the subject of one of
 * them: « Le maire de Brest, François Cuillandre, aurait reçu 50 000 euros » (subject François Cuillandre) and « Le
 * maire de Brest, François Cuillandre, dément avoir reçu 50 000 euros » (speaker François Cuillandre) is a denial by the
 * person concerned, which a fact-checker reads first. One person under two spellings is one (`personNameKey`).
 */
export function contradictions(claims: ClaimWithDocument[], against: ClaimWithDocument[], canon: KeyCanon = IDENTITY): Contradiction[] {
  const subjects = new Set<string>();
  for (const c of claims)
    for (const k of c.proposition?.subject ?? []) {
      subjects.add(canon(k));
      const name = personNameKey(canon(k));
      if (name) subjects.add(name);
    }
  return against.map((c) => {
    const key = c.speakerKey && !c.speakerKey.startsWith('anon:') ? canon(c.speakerKey) : null;
    const name = key ? personNameKey(key) : undefined;
    return {
      documentId: c.documentId,
      index: c.index,
      text: c.text,
      speaker: c.speaker,
      speakerKey: key,
      bySubject: key !== null && (subjects.has(key) || (name !== undefined && subjects.has(name))),
    };
  });
}

/**
 * `corroborates(i, j)`: whether mentions i and j of `claims` state the proposition in agreement on their own (not only
 * through other mentions of the group). Without it, any two mentions of the group count as agreeing. `against`: the
 * mentions elsewhere that state the opposite (`contradictions`): listed after the mentions, never counted.
 */
export function independence(
  claims: ClaimWithDocument[],
  corpusFamilies: CopyFamilies,
  canon: KeyCanon = IDENTITY,
  corroborates: (i: number, j: number) => boolean = () => true,
  against: ClaimWithDocument[] = [],
): Independence {
  const families = takenFrom(claims, corpusFamilies);
  const uf = new UnionFind<string>();
  const info = new Map<
    string,
    { name: Trace['name']; kind: UpstreamSource['kind']; documents: Set<string>; claims: number; publishers: Set<string>; denials: number }
  >();
  const reasons: GroupReason[] = [];
  const publishers = new Set<string>();
  const families_ = new Set<string>();
  /** Each mention's upstream sources (its source, then any coordinated with it), named or not. */
  const traces: { keys: { key: string; named: boolean }[]; publisher: string; family: string; anaphor: boolean; outlet?: string }[] = [];
  /** Keys united with another actor only because they relay it (an intermediary, an outlet relayed): never shown as « X = Y ». */
  const relayOnly = new Set<string>();
  const own = claims.map((c) => trace(c, families, canon));
  const polarity = groupPolarity(claims);
  const sourced = sourcedInDocument(claims, own);
  claims.forEach((c, index) => {
    const voice = own[index]!;
    const from = voice.kind === 'outlet' ? sourced.get(c.documentId) : undefined;
    const first: Trace = from ? { ...from, chain: { ...voice.chain, relay: from.name.name }, inherited: true } : voice;
    const all = [first, ...coTraces(c, first, canon)];
    const outlet = relayedOutlet(c, first);
    const pub = publisher(c, families);
    // A mention its speaker denies (« a démenti les rumeurs selon lesquelles … ») confirms nothing: it contradicts. So
    // does one that states the opposite of most of the group ("There is no plan to withdraw 3,000 troops" among
    // mentions of the plan), even when no verb is shared to tell it a denial of the same predicate.
    const asserts = c.proposition?.denied !== true && (c.proposition?.negated ?? false) === polarity;
    traces.push({
      keys: all.map((t) => ({ key: t.key, named: asserts && !t.inherited && identified(t) })),
      publisher: pub,
      family: families.familyOf(c.documentId),
      anaphor: first.anaphor === true,
      ...(outlet ? { outlet } : {}),
    });
    publishers.add(pub);
    families_.add(families.familyOf(c.documentId));
    for (const t of all) {
      uf.find(t.key);
      // Two officials of one body (« le ministre de la Défense, Amir Hatami » here, « le porte-parole du ministère de la
      // Défense » there), or an office and the body it heads, speak for that body: one upstream (`institutionOf`).
      const body = t.kind === 'speaker' ? institutionOf(t === first ? (c.proposition?.speakerOffice ?? t.key) : t.key, c.language) : null;
      if (body) uf.union(t.key, body);
      // An outlet's own voice is its copies' voice too.
      if (t.kind === 'outlet' || t.kind === 'agency') uf.union(t.key, `family:${families.familyOf(c.documentId)}`);
      let i = info.get(t.key);
      if (!i) info.set(t.key, (i = { name: t.name, kind: t.kind, documents: new Set(), claims: 0, publishers: new Set(), denials: 0 }));
      i.documents.add(c.documentId);
      i.publishers.add(pub);
      i.claims++;
      if (!asserts) i.denials++;
    }
    const co = all.slice(1).map((t) => ({ names: [t.name] }));
    const kind = first.inherited ? 'outlet' : first.kind;
    reasons.push({ id: 'mention', text: c.text, kind, ...first.chain, source: { names: [first.name] }, ...(co.length ? { coSources: co } : {}) });
  });
  // A named speaker relayed by an intermediary that states the proposition in its own name elsewhere in the group
  // (« Sophie Marceau » via RTL, and RTL reporting it): the intermediary's mentions are the speaker's relayed, one
  // upstream, never a confirmation of it. Mentions relaying the same upstream never count twice.
  for (const c of claims) {
    const speaker = c.speakerKey && !c.speakerKey.startsWith('anon:') ? canon(c.speakerKey) : null;
    if (!speaker) continue;
    for (const v of c.proposition?.viaKeys ?? []) {
      const relay = v && !v.startsWith('anon:') ? canon(v) : null;
      const kind = relay ? info.get(relay)?.kind : undefined;
      if (relay && relay !== speaker && RELAYS_THAT_SPEAK.has(kind)) {
        uf.union(speaker, relay);
        relayOnly.add(relay);
      }
    }
  }
  /** Each mention's distinct words, read once for the word comparisons below. */
  const words = claims.map((c) => wordsOf(c.text));
  // A quotation is said once: near-identical quoted words credited to two named speakers (one copy gave « "…", a-t-il
  // expliqué » to the wrong person) are one statement, one upstream, never two actors agreeing.
  const quoted = claims.flatMap((c, i) => (c.proposition?.quoted && traces[i]!.keys[0]?.named ? [{ i, words: words[i]! }] : []));
  for (let x = 0, budget = MAX_QUOTATION_PAIRS; x < quoted.length && budget > 0; x++)
    for (let y = x + 1; y < quoted.length && budget > 0; y++, budget--) {
      const a = traces[quoted[x]!.i]!.keys[0]!.key;
      const b = traces[quoted[y]!.i]!.keys[0]!.key;
      if (uf.find(a) !== uf.find(b) && sameQuotation(quoted[x]!.words, quoted[y]!.words)) uf.union(a, b);
    }
  // One person under two spellings of a surname (« Zelenskiy » / « Ukrainian President Volodymyr Zelensky ») is one
  // source, whatever the corpus keys made of them: never two upstreams confirming each other (`personNameKey`).
  uniteBySignature(
    uf,
    [...info.keys()].map((k) => [personNameKey(k), k]),
  );
  // One statement in the same words (a quotation, a sentence of wire copy) is one statement, whoever each copy credits it
  // to: the same quote given to Mouammar Kadhafi in one dispatch and to Nicolas Sarkozy in another, or to a lawyer by
  // his name here and as « l'avocat de X » there, is one upstream, never two actors agreeing.
  uniteBySignature(
    uf,
    words.map((w, i) => [w.size >= SAME_STATEMENT_WORDS ? [...w].sort().join(' ') : undefined, traces[i]!.keys[0]!.key]),
  );
  // An unnamed speaker pointing back to someone its article names (« il », « le chef de l'Etat », « l'entourage de
  // X ») is that actor when the group's named speakers are all one actor and the anaphor's own article quotes that
  // actor in the group too, or its description names the actor (« l'entourage d'Alexandre Benalla »). Otherwise it
  // could be anyone (« le chef de l'Etat » in one dispatch, the prefect named in another), and stays an anonymous
  // voice of its article.
  const namedRoots = new Set(traces.flatMap((t) => t.keys.filter((k) => k.named).map((k) => uf.find(k.key))));
  const only = namedRoots.size === 1 ? [...namedRoots][0]! : null;
  const isOnly = (t: (typeof traces)[number]) => t.keys.some((k) => k.named && uf.find(k.key) === only);
  // The documents that quote that actor in the group, or name it in a mention of the group (« Daniel Cohn-Bendit contacté
  // par le gouvernement », the title of the article where « l'ancien député européen » confirms it).
  const namesOnly = (c: ClaimWithDocument) => only !== null && c.entityKeys.some((k) => info.has(canon(k)) && uf.find(canon(k)) === only);
  const onlyIn = new Set(claims.filter((c, i) => isOnly(traces[i]!) || namesOnly(c)).map((c) => c.documentId));
  const onlyNames = new Set(traces.flatMap((t) => t.keys.filter((k) => k.named && uf.find(k.key) === only).map((k) => compact(k.key.replace(/^[a-z]+:/, '')))));
  traces.forEach((t, i) => {
    if (!t.anaphor) return;
    const k = t.keys[0]!.key;
    const about = claims[i]!.speakerKey?.split('@')[1];
    const points = onlyIn.has(claims[i]!.documentId) || (about !== undefined && onlyNames.has(compact(about.replace(/^[a-z]+:/, ''))));
    if (only !== null && points) uf.union(only, k);
    else if (k.startsWith('anaphor:')) uf.union(`anonymous@${t.family}`, k);
  });
  relayedOutlets(claims, traces, uf, relayOnly);
  /**
   * A mention's source when it is an identified actor quoted directly: its own words or statement, through no named
   * intermediary, not only coordinated with another, and not an outlet (an outlet quoted is its own reporting relayed).
   */
  const direct = (c: ClaimWithDocument, t: (typeof traces)[number]) => {
    const first = t.keys[0];
    if (!first?.named || t.keys.length > 1) return null;
    // Through a named intermediary (« selon X citant Y », « a dit au Parisien »), or an outlet itself: a relay, not an actor.
    // Any intermediary counts, named or not (« via le quotidien »): the speaker reached the publisher through someone.
    // A platform is no intermediary (« a écrit l'AP-HP sur Twitter »: its own account, its own words).
    const through = c.via.filter((v) => !isPlatform(v, c.language));
    if (through.length > 0 || (c.proposition?.viaKeys ?? []).some((k) => k !== null) || (c.speaker && isOutlet(c.speaker, c.language))) return null;
    return { key: uf.find(first.key) };
  };
  const sources: UpstreamSource[] = [];
  /** Each source's names for the reasons, by key. */
  const named_ = new Map<string, ReasonSource>();
  const ref = (s: UpstreamSource) => named_.get(s.key)!;
  for (const members of uf.groups()) {
    const keys = members.filter((k) => info.has(k));
    if (keys.length === 0) continue;
    const parts = keys.map((k) => info.get(k)!);
    const named = parts.find((p) => p.kind === 'speaker' || p.kind === 'relay' || p.kind === 'agency');
    const kind = named?.kind ?? parts[0]!.kind;
    // A relay's name is no second name of the actor it relays (« OSDH = le groupe EI » would equate the observatory
    // with what it reports): it is shown only when the group holds nothing else.
    const shown = keys.filter((k) => !relayOnly.has(k));
    const labelled = (shown.length ? shown : keys).map((k) => info.get(k)!);
    const names: ReasonSource = { names: labelled.map((p) => p.name), documents: new Set(parts.flatMap((p) => [...p.documents])).size };
    named_.set(keys[0]!, names);
    sources.push({
      key: keys[0]!,
      label: sourceLabel(names, 'en'),
      // An outlet's or a wire's own voice names no source: it cannot confirm independently (it may copy anyone).
      anonymous: kind === 'anonymous' || kind === 'outlet' || kind === 'agency',
      kind,
      documents: [...new Set(parts.flatMap((p) => [...p.documents]))],
      claims: parts.reduce((n, p) => n + p.claims, 0),
      ...(parts.every((p) => p.denials === p.claims) ? { denies: true } : {}),
    });
  }
  sources.sort((a, b) => b.claims - a.claims || a.key.localeCompare(b.key));
  const unnamed = sources.filter((s) => s.anonymous);
  // A named source confirms another only when one of its mentions and one of the other's, published by different
  // publishers in different copy families, agree directly (a chain of matches may drift to a neighbouring statement).
  // The copy families each named source is quoted in: two actors of one document confirm each other only when each is
  // attested in another document too (a role and the named person it describes in one article are one actor).
  const familiesOf = new Map<string, Set<string>>();
  for (const t of traces)
    for (const k of t.keys) {
      if (!k.named) continue;
      const r = uf.find(k.key);
      let f = familiesOf.get(r);
      if (!f) familiesOf.set(r, (f = new Set()));
      f.add(t.family);
    }
  const elsewhere = (key: string, family: string) => [...(familiesOf.get(key) ?? [])].some((f) => f !== family);
  /**
   * Whether two distinct actors quoted directly in one document are two accounts. Each attested in another document of
   * the group says so; so does one of them when both are bodies (organisations, outlets: never a person, who may be the
   * other's spokesman or the holder of the office it names): two institutions named apart in one dispatch (the hospitals
   * and the police prefecture) are two speakers, whereas « la garde des Sceaux » and « Nicole Belloubet » may be one.
   */
  const language = claims[0]?.language ?? 'fr';
  // The actors (sets of keys) that hold a body's key: a person who speaks for a body is still a person here.
  const bodies = new Set([...info.keys()].filter((k) => isBody(k, language)).map((k) => uf.find(k)));
  const twoAccounts = (x: string, y: string, family: string) =>
    (elsewhere(x, family) && elsewhere(y, family)) || (bodies.has(x) && bodies.has(y) && (elsewhere(x, family) || elsewhere(y, family)));
  const confirmed = new Set<string>();
  /** Whether some confirmation crossed publishers (else each came from one publisher relaying distinct actors). */
  let across = false;
  /** Whether some confirmation came from speakers the text names together as the source of one mention. */
  let together = false;
  const confirm = (x: string, y: string) => {
    confirmed.add(x);
    confirmed.add(y);
  };
  let budget = MAX_CORROBORATION_PAIRS;
  for (let i = 0; i < claims.length && budget > 0; i++) {
    const a = traces[i]!;
    const aKeys = a.keys.filter((k) => k.named).map((k) => uf.find(k.key));
    if (aKeys.length === 0) continue;
    // « selon la préfecture et les pompiers »: the text itself says each of the coordinated speakers states the
    // proposition, in one mention (no chain of matches involved): distinct named speakers of one mention confirm each
    // other. Not outlets (« selon Le Parisien et Franceinfo »: two newsrooms may relay one unnamed source, and an outlet
    // is its own source only when it says it found out itself). The group must still span two documents (the verdicts
    // below), so one article naming two sources stays one account.
    const own = [...new Set(aKeys)];
    if (own.length > 1 && !namesAnOutlet(claims[i]!)) {
      for (let x = 0; x < own.length; x++) for (let y = x + 1; y < own.length; y++) confirm(own[x]!, own[y]!);
      together = true;
    }
    for (let j = i + 1; j < claims.length && budget > 0; j++) {
      const b = traces[j]!;
      // The pairs of distinct sources, one from each mention, that this agreement would confirm.
      const pairs: [string, string][] = [];
      if (a.publisher !== b.publisher && a.family !== b.family) {
        for (const x of aKeys)
          for (const k of b.keys) {
            const y = uf.find(k.key);
            if (k.named && x !== y && !(confirmed.has(x) && confirmed.has(y))) pairs.push([x, y]);
          }
      } else if (claims[i]!.documentId === claims[j]!.documentId) {
        // One document quoting two distinct named actors, each directly, neither relaying the other: the publisher only
        // relays them, so they are two upstream sources (the AP-HP and the police prefecture in one AFP dispatch). Never
        // the same actor, an anonymous or unnamed voice, or one actor cited by the other. Not across two documents of
        // one publisher: there a chain of matches may put two statements days apart side by side (the group is still
        // independent only when it spans two documents: one document alone is one account).
        const x = direct(claims[i]!, a);
        const y = direct(claims[j]!, b);
        if (x && y && x.key !== y.key && twoAccounts(x.key, y.key, a.family) && !sameWords(words[i]!, words[j]!))
          if (!(confirmed.has(x.key) && confirmed.has(y.key))) pairs.push([x.key, y.key]);
      }
      if (pairs.length === 0) continue;
      budget--;
      if (corroborates(i, j) && !disagree(claims[i]!, claims[j]!)) {
        if (a.publisher !== b.publisher && a.family !== b.family) across = true;
        for (const [x, y] of pairs) confirm(x, y);
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
    reasons.unshift({ id: 'single-source', source: ref(sources[0]!) });
  } else if (families_.size < 2) {
    // One article (and its copies) is one account, whoever it quotes: what it says rests on that article alone.
    verdict = 'single-upstream';
    reasons.unshift({ id: 'single-document', sources: sources.map(ref) });
  } else if (publishers.size < 2 && speaking.length <= 1 && anonymous.length === 0) {
    // One outlet or wire and its republications, in its own voice or relaying one named speaker: wire copy
    // rewritten by an outlet counts as the wire, so this is one upstream (two named speakers relayed by one wire
    // would be two, and anonymous sources cannot be told from the wire's own).
    verdict = 'single-upstream';
    const voice = sources.find((s) => s.anonymous);
    reasons.unshift({
      id: 'single-outlet',
      voice: voice ? ref(voice) : { names: [{ name: [...publishers][0]! }] },
      relaying: speaking.length ? ref(speaking[0]!) : null,
    });
  } else if (named.length >= 2) {
    verdict = 'independent';
    reasons.unshift({
      id: 'independent',
      sources: named.map(ref),
      publishers: publishers.size,
      ...(across ? {} : together ? { together: true } : { oneRelay: true }),
    });
  } else {
    verdict = 'undetermined';
    // `named` has fewer than two sources here (two or more is the verdict above).
    reasons.unshift({
      id: 'undetermined',
      oneOutlet: publishers.size < 2,
      confirmed: named.length,
      uncorroborated: uncorroborated.map(ref),
      indistinct: unnamed.map(ref),
    });
  }
  const contradictedBy = contradictions(claims, against, canon);
  contradictedBy.forEach((x, i) => {
    const c = against[i]!;
    reasons.push({
      id: 'contradicted',
      text: x.text,
      speaker: x.speaker,
      where: c.outlet ?? c.inputPath ?? short(c.documentId),
      published: c.published,
      bySubject: x.bySubject,
    });
  });
  return {
    // Undetermined: how many stand behind it cannot be told (never « 1 », which would read as one origin repeated).
    distinctSources: verdict === 'independent' ? named.length : verdict === 'single-upstream' ? 1 : 0,
    verdict,
    reasons: reasons.map((r) => renderGroupReason(r, 'en')),
    reasonMessages: reasons,
    sources,
    contradictedBy,
  };
}

/**
 * The verdicts of groups made by the caller (each a list of a store's claim keys), every two claims of a group taken
 * to state one proposition, with the speakers' keys unified and copies collapsed across the corpus as `corpus claims`
 * does. `eval:claims` runs it on the gold clusters (the oracle grouping): how right the verdicts are when the grouping is.
 */
export async function verdictsOf(
  store: Pick<CorpusStore, 'claimFeatures' | 'claimsAt' | 'nearDuplicates' | 'documents'>,
  groups: ClaimKey[][],
): Promise<Independence[]> {
  const canon = await actorCanon([], store.claimFeatures());
  const families = await storeCopyFamilies(store);
  const out: Independence[] = [];
  for (const keys of groups) {
    const claims: ClaimWithDocument[] = [];
    for await (const c of store.claimsAt(keys)) claims.push(c);
    // The order `corpus claims` gives a group's claims: by date, document, index.
    claims.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.documentId.localeCompare(b.documentId) || a.index - b.index);
    out.push(independence(claims, families, canon));
  }
  return out;
}
