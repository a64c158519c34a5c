// The anchor prefilter of the line boilerplate rules (issue 17) must never skip
// a rule that would match: for every rule, lines built from its own regex that
// match it get the same reason as trying every rule in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchors, foldText } from '../src/layout/lexicon/boilerplate-anchors.js';
import { boilerplateReason, boilerplateRules } from '../src/layout/lexicon/boilerplate.js';
import { firstGroup, metaCues, type Cues } from '../src/layout/lexicon/cues.js';
import { rowsOfEveryLanguage } from '../src/layout/lexicon/every-language.js';

/** The reason when every rule is tried in order, without the prefilter. */
function reference(line: string, tail: boolean): string | undefined {
  const t = line.trim();
  if (!t) return undefined;
  for (const r of boilerplateRules()) if ((tail || !r.tailOnly) && t.length <= r.max && r.re.test(t)) return r.reason;
  return undefined;
}

/** A few strings a regex of the data files' subset can match: each alternative
 * of groups is taken in turn (one per string), optional parts both left out and
 * taken, repeats taken at their minimum (at least once), classes by a member. */
function samples(source: string): string[] {
  const out = new Set<string>();
  for (let pick = 0; pick < 24; pick++) for (const optional of [false, true]) out.add(build(source, pick, optional));
  return [...out];
}

function build(source: string, pick: number, optional: boolean): string {
  let i = 0;
  const seq = (): string => {
    let s = '';
    while (i < source.length && source.charAt(i) !== ')' && source.charAt(i) !== '|') {
      const atom = one();
      const q = quantifier();
      if (q === 0) continue;
      s += q === 1 ? atom : atom.repeat(q);
    }
    return s;
  };
  const quantifier = (): number => {
    const c = source.charAt(i);
    if (c === '?' || c === '*' || c === '+') {
      i++;
      return c === '+' || optional ? 1 : 0;
    }
    const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
    if (!m) return 1;
    i += m[0].length;
    return Math.max(Number(m[1]), optional ? 1 : 0);
  };
  const one = (): string => {
    const c = source.charAt(i++);
    if (c === '^' || c === '$') return '';
    if (c === '.') return 'x';
    if (c === '[') {
      const close = source.indexOf(']', i + 1);
      const body = source.slice(i, close);
      i = close + 1;
      if (body.startsWith('^')) return 'x';
      if (body.startsWith('\\p{L')) return 'a';
      if (body.startsWith('\\s')) return ' ';
      if (body.startsWith('\\w')) return 'a';
      return body.charAt(0) === '\\' ? body.charAt(1) : body.charAt(0);
    }
    if (c === '\\') {
      const e = source.charAt(i++);
      if (e === 'b') return '';
      if (e === 'd') return '1';
      if (e === 's') return ' ';
      if (e === 'w') return 'a';
      if (e === 'p') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 1, close);
        i = close + 1;
        return name === 'Lu' ? 'A' : 'a';
      }
      return e;
    }
    if (c === '(') {
      const look = source.startsWith('?=', i) || source.startsWith('?!', i);
      if (source.startsWith('?:', i) || look) i += 2;
      const alts: string[] = [seq()];
      while (source.charAt(i) === '|') {
        i++;
        alts.push(seq());
      }
      i++;
      return look ? '' : (alts[pick % alts.length] ?? '');
    }
    return c;
  };
  const alts = [seq()];
  while (source.charAt(i) === '|') {
    i++;
    alts.push(seq());
  }
  return alts[pick % alts.length] ?? '';
}

