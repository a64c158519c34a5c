// One quotation credited to different people (misattribution hunting): « "…", a déclaré X » in one article and the
// same words given to Y in another. Whichever is right, a fact-checker wants the conflict shown, whether or not claim
// grouping put the two mentions together.
//
// Quotations are compared by their normalised words (accents, case and punctuation folded), across the whole corpus,
// in one pass over the attributions: a hash per direct quotation of at least MIN_QUOTE_WORDS words, and the people
// credited with it. Only people count (`per:` keys, unified as `corpus sources` unifies them: a surname alone is the
// full name): a body and its spokesman, an anonymous source or an unresolved pronoun are no conflict.
import { createHash } from 'node:crypto';
import { fold } from '../text/fold.js';
import type { AttributionRow } from './store.js';
import { keyCanon, type KeyCanon } from './source-keys.js';
import { isFullNameKey, personNameKey } from './claim-keys.js';

/** Fewest words of a quotation for its words alone to say it is the same quotation (« C'est faux » is said by many). */
export const MIN_QUOTE_WORDS = 6;

/** Someone else credited with a quotation: who, and in which documents. */
export interface QuoteCredit {
  speaker: string;
  speakerKey: string;
  documents: string[];
}

/** The normalised words of a quotation, or null when it has fewer than MIN_QUOTE_WORDS. */
export function quotationWords(text: string): string | null {
  const words =
    fold(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= MIN_QUOTE_WORDS ? words.join(' ') : null;
}

const hashOf = (words: string) => createHash('sha1').update(words).digest('base64');

interface Credit {
  speaker: string;
  key: string;
  /** Its keys as `canon` gives them (two spellings of one name are one person). */
  keys: Set<string>;
  documents: Set<string>;
}

/** Fewest letters of a surname for one other letter in it to be a misspelling (« Shaninyan » / « Shahinyan »). */
const MIN_SPELT_SURNAME = 5;

/** Whether two words differ by at most one letter changed, added or dropped. Linear. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Whether two person keys are one name spelt twice: the same words but for one letter of the surname, or one key the
 * other with words before it that the span swallowed (`per:paris-francois-molins`, from « procureur de Paris François
 * Molins », and `per:francois-molins`).
 */
function sameNameSpelt(x: string, y: string): boolean {
  if (x.endsWith(`-${y.slice(4)}`) || y.endsWith(`-${x.slice(4)}`)) return true;
  const a = x.slice(4).split('-');
  const b = y.slice(4).split('-');
  if (a.length !== b.length) return false;
  const last = a.length - 1;
  return a.slice(0, last).join('-') === b.slice(0, last).join('-') && a[last]!.length >= MIN_SPELT_SURNAME && oneEditApart(a[last]!, b[last]!);
}

/** The credits of one quotation with one name spelt twice (a typo in one article) taken as one person. Quadratic in the few people credited with one quotation. */
function oneSpelling(credits: Credit[]): Credit[] {
  const out: Credit[] = [];
  for (const c of credits) {
    const same = out.find((o) => sameNameSpelt(o.key, c.key));
    if (!same) out.push(c);
    else {
      for (const d of c.documents) same.documents.add(d);
      for (const k of c.keys) same.keys.add(k);
    }
  }
  return out;
}

export class QuotationIndex {
  private constructor(
    /** Quotation hash → the people credited with it (only quotations credited to two people or more are kept). */
    private readonly credits: Map<string, Credit[]>,
    /** `documentId#attribution` → its quotation's hash and its speaker's key as `canon` gives it, for those quotations. */
    private readonly quoteOf: Map<string, { hash: string; key: string }>,
  ) {}

  /** One pass over the corpus's attributions (direct quotations credited to a person). Linear in the attributions. */
  static async build(attributions: AsyncIterable<AttributionRow> | Iterable<AttributionRow>): Promise<QuotationIndex> {
    const raw = new Map<string, { speaker: string; key: string; document: string }[]>();
    const quoteOf = new Map<string, { hash: string; key: string }>();
    const keys = new Set<string>();
    for await (const a of attributions) {
      // A full name only (a given name, then a surname): « le ministre », « le Premier ministre » keyed as a person
      // (`per:premier`) or a lone surname is not enough to say the words were given to someone else.
      if (a.kind !== 'direct' || !a.sourceKey || !isFullNameKey(a.sourceKey)) continue;
      const words = quotationWords(a.content);
      if (!words) continue;
      const hash = hashOf(words);
      const credit = { speaker: a.sourceResolved ?? a.source ?? a.sourceKey, key: a.sourceKey, document: a.documentId };
      const list = raw.get(hash);
      if (list) list.push(credit);
      else raw.set(hash, [credit]);
      quoteOf.set(`${a.documentId}#${a.index}`, { hash, key: a.sourceKey });
      keys.add(a.sourceKey);
    }
    // People under one key as the corpus reports unify them (a surname alone, title words, the same given name with a
    // surname spelt another way: `personNameKey`).
    const unify = keyCanon(keys);
    const canon: KeyCanon = (k) => {
      const c = unify(k);
      return personNameKey(c) ?? c;
    };
    const credits = new Map<string, Credit[]>();
    for (const [hash, list] of raw) {
      const byKey = new Map<string, Credit>();
      for (const x of list) {
        const k = canon(x.key);
        const c = byKey.get(k);
        if (c) c.documents.add(x.document);
        else byKey.set(k, { speaker: x.speaker, key: unify(x.key), keys: new Set([k]), documents: new Set([x.document]) });
      }
      const people = oneSpelling([...byKey.values()]);
      if (people.length >= 2) credits.set(hash, people);
    }
    for (const [at, q] of quoteOf) {
      if (credits.has(q.hash)) q.key = canon(q.key);
      else quoteOf.delete(at);
    }
    return new QuotationIndex(credits, quoteOf);
  }

  /**
   * The other people credited with the quotation of attribution `attribution` of document `documentId` than its own
   * speaker; empty when none (or when the attribution quotes nobody the index holds).
   */
  othersThan(documentId: string, attribution: number | null): QuoteCredit[] {
    const q = attribution === null ? undefined : this.quoteOf.get(`${documentId}#${attribution}`);
    if (!q) return [];
    return this.credits
      .get(q.hash)!
      .filter((c) => !c.keys.has(q.key))
      .map((c) => ({ speaker: c.speaker, speakerKey: c.key, documents: [...c.documents].sort() }));
  }
}

/** What `markConflicts` reads and writes of a group's claims. */
interface MarkedClaim {
  documentId: string;
  attribution?: number | null;
  conflictingSpeakers?: QuoteCredit[];
}

/** Gives each claim quoting words the corpus also credits to other people those people (`conflictingSpeakers`; mutates). */
export function markConflicts(claims: Iterable<MarkedClaim>, index: QuotationIndex): void {
  for (const c of claims) {
    const others = index.othersThan(c.documentId, c.attribution ?? null);
    if (others.length > 0) c.conflictingSpeakers = others;
  }
}
