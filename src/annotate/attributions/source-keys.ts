// Sources as actors: every attribution's source gets a `key` that all the ways
// of naming that actor share, so that corpus reports, the citation graph and
// the independence of confirmations count actors, not strings.
//
//   named person        per:<first-last>          titles dropped, case folded ("M. Hamed al-Zameli" → per:hamed-al-zameli)
//   known actor         the knowledge base key    outlets, organisations, countries ("la Russie" = "La Russie" → iso3166:RU)
//   other named body    org:<letters>             spaces and hyphens dropped ("BFM TV" = "BFMTV", "Pure People" = "Purepeople")
//   role in a body      role:<office>@<body key>  an unnamed office holder ("le porte-parole de la police")
//   description         anon:<doc>:<role>         a person described but never named in the article ("la chanteuse")
//   anonymous           anon:<doc>:<words>        scoped to its document: two articles' "sources proches" cannot be told apart
//   pronoun, no referent  null                    ("on", "il" with no antecedent, "je" outside a quotation): left out of reports
//
// A lone surname ("M. al-Zameli") gets per:al-zameli when the article never
// gives the full name; corpus reports unify it with the one full name of the
// corpus ending in that surname (src/corpus/source-keys.ts).
import { createHash } from 'node:crypto';
import type { Doc } from '../../doc/doc.js';
import type { Attribution, Entity } from '../../doc/schema.js';
import { knowledgeBase, outletNames } from '../../kb/kb.js';
import { normaliseAlias, slug } from '../../kb/normalise.js';
import { existsSync } from 'node:fs';
import { SpanIndex } from '../../text/span-index.js';
import { cached, langPath, readJson } from '../../lang/resources.js';
import { languageOf } from '../../lang/registry.js';
import { syntaxLexicon } from '../syntax/lexicon.js';
import { cliticPronoun } from '../../lang/grammar.js';
import { attributionLexicon } from './lexicon.js';
import { officeSynonym, placeNoun } from './offices.js';

interface KeyWords {
  /** Pronouns and function words: never a source by themselves. */
  functionWords: Set<string>;
  /** Courtesy titles ("m.", "mme") and person role nouns ("ministre"), dropped from a person's name. */
  titles: Set<string>;
  courtesy: Set<string>;
  determiners: Set<string>;
  roles: Map<string, { kind: string; office: string | null }>;
  prepositions: Set<string>;
  firstNames: Map<string, unknown>;
  /** Words of multi-word pronouns ("ce dernier"). */
  pronounParts: Set<string>;
  /** "mêmes" in "ces mêmes sources": not the role noun. */
  sameAs: Set<string>;
  /** Social networks a speaker talks through: a channel, never an upstream (lang/<xx>/channels.json). */
  platforms: Set<string>;
  /** Nouns describing an outlet without naming it ("le média", "le journal"). */
  outletNouns: Set<string>;
  /** Nouns of someone reporting for an outlet ("journaliste", "correspondant"), slugged as office keys give them. */
  reporterNouns: Set<string>;
  /** A comma or the language's "and" between noun phrases (lang/<xx>/grammar.json `and`); null without an "and". */
  separator: RegExp | null;
  /** Names of news outlets (kb/actors.<xx>.json, media entities' names and outletNames), as `normaliseAlias` gives them. */
  outlets: Set<string>;
  /** Words in the longest of those names: no longer run of a phrase can be one (keeps `outletNamed` linear). */
  outletWords: number;
  /** Nouns for someone's words ("ses propos", "ses dires"): what was said, never who said it (lang/<xx>/attribution-grammar.json). */
  reportedWords: Set<string>;
  /** Prepositions that open a complement, not a noun phrase: the language's prepositions less its indefinite determiners ("des", "de" open « des sources »). */
  complementOpeners: Set<string>;
  /**
   * Definite, demonstrative and possessive determiners: « le », « cette », « son »; "the", "his". The union of the
   * grammar's `definiteDeterminers` and `possessiveDeterminers` and the syntax lexicon's `demonstratives`.
   */
  definite: Set<string>;
}

/** lang/<xx>/channels.json (a language without it has no platforms nor outlet nouns). */
function channels(code: string): { platforms: Set<string>; outletNouns: Set<string>; reporterNouns: Set<string> } {
  const path = langPath(code, 'channels.json');
  if (!existsSync(path)) return { platforms: new Set(), outletNouns: new Set(), reporterNouns: new Set() };
  const data = readJson<{ platforms: string[]; outletNouns: string[]; reporterNouns?: string[] }>(path);
  return {
    platforms: new Set(data.platforms.map((w) => w.toLowerCase())),
    outletNouns: new Set(data.outletNouns.map((w) => w.toLowerCase())),
    reporterNouns: new Set((data.reporterNouns ?? []).map((w) => slug(w))),
  };
}

