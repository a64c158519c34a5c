// Line/block boilerplate rules (lang/*/boilerplate.tsv): a regex, a reason and
// the longest line the rule may judge. Rules of every language are applied
// (a French page can carry English furniture). Lines longer than a rule's
// `max` are never tested by it, which also bounds every regex's input.
// `.` crosses line breaks: a block's heading line decides for the block.
// A rule whose regex starts with a literal is only tested on lines whose folded
// text contains it (boilerplate-anchors.ts): same reasons, fewer regex calls.
import { anchors, foldText } from './boilerplate-anchors.js';
import { rowsOfEveryLanguage } from './every-language.js';
import { unicodeRegex } from './unicode-regex.js';

interface Rule {
  reason: string;
  /** the regex as written in the data file */
  source: string;
  max: number;
  re: RegExp;
  /** judged only among the last blocks of the text (author bios, "about us" notes) */
  tailOnly: boolean;
  /** a matching line's folded text contains one of these; undefined: always tested */
  anchors: string[] | undefined;
}

let rules: Rule[] | undefined;

function load(): Rule[] {
  if (!rules) {
    rules = [];
    for (const { code, rows } of rowsOfEveryLanguage('boilerplate.tsv')) {
      for (const [reason, max, re, zone] of rows) {
        if (!reason || !max || !re) throw new Error(`lang/${code}/boilerplate.tsv: a row needs reason, max and regex`);
        rules.push({ reason, source: re, max: Math.min(Number(max), 1000), re: unicodeRegex(re, 'is'), tailOnly: zone === 'tail', anchors: anchors(re) });
      }
    }
  }
  return rules;
}

/** Every line rule, in the order they are tried (for tests). */
export function boilerplateRules(): readonly Readonly<Rule>[] {
  return load();
}

/** How many blocks at the end of a text count as its tail. */
export const TAIL_BLOCKS = 3;

/** The reason a line or block is furniture, if a rule says so; `tail`: the block is among the last ones. */
export function boilerplateReason(line: string, tail = false): string | undefined {
  const t = line.trim();
  if (!t) return undefined;
  let folded: string | undefined;
  for (const r of load()) {
    if ((!tail && r.tailOnly) || t.length > r.max) continue;
    if (r.anchors) {
      const text = (folded ??= foldText(t));
      if (!r.anchors.some((a) => text.includes(a))) continue;
    }
    if (r.re.test(t)) return r.reason;
  }
  return undefined;
}
