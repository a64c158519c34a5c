// Cue groups: a reporting verb form (generated from french-verbs-lefff) with
// its auxiliaries, negation, inverted clitic and locution particle:
// "a également dit", "aurait-il déclaré", "ont été confirmées", "a mis en garde",
// "n'a pas confirmé", "s'est plaint". Tense and mood feed the hedging rules.
import type { Syntax } from '../syntax/index.js';
import { FORM_CUE, type Gender } from '../syntax/lexicon.js';
import { afterDeterminer, isFiniteVerb, npBackward, phraseAt, phraseEndingAt, skipBackward, skipForward } from '../syntax/phrases.js';
import { pluralOf } from '../../lang/grammar.js';
import type { AttributionLexicon, CueEntry } from './lexicon.js';
import { CLOSE_QUOTES, OPEN_QUOTES } from '../syntax/words.js';

export interface Cue {
  /** First and last word of the verbal group (auxiliaries and particle included). */
  first: number;
  last: number;
  /** The cue verb form itself. */
  head: number;
  entry: CueEntry;
  /** Past tense (passé composé, imparfait, plus-que-parfait, passé simple): sequence of tenses applies. */
  past: boolean;
  /** The frame itself is in the conditional ("aurait déclaré", "dirait"). */
  conditional: boolean;
  /** être + participle of a non-pronominal verb, or a bare participle ("cité par"). */
  passive: boolean;
  bare: boolean;
  /** Narrative infinitive ("Et d'accuser …") or present participle ("…, soulignant que …"): the speaker is the previous one. */
  infinitive: boolean;
  /** The present participle of that kind ("soulignant que", "en estimant que"). */
  gerund: boolean;
  /** An infinitive depending on another verb ("pour rappeler", "tient à préciser"): it needs that verb's subject. */
  dependent: boolean;
  /** Coordinated with a previous verb ("a affirmé que … et assure que …"): the same speaker. */
  coordinated: boolean;
  /** Inverted subject clitic word index ("dit-il", "a-t-elle ajouté"), or -1. */
  clitic: number;
  cliticGender: Gender;
  negated: boolean;
}

const FINITE = /[PIJFCST]/;
/** Is word i an infinitive ("avoir agi", "être")? */
function isInfinitiveForm(syntax: Syntax, i: number): boolean {
  return syntax.forms[i]?.some((f) => f.moods.includes('W')) ?? false;
}

/** Auxiliary and clitic words between an auxiliary and its participle ("a-t-il également dit"). */
const MAX_AUX_GAP = 4;

interface Aux {
  index: number;
  lemma: string;
  moods: string;
}

function auxAt(syntax: Syntax, i: number): Aux | null {
  if (!syntax.isAux[i]) return null;
  const auxForm = syntax.forms[i]!.find((v) => v.role === 'aux');
  return auxForm ? { index: i, lemma: auxForm.entry, moods: auxForm.moods } : null;
}

/** Walk left from the participle over adverbs and a clitic to its auxiliary chain. */
function auxiliaries(syntax: Syntax, head: number): { aux: Aux[]; clitic: number } {
  const aux: Aux[] = [];
  let clitic = -1;
  let i = head - 1;
  for (let guard = 0; guard < MAX_AUX_GAP && i >= 0; guard++) {
    const skipped = skipBackward(syntax, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const w = syntax.words[i]!;
    if (w.sentence !== syntax.words[head]!.sentence) break;
    if (syntax.lex.invertedClitics.has(w.lower)) {
      clitic = i;
      i--;
      continue;
    }
    const a = auxAt(syntax, i);
    if (!a) break;
    aux.unshift(a);
    i--;
  }
  return { aux, clitic };
}

function reflexiveBefore(syntax: Syntax, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const lower = syntax.words[k]!.lower;
    if (syntax.lex.g.reflexives.has(lower)) return true;
    if (!(syntax.lex.g.negationParticles.has(lower) || auxAt(syntax, k))) return false;
  }
  return false;
}

function negatedAround(syntax: Syntax, first: number, last: number): boolean {
  const { negationParticles, negationAfterCue } = syntax.lex.g;
  const before = syntax.words[first - 1]?.lower ?? '';
  const after = syntax.words[last + 1]?.lower;
  return negationParticles.has(before) || (after !== undefined && negationAfterCue.has(after) && negationParticles.has(before));
}

