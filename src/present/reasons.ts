// Why a claim group's verdict is what it is, and why its claims were matched, as messages (an id and its
// parameters) rather than sentences: the server sends them, and each interface renders them in its own
// language. The English rendering is also the `reasons` / `explanation` strings of the CLI reports and the
// API (unchanged wording). Parameters carry data only (names, texts, numbers, rule and weekday numbers).
import type { UiLang } from './html-i18n.js';

/** An upstream source as named in a reason: its names (one source may merge several), each anonymous one with the outlet it appears in. */
export interface ReasonSource {
  names: { name: string; in?: string }[];
  documents?: number;
}

/** How one mention leads to its upstream source. */
export interface MentionReason {
  id: 'mention';
  text: string;
  kind: 'speaker' | 'relay' | 'anonymous' | 'agency' | 'outlet';
  /** The speaker as written (null: an unnamed source relayed by a named intermediary). */
  speaker: string | null;
  /** Intermediaries from the outlet towards the speaker. */
  via: string[];
  /** The relay (kind relay), the declared wire (kind agency), or the source its article gives an outlet's voice (kind outlet). */
  relay?: string;
  where: string;
  published: string | null;
  source: ReasonSource;
  /** Speakers coordinated with the source (« selon Mediapart et Le Monde »): other upstream sources of the mention. */
  coSources?: ReasonSource[];
}

/**
 * A mention elsewhere that states the opposite of the group's claim (« Le maire de Brest dément avoir reçu 50 000
 * euros » against « … aurait reçu 50 000 euros »): it contradicts the claim, it never confirms it.
 */
export interface ContradictionReason {
  id: 'contradicted';
  text: string;
  /** Who states the opposite (null: the outlet's own voice). */
  speaker: string | null;
  where: string;
  published: string | null;
  /** The speaker is the subject of the group's claim: the person or body concerned denies it. */
  bySubject: boolean;
}

export type VerdictReason =
  | { id: 'single-source'; source: ReasonSource }
  | { id: 'single-document'; sources: ReasonSource[] }
  | { id: 'single-outlet'; voice: ReasonSource; relaying: ReasonSource | null }
  | {
      id: 'independent';
      sources: ReasonSource[];
      publishers: number;
      /** The sources confirm each other only inside one publisher, which quotes each directly and only relays them. */
      oneRelay?: boolean;
      /** The sources confirm each other only inside one publisher, which names them together as the source of one mention (« selon Mediapart et Le Monde »). */
      together?: boolean;
    }
  | {
      id: 'undetermined';
      /** All mentions from one outlet or wire (with several speakers or an anonymous one). */
      oneOutlet: boolean;
      /** Named upstream sources confirmed by another in another publisher (fewer than two). */
      confirmed: number;
      uncorroborated: ReasonSource[];
      indistinct: ReasonSource[];
    };

/** The grouping rules (docs/claims.md), as a group's explanation names them. */
export const MATCH_RULES = [
  'wording',
  'predicate and entities',
  'predicate and figure',
  'predicate and wording',
  'predicate and contained entities',
  'predicate and subject',
  'pair model',
] as const;
export type MatchRule = (typeof MATCH_RULES)[number];

/** Which parts of two claims matched: the rule that joined them first and what they share. */
export interface MatchReason {
  id: 'match';
  a: string;
  b: string;
  rule: MatchRule | null;
  verbs: string[];
  /** Shared weight of rare words, Jaccard and containment of the wording. */
  shared: number;
  jaccard: number;
  containment: number;
  figures: string[];
  subject: string[];
  entities: string[];
  /** ISO weekday (1 = Monday) both claims name, if any. */
  weekday?: number;
}

export type GroupReason = VerdictReason | MentionReason | ContradictionReason;

