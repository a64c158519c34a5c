// The knowledge base: who and where the news talks about, with every alias of
// an entity under one key. Built from data files only:
//   kb/places.tsv         generated from packages (tools/build-gazetteers.ts)
//   kb/actors.<lang>.json curated actors: states, armed groups, agencies, parties, media
//   $RECOUPE_KB           optional user file, same JSON format as actors (its entries win)
// The curated actors are also the one home of news outlet names: the attribution
// rules read them (outletNames below) to recognise intermediaries.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT, langPath, readTsv } from '../lang/resources.js';
import { tokenize } from '../annotate/tokens.js';
import { Gazetteer, GAZ_TYPES, type GazType, type GazetteerSnapshot } from '../annotate/entities/gazetteer.js';
import { cachedSnapshot } from './kb-cache.js';
import { normaliseAlias, slug } from './normalise.js';
import { fold } from '../text/fold.js';

export const KB_DIR = join(PACKAGE_ROOT, 'kb');

const KbFileEntry = z.object({
  /** Wikidata id, only when known for sure; it becomes the key. */
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  /** Explicit key (e.g. "geonames:99072" to add aliases to a place); else wikidata, else a slug. */
  key: z.string().optional(),
  type: z.enum(GAZ_TYPES),
  subtype: z.string().nullable().optional(),
  /** Names found in text as mentions of the entity (the gazetteer) and looked up as its aliases. */
  names: z.array(z.string().min(1)).default([]),
  /**
   * Outlet names for the attribution rules only (an intermediary: « a déclaré à Gala », "told Axios"), never
   * matched in text as mentions nor looked up as aliases: short or common words (X, Voici, Challenges, Gala)
   * would otherwise become ORG mentions everywhere. Moving a name to `names` makes it a mention.
   */
  outletNames: z.array(z.string().min(1)).optional(),
  /** Web domains of a media outlet or organisation. */
  domains: z.array(z.string()).optional(),
  /**
   * ISO 3166 alpha-2 code of the country whose entity the names mean only when the document
   * names that country: "Parti démocrate" is the US party in a story that names the United
   * States, a Swiss or Italian party elsewhere. Such a name then links only with that evidence.
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});
const KbFile = z.object({
  $comment: z.unknown().optional(),
  entities: z.array(KbFileEntry.refine((e) => e.names.length > 0 || (e.outletNames?.length ?? 0) > 0, 'an entity needs names or outletNames')),
});
export type KbFile = z.infer<typeof KbFile>;

export interface KbEntity {
  key: string;
  type: GazType;
  subtype: string | null;
  names: string[];
  domains: string[];
  /** From a curated file (actors, user KB), not generated place lists: its type is trusted over the model's. */
  curated: boolean;
  /** ISO 3166 alpha-2 code of the country: a generated city's or demonym's; a curated entity's `country` (its names need it named). */
  country?: string;
  /** Generated cities: inhabitants (GeoNames), the linking prior of a city name. */
  population?: number;
  /** Wikidata id: a curated entry's `wikidata`, or the id kb/wikidata.tsv gives the key. */
  wikidata?: string;
}

const ALIAS_CACHE_LIMIT = 100_000;

/** Letters only, single spaces between words: tokenizes to its space-separated words. */
const PLAIN_WORDS = /^\p{L}+(?: \p{L}+){0,7}$/u;

/**
 * A knowledge base's whole state as plain data: what src/kb/kb-cache.ts stores. The alias and domain maps hold the
 * entity objects of `entities` themselves: V8's serializer writes an object seen before as a reference to it, so
 * the snapshot read back shares them as the knowledge base did, and `fromSnapshot` adopts every structure as read
 * (no copy of its ~25k entities and 80k keys in every worker thread).
 */
export interface KbSnapshot {
  entities: KbEntity[];
  byKey: Map<string, number>;
  byAlias: Map<string, KbEntity>;
  byDomain: Map<string, KbEntity>;
  gazetteer: GazetteerSnapshot;
}

export class KnowledgeBase {
  readonly entities: KbEntity[];
  /** key → index in `entities` (= gazetteer entry index) */
  private readonly byKey: Map<string, number>;
  private readonly byAlias: Map<string, KbEntity>;
  private readonly byDomain: Map<string, KbEntity>;
  /** Gazetteer over every name as written; entry index = index in `entities`. */
  readonly gazetteer: Gazetteer;

  /** Empty, or the state of `from` (adopted, not copied). */
  constructor(
    private readonly language: string,
    from?: KbSnapshot,
  ) {
    this.entities = from?.entities ?? [];
    this.byKey = from?.byKey ?? new Map();
    this.byAlias = from?.byAlias ?? new Map();
    this.byDomain = from?.byDomain ?? new Map();
    this.gazetteer = new Gazetteer(from?.gazetteer);
  }

  /** Its state (live: a built knowledge base is not changed after). */
  snapshot(): KbSnapshot {
    return { entities: this.entities, byKey: this.byKey, byAlias: this.byAlias, byDomain: this.byDomain, gazetteer: this.gazetteer.snapshot() };
  }

  static fromSnapshot(language: string, s: KbSnapshot): KnowledgeBase {
    return new KnowledgeBase(language, s);
  }

  /** Add (or extend, when the key exists) an entity. Earlier additions keep contested aliases. */
  add(e: Omit<KbEntity, 'names' | 'domains'> & { names: readonly string[]; domains?: readonly string[] }): void {
    // One key may name two records of different types: a country (LOC) and its demonyms (MISC).
    const id = `${e.key}\t${e.type}`;
    let index = this.byKey.get(id);
    if (index === undefined) {
      index = this.gazetteer.entry(e.type);
      this.byKey.set(id, index);
      const { names: _names, domains: _domains, ...fields } = e;
      this.entities.push({ ...fields, names: [], domains: [] });
    }
    const entity = this.entities[index]!;
    for (const name of e.names) {
      entity.names.push(name);
      const alias = normaliseAlias(name);
      if (alias && !this.byAlias.has(alias)) this.byAlias.set(alias, entity);
      this.gazetteer.add(this.forms(name), index);
      // Capitals often lose their accent in print and on keyboards ("Etats-Unis", "Egypte"):
      // the name is matched in text that way too (lookups normalise accents already).
      const bare = unaccentedInitial(name);
      if (bare !== name) this.gazetteer.add(this.forms(bare), index);
    }
    for (const d of e.domains ?? []) {
      entity.domains.push(d);
      if (!this.byDomain.has(d)) this.byDomain.set(d, entity);
    }
  }

  /** Names the gazetteer matches (a tagger feature) that name no entity: no alias, no key, never a mention. */
  addLexicon(type: GazType, key: string, names: readonly string[]): void {
    const index = this.gazetteer.entry(type);
    this.entities.push({ key, type, subtype: 'lexicon', names: [], domains: [], curated: false });
    for (const name of names) this.gazetteer.add(this.forms(name), index);
  }

  /** Token forms of a name as the project tokenizer cuts it (plain words split on spaces: same result, faster). */
  private forms(name: string): string[] {
    if (PLAIN_WORDS.test(name)) return name.split(' ');
    return tokenize(name, this.language).map((t) => name.slice(t.start, t.end));
  }

  addFile(file: KbFile): void {
    for (const e of file.entities) {
      // An outlet known by outlet names only is no mention: it takes no gazetteer entry.
      if (e.names.length === 0) continue;
      const key = e.key ?? e.wikidata ?? `${e.type.toLowerCase()}:${slug(e.names[0]!)}`;
      this.add({
        key,
        type: e.type,
        subtype: e.subtype ?? null,
        names: e.names,
        domains: e.domains,
        curated: true,
        ...(e.country ? { country: e.country } : {}),
        ...(e.wikidata ? { wikidata: e.wikidata } : {}),
      });
    }
  }

  /** Normalised forms of the surfaces seen (mentions repeat a lot across articles). */
  private readonly aliasCache = new Map<string, string>();

  /** The entity a surface form names, if any ("l'État islamique" → the one of "Daech"). */
  lookup(surface: string): KbEntity | undefined {
    let alias = this.aliasCache.get(surface);
    if (alias === undefined) {
      if (this.aliasCache.size >= ALIAS_CACHE_LIMIT) this.aliasCache.clear();
      alias = normaliseAlias(surface);
      this.aliasCache.set(surface, alias);
    }
    return this.byAlias.get(alias);
  }

  /** The outlet or organisation behind a host name ("www.lemonde.fr" → Le Monde). */
  lookupDomain(host: string): KbEntity | undefined {
    let h = host.toLowerCase();
    for (;;) {
      const e = this.byDomain.get(h);
      if (e) return e;
      const dot = h.indexOf('.');
      if (dot < 0) return undefined;
      h = h.slice(dot + 1);
    }
  }

  entity(index: number): KbEntity {
    return this.entities[index]!;
  }

  /** Whether the knowledge base holds an entity of that key and type (a country's key is also its demonyms' MISC). */
  has(key: string, type: GazType): boolean {
    return this.byKey.has(`${key}\t${type}`);
  }
}

/** The name with an accented capital at its start written without the accent ("États-Unis" → "Etats-Unis"). */
function unaccentedInitial(name: string): string {
  const first = name[0] ?? '';
  if (first === first.toLowerCase()) return name;
  const bare = fold(first);
  return bare.length === 1 ? bare + name.slice(1) : name;
}

function readKbFile(path: string): KbFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`knowledge base ${path}: ${(e as Error).message}`);
  }
  const parsed = KbFile.safeParse(raw);
  if (!parsed.success) throw new Error(`knowledge base ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Whether a curated entity is a news outlet, agency or platform. */
const isOutlet = (e: { subtype?: string | null }) => e.subtype === 'media';

/**
 * Names of the news outlets, agencies and platforms of a language's curated actors (kb/actors.<code>.json) and of
 * the user's knowledge base (RECOUPE_KB, read for every language, as the knowledge base itself reads it): every
 * name and outlet name of their entities of subtype media. The attribution rules read them to recognise
 * intermediaries ("a déclaré à l'AFP", "told Reuters") and to type a source as media.
 */
export function outletNames(language: string, userFile = process.env.RECOUPE_KB): string[] {
  const curated = join(KB_DIR, `actors.${language}.json`);
  const files = [...(userFile ? [userFile] : []), ...(existsSync(curated) ? [curated] : [])];
  return files.flatMap((path) =>
    readKbFile(path)
      .entities.filter(isOutlet)
      .flatMap((e) => [...e.names, ...(e.outletNames ?? [])]),
  );
}

/** Demonyms are MISC mentions keyed to their country ("Irakiens", "irakiens" → iso3166:IQ). */
const PLACE_KINDS: Record<string, GazType> = { country: 'LOC', city: 'LOC', demonym: 'MISC' };

function loadPlaces(kb: KnowledgeBase): void {
  const path = join(KB_DIR, 'places.tsv');
  if (!existsSync(path)) return;
  const groups = new Map<string, { key: string; kind: string; names: string[]; country?: string; population?: number }>();
  for (const [name, key, kind, country, population] of readTsv(path)) {
    if (!name || !key || !kind || !PLACE_KINDS[kind]) continue;
    const id = `${key}\t${kind === 'demonym' ? 'demonym' : 'place'}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, kind, names: [], country: country || undefined, population: population ? Number(population) : undefined }));
    g.names.push(name);
    // French demonyms are lowercase as adjectives ("les forces irakiennes").
    if (kind === 'demonym') g.names.push(name.toLowerCase());
  }
  for (const g of groups.values()) {
    kb.add({ key: g.key, type: PLACE_KINDS[g.kind]!, subtype: g.kind, names: g.names, curated: false, country: g.country, population: g.population });
  }
}