export function findCues(syntax: Syntax, lex: AttributionLexicon): Cue[] {
  const out: Cue[] = [];
  const { words } = syntax;
  for (let i = 0; i < words.length; i++) {
    // Most words are no form of a cue verb: one bit test skips them.
    if (!(syntax.formFlags[i]! & FORM_CUE)) continue;
    const w = words[i]!;
    if (w.kind !== 'word' || (w.cap && i > 0 && words[i - 1]!.sentence === w.sentence)) continue;
    const forms = syntax.forms[i];
    // "avant de rappeler": the "de" of a compound preposition opens an infinitive, not a noun phrase; so does the "de"
    // of a narrative infinitive ("Et d'ajouter : « … »").
    const infinitiveDe = phraseEndingAt(words, i - 1, lex.adverbialLinks) > 0 || phraseAt(words, i - 2, lex.narrativeInfinitive) === 2;
    if (!forms || (afterDeterminer(syntax, i) && !infinitiveDe) || afterPossessive(syntax, i) || nounAfterSingular(syntax, i)) continue;
    for (const form of forms) {
      if (form.role !== 'cue') continue;
      const entry = lex.cues.get(form.entry);
      if (!entry || !lex.reporting.has(entry.cls)) continue;
      const cue = groupAt(syntax, lex, i, entry, form.moods);
      if (cue) {
        out.push(cue);
        i = cue.last;
        break;
      }
    }
  }
  return out;
}

/**
 * "denied a media report that …", "a newspaper report said": where cue forms double as nouns (grammar.json
 * `cueNounHomographs`), a present form without the third-person ending ("report", whose "reports" is a verb form)
 * cannot agree with a phrase opened by a singular indefinite determiner ("a", "an"): it is the noun, and the phrase
 * no speaker (it made "a media" one, newcomer trial, session 13).
 */
function nounAfterSingular(syntax: Syntax, i: number): boolean {
  const g = syntax.lex.g;
  if (!g.cueNounHomographs) return false;
  const third = pluralOf(g, syntax.words[i]!.lower);
  if (!third || !syntax.lex.finite.has(third)) return false;
  const first = npBackward(syntax, i - 1);
  return first >= 0 && first < i && syntax.words[first]!.sentence === syntax.words[i]!.sentence && g.singularIndefinite.has(syntax.words[first]!.lower);
}

/** "Primakov's pledge that …": a cue form after a possessive (grammar.json `possessivePattern`) is a noun; "he's said" is not. */
function afterPossessive(syntax: Syntax, i: number): boolean {
  const prev = syntax.words[i - 1];
  return !!prev && prev.sentence === syntax.words[i]!.sentence && syntax.lex.g.possessive.test(prev.lower) && !syntax.lex.nonNames.has(prev.lower);
}

/**
 * May a present participle take its clause without a complementizer? Where the language drops it (grammar.json
 * `zeroComplementizer`), after a comma (", saying the plan would fail"), a quoted-as link ("quoted X as saying …")
 * or a document or occasion noun ("issued a statement saying …", "a report saying …").
 */
function bareGerund(syntax: Syntax, lex: AttributionLexicon, i: number): boolean {
  const prev = syntax.words[i - 1];
  if (!syntax.lex.g.zeroComplementizer || !prev) return false;
  const kind = lex.roles.get(prev.lower)?.kind;
  return prev.text === ',' || lex.quotedAsLinks.has(prev.lower) || lex.audience.has(prev.lower) || kind === 'document' || kind === 'media';
}

/** Words scanned after a participle for the quotation in its object ("dénonçant une « mascarade »"). */
const MAX_WORDS_BEFORE_QUOTED_OBJECT = 5;

/**
 * "…, dénonçant une « mascarade »", "en qualifiant la réforme d'« injuste »": after a comma or "en", a participle of a
 * cue whose object is its content, with the speaker's words quoted in that object.
 */
function quotedObjectAfter(syntax: Syntax, entry: CueEntry, i: number): boolean {
  const prev = syntax.words[i - 1];
  if (!entry.frames.has('obj') || !prev || (prev.text !== ',' && !syntax.lex.g.gerundParticle.has(prev.lower))) return false;
  for (let k = i + 1; k <= i + MAX_WORDS_BEFORE_QUOTED_OBJECT + 1 && k < syntax.words.length; k++) {
    const w = syntax.words[k]!;
    if (OPEN_QUOTES.has(w.text)) return true;
    if (w.kind !== 'word' && w.text !== "'" && w.text !== '’') return false;
  }
  return false;
}

/** Words scanned after an infinitive cue group for its que-clause or quotation ("avoir assuré à la presse que"). */
const MAX_WORDS_BEFORE_CLAUSE = 6;

