// Offices and the bodies they speak for (lang/<xx>/offices.json).
//
//   officeSynonym   one office under all its names: « le garde des Sceaux » is keyed as « le ministre de la Justice »
//                   (role:ministre@justice)
//   institutionOf   the body a speaker speaks for, as an `inst:` key (« le Quai d'Orsay » is « le ministère des Affaires
//                   étrangères »): the minister for the ministry
//                   (role:ministre@defense → inst:ministere@defense), a spokesman or head for the body named after
//                   the office (role:porte-parole@ministere-defense → inst:ministere@defense), a body for itself
//
// Two officials of one body (« le ministre de la Défense, Amir Hatami » in one outlet, « le porte-parole du ministère
// de la Défense » in another) are then one upstream source for the independence verdict (src/corpus/independence.ts).
import { existsSync } from 'node:fs';
import type { Doc } from '../../doc/doc.js';
import { z } from 'zod';
import { cached, langPath, readValidJson } from '../../lang/resources.js';
import { slug } from '../../kb/normalise.js';
import { attributionLexicon } from './lexicon.js';
import { SourceKeyer } from './source-keys.js';

/**
 * lang/<xx>/offices.json, validated when a language first needs it: `about` and each entry's `source` say where the
 * data comes from; any other unknown key is an error (a misspelt `same` would otherwise drop an entry silently).
 */
export const OfficesFileSchema = z.strictObject({
  about: z.string(),
  speaksFor: z.strictObject({ about: z.string(), offices: z.record(z.string(), z.string()) }).optional(),
  synonyms: z
    .strictObject({
      about: z.string(),
      entries: z.array(z.strictObject({ phrase: z.string().min(1), same: z.string().min(1), source: z.string().min(1) })),
    })
    .optional(),
  placeNouns: z.strictObject({ about: z.string(), nouns: z.record(z.string(), z.enum(['city', 'country'])) }).optional(),
});

interface Offices {
  /** Office noun → the noun of the body it heads ("" when the words after the office name the body). */
  speaksFor: Map<string, string>;
  /** Office synonyms at the office and body level: (office, body prefix) → (office, body). */
  roles: { office: string; body: string; to: { office: string; body: string } }[];
  /** Whole keys: the key of one name of a body → the key of another (« le Quai d'Orsay »). */
  keys: Map<string, string>;
  /** Body nouns (lang/<xx>/roles.tsv kind org), slugged, longest first. */
  bodies: string[];
  /** A generic noun of a place, slugged (« la ville »), → the kind of place it points back to (`placeNouns`). */
  places: Map<string, 'city' | 'country'>;
}

const ROLE_KEY = /^role:([^@]+)@(.+)$/;

function offices(language: string): Offices {
  return cached(language, 'offices', (code) => {
    const path = langPath(code, 'offices.json');
    const bodies = [...attributionLexicon(code).roles]
      .filter(([, r]) => r.kind === 'org')
      .map(([noun]) => slug(noun))
      .filter((n) => n !== '')
      .sort((a, b) => b.length - a.length);
    const out: Offices = { speaksFor: new Map(), roles: [], keys: new Map(), bodies, places: new Map() };
    if (!existsSync(path)) return out;
    const data = readValidJson(path, OfficesFileSchema);
    for (const [noun, kind] of Object.entries(data.placeNouns?.nouns ?? {})) out.places.set(slug(noun), kind);
    for (const [office, body] of Object.entries(data.speaksFor?.offices ?? {})) out.speaksFor.set(office, body);
    // Each phrase read as a source is (« le garde des Sceaux » → office garde, body sceaux), with the words as they are.
    const parts = (phrase: string) => new SourceKeyer({ text: phrase, meta: { language: code } as Doc['meta'], entities: [] }, true).officeParts(phrase);
    for (const { phrase, same } of data.synonyms?.entries ?? []) {
      const from = parts(phrase);
      const to = parts(same);
      // The target as a key: its office when it has one with a body (« le ministère des Affaires étrangères »), else its key.
      const target = to.office?.body ? `role:${to.office.office}@${to.office.body}` : to.key;
      if (!target) continue;
      if (from.office && to.office) out.roles.push({ office: from.office.office, body: from.office.body, to: to.office });
      if (from.key && from.key !== target && !from.key.startsWith('anon:')) out.keys.set(from.key, target);
    }
    return out;
  });
}

