// Speakers and their upstream chains (speaker ← intermediaries) on sentences written for these tests (fictional
// people): a relay named inside the speaker phrase or set off after the cue is an intermediary, never the speaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { chainsOf } from '../../../test/helpers/attributions.js';

const brief = chainsOf;

test('« X, cité par Y, a affirmé que … »: X speaks, Y relays', () => {
  assert.deepEqual(brief('Jean Dupont, cité par Le Monde, a affirmé que 1200 lits avaient été fermés.'), [
    { source: 'Jean Dupont', anonymous: false, via: ['Le Monde'], content: '1200 lits avaient été fermés' },
  ]);
});

test('« X a affirmé, selon Y, que … »: X speaks, Y relays (no second attribution to Y)', () => {
  assert.deepEqual(brief('Jean Dupont a affirmé, selon Le Monde, que 1200 lits avaient été fermés.'), [
    { source: 'Jean Dupont', anonymous: false, via: ['Le Monde'], content: '1200 lits avaient été fermés' },
  ]);
});

test('"X, quoted by Y, said …": X speaks, Y relays', () => {
  assert.deepEqual(brief('John Smith, quoted by Reuters, said the plant would close.'), [
    { source: 'John Smith', anonymous: false, via: ['Reuters'], content: 'the plant would close' },
  ]);
});

test('the relay phrase of a speaker is part of the frame, not a claim in the outlet voice', () => {
  for (const text of [
    'Jean Dupont, cité par Le Monde, a affirmé que 1200 lits avaient été fermés.',
    'Jean Dupont a affirmé, selon Le Monde, que 1200 lits avaient été fermés.',
    'John Smith, quoted by Reuters, said the plant would close.',
  ]) {
    const claims = analyze(text, { raw: true }).claims;
    assert.deepEqual(
      claims.map((c) => [c.text, c.attribution]),
      [[text.includes('plant') ? 'the plant would close' : '1200 lits avaient été fermés', 0]],
    );
  }
});

test('a relation of a named person (« la mère de X », "the lawyer of X") is another actor, keyed role@person', () => {
  const key = (text: string) => {
    const a = analyze(text, { raw: true }).attributions;
    assert.equal(a.length, 1, text);
    return [a[0]!.source?.resolved ?? null, a[0]!.source?.key ?? null];
  };
  assert.deepEqual(key("La mère d'Arnaud Beltrame a déclaré que son fils était un héros."), [null, 'role:mere@per:arnaud-beltrame']);
  assert.deepEqual(key('Le plus jeune des enfants de Serge Gainsbourg a affirmé que la maison serait ouverte.'), [
    null,
    'role:plus-jeune-des-enfants@per:serge-gainsbourg',
  ]);
  assert.deepEqual(key('Le porte-parole de Donald Trump a affirmé que le mur serait construit.'), [null, 'role:porte-parole@per:donald-trump']);
  assert.deepEqual(key('The lawyer of John Smith said the charges would be dropped.'), [null, 'role:lawyer@per:john-smith']);
  // A role before the name (no preposition) is that person's description: the person speaks.
  assert.deepEqual(key('Le général russe Valery Gerasimov a affirmé que les troupes resteraient.'), ['Valery Gerasimov', 'per:valery-gerasimov']);
});

test('a modal, an auxiliary, an adverb or a date before the cue is no speaker', () => {
  const speakers = (text: string) => brief(text).map((a) => a.source);
  // The first person inside the quotation is its speaker ("she"), not the adverb before the cue.
  assert.ok(!speakers("\"I just told myself: 'I'm going to sing the song if it kills me!'\" she said.").includes('just'));
  assert.deepEqual(speakers('The company can say that the plant is safe.'), ['The company']);
  assert.deepEqual(speakers('In 2011 the minister said that the plant would close.'), ['the minister']);
  assert.deepEqual(speakers('Le 3 mai le ministre a affirmé que le site avait fermé.'), ['le ministre']);
  // "didn't say when …" reports that nothing was said: no attribution, and never "didn't" as a speaker.
  assert.deepEqual(speakers("VW says the car is a preview, but it didn't say when the wagon will go on sale."), ['VW']);
  assert.deepEqual(speakers('Le groupe n’a pas précisé combien de salariés seraient concernés.'), []);
});

