// Entity linking with evidence. A mention gets a knowledge-base key only when the
// context supports it, else a slug of its name; every mention says why (`rule`). A wrong
// key is worse than none: claim grouping, source keys and search all build on keys.
//   - curated actors (kb/actors.<lang>.json, the user's KB) are trusted: their type wins;
//   - a country or demonym name links, its type over the tagger's (few, and rarely else);
//   - a city name (generated from GeoNames) links only when the tagger calls it a place
//     and either the city is large (a prior: a name shared by a town of 30,000 and a
//     person, "Obama", is rarely the town) or the document names its country, or another
//     city of that country (co-occurring entities);
//   - a person's surname alone ("Psaki", "Mme Psaki") takes the key of the one full name
//     of the document that ends with it ("Jen Psaki"), whatever type the tagger gave the
//     surname alone: a person named in full is the strongest evidence the document has.
// Language-neutral: the title words come from lang/<code>/ (mentions.ts).
import type { Entity, LinkRule } from '../../doc/schema.js';
import type { KbEntity } from '../../kb/kb.js';
import { slug } from '../../kb/normalise.js';

/** Inhabitants from which a city name links without its country named in the document (the prior). */
export const LARGE_CITY = 1_000_000;

export type Link = Pick<Entity, 'type' | 'subtype' | 'key'> & { rule: LinkRule; wikidata: string | null };

/** What the document says about places, for the city links. */
export interface LinkContext {
  /** ISO 3166 codes of the countries the document names (countries, demonyms). */
  countries: Set<string>;
  /** Per country code, the distinct city names of that country the tagger marks as places. */
  citiesByCountry: Map<string, Set<string>>;
}

export function emptyContext(): LinkContext {
  return { countries: new Set(), citiesByCountry: new Map() };
}

/** Record a KB match in the document's context: a country or demonym names its country. */
export function noteMatch(ctx: LinkContext, e: KbEntity): void {
  if ((e.subtype === 'country' || e.subtype === 'demonym') && e.country) ctx.countries.add(e.country);
}

/** Record a mention the tagger typed: a city it calls a place counts for its country. */
export function noteMention(ctx: LinkContext, e: KbEntity | undefined, type: string): void {
  if (e?.subtype !== 'city' || type !== 'LOC' || !e.country) return;
  const names = ctx.citiesByCountry.get(e.country) ?? new Set<string>();
  names.add(e.key);
  ctx.citiesByCountry.set(e.country, names);
}

export const slugLink = (type: Entity['type'], surface: string, rule: LinkRule = 'slug'): Link => ({
  type,
  subtype: null,
  key: `${type.toLowerCase()}:${slug(surface)}`,
  rule,
  wikidata: null,
});

export const kbLink = (e: KbEntity, rule: LinkRule): Link => ({ type: e.type, subtype: e.subtype, key: e.key, rule, wikidata: e.wikidata ?? null });

/**
 * Key, type and evidence of a tagged mention whose name is `surface` (`known`: the KB entity of that name).
 * `determined`: the name follows a determiner a city name does not take ("la Mustang", "une Bentley"), so a
 * small city needs more than its country named in the document: it is not linked.
 */
export function linkMention(known: KbEntity | undefined, type: Entity['type'], surface: string, ctx: LinkContext, determined = false): Link {
  if (!known) return slugLink(type, surface);
  // A curated city is a city: like a generated one, it links only when the tagger calls it a place.
  if (known.curated) return known.subtype === 'city' && type !== 'LOC' ? slugLink(type, surface, 'slug-unsupported') : curatedLink(known, surface, ctx);
  // Country names and demonyms are few and rarely anything else: their type wins over the
  // tagger's (which calls "Irak" a person in some contexts); a person named in full with
  // that surname still takes the name back (linkSurnames).
  if (known.subtype === 'country' || known.subtype === 'demonym') return kbLink(known, known.subtype === 'country' ? 'kb-country' : 'kb-demonym');
  if (known.subtype === 'city' && type === 'LOC') {
    if ((known.population ?? 0) >= LARGE_CITY) return kbLink(known, 'kb-city-large');
    const country = known.country;
    if (country && !determined && (ctx.countries.has(country) || (ctx.citiesByCountry.get(country)?.size ?? 0) >= 2)) return kbLink(known, 'kb-city-country');
  }
  return slugLink(type, surface, 'slug-unsupported');
}