interface Words {
  colon: string;
  listSep: string;
  sameSep: string;
  anonymousIn: (name: string, where: string) => string;
  docs: (n: number) => string;
  unnamed: string;
  relayedBy: (who: string, relay: string, where: string) => string;
  said: (who: string, via: string, where: string) => string;
  anonymous: (who: string, via: string, where: string) => string;
  agency: (where: string, origin: string) => string;
  outlet: (where: string) => string;
  outletSourced: (where: string, source: string) => string;
  via: (chain: string) => string;
  singleSource: (s: string) => string;
  singleDocument: (list: string) => string;
  singleOutlet: (voice: string, relaying: string | null) => string;
  /** `how`: across publishers, inside one publisher quoting each directly (oneRelay), or named together as one mention's source (together). */
  independent: (n: number, list: string, publishers: number, how: 'across' | 'oneRelay' | 'together') => string;
  undetermined: (why: string) => string;
  whyOneOutlet: string;
  whyConfirmed: (n: number) => string;
  whyUncorroborated: (list: string) => string;
  whyIndistinct: (n: number, list: string) => string;
  /** A mention stating the opposite: by the claim's subject, by someone else, or in the outlet's voice (`who` empty). */
  contradicted: (text: string, who: string, where: string, bySubject: boolean) => string;
  rules: Record<MatchRule, string>;
  wording: (shared: string, jaccard: string, containment: string) => string;
  predicate: string;
  figures: string;
  subject: string;
  entities: string;
  sameDay: (day: string) => string;
  weekdays: string[];
}

