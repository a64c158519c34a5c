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
import { personNameKey } from './claim-keys.js';

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
  documents: Set<string>;
}

export class QuotationIndex {
  private constructor(
    /** Quotation hash → the people credited with it (only quotations credited to two people or more are kept). */
    private readonly credits: Map<string, Credit[]>,
    /** `documentId#attribution` → its quotation's hash, for the attributions of those quotations. */
    private readonly quoteOf: Map<string, string>,
    private readonly canon: KeyCanon,
  ) {}

  /** One pass over the corpus's attributions (direct quotations credited to a person). Linear in the attributions. */
  static async build(attributions: AsyncIterable<AttributionRow> | Iterable<AttributionRow>): Promise<QuotationIndex> {
    const raw = new Map<string, { speaker: string; key: string; document: string }[]>();
    const quoteOf = new Map<string, string>();
    const keys = new Set<string>();
    for await (const a of attributions) {
      if (a.kind !== 'direct' || !a.sourceKey?.startsWith('per:')) continue;
      const words = quotationWords(a.content);
      if (!words) continue;
      const h = hashOf(words);
      const speaker = a.sourceResolved ?? a.source ?? a.sourceKey;
      const list = raw.get(h);
      if (list) list.push({ speaker, key: a.sourceKey, document: a.documentId });
      else raw.set(h, [{ speaker, key: a.sourceKey, document: a.documentId }]);
      quoteOf.set(`${a.documentId}#${a.index}`, h);
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
    for (const [h, list] of raw) {
      const byKey = new Map<string, Credit>();
      for (const x of list) {
        const k = canon(x.key);
        const c = byKey.get(k);
        if (c) c.documents.add(x.document);
        else byKey.set(k, { speaker: x.speaker, key: unify(x.key), documents: new Set([x.document]) });
      }
      if (byKey.size >= 2) credits.set(h, [...byKey.values()]);
    }
    for (const [at, h] of quoteOf) if (!credits.has(h)) quoteOf.delete(at);
    return new QuotationIndex(credits, quoteOf, canon);
  }

  /**
   * The other people credited with the quotation of attribution `attribution` of document `documentId`, when its
   * speaker is `speakerKey`; empty when none (or when the attribution quotes nobody named).
   */
  othersThan(documentId: string, attribution: number | null, speakerKey: string | null): QuoteCredit[] {
    if (attribution === null || !speakerKey) return [];
    const h = this.quoteOf.get(`${documentId}#${attribution}`);
    if (!h) return [];
    const own = this.canon(speakerKey);
    return this.credits
      .get(h)!
      .filter((c) => this.canon(c.key) !== own)
      .map((c) => ({ speaker: c.speaker, speakerKey: c.key, documents: [...c.documents].sort() }));
  }
}

/** What `markConflicts` reads and writes of a group's claims. */
interface MarkedClaim {
  documentId: string;
  attribution?: number | null;
  speakerKey: string | null;
  conflictingSpeakers?: QuoteCredit[];
}

/** Gives each claim quoting words the corpus also credits to other people those people (`conflictingSpeakers`; mutates). */
export function markConflicts(claims: Iterable<MarkedClaim>, index: QuotationIndex): void {
  for (const c of claims) {
    const others = index.othersThan(c.documentId, c.attribution ?? null, c.speakerKey);
    if (others.length > 0) c.conflictingSpeakers = others;
  }
}
