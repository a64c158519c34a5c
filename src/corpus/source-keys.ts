// Source keys across a corpus. Each article keys its sources on its own
// (src/annotate/attributions/source-keys.ts); across articles two more
// unifications need the whole corpus:
//   - a lone surname (per:al-zameli, from "M. al-Zameli" in an article that
//     never gives the full name) is the one full name of the corpus ending in
//     it (per:hamed-al-zameli); with two candidates (le-pen) it stays apart;
//   - the same name keyed as a person in one article and as a body in another
//     (the tagger reads "Closer" as a person here, an outlet there) is one actor;
//   - a person key with words the span swallowed before the name
//     (per:apres-emmanuel-macron) is the name's key when the corpus has it (claim-keys.ts);
//   - a person's given name spelt with one other letter in the same week
//     (per:alexandra-benalla, per:alexandre-benalla) is one person (claim-keys.ts);
//   - so is one given name with a surname spelt as another transliteration, title words
//     before it aside (per:volodymyr-zelenskiy, per:ukrainian-president-volodymyr-zelensky);
//   - a person key of title words and a surname (per:president-zelensky, from « President Zelensky » in
//     a text of another language than the title's) is that surname's, so the lone-surname rule applies;
//   - an acronym met beside its long form in some document (org:aphp, « Assistance
//     publique-Hôpitaux de Paris ») is the long form's key (claim-keys.ts).
import { compact } from '../annotate/attributions/source-keys.js';
import { slug } from '../kb/normalise.js';
import { langPath, readJson } from '../lang/resources.js';
import { rowsOfEveryLanguage } from '../layout/lexicon/every-language.js';
import type { ClaimFeatures, SourceRow } from './store.js';
import { acronymOf, CorpusKeys, isFullNameKey, isGivenName, NAME_KEY, personKeyTrimmer } from './claim-keys.js';

let titles: Set<string> | undefined;

/**
 * Titles and person role nouns of every language with attribution data, as key words: courtesy titles
 * (lang/<xx>/syntax.json `titles`) and nouns of kind person (lang/<xx>/roles.tsv): « président », "President",
 * « ministre », "Mr" → president, ministre, mr. A key reads titles of every language: wire copy keeps "President" in
 * a French text.
 */
function isTitleWord(word: string): boolean {
  if (!titles) {
    titles = new Set();
    for (const { code, rows } of rowsOfEveryLanguage('roles.tsv')) {
      for (const [noun, kind] of rows) if (noun && kind === 'person') titles.add(slug(noun));
      const syntax = readJson<{ titles?: Record<string, unknown> }>(langPath(code, 'syntax.json'));
      for (const t of Object.keys(syntax.titles ?? {})) titles.add(slug(t));
    }
    titles.delete('');
  }
  return titles.has(word);
}

/**
 * A person key without the title words before the name (`per:president-zelensky` → `per:zelensky`,
 * `per:ministre-jean-dupont` → `per:jean-dupont`); the key itself when none, when nothing is left after them, or when
 * its first word is also a given name (« Pape Diouf »).
 */
export function withoutTitles(key: string): string {
  if (!key.startsWith('per:')) return key;
  const parts = key.slice(4).split('-');
  if (isGivenName(parts[0]!)) return key;
  let i = 0;
  while (i < parts.length - 1 && isTitleWord(parts[i]!)) i++;
  return i === 0 ? key : `per:${parts.slice(i).join('-')}`;
}

/** A key → its corpus-wide canonical key. */
export type KeyCanon = (key: string) => string;

export const IDENTITY: KeyCanon = (k) => k;

