// Turns a speaker phrase into the `source` of an attribution: its surface
// span, `resolved` (the named speaker behind a pronoun, a surname, a title or
// a role: "il", "Mme Psaki", "l'organisation", "ces mêmes sources") and
// `anonymous` (a speaker that cannot be pinned to a named person, body,
// outlet or document: "des sources", "un responsable", "les médias étatiques").
import { wordAt, type Syntax } from '../syntax/index.js';
import type { Gender } from '../syntax/lexicon.js';
import type { AttributionLexicon, RoleKind } from './lexicon.js';
import type { Mention } from './mentions.js';
import { hasHeadName, hasName, isPersonChunk, subjectBefore, type SourceRef } from './subjects.js';
import { isFiniteVerb, npForward, phraseAt } from '../syntax/phrases.js';
import { headOf, isMedium, type WordRange } from './via.js';
import { claimsData } from '../../lang/claims-data.js';

export interface SpeakerSource {
  start: number;
  end: number;
  text: string;
  resolved: string | null;
  anonymous: boolean;
  description?: { start: number; end: number; text: string } | null;
}

/** What later mentions can point back to. */
export interface Speaker {
  source: SpeakerSource;
  gender: Gender;
  plural: boolean;
  sentence: number;
  head: string | null;
  /** "je", "nous": the speaker of the quotation around it. */
  firstPerson?: boolean;
  /** An outlet or a document ("Le Parisien", "le rapport"): no antecedent for "il" / "elle". */
  medium?: boolean;
}

/** How far back (sentences) a pronoun or a role looks for its speaker. */
const PRONOUN_REACH = 8;
/**
 * Speakers and mentions looked back over for an antecedent. Reach is counted in sentences, but one sentence
 * can hold thousands of speakers (hostile input): the scan stops here too, which keeps resolution linear.
 */
const LOOKBACK = 100;
const ROLE_REACH = 30;
/** A role phrase longer than this ("le ministre de l'Intérieur") is a description, not an anaphor. */
const MAX_ROLE_WORDS = 2;
/** How far back (sentences) a definite description of a person ("la jeune femme") looks for the person it names. */
const DESCRIPTION_REACH = 3;

/** An unresolved pronoun ("on", "elle" with no antecedent): no antecedent itself. */
function isBare(candidate: Speaker): boolean {
  return candidate.source.resolved === null && candidate.head === null && candidate.source.anonymous;
}

/**
 * A bare description (« le journal ») is no antecedent; an outlet named with its noun (« Le Quotidien du Sud ») is: its
 * head noun is written as a word of the source in capitals.
 */
function namedWithHead(candidate: Speaker): boolean {
  const head = candidate.head;
  return head === null || candidate.source.text.split(/[^\p{L}-]+/u).some((w) => w !== head && w.toLowerCase() === head);
}

export class SourceResolver {
  private readonly speakers: Speaker[] = [];
  private readonly aliases = new Map<string, string>();

  constructor(
    private readonly syntax: Syntax,
    private readonly lex: AttributionLexicon,
    private readonly mentions: Mention[],
  ) {
    this.collectAliases();
  }

  private indexed: { bySurname: Map<string, Mention[]>; genders: Map<string, Gender>; persons: Set<string>; bodies: Set<string> } | null = null;

  /** Mentions indexed once (by surname, name → gender, person names), so each lookup is not a scan of them all. */
  private index(): NonNullable<SourceResolver['indexed']> {
    if (this.indexed) return this.indexed;
    const bySurname = new Map<string, Mention[]>();
    const genders = new Map<string, Gender>();
    const persons = new Set<string>();
    const bodies = new Set<string>();
    for (const m of this.mentions) {
      if (m.body) bodies.add(m.name);
      if (m.words.length >= 2) {
        const last = m.words[m.words.length - 1]!;
        const list = bySurname.get(last);
        if (list) list.push(m);
        else bySurname.set(last, [m]);
      }
      if (m.gender && !genders.has(m.name)) genders.set(m.name, m.gender);
      if (m.person) persons.add(m.name);
    }
    return (this.indexed = { bySurname, genders, persons, bodies });
  }