/**
 * The kind of place a body's generic noun points back to (« le maire de la ville »: `ville` → city), from
 * lang/<xx>/offices.json `placeNouns`; undefined for any other body.
 */
export function placeNoun(body: string, language: string): 'city' | 'country' | undefined {
  return offices(language).places.get(body);
}

/**
 * The key of an office under the name lang/<xx>/offices.json gives it: role:garde@sceaux → role:ministre@justice,
 * role:chef@diplomatie-americaine → role:ministre@affaires-etrangeres-americaine (a qualifier after the body is kept).
 * Any other key is returned as it is: a body's other name (« le Quai d'Orsay ») keeps its own key, and meets the body
 * in `institutionOf`.
 */
export function officeSynonym<K extends string | null>(key: K, language: string): K | string {
  if (key === null) return key;
  const data = offices(language);
  const m = ROLE_KEY.exec(key);
  if (!m) return key;
  const [, office, body] = m as unknown as [string, string, string];
  for (const s of data.roles) {
    if (s.office !== office) continue;
    if (s.body !== '' && body !== s.body && !body.startsWith(`${s.body}-`)) continue;
    const rest = s.body === '' ? body : body.slice(s.body.length + 1);
    const to = [s.to.body, rest].filter((x) => x !== '').join('-');
    if (to !== '') return `role:${s.to.office}@${to}`;
  }
  return key;
}

/**
 * A body as an `inst:` key: a knowledge-base key as it is, a body noun and what follows it (ministere-defense →
 * inst:ministere@defense), else the name's letters.
 */
function bodyKey(body: string, data: Offices): string {
  if (body.includes(':')) return `inst:${body}`;
  for (const noun of data.bodies) if (body.startsWith(`${noun}-`)) return `inst:${noun}@${body.slice(noun.length + 1)}`;
  // A name alone (« le porte-parole de Nissan »): its letters, as `org:` keys give them (« Nissan » → org:nissan).
  return `inst:${body.replace(/-/g, '')}`;
}

/**
 * The body a speaker speaks for, from its office or its own key (a body's other name in lang/<xx>/offices.json read as
 * the body: « le Quai d'Orsay » as « le ministère des Affaires étrangères »): a body noun with its complement is that body
 * (role:ministère@defense → inst:ministere@defense), an office that heads a body is that body (role:ministre@defense →
 * inst:ministere@defense, via lang/<xx>/offices.json `speaksFor`), a spokesman or head is the body its complement names
 * (role:porte-parole@ministere-defense → inst:ministere@defense), a named body (an `org:` or knowledge-base key) is
 * itself. Null for a person, an anonymous source, a member or relation (role:avocat@per:…), or an office the file
 * does not list.
 */
export function institutionOf(key: string | null | undefined, language: string): string | null {
  if (!key || key.startsWith('anon:') || key.startsWith('per:') || key.startsWith('name:')) return null;
  const data = offices(language);
  const m = ROLE_KEY.exec(data.keys.get(key) ?? key);
  if (!m) return key.startsWith('org:') ? `inst:${key.slice(4)}` : key.includes(':') ? `inst:${key}` : null;
  const [, office, body] = m as unknown as [string, string, string];
  if (body.startsWith('per:')) return null;
  const noun = slug(office);
  if (data.bodies.includes(noun)) return `inst:${noun}@${body}`;
  const heads = data.speaksFor.get(office);
  if (heads === undefined) return null;
  return heads === '' ? bodyKey(body, data) : `inst:${slug(heads)}@${body}`;
}
