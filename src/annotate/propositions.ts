// A claim as a proposition: who did what to whom, when, how many. Read off the
// shallow parse of the claim's clause: the predicate (stems of its content
// verbs: finite forms, and the participle after an auxiliary), the entities
// before the first verb (subject side) and after it (arguments), the dates,
// and the figures with their units ("400 millions d'euros" → "400000000 euro",
// "trois morts" → "3 mort"). Cross-document matching (src/corpus/claim-groups.ts)
// groups two claims only when these parts agree. The words (number words,
// scale words, light verbs, the link between a figure and its unit) are data:
// lang/<code>/claims.json.
import type { Doc } from '../doc/doc.js';
import type { Entity } from '../doc/schema.js';
import { existsSync } from 'node:fs';
import { claimsData } from '../lang/claims-data.js';
import { cached, langPath, readTsv } from '../lang/resources.js';
import { wordTools, type WordTools } from '../lang/stems.js';
import type { Syntax } from './syntax/index.js';
import { isFiniteVerb } from './syntax/phrases.js';
import { CLOSE_QUOTES, OPEN_QUOTES, wordAtOrAfter } from './syntax/words.js';

export interface Proposition {
  /** Stems of the clause's content verbs, sorted, unique. */
  predicate: string[];
  /** Figures with their unit: "<value> <unit stem>" ("12 mort", "0.5 percent"), or the bare value when no unit follows. */
  figures: string[];
  /** Entity keys named before the predicate (the subject side), sorted, unique. */
  subject: string[];
  /** Entity keys named after it (objects, places, …), sorted, unique. */
  arguments: string[];
  /** Dates named in the clause, folded. */
  time: string[];
  /** The event an anaphoric noun phrase of the clause points back to (see src/annotate/claims/event-coreference.ts). */
  refersTo?: { start: number; end: number; text: string; claim: number; predicate: string[]; keys: string[] };
}

interface PropositionWords {
  numberValues: Map<string, number>;
  scales: Map<string, number>;
  percent: Set<string>;
  unitLinks: Set<string>;
  lightVerbs: Set<string>;
  /** Past participle endings, for "auxiliary + participle"; null: none known. */
  participle: RegExp | null;
  nominalLinks: Set<string>;
  auxAdverbs: Set<string>;
  verbAfter: Set<string>;
  /** Reflexive verbs attributing the adjective after them (« s'est dit "choqué" »), and the reflexive clitics before them. */
  attributive: Set<string>;
  reflexives: Set<string>;
  /** Forms of the copula: its adjective, when no participle follows, is the predicate (« sera "extrêmement vigilant" »). */
  copulas: Set<string>;
  clitics: Set<string>;
  /** Action noun → the verb it nominalises (lang/<code>/nominalisations.generated.tsv; empty without it). */
  nominalisations: Map<string, string>;
  /** The language's stemmer (memoised): verbs are stemmed when a noun is met, not all 3,000 when the table loads. */
  tools: WordTools;
}

function propositionWords(language: string): PropositionWords {
  return cached(language, 'propositions', (code) => {
    const file = claimsData(code);
    const j = file.proposition;
    return {
      numberValues: new Map(Object.entries(j?.numberValues ?? {})),
      scales: new Map(Object.entries(j?.scales ?? {})),
      percent: new Set(j?.percent ?? []),
      unitLinks: new Set(j?.unitLinks ?? []),
      lightVerbs: new Set(j?.lightVerbs ?? []),
      participle: j?.participleEndings?.length ? new RegExp(`(?:${j.participleEndings.join('|')})$`) : null,
      nominalLinks: new Set(j?.nominalLinks ?? []),
      auxAdverbs: new Set(j?.auxAdverbs ?? []),
      verbAfter: new Set(j?.verbAfter ?? []),
      attributive: new Set(j?.attributiveVerbs ?? []),
      reflexives: new Set(j?.reflexives ?? []),
      copulas: new Set(j?.copulas ?? []),
      clitics: new Set(file.clauseClitics ?? []),
      nominalisations: nominalisations(code),
      tools: wordTools(code),
    };
  });
}

