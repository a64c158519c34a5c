// Event coreference: a claim whose only argument is an anaphoric noun phrase naming an event or an act (« aucun
// blessé n'a été recensé sur cette opération », « L'accident a fait quatre blessés », "the attack left two dead")
// points back to the earlier claim that named it (« … à l'issue d'une vaste opération de police » at Tolbiac). It
// takes that claim's entity keys (as its subject when the phrase comes before its verb, as its arguments after it),
// so that it can be matched with other mentions of the same event; `proposition.refersTo` says which claim and why.
// Language-blind: the determiners (`coreference.anaphoric`) and the event nouns (`coreference.eventNouns`) are data
// of lang/<code>/; the verb a noun nominalises (nominalisations*.tsv: « évacuation » → « évacuer ») finds its antecedent.
import type { Doc } from '../../doc/doc.js';
import type { Claim, Entity } from '../../doc/schema.js';
import { stemClasses } from '../../lang/predicate-classes.js';
import { wordTools } from '../../lang/stems.js';
import type { SpanIndex } from '../../text/span-index.js';
import { isNominalLink, nominalisedStem } from '../propositions.js';
import type { Syntax } from '../syntax/index.js';
import { wordAtOrAfter } from '../syntax/words.js';
import { verbAt } from './clause.js';
import type { ClaimsLexicon } from './lexicon.js';

/** Adjectives allowed between the determiner and the event noun (« cette vaste opération »), at most. */
const DESCRIPTION_REACH = 2;
/** Earlier claims looked at for the antecedent, at most (nearest first): keeps the pass linear in the claims. */
const ANTECEDENT_CLAIMS = 40;
/** Words of the complement after an antecedent's event noun looked at for the event's participants, at most. */
const COMPLEMENT_REACH = 6;
/** Without an earlier mention of the same noun, the nearest claim about a kind of event this many sentences back at most. */
const EVENT_REACH = 2;

interface EventPhrase {
  /** First and last word of the noun phrase. */
  from: number;
  to: number;
  /** Stems of its event nouns (« opération d'évacuation »: both), and the verb stems they nominalise. */
  stems: Set<string>;
  verbs: Set<string>;
}

/** Resolves, in place, the claims (sorted by start) whose only argument is an anaphoric event phrase. */
export function resolveEventAnaphora(doc: Doc, sx: Syntax, lex: ClaimsLexicon, claims: Claim[], entities: SpanIndex<Entity>): void {
  if (lex.anaphoric.size === 0) return;
  const tools = wordTools(sx.language);
  const classes = stemClasses(sx.language, 'predicate-classes.json', '=');
  const stemOf = new Map<number, string>();
  const stem = (i: number) => {
    let s = stemOf.get(i);
    if (s === undefined) stemOf.set(i, (s = tools.stem(sx.words[i]!.lower)));
    return s;
  };
  // The event's participants: the claim's entity keys but the outlets' (« a dit à l'AFP » names who told, not who took part).
  const media = new Set(doc.entities.filter((e) => e.subtype === 'media').map((e) => e.key));
  const keysOf = (q: NonNullable<Claim['proposition']>) => [...new Set([...q.subject, ...q.arguments])].filter((k) => !media.has(k)).sort();
  // The entity keys of the complement after the noun at word i (a nominal link, then up to COMPLEMENT_REACH words
  // before punctuation or a verb), outlets left out.
  const complementKeys = (i: number, last: number): string[] => {
    if (i + 2 > last || !isNominalLink(sx.language, sx.words[i + 1]!.lower)) return [];
    let end = i + 2;
    while (end < last && end < i + 1 + COMPLEMENT_REACH && sx.words[end + 1]!.kind !== 'punct' && !verbAt(sx, end + 1)) end++;
    const keys = entities
      .overlapping(sx.words[i + 2]!.start, sx.words[end]!.end)
      .filter((e) => e.type !== 'DATE' && e.type !== 'QUANTITY' && !media.has(e.key))
      .map((e) => e.key);
    return [...new Set(keys)].sort();
  };
  const wordsOf = (c: Claim): [number, number] => [wordAtOrAfter(sx.words, c.start), wordAtOrAfter(sx.words, c.end) - 1];
  claims.forEach((c, j) => {
    const p = c.proposition;
    if (!p || p.subject.length > 0 || p.arguments.length > 0) return;
    const [first, last] = wordsOf(c);
    const phrase = eventPhrase(sx, lex, first, last, stem);
    if (!phrase) return;
    const sentence = sx.words[phrase.from]!.sentence;
    let found = -1;
    let fallback = -1;
    let foundKeys: string[] | null = null;
    for (let k = j - 1; k >= 0 && k >= j - ANTECEDENT_CLAIMS && found < 0; k--) {
      const a = claims[k]!;
      const q = a.proposition;
      if (a.end > sx.words[phrase.from]!.start || !q || !keysOf(q).length) continue;
      const [af, al] = wordsOf(a);
      // The same event noun (« une vaste opération de police » … « cette opération »), or the verb it nominalises
      // (« ont évacué la faculté » … « l'évacuation »).
      let same = q.predicate.some((v) => phrase.verbs.has(v));
      for (let i = af; i <= al; i++)
        if (sx.words[i]!.kind === 'word' && !sx.words[i]!.cap && phrase.stems.has(stem(i))) {
          same = true;
          // « après l'évacuation de la faculté de Tolbiac »: the noun's own complement names the event's participants.
          const named = complementKeys(i, al);
          if (named.length) foundKeys = named;
          break;
        }
      if (same) found = k;
      else if (fallback < 0 && sentence - sx.words[af]!.sentence <= EVENT_REACH && q.predicate.some((v) => classes?.has(v))) fallback = k;
    }
    const k = found >= 0 ? found : fallback;
    if (k < 0) return;
    const q = claims[k]!.proposition!;
    const keys = (found >= 0 && foundKeys) || keysOf(q);
    // Opening the claim, the phrase is its subject (« L'accident a fait quatre blessés »); elsewhere an argument
    // (« aucun blessé n'a été recensé sur cette opération »).
    if (phrase.from === first) p.subject = keys;
    else p.arguments = keys;
    const start = sx.words[phrase.from]!.start;
    const end = sx.words[phrase.to]!.end;
    p.refersTo = { start, end, text: doc.text.slice(start, end), claim: k, predicate: q.predicate, keys };
  });
}