/**
 * Name lists of a language, when it has them: typed proper names (lang/<code>/wordnet-names.generated.tsv,
 * name and type), given names and surnames (person-names.generated.tsv), then small places
 * (place-names.generated.tsv). Each type is one
 * gazetteer entry the tagger reads as a feature ("a known person name"), with no alias: a name
 * list says a word can be a name, not which entity it names, so it gives no key and adds no
 * mention. Added last, so a place or an actor keeps a name it shares.
 */
function loadNameLexicons(kb: KnowledgeBase, language: string): void {
  const typed = langPath(language, 'wordnet-names.generated.tsv');
  if (existsSync(typed)) {
    const byType = new Map<GazType, string[]>();
    for (const [name, type] of readTsv(typed)) {
      if (!name || !GAZ_TYPES.includes(type as GazType)) continue;
      const list = byType.get(type as GazType) ?? [];
      list.push(name);
      byType.set(type as GazType, list);
    }
    for (const [type, names] of byType) kb.addLexicon(type, `lexicon:wordnet-${type.toLowerCase()}`, names);
  }
  // Given names and surnames, then towns and villages too small for kb/places.tsv (last: a given name
  // or surname keeps its type).
  for (const [type, file] of [
    ['PER', 'person-names'],
    ['LOC', 'place-names'],
  ] as const) {
    const path = langPath(language, `${file}.generated.tsv`);
    if (existsSync(path))
      kb.addLexicon(
        type,
        `lexicon:${file}`,
        readTsv(path).map((r) => r[0]!),
      );
  }
}

