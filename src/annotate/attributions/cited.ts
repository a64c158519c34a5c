// Relays told in one sentence: "Capitol Dispatch reported on Monday, citing three unnamed officials, that …",
// « Le site avait affirmé lundi, en citant trois responsables anonymes, que … », « X affirmait, sur la foi de sources
// anonymes, que … ». The aside between the cue and its complement (attribution-grammar.json `citingAsides`) names whom
// the subject relies on: the one cited speaks, the subject relays them, as in "…, Reuters reported, citing officials."
import type { Syntax } from '../syntax/index.js';
import { phraseAt } from '../syntax/phrases.js';
import type { AttributionLexicon } from './lexicon.js';
import { speakerNpForward, splitRole, titledName, type SourceRef } from './subjects.js';

export interface CitedAside {
  /** The one cited: the speaker of the statement. */
  source: SourceRef;
  /** Last word of the aside (the cited phrase), before its closing comma. */
  last: number;
  /** The word after the closing comma. */
  next: number;
}

/** The aside opening on the comma at word `at`, closed by a comma in the same sentence, else null. */
export function citedAside(syntax: Syntax, lex: AttributionLexicon, at: number): CitedAside | null {
  const { words } = syntax;
  const comma = words[at];
  if (comma?.text !== ',') return null;
  const len = phraseAt(words, at + 1, lex.citingAsides);
  if (len === 0) return null;
  const first = at + 1 + len;
  const last = titledName(syntax, lex, speakerNpForward(syntax, first));
  if (last < first) return null;
  // "citing two people briefed on the talks,": the phrase's modifiers run to the closing comma.
  for (let k = last + 1; k <= last + MAX_MODIFIER && words[k]?.sentence === comma.sentence; k++) {
    const w = words[k]!;
    if (w.text === ',') {
      const source = splitRole(syntax, lex, { first, last: k - 1 });
      return { source, last: k - 1, next: k + 1 };
    }
    if (w.kind === 'punct' || syntax.lex.complementizers.has(w.lower)) return null;
  }
  return null;
}

/** Words of a modifier after the cited phrase before the aside's closing comma ("briefed on the talks"). */
const MAX_MODIFIER = 8;
