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
 * one of them), or undefined when the rule must always be tested: the literals
 * it starts with, else the longest literals it requires further on. */
export function anchors(source: string): string[] | undefined {
  if (alternatives(source).length > 1) return undefined;
  return leadingAnchors(source) ?? requiredAnchors(source);
}

function leadingAnchors(source: string): string[] | undefined {
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

/** One element of a regex sequence: a literal character, a group (with its
 * alternatives' sources), an assertion that consumes nothing, or anything else
 * (a class, `.`, `\d`…); `min` is how many times its quantifier requires it. */
type Atom =
  | { kind: 'literal'; text: string; min: number; once: boolean }
  | { kind: 'group'; alts: string[]; min: number; once: boolean }
  | { kind: 'zero' }
  | { kind: 'other'; min: number; chars?: string[] };

/** Regex syntax characters: any other character outside a class stands for itself. */
const SYNTAX = '\\^$.|?*+()[]{}';

function atomsOf(source: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let atom: Atom;
    if (c === '^' || c === '$') {
      atoms.push({ kind: 'zero' });
      i++;
      continue;
    }
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e === 'b' || e === 'B') {
        atoms.push({ kind: 'zero' });
        i += 2;
        continue;
      }
      if (/[\p{L}\p{N}]/u.test(e)) {
        // \d \s \w \p{…} \u…: a class, not a literal
        i += e === 'p' || e === 'P' ? source.indexOf('}', i) - i + 1 : 2;
        atom = { kind: 'other', min: 1 };
      } else {
        atom = { kind: 'literal', text: e, min: 1, once: true };
        i += 2;
      }
    } else if (c === '[') {
      const close = classEnd(source, i);
      const body = source.slice(i + 1, close);
      i = close + 1;
      // A class of plain characters ("[|•·]"): the line holds one of them. Ranges, escapes and negations are not read.
      atom = /^[^\\\-^\]]+$/u.test(body) ? { kind: 'other', min: 1, chars: [...body] } : { kind: 'other', min: 1 };
    } else if (c === '(') {
      const end = groupEnd(source, i);
      if (end < 0) return [{ kind: 'other', min: 1 }];
      const body = source.slice(i + 1, end - 1);
      i = end;
      if (/^\?<?[=!]/.test(body)) {
        atoms.push({ kind: 'zero' });
        continue;
      }
      atom = { kind: 'group', alts: alternatives(body.startsWith('?:') ? body.slice(2) : body), min: 1, once: true };
    } else if (c === '.') {
      i++;
      atom = { kind: 'other', min: 1 };
    } else if (SYNTAX.includes(c)) {
      return [{ kind: 'other', min: 1 }]; // unexpected here: no anchors
    } else {
      atom = { kind: 'literal', text: c, min: 1, once: true };
      i += c.length;
    }
    // Its quantifier.
    const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(source.slice(i));
    if (q) {
      i += q[0].length;
      const min = q[0][0] === '+' ? 1 : q[0][0] === '{' ? Number(q[1]) : 0;
      if (atom.kind === 'other') atom.min = min;
      else {
        atom.min = min;
        atom.once = false;
      }
    }
    atoms.push(atom);
  }
  return atoms;
}

/** The literal characters a sequence starts with (before its first other or optional element). */
function leadingText(source: string): string {
  let text = '';
  for (const a of atomsOf(source)) {
    if (a.kind === 'zero') continue;
    if (a.kind !== 'literal' || a.min === 0) break;
    text += a.text;
    if (!a.once) break;
  }
  return text;
}

/**
 * Literals that every match contains, found anywhere in the rule's top-level
 * sequence: a run of required literal characters, optionally ended by a
 * required group of literal alternatives ("… (is|was) …" gives " is", " was").
 * Of every such set, the one whose shortest literal is longest; undefined when
 * the sequence requires no literal.
 */
function requiredAnchors(source: string): string[] | undefined {
  let best: string[] | undefined;
  const consider = (set: string[]) => {
    if (set.length === 0 || set.some((k) => k === '')) return;
    const worst = (x: string[]) => Math.min(...x.map((k) => k.length));
    if (!best || worst(set) > worst(best)) best = set;
  };
  let run = '';
  const end = () => {
    if (run) consider([run]);
    run = '';
  };
  for (const a of atomsOf(source)) {
    if (a.kind === 'zero') continue; // consumes nothing: the characters around it stay adjacent
    if (a.kind === 'literal' && a.min > 0) {
      run += a.text;
      if (!a.once) end();
      continue;
    }
    if (a.kind === 'group' && a.min > 0) {
      // Each alternative's leading literal (after the run, adjacent), else the literals it requires further on.
      const sets = a.alts.map((alt) => {
        const lead = leadingText(alt);
        return lead ? [run + lead] : requiredAnchors(alt);
      });
      if (sets.every((x) => x !== undefined)) consider(sets.flat() as string[]);
    }
    if (a.kind === 'other' && a.min > 0 && a.chars) consider(a.chars);
    end();
  }
  end();
  return best ? [...new Set(best.map(foldText))] : undefined;
}