/** Q-ids: a key that is one already is its own Wikidata id. */
const WIKIDATA_ID = /^Q\d+$/;

/**
 * Wikidata ids of keys that are not Wikidata ids themselves (countries, cities: kb/wikidata.tsv,
 * `key<TAB>Q-id`, generated by tools/build-wikidata-links.ts), and of curated keys that are.
 */
function loadWikidata(kb: KnowledgeBase): void {
  const path = join(KB_DIR, 'wikidata.tsv');
  const ids = new Map<string, string>();
  if (existsSync(path)) for (const [key, id] of readTsv(path)) if (key && id && WIKIDATA_ID.test(id)) ids.set(key, id);
  // A demonym shares its country's key (one actor for grouping) but names people, not the
  // country: "les Irakiens" is not Iraq's Wikidata item.
  for (const e of kb.entities) {
    if (e.wikidata || e.subtype === 'lexicon' || e.subtype === 'demonym') continue;
    const id = WIKIDATA_ID.test(e.key) ? e.key : ids.get(e.key);
    if (id) e.wikidata = id;
  }
}

/**
 * Build a knowledge base: the user's file (if any) first so its aliases win,
 * then the curated actors, then places, then the language's name lexicon.
 */
export function buildKnowledgeBase(language: string, userFile: string | undefined = process.env.RECOUPE_KB): KnowledgeBase {
  const kb = new KnowledgeBase(language);
  if (userFile) kb.addFile(readKbFile(userFile));
  const actors = join(KB_DIR, `actors.${language}.json`);
  if (existsSync(actors)) kb.addFile(readKbFile(actors));
  loadPlaces(kb);
  loadNameLexicons(kb, language);
  loadWikidata(kb);
  return kb;
}

const cache = new Map<string, KnowledgeBase>();
export function knowledgeBase(language: string): KnowledgeBase {
  const id = `${language}\t${process.env.RECOUPE_KB ?? ''}`;
  let kb = cache.get(id);
  if (!kb) {
    const userFile = process.env.RECOUPE_KB;
    const inputs = { dirs: [KB_DIR, dirname(langPath(language, 'language.json'))], files: userFile ? [userFile] : [] };
    const snapshot = cachedSnapshot(`kb-${language}`, inputs, () => buildKnowledgeBase(language, userFile).snapshot());
    cache.set(id, (kb = KnowledgeBase.fromSnapshot(language, snapshot)));
  }
  return kb;
}
