import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokens.js';

const words = (s: string) => tokenize(s).map((t) => s.slice(t.start, t.end));

test('elisions split off, exceptions kept whole', () => {
  assert.deepEqual(words("l'armée d'Irak qu'il jusqu'à lorsqu'on aujourd'hui"), [
    "l'",
    'armée',
    "d'",
    'Irak',
    "qu'",
    'il',
    "jusqu'",
    'à',
    "lorsqu'",
    'on',
    "aujourd'hui",
  ]);
  assert.deepEqual(words('l’État'), ['l’', 'État']);
});

test('an elided word before a quotation mark keeps its apostrophe', () => {
  assert.deepEqual(words('qu\'« aucune » d\'"abus" qu’« non »'), ["qu'", '«', 'aucune', '»', "d'", '"', 'abus', '"', 'qu’', '«', 'non', '»']);
  // Not an elision: a closing single quotation mark after an ordinary word.
  assert.deepEqual(words("le mot 'fin'"), ['le', 'mot', "'", 'fin', "'"]);
});

test('a capitalised hyphenated part after a capitalised name is the name, not a verb and its pronoun', () => {
  assert.deepEqual(words('Kim Jong-il a affirmé'), ['Kim', 'Jong-il', 'a', 'affirmé']);
  assert.deepEqual(words('Park Sung-Il et Kim Jong-un'), ['Park', 'Sung-Il', 'et', 'Kim', 'Jong-un']);
  // A verb after a name, one opening a sentence, a euphonic « -t- »: the pronoun stays apart.
  assert.deepEqual(words('Kim a-t-il dit'), ['Kim', 'a', '-t-il', 'dit']);
  assert.deepEqual(words('Macron dit-il'), ['Macron', 'dit', '-il']);
  assert.deepEqual(words('« Non », Dit-il.'), ['«', 'Non', '»', ',', 'Dit', '-il', '.']);
  assert.deepEqual(words('Ainsi Parla-t-il'), ['Ainsi', 'Parla', '-t-il']);
});

test('inverted pronouns', () => {
  assert.deepEqual(words('dit-il, a-t-il, a t-il, a-t-elle ajouté, est-ce'), [
    'dit',
    '-il',
    ',',
    'a',
    '-t-il',
    ',',
    'a',
    't-il',
    ',',
    'a',
    '-t-elle',
    'ajouté',
    ',',
    'est',
    '-ce',
  ]);
  assert.deepEqual(words('états-unienne auto-proclamé peut-être'), ['états-unienne', 'auto-proclamé', 'peut-être']);
});

test('numbers and codes', () => {
  assert.deepEqual(words('8000 5.143 1er F-16 155mm M-198 3,5 8\u00a0000'), ['8000', '5.143', '1er', 'F-16', '155mm', 'M-198', '3,5', '8\u00a0000']);
  const kinds = tokenize('8000 5.143 1er').map((t) => t.kind);
  assert.deepEqual(kinds, ['number', 'number', 'number']);
});

test('abbreviations keep their period', () => {
  assert.deepEqual(words('Mme Psaki, M. Dupont, Dr. House, 52 av. J.-C., etc.'), [
    'Mme',
    'Psaki',
    ',',
    'M.',
    'Dupont',
    ',',
    'Dr.',
    'House',
    ',',
    '52',
    'av.',
    'J.-C.',
    ',',
    'etc.',
  ]);
});

test('URLs, e-mails and Markdown links are single tokens', () => {
  const s = 'Voir https://exemple.fr/a?b=1, écrire à presse@exemple.fr ou [Reuters](http://reuters.com/x).';
  const t = tokenize(s);
  assert.deepEqual(
    t.filter((x) => x.kind !== 'word' && x.kind !== 'punct').map((x) => [x.kind, s.slice(x.start, x.end)]),
    [
      ['url', 'https://exemple.fr/a?b=1'],
      ['email', 'presse@exemple.fr'],
      ['link', '[Reuters](http://reuters.com/x)'],
    ],
  );
});

test('offsets are exact and ordered', () => {
  const s = "« Nous avons vu… », a-t-il dit à l'AFP.";
  let last = 0;
  for (const t of tokenize(s)) {
    assert.ok(t.start >= last && t.end > t.start);
    assert.equal(s.slice(t.start, t.end).trim(), s.slice(t.start, t.end));
    last = t.end;
  }
});

test('numbers with glued units and times; a hyphen after keeps the unit apart', () => {
  assert.deepEqual(words('12h30 20.000m2 3m² 4x4 19-ans'), ['12h30', '20.000m2', '3m²', '4x4', '19', '-', 'ans']);
});

test('numeric abbreviations only before a number; initials unless a sentence starts after', () => {
  assert.deepEqual(words('p. 12, art. 49'), ['p.', '12', ',', 'art.', '49']);
  assert.deepEqual(words('victime du vol. Cette dernière'), ['victime', 'du', 'vol', '.', 'Cette', 'dernière']);
  assert.deepEqual(words('la ligne de RER A. La préfecture'), ['la', 'ligne', 'de', 'RER', 'A', '.', 'La', 'préfecture']);
  assert.deepEqual(words('selon J. Smith et George R. R. Martin'), ['selon', 'J.', 'Smith', 'et', 'George', 'R.', 'R.', 'Martin']);
});

test('URLs keep their own brackets, not the sentence punctuation', () => {
  const s = 'Voir https://fr.wikipedia.org/wiki/Foo_(bar). Ou (www.exemple.fr).';
  assert.deepEqual(
    tokenize(s)
      .filter((t) => t.kind === 'url')
      .map((t) => s.slice(t.start, t.end)),
    ['https://fr.wikipedia.org/wiki/Foo_(bar)', 'www.exemple.fr'],
  );
});

test('emoji and rare scripts are single tokens, offsets stay on code-point boundaries', () => {
  const s = 'Bravo 👏 à 𝐀lice';
  assert.deepEqual(words(s), ['Bravo', '👏', 'à', '𝐀lice']);
});

test('sites named by their domain are one token', () => {
  const s = 'selon Figaro.fr et attention-feux-foret.gouv.fr, pas fin.Il ni matin.néanmoins.';
  assert.deepEqual(
    tokenize(s)
      .filter((t) => t.kind === 'url')
      .map((t) => s.slice(t.start, t.end)),
    ['Figaro.fr', 'attention-feux-foret.gouv.fr'],
  );
});