test('an addressee after the cue (« ont écrit au Premier ministre ») is no inverted subject', () => {
  const a = brief('Ce dernier, ainsi que Jean-Luc Mélenchon, ont écrit au Premier ministre pour dénoncer la réforme.');
  assert.ok(
    a.every((x) => x.source !== 'au Premier ministre'),
    JSON.stringify(a),
  );
});

test('"X reported, citing Mayor Y": Y speaks (title and name joined), X relays', () => {
  assert.deepEqual(brief('Acme will cut 800 jobs, Reuters reported, citing Mayor Mike Duggan.'), [
    { source: 'Mike Duggan', anonymous: false, via: ['Reuters'], content: 'Acme will cut 800 jobs' },
  ]);
});

test('a worker described by an occupation speaks (« Un docker, qui a requis l’anonymat, affirme … »), anonymously', () => {
  assert.deepEqual(brief("Un docker, qui a requis l'anonymat, affirme avoir reçu l'ordre de ne pas ouvrir les conteneurs."), [
    { source: 'Un docker', anonymous: true, via: [], content: "avoir reçu l'ordre de ne pas ouvrir les conteneurs" },
  ]);
  assert.deepEqual(
    brief('A dockworker, who asked not to be named, said he had been told not to open the containers.').map((a) => [a.source, a.anonymous]),
    [['A dockworker', true]],
  );
});

test('« L’organisation » is the body named before; its acronym alone is the same actor; it never relays itself', () => {
  const all = analyze(
    "Jeudi, l'Organisation des travailleurs du port (OTP) a annoncé que des roquettes étaient tombées sur son camp. Selon OTP, plusieurs dizaines de roquettes ont frappé le camp. L'organisation a accusé dans un communiqué le ministre de l'Intérieur d'être derrière cette attaque, destinée, selon elle, à gagner les élections.",
    { raw: true },
  ).attributions;
  const org = all.filter((a) => a.source?.text === "L'organisation");
  assert.equal(org.length, 1, JSON.stringify(all.map((a) => a.source)));
  assert.equal(org[0]!.source!.resolved, "l'Organisation des travailleurs du port (OTP)");
  assert.deepEqual([...new Set(all.map((a) => a.source?.key))], ['org:otp']);
  for (const a of all) assert.ok(a.parent === null || all[a.parent]!.source?.key !== a.source?.key, 'a speaker relays itself');
});

test('the speaker after an incise cue, with its description, is the frame, not an own-voice claim', () => {
  const claims = analyze(
    "Le ministère a démenti toute livraison. « Ces accusations sont sans fondement », a affirmé son porte-parole, Hélène Varin, lors d'un point presse mercredi.",
    { raw: true },
  ).claims.map((c) => c.text);
  assert.ok(!claims.some((c) => c.includes('Hélène Varin')), JSON.stringify(claims));
  assert.ok(claims.includes('Ces accusations sont sans fondement'), JSON.stringify(claims));
});

test('a relative saying the speaker asked not to be named describes the speaker: frame, not an own-voice claim', () => {
  for (const [text, content] of [
    ["Un docker, qui a requis l'anonymat, affirme avoir reçu l'ordre de ne pas ouvrir les conteneurs.", "avoir reçu l'ordre de ne pas ouvrir les conteneurs"],
    ['A dockworker, who asked not to be named, said he had been told not to open the containers.', 'he had been told not to open the containers'],
  ]) {
    assert.deepEqual(
      analyze(text!, { raw: true }).claims.map((c) => [c.text, c.attribution]),
      [[content, 0]],
    );
  }
});