test('anchors: literals a matching line must contain, none when the start is not literal', () => {
  assert.deepEqual(anchors('^(lire aussi|à voir)\\b.{0,140}$'), ['lire aussi', 'à voir']);
  assert.deepEqual(anchors('\\bcommentaires?\\b'), ['commentaire']);
  assert.deepEqual(anchors('^(?:crédits?|photos?) :'), ['crédit', 'photo']);
  assert.deepEqual(anchors('^(\\d+ commentaires?|réagir)'), [' commentaire', 'réagir']);
  assert.equal(anchors('^(publicité|annonce)?$'), undefined);
  assert.deepEqual(anchors('^(?=.{0,200}\\p{L})(partager )+$'), ['partager ']);
  assert.equal(anchors('^(?=.{0,200}\\p{L})(partager |\\d+)+$'), undefined);
  assert.equal(anchors('^a|b'), undefined);
  assert.deepEqual(anchors('\\((crédit|photo)s?:'), ['(crédit', '(photo']);
  // required literals further on, when the start is not literal
  assert.deepEqual(anchors('^\\p{Lu}[\\p{L}-]+ (is|was) (an?|the) '), [' is', ' was']);
  assert.deepEqual(anchors('^\\p{Lu}\\p{L}+ est (un|une) .{0,80}\\b(journaliste|auteur)\\b'), [' est un', ' est une']);
  assert.deepEqual(anchors('^(©|\\(c\\)|copyright)\\s*'), ['©', '(c)', 'copyright']);
  assert.deepEqual(anchors('^\\d+ ?of ?\\d+$'), ['of']);
  // a class of plain characters, and the literals an alternative requires after a non-literal start
  assert.deepEqual(anchors('^([^|•·]{1,25}[|•·]\\s*){2,}$'), ['|', '•', '·']);
  assert.deepEqual(anchors('^(\\d+ min|reading time)'), [' min', 'reading time']);
  assert.equal(anchors('^([^|•·]{1,25}[a-z]\\s*){2,}$'), undefined);
  assert.equal(anchors('^(\\d+|reading time)'), undefined);
  assert.equal(foldText('ÉDITION Publié ſ'), 'édition publié s');
});

test('the prefilter never skips a rule that would match (every rule of every language)', () => {
  let tried = 0;
  for (const rule of boilerplateRules()) {
    let matched = 0;
    for (const sample of samples(rule.source)) {
      for (const line of [sample, sample.toUpperCase(), `  ${sample.charAt(0).toUpperCase()}${sample.slice(1)} `]) {
        if (!rule.re.test(line.trim())) continue;
        matched++;
        if (rule.anchors)
          assert.ok(
            rule.anchors.some((a) => foldText(line).includes(a)),
            `${rule.source} on ${line}`,
          );
        for (const tail of [false, true]) assert.equal(boilerplateReason(line, tail), reference(line, tail), `${rule.source} on ${line}`);
      }
    }
    if (matched > 0) tried++;
  }
  // the generator covers most rules (a rule it cannot build a line for is still covered by the order check above)
  assert.ok(tried >= boilerplateRules().length * 0.8, `${tried} of ${boilerplateRules().length} rules had a matching line`);
});

/** The metadata cues `firstGroup` is given (lists of lang/*\/meta.tsv rows by kind), with their sources. */
const CUE_LISTS: Record<string, keyof Cues> = {
  'origin-line': 'originLine',
  'translation-line': 'translationLine',
  byline: 'byline',
  'outlet-line': 'outletLine',
  signature: 'signature',
};
const cueSources = (): { kind: string; source: string }[] =>
  rowsOfEveryLanguage('meta.tsv').flatMap(({ rows }) =>
    rows.filter(([kind, re]) => re && kind! in CUE_LISTS).map(([kind, re]) => ({ kind: kind!, source: re! })),
  );

test('the metadata cues: firstGroup with anchors answers as trying every regex in order', () => {
  let matched = 0;
  for (const { kind, source } of cueSources()) {
    const list = metaCues()[CUE_LISTS[kind]!] as RegExp[];
    for (const sample of samples(source)) {
      for (const line of [sample, sample.toUpperCase(), `  ${sample.charAt(0).toUpperCase()}${sample.slice(1)} `]) {
        let expected: string | undefined;
        for (const re of list) {
          const m = re.exec(line.trim());
          if (m?.[1]) {
            expected = m[1].trim();
            break;
          }
        }
        if (expected !== undefined) matched++;
        assert.equal(firstGroup(list, line), expected, `${source} on ${line}`);
      }
    }
  }
  assert.ok(matched > 50, `${matched} sample lines matched a cue`);
});

test('every letter the iu flags match to an anchor letter folds to that letter', () => {
  const letters = new Set<string>();
  for (const r of boilerplateRules()) for (const a of r.anchors ?? []) for (const c of a) letters.add(c);
  for (const { source } of cueSources()) for (const a of anchors(source) ?? []) for (const c of a) letters.add(c);
  const any = new RegExp(`[${[...letters].join('').replace(/[\\\]^-]/g, '\\$&')}]`, 'iu');
  for (let cp = 0; cp <= 0x2ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const d = String.fromCodePoint(cp);
    if (!any.test(d)) continue;
    for (const c of letters)
      if (new RegExp(`^${c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'iu').test(d)) assert.equal(foldText(d), c, `U+${cp.toString(16)} matches ${c}`);
  }
});
