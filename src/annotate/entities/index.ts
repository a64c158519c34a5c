// The entities layer: PER/ORG/LOC/MISC from the statistical tagger, DATE and
// QUANTITY from rules, knowledge-base actors the tagger missed; every mention
// gets a `key` shared by all aliases of its entity.
import { existsSync } from 'node:fs';
import type { Doc } from '../../doc/doc.js';
import type { Entity, Token } from '../../doc/schema.js';
import type { Stage } from '../../pipeline/stage.js';
import { knowledgeBase, type KbEntity } from '../../kb/kb.js';
import { cached, langPath, readTsv } from '../../lang/resources.js';
import { tokenizerData } from '../../lang/tokenizer-data.js';
import { languageOf, layerSupported } from '../../lang/registry.js';
import { wordTools } from '../../lang/stems.js';
import { syntaxLexicon } from '../syntax/lexicon.js';
import { consistentSpans } from './consistency.js';
import { hasNewline, prepare } from './features.js';
import type { GazMatch } from './gazetteer.js';
import { datelinePlaces } from './dateline.js';
import { curatedLink, emptyContext, kbLink, linkMention, linkSurnames, noteMatch, noteMention, slugLink, type Link, type NamedMention } from './link.js';
import { hipeMentions, personTitleTest } from './mentions.js';
import { loadModel, type NerModel } from './model.js';
import { ruleEntities } from './rules.js';
import { neutralDateKey } from '../../lang/date-keys.js';
import { spansFromTags } from './spans.js';

/** Lowercase function words of a language and its elided forms, apostrophes dropped ("l'" → "l"). */
function functionWordsAndElisions(language: string): Set<string> {
  return cached(language, 'function-words+elisions', (code) => {
    const words = new Set(languageOf(code).functionWords().words);
    for (const e of tokenizerData(code).elisions) words.add(e);
    return words;
  });
}