function keyWords(language: string): KeyWords {
  return cached(language, 'source-keys', (code) => {
    const syntax = syntaxLexicon(code);
    const lex = attributionLexicon(code);
    const functionWords = new Set<string>();
    for (const m of [syntax.subjectPronouns, syntax.stressedPronouns, syntax.invertedClitics])
      for (const k of m.keys()) functionWords.add(cliticPronoun(syntax.g, k));
    // The words of multi-word pronouns ("ce dernier", "cette dernière"): a phrase of them alone is a pronoun.
    const pronounParts = new Set<string>();
    for (const k of syntax.subjectPronouns.keys()) if (k.includes(' ')) for (const part of k.split(' ')) pronounParts.add(part);
    for (const s of [
      syntax.determiners,
      syntax.indefinite,
      syntax.demonstratives,
      syntax.prepositions,
      syntax.relatives,
      syntax.complementizers,
      syntax.objectClitics,
    ])
      for (const k of s) functionWords.add(k);
    for (const w of languageOf(code).functionWords().words) functionWords.add(w);
    const courtesy = new Set<string>([...syntax.titles.keys()].map((t) => t.replace(/\.$/, '')));
    const titles = new Set(courtesy);
    const roles = new Map<string, { kind: string; office: string | null }>();
    for (const [noun, role] of lex.roles) {
      roles.set(noun, { kind: role.kind, office: role.office });
      if (role.kind === 'person') titles.add(noun);
    }
    return {
      functionWords,
      pronounParts,
      titles,
      courtesy,
      determiners: new Set([...syntax.determiners, ...syntax.demonstratives, ...syntax.indefinite]),
      roles,
      prepositions: syntax.prepositions,
      firstNames: syntax.firstNames,
      sameAs: lex.sameAs,
      separator: listSeparator(syntax.g.and),
      outlets: new Set(outletNames(code).map(normaliseAlias)),
      outletWords: outletNames(code).reduce((most, n) => Math.max(most, wordsOf(n).length), 1),
      reportedWords: lex.reportedWords,
      complementOpeners: new Set([...syntax.prepositions].filter((w) => !syntax.indefinite.has(w))),
      definite: new Set([...syntax.g.definiteDeterminers, ...syntax.demonstratives, ...syntax.g.possessiveDeterminers]),
      ...channels(code),
    };
  });
}

/** A comma or one of the language's "and" words, between spaces. */
function listSeparator(and: Set<string>): RegExp | null {
  if (and.size === 0) return null;
  const words = [...and].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`\\s*,\\s*|\\s+(?:${words})\\s+`, 'giu');
}

/** Words of a phrase, with their lowercase form (apostrophes kept on elisions: "l'"). */
function wordsOf(text: string): { text: string; lower: string }[] {
  const out: { text: string; lower: string }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*\.?['’]?|['’]/gu)) out.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'") });
  return out;
}

