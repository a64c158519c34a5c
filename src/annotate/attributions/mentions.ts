// Named mentions of the document in order, for resolving short and role
// mentions: each name chunk with its full form, its last word (a surname),
// gender (title, or the article of an adjacent role: "une porte-parole") and
// the role nouns placed next to it ("Jen Psaki, une porte-parole …",
// "le chef de la milice, Wathiq al Batat").
import type { Syntax } from '../syntax/index.js';
import { FORM_GERUND, type Gender } from '../syntax/lexicon.js';
import { isFiniteVerb, npForward } from '../syntax/phrases.js';
import type { AttributionLexicon } from './lexicon.js';
import { mediaNameAt } from './via.js';
import { ENTITY_KINDS, quotesAroundWords } from './frames.js';

export interface Mention {
  /** Full form, title removed ("Jen Psaki"). */
  name: string;
  words: string[];
  start: number;
  sentence: number;
  person: boolean;
  gender: Gender;
  roles: Set<string>;
  /** Opens its sentence after a determiner: a body as subject, the most salient antecedent ("L'AG … organise …"). */
  opensSentence: boolean;
  /** Inside a prepositional phrase ("à la Bourse du Travail"): a place or a complement, not an agent. */
  afterPreposition: boolean;
  /**
   * Inside an adverbial clause that opens its sentence (« Si X n'a pas voulu répondre, Y a confirmé … »): the subject
   * of a subordinate clause, not of the sentence.
   */
  fronted: boolean;
  /** The smallest quotation holding it ("X-Men : Days of Future Past", « j'ai appelé Paul »), null outside any. */
  quoted: { start: number; end: number } | null;
  /** Surely no person: the entities layer calls it a place or an organisation, or a body's noun or article opens it. */
  body: boolean;
}

/** Words scanned on each side of a name for its role noun. */
const ROLE_WINDOW = 6;

/** Gender a determiner gives the role noun after it ("la porte-parole"). */
function roleGender(syntax: Syntax, det: string): Gender {
  return syntax.lex.g.roleFeminine.has(det) ? 'f' : syntax.lex.g.roleMasculine.has(det) ? 'm' : null;
}

/** Gender of a person from the first word of their name ("Jean-François" → "Jean"). */
export function genderOfName(names: Map<string, Gender>, words: string[]): Gender {
  if (words.length < 2) return null;
  return names.get(words[0]!) ?? names.get(words[0]!.split('-')[0]!) ?? null;
}

/**
 * `entityKind`: per word, the entities layer's type (ENTITY_KINDS codes): a name the entities layer calls a place,
 * an organisation or anything but a person is no person, whatever its capitals say ("la Bourse du Travail", "Paris Match").
 */