/** lang/<code>/nominalisations.generated.tsv and nominalisations.tsv (hand-written), rows noun, verb → noun → verb. */
function nominalisations(code: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of ['nominalisations.generated.tsv', 'nominalisations.tsv']) {
    const path = langPath(code, file);
    if (existsSync(path)) for (const [noun, verb] of readTsv(path)) if (noun && verb) out.set(noun, verb);
  }
  return out;
}

/**
 * The stem of the verb that word i nominalises when it is an action noun with its argument, between first and last
 * (« l'effondrement de trois immeubles », « la révocation de Carlos Ghosn »: a determiner before it, a link after it).
 */
export function nominalAt(sx: Syntax, i: number, first: number, last: number): string | undefined {
  const w = sx.words[i]!;
  if (w.kind !== 'word' || w.cap || i <= first || i >= last) return undefined;
  const words = propositionWords(sx.language);
  // The link after and the determiner before first: two small sets that most words fail, then the noun table.
  if (!words.nominalLinks.has(sx.words[i + 1]!.lower) || !sx.lex.determiners.has(sx.words[i - 1]!.lower)) return undefined;
  return nominalisedStem(sx.language, w.lower);
}

/** The stem of the verb an action noun nominalises (« évacuation » → « evacu »), or undefined. */
export function nominalisedStem(language: string, noun: string): string | undefined {
  const words = propositionWords(language);
  const verb = words.nominalisations.get(noun);
  return verb ? words.tools.stem(verb) : undefined;
}

/** Whether `word` links an action noun to its argument (lang/<code>/claims.json `nominalLinks`: « de », "of"). */
export function isNominalLink(language: string, word: string): boolean {
  return propositionWords(language).nominalLinks.has(word);
}

/** Whether `word` is a modal or support verb form (lang/<code>/claims.json `lightVerbs`: « veut », « va », "could"). */
export function isLightVerb(language: string, word: string): boolean {
  return propositionWords(language).lightVerbs.has(word);
}

/** Whether word i is an action noun after a determiner (« son entretien avec », « l'arrestation »), whatever follows. */
export function actionNoun(sx: Syntax, i: number): boolean {
  const w = sx.words[i]!;
  if (w.kind !== 'word' || w.cap || i === 0 || !sx.lex.determiners.has(sx.words[i - 1]!.lower)) return false;
  return propositionWords(sx.language).nominalisations.has(w.lower);
}

/**
 * The word after the auxiliary at word i that may be its participle, up to `last`: further auxiliaries, negation words,
 * time words, adverbs (lang/<code>/claims.json `auxAdverbs`) and opening quotation marks are skipped (« n'a pas quitté », « a déjà annoncé »,
 * « s'est alors proposé », « a été tué »). The index returned may be past `last`.
 */
export function afterAuxiliary(sx: Syntax, i: number, last: number): number {
  const adverbs = propositionWords(sx.language).auxAdverbs;
  let k = i + 1;
  while (k <= last) {
    const l = sx.words[k]!.lower;
    // An opening quotation mark too: « a été "utilisé ces dernières semaines …" ».
    const quote = sx.words[k]!.kind !== 'word' && OPEN_QUOTES.has(sx.words[k]!.text);
    if (!(quote || sx.isAux[k] === 1 || sx.lex.negation.has(l) || sx.lex.timeWords.has(l) || adverbs.has(l))) break;
    k++;
  }
  return k;
}

/**
 * Whether word i is the verb of a subject pronoun before it (lang/<code>/claims.json `verbAfter`), clitics and adverbs
 * between: « je vis l'enfer », « j'en ai parlé », « we also live ». First-person forms are not in the generated lists of
 * finite verbs (third person only), and a clitic subject is always followed by its verb.
 */