/**
 * The anaphoric event phrase between words first and last: a determiner of `coreference.anaphoric`, at most
 * DESCRIPTION_REACH lower-case words, an event noun (`coreference.eventNouns`), and a second one
 * after a nominal link (« cette opération d'évacuation »). Null when none.
 */
function eventPhrase(sx: Syntax, lex: ClaimsLexicon, first: number, last: number, stem: (i: number) => string): EventPhrase | null {
  const eventNoun = (i: number) => {
    const w = sx.words[i];
    if (!w || i > last || w.kind !== 'word' || w.cap || verbAt(sx, i)) return undefined;
    // Only the nouns of `eventNouns`: an action noun alone (« le décès », « l'enquête ») too often opens a new claim
    // about the event (« l'ouverture d'une enquête sur le décès ») rather than restating it.
    return lex.eventNouns.has(w.lower) ? { verb: nominalisedStem(sx.language, w.lower) } : undefined;
  };
  const link = (i: number) => i <= last && isNominalLink(sx.language, sx.words[i]!.lower);
  for (let i = first; i < last; i++) {
    if (!lex.anaphoric.has(sx.words[i]!.lower)) continue;
    for (let k = i + 1; k <= last && k <= i + 1 + DESCRIPTION_REACH; k++) {
      const w = sx.words[k]!;
      // Adjectives only between the determiner and the noun: no verb, determiner or preposition (« la plupart des accidents »).
      if (w.kind !== 'word' || w.cap || verbAt(sx, k) || sx.lex.determiners.has(w.lower) || sx.lex.prepositions.has(w.lower)) break;
      const noun = eventNoun(k);
      if (!noun) continue;
      const phrase: EventPhrase = { from: i, to: k, stems: new Set([stem(k)]), verbs: new Set(noun.verb ? [noun.verb] : []) };
      if (link(k + 1)) {
        // « cette opération d'évacuation »: a second event noun; any other complement names what the event is about
        // (« la mort de quatre personnes », « l'enregistrement de l'appel »): no anaphora.
        const second = eventNoun(k + 2);
        if (!second) break;
        phrase.to = k + 2;
        phrase.stems.add(stem(k + 2));
        if (second.verb) phrase.verbs.add(second.verb);
      }
      return phrase;
    }
  }
  return null;
}
