// A cheap first test for the line boilerplate rules (issue 17): most rules
// begin (after `^` or `\b`) with literal words or a group of literal
// alternatives ("^(lire aussi|voir aussi)…"), so a line can only match such a
// rule if its folded text contains one of those literals: a substring search,
// much cheaper than the Unicode-boundary regex. The literals (the rule's
// anchors) are derived from the regex source, so the data files need no extra
// column; a rule whose start is not a plain literal (`\d`, `[…]`, a
// lookahead, an optional group, a top-level `|`) gets none and is always
// tested. A combined regex was measured slower (docs/speed.md); this filter
// only skips regex calls, in the rules' order, so reasons are unchanged.

/** Characters a regex source writes as themselves (letters, digits, space, hyphen, apostrophes). */
const LITERAL_CHAR = /^[\p{L}\p{N}_ '’-]$/u;

/** Case folding as the `iu` regex flags see letters of anchors: lower case, and
 * the long s (which `iu` matches to s) written as s. A line is folded once. */
export function foldText(s: string): string {
  return s.toLowerCase().replace(/ſ/g, 's');
}

/** Index just past the group opened at `open` (skips escapes and classes), or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** `source` cut at its `|` outside groups and classes. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** The literal text that starts `alt` (folded; a character made optional by a
 * quantifier ends it), or undefined when it starts otherwise. */
function leadLiteral(alt: string): string | undefined {
  let run = '';
  for (const c of alt) {
    if (!LITERAL_CHAR.test(c)) break;
    const next = alt[run.length + c.length];
    if (next === '?' || next === '*' || next === '{') break;
    run += c;
  }
  return run ? foldText(run) : undefined;
}

/** The anchors of a rule's regex source (a matching line's folded text contains
 * one of them), or undefined when the rule must always be tested. */
export function anchors(source: string): string[] | undefined {
  if (alternatives(source).length > 1) return undefined;
  let at: number;
  if (source.startsWith('^')) at = 1;
  else if (source.startsWith('\\b')) at = 2;
  else return undefined;
  if (source[at] !== '(') {
    const key = leadLiteral(source.slice(at));
    return key ? [key] : undefined;
  }
  if (!source.startsWith('(?:', at) && source[at + 1] === '?') return undefined;
  const end = groupEnd(source, at);
  if (end < 0) return undefined;
  const after = source[end];
  if (after === '?' || after === '*' || source.startsWith('{0', end)) return undefined;
  const inner = source.slice(source.startsWith('(?:', at) ? at + 3 : at + 1, end - 1);
  const keys = new Set<string>();
  for (const alt of alternatives(inner)) {
    const key = leadLiteral(alt);
    if (!key) return undefined;
    keys.add(key);
  }
  return [...keys];
}