export function afterSubjectPronoun(sx: Syntax, i: number): boolean {
  const w = sx.words[i]!;
  if (w.kind !== 'word' || w.cap || i === 0) return false;
  const words = propositionWords(sx.language);
  if (words.verbAfter.size === 0 || words.clitics.has(w.lower) || words.auxAdverbs.has(w.lower) || sx.lex.negation.has(w.lower)) return false;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const l = sx.words[k]!.lower;
    if (words.verbAfter.has(l)) return sx.words[k]!.sentence === w.sentence;
    if (!(words.clitics.has(l) || words.auxAdverbs.has(l) || sx.lex.negation.has(l))) return false;
  }
  return false;
}

/** Words of an entity to skip as units or verbs. */
const NON_ARGUMENT = new Set(['DATE', 'QUANTITY']);
/** "8 000", "3,5", "1.200": digits with groups and a decimal part. */
function numberValue(text: string): number | null {
  const t = text.replace(/[\u0020\u00a0\u202f]/g, '');
  if (!/^\p{Nd}+(?:[.,]\p{Nd}+)*$/u.test(t)) return null;
  // "1.200" or "1,200" with three digits after: a thousands group; "3,5": a decimal.
  const groups = t.split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).every((g) => g.length === 3)) return Number(groups.join(''));
  return Number(t.replace(',', '.'));
}

/** Figures are compared as written values: 12, 0.5, 400000000 (at most 6 significant digits). */
const show = (v: number) => String(Number(v.toPrecision(6)));

/**
 * The proposition of the clause from word `first` to `last`; `entities` overlap it; `shared`: the entities of the
 * subject it shares with the rest of its sentence when it was cut from it (« [Carlos Ghosn], soupçonné de … »), or a
 * function giving the subject's keys when no entity is named before the verb (a pronoun's referent); `opening`: the
 * word of a clause that opens with its verb in a non-finite form (a participle, an infinitive), or -1.
 */