/** Does a que-clause follow word `last` closely, before any punctuation, or an infinitive auxiliary, a quotation or a colon right after it? */
function clauseAhead(syntax: Syntax, last: number): boolean {
  for (let k = last + 1; k <= last + MAX_WORDS_BEFORE_CLAUSE && k < syntax.words.length; k++) {
    const w = syntax.words[k]!;
    if (syntax.lex.complementizers.has(w.lower)) return true;
    // "Après avoir reconnu avoir « commis des erreurs »": an infinitive, a quotation or a colon right after the cue.
    if (k === last + 1 && (OPEN_QUOTES.has(w.text) || w.text === ':' || syntax.lex.g.infinitiveAuxiliaries.has(w.lower))) return true;
    if (w.kind !== 'word') return false;
  }
  return false;
}

/**
 * The governing verb of the cue infinitive at `i` ("finit par dire", "a tenu à préciser") when that verb opens an
 * incise right after a comma or a closing quotation mark, else -1.
 */
function inciseGoverning(syntax: Syntax, lex: AttributionLexicon, i: number): number {
  const { words } = syntax;
  if (!lex.infinitiveLinks.has(words[i - 1]?.lower ?? '')) return -1;
  let k = i - 2;
  // "a tenu à préciser": the participle's auxiliary governs.
  if (k > 0 && !isFiniteVerb(syntax, k) && syntax.isAux[k - 1] === 1) k--;
  if (k < 1 || !isFiniteVerb(syntax, k)) return -1;
  const prev = words[k - 1]!;
  return prev.text === ',' || CLOSE_QUOTES.has(prev.text) ? k : -1;
}