export function collectMentions(syntax: Syntax, lex: AttributionLexicon, entityKind?: Uint8Array): Mention[] {
  const out: Mention[] = [];
  const fronted = frontedClauses(syntax);
  /** Full names by surname, to expand a later "Mme Dassin" to the person named before. */
  const bySurname = new Map<string, Mention>();
  const quoteOf = quotesAroundWords(syntax);
  for (const c of syntax.names) {
    const from = c.title >= 0 ? c.title + 1 : c.first;
    const ws = syntax.words.slice(from, c.last + 1);
    const words = ws.filter((w) => w.cap).map((w) => w.text);
    // Two capitalised words make a person unless they name an outlet ("Paris Normandie") or start with a
    // body's noun ("Radio Nord", "Société Générale").
    const bodyNoun = lex.roles.get(ws[0]!.lower);
    const kind = entityKind?.[c.last];
    // Nor one it calls something else (MISC: a work, an event, a product: "X-Men : Days of Future Past").
    const notPerson = kind !== undefined && kind !== 0 && kind !== ENTITY_KINDS.PER && entityKind![c.first] === kind;
    // An office with its complement names no one ("Secretary of State", "Minister of Defence").
    const office = bodyNoun?.kind === 'person' && ws.some((w) => syntax.lex.npLinks.has(w.lower));
    // A lone given name the entities layer calls a person: blogs, magazines and live blogs name ordinary people by
    // their first name only ("Nadia, aide-soignante, attend …", "Fatima regarde les fenêtres noircies").
    // So is a lone given name with an apposed occupation ("Nadia, aide-soignante, …"), whatever the tagger says: the
    // occupation is surer evidence than a tag.
    const given =
      words.length === 1 && !bodyNoun && syntax.lex.firstNames.has(words[0]!) && (kind === ENTITY_KINDS.PER || apposedPersonRole(syntax, lex, c.last));
    const person =
      !frontedParticiple(syntax, c.first) &&
      (c.title >= 0 ||
        given ||
        (words.length >= 2 && !notPerson && !office && mediaNameAt(syntax.words, from, lex) === 0 && (!bodyNoun || bodyNoun.kind === 'person')));
    // A body's name runs on with its lowercase complement: "la Société française de dermatologie".
    const det = syntax.words[c.first - 1];
    const body = !person && det !== undefined && syntax.lex.determiners.has(det.lower);
    const end = body ? Math.max(c.last, npForward(syntax, c.first)) : c.last;
    const lead = det !== undefined && syntax.lex.determiners.has(det.lower) ? c.first - 1 : c.first;
    const m: Mention = {
      opensSentence: lead < c.first && syntax.first[syntax.words[lead]!.sentence] === lead,
      // "à la Bourse", or "de Jean-Marc Morandini" where the word before the name is both a determiner and a preposition.
      afterPreposition:
        syntax.lex.prepositions.has(syntax.words[lead - 1]?.lower ?? '') ||
        (lead < c.first && syntax.first[syntax.words[lead]!.sentence] !== lead && syntax.lex.prepositions.has(syntax.words[lead]!.lower)),
      fronted: from < fronted[ws[0]!.sentence]!,
      name: syntax.text.slice(ws[0]!.start, syntax.words[end]!.end),
      words,
      start: ws[0]!.start,
      sentence: ws[0]!.sentence,
      person,
      gender:
        c.gender ??
        (given
          ? (syntax.lex.firstNames.get(words[0]!) ?? null)
          : person
            ? genderOfName(syntax.lex.firstNames, words)
            : body
              ? roleGender(syntax, det!.lower)
              : null),
      roles: new Set(),
      quoted: quoteOf[c.first]! >= 0 ? syntax.quotes[quoteOf[c.first]!]! : null,
      body: !person && (notPerson || body || (bodyNoun !== undefined && bodyNoun.kind !== 'person')),
    };
    const titled = c.title >= 0 ? lex.titleRoles.get(syntax.words[c.title]!.lower) : undefined;
    if (titled) m.roles.add(titled);
    rolesAround(syntax, lex, c.first, c.last, m);
    // A role noun next to a name the entities layer calls a body keeps it a body: "un chef étoilé Michelin".
    if (notPerson && !person) m.person = false;
    // "Mme Dassin", or a bare "Reeve" after "Gordon Reeve" that the entities layer also calls a person: the person
    // named in full before.
    const surname = c.title >= 0 || (!body && entityKind?.[c.first] === ENTITY_KINDS.PER);
    const full = words.length === 1 && surname ? bySurname.get(words[0]!) : undefined;
    if (full) {
      m.name = full.name;
      m.person = true;
      m.body = false;
      m.gender ??= full.gender;
    }
    if (person && words.length >= 2) bySurname.set(words[words.length - 1]!, m);
    out.push(m);
  }
  return out;
}

/**
 * Per sentence, the word where an adverbial clause opening it ends (the first comma after its verb, past the commas of
 * an apposition before it: « Alors que les propos de X, le préfet, s'opposent …, »), when a subordinator opens the
 * sentence (syntax.json `subordinators`: « Si », « Lorsque », « Bien que »); else 0. One pass over the words.
 */
function frontedClauses(syntax: Syntax): Int32Array {
  const end = new Int32Array(syntax.first.length);
  const { words } = syntax;
  for (let s = 0; s < syntax.first.length; s++) {
    const f = syntax.first[s]!;
    if (!words[f] || !syntax.lex.subordinators.has(words[f]!.lower)) continue;
    let verb = false;
    for (let k = f + 1; k < words.length && words[k]!.sentence === s; k++) {
      if (syntax.isAux[k] === 1 || isFiniteVerb(syntax, k)) verb = true;
      else if (verb && words[k]!.text === ',') {
        end[s] = k;
        break;
      }
    }
  }
  return end;
}

function noteRole(syntax: Syntax, lex: AttributionLexicon, k: number, m: Mention): boolean {
  const role = lex.roles.get(syntax.words[k]!.lower);
  if (!role || role.kind === 'group') return false;
  m.roles.add(syntax.words[k]!.lower);
  if (role.kind === 'person') {
    m.person = true;
    const det = syntax.words[k - 1]?.lower ?? '';
    m.gender ??= role.gender ?? roleGender(syntax, det);
  }
  return true;
}

/**
 * « Invité de Franceinter vendredi, le ministre … », « Interrogée par RTL, la maire … »: a past participle (by the verb
 * lexicon or its ending, not a given name) opening its sentence with a complement after it is a fronted participial phrase whose
 * capital is the sentence's; the name chunk it opens is no person (the subject is the noun phrase after the comma).
 */
