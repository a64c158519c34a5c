// "Interfax quoted a source in the command as saying that …", "State media
// quoted Tang as saying: …": the speaker is the object of the quoting verb,
// and the quoting subject is the intermediary that carries the statement.
// The words come from attribution-grammar.json (`quotingVerbs`, `quotedAsLinks`).
import type { Syntax } from '../syntax/index.js';
import type { Cue } from './cues.js';
import type { AttributionLexicon } from './lexicon.js';
import { isPureName, splitRole, subjectBefore, type SourceRef } from './subjects.js';
import type { WordRange } from './via.js';

/** Words looked back over, from the link to the quoting verb (the quoted speaker's phrase). */
const MAX_QUOTED_SPEAKER = 14;

export interface QuotedAs {
  source: SourceRef;
  via: WordRange | null;
}

/** The quoted speaker and the quoting intermediary of a participle cue after a quoted-as link, or null. */
export function quotedAs(syntax: Syntax, lex: AttributionLexicon, cue: Cue): QuotedAs | null {
  const link = cue.first - 1;
  if (link < 1 || !lex.quotedAsLinks.has(syntax.words[link]!.lower)) return null;
  const s = syntax.words[link]!.sentence;
  for (let k = link - 1; k >= 0 && k >= link - MAX_QUOTED_SPEAKER && syntax.words[k]!.sentence === s; k--) {
    const w = syntax.words[k]!;
    // Commas may set off an apposition in the object ("China's top negotiator, Tang Shubei, as telling").
    if (w.kind === 'punct' && !/^[,'-]$/.test(w.text)) return null;
    if (!syntax.forms[k]?.some((f) => lex.quotingVerbs.has(f.entry))) continue;
    if (k + 1 >= link) return null;
    const carrier = subjectBefore(syntax, lex, k);
    // "Tang was quoted by the People's Daily as saying": the subject speaks, the agent carries it.
    if (lex.passiveAgent.has(syntax.words[k + 1]!.lower)) return carrier && k + 2 < link ? { source: carrier, via: { first: k + 2, last: link - 1 } } : null;
    if (syntax.lex.prepositions.has(syntax.words[k + 1]!.lower)) return null;
    return { source: objectSpeaker(syntax, lex, k + 1, link - 1), via: carrier ? { first: carrier.first, last: carrier.last } : null };
  }
  return null;
}

/** The quoted speaker between the quoting verb and the link: a name set off by commas speaks, the rest describes it. */
function objectSpeaker(syntax: Syntax, lex: AttributionLexicon, first: number, last: number): SourceRef {
  while (last > first && syntax.words[last]!.text === ',') last--;
  let comma = -1;
  for (let k = last; k > first; k--) if (syntax.words[k]!.text === ',') comma = k;
  if (comma > first && comma < last && isPureName(syntax, { first: comma + 1, last }))
    return { first: comma + 1, last, pronoun: null, description: { first, last: comma - 1 } };
  return splitRole(syntax, lex, { first, last });
}
