// Regexes from data files, made Unicode-aware: JavaScript's \b only knows ASCII
// word characters even with the u flag ("responsabilité\b" never matches), so
// \b is rewritten as a boundary between letters/digits and the rest.
//
// The full boundary tests a word class four times, and V8 builds each `\p{L}`
// class in every thread that compiles the regex (about 1 ms each, then again
// when it compiles the regex to native code): most of what these regexes cost.
// Where the regex itself fixes one side of the boundary, one test is enough and
// says the same: before a word character ("\b(contactez|écrivez)", "\bprotégé")
// a boundary is "no word character behind", after one ("ventes)\b") "none
// ahead". The side is known when the next (or previous) atom is a literal word
// character, \d, or a group each of whose alternatives starts (or ends) so,
// and that atom is not optional. Anything else keeps the full boundary.
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/** A boundary before a certain word character, and after one. */
const BEFORE_WORD = `(?<!${WORD})`;
const AFTER_WORD = `(?!${WORD})`;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
/**
 * Word characters that case-insensitive matching may pair with a character that
 * is not one (Greek iota and U+0345 COMBINING GREEK YPOGEGRAMMENI fold together):
 * never taken as a certain word character.
 */
const FOLDS_OUTSIDE_WORDS = new Set(['ι', 'Ι', 'ι']);

export function unicodeRegex(source: string, flags: string): RegExp {
  return new RegExp(rewriteBoundaries(source), flags.includes('u') ? flags : `${flags}u`);
}

/** The source with every \b rewritten (exported for tests). */
export function rewriteBoundaries(source: string): string {
  let tree: Alternation;
  try {
    tree = new Parser(source).parse();
  } catch {
    tree = { branches: [] }; // a syntax this reader does not know: full boundaries everywhere
  }
  const sides = new Map<number, string>();
  visit(tree, (seq) => {
    seq.forEach((item, k) => {
      if (item.kind !== 'boundary') return;
      const next = seq[k + 1];
      const prev = seq[k - 1];
      const wordAhead = next !== undefined && certainWord(next, 'first');
      const wordBehind = prev !== undefined && certainWord(prev, 'last');
      if (wordAhead !== wordBehind) sides.set(item.start, wordAhead ? BEFORE_WORD : AFTER_WORD);
    });
  });
  // \b not preceded by another backslash (\\b is a literal backslash then b).
  return source.replace(/(?<!\\)((?:\\\\)*)\\b/g, (_all: string, slashes: string, at: number) => `${slashes}${sides.get(at + slashes.length) ?? BOUNDARY}`);
}

interface Alternation {
  branches: Item[][];
}

type Item = { start: number; optional: boolean } & (
  | { kind: 'char'; char: string }
  | { kind: 'digit' }
  | { kind: 'group'; body: Alternation }
  | { kind: 'boundary' }
  | { kind: 'other' }
);

/** Whether the item certainly matches a word character at its first (or last) position. */
function certainWord(item: Item, side: 'first' | 'last'): boolean {
  if (item.optional) return false;
  if (item.kind === 'char') return WORD_CHAR.test(item.char) && !FOLDS_OUTSIDE_WORDS.has(item.char);
  if (item.kind === 'digit') return true;
  if (item.kind !== 'group' || item.body.branches.length === 0) return false;
  return item.body.branches.every((b) => {
    const end = side === 'first' ? b[0] : b[b.length - 1];
    return end !== undefined && certainWord(end, side);
  });
}

function visit(alt: Alternation, f: (seq: Item[]) => void): void {
  for (const seq of alt.branches) {
    f(seq);
    for (const item of seq) if (item.kind === 'group') visit(item.body, f);
  }
}

/** A reader of the regex syntax the data files use; throws on anything it does not know. */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Alternation {
    const alt = this.alternation();
    if (this.i !== this.s.length) throw new Error('unbalanced');
    return alt;
  }

  private alternation(): Alternation {
    const branches: Item[][] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return { branches };
  }

  private sequence(): Item[] {
    const items: Item[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const start = this.i;
      const atom = this.atom();
      const optional = this.quantifier();
      items.push({ ...atom, start, optional } as Item);
    }
    return items;
  }

  /** Reads a quantifier if one follows; whether it allows zero repeats. */
  private quantifier(): boolean {
    const c = this.s[this.i];
    let optional: boolean;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      optional = c !== '+';
    } else {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i, this.i + 24));
      if (!m) return false;
      this.i += m[0].length;
      optional = Number(m[1]) === 0;
    }
    if (this.s[this.i] === '?') this.i++; // lazy
    return optional;
  }

  private atom(): { kind: Item['kind']; char?: string; body?: Alternation } {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let plain = true;
      if (s[this.i] === '?') {
        // (?: groups; lookarounds and named groups are read but never taken as word characters
        plain = s[this.i + 1] === ':';
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(s.slice(this.i, this.i + 40));
        if (!m) throw new Error('group');
        this.i += m[0].length;
      }
      const body = this.alternation();
      if (s[this.i] !== ')') throw new Error('unbalanced');
      this.i++;
      return plain ? { kind: 'group', body } : { kind: 'other' };
    }
    if (c === '[') {
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new Error('class');
      this.i++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = s[this.i + 1];
      if (e === undefined) throw new Error('escape');
      if (e === 'b') {
        this.i += 2;
        return { kind: 'boundary' };
      }
      if (e === 'd') {
        this.i += 2;
        return { kind: 'digit' };
      }
      const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|k<[^>]*>|.)/su.exec(s.slice(this.i, this.i + 40));
      this.i += m![0].length;
      return { kind: 'other' };
    }
    if (c === ')' || c === '|' || c === '?' || c === '*' || c === '+' || c === '{' || c === '}' || c === ']') throw new Error('syntax');
    if (c === '.' || c === '^' || c === '$') {
      this.i++;
      return { kind: 'other' };
    }
    const char = String.fromCodePoint(s.codePointAt(this.i)!);
    this.i += char.length;
    return { kind: 'char', char };
  }
}
