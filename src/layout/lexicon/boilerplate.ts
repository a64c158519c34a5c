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
  /** each anchor's first two characters as a bit of `lineBigrams`, -1 for a one-character anchor */
  anchorBits: number[] | undefined;
}

/**
 * A line's folded text can only contain an anchor if it contains the anchor's
 * first two characters: the line's character pairs are set as bits of a small
 * table once, and an anchor whose pair bit is clear is not searched for (most
 * lines hold none of a rule's anchors, and each search scans the whole line).
 * Collisions only cost a search; a clear bit is proof of absence.
 */
const BIGRAM_BITS = 4096;
const bigramBit = (a: number, b: number): number => (a * 31 + b) & (BIGRAM_BITS - 1);
const lineBigrams = new Int32Array(BIGRAM_BITS / 32);

function setBigrams(text: string): void {
  lineBigrams.fill(0);
  let a = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const b = text.charCodeAt(i);
    const bit = bigramBit(a, b);
    lineBigrams[bit >>> 5]! |= 1 << (bit & 31);
    a = b;
  }
}

/** Whether `text` (whose bigrams are set) contains one of the anchors. */
function hasAnchor(text: string, keys: string[], bits: number[]): boolean {
  for (let k = 0; k < keys.length; k++) {
    const bit = bits[k]!;
    if ((bit < 0 || (lineBigrams[bit >>> 5]! & (1 << (bit & 31))) !== 0) && text.includes(keys[k]!)) return true;
  }
  return false;
}

function anchorsOf(source: string): Pick<Rule, 'anchors' | 'anchorBits'> {
  const keys = anchors(source);
  return { anchors: keys, anchorBits: keys?.map((k) => (k.length < 2 ? -1 : bigramBit(k.charCodeAt(0), k.charCodeAt(1)))) };
}

let rules: Rule[] | undefined;

function load(): Rule[] {
  if (!rules) {
    rules = [];
    for (const { code, rows } of rowsOfEveryLanguage('boilerplate.tsv')) {
      for (const [reason, max, re, zone] of rows) {
        if (!reason || !max || !re) throw new Error(`lang/${code}/boilerplate.tsv: a row needs reason, max and regex`);
        rules.push({ reason, source: re, max: Math.min(Number(max), 1000), re: unicodeRegex(re, 'is'), tailOnly: zone === 'tail', ...anchorsOf(re) });
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
      if (folded === undefined) {
        folded = foldText(t);
        setBigrams(folded);
      }
      if (!hasAnchor(folded, r.anchors, r.anchorBits!)) continue;
    }
    if (r.re.test(t)) return r.reason;
  }
  return undefined;
}