  /** Index of the last mention starting before offset `at` (-1 for none); mentions are in text order. */
  private mentionBefore(at: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** "l'Organisation des moudjahidine du peuple (OMPI)": OMPI stands for the phrase before it. */
  private collectAliases(): void {
    const { words } = this.syntax;
    for (let i = 2; i < words.length - 1; i++) {
      const w = words[i]!;
      if (words[i - 1]!.text !== '(' || words[i + 1]!.text !== ')' || w.text !== w.text.toUpperCase() || !w.cap) continue;
      const c = this.syntax.chunkOf[i - 2]!;
      if (c < 0) continue;
      let first = i - 2;
      while (first > 0 && words[first - 1]!.sentence === w.sentence && !/^[,;:.(«»"]$/.test(words[first - 1]!.text) && first > i - 10) first--;
      this.aliases.set(w.text, this.syntax.text.slice(words[first]!.start, words[i + 1]!.end));
    }
  }

  private span(r: WordRange): { start: number; end: number; text: string } {
    let start = this.syntax.words[r.first]!.start;
    // An inverted clitic "-t-il" is shown as "il".
    const hyphens = this.syntax.lex.g.invertedClitic.exec(this.syntax.words[r.first]!.text);
    if (hyphens && r.first === r.last) start += hyphens[0].length;
    const end = this.syntax.words[r.last]!.end;
    return { start, end, text: this.syntax.text.slice(start, end) };
  }

  /** The canonical name of a name chunk: a lone surname or titled name expands to the full name seen elsewhere. */
  private canonical(chunk: number, at: number): { name: string; gender: Gender } {
    const c = this.syntax.names[chunk]!;
    const from = c.title >= 0 ? c.title + 1 : c.first;
    const words = this.syntax.words
      .slice(from, c.last + 1)
      .filter((w) => w.cap)
      .map((w) => w.text);
    const own = this.syntax.text.slice(this.syntax.words[from]!.start, this.syntax.words[c.last]!.end);
    if (words.length === 1 && this.aliases.has(words[0]!)) return { name: this.aliases.get(words[0]!)!, gender: null };
    if (words.length !== 1) return { name: own, gender: c.gender ?? this.genderOf(own) };
    // The latest full name ending with this surname before `at`, else the last one in the text.
    const same = this.index().bySurname.get(words[0]!) ?? [];
    let best: Mention | null = same[same.length - 1] ?? null;
    for (let lo = 0, hi = same.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (same[mid]!.start < at) {
        best = same[mid]!;
        lo = mid + 1;
      } else hi = mid;
    }
    return best ? { name: best.name, gender: c.gender ?? best.gender } : { name: own, gender: c.gender ?? this.genderOf(own) };
  }

  /** Gender of a name from its mentions, or of a lone first name ("Margot"). */
  private genderOf(name: string): Gender {
    const grammar = this.index().genders.get(name);
    if (grammar) return grammar;
    return this.syntax.lex.firstNames.get(name) ?? null;
  }

  private roleOf(r: WordRange): { head: string | null; kind: RoleKind | null; gender: Gender } {
    let h = headOf(this.syntax, r);
    while (h < r.last && this.lex.sameAs.has(this.syntax.words[h]!.lower)) h++;
    const head = this.syntax.words[h]!.lower;
    const role = this.lex.roles.get(head);
    const det = this.syntax.words[r.first]!.lower;
    const grammar = this.syntax.lex.g;
    const gender = role?.gender ?? (grammar.feminineDeterminers.has(det) ? 'f' : grammar.masculineDeterminers.has(det) ? 'm' : null);
    return { head: role || !this.syntax.words[h]!.cap ? head : null, kind: role?.kind ?? null, gender };
  }

  /** `until`: mentions from this offset on are not antecedents (the content of an incise: '"…," he said'). */
  resolve(ref: SourceRef, sentence: number, until = Infinity): Speaker {
    const base = this.span(ref);
    const description = ref.description ? this.span(ref.description) : null;
    let speaker: Speaker;
    if (ref.pronoun) speaker = this.fromPronoun(base, ref.pronoun, sentence, until);
    else speaker = this.fromPhrase(ref, base, sentence);
    if (description) speaker.source.description = description;
    this.speakers.push(speaker);
    return speaker;
  }

  /** A speaker taken over as is (quote continuation). */
  remember(candidate: Speaker): void {
    this.speakers.push(candidate);
  }

  /** The name opening sentence `sentence - 1`, when the pronoun at `at` opens sentence `sentence`. */
  private previousSubject(at: number, sentence: number, compatible: (g: Gender) => boolean): Mention | null {
    const w = wordAt(this.syntax, at);
    if (w < 0 || this.syntax.first[sentence] !== w) return null;
    for (let k = this.mentionBefore(at), floor = Math.max(0, k - LOOKBACK); k >= floor; k--) {
      const m = this.mentions[k]!;
      if (m.sentence < sentence - 1) return null;
      if (m.sentence === sentence - 1 && m.opensSentence) return !m.person && compatible(m.gender) ? m : null;
    }
    return null;
  }

  private fromPronoun(base: { start: number; end: number; text: string }, p: { gender: Gender; plural: boolean }, sentence: number, until: number): Speaker {
    const mk = (resolved: string | null, anonymous: boolean, gender: Gender): Speaker => ({
      source: { ...base, resolved, anonymous },
      gender,
      plural: p.plural,
      sentence,
      head: null,
    });
    const lower = base.text.toLowerCase();
    if (this.syntax.lex.g.indefinitePronouns.has(lower)) return mk(null, true, null);
    if (this.syntax.lex.g.firstPerson.has(lower)) return { ...mk(null, true, null), firstPerson: true };
    const compatible = (grammar: Gender) => !p.gender || !grammar || grammar === p.gender;
    // The latest compatible speaker, named ones first ("a-t-il ajouté" rarely means an anonymous group).
    const latest = (ok: (candidate: Speaker) => boolean): Speaker | null =>
      this.latestSpeaker(
        sentence,
        PRONOUN_REACH,
        (candidate) =>
          // A speaker named inside the incise's own content ("« Ce que propose X est injuste », a-t-il poursuivi") is
          // someone the quoted speaker talks about, never the incise's antecedent.
          !(candidate.source.start >= until && candidate.source.start < base.start) &&
          !isBare(candidate) &&
          !candidate.medium &&
          candidate.plural === p.plural &&
          ok(candidate),
      );
    if (this.syntax.lex.g.nonPersonPronouns.has(lower)) return this.fromBodyPronoun(base, sentence, until, latest, mk);
    // "he", "she" (grammar.json `personPronouns`): a company or a ministry is no antecedent.
    const personOnly = this.syntax.lex.g.personPronouns.has(lower);
    const fits = (candidate: Speaker) => compatible(candidate.gender) && !(personOnly && this.isBodySpeaker(candidate));
    let speaker = latest((candidate) => fits(candidate) && !candidate.source.anonymous) ?? latest(fits);
    // "cette femme … elle": a more recent singular speaker of the pronoun's gender is surer than an older named one.
    const gendered = p.gender && speaker ? latest((candidate) => candidate.gender === p.gender) : null;
    if (gendered && gendered.sentence > speaker!.sentence) speaker = gendered;
    // A person named after that speaker (and before the pronoun) is the more recent antecedent.
    // A name inside a quotation the pronoun is not in is someone's words or a title ("X-Men : Days of Future Past"),
    // not the antecedent of a pronoun in the narrative.
    const visible = (m: Mention) => m.person && compatible(m.gender) && (m.quoted === null || (m.quoted.start <= base.start && base.start < m.quoted.end));
    const latestMention = (ok: (m: Mention) => boolean): Mention | null => {
      for (let k = this.mentionBefore(Math.min(base.start, until)), floor = Math.max(0, k - LOOKBACK); k >= floor && !p.plural; k--) {
        const m = this.mentions[k]!;
        if (sentence - m.sentence > PRONOUN_REACH) break;
        if (!ok(m)) continue;
        // In that sentence the first person named (usually the subject) is the more salient one.
        let first = m;
        for (let earlier = k - 1; earlier >= Math.max(0, k - LOOKBACK) && this.mentions[earlier]!.sentence === m.sentence; earlier--)
          if (ok(this.mentions[earlier]!) && !this.mentions[earlier]!.fronted) first = this.mentions[earlier]!;
        return first;
      }
      return null;
    };
    // A person in a prepositional complement ("l'invité de Jean-Marc Morandini") is the antecedent only when no
    // person named outside one is in reach.
    // Nor does a name in a clause fronted before the main one outrank the speaker going on (« Si X n'a pas voulu
    // répondre, Y a confirmé … », « Alors que X et Y s'opposent, le syndicaliste a conforté … « … », a-t-il déclaré »).
    const salient = (m: Mention) => visible(m) && !(m.fronted && speaker);
    const mention = latestMention((m) => salient(m) && !m.afterPreposition) ?? latestMention(salient);
    // Centering: a pronoun opening its sentence continues the body that opened the sentence before, over the names
    // of that sentence ("L'AG Éducation organise une conférence … salle Louise Michel. Elle appelle …").
    const subject = p.plural || personOnly ? null : this.previousSubject(base.start, sentence, compatible);
    if (subject && (!speaker || subject.sentence > speaker.sentence) && (!mention || mention.sentence <= subject.sentence))
      return mk(subject.name, false, subject.gender ?? p.gender);
    // Centering again: the described subject of the sentence just before outranks older speakers and names ("J'ai
    // posé la question à Rémi Fontaine. … Côté santé, mon médecin est formel : … « … », m'a-t-il lancé"; "Contacté, le
    // groupe n'a pas donné suite. Dans un communiqué, il affirmait …").
    const older = (at: number | undefined) => at === undefined || at < sentence - 1;
    if (!p.plural && older(speaker?.sentence) && older(mention?.sentence)) {
      const described = this.previousDescribedSubject(sentence, compatible, mention, personOnly);
      if (described) return mk(described.source.resolved ?? described.source.text, described.source.anonymous, described.gender ?? p.gender);
    }
    // A mention of unknown gender does not outrank a speaker whose gender matches the pronoun.
    const surer = speaker !== null && p.gender !== null && speaker.gender === p.gender && !mention?.gender;
    if (mention && (!speaker || (mention.sentence > speaker.sentence && !surer))) {
      // "le locataire de l'Élysée … avec Laurent Wauquiez. « … », aurait-il lancé": a described subject of that
      // sentence is more salient than a name in its complements.
      const subject = this.describedSubject(mention, compatible);
      if (subject) return mk(subject.source.resolved ?? subject.source.text, false, subject.gender ?? p.gender);
      return mk(mention.name, false, mention.gender ?? p.gender);
    }
    if (speaker) return mk(speaker.source.resolved ?? speaker.source.text, speaker.source.anonymous, speaker.gender ?? p.gender);
    // No person: a body of the same grammatical gender named just before ("La Société française …, rappelle-t-elle"),
    // or of unknown gender as the subject of its sentence ("L'AG Éducation organise … Elle appelle …"); never one in
    // a prepositional phrase ("à la Bourse du Travail").
    for (let k = this.mentionBefore(base.start), floor = Math.max(0, k - LOOKBACK); k >= floor && p.gender && !p.plural && !personOnly; k--) {
      const m = this.mentions[k]!;
      if (sentence - m.sentence > 2) break;
      if (m.person || m.afterPreposition) continue;
      if (m.gender === p.gender || (m.gender === null && m.opensSentence)) return mk(m.name, false, m.gender ?? p.gender);
    }
    // "Les militants ne sont pas convaincus. Ils accusent …": a plural pronoun opening its sentence continues the
    // plural noun phrase that opened the sentence before (a group: anonymous).
    const group = p.plural ? this.previousPluralSubject(base.start, sentence) : null;
    if (group) return mk(group, true, p.gender);
    return mk(null, true, p.gender);
  }

  /**
   * The subject of the sentence naming `mention`, when it is a definite singular person description before that name
   * ("le mathématicien", "le locataire de l'Élysée") of a compatible gender, resolved like any speaker phrase.
   */
  private describedSubject(mention: Mention, compatible: (g: Gender) => boolean): Speaker | null {
    const { syntax } = this;
    const at = wordAt(syntax, mention.start);
    let verb = -1;
    for (let k = syntax.first[mention.sentence]!; k < at && verb < 0; k++) if (syntax.isAux[k] === 1 || isFiniteVerb(syntax, k)) verb = k;
    const ref = verb > 0 ? subjectBefore(syntax, this.lex, verb) : null;
    if (!ref || ref.pronoun || ref.last >= at || !syntax.lex.g.definiteDeterminers.has(syntax.words[ref.first]!.lower)) return null;
    const { kind, gender } = this.roleOf(ref);
    if ((kind !== 'person' && !this.periphrasis(ref)) || this.namesPerson(ref) || !compatible(gender)) return null;
    const described = this.fromPhrase(ref, this.span(ref), mention.sentence);
    return described.plural || described.source.anonymous ? null : described;
  }

  /**
   * The subject of sentence `sentence - 1` (before its first verb) when it is a singular definite or possessive
   * description of a person or a body, without a name, of a compatible gender ("mon médecin", "le groupe"), resolved
   * like any speaker phrase.
   */
  private previousDescribedSubject(sentence: number, compatible: (g: Gender) => boolean, named: Mention | null, personOnly: boolean): Speaker | null {
    const { syntax } = this;
    if (sentence === 0) return null;
    const prev = sentence - 1;
    let verb = -1;
    for (let k = syntax.first[prev]!; k <= syntax.last[prev]! && verb < 0; k++) {
      if (syntax.words[k]!.kind === 'punct' && /^[:«»"“”]$/.test(syntax.words[k]!.text)) return null;
      if (syntax.isAux[k] === 1 || isFiniteVerb(syntax, k)) verb = k;
    }
    const ref = verb > 0 ? subjectBefore(syntax, this.lex, verb) : null;
    if (!ref || ref.pronoun || ref.description || syntax.words[ref.first]!.sentence !== prev) return null;
    const det = syntax.words[ref.first]!.lower;
    if (!syntax.lex.g.definiteDeterminers.has(det) && !syntax.lex.g.possessiveDeterminers.has(det)) return null;
    // A name in a complement ("la préfecture de la Gironde") leaves the phrase a description.
    if (hasHeadName(syntax, ref)) return null;
    const { kind, gender } = this.roleOf(ref);
    if ((kind !== 'person' && (kind !== 'org' || personOnly)) || !compatible(gender)) return null;
    const described = this.fromPhrase(ref, this.span(ref), prev);
    if (described.plural) return null;
    // "… mais pas Hélène Marquet. La conseillère municipale écologiste porte le projet …": a definite person
    // description right after the sentence naming a person of its gender is that person.
    if (!described.source.resolved && kind === 'person' && named?.person && named.sentence === prev - 1 && syntax.lex.g.definiteDeterminers.has(det))
      return { ...described, source: { ...described.source, resolved: named.name, anonymous: false }, gender: named.gender ?? gender };
    return described;
  }

  /** The plural noun phrase opening sentence `sentence - 1` ("Les militants"), when the pronoun at `at` opens `sentence`. */
  private previousPluralSubject(at: number, sentence: number): string | null {
    const { syntax } = this;
    const w = wordAt(syntax, at);
    if (sentence === 0 || w < 0 || syntax.first[sentence] !== w) return null;
    const first = syntax.first[sentence - 1]!;
    if (!syntax.lex.g.pluralDeterminers.has(syntax.words[first]!.lower)) return null;
    let end = npForward(syntax, first);
    // The phrase stops before its verb group ("Les militants | ne sont pas").
    for (let k = first + 1; k <= end; k++) {
      if (syntax.lex.g.negationParticles.has(syntax.words[k]!.lower) || syntax.isAux[k] === 1 || isFiniteVerb(syntax, k)) {
        end = k - 1;
        break;
      }
    }
    return end > first ? syntax.text.slice(syntax.words[first]!.start, syntax.words[end]!.end) : null;
  }

  /**
   * "It said …" (grammar.json `nonPersonPronouns`): the latest body speaking, else the latest body named ("The bank
   * raised its rates. It said …"), never a person.
   */
  private fromBodyPronoun(
    base: { start: number },
    sentence: number,
    until: number,
    latest: (ok: (candidate: Speaker) => boolean) => Speaker | null,
    mk: (resolved: string | null, anonymous: boolean, gender: Gender) => Speaker,
  ): Speaker {
    // A person: by role or entity, or a name opening on a known first name ("Aslan Shabazov").
    const person = (c: Speaker) => this.isPersonSpeaker(c) || this.syntax.lex.firstNames.has((c.source.resolved ?? c.source.text).split(' ')[0]!);
    const body = latest((candidate) => !candidate.source.anonymous && !person(candidate));
    if (body) return mk(body.source.resolved ?? body.source.text, false, null);
    for (let k = this.mentionBefore(Math.min(base.start, until)), floor = Math.max(0, k - LOOKBACK); k >= floor; k--) {
      const m = this.mentions[k]!;
      if (sentence - m.sentence > PRONOUN_REACH) break;
      if (!m.person) return mk(m.name, false, null);
    }
    return mk(null, true, null);
  }

  private fromPhrase(ref: SourceRef, base: { start: number; end: number; text: string }, sentence: number): Speaker {
    const { syntax } = this;
    const first = syntax.words[ref.first]!;
    const { head, kind, gender } = this.roleOf(ref);
    // An office ("le préfet") is someone known to hold it; a person description ("le militant", "cette économiste")
    // may point back to the last person speaking.
    const personDescription = kind === 'person' && !(head && this.lex.roles.get(head)?.office);
    const grammar = syntax.lex.g;
    const plural =
      grammar.pluralDeterminers.has(first.lower) ||
      /^\d/.test(first.text) ||
      (syntax.lex.indefinite.has(first.lower) && !grammar.singularIndefinite.has(first.lower)) ||
      this.hasCoordination(ref) ||
      (head !== null && grammar.pluralNoun.test(head));
    const indefinite = syntax.lex.indefinite.has(first.lower) || /^\d/.test(first.text) || grammar.quantityAdjectives.has(syntax.words[ref.first]!.lower);
    const medium = isMedium(syntax, this.lex, ref);
    const mk = (resolved: string | null, anonymous: boolean, gn: Gender = gender): Speaker => ({
      source: { ...base, resolved, anonymous },
      gender: gn,
      plural,
      sentence,
      head,
      medium,
    });
    // "le chef de l'État", "le locataire de l'Élysée": resolved like the office they stand for.
    const periphrasis = grammar.definiteDeterminers.has(first.lower) ? this.periphrasis(ref) : null;
    if (periphrasis) {
      const found = this.byRole(periphrasis, 'person', gender, sentence, base.start);
      return mk(found?.name ?? null, false, found?.gender ?? gender);
    }
    // "Ukrainian officials": a name premodifying the head is no speaker's name.
    // (headOf passes over such a name only when no other name follows.)
    const h = headOf(syntax, ref);
    const named =
      hasName(syntax, ref) &&
      !(h > ref.first && syntax.chunkOf[h]! < 0 && syntax.chunkOf[h - 1]! >= 0 && syntax.lex.g.namesPremodify) &&
      !this.capitalisedDescription(ref);
    // "cette Moscovite", "ce père de famille de 40 ans", "cette économiste": a demonstrative description points back
    // to the last person.
    if ((!kind || personDescription) && !plural && syntax.lex.demonstratives.has(first.lower) && !this.namesPerson(ref)) {
      const found = this.recentPerson(gender, sentence, false, true) ?? this.recentMention(gender, sentence, base.start);
      if (found) return mk(found.name, false, found.gender ?? gender);
    }
    if (named && (kind === 'group' || (indefinite && (kind === 'person' || kind === null)))) return mk(null, true);
    if (named) {
      // The person named in the phrase, else the phrase itself.
      let chunk = -1;
      for (let k = ref.first; k <= ref.last; k++) {
        const c = syntax.chunkOf[k]!;
        if (c >= 0 && (chunk < 0 || this.isPerson(c))) chunk = c;
      }
      // "Richard Ferrand (LREM)": a bracketed party or acronym after the name does not count.
      const last = syntax.words[ref.last]!.text === ')' && syntax.words[ref.last - 2]?.text === '(' ? ref.last - 3 : ref.last;
      const pureName = syntax.chunkOf[ref.first] === chunk && syntax.names[chunk]!.last === last;
      // "le porte-parole de Donald Trump", « la mère d'Arnaud Beltrame »: a person named in a complement is not the
      // speaker but whom the speaker is related to (source-keys.ts keys the relation).
      const before = syntax.words[syntax.names[chunk]!.first - 1];
      if (
        !pureName &&
        this.isPerson(chunk) &&
        before &&
        syntax.names[chunk]!.first > ref.first &&
        (syntax.lex.prepositions.has(before.lower) || syntax.lex.npLinks.has(before.lower))
      )
        return mk(null, false);
      if (pureName || kind !== 'person' || this.isPerson(chunk)) {
        const canon = this.canonical(chunk, base.start);
        // « La préfecture du Pas-de-Calais … écrit-elle »: when the phrase is the body's and the name only its complement,
        // the phrase's head gives the gender (the place name's "du" made it masculine, so "elle" skipped it).
        if (!pureName && kind !== 'person') return mk(base.text, false, gender ?? canon.gender);
        return mk(canon.name, false, canon.gender ?? gender);
      }
      // "le directeur des ressources humaines d'Airbus": a role in a named body; who holds it?
      const body = syntax.words[syntax.names[chunk]!.first]!.text;
      const holder = grammar.definiteDeterminers.has(first.lower) && head ? this.byRole(head, 'person', gender, sentence, base.start, body) : null;
      return mk(holder?.name ?? null, false, holder?.gender ?? gender);
    }
    // "ces mêmes sources", "ces sources", "ce document": the previous speaker (of that kind).
    const same = this.lex.sameAs.has(first.lower) || this.lex.sameAs.has(syntax.words[ref.first + 1]?.lower ?? '');
    if ((syntax.lex.demonstratives.has(first.lower) && (kind || same)) || (this.lex.sameAs.has(first.lower) && kind)) {
      const prev = this.previousOfKind(kind, sentence);
      if (prev) return mk(prev.source.resolved ?? prev.source.text, prev.source.anonymous);
    }
    if (kind === 'group' || indefinite) return mk(null, true);
    // A bare definite role ("le ministre", "l'organisation", "l'édile"): the latest speaker or person holding it.
    if (
      head &&
      kind &&
      ref.last - ref.first <= MAX_ROLE_WORDS &&
      (grammar.definiteDeterminers.has(first.lower) || syntax.lex.demonstratives.has(first.lower))
    ) {
      // An outlet noun ("le journal") is the latest named outlet speaking before any older holder of that noun.
      const found =
        (kind === 'media' ? this.recentOutlet(sentence) : null) ??
        this.byRole(head, kind, gender, sentence, base.start) ??
        (personDescription ? this.recentPerson(gender, sentence) : null);
      if (found) return mk(found.name, found.anonymous, found.gender ?? gender);
      // "A senior defense official said … \"…,\" the official said.": the description points back to an anonymous
      // speaker of that role, and stays anonymous.
      if (this.anonymousOfRole(head, sentence)) return mk(null, true);
    }
    // An unlisted title right after a named speaker ("…, a ajouté l'ayatollah"): that speaker.
    if (!kind && grammar.definiteDeterminers.has(first.lower) && ref.last - ref.first <= 1 && !plural) {
      const found = this.recentPerson(gender, sentence, true);
      if (found) return mk(found.name, found.anonymous, found.gender ?? gender);
    }
    // "explique la jeune femme âgée de 29 ans", "l'actrice de 83 ans a fait part …", "a raconté la journaliste sportive":
    // a definite singular description of a person, not an office, names the person just named (elegant variation).
    if (!plural && !named && grammar.definiteDeterminers.has(first.lower) && this.describesPerson(ref)) {
      const found = this.recentMention(gender, sentence, base.start, DESCRIPTION_REACH, true);
      if (found) return mk(found.name, false, found.gender ?? gender);
    }
    // A definite body, office or document ("le gouvernement", "le porte-parole de la police", "le rapport") is a specific one.
    return mk(null, !(kind && grammar.definiteDeterminers.has(first.lower)));
  }

  /**
   * "Comme le révèle Le Figaro, … D'après le quotidien, …": a bare outlet noun with no outlet described by it is the
   * latest named outlet speaking (the same article rarely quotes two outlets in a row without naming them).
   */
  private recentOutlet(sentence: number): { name: string; anonymous: boolean; gender: Gender } | null {
    const outlet = this.latestSpeaker(sentence, ROLE_REACH, (c) => !!c.medium && !c.source.anonymous && namedWithHead(c));
    return outlet && { name: outlet.source.resolved ?? outlet.source.text, anonymous: false, gender: outlet.gender };
  }

  /** The latest speaker within two sentences, of the same kind when known (any kind for groups: "ces sources"). */
  private previousOfKind(kind: RoleKind | null, sentence: number): Speaker | null {
    return this.latestSpeaker(sentence, 2, (candidate) => {
      const own = candidate.head ? (this.lex.roles.get(candidate.head)?.kind ?? null) : null;
      return !isBare(candidate) && (!kind || kind === 'group' || own === kind);
    });
  }

  /**
   * The latest speaker `accept` takes, looking back at most `reach` sentences from `sentence` and over at most
   * LOOKBACK speakers (one sentence of a hostile input may hold thousands: the bound keeps resolution linear).
   */
  private latestSpeaker(sentence: number, reach: number, accept: (candidate: Speaker) => boolean): Speaker | null {
    for (let k = this.speakers.length - 1, floor = Math.max(0, k - LOOKBACK); k >= floor; k--) {
      const candidate = this.speakers[k]!;
      if (sentence - candidate.sentence > reach) break;
      if (accept(candidate)) return candidate;
    }
    return null;
  }

  /** A body, an outlet or a document for sure: by its role noun, or a name the mentions call no person. */
  private isBodySpeaker(candidate: Speaker): boolean {
    if (candidate.medium) return true;
    // "a police spokesman", "le porte-parole du gouvernement": a person's role noun anywhere makes a person.
    const kinds = candidate.source.text
      .toLowerCase()
      .split(/[^\p{L}-]+/u)
      .map((w) => this.lex.roles.get(w)?.kind);
    if (kinds.some((k) => k === 'person' || k === 'group')) return false;
    if (kinds.some((k) => k !== undefined)) return true;
    return !this.isPersonSpeaker(candidate) && this.index().bodies.has(candidate.source.resolved ?? candidate.source.text);
  }

  private isPersonSpeaker(candidate: Speaker): boolean {
    if (candidate.head && this.lex.roles.get(candidate.head)?.kind === 'person') return true;
    const persons = this.index().persons;
    return persons.has(candidate.source.resolved ?? '\u0000') || persons.has(candidate.source.text);
  }

  /** The office noun a periphrasis covering the phrase after its article stands for, or null. */
  private periphrasis(ref: SourceRef): string | null {
    const words = this.syntax.words;
    const len = phraseAt(words, ref.first + 1, this.lex.rolePhrases);
    if (len === 0 || ref.first + len !== ref.last) return null;
    const key = words
      .slice(ref.first + 1, ref.last + 1)
      .map((w) => w.lower)
      .join(' ');
    return this.lex.rolePhraseOffice.get(key) ?? null;
  }

  /**
   * The latest person named within `reach` sentences (this or the previous one by default), of a known and equal
   * gender. With `unique`, only when no other person of that gender is named in between (else it is a guess).
   */
  private recentMention(gender: Gender, sentence: number, at: number, reach = 1, unique = false): { name: string; gender: Gender } | null {
    // An ungendered description ("l'écologiste") needs the one person named within reach, whatever their gender.
    if (!gender && !unique) return null;
    let found: Mention | null = null;
    for (let k = this.mentionBefore(at), floor = Math.max(0, k - LOOKBACK); k >= floor; k--) {
      const m = this.mentions[k]!;
      if (sentence - m.sentence > reach) break;
      // A name in the description's own sentence is another participant ("… au patron Paul Verdier, le syndicaliste").
      if (!m.person || (gender && m.gender !== gender) || (unique && m.sentence === sentence)) continue;
      if (!found) found = m;
      else if (m.name !== found.name) return unique ? null : { name: found.name, gender };
      if (!unique) break;
    }
    return found ? { name: found.name, gender: gender ?? found.gender } : null;
  }

  /**
   * Does the phrase describe a person without naming a function one holds: a person noun of roles.tsv that is no
   * office ("l'actrice", "la journaliste sportive") or a noun of person of claims.json ("la jeune femme", "la victime"),
   * after at most two adjectives?
   */
  private describesPerson(ref: SourceRef): boolean {
    const persons = claimsData(this.syntax.language).coreference?.persons ?? [];
    for (let k = ref.first + 1; k <= Math.min(ref.last, ref.first + 3); k++) {
      const w = this.syntax.words[k]!.lower;
      const role = this.lex.roles.get(w);
      if (role) return role.kind === 'person' && !role.office;
      if (persons.includes(w)) return true;
    }
    return false;
  }

  /**
   * "L'Insoumis a estimé …", "Le Républicain a jugé …": a lone capitalised word that is a person description of
   * roles.tsv (no office) is that description, not a name; it points back to the person named before.
   */
  private capitalisedDescription(ref: SourceRef): boolean {
    const { syntax } = this;
    let seen = false;
    for (let k = ref.first; k <= ref.last; k++) {
      const c = syntax.chunkOf[k]!;
      if (c < 0) continue;
      const chunk = syntax.names[c]!;
      const role = this.lex.roles.get(syntax.words[k]!.lower);
      if (chunk.first !== chunk.last || chunk.title >= 0 || role?.kind !== 'person' || role.office) return false;
      seen = true;
    }
    return seen;
  }

  private namesPerson(ref: SourceRef): boolean {
    for (let k = ref.first; k <= ref.last; k++) if (this.syntax.chunkOf[k]! >= 0 && this.isPerson(this.syntax.chunkOf[k]!)) return true;
    return false;
  }

  /** Is the latest speaker of this role noun, within reach, an anonymous one ("a senior official")? */
  private anonymousOfRole(head: string, sentence: number): boolean {
    const office = this.lex.roles.get(head)?.office ?? null;
    const holder = this.latestSpeaker(sentence, ROLE_REACH, (c) => c.head === head || this.holds(c.source.text, head, office));
    return holder?.source.anonymous ?? false;
  }

  private isPerson(chunk: number): boolean {
    return isPersonChunk(this.syntax, chunk);
  }

  /**
   * "…, a dénoncé le militant écologiste": a bare role right after a named speaker is that speaker.
   * With `sameGender`, the speaker's gender must be known and equal (a demonstrative is no proof of a person).
   */
  private recentPerson(gender: Gender, sentence: number, lastOnly = false, sameGender = false): { name: string; anonymous: boolean; gender: Gender } | null {
    for (let k = this.speakers.length - 1, floor = Math.max(0, k - LOOKBACK); k >= floor && (!lastOnly || k === this.speakers.length - 1); k--) {
      const candidate = this.speakers[k]!;
      if (sentence - candidate.sentence > (lastOnly ? 1 : 2)) break;
      const mismatch = sameGender ? gender !== null && candidate.gender !== gender : gender && candidate.gender && gender !== candidate.gender;
      if (candidate.source.anonymous || candidate.plural || mismatch || !this.isPersonSpeaker(candidate)) continue;
      return { name: candidate.source.resolved ?? candidate.source.text, anonymous: false, gender: candidate.gender };
    }
    return null;
  }

  private hasCoordination(ref: SourceRef): boolean {
    for (let k = ref.first; k <= ref.last; k++) if (this.syntax.lex.g.and.has(this.syntax.words[k]!.lower)) return true;
    return false;
  }

  /** Does `text` (a speaker phrase or its description) name role `head`, or the same office ("l'édile" = "maire")? */
  private holds(text: string, head: string, office: string | null): boolean {
    for (const w of text.toLowerCase().split(/[^\p{L}-]+/u)) {
      if (w === head || (office !== null && this.lex.roles.get(w)?.office === office)) return true;
    }
    return false;
  }

  /**
   * The most recent named speaker or mention holding role `head` (for bodies: whose name begins with it),
   * of a compatible gender; null rather than a guess. With `body` ("Airbus" in "le directeur … d'Airbus"),
   * the holder must have been described with that body.
   */
  private byRole(
    head: string,
    kind: RoleKind,
    gender: Gender,
    sentence: number,
    at: number,
    body?: string,
  ): { name: string; anonymous: boolean; gender: Gender } | null {
    const office = this.lex.roles.get(head)?.office ?? null;
    const fits = (grammar: Gender) => kind !== 'person' || !gender || !grammar || gender === grammar;
    const holder = this.latestSpeaker(sentence, ROLE_REACH, (candidate) => {
      if (candidate.source.anonymous || !fits(candidate.gender)) return false;
      // A person's role may sit in the description ("Gautam Sawang, chef de la police"); a body's name may not.
      const described = kind === 'person' && this.holds(candidate.source.description?.text ?? '', head, office);
      if (body && !`${candidate.source.text} ${candidate.source.description?.text ?? ''}`.includes(body)) return false;
      return candidate.head === head || this.holds(candidate.source.text, head, office) || described;
    });
    // A mention inside that speaker's own phrase ("l'[Organisation] des moudjahidine du peuple (OMPI)") is that
    // speaker, not a more recent antecedent: the mentions after it are those from its end on.
    const best = holder && { name: holder.source.resolved ?? holder.source.text, anonymous: false, gender: holder.gender, start: holder.source.end - 1 };
    // A person named with that role after the latest such speaker is the more recent antecedent.
    for (let k = this.mentionBefore(at), floor = Math.max(0, k - LOOKBACK); k >= floor && !body; k--) {
      const m = this.mentions[k]!;
      if (best && m.start <= best.start) break;
      if (!fits(m.gender)) continue;
      // "l'organisation" → "l'Organisation des moudjahidine du peuple": the body named with that very noun.
      const held = [...m.roles].some((r) => this.holds(r, head, office));
      if (held || (kind !== 'person' && m.words[0]!.toLowerCase() === head)) return { name: m.name, anonymous: false, gender: m.gender };
    }
    return best;
  }
}