function groupAt(syntax: Syntax, lex: AttributionLexicon, i: number, entry: CueEntry, moods: string): Cue | null {
  const { words } = syntax;
  let last = i;
  let clitic = -1;
  // Inverted clitic right after a finite form: "dit-il", "aurait-il".
  if (words[i + 1] && syntax.lex.invertedClitics.has(words[i + 1]!.lower)) clitic = i + 1;
  // Locution particle: "faire état", "mettre en garde".
  if (entry.particle.length) {
    const at = clitic >= 0 ? clitic + 1 : i + 1;
    for (let k = 0; k < entry.particle.length; k++) if (words[at + k]?.lower !== entry.particle[k]) return null;
    last = at + entry.particle.length - 1;
  } else if (clitic >= 0) last = clitic;
  const reflexive = reflexiveBefore(syntax, i);
  if (entry.pronominal !== reflexive) return null;

  let first = i;
  let past = false;
  let conditional = false;
  let passive = false;
  let bare = false;
  let infinitive = false;
  let gerund = false;
  let dependent = false;
  if (moods.includes('K')) {
    const { aux, clitic: c } = auxiliaries(syntax, i);
    if (c >= 0) clitic = c;
    if (aux.length > 0) {
      first = aux[0]!.index;
      const top = aux[0]!;
      conditional = top.moods.includes('C');
      past = /[PIJ]/.test(top.moods) && !conditional;
      // "ont été confirmées", "sont proférées": passive unless the verb is pronominal ("s'est plaint").
      passive = !entry.pronominal && syntax.lex.g.passiveAuxiliary.has(aux[aux.length - 1]!.lemma);
      // "Après avoir assuré que …, un haut gradé …", "Ayant affirmé que …", "a été relâché après avoir nié que …": an
      // infinitive or present-participle auxiliary has no subject of its own. Opening the sentence (alone or after a
      // preposition), the subject of the main clause after it speaks (tryOpeningParticiple); inside it, the subject of
      // the verb it depends on.
      if (!FINITE.test(top.moods) && !passive) {
        // Only before a que-clause, an infinitive or a quotation: "après avoir répondu à ce petit interrogatoire" reports nothing.
        if (!clauseAhead(syntax, last)) return null;
        const sentenceFirst = syntax.first[words[i]!.sentence]!;
        const openingPreposition = first - 1 === sentenceFirst && syntax.lex.prepositions.has(words[first - 1]!.lower);
        if (openingPreposition) first--;
        infinitive = true;
        gerund = true;
        dependent = first !== sentenceFirst;
        past = false;
      }
    } else if (moods.includes('3')) {
      // "dit", "écrit": a third-person present or simple past.
      past = moods.includes('J') && !moods.includes('P');
    } else {
      bare = true;
      passive = true;
    }
  } else if (FINITE.test(moods) && !(moods.includes('W') && lex.infinitiveLinks.has(words[i - 1]?.lower ?? ''))) {
    // (English "say" is a present and an infinitive: after "to" it is the infinitive, "went on to say".)
    conditional = moods.includes('C');
    past = /[IJ]/.test(moods) && !moods.includes('P');
  } else if (moods.includes('G')) {
    // "…, rappelle-t-elle, soulignant que …" / "en précisant que …" / "…, a dit X précisant que …": only before a que-clause.
    const prev = words[i - 1]?.lower;
    // Opening the sentence ("Estimant que …, le ministre …", "Ajoutant avoir agi …, le chef de l'État a assuré") the
    // speaker is the subject of the main clause after it (frames.ts, tryOpeningParticiple): before a que-clause or an
    // infinitive only.
    const opening = syntax.first[words[i]!.sentence] === i;
    const framed = opening
      ? syntax.lex.complementizers.has(words[i + 1]?.lower ?? '') || ((entry.frames.has('inf') || entry.frames.has('que')) && isInfinitiveForm(syntax, i + 1))
      : // "…, reconnaissant au passage que …": a connective or manner aside may stand before the que-clause.
        syntax.lex.complementizers.has(words[skipForward(syntax, i + 1, { negation: false })]?.lower ?? '') ||
        bareGerund(syntax, lex, i) ||
        quotedObjectAfter(syntax, entry, i);
    if (!framed) return null;
    if (syntax.lex.g.gerundParticle.has(prev ?? '')) first = i - 1;
    infinitive = true;
    gerund = true;
  } else if (moods.includes('W')) {
    // The narrative infinitive "Et de + infinitive" is a cue on its own; "pour rappeler", "tient à préciser",
    // "veut croire" are cues whose speaker is the subject of the verb they depend on.
    const len = phraseAt(words, i - 2, lex.narrativeInfinitive);
    if (len === 2) {
      first = i - 2;
      infinitive = true;
      past = true;
    } else if (isFiniteVerb(syntax, i - 1) && !lex.readerCues.has(entry.entry) && syntax.forms[i - 1]?.some((f) => lex.prospectiveModals.has(f.entry))) {
      // "devrait annoncer", "va dire que": an act to come or a possibility, nothing said yet ("on peut lire que" is a
      // reader frame, readerCues).
      return null;
    } else if (
      (lex.infinitiveLinks.has(words[i - 1]?.lower ?? '') ||
        isFiniteVerb(syntax, i - 1) ||
        // "peut-on lire", "faut-il rappeler": the infinitive after an inverted modal.
        (syntax.lex.invertedClitics.has(words[i - 1]?.lower ?? '') && isFiniteVerb(syntax, i - 2))) &&
      phraseEndingAt(words, i, lex.idioms) === 0
    ) {
      infinitive = true;
      gerund = true;
      dependent = true;
      // "« … », finit par dire Cali", "« … », a tenu à préciser le ministre": the governing verb opens an incise, so
      // the cue starts there and its subject is inverted after the infinitive.
      const governing = inciseGoverning(syntax, lex, i);
      if (governing >= 0) first = governing;
      // "« … », peut-on lire dans X": the inverted modal and its clitic belong to the cue, the clitic is its subject.
      if (lex.readerCues.has(entry.entry) && syntax.lex.invertedClitics.has(words[i - 1]?.lower ?? '') && isFiniteVerb(syntax, i - 2)) {
        first = i - 2;
        clitic = i - 1;
        infinitive = false;
        gerund = false;
        dependent = false;
      }
    } else return null;
  } else return null;
  if (entry.pronominal) {
    const k = reflexiveStart(syntax, first);
    first = k;
  }
  const cliticGender = clitic >= 0 ? (syntax.lex.invertedClitics.get(words[clitic]!.lower) ?? null) : null;
  const prevWord = words[first - 1]?.lower;
  const coordinated = syntax.lex.g.coordinators.has(prevWord ?? '');
  return {
    first,
    last,
    head: i,
    entry,
    past,
    conditional,
    passive,
    bare,
    infinitive,
    gerund,
    dependent,
    coordinated,
    clitic,
    cliticGender: cliticGender,
    negated: negatedAround(syntax, first, last),
  };
}

function reflexiveStart(syntax: Syntax, first: number): number {
  const prev = syntax.words[first - 1];
  return prev && syntax.lex.g.reflexiveClitics.has(prev.lower) ? first - 1 : first;
}