/** A word that belongs to a name: it holds a capital ("Zameli", "al-Zameli", "McCain", "BFMTV"). */
const NAME_WORD = /\p{Lu}/u;
const bare = (w: string) => w.replace(/\.$/, '').replace(/['’]$/, '');

/** Letters and digits only, lowercase and unaccented: "BFM TV" → "bfmtv". */
export function compact(name: string): string {
  return normaliseAlias(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The name in a phrase: from its first name word (after any title or role noun) to its last one, lowercase
 * words between them kept ("Santé publique France", "Wathiq al Batat", "Charles de Gaulle").
 */
export function nameIn(text: string, words: KeyWords): string | null {
  const ws = wordsOf(text);
  let first = -1;
  let last = -1;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!NAME_WORD.test(w.text) || words.titles.has(bare(w.lower)) || words.functionWords.has(w.lower) || words.determiners.has(w.lower)) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0
    ? null
    : ws
        .slice(first, last + 1)
        .map((w) => bare(w.text))
        .join(' ');
}

/** Whether the phrase is nothing but pronouns and function words ("on", "J'", "les", "ce dernier"). */
function onlyFunctionWords(text: string, words: KeyWords): boolean {
  const ws = wordsOf(text);
  return ws.every((w) => words.functionWords.has(w.lower) || words.functionWords.has(bare(w.lower)) || words.pronounParts.has(w.lower));
}

function entityKey(e: Entity, name: string): string {
  if (e.type === 'PER') return `per:${slug(name)}`;
  // A knowledge-base key (curated actor, country) already names every alias; a slug key is folded further.
  if (!/^(?:per|org|loc|misc):/.test(e.key)) return e.key;
  return `${e.type === 'LOC' ? 'loc' : 'org'}:${compact(name)}`;
}

/** The entity within [start, end) that holds `name` (not a demonym or a place inside a longer name), persons first, the longest first. */
function entityAt(entities: Entity[], start: number, end: number, name: string): Entity | null {
  let best: Entity | null = null;
  const wanted = normaliseAlias(name);
  for (const e of entities) {
    if (e.end <= start || e.start >= end || e.type === 'DATE' || e.type === 'QUANTITY') continue;
    if (!normaliseAlias(e.text).includes(wanted)) continue;
    if (!best || (e.type === 'PER' && best.type !== 'PER') || (e.type === best.type && e.end - e.start > best.end - best.start)) best = e;
  }
  return best;
}

/** Persons named in the article by their full name (for a resolved speaker whose span is a pronoun or a role). */
function personNamed(entities: Entity[], name: string): Entity | null {
  for (const e of entities) if (e.type === 'PER' && e.text.endsWith(name)) return e;
  return null;
}

/**
 * The outlet a phrase names when it is nothing but an outlet's name (kb/actors.<xx>.json), possibly after determiners
 * and outlet nouns (« le quotidien Sud Ouest »), or such a name with a local edition after it (« France Bleu
 * Gard-Lozère »): the knowledge base's key, else `org:<letters>`. Null otherwise (« le directeur de Sud Ouest »).
 */
export function outletNamed(phrase: string, language: string, words?: KeyWords): string | null {
  // A language without attribution data (no lang/<xx>/syntax.json) keys no sources.
  if (!words && !hasSyntax(language)) return null;
  words ??= keyWords(language);
  // The same speaker phrases come back in every article (« l'AFP », « le ministre »): their answer is remembered per
  // language and user knowledge base (bounded; the answer depends only on the phrase and that data).
  if (phrase.length > OUTLET_MEMO_CHARS) return outletIn(phrase, language, words);
  const memo = cached(language, `outlet-named\t${process.env.RECOUPE_KB ?? ''}`, () => new Map<string, string | null>());
  const seen = memo.get(phrase);
  if (seen !== undefined) return seen;
  const key = outletIn(phrase, language, words);
  if (memo.size >= OUTLET_MEMO) memo.clear();
  memo.set(phrase, key);
  return key;
}

/** Phrases whose `outletNamed` answer is remembered per language, at most. */
const OUTLET_MEMO = 20_000;
/** Longer phrases are not remembered (a hostile text's phrases of thousands of words would fill memory). */
const OUTLET_MEMO_CHARS = 200;

/** Whether the language has attribution data (lang/<xx>/syntax.json), looked up once per language. */
const syntaxFiles = new Map<string, boolean>();
function hasSyntax(language: string): boolean {
  let has = syntaxFiles.get(language);
  if (has === undefined) syntaxFiles.set(language, (has = existsSync(langPath(language, 'syntax.json'))));
  return has;
}

/** `outletNamed`, not remembered. */
function outletIn(phrase: string, language: string, words: KeyWords): string | null {
  const ws = wordsOf(phrase);
  let from = 0;
  while (from < ws.length && (words.determiners.has(ws[from]!.lower) || words.outletNouns.has(ws[from]!.lower))) from++;
  const rest = ws.slice(from).map((w) => bare(w.text));
  // Only the first words can be an outlet's name: a phrase of thousands of words (hostile, cue-dense text) is not
  // normalised thousands of times.
  for (let n = Math.min(rest.length, words.outletWords); n > 0; n--) {
    const head = rest.slice(0, n).join(' ');
    if (!words.outlets.has(normaliseAlias(head))) continue;
    // After the outlet's name only capitalised words (its edition) may follow.
    if (rest.slice(n).some((w) => !NAME_WORD.test(w))) return null;
    const whole = rest.join(' ');
    return knowledgeBase(language).lookup(whole)?.key ?? `org:${compact(whole)}`;
  }
  return null;
}

/**
 * Whether a speaker phrase points back to someone the text has named rather than bringing in an unknown source: a
 * pronoun alone (« il », "he"), or a description opened by a definite, demonstrative or possessive determiner (« le chef
 * de l'Etat », « l'entourage d'Alexandre Benalla », "the minister"), as opposed to an indefinite one (« une source
 * proche du dossier », « des responsables », "an official"), which may be anyone.
 */
export function isAnaphoric(phrase: string, language: string): boolean {
  if (!hasSyntax(language)) return false;
  const words = keyWords(language);
  const ws = wordsOf(phrase);
  if (ws.length === 0) return false;
  return onlyFunctionWords(phrase, words) || words.definite.has(ws[0]!.lower);
}

/**
 * Whether a phrase is a social network or messaging service a speaker talks through (lang/<xx>/channels.json
 * `platforms`): « Twitter », « son compte Facebook ». A channel, never an intermediary between a speaker and a publisher.
 */
export function isPlatform(phrase: string, language: string): boolean {
  if (!hasSyntax(language)) return false;
  const words = keyWords(language);
  const name = nameIn(phrase, words);
  return name !== null && words.platforms.has(name.toLowerCase());
}

/**
 * Whether a phrase names a news outlet: one of the language's outlet names (`outletNamed`), or an outlet noun followed
 * by a name (« le site Reporterre », « le quotidien Libération »: the noun says what the name is).
 */
export function isOutletPhrase(phrase: string, language: string): boolean {
  if (outletNamed(phrase, language) !== null) return true;
  if (!hasSyntax(language)) return false;
  const words = keyWords(language);
  const ws = wordsOf(phrase);
  let i = 0;
  while (i < ws.length && words.determiners.has(ws[i]!.lower)) i++;
  const noun = i < ws.length && words.outletNouns.has(ws[i]!.lower);
  return noun && ws.length > i + 1 && ws.slice(i + 1).every((w) => NAME_WORD.test(w.text) || words.functionWords.has(w.lower));
}

/**
 * The outlet an unnamed reporter works for, read from the reporter's anonymous key (`anon:<doc>:<office>@<body>`): « un
 * journaliste de l'AFP » (`journaliste@Q40464`) reports for the AFP, « une journaliste de l'agence de presse »
 * (`journaliste@agence-presse`) for an outlet it does not name, which is the publisher's own (`''`). What such a reporter
 * saw is the outlet's own reporting, not an anonymous source's. Null for any other key (lang/<xx>/channels.json
 * `reporterNouns`, `outletNouns`).
 */
export function reporterOutlet(key: string | null, language: string): string | null {
  const m = key && hasSyntax(language) ? /^anon:[0-9a-f]+:([^@]+)@(.+)$/.exec(key) : null;
  if (!m) return null;
  const words = keyWords(language);
  if (!words.reporterNouns.has(m[1]!)) return null;
  const body = m[2]!;
  // An outlet's key: the knowledge base's (`Q40464`) or a name's letters (`org:parisien`).
  if (body.includes(':') || knowledgeBase(language).has(body, 'ORG')) return body;
  return [...words.outletNouns].some((n) => body === slug(n) || body.startsWith(`${slug(n)}-`)) ? '' : null;
}

/**
 * Whether a text holds a form of one of the language's reporting verbs (lang/<xx>/cues.tsv, the classes that make
 * attributions): « Le principal intéressé a confirmé avoir été contacté » does. A statement credited to an outlet that
 * itself reports someone's words is that someone's: the outlet only relays it.
 */
export function reportsSpeech(text: string, language: string): boolean {
  if (!hasSyntax(language)) return false;
  const verbs = syntaxLexicon(language).verbs;
  const lex = attributionLexicon(language);
  for (const w of wordsOf(text))
    for (const f of verbs.get(w.lower) ?? []) {
      const cls = f.role === 'cue' ? lex.cues.get(f.entry)?.cls : undefined;
      if (cls !== undefined && lex.reporting.has(cls)) return true;
    }
  return false;
}

export class SourceKeyer {
  private readonly words: KeyWords;
  private docKey: string | null = null;
  /** The document's outlet mentions the knowledge base knows (platforms left out), in start order; built when first asked. */
  private outletMentions: SpanIndex<{ start: number; end: number; key: string }> | null = null;
  private actors: SpanIndex<Entity> | null = null;

  /** `raw`: office keys as the words give them, without the synonyms of lang/<xx>/offices.json (used to read that file). */
  constructor(
    private readonly doc: Pick<Doc, 'text' | 'meta' | 'entities'>,
    private readonly raw = false,
  ) {
    this.words = keyWords(doc.meta.language);
  }

  /** A short id of the document, scoping its anonymous sources. */
  private scope(): string {
    return (this.docKey ??= createHash('sha256').update(this.doc.text).digest('hex').slice(0, 12));
  }

  /** An office in a body as a key, `role:<office>@<body>`, one office under all its names (`officeSynonym`). */
  private role(office: string, body: string): string {
    const key = `role:${office}@${body}`;
    return this.raw ? key : officeSynonym(key, this.doc.meta.language);
  }

  /**
   * The office a phrase describes someone by (« le ministre de la Défense », « la garde des Sceaux »), as a role key:
   * a person's office noun with a value in lang/<xx>/roles.tsv `office`, or a lowercase head noun the lexicon does not
   * know followed by a preposition, then the body it is held in. Null for other descriptions (« l'économiste », « la
   * mère d'Arnaud Beltrame »).
   */
  officeOf(span: { start: number; end: number; text: string }): string | null {
    const phrase = span.text;
    if (!phrase || phrase.length > OUTLET_MEMO_CHARS) return null;
    const role = this.roleOf(phrase);
    if (!role?.lowercase || role.at !== 1 + this.leading(phrase)) return null;
    const known = this.words.roles.get(role.noun);
    if (known ? known.kind !== 'person' || !known.office : !this.prepositionBefore(phrase, role.at)) return null;
    // « la mère de Paul Marin »: a relation of a person, no office in a body.
    const own = nameIn(phrase, this.words);
    if (own && this.personIn(own, span.start, span.end)) return null;
    const body = this.placeOf(this.bodyOf(phrase, role.at), span.start);
    return body ? this.role(role.office, body) : null;
  }

  /**
   * A phrase of lang/<xx>/offices.json as the key it gets when it is a source, and as an office (`office`, `body`) when
   * a lowercase noun heads it (« le garde des Sceaux »: garde, sceaux; body "" when none follows).
   */
  officeParts(phrase: string): { key: string | null; office: { office: string; body: string } | null } {
    const key = this.key({ start: 0, end: phrase.length, text: phrase, resolved: null, anonymous: false });
    const role = this.roleOf(phrase);
    const office = role?.lowercase && role.at === 1 + this.leading(phrase) ? { office: role.office, body: this.bodyOf(phrase, role.at) ?? '' } : null;
    return { key, office };
  }

  /** Person keys given to names read where the article writes them (`afterComplement`), for the mentions resolved to those names later. */
  private readonly personKeys = new Map<string, string>();

  /** Key of a named actor: the KB's, else the entity layer's, else a person or body key from the name. */
  named(name: string, start: number, end: number, resolvedElsewhere: boolean): string | null {
    // A name keyed where the article wrote it (« la ministre de la Justice Nicole Belloubet »): a later « la garde des
    // Sceaux » resolved to that name is the same person.
    const before = resolvedElsewhere ? this.personKeys.get(name) : undefined;
    if (before) return before;
    // « La », « Le » alone: a fragment, no actor.
    if (onlyFunctionWords(name, this.words)) return null;
    const kb = knowledgeBase(this.doc.meta.language);
    const known = kb.lookup(name);
    if (known && (known.curated || known.subtype === 'country')) return known.key;
    // « Sud Ouest », « le quotidien La Voix du Nord », « France Bleu Gard-Lozère »: an outlet, whatever the tagger took it for.
    const outlet = outletNamed(name, this.doc.meta.language, this.words);
    if (outlet) return outlet;
    // "l'Organisation des moudjahidine du peuple (OMPI)": the acronym names it in every article.
    const acronym = /\((\p{Lu}[\p{Lu}\p{N}-]{1,9})\)\s*$/u.exec(name)?.[1];
    if (acronym) return kb.lookup(acronym)?.key ?? `org:${compact(acronym)}`;
    const trimmed = resolvedElsewhere ? null : this.afterComplement(name, start);
    if (trimmed) {
      const key = `per:${slug(trimmed)}`;
      this.personKeys.set(name, key);
      return key;
    }
    const own = this.personNameIn(name, start, end) ?? nameIn(name, this.words);
    // « selon l'OMPI », « OMPI »: a lone all-capitals word is a body's acronym, keyed as the bracketed one above
    // (« l'Organisation des moudjahidine du peuple (OMPI) »), never a person's name whatever the tagger said.
    if (own && ACRONYM.test(own)) return kb.lookup(own)?.key ?? `org:${compact(own)}`;
    // « la mère d'Arnaud Beltrame », "the lawyer of John Smith": a relation of a named person is another actor.
    const relation = own ? this.relationOf(name, own, start, end, resolvedElsewhere) : null;
    if (relation) return relation;
    const inner = own ? kb.lookup(own) : undefined;
    const role = this.roleOf(name);
    const kind = role ? this.words.roles.get(role.noun)?.kind : undefined;
    // "le ministère irakien de la Défense", "les autorités de Bagdad": a body or office in (or of) a named one, not that one.
    // « le constructeur automobile japonais Nissan », « l'ONG Amnesty International »: a name in apposition is the body
    // itself, unless it is a person's (« le gouvernement Philippe » is the body that person leads).
    const apposed = (kind === 'org' || kind === 'group') && !!own && !this.prepositionBefore(name, role!.at) && !this.personIn(own, start, end);
    // « La garde des Sceaux »: a lowercase head noun the lexicon does not know, then a preposition before the name, is
    // a role in (or of) that name, never the name itself (not the town of Sceaux).
    const unknownHead = kind === undefined && !!own && this.prepositionBefore(name, role?.at ?? 0) && !this.personIn(own, start, end);
    if (
      role?.lowercase &&
      role.at === 1 + this.leading(name) &&
      !apposed &&
      (kind === 'org' || kind === 'group' || unknownHead || (kind === 'person' && (!own || this.bodyFollows(name, role.at, start, end))))
    ) {
      const body = this.bodyOf(name, role.at);
      if (body) return this.role(role.office, body);
    }
    if (inner && (inner.curated || inner.subtype === 'country')) return inner.key;
    if (this.titled(name)) return `per:${slug(own ?? name)}`;
    const e = resolvedElsewhere ? personNamed(this.doc.entities, own ?? name) : entityAt(this.doc.entities, start, end, own ?? name);
    if (e && e.type !== 'PER' && !/^(?:per|org|loc|misc):/.test(e.key)) return e.key;
    // « l'Union internationale pour la conservation de la nature », « L'Agence »: a bare head noun names no body by itself.
    const head = own && !own.includes(' ') ? this.genericHead(own) : null;
    if (head) {
      const full = this.fullName(name);
      return full && compact(full) !== compact(own!) ? `org:${compact(full)}` : `anon:${this.scope()}:${slug(head)}`;
    }
    // A one-word PER is as often an outlet or a brand ("Gala", "Closer") as a surname: a title or a first name decides.
    const person = (e?.type === 'PER' && (own ?? name).includes(' ')) || this.looksPersonal(name, own);
    if (person) return `per:${slug(own ?? name)}`;
    if (e) return entityKey(e, own ?? name);
    const body = compact(own ?? this.withoutDeterminer(name));
    return body ? `org:${body}` : null;
  }

  /**
   * « la ministre de la Justice Nicole Belloubet »: the name words run on from the body's name (« Justice Nicole
   * Belloubet »); a person the entities layer finds at the end of the phrase is the name. Null otherwise.
   */
  private personNameIn(phrase: string, start: number, end: number): string | null {
    const own = nameIn(phrase, this.words);
    if (!own?.includes(' ')) return null;
    for (const e of this.actorEntities().overlapping(start, end)) {
      if (e.type !== 'PER' || e.start < start || e.end > end) continue;
      const name = nameIn(e.text, this.words);
      if (name && name !== own && own.endsWith(` ${name}`) && name.includes(' ')) return name;
    }
    return null;
  }

  /**
   * « la ministre de la Justice Nicole Belloubet » when the entities layer took « Justice Nicole Belloubet » for the
   * name (or the speaker span starts at « Justice »): the capitalised words before a known given name, right after a
   * preposition or determiner (in the phrase or just before it in the text), are the complement of a role, not part of
   * the name. The name from the given name on when a surname follows it; null otherwise.
   */
  private afterComplement(phrase: string, start: number): string | null {
    const own = nameIn(phrase, this.words);
    if (!own) return null;
    const ws = own.split(' ');
    // « Jean Marc Ayrault »: a gendered given name opening the name is the name's (« Justice », listed without a gender, is not).
    if (ws.length < 3 || this.isGiven(ws[0]!)) return null;
    const at = ws.findIndex((w, i) => i > 0 && this.isGiven(w));
    if (at < 1 || at > ws.length - 2 || ws.slice(0, at).some((w) => !NAME_WORD.test(w[0]!))) return null;
    // The word before the name: in the phrase when it opens later, else just before the span in the text.
    const inPhrase = wordsOf(phrase);
    const first = inPhrase.findIndex((w) => bare(w.text) === ws[0]);
    const before = first > 0 ? inPhrase[first - 1] : wordsOf(this.doc.text.slice(Math.max(0, start - 40), start)).pop();
    if (!before || !(this.words.prepositions.has(before.lower) || this.words.determiners.has(before.lower))) return null;
    return ws.slice(at).join(' ');
  }

  /** Whether a word (or the first part of a hyphenated one) is a given name listed with a gender (« Justice », listed without one, is not). */
  private isGiven(word: string): boolean {
    const known = (w: string) => !!this.words.firstNames.get(w);
    return known(word) || known(word.split('-')[0]!);
  }

  /**
   * « la mère d'Arnaud Beltrame », « le plus jeune des enfants de Serge Gainsbourg », « le dernier manager de Johnny »,
   * "the lawyer of John Smith": a determiner, lowercase words (the relation), a preposition, then a person's name ending
   * the phrase. That is someone else than the person named: `role:<relation>@per:<person>`, one key across articles as
   * for an office in a body. Null when the phrase is not of that shape or the name is no person's.
   */
  private relationOf(phrase: string, own: string, start: number, end: number, resolvedElsewhere: boolean): string | null {
    const ws = wordsOf(phrase);
    const from = this.leading(phrase);
    const at = ws.findIndex((w, i) => i >= from && NAME_WORD.test(w.text));
    if (from === 0 || at < 0 || bare(ws[at]!.text) !== own.split(' ')[0]) return null;
    let prep = at - 1;
    while (prep > from && this.words.determiners.has(ws[prep]!.lower) && !this.words.prepositions.has(ws[prep]!.lower)) prep--;
    if (prep <= from || !this.words.prepositions.has(ws[prep]!.lower)) return null;
    const relation = ws.slice(from, prep).filter((w) => !this.words.functionWords.has(w.lower) || this.words.prepositions.has(w.lower));
    if (relation.length === 0 || relation.some((w) => w.text !== w.lower)) return null;
    const person = resolvedElsewhere ? personNamed(this.doc.entities, own) : entityAt(this.doc.entities, start, end, own);
    if (!(person?.type === 'PER' || this.looksPersonal(own, own))) return null;
    return `role:${slug(relation.map((w) => w.text).join(' '))}@per:${slug(own)}`;
  }

  /**
   * A phrase that names no actor however it is read: a complement opened by a preposition (« aux Etats-Unis et au
   * Canada », « au niveau des péages ») or someone's words (« ses propres dires », « ses propos »: the words, not the
   * speaker, who goes unnamed here).
   */
  private notAnActor(phrase: string): boolean {
    const ws = wordsOf(phrase);
    if (ws.length === 0) return false;
    if (this.words.complementOpeners.has(ws[0]!.lower)) return true;
    return !nameIn(phrase, this.words) && ws.some((w) => this.words.reportedWords.has(w.lower));
  }

  /** The name's one word when it is a head noun of a body, medium, document or group (lang/<xx>/roles.tsv), not a person's role: « Agence », « Union ». */
  private genericHead(word: string): string | null {
    const lower = word.toLowerCase();
    const kind = this.words.roles.get(lower)?.kind;
    return kind && kind !== 'person' ? lower : null;
  }

  /** The whole name a head noun opens: the phrase without its determiners, up to a list separator, trailing function words dropped (« Le Journal du » → « Journal »). */
  private fullName(phrase: string): string | null {
    const first = this.words.separator ? phrase.split(this.words.separator)[0]! : phrase;
    const ws = wordsOf(first).slice(this.leading(first));
    while (ws.length > 0 && this.words.functionWords.has(ws[ws.length - 1]!.lower)) ws.pop();
    return ws.length > 0 ? ws.map((w) => w.text).join(' ') : null;
  }

  /** "le directeur de recherche CNRS", "le porte-parole de la police": a preposition after the role noun leads to the body it serves in. */
  private bodyFollows(text: string, at: number, start: number, end: number): boolean {
    if (this.doc.entities.some((e) => e.type === 'PER' && e.start < end && e.end > start)) return false;
    return this.prepositionBefore(text, at);
  }

  /** Whether a preposition stands between word `at` and the first name word (« le ministère irakien de la Défense »). */
  private prepositionBefore(text: string, at: number): boolean {
    for (const w of wordsOf(text).slice(at)) {
      if (NAME_WORD.test(w.text)) return false;
      // The language's prepositions hold its contracted and elided forms ("du", "des", "d'": lang/fr/syntax.json).
      if (this.words.prepositions.has(w.lower)) return true;
    }
    return false;
  }

  /** Whether a name within [start, end) is a person's: the entity layer's PER, or a known first name opening it. */
  private personIn(name: string, start: number, end: number): boolean {
    const e = entityAt(this.doc.entities, start, end, name);
    return e?.type === 'PER' || this.looksPersonal(name, name);
  }

  /** How many determiners open the phrase. */
  private leading(text: string): number {
    let n = 0;
    for (const w of wordsOf(text)) {
      if (!this.words.determiners.has(w.lower)) break;
      n++;
    }
    return n;
  }

  private withoutDeterminer(text: string): string {
    return wordsOf(text)
      .slice(this.leading(text))
      .map((w) => w.text)
      .join(' ');
  }

  /** A courtesy title ("M.", "Mme", "Dr") before the name. */
  private titled(phrase: string): boolean {
    return wordsOf(phrase).some((w) => this.words.courtesy.has(bare(w.lower)));
  }

  /** No entity says what it is: a title, a person role noun or a known first name makes it a person. */
  private looksPersonal(phrase: string, own: string | null): boolean {
    const ws = wordsOf(phrase);
    if (ws.some((w) => this.words.titles.has(bare(w.lower)))) return true;
    const first = own?.split(' ')[0];
    return !!first && own!.includes(' ') && (this.words.firstNames.has(first) || this.words.firstNames.has(first.split('-')[0]!));
  }

  /** The body a role is held in: the first name after the role noun ("le porte-parole de [la police]"), as a key. */
  private bodyOf(text: string, from: number): string | null {
    const ws = wordsOf(text).slice(from);
    const rest = ws
      .filter((w) => !this.words.determiners.has(w.lower) && !this.words.prepositions.has(w.lower) && !this.words.functionWords.has(w.lower))
      .map((w) => bare(w.text));
    if (rest.length === 0) return null;
    const phrase = rest.join(' ');
    const kb = knowledgeBase(this.doc.meta.language);
    // Curated actors and countries only: a common noun is not the town of the same name ("la police" ≠ Police, Poland).
    const known = kb.lookup(phrase);
    if (known && (known.curated || known.subtype === 'country' || known.subtype === 'demonym')) return known.key;
    return slug(phrase);
  }

  /** The role noun heading a description, and its place among the words. */
  private roleOf(text: string): { noun: string; office: string; at: number; lowercase: boolean } | null {
    const ws = wordsOf(text);
    for (let i = 0; i < ws.length; i++) {
      const l = ws[i]!.lower;
      const r = this.words.roles.get(l);
      const lowercase = ws[i]!.text === l;
      if (r) return { noun: l, office: r.office ?? l, at: i + 1, lowercase };
      if (!this.words.determiners.has(l) && !this.words.functionWords.has(l) && !this.words.sameAs.has(l))
        return { noun: slug(l), office: slug(l), at: i + 1, lowercase };
    }
    return null;
  }

  /**
   * "le média", "le journal" with no name: the last outlet the article names before it ("selon Mediapart … le média
   * affirme" is Mediapart), as the knowledge base keys it; null when the article names none before.
   */
  private outletReferent(text: string, start: number): string | null {
    if (nameIn(text, this.words)) return null;
    const ws = wordsOf(text).slice(this.leading(text));
    const head = ws[0]?.lower;
    if (!head || !this.words.outletNouns.has(head)) return null;
    // "le site internet de la chaîne": a complement points elsewhere; only adjectives may follow ("le quotidien francilien").
    if (ws.slice(1).some((w) => this.words.prepositions.has(w.lower))) return null;
    this.outletMentions ??= new SpanIndex(this.findOutletMentions());
    return this.outletMentions.lastEndingBy(start)?.key ?? null;
  }

  /**
   * The document's entities that name an actor, indexed by position; built when first asked, once per document (a
   * scan of every entity at every attribution would be quadratic on a long document).
   */
  actorEntities(): SpanIndex<Entity> {
    this.actors ??= new SpanIndex(this.doc.entities.filter((e) => ACTOR_TYPES.has(e.type)));
    return this.actors;
  }

  private findOutletMentions(): { start: number; end: number; key: string }[] {
    const kb = knowledgeBase(this.doc.meta.language);
    const out: { start: number; end: number; key: string }[] = [];
    for (const e of this.doc.entities) {
      if (this.words.platforms.has(e.text.toLowerCase())) continue;
      const known = kb.lookup(e.text);
      if (known?.subtype === 'media') out.push({ start: e.start, end: e.end, key: known.key });
    }
    return out;
  }

  /** An intermediary: a named medium or person, else (a document, "un communiqué") none. */
  via(v: { start: number; end: number; text: string }): string | null {
    const kb = knowledgeBase(this.doc.meta.language);
    const name = nameIn(v.text, this.words);
    if (!name && !kb.lookup(v.text)) return null;
    // "sur Twitter", "via son compte Facebook": a platform carries the statement, the speaker is the upstream.
    if (name && this.words.platforms.has(name.toLowerCase())) return null;
    return this.named(v.text, v.start, v.end, false);
  }

  key(source: NonNullable<Attribution['source']>): string | null {
    const { resolved, anonymous } = source;
    // A referent that names someone is keyed by that name; one that names nobody (« le groupe ») is a description.
    if (resolved && (nameIn(resolved, this.words) || knowledgeBase(this.doc.meta.language).lookup(resolved)))
      return this.named(resolved, source.start, source.end, resolved !== source.text);
    const text = resolved ?? source.text;
    if (onlyFunctionWords(text, this.words) || this.notAnActor(text)) return null;
    if (!anonymous && nameIn(text, this.words)) return this.named(text, source.start, source.end, false);
    const outlet = this.outletReferent(text, source.start);
    if (outlet) return outlet;
    const role = this.roleOf(text);
    if (!role) return null;
    const written = this.bodyOf(text, role.at);
    const body = this.placeOf(written, source.start);
    const known = this.words.roles.get(role.noun);
    // A definite office in a named body is one specific holder: the same key across articles. So is a body named by its
    // noun and a complement (« la préfecture de police », « le ministère de l'intérieur » in lowercase): the body, keyed
    // as its capitalised name is (`role:préfecture@police`, which `institutionOf` reads as the prefecture).
    const definiteBody = known?.kind === 'org' && role.at === 1 + this.leading(text) && this.words.definite.has(wordsOf(text)[0]!.lower);
    if (!anonymous && body && (known?.office || definiteBody)) return this.role(role.office, body);
    const what = written ? `${role.office}@${written}` : role.office;
    return `anon:${this.scope()}:${what}`;
  }

  /**
   * A body written as a generic noun of a place (« le maire de la ville », lang/<xx>/offices.json `placeNouns`) is the
   * last place of that kind (a city, a country of the knowledge base) the article names before `at`, keyed as its name
   * would be (« le maire de Marseille »); null when it names none (the office is then scoped to its document). Any
   * other body is returned as it is.
   */
  private placeOf(body: string | null, at: number): string | null {
    // The raw keyer reads lang/<xx>/offices.json itself, whose phrases name no place of an article.
    const kind = body && !this.raw ? placeNoun(body, this.doc.meta.language) : undefined;
    if (!kind) return body;
    const kb = knowledgeBase(this.doc.meta.language);
    let place: string | null = null;
    for (const e of this.doc.entities) {
      if (e.end > at) continue;
      if (e.type === 'LOC' && kb.lookup(e.text)?.subtype === kind) place = e.text;
    }
    return place === null ? null : this.bodyOf(place, 0);
  }
}

/** A body's acronym: one word of capitals and digits ("OMPI", "CGT", "G7"). */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}-]{1,9}$/u;

/** Entity types that name an actor. */
const ACTOR_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
/** Where a speaker phrase read forwards surely ends: a sentence or clause mark, a quotation mark, a bracket. */
const PHRASE_END = /[.!?;:\n«»“”"()[\]]/u;

/** Longest anonymous group phrase opening a coordination of sources ("des responsables ukrainiens"). */
const MAX_GROUP_WORDS = 5;

/**
 * Characters read past the speaker's end for a coordination, at most: a list of sources (« selon des habitants, la
 * préfecture du Pas-de-Calais, les pompiers et le maire de Calais ») is short, and a quotation of thousands of incises
 * (« …, a déclaré le maire 12, la ville va bien, a déclaré le maire 13, … ») must not be read again for each of them.
 */
const MAX_COORDINATION_CHARS = 300;

interface Conjunct {
  start: number;
  end: number;
}

/**
 * « selon Mediapart et Le Monde », « d'après l'AFP, Reuters et AP », "X and Y said": a coordination of named speakers,
 * each an upstream source of its own. The phrase runs from the source to the cue or the content (or to the end of the
 * clause when the source comes last); it is split at commas and at the language's "and" (the last separator an "and").
 * Every conjunct must be one actor entity, preceded only by determiners (not a preposition's contraction), titles or outlet nouns (« le quotidien Le
 * Monde »): a description (« le ministre de l'Intérieur ») or a clause keeps the phrase whole. A name holding the
 * coordinator (« Procter et Gamble », an entity across the separator) is one speaker. Linear in the phrase.
 */
export function coordinatedSpeakers(doc: Doc, a: Attribution, actors: SpanIndex<Entity>, words: KeyWords = keyWords(doc.meta.language)): Conjunct[] | null {
  const s = a.source;
  if (!s || !words.separator) return null;
  let limit = doc.text.length;
  for (const at of [a.cue?.start, a.content.start]) if (at !== undefined && at >= s.end && at < limit) limit = at;
  limit = Math.min(limit, s.end + MAX_COORDINATION_CHARS);
  const stop = PHRASE_END.exec(doc.text.slice(s.end, limit));
  if (stop) limit = s.end + stop.index;
  const phrase = doc.text.slice(s.start, limit).replace(/[\s,]+$/u, '');
  // « Sciences et Avenir »: an outlet's name holding the coordinator is one speaker.
  if (outletNamed(phrase, doc.meta.language, words)) return null;
  const separators = [...phrase.matchAll(words.separator)];
  const last = separators[separators.length - 1];
  if (!last || last[0].trim() === ',') return null;
  const entities = actors.overlapping(s.start, s.start + phrase.length);
  const out: Conjunct[] = [];
  let from = s.start;
  for (const m of [...separators, null]) {
    const end = m ? s.start + m.index : s.start + phrase.length;
    // A name across the separator is one speaker.
    if (m && entities.some((e) => e.start < end && e.end > end + m[0].length)) return null;
    // « selon des habitants et la préfecture », "Ukrainian officials and the Red Cross": an anonymous group found as the
    // speaker may open the list, as long as named actors follow it.
    const group = s.anonymous && from === s.start && m !== null && wordsOf(doc.text.slice(from, end)).length <= MAX_GROUP_WORDS;
    const conjunct = group ? { start: from, end } : conjunctOf(doc.text, entities, from, end, words);
    if (!conjunct) return null;
    out.push(conjunct);
    if (m) from = end + m[0].length;
  }
  return out;
}

/** The conjunct [from, end) as an actor entity with only determiners, titles or outlet nouns before it; null otherwise. */
function conjunctOf(text: string, entities: Entity[], from: number, end: number, words: KeyWords): Conjunct | null {
  const e = entities.find((x) => x.start >= from && x.start < end);
  if (!e || e.end > end || text.slice(e.end, end).trim() !== '') return null;
  const before = wordsOf(text.slice(from, e.start));
  // « au Canada », « aux Etats-Unis »: a contracted preposition makes a complement, not a speaker.
  const lead = (w: { lower: string }) =>
    !words.prepositions.has(w.lower) && (words.determiners.has(w.lower) || words.titles.has(bare(w.lower)) || words.outletNouns.has(w.lower));
  return before.every(lead) ? { start: from, end } : null;
}

/**
 * Whether coordinated places share the body noun that ends the last conjunct: "Devon and Cornwall Police", "Avon and
 * Somerset Constabulary" name one body (a joint force), not a county and a police force speaking together. Every
 * conjunct but the last is a place entity alone, and the last ends in a noun of a body (lang/<xx>/roles.tsv kind `org`).
 * « la préfecture et les pompiers » (no place before) and "France and the European Commission" (the last conjunct ends
 * in no body noun) stay two speakers.
 */
function sharedHead(doc: Doc, parts: Conjunct[], actors: SpanIndex<Entity>): boolean {
  if (parts.length < 2 || !languageOf(doc.meta.language).supports('attributions')) return false;
  const places = parts.slice(0, -1).every((p) => actors.overlapping(p.start, p.end).some((e) => e.type === 'LOC' && e.start === p.start && e.end === p.end));
  const last = parts[parts.length - 1]!;
  // A proper name and the body noun, no determiner: "Cornwall Police", not "the European Commission".
  const m = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(\p{Lu}\p{Ll}+)$/u.exec(doc.text.slice(last.start, last.end).trim());
  return places && m !== null && attributionLexicon(doc.meta.language).roles.get(m[1]!.toLowerCase())?.kind === 'org';
}

/**
 * A coordinated source keeps its first speaker; the others become `coSources`, each with its key (mutates `a`). Places
 * sharing a body noun (`sharedHead`) are one body: the source spans the phrase, and its key (the knowledge base's, else
 * the body's letters) is returned.
 */
function splitCoordination(doc: Doc, a: Attribution, keyer: SourceKeyer): string | null {
  const parts = coordinatedSpeakers(doc, a, keyer.actorEntities());
  const s = a.source;
  if (!parts || !s) return null;
  if (sharedHead(doc, parts, keyer.actorEntities())) {
    const text = doc.text.slice(parts[0]!.start, parts[parts.length - 1]!.end);
    if (s.resolved === s.text) s.resolved = text;
    Object.assign(s, { start: parts[0]!.start, end: parts[parts.length - 1]!.end, text });
    return knowledgeBase(doc.meta.language).lookup(text)?.key ?? `org:${compact(text)}`;
  }
  const first = parts[0]!;
  const text = doc.text.slice(first.start, first.end);
  if (s.resolved === s.text) s.resolved = text;
  Object.assign(s, { start: first.start, end: first.end, text });
  a.coSources = parts.slice(1).map((p) => {
    const t = doc.text.slice(p.start, p.end);
    return { start: p.start, end: p.end, text: t, key: keyer.named(t, p.start, p.end, false), rule: 'coordination' };
  });
  return null;
}

/** Give every attribution's source its key (mutates the attributions). */
export function addSourceKeys(doc: Doc, attributions: Attribution[]): void {
  if (attributions.length === 0) return;
  const keyer = new SourceKeyer(doc);
  for (const a of attributions) {
    const body = a.source ? splitCoordination(doc, a, keyer) : null;
    if (a.source) {
      a.source.key = body ?? keyer.key(a.source);
      // The office the speaker holds, as the text gives it: a description (« le ministre de la Défense, Amir Hatami »),
      // or the role phrase a name was resolved from (« le garde des Sceaux » → Nicole Belloubet).
      const described = a.source.description ?? (a.source.resolved && a.source.resolved !== a.source.text ? a.source : null);
      const office = described ? keyer.officeOf(described) : null;
      if (office && office !== a.source.key) a.source.office = office;
    }
    // An intermediary ("l'agence Fars", "le site d'information al-Ahad", "BFMTV") is a named medium or person.
    for (const v of a.via) v.key = keyer.via(v);
  }
}