const en: Words = {
  colon: ': ',
  listSep: '; ',
  sameSep: ' = ',
  anonymousIn: (name, where) => `${name} (anonymous, in ${where})`,
  docs: (n) => `${n} document(s)`,
  unnamed: 'unnamed source',
  relayedBy: (who, relay, where) => `${who} relayed by ${relay} in ${where}`,
  said: (who, via, where) => `${who}${via} in ${where}`,
  anonymous: (who, via, where) => `${who} (anonymous)${via} in ${where}`,
  agency: (where, origin) => `own voice of ${where}, taken from ${origin}`,
  outlet: (where) => `own voice of ${where}, no source given`,
  outletSourced: (where, source) => `own voice of ${where}, which its article sources to ${source}`,
  via: (chain) => ` via ${chain}`,
  singleSource: (s) => `single upstream: every mention traces back to ${s}`,
  singleDocument: (list) => `single upstream: all mentions come from one document and its copies (${list})`,
  singleOutlet: (voice, relaying) =>
    `single upstream: all mentions come from one outlet or wire and its republications (${voice})${relaying ? `, relaying ${relaying}` : ''}`,
  independent: (n, list, publishers, how) =>
    how === 'across'
      ? `independent: ${n} distinct named upstream sources whose own mentions agree across publishers (${list}) in ${publishers} publishers`
      : how === 'oneRelay'
        ? `independent: ${n} distinct named upstream sources, each quoted directly by one publisher that only relays them, whose own mentions agree (${list})`
        : `independent: ${n} distinct named upstream sources, named together as the source of one mention by a publisher that only relays them (${list})`,
  undetermined: (why) => `undetermined: ${why}`,
  whyOneOutlet: 'all mentions come from one outlet (or wire) and its republications, with more than one speaker or an anonymous one',
  whyConfirmed: (n) => `${n} named upstream source(s) confirmed by another in another publisher`,
  whyUncorroborated: (list) => `named but not confirmed by another named source's own mention in another publisher: ${list}`,
  whyIndistinct: (n, list) => `${n} upstream(s) that cannot be told apart: ${list}`,
  contradicted: (text, who, where, bySubject) =>
    `contradicted: «${text}» — ${bySubject ? `denied by the subject, ${who},` : who ? `${who} states the opposite` : 'the opposite stated'} in ${where}`,
  rules: {
    wording: 'wording',
    'predicate and entities': 'predicate and entities',
    'predicate and figure': 'predicate and figure',
    'predicate and wording': 'predicate and wording',
    'predicate and contained entities': 'predicate and contained entities',
    'predicate and subject': 'predicate and subject',
    'pair model': 'pair model (models/claim-pairs.md)',
  },
  wording: (s, j, c) => `wording (shared weight ${s} rare words, jaccard ${j}, containment ${c})`,
  predicate: 'predicate',
  figures: 'figures',
  subject: 'subject',
  entities: 'entities',
  sameDay: (day) => `the same day (${day})`,
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const fr: Words = {
  colon: '\u202f: ',
  listSep: ' ; ',
  sameSep: ' = ',
  anonymousIn: (name, where) => `${name} (anonyme, dans ${where})`,
  docs: (n) => `${n} document${n > 1 ? 's' : ''}`,
  unnamed: 'source non nommée',
  relayedBy: (who, relay, where) => `${who} relayé par ${relay} dans ${where}`,
  said: (who, via, where) => `${who}${via} dans ${where}`,
  anonymous: (who, via, where) => `${who} (anonyme)${via} dans ${where}`,
  agency: (where, origin) => `voix propre de ${where}, reprise de ${origin}`,
  outlet: (where) => `voix propre de ${where}, sans source citée`,
  outletSourced: (where, source) => `voix propre de ${where}, que son article attribue à ${source}`,
  via: (chain) => ` via ${chain}`,
  singleSource: (s) => `une seule origine\u202f: toutes les mentions remontent à ${s}`,
  singleDocument: (list) => `une seule origine\u202f: toutes les mentions viennent d’un seul document et de ses copies (${list})`,
  singleOutlet: (voice, relaying) =>
    `une seule origine\u202f: toutes les mentions viennent d’un seul média ou d’une seule agence et de ses reprises (${voice})${relaying ? `, qui relaie ${relaying}` : ''}`,
  independent: (n, list, publishers, how) =>
    how === 'across'
      ? `indépendantes\u202f: ${n} sources en amont distinctes et nommées dont les propres mentions concordent d’un éditeur à l’autre (${list}), chez ${publishers} éditeurs`
      : how === 'oneRelay'
        ? `indépendantes\u202f: ${n} sources en amont distinctes et nommées, chacune citée directement par un même éditeur qui ne fait que les relayer, dont les propres mentions concordent (${list})`
        : `indépendantes\u202f: ${n} sources en amont distinctes et nommées, citées ensemble comme source d’une même mention par un éditeur qui ne fait que les relayer (${list})`,
  undetermined: (why) => `indéterminé\u202f: ${why}`,
  whyOneOutlet: 'toutes les mentions viennent d’un seul média (ou d’une agence) et de ses reprises, avec plus d’un locuteur ou un locuteur anonyme',
  whyConfirmed: (n) => `${n} source(s) en amont nommée(s) confirmée(s) par une autre chez un autre éditeur`,
  whyUncorroborated: (list) => `nommées mais non confirmées par la propre mention d’une autre source nommée chez un autre éditeur\u202f: ${list}`,
  whyIndistinct: (n, list) => `${n} origine(s) impossible(s) à distinguer\u202f: ${list}`,
  contradicted: (text, who, where, bySubject) =>
    `contredit\u202f: «${text}» — ${bySubject ? `démenti par l’intéressé, ${who},` : who ? `${who} affirme le contraire` : 'le contraire affirmé'} dans ${where}`,
  rules: {
    wording: 'formulation',
    'predicate and entities': 'prédicat et entités',
    'predicate and figure': 'prédicat et chiffre',
    'predicate and wording': 'prédicat et formulation',
    'predicate and contained entities': 'prédicat et entités incluses',
    'predicate and subject': 'prédicat et sujet',
    'pair model': 'modèle de paires (models/claim-pairs.md)',
  },
  wording: (s, j, c) => `formulation (poids commun ${s} en mots rares, Jaccard ${j}, inclusion ${c})`,
  predicate: 'prédicat',
  figures: 'chiffres',
  subject: 'sujet',
  entities: 'entités',
  sameDay: (day) => `le même jour (${day})`,
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
};

const WORDS: Record<UiLang, Words> = { fr, en };

/** A number as the reasons write it (two decimals; French with a decimal comma). */
function decimal(x: number, lang: UiLang): string {
  const s = x.toFixed(2);
  return lang === 'fr' ? s.replace('.', ',') : s;
}

function sourceText(s: ReasonSource, w: Words): string {
  const names = s.names.map((n) => (n.in === undefined ? n.name : w.anonymousIn(n.name, n.in)));
  return [...new Set(names)].join(w.sameSep);
}

/** An upstream source's label in `lang` (its names joined by " = "). */
export function sourceLabel(s: ReasonSource, lang: UiLang): string {
  return sourceText(s, WORDS[lang]);
}

const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);

