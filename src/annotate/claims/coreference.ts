// A claim's subject when the clause names it by a pronoun or a description before its verb: « je » / « nous » in
// reported speech is the speaker; « il », « ce dernier », « le gendarme » / "he", "the officer" is the person named
// before; « ils » / "they" the group of people named before.
import type { Doc } from '../../doc/doc.js';
import type { Entity } from '../../doc/schema.js';
import type { SpanIndex } from '../../text/span-index.js';
import { attributionLexicon } from '../attributions/lexicon.js';
import type { Syntax } from '../syntax/index.js';
import { wordAtOrAfter } from '../syntax/words.js';
import { isLightVerb } from '../propositions.js';
import { verbAt } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** How many sentences back (the pronoun's own included) a pronoun subject looks for the person it names. */
const COREFERENCE_REACH = 4;
/** Adjectives and number words allowed between the determiner and the person noun of a description, at most. */
const DESCRIPTION_REACH = 2;

/** The document's entities found by position, and the keys of its persons and bodies (built when first asked). */
export interface NamedActors {
  entities: SpanIndex<Entity>;
  actorKeys: () => Set<string>;
}

export function namedActors(doc: Doc, entities: SpanIndex<Entity>): NamedActors {
  let keys: Set<string> | undefined;
  return {
    entities,
    actorKeys: () => (keys ??= new Set(doc.entities.filter((e) => e.type === 'PER' || e.type === 'ORG').map((e) => e.key))),
  };
}

/**
 * The subject a clause names by a pronoun before its verb, as entity keys: « je » / « nous » in an attributed claim
 * is its speaker (the attribution's source key); « il », « elle », « ce dernier » is the person named last before it in
 * its sentence, or else the subject of the nearest earlier sentence (within COREFERENCE_REACH) whose subject names one;
 * « ils » / « elles » the people (and bodies) found there when they are two or more. Empty when none (or an unresolved speaker).
 */
export function subjectOf(doc: Doc, sx: Syntax, lex: ClaimsLexicon, names: NamedActors, first: number, last: number, attribution: number | null): string[] {
  let i = first;
  while (i <= last && !verbAt(sx, i)) {
    const w = sx.words[i]!;
    const two = i < last ? `${w.lower} ${sx.words[i + 1]!.lower}` : '';
    if (lex.firstPerson.has(w.lower)) return speakerOf(doc, names, attribution);
    const number = lex.third.get(w.lower) ?? lex.third.get(two);
    // « il y a », « il faut », « il s'agit » (« s' » and « agit » are two words): no referent.
    const next = sx.words[i + 1]?.lower ?? '';
    const impersonal = lex.impersonal.has(next) || (/['’]$/.test(next) && lex.impersonal.has(`${next.replace('’', "'")}${sx.words[i + 2]?.lower ?? ''}`));
    if (number && !impersonal) return antecedents(doc, sx, names, w.start, number);
    if (number) return [];
    // « Le gendarme a été tué », « Ce lieutenant-colonel de gendarmerie … », « l'ancien président »: a definite or
    // demonstrative description of a person (a person noun of lang/<code>/roles.tsv) points back like « il ».
    const described = i === first && lex.anaphoric.has(w.lower) ? describedPerson(sx, lex, i + 1, last) : null;
    if (described) return antecedents(doc, sx, names, w.start, described);
    i++;
  }
  return [];
}

const NONE: ReadonlySet<string> = new Set();
/** Object pronouns resolved per clause, at most (the first ones): each looks back over a few sentences. */
const MAX_OBJECTS = 2;
/** Clitics (« en », « y », « ne ») skipped between an object pronoun and its verb, at most. */
const CLITIC_REACH = 2;

/**
 * The people a clause names by an object pronoun (lang/<code>/claims.json `coreference.objects`: « Nissan veut le
 * démettre », « la police l'a interpellé », « lui répond l'opératrice »), as entity keys: the person (or group, for
 * « les ») named before, other than the clause's subject. A form that is also a determiner (« le », « la », « les »)
 * is a pronoun only before an auxiliary, before an infinitive after a light verb, a preposition or a negation
 * (« veut le démettre », « pour la sauver »), or before the verb of a subject pronoun (« il la connaît »).
 */
export function objectReferents(
  doc: Doc,
  sx: Syntax,
  lex: ClaimsLexicon,
  names: NamedActors,
  first: number,
  last: number,
  subject: readonly string[],
): string[] {
  if (lex.objects.size === 0) return [];
  const out = new Set<string>();
  let found = 0;
  for (let i = first; i < last && found < MAX_OBJECTS; i++) {
    const w = sx.words[i]!;
    const number = lex.objects.get(w.lower);
    if (!number) continue;
    let k = i + 1;
    while (k < last && k <= i + CLITIC_REACH && lex.clauseClitics.has(sx.words[k]!.lower) && !lex.objects.has(sx.words[k]!.lower)) k++;
    if (!objectBefore(sx, lex, i, k)) continue;
    found++;
    for (const key of antecedents(doc, sx, names, w.start, number, new Set(subject))) out.add(key);
  }
  return [...out].sort();
}

/** Whether the object-pronoun form at word i is a pronoun, with word k its verb (see `objectReferents`). */
function objectBefore(sx: Syntax, lex: ClaimsLexicon, i: number, k: number): boolean {
  const v = sx.words[k]!;
  if (v.kind !== 'word' || v.cap || v.sentence !== sx.words[i]!.sentence) return false;
  if (sx.isAux[k] === 1) return true;
  const before = i > 0 && sx.words[i - 1]!.sentence === v.sentence ? sx.words[i - 1]!.lower : '';
  if (!sx.lex.determiners.has(sx.words[i]!.lower)) return verbAt(sx, k);
  const g = sx.lex.g;
  if (v.lower.length >= g.infinitiveMinLength && g.infinitive.test(v.lower))
    return isLightVerb(sx.language, before) || sx.lex.prepositions.has(before) || sx.lex.negation.has(before) || lex.infinitiveOpeners.has(before);
  return verbAt(sx, k) && (lex.third.has(before) || lex.firstPerson.has(before) || sx.lex.relatives.has(before));
}

/** Whether a person noun of roles.tsv follows word i (past DESCRIPTION_REACH lower-case words): its number, or null. */
function describedPerson(sx: Syntax, lex: ClaimsLexicon, i: number, last: number): 'singular' | 'plural' | null {
  const roles = attributionLexicon(sx.language).roles;
  for (let k = i; k <= last && k <= i + DESCRIPTION_REACH; k++) {
    const w = sx.words[k]!;
    if (w.kind !== 'word' || w.cap || verbAt(sx, k)) return null;
    const role = roles.get(w.lower);
    if (role?.kind === 'person' || lex.describedPersons.has(w.lower)) return lex.anaphoric.get(sx.words[i - 1]!.lower) ?? null;
  }
  return null;
}

/** The source of an attribution as an actor: a person or body the entities layer names, a role or an anonymous source. */
export function speakerOf(doc: Doc, names: NamedActors, attribution: number | null): string[] {
  const key = attribution === null ? null : doc.attributions[attribution]?.source?.key;
  return key && (/^(?:role|anon):/.test(key) || names.actorKeys().has(key)) ? [key] : [];
}

/**
 * The people a pronoun or description at offset `at` refers to, looking back at most COREFERENCE_REACH sentences:
 * one person for the singular (« a annoncé à Mamoudou Gassama qu'il … »), a group of two or more actors for the
 * plural (« Booba et Kaaris … Ils »).
 */
export function antecedents(
  doc: Doc,
  sx: Syntax,
  names: NamedActors,
  at: number,
  number: 'singular' | 'plural',
  exclude: ReadonlySet<string> = NONE,
): string[] {
  const sentence = sx.words[wordAtOrAfter(sx.words, at)]!.sentence;
  for (let s = sentence; s >= 0 && s > sentence - COREFERENCE_REACH; s--) {
    const from = doc.sentences[s]!.start;
    // In the pronoun's own sentence, anyone named before it, nearest first (« a annoncé à Mamoudou Gassama qu'il … »);
    // in an earlier sentence, its subject only: the names before its first verb (« Le jeune garçon, qui a été accueilli
    // par le préfet, … » does not make the prefect the next « il »).
    let until = at;
    if (s < sentence) {
      let v = sx.first[s]!;
      while (v <= sx.last[s]! && !verbAt(sx, v)) v++;
      until = v <= sx.last[s]! ? sx.words[v]!.start : doc.sentences[s]!.end;
    }
    const people: string[] = [];
    const group: string[] = [];
    // Nearest first: the entities starting in [from, until), from the last.
    const named = names.entities.startingIn(from, until);
    for (let k = named.length - 1; k >= 0; k--) {
      const e = named[k]!;
      if (exclude.has(e.key)) continue;
      if (e.type === 'PER') people.push(e.key);
      // A name coordinated with an actor's (« Booba et Kaaris », Kaaris read as a place) is one of the group.
      if (e.type === 'PER' || e.type === 'ORG' || coordinatedActor(doc, sx, named, k)) group.push(e.key);
    }
    if (people.length === 0) continue;
    if (number === 'singular') return [s === sentence ? people[0]! : people[people.length - 1]!];
    // « Booba et Kaaris … Ils »: a group of two or more named actors, one a person at least (a name tagged as a body
    // counts); a subject naming one person only is not what « ils » refers to: the group is looked for further back.
    const distinct = [...new Set(group)];
    if (distinct.length >= 2) return distinct.sort();
  }
  return [];
}

/** Whether the name named[k] (no person or body) is joined by a coordinator to a person or body next to it (« Booba et Kaaris »). */
function coordinatedActor(doc: Doc, sx: Syntax, named: Entity[], k: number): boolean {
  const e = named[k]!;
  if (e.type === 'DATE' || e.type === 'QUANTITY') return false;
  const joined = (a: Entity | undefined, b: Entity | undefined) => {
    const other = a === e ? b : a;
    return !!a && !!b && (other!.type === 'PER' || other!.type === 'ORG') && sx.lex.g.coordinators.has(doc.text.slice(a.end, b.start).trim().toLowerCase());
  };
  return joined(named[k - 1], e) || joined(e, named[k + 1]);
}
