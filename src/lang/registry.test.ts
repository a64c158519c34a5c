import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../pipeline/analyze.js';
import { GrammarSchema, grammarOf } from './grammar.js';
import { LANGUAGE_LAYERS } from './language.js';
import { isRegistered, languageOf, registeredLanguages } from './registry.js';
import { LANG_ROOT, PACKAGE_ROOT, readJson } from './files.js';
import { tokenizerData } from './tokenizer-data.js';
import { FunctionWordSchema, readFunctionWords } from './function-words.js';
import { rolesOf } from './roles.js';
import { syntaxLexicon } from '../annotate/syntax/lexicon.js';
import { attributionLexicon } from '../annotate/attributions/lexicon.js';

test('every registered language has a valid manifest, and its data loads and validates', () => {
  for (const code of registeredLanguages()) {
    const lang = languageOf(code);
    assert.ok(lang.hasResources);
    for (const layer of LANGUAGE_LAYERS) lang.supports(layer); // reads and validates language.json
    tokenizerData(code);
    // Every registered language is identifiable: its function words load and validate.
    assert.ok(lang.functionWords().words.size > 0, code);
    if (lang.supports('attributions')) {
      grammarOf(code);
      syntaxLexicon(code);
      attributionLexicon(code);
    }
  }
});

test('every lang/<code>/ folder is registered (no folder is silently ignored)', () => {
  const folders = readdirSync(LANG_ROOT).filter((f) => statSync(join(LANG_ROOT, f)).isDirectory());
  assert.deepEqual(folders.sort(), registeredLanguages().sort());
});

test('function words: one validated list, seen as written and accent-folded', () => {
  const fr = readFunctionWords(join(LANG_ROOT, 'fr', 'function-words.txt'));
  assert.equal(languageOf('fr').functionWords().words.size, fr.words.size);
  assert.ok(fr.words.has('été') && !fr.words.has('ete'));
  assert.ok(fr.folded.has('ete') && !fr.folded.has('été'));
  assert.equal(languageOf('ru').functionWords().words.size, 0);
  assert.ok(!FunctionWordSchema.safeParse('The').success);
  assert.ok(!FunctionWordSchema.safeParse('of the').success);
});

test('roles: one validated table for the attributions and the entities layer', () => {
  assert.deepEqual(rolesOf('fr').get('présidente'), { kind: 'person', gender: 'f', office: 'président' });
  assert.deepEqual(rolesOf('fr').get('responsable'), { kind: 'person', gender: null, office: null });
  assert.equal(rolesOf('ru').size, 0);
});

test('a malformed grammar is refused with the field named', () => {
  const good = readJson<Record<string, unknown>>(join(LANG_ROOT, 'fr', 'grammar.json'));
  assert.ok(GrammarSchema.safeParse(good).success);
  const bad = GrammarSchema.safeParse({ ...good, reflexives: 'se' });
  assert.ok(!bad.success);
  assert.match(JSON.stringify(bad.error.issues), /reflexives/);
  assert.ok(!GrammarSchema.safeParse({ ...good, participlePattern: '(' }).success);
});

test('a language without rules gets the generic layers and a note, never French rules', () => {
  const text = 'Der Minister sagte am Montag, dass der Plan scheitern werde. « Wir werden das nicht akzeptieren », sagte er.';
  // Identified as German (registered for identification only), then analysed with the generic layers.
  const a = analyze(text, { raw: true });
  assert.equal(a.meta.language, 'de');
  assert.equal(languageOf('de').supports('attributions'), false);
  assert.ok((a.tokens ?? []).length > 10);
  assert.equal(a.sentences.length, 2);
  assert.equal((a.quotes ?? []).length, 1);
  assert.deepEqual([a.entities.length, a.attributions.length, a.claims.length], [0, 0, 0]);
  const notes = (a.notes ?? []).map((n) => n.message).join('\n');
  for (const layer of ['entities', 'attributions', 'claims']) assert.match(notes, new RegExp(`not supported for ${layer}`));
  // French elisions are not applied to another language's apostrophes.
  const it = analyze({ text: "L'uomo disse: l'Italia c'è.", known: { language: 'it' } }, { raw: true });
  assert.ok((it.tokens ?? []).some((t) => it.text.slice(t.start, t.end) === "L'uomo"));
  // A language recoupe knows nothing of: the same.
  assert.equal(isRegistered('ru'), false);
  const ru = analyze({ text: 'Министр заявил, что план провалится.', known: { language: 'ru' } }, { raw: true });
  assert.deepEqual([ru.sentences.length, ru.attributions.length, ru.entities.length], [1, 0, 0]);
  assert.match((ru.notes ?? []).map((n) => n.message).join('\n'), /"ru" is not supported for attributions/);
});

/** String literals of the annotation code (tests and comments aside). */
function literals(dir: string, out: { file: string; value: string }[] = []): { file: string; value: string }[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) literals(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      const code = readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .map((l) => l.replace(/\s\/\/ .*$/, ''))
        .join('\n');
      for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"/g)) out.push({ file: p, value: (m[1] ?? m[2])!.replace(/\\'/g, "'") });
    }
  }
  return out;
}

test('the annotation code holds no word of a language (they live in lang/<code>/)', () => {
  const vocabulary = new Set<string>();
  for (const code of registeredLanguages()) {
    for (const file of ['grammar.json', 'syntax.json', 'tokenizer.json', 'attribution-grammar.json', 'claims.json']) {
      let j: Record<string, unknown>;
      try {
        j = readJson(join(LANG_ROOT, code, file));
      } catch {
        continue;
      }
      for (const [k, v] of Object.entries(j)) {
        if (k.startsWith('$')) continue;
        const items = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v) : [];
        for (const w of items) if (typeof w === 'string' && /\p{L}{2}/u.test(w)) vocabulary.add(w.toLowerCase());
      }
    }
  }
  // Identifiers of the construction frames of cues.tsv ("que" = a complement clause, "de" = de + infinitive),
  // names of resources and layers: technical names, not words the code matches in a text.
  const technical = new Set([
    'que',
    'de',
    'inf',
    'obj',
    'col',
    'inc',
    'pass',
    'med',
    'objvia',
    'person',
    'media',
    'document',
    'group',
    'org',
    'report',
    'speech',
    'opinion',
    'cognition',
    'direct',
    'indirect',
    'mixed',
    'according',
    'word',
    'number',
    'punct',
    'symbol',
    'url',
    'email',
    'link',
    'country',
    'demonym',
    'names',
    'hipe',
    'phrase',
    'adverb',
    'adjective',
    'hypothesis',
    'conditional',
    'lexical',
    'open',
    'close',
    'stray',
    'space',
    'line',
    'paragraph',
    'hard',
    'soft',
    'none',
    'title',
    'may-end',
    'name',
    'numeric',
    'abort',
    'cue',
    'aux',
    'verb',
    'hedge',
    'exempt',
    'incise',
    'colon',
    'infinitive',
    'object',
    'passive',
    'continuation',
    'source',
    'kind',
    'start',
    'end',
    'text',
    'attributions',
    'claims',
    'entities',
    'tokens',
    'sentences',
    'quotes',
    'grammar',
    'syntax',
    'tokenizer',
    'hedges',
    'utf8',
  ]);
  const found = literals(join(PACKAGE_ROOT, 'src', 'annotate')).filter((l) => vocabulary.has(l.value) && !technical.has(l.value));
  assert.deepEqual(
    found.map((l) => `${l.file.slice(PACKAGE_ROOT.length + 1)}: '${l.value}'`),
    [],
  );
});
