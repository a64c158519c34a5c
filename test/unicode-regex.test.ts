// Unicode word boundaries (src/layout/lexicon/unicode-regex.ts, issue 17): a \b whose
// one side the regex fixes is written as the one test that side needs; every regex
// of the data files must find what it found with the full two-sided boundary.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { rewriteBoundaries } from '../src/layout/lexicon/unicode-regex.js';
import { rowsOfEveryLanguage } from '../src/layout/lexicon/every-language.js';

const WORD = '[\\p{L}\\p{N}_]';
const FULL = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const BEFORE = `(?<!${WORD})`;
const AFTER = `(?!${WORD})`;

/** The rewrite every \b got before: the full boundary. */
const full = (source: string) => source.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${FULL}`);

test('rewriteBoundaries: one side where the regex fixes the other, the full boundary elsewhere', () => {
  const cases: [string, string][] = [
    ['\\bprotégé\\b', `${BEFORE}protégé${AFTER}`],
    ['\\b(contactez|écrivez)\\b', `${BEFORE}(contactez|écrivez)${AFTER}`],
    ['\\b(?:liens|commission (?:sur|de))\\b', `${BEFORE}(?:liens|commission (?:sur|de))${AFTER}`],
    ['\\b(?:liens?|commission)\\b', `${BEFORE}(?:liens?|commission)${FULL}`],
    ['\\b\\d+ ans\\b', `${BEFORE}\\d+ ans${AFTER}`],
    ['\\b((à )?lire|voir)', `${FULL}((à )?lire|voir)`],
    ['\\b((à )lire|voir)', `${BEFORE}((à )lire|voir)`],
    // the side is not fixed: an optional atom, a class, a dot, an empty alternative, a nested optional
    ['\\bx?y', `${FULL}x?y`],
    ['a?\\b', `a?${FULL}`],
    ['.{0,80}\\b(a|b)', `.{0,80}${BEFORE}(a|b)`],
    ['[a-z]\\b', `[a-z]${FULL}`],
    ['\\b(a|)', `${FULL}(a|)`],
    ['\\b(a|(b)?)', `${FULL}(a|(b)?)`],
    ['(a|b )\\b', `(a|b )${FULL}`],
    ['\\b(?=a)a', `${FULL}(?=a)a`],
    ['\\b\\p{L}', `${FULL}\\p{L}`],
    ['\\b\\.', `${FULL}\\.`],
    ['\\bι', `${FULL}ι`], // case-insensitive iota also matches U+0345, not a word character
    ['a\\bb', `a${FULL}b`], // both sides fixed: never a boundary, left as written
    ['^\\b', `^${FULL}`],
    ['x|\\b', `x|${FULL}`],
    // not a boundary: a literal backslash then b; inside a class (backspace): rewritten as before
    ['\\\\b', '\\\\b'],
    ['\\\\\\ba', `\\\\${BEFORE}a`],
    ['(?<=\\ba)', `(?<=${FULL}a)`],
    // syntax the reader does not know: the full boundary everywhere
    ['\\ba(?<n', `${FULL}a(?<n`],
  ];
  for (const [source, expected] of cases) assert.equal(rewriteBoundaries(source), expected, source);
});

/** Lines to test on: the examples, the fixtures and the data files' own text, cut at line breaks and sentence ends. */
function corpus(): string[] {
  const lines = new Set<string>();
  const add = (text: string) => {
    for (const l of text.split(/\n|(?<=[.!?]) /)) if (l.trim()) lines.add(l.slice(0, 400));
  };
  for (const dir of ['examples', 'test/fixtures'])
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) add(readFileSync(join(f.parentPath, f.name), 'utf8'));
  return [...lines];
}

/** The words of a regex's source, each between neighbours of every kind (letters, accents, digits, _, marks, punctuation). */
function around(source: string): string[] {
  const words = source.match(/[\p{L}\p{N}_'’ -]{2,}/gu) ?? [];
  const sides = ['', ' ', 'a', 'é', '1', '_', '\u0301', "'", 'ͅ'];
  const out: string[] = [];
  for (const w of words) for (const l of sides) for (const r of sides) out.push(`${l}${w}${r}`, `Le ${l}${w}${r} de 2024`, `${l}${w.toUpperCase()}${r}`);
  return out;
}

test('every regex of the data files finds the same with its rewritten boundaries', () => {
  const lines = corpus();
  const sources: [string, string][] = [];
  for (const { rows } of rowsOfEveryLanguage('boilerplate.tsv')) for (const [, , re] of rows) if (re) sources.push([re, 'isu']);
  for (const { rows } of rowsOfEveryLanguage('meta.tsv'))
    for (const [kind, re] of rows) if (re && kind !== 'language-name') sources.push([re, 'iu'], [re, 'u']);
  for (const { rows } of rowsOfEveryLanguage('authors.tsv')) for (const [kind, re] of rows) if (re && kind !== 'role') sources.push([re, 'iu']);
  let changed = 0;
  let compared = 0;
  for (const [source, flags] of sources) {
    if (!source.includes('\\b')) continue;
    const rewritten = rewriteBoundaries(source);
    if (rewritten === full(source)) continue;
    changed++;
    const a = new RegExp(full(source), `${flags}g`);
    const b = new RegExp(rewritten, `${flags}g`);
    for (const line of [...lines, ...around(source)]) {
      const ma = [...line.matchAll(a)].map((m) => `${m.index}:${m[0]}`).join('|');
      const mb = [...line.matchAll(b)].map((m) => `${m.index}:${m[0]}`).join('|');
      assert.equal(mb, ma, `${source} on ${JSON.stringify(line)}`);
      compared++;
    }
  }
  assert.ok(changed >= 20, `${changed} regexes rewritten`);
  assert.ok(compared > 100_000, `${compared} comparisons`);
});