/** One reason of a group's verdict (the verdict, or how one mention leads to its source), in `lang`. */
export function renderGroupReason(r: GroupReason, lang: UiLang): string {
  const w = WORDS[lang];
  const list = (sources: ReasonSource[]) => sources.map((s) => sourceText(s, w)).join(w.listSep);
  switch (r.id) {
    case 'mention': {
      const where = `${r.where}${r.published ? `, ${r.published}` : ''}`;
      const via = r.via.length ? w.via([...r.via].reverse().join(' ← ')) : '';
      const chain =
        r.kind === 'speaker'
          ? w.said(r.speaker ?? '', via, where)
          : r.kind === 'relay'
            ? w.relayedBy(r.speaker ?? w.unnamed, r.relay ?? '', where)
            : r.kind === 'anonymous'
              ? w.anonymous(r.speaker ?? '', via, where)
              : r.kind === 'agency'
                ? w.agency(where, r.relay ?? '')
                : r.relay
                  ? w.outletSourced(where, r.relay)
                  : w.outlet(where);
      return `«${clip(r.text)}» — ${chain} → ${list([r.source, ...(r.coSources ?? [])])}`;
    }
    case 'contradicted':
      return w.contradicted(clip(r.text), r.speaker ?? '', `${r.where}${r.published ? `, ${r.published}` : ''}`, r.bySubject);
    case 'single-source':
      return w.singleSource(sourceText(r.source, w));
    case 'single-document':
      return w.singleDocument(list(r.sources));
    case 'single-outlet':
      return w.singleOutlet(sourceText(r.voice, w), r.relaying ? sourceText(r.relaying, w) : null);
    case 'independent':
      return w.independent(
        r.sources.length,
        r.sources.map((s) => `${sourceText(s, w)}${w.colon}${w.docs(s.documents ?? 0)}`).join(w.listSep),
        r.publishers,
        r.together === true ? 'together' : r.oneRelay === true ? 'oneRelay' : 'across',
      );
    case 'undetermined': {
      const why: string[] = [];
      if (r.oneOutlet) why.push(w.whyOneOutlet);
      why.push(w.whyConfirmed(r.confirmed));
      if (r.uncorroborated.length) why.push(w.whyUncorroborated(list(r.uncorroborated)));
      if (r.indistinct.length) why.push(w.whyIndistinct(r.indistinct.length, list(r.indistinct)));
      return w.undetermined(why.join(w.listSep));
    }
  }
}

/** Which parts of two matched claims agreed, in `lang`: the rule, then the parts. */
export function renderMatchParts(m: MatchReason, lang: UiLang): string {
  const w = WORDS[lang];
  const parts = [w.wording(decimal(m.shared, lang), decimal(m.jaccard, lang), decimal(m.containment, lang))];
  if (m.verbs.length) parts.unshift(`${w.predicate} ${m.verbs.join(', ')}`);
  if (m.figures.length) parts.push(`${w.figures} ${m.figures.join(', ')}`);
  if (m.subject.length) parts.push(`${w.subject} ${m.subject.join(', ')}`);
  if (m.entities.length) parts.push(`${w.entities} ${m.entities.join(', ')}`);
  if (m.weekday) parts.push(w.sameDay(w.weekdays[m.weekday - 1] ?? String(m.weekday)));
  return `${m.rule ? `${w.rules[m.rule]}${w.colon}` : ''}${parts.join(w.listSep)}`;
}

/** A match of a group's explanation in `lang`: «a» = «b»: rule: parts. */
export function renderMatchReason(m: MatchReason, lang: UiLang): string {
  return `«${m.a}» = «${m.b}»${WORDS[lang].colon}${renderMatchParts(m, lang)}`;
}