export function proposition(
  doc: Doc,
  sx: Syntax,
  first: number,
  last: number,
  entities: Entity[],
  shared: Entity[] | (() => string[]) = [],
  opening = -1,
): Proposition {
  const words = propositionWords(doc.meta.language);
  const tools = wordTools(doc.meta.language);
  const predicate = new Set<string>();
  // The verbs of a relative clause inside the clause (« aucun blessé grave [qui puisse être en lien avec …] n'avait été
  // hospitalisé »): the predicate only when the clause has none outside it (« c'est Kaaris qui est à l'origine … »).
  const relative = relativeClauses(sx, first, last);
  const relativePredicate = new Set<string>();
  let relativeVerb = -1;
  const add = (i: number, stem: string) => {
    if (relative(i)) {
      relativePredicate.add(stem);
      if (relativeVerb < 0) relativeVerb = i;
      return;
    }
    predicate.add(stem);
    if (verbAt < 0) verbAt = i;
  };
  const figures = new Set<string>();
  let verbAt = -1;
  // A clause opening with its verb in a non-finite form (« soupçonné de … », « sans faire de blessé », « Et d'accuser »).
  if (opening >= first && opening <= last && !words.lightVerbs.has(sx.words[opening]!.lower)) {
    predicate.add(tools.stem(sx.words[opening]!.lower));
    verbAt = opening;
  }
  const dates = entities.filter((e) => e.type === 'DATE');
  // Per word of the clause: 1 inside a name (an entity other than a date or quantity).
  const inName = new Uint8Array(last - first + 1);
  for (const e of entities) {
    if (NON_ARGUMENT.has(e.type)) continue;
    for (let k = Math.max(first, wordAtOrAfter(sx.words, e.start)); k <= last && sx.words[k]!.end <= e.end; k++) inName[k - first] = 1;
  }
  for (let i = first; i <= last; i++) {
    const w = sx.words[i]!;
    // "le 8 décembre": a date's day is no figure.
    if (dates.some((d) => d.start <= w.start && w.end <= d.end)) continue;
    if (w.kind === 'number' || (w.kind === 'word' && words.numberValues.has(w.lower) && i > first)) {
      const f = figureAt(sx, words, tools, i, last);
      if (f) {
        figures.add(f.figure);
        i = f.next - 1;
        continue;
      }
    }
    if (w.kind !== 'word' || w.cap) continue;
    if (sx.isAux[i] === 1) {
      // "a été tué", "ont été retrouvés": the participle after the auxiliaries is the verb.
      // "n'a pas quitté", "a déjà annoncé": negation words and adverbs between the auxiliary and the participle.
      const k = afterAuxiliary(sx, i, last);
      const p = sx.words[k];
      if (relative(i)) {
        if (relativeVerb < 0) relativeVerb = i;
      } else if (verbAt < 0) verbAt = i;
      // « s'est dit "choqué" »: the adjective a reflexive attributive verb gives its subject is the predicate.
      const adjective =
        p && k <= last && words.attributive.has(p.lower) && words.reflexives.has(sx.words[i - 1]?.lower ?? '') ? attributed(sx, words, k, last) : -1;
      if (adjective >= 0) {
        add(i, tools.stem(sx.words[adjective]!.lower));
        i = adjective;
        continue;
      }
      // « a eu trois blessés »: a number word after the auxiliary is a figure, not a participle.
      if (
        p &&
        k <= last &&
        p.kind === 'word' &&
        !p.cap &&
        !sx.lex.prepositions.has(p.lower) &&
        !words.lightVerbs.has(p.lower) &&
        !words.numberValues.has(p.lower) &&
        words.participle?.test(p.lower)
      ) {
        add(i, tools.stem(p.lower));
        i = k;
        continue;
      }
      // « sera "extrêmement vigilant" », « être "peu optimiste" »: with no participle after it, the copula's adjective is the predicate.
      const attribute = words.copulas.has(w.lower) ? attributed(sx, words, i, last) : -1;
      if (attribute >= 0) {
        add(i, tools.stem(sx.words[attribute]!.lower));
        i = attribute;
      }
      continue;
    }
    // An action noun with its argument (« l'effondrement de trois immeubles », « la révocation de Carlos Ghosn »): the
    // verb it nominalises is a predicate of the clause.
    const nominal = nominalAt(sx, i, first, last);
    if (nominal) {
      if (relative(i)) relativePredicate.add(nominal);
      else predicate.add(nominal);
      continue;
    }
    // A word of a name is no verb (« rue Baudricourt »: « rue » is also a form of « ruer »).
    if (inName[i - first] === 1) continue;
    // A modal or support verb carries no predicate; the infinitive after it does (« Nissan veut le démettre », « va
    // proposer de … », "could face charges").
    if (words.lightVerbs.has(w.lower) && (isFiniteVerb(sx, i) || afterSubjectPronoun(sx, i))) {
      const k = infinitiveAfterLight(sx, words, tools, i, last);
      if (k >= 0) add(k, tools.stem(sx.words[k]!.lower));
      continue;
    }
    if (!words.lightVerbs.has(w.lower) && (isFiniteVerb(sx, i) || afterSubjectPronoun(sx, i)) && !adjectiveBeforeVerb(sx, i, last)) {
      // « se dit prêt », « se montre prudent »: the adjective is the predicate.
      const adjective = words.attributive.has(w.lower) && words.reflexives.has(sx.words[i - 1]?.lower ?? '') ? attributed(sx, words, i, last) : -1;
      add(i, tools.stem(sx.words[adjective >= 0 ? adjective : i]!.lower));
      if (adjective >= 0) i = adjective;
    }
  }
  if (predicate.size === 0) for (const v of relativePredicate) predicate.add(v);
  if (verbAt < 0) verbAt = relativeVerb;
  const startOfVerb = verbAt >= 0 ? sx.words[verbAt]!.start : Infinity;
  const subject = new Set<string>();
  const args = new Set<string>();
  const time = new Set<string>();
  const from = sx.words[first]!.start;
  const to = sx.words[last]!.end;
  for (const e of entities) {
    if (e.end <= from || e.start >= to) continue;
    if (e.type === 'DATE') time.add(e.key);
    else if (!NON_ARGUMENT.has(e.type)) (e.start < startOfVerb ? subject : args).add(e.key);
  }
  // No subject named before the verb: the one it shares with its sentence, or the one a pronoun refers to.
  if (subject.size === 0) {
    if (typeof shared === 'function') for (const key of shared()) subject.add(key);
    else for (const e of shared) if (!NON_ARGUMENT.has(e.type)) subject.add(e.key);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { predicate: sorted(predicate), figures: sorted(figures), subject: sorted(subject), arguments: sorted(args), time: sorted(time) };
}

/** How many words (quotation marks, adverbs, negation) may stand between an attributive verb and its adjective. */
const ATTRIBUTE_REACH = 3;

/**
 * The adjective or participle an attributive verb at word i gives its subject (« s'est dit "choqué" », « se montre
 * très prudent »), past opening quotation marks, adverbs, negation and other function words, or -1 when a name, a
 * preposition, a determiner or a figure comes first (« s'est dit que la partie … », « se dit en colère »).
 */
function attributed(sx: Syntax, words: PropositionWords, i: number, last: number): number {
  for (let k = i + 1; k <= last && k <= i + 1 + ATTRIBUTE_REACH; k++) {
    const w = sx.words[k]!;
    if (w.kind !== 'word') {
      if (OPEN_QUOTES.has(w.text)) continue;
      return -1;
    }
    if (w.cap || sx.lex.prepositions.has(w.lower) || sx.lex.determiners.has(w.lower) || words.numberValues.has(w.lower)) return -1;
    // Adverbs and negation (« très », « pas ») before it; an adjective may also be a verb form (« inquiète »).
    if (words.auxAdverbs.has(w.lower) || sx.lex.negation.has(w.lower) || words.tools.isStopword(w.lower)) continue;
    return sx.isAux[k] === 1 || words.lightVerbs.has(w.lower) ? -1 : k;
  }
  return -1;
}

/**
 * The infinitive after the light verb at word i (clitics, negation and adverbs between: « veut le démettre », « ne
 * peut pas partir », « va également proposer »), or -1. Auxiliaries, light verbs, function words and number words
 * (« a fait quatre blessés ») are none.
 */
function infinitiveAfterLight(sx: Syntax, words: PropositionWords, tools: WordTools, i: number, last: number): number {
  let k = i + 1;
  while (k <= last && (words.clitics.has(sx.words[k]!.lower) || sx.lex.negation.has(sx.words[k]!.lower) || words.auxAdverbs.has(sx.words[k]!.lower))) k++;
  const w = sx.words[k];
  if (!w || k > last || w.kind !== 'word' || w.cap || sx.isAux[k] === 1 || words.lightVerbs.has(w.lower) || tools.isStopword(w.lower)) return -1;
  // « a fait quatre blessés »: a number word is no infinitive, whatever its ending.
  if (words.numberValues.has(w.lower) || words.scales.has(w.lower)) return -1;
  const g = sx.lex.g;
  return w.lower.length >= g.infinitiveMinLength && g.infinitive.test(w.lower) ? k : -1;
}

/**
 * Whether word i, a finite form known only from the generated list of forms (no cue, auxiliary or modal), is rather an
 * adjective or a noun of the subject before its verb: the verb follows, past closing quotation marks and negation
 * (« aucun "blessé grave" n'a été conduit », « un blessé grave avait été admis »), or a relative pronoun follows
 * (« un blessé grave qui … »); or a preposition before a determiner (« entre une opératrice »).
 */
function adjectiveBeforeVerb(sx: Syntax, i: number, last: number): boolean {
  if (sx.forms[i] !== undefined) return false;
  // A preposition before a determiner (« l'enregistrement entre une opératrice du Samu et … »: « entre » of « entrer »).
  if (sx.lex.prepositions.has(sx.words[i]!.lower) && sx.lex.determiners.has(sx.words[i + 1]?.lower ?? '')) return true;
  let k = i + 1;
  while (k <= last && (CLOSE_QUOTES.has(sx.words[k]!.text) || sx.lex.negation.has(sx.words[k]!.lower))) k++;
  if (k > last) return false;
  const next = sx.words[k]!;
  return sx.lex.relatives.has(next.lower) || sx.isAux[k] === 1 || (sx.forms[k] !== undefined && isFiniteVerb(sx, k));
}

/**
 * The relative clauses opening inside words (first, last] (a relative pronoun of lang/<code>/syntax.json `relatives`
 * or grammar.json `appositionRelatives` after the clause's first word): from the pronoun to the verb after the
 * relative's own verb group (« aucun blessé [qui puisse être en lien avec cette opération] n'avait été hospitalisé »),
 * or to the clause's end. Returns whether word i is in one.
 */
function relativeClauses(sx: Syntax, first: number, last: number): (i: number) => boolean {
  // Per word of [first, last]: 1 inside a relative clause (linear in the clause, however many relatives it holds).
  let inside: Uint8Array | null = null;
  const isVerb = (k: number) => sx.isAux[k] === 1 || isFiniteVerb(sx, k);
  const isRelative = (k: number) => sx.lex.relatives.has(sx.words[k]!.lower) || sx.lex.g.appositionRelatives.has(sx.words[k]!.lower);
  for (let r = first + 1; r <= last; r++) {
    if (!isRelative(r)) continue;
    let k = r + 1;
    while (k <= last && !isVerb(k)) k++;
    // The relative's verb group (« puisse être », « a été »), then the next verb: the main clause's.
    // Negation and adverbs inside the group too (« dont l'appel n'a pas été pris »).
    while (k <= last && (isVerb(k) || sx.lex.g.infinitive.test(sx.words[k]!.lower))) k = afterAuxiliary(sx, k, last);
    // Up to the main clause's verb, or the next relative pronoun (« dont l'appel n'a pas été pris … et qui est décédée »).
    while (k <= last && !isVerb(k) && !isRelative(k)) k++;
    inside ??= new Uint8Array(last - first + 1);
    inside.fill(1, r - first, k - first);
    r = k - 1;
  }
  const mask = inside;
  return mask ? (i) => i >= first && i <= last && mask[i - first] === 1 : () => false;
}

/** The figure starting at word i: its value (scale words applied) and the unit noun after it. */
function figureAt(sx: Syntax, words: PropositionWords, tools: WordTools, i: number, last: number): { figure: string; next: number } | null {
  const w = sx.words[i]!;
  let value = w.kind === 'number' ? numberValue(w.text) : (words.numberValues.get(w.lower) ?? null);
  if (value === null) return null;
  let k = i + 1;
  // "8 000" cut in two tokens, "1,5 million", "400 millions d'euros".
  while (k <= last && sx.words[k]!.kind === 'number' && /^\p{Nd}{3}$/u.test(sx.words[k]!.text) && sx.words[k]!.start - sx.words[k - 1]!.end === 1) {
    value = value * 1000 + Number(sx.words[k]!.text);
    k++;
  }
  while (k <= last && words.scales.has(sx.words[k]!.lower)) value *= words.scales.get(sx.words[k++]!.lower)!;
  // A year situates a claim, it is no figure ("en 2016").
  if (w.kind === 'number' && k === i + 1 && /^(?:1[89]|20)\d\d$/.test(w.text)) return null;
  if (k <= last && (sx.words[k]!.text === '%' || words.percent.has(sx.words[k]!.lower))) return { figure: `${show(value)} %`, next: k + 1 };
  if (k <= last && words.unitLinks.has(sx.words[k]!.lower)) k++;
  const u = sx.words[k];
  if (k <= last && u && u.kind === 'word' && !u.cap && u.lower.length > 1 && !tools.isStopword(u.lower) && !isFiniteVerb(sx, k))
    return { figure: `${show(value)} ${tools.stem(u.lower)}`, next: k + 1 };
  return { figure: show(value), next: k };
}