function frontedParticiple(syntax: Syntax, first: number): boolean {
  const w = syntax.words[first]!;
  if (syntax.first[w.sentence] !== first || syntax.lex.firstNames.has(w.text)) return false;
  const next = syntax.words[first + 1]?.lower ?? '';
  if (!syntax.lex.prepositions.has(next) && !syntax.lex.npLinks.has(next)) return false;
  const participle = syntax.lex.verbs.get(w.lower)?.some((f) => f.moods.includes('K')) ?? syntax.lex.g.participle.test(w.lower);
  if (!participle) return false;
  // The phrase ends at a comma before any finite verb: « Invité de Franceinter vendredi, … ».
  for (let k = first + 1; syntax.words[k]?.sentence === w.sentence; k++) {
    if (syntax.words[k]!.text === ',') return true;
    if (isFiniteVerb(syntax, k)) return false;
  }
  return false;
}

/** Is the name ending at word `last` followed by an apposed person noun ("Nadia, aide-soignante," / ", une retraitée")? */
function apposedPersonRole(syntax: Syntax, lex: AttributionLexicon, last: number): boolean {
  if (syntax.words[last + 1]?.text !== ',') return false;
  const sentence = syntax.words[last]!.sentence;
  let k = last + 2;
  if (syntax.lex.determiners.has(syntax.words[k]?.lower ?? '')) k++;
  const w = syntax.words[k];
  return w !== undefined && w.sentence === sentence && lex.roles.get(w.lower)?.kind === 'person';
}

/** Does the noun phrase opening at word `first` run straight into a verb (an object clitic, a negation or a finite verb)? */
function subjectAfter(syntax: Syntax, first: number): boolean {
  const w = syntax.words[first];
  if (!w || !syntax.lex.determiners.has(w.lower)) return false;
  const k = npForward(syntax, first) + 1;
  const next = syntax.words[k];
  if (!next || next.sentence !== w.sentence || next.kind !== 'word') return false;
  return syntax.lex.objectClitics.has(next.lower) || syntax.lex.negation.has(next.lower) || syntax.isAux[k] === 1 || isFiniteVerb(syntax, k);
}

function rolesAround(syntax: Syntax, lex: AttributionLexicon, first: number, last: number, m: Mention): void {
  const sentence = syntax.words[first]!.sentence;
  // Left, apposed with a comma: "Le chef de la milice, Wathiq al Batat": the role heads the segment.
  if (syntax.words[first - 1]?.text === ',' && m.words.length >= 2) {
    let k = first - 2;
    while (k > 0 && syntax.words[k - 1]!.sentence === sentence && !/^[,;:«»"“”(]$/.test(syntax.words[k - 1]!.text) && k > first - 2 - ROLE_WINDOW) k--;
    if (syntax.lex.determiners.has(syntax.words[k]!.lower)) noteRole(syntax, lex, k + 1, m);
  }
  // Left, directly: "le général russe Valery Gerasimov" (adjectives only in between, no "de").
  for (let k = first - 1; k >= 0 && k >= first - ROLE_WINDOW && syntax.words[k]!.sentence === sentence; k--) {
    const w = syntax.words[k]!;
    if (
      w.kind !== 'word' ||
      isFiniteVerb(syntax, k) ||
      syntax.lex.boundaries.has(w.lower) ||
      syntax.lex.prepositions.has(w.lower) ||
      syntax.lex.npLinks.has(w.lower) ||
      syntax.chunkOf[k]! >= 0
    )
      break;
    if (noteRole(syntax, lex, k, m)) break;
  }
  // Right: "Jen Psaki, une porte-parole du département d'État" (a person's name only: "d'Airbus, le ministre" is not),
  // unless the phrase after the comma is the subject of a verb: "… au patron de LREM Stanislas Guerini, le
  // mathématicien les assure que …" opens the main clause after a fronted complement.
  if (syntax.words[last + 1]?.text === ',' && (m.words.length >= 2 || m.person) && !subjectAfter(syntax, last + 2)) {
    for (let k = last + 2; k < syntax.words.length && k <= last + 4 && syntax.words[k]!.sentence === sentence; k++) {
      // "a rapporté Le Parisien, citant la préfecture": a participial clause after the comma is no apposition; its
      // object is no role of the name.
      if ((syntax.formFlags[k]! & FORM_GERUND) !== 0) break;
      if (noteRole(syntax, lex, k, m)) break;
    }
  }
}