function onlyFunctionWords(forms: readonly string[], first: number, last: number, m: GazMatch, words: Set<string>): boolean {
  for (let i = first; i <= last; i++) {
    if (i >= m.start && i < m.end) continue;
    if (!words.has(forms[i]!.toLowerCase().replace(/['’]$/, ''))) return false;
  }
  return true;
}

/** The words of lang/<code>/<name>.txt (first column), empty when the language has no such file. */
function wordListOf(language: string, name: string): Set<string> {
  return cached(language, name, (code) => {
    const path = langPath(code, `${name}.txt`);
    return new Set(existsSync(path) ? readTsv(path).map((r) => r[0]!) : []);
  });
}

/** Nouns that name the kind of a product, vehicle, weapon or operation before its name (lang/<code>/product-nouns.txt). */
const productNounsOf = (language: string) => wordListOf(language, 'product-nouns');
/** Prepositions of a one-word complement of a product noun ("avions à propulsion", lang/<code>/product-complements.txt). */
const productComplementsOf = (language: string) => wordListOf(language, 'product-complements');
/** Adjectives that make another place of a place name right before them ("Suisse romande", lang/<code>/place-qualifiers.txt). */
const placeQualifiersOf = (language: string) => wordListOf(language, 'place-qualifiers');
/** Words joining the parts of one name ("Tribune de Genève", lang/<code>/name-connectors.txt), elided forms without apostrophe. */
const nameConnectorsOf = (language: string) => wordListOf(language, 'name-connectors');
/** Nouns of a division named after a city ("canton de Genève", lang/<code>/division-nouns.txt). */
const divisionNounsOf = (language: string) => wordListOf(language, 'division-nouns');
/** Nouns whose complement names a government portfolio ("ministre de l'Économie", lang/<code>/portfolio-nouns.txt). */
const portfolioNounsOf = (language: string) => wordListOf(language, 'portfolio-nouns');

/** Prepositions that never open a name ("Selon OMPI" is "OMPI", lang/<code>/non-name-openers.txt). */
const nonNameOpenersOf = (language: string) => wordListOf(language, 'non-name-openers');

/** Capitalised words that are no name alone anywhere ("le Premier ministre"; lang/<code>/non-name-words.txt). */
const nonNameWordsOf = (language: string) => wordListOf(language, 'non-name-words');

/** Determiners a city's name does not take ("la Mustang", "une Bentley"; lang/<code>/non-city-determiners.txt). */
const nonCityDeterminersOf = (language: string) => wordListOf(language, 'non-city-determiners');

/** Civilities of several persons ("MM.", "Mmes"; lang/<code>/plural-civilities.txt), lowercase, without their period. */
const pluralCivilitiesOf = (language: string) => wordListOf(language, 'plural-civilities');

/** Prefixes that make a place of a hyphenated name ("outre-Rhin"; lang/<code>/place-prefixes.txt). */
const placePrefixesOf = (language: string) => wordListOf(language, 'place-prefixes');

/** Closed-class words that open a sentence and are never a name alone (lang/<code>/sentence-initial-words.txt). */
const sentenceInitialWordsOf = (language: string) => wordListOf(language, 'sentence-initial-words');

const isPlace = (e: KbEntity | undefined) => e?.subtype === 'country' || e?.subtype === 'city';

/** Qualifiers between a product noun and the name ("missiles air-sol Hellfire"). */
const MAX_QUALIFIERS = 2;
/** Longest civility form ("Mlle"). */
const MAX_CIVILITY = 4;
/** Words of a name the tagger left out, added by rule ("King Air", "M. al-Zameli"). */
const MAX_NAME_WORDS = 3;
/** A rank in a list of results ("12."): one to three digits. */
const RANK = /^\d{1,3}$/;
/** Tokens around a ranked item where another rank shows a list. */
const RANK_REACH = 12;
/** Signs that end a ranked list's item after the name. */
const RANK_ITEM_ENDS = new Set(['.', ',', ';', '(', ')', '—', '–', '-']);
/** Names read after a plural civility ("MM. A, B, C et D"). */
const MAX_LISTED = 12;
/** Links of a listed name that a plural civility retypes as a person: slugs and cities, never a curated actor or a country. */
const RETYPABLE_IN_LIST: ReadonlySet<string> = new Set(['slug', 'slug-unsupported', 'kb-city-large', 'kb-city-country']);
/** An acronym: two to six capitals ("SEC", "USP", "CPLN"). */
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** A competitor's country in a results list: one to three letters, capitalised ("S", "Fr", "EU", "Slo"). */
const COUNTRY_ABBREVIATION = /^\p{Lu}\p{L}{0,2}$/u;
/** What follows a competitor's country in brackets: the bracket's end, or a comma before more ("(It, bonif. 12")"). */
const COUNTRY_ABBREVIATION_ENDS = new Set([')', ',']);
const UPPER_START = /^\p{Lu}/u;
/** A word that can start a name: capitalised, or a lowercase particle joined to a capitalised word ("al-Zameli"). */
const NAME_START = /^(?:\p{Lu}|\p{Ll}{1,3}-\p{Lu})/u;

/** Whether flags[first..last] are all `v` (a plain loop: this runs for every mention). */
function allEqual(flags: Uint8Array, first: number, last: number, v: number): boolean {
  for (let i = first; i <= last; i++) if (flags[i] !== v) return false;
  return true;
}

/** An elided function word ("l'", "n’"): its form ends with an apostrophe and is a function word without it. */
const isElided = (form: string, words: Set<string>) => /['’]$/.test(form) && words.has(form.slice(0, -1).toLowerCase());

const isAddress = (t: Token) => t.kind === 'url' || t.kind === 'email';

/** Host name of a URL or e-mail token: "https://www.lemonde.fr/x" → "www.lemonde.fr". */
function hostOf(address: string): string {
  const at = address.lastIndexOf('@');
  const rest = at >= 0 ? address.slice(at + 1) : address.replace(/^[a-z]{2,10}:\/\//i, '');
  const end = rest.search(/[/?#:]/);
  return end >= 0 ? rest.slice(0, end) : rest;
}

/**
 * One document as the passes below read it (tokens, features, knowledge base, the rules' dates,
 * the helpers several passes share) and what they add to (`out`, `taken`). findEntities runs one
 * function per pass over the tokens rather than all of them in one body: V8 optimises a hot function
 * as a whole and compiles it again when a branch not yet taken deoptimises it; as one body (~30
 * closures) it was compiled seven times over 500 articles, a quarter of a worker's compile time.
 */
function scanOf(doc: Doc) {
  const { text, tokens } = doc;
  const language = doc.meta.language;
  const kb = knowledgeBase(language);
  const model = loadModel(language);
  const prepared = prepare(text, tokens, kb.gazetteer);
  /** token index → 1 when an entity already covers it */
  const taken = new Uint8Array(tokens.length);
  const out: NamedMention[] = [];
  /** Add the mention of tokens first..last whose name is tokens nameFirst..nameLast. */
  const push = (first: number, last: number, e: Link, nameFirst = first, nameLast = last) => {
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    out.push({ entity: { start, end, text: text.slice(start, end), ...e }, first: nameFirst, last: nameLast });
    taken.fill(1, first, last + 1);
  };
  const isTitle = personTitleTest(language);
  const productNouns = productNounsOf(language);
  const productComplements = productComplementsOf(language);
  const sameLine = (from: number, to: number) => from >= 0 && !hasNewline(text, tokens[from]!.end, tokens[to]!.start);
  /**
   * "le missile Hellfire", "des missiles air-sol Hellfire", "le drone américain Reaper", "des
   * avions à propulsion irakiens King Air": a name after a product noun, over at most
   * MAX_QUALIFIERS lowercase compounds and demonyms, and after at most one complement of the
   * noun (a preposition and a lowercase word), is no person.
   */
  const afterProductNoun = (first: number): boolean => {
    for (let j = first - 1; j >= 0 && first - j <= MAX_QUALIFIERS + 1 && sameLine(j, j + 1); j--) {
      const w = prepared.lowered[j]!;
      if (productNouns.has(w)) return true;
      if (w !== prepared.forms[j]) return false;
      if (w.includes('-') || kb.lookup(w)?.subtype === 'demonym') continue;
      // "à propulsion" right after the noun: the complement, then the noun itself.
      return productComplements.has(prepared.lowered[j - 1] ?? '') && sameLine(j - 2, j) && productNouns.has(prepared.lowered[j - 2]!);
    }
    return false;
  };
  /** Token i is a civility ("M.", "Mme", "Mlle", "Dr", "Mgr"): a short capitalised title word (roles such as "joueur" are not). */
  const isCivility = (i: number): boolean => {
    const form = prepared.forms[i]!;
    return isTitle !== null && form.length <= MAX_CIVILITY && UPPER_START.test(form) && isTitle(form);
  };
  const functionWords = functionWordsAndElisions(language);
  const nameConnectors = nameConnectorsOf(language);
  /**
   * Token i follows a name connector after a capitalised word that starts no sentence, on one
   * line ("Echo de Paris", "Tour de France"): it ends a longer name.
   */
  const insideLongerName = (i: number): boolean => {
    if (i < 2 || !sameLine(i - 2, i) || prepared.start[i - 2]) return false;
    return nameConnectors.has(prepared.lowered[i - 1]!.replace(/['’]$/, '')) && UPPER_START.test(prepared.forms[i - 2]!);
  };
  const divisionNouns = divisionNounsOf(language);
  /** Token i starts a city name after a division noun and a connector ("canton de Genève"): the division, not the city. */
  const afterDivisionNoun = (i: number): boolean => {
    if (i < 2 || !sameLine(i - 2, i)) return false;
    return nameConnectors.has(prepared.lowered[i - 1]!.replace(/['’]$/, '')) && divisionNouns.has(prepared.lowered[i - 2]!);
  };
  const closedClass = wordTools(language);
  /** Token i is a function word, elided or not, in any case ("contre", "en", "d'", "Cette"): lang/<code>/corpus.json stopwords. */
  const isFunctionWord = (i: number): boolean => {
    const w = prepared.lowered[i]!.replace(/['’]$/, '');
    return functionWords.has(w) || closedClass.isStopword(w);
  };
  const context = emptyContext();
  for (const m of prepared.matches) noteMatch(context, kb.entity(m.entry));
  // Dates first: "Mercredi" at a sentence start is a day, not the tagger's LOC.
  const rules = ruleEntities(prepared.forms, tokens, language, prepared.lowered);
  const dateToken = new Uint8Array(tokens.length);
  for (const r of rules) if (r.type === 'DATE') dateToken.fill(1, r.first, r.last + 1);
  const kbMatches = prepared.matches;
  const free = (first: number, last: number) => allEqual(taken, first, last, 0);
  /** Last token of the name starting at token i that no mention covers: up to MAX_NAME_WORDS words matching `word`, on one line. */
  const nameEnd = (i: number, word: RegExp): number => {
    let last = i;
    while (last + 1 < tokens.length && last - i + 1 < MAX_NAME_WORDS && !taken[last + 1] && word.test(prepared.forms[last + 1]!) && sameLine(last, last + 1))
      last++;
    return last;
  };
  const rankAt = (i: number) => i >= 2 && RANK.test(prepared.forms[i - 2]!) && prepared.forms[i - 1] === '.' && sameLine(i - 2, i);
  const rankNear = (i: number): boolean => {
    for (let j = Math.max(2, i - RANK_REACH); j <= Math.min(tokens.length - 1, i + RANK_REACH); j++)
      if (j !== i && rankAt(j) && UPPER_START.test(prepared.forms[j]!)) return true;
    return false;
  };
  return {
    text,
    tokens,
    language,
    kb,
    model,
    prepared,
    taken,
    out,
    push,
    isTitle,
    sameLine,
    afterProductNoun,
    isCivility,
    functionWords,
    nameConnectors,
    insideLongerName,
    afterDivisionNoun,
    isFunctionWord,
    context,
    rules,
    dateToken,
    kbMatches,
    free,
    nameEnd,
    rankAt,
    rankNear,
  };
}

type Scan = ReturnType<typeof scanOf>;

/** The tagger's mentions and the datelines', typed, cut to their names and linked once the document's context is known. */
function taggedMentions(scan: Scan, model: NerModel): void {
  const { text, tokens, language, kb, prepared, push, isTitle, sameLine, isCivility, afterProductNoun, functionWords } = scan;
  const { nameConnectors, insideLongerName, afterDivisionNoun, isFunctionWord, context, dateToken, kbMatches } = scan;
  /** "M. al-Zameli" the tagger calls an organisation or a place: a name right after a civility is a person. */
  const afterPersonTitle = (first: number, type: Entity['type']): boolean =>
    (type === 'ORG' || type === 'LOC') && first > 0 && sameLine(first - 1, first) && isCivility(first - 1);
  const placeQualifiers = placeQualifiersOf(language);
  /** Token i is a place qualifier on the line of the token before it, and no mention starts there (`nextFirst`). */
  const qualifiedAt = (i: number, nextFirst: number | undefined): boolean =>
    i < tokens.length && nextFirst !== i && placeQualifiers.has(prepared.forms[i]!) && sameLine(i - 1, i);
  /** A place name that is no place of the knowledge base here: it ends a longer name, or names a division after a city. */
  const notThePlace = (e: KbEntity | undefined, i: number): boolean => isPlace(e) && (insideLongerName(i) || (e?.subtype === 'city' && afterDivisionNoun(i)));
  const portfolioNouns = portfolioNounsOf(language);
  /**
   * Token i follows a portfolio noun and a connector, an article maybe between them, on one line
   * ("ministre de l'Économie", "ministère des Armées"): it starts the portfolio's name.
   */
  const afterPortfolioNoun = (i: number): boolean => {
    let j = i - 1;
    if (j > 0 && !nameConnectors.has(prepared.lowered[j]!.replace(/['’]$/, '')) && functionWords.has(prepared.lowered[j]!.replace(/['’]$/, ''))) j--;
    return j > 0 && sameLine(j - 1, i) && nameConnectors.has(prepared.lowered[j]!.replace(/['’]$/, '')) && portfolioNouns.has(prepared.lowered[j - 1]!);
  };
  const firstNames = syntaxLexicon(language).firstNames;
  /**
   * The person named inside tokens first..last: from the first given name, over the capitalised words
   * after it (at least one: "Éric Coquerel", not "Éric" alone); undefined when there is none.
   */
  const personIn = (first: number, last: number): { first: number; last: number } | undefined => {
    for (let k = first; k < last; k++) {
      if (!firstNames.has(prepared.forms[k]!)) continue;
      let end = k;
      while (end < last && UPPER_START.test(prepared.forms[end + 1]!)) end++;
      if (end > k) return { first: k, last: end };
    }
    return undefined;
  };
  /**
   * The KB match (from index `from`) of a curated organisation opening the span first..last when a
   * person is named after it in the span ("LFI Éric Coquerel", "AFP Guillaume Demarcq"); else undefined.
   */
  const leadingOrganisation = (first: number, last: number, from: number): GazMatch | undefined => {
    for (let j = from; j < kbMatches.length && kbMatches[j]!.start === first; j++) {
      const m = kbMatches[j]!;
      const e = kb.entity(m.entry);
      if (e.curated && e.type === 'ORG' && m.end < last && firstNames.has(prepared.forms[m.end]!)) return m;
    }
    return undefined;
  };
  /**
   * The KB match (from index `from` of the matches) of an actor, person or place ending the
   * span first..last after a function word, when every word before it is lowercase or a
   * function word that is no name connector ("lutte contre Daesh", "Cette guerre contre Daesh",
   * "guerre en Syrie"; not "Tour de France", "guerre d'Irak", "canton de Genève"); undefined otherwise.
   */
  const trailingKnownName = (first: number, last: number, from: number): GazMatch | undefined => {
    for (let j = from; j < kbMatches.length && kbMatches[j]!.start <= last; j++) {
      const m = kbMatches[j]!;
      if (m.end - 1 !== last) continue;
      if (m.start < first + 2 || !isFunctionWord(m.start - 1)) return undefined;
      // After a name connector the phrase is a name of its own ("guerre d'Irak", "université de Glasgow").
      if (nameConnectors.has(prepared.lowered[m.start - 1]!.replace(/['’]$/, ''))) return undefined;
      const e = kb.entity(m.entry);
      if (e.type === 'MISC' || e.subtype === 'demonym' || e.subtype === 'lexicon') return undefined;
      // Capitalised words before it are determiners at a sentence start ("Cette"), not a name's words ("Les Deux Tours").
      for (let i = first; i < m.start; i++) if (prepared.forms[i] !== prepared.lowered[i] && !functionWords.has(prepared.lowered[i]!)) return undefined;
      return m;
    }
    return undefined;
  };
  const sentenceInitialWords = sentenceInitialWordsOf(language);
  const nonNameOpeners = nonNameOpenersOf(language);
  const nonCityDeterminers = nonCityDeterminersOf(language);
  const nonNameWords = nonNameWordsOf(language);
  /**
   * Tokens first..last are capitalised closed-class words, no name: at a sentence start, function
   * words and words of sentence-initial-words.txt ("Personne ne veut", "Mon voisin", "It's a
   * disaster"); anywhere, words of non-name-words.txt with function words ("le Premier ministre",
   * "La Première ministre"). A curated name is a name ("Mon", a town).
   */
  const noName = (first: number, last: number): boolean => {
    const atStart = prepared.start[first] === 1;
    let nonName = atStart;
    for (let i = first; i <= last; i++) {
      const w = prepared.lowered[i]!.replace('’', "'");
      if (prepared.forms[i] === prepared.lowered[i] || kb.lookup(prepared.forms[i]!)?.curated) return false;
      if (nonNameWords.has(w)) nonName = true;
      else if (!isFunctionWord(i) && !(atStart && sentenceInitialWords.has(w))) return false;
    }
    return nonName;
  };
  /**
   * `det` is a determiner a city name does not take, unless the city's own name opens with it ("la
   * Chaux-de-Fonds" is La Chaux-de-Fonds, "le Havre" Le Havre).
   */
  const takesNoDeterminer = (known: KbEntity | undefined, det: string): boolean => {
    if (!nonCityDeterminers.has(det)) return false;
    const prefix = det.endsWith("'") ? det : `${det} `;
    return !known?.names.some((n) => n.toLowerCase().replace('’', "'").startsWith(prefix));
  };
  let next = 0; // first KB match that may lie inside the current span (both lists run left to right)
  let spans = spansFromTags(tokens, model.tagDocument(prepared), text);
  if (model.header.documentConsistency) spans = consistentSpans(spans, prepared.forms, prepared.lowered, tokens, text);
  if (model.header.mentionStyle === 'hipe') spans = hipeMentions(spans, prepared.forms, tokens, text, language);
  /** Tagged mentions kept, with the KB entity of their name, linked once the document's context is known. */
  const tagged: Array<{
    first: number;
    last: number;
    nameFirst: number;
    nameLast: number;
    type: Entity['type'];
    name: string;
    known: KbEntity | undefined;
    unsupported?: boolean;
  }> = [];
  /** Tag the person named inside tokens first..last, if any, as a PER mention (`personIn`). */
  const pushPersonIn = (first: number, last: number) => {
    const p = personIn(first, last);
    if (p)
      tagged.push({
        first: p.first,
        last: p.last,
        nameFirst: p.first,
        nameLast: p.last,
        type: 'PER',
        name: text.slice(tokens[p.first]!.start, tokens[p.last]!.end),
        known: undefined,
      });
  };
  // "PARIS (Reuters) -": the dateline's words are a place, whatever the tagger made of them, and
  // its credit an organisation (a news agency: "LONDRES. 15 (Havas). —").
  const lineStart = (i: number) => i === 0 || hasNewline(text, tokens[i - 1]!.end, tokens[i]!.start);
  const dateline = new Uint8Array(tokens.length);
  for (const d of datelinePlaces(prepared.forms, lineStart)) {
    const name = text.slice(tokens[d.first]!.start, tokens[d.last]!.end);
    const known = kb.lookup(name);
    // Words in capitals, or a place the knowledge base knows ("Lyon (AFP) -"); not "Le Monde (AFP) -".
    if (name !== name.toUpperCase() && !isPlace(known)) continue;
    dateline.fill(1, d.first, d.last + 1);
    const place = isPlace(known) ? known : undefined;
    noteMention(context, place, 'LOC');
    tagged.push({ first: d.first, last: d.last, nameFirst: d.first, nameLast: d.last, type: 'LOC', name, known: place });
    const { first, last } = d.credit;
    const credit = text.slice(tokens[first]!.start, tokens[last]!.end);
    const agency = kb.lookup(credit);
    dateline.fill(1, first, last + 1);
    tagged.push({ first, last, nameFirst: first, nameLast: last, type: 'ORG', name: credit, known: agency?.type === 'ORG' ? agency : undefined });
  }
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (dateline[s.first] || dateline[s.last]) continue;
    // Names are not URLs: a URL token at either end is left out of the mention.
    while (s.first <= s.last && isAddress(tokens[s.first]!)) s.first++;
    while (s.last >= s.first && isAddress(tokens[s.last]!)) s.last--;
    // Nor does a name end on an elided word ("Emmanuel Macron n'", "Jen Psaki l'"), nor start
    // on an elided article in lowercase ("l'AFP" is "AFP"; "L'Oréal" keeps its capital).
    while (s.last > s.first && isElided(prepared.forms[s.last]!, functionWords)) s.last--;
    while (s.first < s.last && prepared.forms[s.first] === prepared.lowered[s.first] && isElided(prepared.forms[s.first]!, functionWords)) s.first++;
    // Nor on a capitalised preposition before a capitalised word ("Selon OMPI" at a sentence start is "OMPI").
    while (
      s.first < s.last &&
      prepared.forms[s.first] !== prepared.lowered[s.first] &&
      nonNameOpeners.has(prepared.lowered[s.first]!) &&
      UPPER_START.test(prepared.forms[s.first + 1]!)
    )
      s.first++;
    if (s.first > s.last) continue;
    if (allEqual(dateToken, s.first, s.last, 1)) continue;
    // "Personne ne veut en parler", "Mon voisin", "le Premier ministre": capitalised closed-class words are no name.
    if (noName(s.first, s.last)) continue;
    // The name is what is looked up and slugged: without a widened mention's titles or
    // place noun, and without a person's leading titles ("Mme Psaki" is "Psaki").
    let nameFirst = Math.max(s.first, s.name?.first ?? s.first);
    const nameLast = Math.min(s.last, s.name?.last ?? s.last);
    while (s.type === 'PER' && isTitle && nameFirst < nameLast && isTitle(prepared.forms[nameFirst]!)) nameFirst++;
    const surface = text.slice(tokens[s.first]!.start, tokens[s.last]!.end);
    const name = nameFirst === s.first && nameLast === s.last ? surface : text.slice(tokens[nameFirst]!.start, tokens[nameLast]!.end);
    const known = kb.lookup(name) ?? (name === surface ? undefined : kb.lookup(surface));
    while (next < kbMatches.length && kbMatches[next]!.start < s.first) next++;
    // "Selon l'AFP" tagged as one name: when the tagger's span is no known name but
    // holds a curated one plus only function words, the curated name is the entity
    // (added below with the other KB matches).
    let inner = false;
    for (let j = next; !known && !inner && j < kbMatches.length && kbMatches[j]!.end - 1 <= s.last; j++) {
      const m = kbMatches[j]!;
      inner = kb.entity(m.entry).curated && onlyFunctionWords(prepared.forms, s.first, s.last, m, functionWords);
    }
    if (inner) continue;
    // "le ministre de l'Économie": a name after a portfolio noun that the knowledge base does not know is the portfolio, no entity;
    // "la ministre de la Santé Agnès Buzyn" taken whole: the person after the portfolio stays.
    if (!known && s.type !== 'PER' && afterPortfolioNoun(s.first)) {
      pushPersonIn(s.first + 1, s.last);
      continue;
    }
    // "la lutte contre Daesh", "guerre en Syrie": a span that is no known name, opened on
    // lowercase or function words, and ending on a known actor, person or place right after a
    // function word is cut to that name, which then gets its type and key (an alias search for
    // the actor finds it; the phrase itself is no name).
    const cut = known ? undefined : trailingKnownName(s.first, s.last, next);
    if (cut) {
      const e = kb.entity(cut.entry);
      const cutName = text.slice(tokens[cut.start]!.start, tokens[cut.end - 1]!.end);
      noteMention(context, e, e.type);
      tagged.push({ first: cut.start, last: cut.end - 1, nameFirst: cut.start, nameLast: cut.end - 1, type: e.type, name: cutName, known: e });
      continue;
    }
    // "le député LFI Éric Coquerel" tagged as one organisation: a curated organisation's name opening
    // the span, then a person's name, is two mentions, the organisation and the person.
    const lead = known || s.name ? undefined : leadingOrganisation(s.first, s.last, next);
    if (lead) {
      const e = kb.entity(lead.entry);
      const orgLast = lead.end - 1;
      noteMention(context, e, e.type);
      tagged.push({
        first: s.first,
        last: orgLast,
        nameFirst: s.first,
        nameLast: orgLast,
        type: e.type,
        name: text.slice(tokens[s.first]!.start, tokens[orgLast]!.end),
        known: e,
      });
      pushPersonIn(lead.end, s.last);
      continue;
    }
    const type = known ? s.type : afterProductNoun(s.first) ? 'MISC' : afterPersonTitle(s.first, s.type) ? 'PER' : s.type;
    // "la Suisse romande": the qualifier joins the place mention, which is no longer the country.
    if (isPlace(known) && s.type === 'LOC' && nameLast === s.last && qualifiedAt(s.last + 1, spans[k + 1]?.first)) {
      const end = tokens[s.last + 1]!.end;
      tagged.push({
        first: s.first,
        last: s.last + 1,
        nameFirst,
        nameLast: s.last + 1,
        type,
        name: text.slice(tokens[nameFirst]!.start, end),
        known: undefined,
      });
      continue;
    }
    // "l'Echo de Paris", "la Tribune de Genève", "le Tour de France": a place name ending a longer
    // capitalised name the tagger cut is not the place; it keeps the tagger's mention, unlinked.
    // "le canton de Genève" is the canton, not the city.
    const embedded = notThePlace(known, nameFirst);
    noteMention(context, embedded ? undefined : known, type);
    tagged.push({ first: s.first, last: s.last, nameFirst, nameLast, type, name, known: embedded ? undefined : known, unsupported: embedded });
  }
  for (const t of tagged) {
    const determined = t.nameFirst > 0 && sameLine(t.nameFirst - 1, t.nameFirst) && takesNoDeterminer(t.known, prepared.lowered[t.nameFirst - 1]!);
    const link = t.unsupported ? slugLink(t.type, t.name, 'slug-unsupported') : linkMention(t.known, t.type, t.name, context, determined);
    push(t.first, t.last, link, t.nameFirst, t.nameLast);
  }
}

/**
 * Curated actors and demonyms the tagger left out ("l'EI", "les forces irakiennes"), and
 * country names it left out after a lowercase function word ("les Etats-Unis approvisionnent",
 * "aux Etats-Unis"): a country name there is the country, while one at a sentence start or
 * before another capitalised word may be a first name or part of a longer name.
 */
function knownNamesLeftOut(scan: Scan): void {
  const { text, tokens, kb, prepared, push, sameLine, functionWords, insideLongerName, afterDivisionNoun, context, kbMatches, free } = scan;
  /** Tokens first..last follow a lowercase function word on their line and no capitalised word follows them. */
  const countryInContext = (first: number, last: number): boolean => {
    const before = prepared.forms[first - 1];
    if (!before || before !== prepared.lowered[first - 1] || !sameLine(first - 1, first)) return false;
    if (!functionWords.has(before.replace(/['’]$/, '')) || insideLongerName(first)) return false;
    return last + 1 >= tokens.length || !sameLine(last, last + 1) || !UPPER_START.test(prepared.forms[last + 1]!);
  };
  for (const m of kbMatches) {
    const e = kb.entity(m.entry);
    if (!free(m.start, m.end - 1)) continue;
    if (e.subtype === 'city' && afterDivisionNoun(m.start)) continue;
    if (e.curated) push(m.start, m.end - 1, curatedLink(e, text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end), context));
    else if (e.subtype === 'demonym') push(m.start, m.end - 1, kbLink(e, 'kb-demonym'));
    else if (e.subtype === 'country' && countryInContext(m.start, m.end - 1)) push(m.start, m.end - 1, kbLink(e, 'kb-country'));
  }
}

/**
 * A capitalised name right after a product noun that no mention covers ("75 missiles air-sol
 * Hellfire" the tagger left out) is a MISC mention too: up to MAX_NAME_WORDS capitalised words.
 */
function namesAfterProductNouns(scan: Scan): void {
  const { text, tokens, prepared, taken, push, afterProductNoun, dateToken, nameEnd } = scan;
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || prepared.start[i] || dateToken[i] || !UPPER_START.test(prepared.forms[i]!) || !afterProductNoun(i)) continue;
    const last = nameEnd(i, UPPER_START);
    push(i, last, slugLink('MISC', text.slice(tokens[i]!.start, tokens[last]!.end)));
    i = last;
  }
}

/**
 * "a affirmé M. al-Zameli": a name right after a civility that no mention covers is a
 * person; with the HIPE mention style the civility joins the mention.
 */
function namesAfterCivilities(scan: Scan): void {
  const { text, tokens, model, prepared, taken, push, isTitle, sameLine, isCivility, dateToken, nameEnd } = scan;
  for (let i = 1; isTitle && i < tokens.length; i++) {
    if (taken[i] || taken[i - 1] || dateToken[i] || !NAME_START.test(prepared.forms[i]!) || !sameLine(i - 1, i) || !isCivility(i - 1)) continue;
    const last = nameEnd(i, NAME_START);
    const first = model?.header.mentionStyle === 'hipe' ? i - 1 : i;
    push(first, last, slugLink('PER', text.slice(tokens[i]!.start, tokens[last]!.end)), i, last);
    i = last;
  }
}

/**
 * "MM. Bertoni, Micheli et Tissières": the names listed after a plural civility are persons, each
 * its own mention, whatever type the tagger gave them (it had "Tissières" for a place).
 */
function namesAfterPluralCivilities(scan: Scan): void {
  const { text, tokens, language, prepared, taken, out, push, sameLine, nameEnd } = scan;
  const pluralCivilities = pluralCivilitiesOf(language);
  const and = syntaxLexicon(language).g.and;
  /** Per mention start and end (characters), its first and last token; built once, when a rule needs it. */
  let tokenAt: { start: Map<number, number>; end: Map<number, number> } | null = null;
  const tokenIndex = () => {
    tokenAt ??= { start: new Map(tokens.map((t, i) => [t.start, i])), end: new Map(tokens.map((t, i) => [t.end, i])) };
    return tokenAt;
  };
  for (let i = 0; pluralCivilities.size && i + 1 < tokens.length; i++) {
    if (!pluralCivilities.has(prepared.lowered[i]!.replace(/\.$/, ''))) continue;
    const at = tokenIndex();
    const startsAt = new Map<number, NamedMention>();
    for (const m of out) startsAt.set(at.start.get(m.entity.start)!, m);
    const head = startsAt.get(i) ?? startsAt.get(i + 1);
    if (head?.entity.type !== 'PER') continue;
    // The list: separators (a comma, "et") each followed by a name, on one line.
    let k = at.end.get(head.entity.end)! + 1;
    for (let items = 0; k + 1 < tokens.length && items < MAX_LISTED && sameLine(k - 1, k + 1); items++) {
      if (prepared.forms[k] !== ',' && !and.has(prepared.lowered[k]!)) break;
      const item = startsAt.get(k + 1);
      if (item) {
        if (item.entity.type !== 'PER' && !RETYPABLE_IN_LIST.has(item.entity.rule!)) break;
        if (item.entity.type !== 'PER') Object.assign(item.entity, slugLink('PER', item.entity.text));
        k = at.end.get(item.entity.end)! + 1;
      } else if (!taken[k + 1] && UPPER_START.test(prepared.forms[k + 1]!)) {
        const last = nameEnd(k + 1, NAME_START);
        push(k + 1, last, slugLink('PER', text.slice(tokens[k + 1]!.start, tokens[last]!.end)));
        k = last + 1;
      } else break;
    }
  }
}

/**
 * "12. Camenzind. 23. Huser. 28. Dufaux m. t.": the names of a ranked list (results, standings)
 * that no mention covers are persons. An item is a rank ("12."), then one to three capitalised
 * words on the rank's line, then the item's end (punctuation, a figure, "à" and a figure); another
 * rank opens an item within RANK_REACH tokens. Words the document also writes in lowercase are
 * common words opening a numbered paragraph ("1. Toutes les marchandises"), function words and
 * places the knowledge base knows are no person's name.
 */
function rankedListNames(scan: Scan): void {
  const { text, tokens, kb, prepared, taken, push, sameLine, isFunctionWord, dateToken, rankAt, rankNear } = scan;
  const lowercaseForms = new Set<string>();
  for (let i = 0; i < tokens.length; i++) if (prepared.forms[i] === prepared.lowered[i]) lowercaseForms.add(prepared.lowered[i]!);
  const commonWord = (i: number) =>
    prepared.forms[i] === prepared.lowered[i] || lowercaseForms.has(prepared.lowered[i]!) || isFunctionWord(i) || isPlace(kb.lookup(prepared.forms[i]!));
  const itemEnd = (j: number): boolean => {
    if (j >= tokens.length || !sameLine(j - 1, j)) return true;
    const f = prepared.forms[j]!;
    if (RANK_ITEM_ENDS.has(f) || /^\d/.test(f)) return true;
    // A short lowercase word before a figure or an abbreviation ("à 2'24", "m. t." for "même temps").
    if (!/^\p{Ll}{1,2}\.?$/u.test(f)) return false;
    const next = prepared.forms[j + 1] ?? '';
    return f.endsWith('.') || next === '.' || /^\d/.test(next);
  };
  for (let i = 2; i < tokens.length; i++) {
    if (taken[i] || dateToken[i] || !rankAt(i) || !/^\p{Lu}\p{L}/u.test(prepared.forms[i]!)) continue;
    let last = i;
    while (
      last + 1 < tokens.length &&
      last - i + 1 < MAX_NAME_WORDS &&
      !taken[last + 1] &&
      /^\p{Lu}\p{L}/u.test(prepared.forms[last + 1]!) &&
      sameLine(last, last + 1)
    )
      last++;
    if (!itemEnd(last + 1) || !rankNear(i)) continue;
    let common = false;
    for (let j = i; j <= last && !common; j++) common = commonWord(j);
    if (common) continue;
    push(i, last, slugLink('PER', text.slice(tokens[i]!.start, tokens[last]!.end)));
    i = last;
  }
}

/**
 * "4. Mattan (Be). 5. M. Zberg (S). 6. Hvastija (Slo)": in a ranked list, a short capitalised
 * abbreviation in brackets right after a person's name is the country the competitor runs for.
 */
function rankedListCountries(scan: Scan): void {
  const { tokens, prepared, taken, out, push, sameLine, rankNear } = scan;
  const personEnds = new Set<number>();
  for (const m of out) if (m.entity.type === 'PER') personEnds.add(m.last);
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (prepared.forms[i] !== '(' || !personEnds.has(i - 1) || taken[i + 1] || !COUNTRY_ABBREVIATION.test(prepared.forms[i + 1]!)) continue;
    if (!COUNTRY_ABBREVIATION_ENDS.has(prepared.forms[i + 2]!) || !sameLine(i - 1, i + 2) || !rankNear(i + 1)) continue;
    push(i + 1, i + 1, slugLink('LOC', prepared.forms[i + 1]!));
  }
}

/**
 * "la Securities and Exchange Commission (SEC)", "l'Union suisse des paysans (USP)": an acronym in
 * brackets right after an organisation's name is that organisation's short name.
 */
function organisationAcronyms(scan: Scan): void {
  const { tokens, prepared, taken, out, push, sameLine } = scan;
  const organisationEnds = new Set<number>();
  for (const m of out) if (m.entity.type === 'ORG' && tokens[m.last]!.end === m.entity.end) organisationEnds.add(m.last);
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (prepared.forms[i] !== '(' || !organisationEnds.has(i - 1) || taken[i + 1] || prepared.forms[i + 2] !== ')') continue;
    if (ACRONYM.test(prepared.forms[i + 1]!) && sameLine(i - 1, i + 2)) push(i + 1, i + 1, slugLink('ORG', prepared.forms[i + 1]!));
  }
}

/**
 * "outre-Rhin", "outre-Atlantique": a prefix of lang/<code>/place-prefixes.txt joined to a capitalised
 * name makes a place (the land beyond it) of a word no mention covers.
 */
function prefixedPlaces(scan: Scan): void {
  const { tokens, language, prepared, taken, push } = scan;
  const placePrefixes = placePrefixesOf(language);
  for (let i = 0; placePrefixes.size && i < tokens.length; i++) {
    const w = prepared.forms[i]!;
    const dash = w.indexOf('-');
    if (dash > 0 && !taken[i] && UPPER_START.test(w.slice(dash + 1)) && placePrefixes.has(prepared.lowered[i]!.slice(0, dash))) push(i, i, slugLink('LOC', w));
  }
}

/**
 * A URL or e-mail address of a known outlet or organisation cites it.
 */
function addressMentions(scan: Scan): void {
  const { tokens, kb, prepared, taken, push } = scan;
  for (let i = 0; i < tokens.length; i++) {
    if (!isAddress(tokens[i]!) || taken[i]) continue;
    const e = kb.lookupDomain(hostOf(prepared.forms[i]!));
    if (e) push(i, i, kbLink(e, 'kb-domain'));
  }
}

/** Dates and quantities of the rules where no mention is yet. */
function ruleMentions(scan: Scan): void {
  const { text, tokens, language, push, rules, free } = scan;
  const isoDate = neutralDateKey(language);
  for (const r of rules) {
    if (!free(r.first, r.last)) continue;
    const link = slugLink(r.type, text.slice(tokens[r.first]!.start, tokens[r.last]!.end), 'pattern');
    // Date keys in ISO 8601, the same in every language (« mars » = "March" = "date:--03").
    push(r.first, r.last, r.type === 'DATE' ? { ...link, key: isoDate(link.key) } : link);
  }
}

export function findEntities(doc: Doc): Entity[] {
  const scan = scanOf(doc);
  if (scan.model) taggedMentions(scan, scan.model);
  knownNamesLeftOut(scan);
  namesAfterProductNouns(scan);
  namesAfterCivilities(scan);
  namesAfterPluralCivilities(scan);
  rankedListNames(scan);
  rankedListCountries(scan);
  organisationAcronyms(scan);
  prefixedPlaces(scan);
  addressMentions(scan);
  ruleMentions(scan);
  const { prepared, out, isTitle, functionWords } = scan;
  linkSurnames(out, prepared.forms, isTitle, (w) => functionWords.has(w));
  return out.map((m) => m.entity).sort((a, b) => a.start - b.start);
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'meta'],
  provides: ['entities'],
  run(doc: Doc) {
    doc.entities = layerSupported(doc, 'entities') ? findEntities(doc) : [];
  },
};