export function keyCanon(
  keys: Iterable<string>,
  longForms: ReadonlyMap<string, string> = new Map(),
  personVariants: ReadonlyMap<string, string> = new Map(),
): KeyCanon {
  const all = new Set<string>();
  for (const k of keys) if (k) all.add(k);
  // A person's name spelt another way in the same week (« Alexandra » / « Alexandre Benalla »): the person's key.
  const map = new Map<string, string>();
  for (const k of [...all]) {
    const v = personVariants.get(k);
    if (v) {
      map.set(k, v);
      all.add(v);
    }
  }
  // Acronyms known beside their long form in some document: the long form's key joins the keys it is compared with.
  const acronymKeys = [...all].filter((k) => acronymOf(k, longForms) !== undefined);
  for (const k of acronymKeys) all.add(longForms.get(acronymOf(k, longForms)!)!);
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
    else if (!map.has(k)) map.set(k, first);
  }
  // An acronym is its long form (« AP-HP » = « Assistance publique-Hôpitaux de Paris »): every key of its letters leads there.
  for (const k of acronymKeys) {
    const rep = byBody.get(compact(NAME_KEY.exec(k)![2]!)) ?? k;
    const long = longForms.get(acronymOf(k, longForms)!)!;
    if (rep !== long) map.set(rep, long);
  }
  // Words the span swallowed before a name the corpus also gives alone: per:apres-emmanuel-macron → per:emmanuel-macron.
  const trim = personKeyTrimmer(new Set(sorted.filter((k) => k.startsWith('per:'))));
  for (const k of sorted) if (k.startsWith('per:') && !map.has(k) && trim(k) !== k) map.set(k, trim(k));
  // Title words before a name: per:president-zelensky is per:zelensky (then the surname rule below).
  for (const k of sorted) {
    if (map.has(k)) continue;
    const bare = withoutTitles(k);
    if (bare === k) continue;
    map.set(k, bare);
    all.add(bare);
  }
  // Surnames: per:x → the single per:…-x. A full name is no lone surname: per:olivier-veran stays itself beside
  // per:sante-olivier-veran (« ministre de la Santé Olivier Véran », a span that swallowed a word the given-name lists
  // also hold, so the trimmer above cannot tell it from « Jean-Pierre »), not the longer key.
  const persons = sorted.filter((k) => k.startsWith('per:') && !map.has(k));
  const endings = new Map<string, string | null>();
  for (const k of persons) {
    const parts = k.slice(4).split('-');
    for (let i = 1; i < parts.length; i++) {
      const tail = `per:${parts.slice(i).join('-')}`;
      if (!all.has(tail) || isFullNameKey(tail)) continue;
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

/** A claim's keys as `CorpusKeys` reads them. */
type ClaimKeys = Parameters<CorpusKeys['add']>[0];

/**
 * Speakers' keys unified across the corpus as claim grouping unifies them: `keyCanon` over the claims' source keys and
 * the acronyms the claims give beside their long forms (`CorpusKeys`), and over the speakers' own keys (`corpus
 * sources`, the graph). Claims come document by document.
 */
export async function actorCanon(speakerKeys: Iterable<string>, claims: AsyncIterable<ClaimKeys> | Iterable<ClaimKeys>): Promise<KeyCanon> {
  const corpus = new CorpusKeys();
  for await (const c of claims) corpus.add(c);
  return keyCanon([...corpus.sourceKeys, ...speakerKeys], corpus.longForms(), corpus.personVariants());
}

/**
 * The store's sources with speaker keys unified across the corpus as claim grouping unifies them (`keyCanon` over
 * the claims' source keys and acronyms, `CorpusKeys`): rows of one actor merge (counts add up; `documents` may count
 * an article naming the actor both ways twice), the most cited name is the label. Outlets come first, as the store
 * gives them.
 */
export async function* actors(rows: AsyncIterable<SourceRow>, claims: AsyncIterable<ClaimFeatures> | Iterable<ClaimFeatures> = []): AsyncGenerator<SourceRow> {
  const speakers: SourceRow[] = [];
  for await (const r of rows) {
    if (r.kind === 'speaker') speakers.push(r);
    else yield r;
  }
  const canon = await actorCanon(
    speakers.map((s) => s.key),
    claims,
  );
  const merged = new Map<string, SourceRow & { best: number }>();
  for (const s of speakers) {
    const key = canon(s.key);
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { ...s, key, best: s.count });
      continue;
    }
    if (s.count > m.best) {
      m.name = s.name;
      m.best = s.count;
    }
    m.count += s.count;
    m.documents += s.documents;
    m.anonymous &&= s.anonymous;
    m.first = min(m.first, s.first);
    m.last = max(m.last, s.last);
  }
  const out = [...merged.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { best: _best, ...row } of out) yield row;
}

const min = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const max = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