/**
 * A curated actor's link: its key and type, unless its names need a country the document
 * does not name (`country` in the KB file: "Parti démocrate" without the United States in the
 * story is some other country's party), then a slug under the actor's type.
 */
export function curatedLink(known: KbEntity, surface: string, ctx: LinkContext): Link {
  if (known.country && !ctx.countries.has(known.country)) return slugLink(known.type, surface, 'slug-unsupported');
  return kbLink(known, 'kb-curated');
}

/** A linked mention with the token range of its name (titles and place nouns left out). */
export interface NamedMention {
  entity: Entity;
  /** first and last token of the name */
  first: number;
  last: number;
}

const UPPER_START = /^\p{Lu}/u;
/** Longest surname looked up, in words ("de La Tour", "al-Maliki"). */
const MAX_SURNAME_WORDS = 4;
/** Keys a surname link may replace on a person mention: slugs and generated places, never a curated actor's. */
const REPLACEABLE: ReadonlySet<LinkRule> = new Set<LinkRule>(['slug', 'slug-unsupported', 'kb-city-large', 'kb-city-country', 'kb-country']);
/** On a mention the tagger typed otherwise: slugs and city names (a person named in full first beats a town's name), not countries. */
const RETYPABLE: ReadonlySet<LinkRule> = new Set<LinkRule>(['slug', 'slug-unsupported', 'kb-city-large', 'kb-city-country']);

/**
 * Surnames to full names: a mention whose name words (titles dropped) are the last words of
 * exactly one longer person name of the document takes that person's key (rule
 * `doc-surname`); a mention the tagger did not call a person is retyped only when it has no
 * knowledge-base support and the full name comes first ("Barack Obama … Obama"). A full name
 * starts with a capitalised word that is no function word ("Selon Google" is no person) and
 * the surname follows a capitalised word ("Philippe II de Macédoine" does not make
 * "Macédoine" a surname). Two full names ending alike ("Marine Le Pen", "Jean-Marie Le Pen")
 * leave the surname alone. Linear in the mentions.
 */
export function linkSurnames(
  mentions: readonly NamedMention[],
  forms: readonly string[],
  isTitle: ((form: string) => boolean) | null,
  isFunctionWord: (lowered: string) => boolean = () => false,
): void {
  /** First token of a mention's name once its leading titles are dropped. */
  const nameStart = (m: NamedMention): number => {
    let first = m.first;
    while (isTitle && first < m.last && isTitle(forms[first]!)) first++;
    return first;
  };
  const words = (first: number, last: number): string =>
    forms
      .slice(first, last + 1)
      .join(' ')
      .toLowerCase();
  /** suffix of a full name → the person's key (null when two persons share it), Wikidata id and where the full name first ends */
  const suffixes = new Map<string, { key: string | null; wikidata: string | null; end: number }>();
  for (const m of mentions) {
    if (m.entity.type !== 'PER') continue;
    const first = nameStart(m);
    if (m.last === first || !UPPER_START.test(forms[first]!) || isFunctionWord(forms[first]!.toLowerCase())) continue;
    // Only the last MAX_SURNAME_WORDS words can be a surname: bounded work per mention, however long.
    for (let s = Math.max(first + 1, m.last - MAX_SURNAME_WORDS + 1); s <= m.last; s++) {
      if (!UPPER_START.test(forms[s]!) || !UPPER_START.test(forms[s - 1]!)) continue;
      const suffix = words(s, m.last);
      const seen = suffixes.get(suffix);
      if (!seen) suffixes.set(suffix, { key: m.entity.key, wikidata: m.entity.wikidata ?? null, end: m.entity.end });
      else if (seen.key !== m.entity.key) seen.key = null;
    }
  }
  if (suffixes.size === 0) return;
  for (const m of mentions) {
    const e = m.entity;
    if (!e.rule || !UPPER_START.test(forms[m.last]!)) continue;
    const person = e.type === 'PER';
    if (!(person ? REPLACEABLE : RETYPABLE).has(e.rule)) continue;
    const start = nameStart(m);
    if (m.last - start >= MAX_SURNAME_WORDS) continue;
    const full = suffixes.get(words(start, m.last));
    if (!full?.key || full.key === e.key || (!person && full.end > e.start)) continue;
    e.type = 'PER';
    e.subtype = null;
    e.key = full.key;
    e.rule = 'doc-surname';
    e.wikidata = full.wikidata;
  }
}
