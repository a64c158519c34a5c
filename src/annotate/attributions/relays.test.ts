// Relay formulas of the press (newcomer trial, session 12), on sentences written for these tests (fictional people and
// stories): the outlet that relays a source is an intermediary or, when it reports on its own, the named source; never
// a speaker made up from the words around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import { chainsOf } from '../../../test/helpers/attributions.js';

const brief = chainsOf;

test('« une source citée par X affirme que … »: one attribution, the anonymous source speaks, X relays', () => {
  assert.deepEqual(brief("Une source policière citée par Libération affirme qu'aucune arrestation n'a eu lieu."), [
    { source: 'Une source policière', anonymous: true, via: ['Libération'], content: "aucune arrestation n'a eu lieu" },
  ]);
  assert.deepEqual(brief('An aide quoted by Reuters said the summit would be delayed.'), [
    { source: 'An aide', anonymous: true, via: ['Reuters'], content: 'the summit would be delayed' },
  ]);
});

test('« D’après X, citée par Y, … »: the relay set off by commas joins the chain, not the content nor the claims', () => {
  const text = "D'après un conseiller proche de l'Élysée, cité par Les Echos, la réforme pourrait être retardée.";
  assert.deepEqual(brief(text), [
    { source: "un conseiller proche de l'Élysée", anonymous: true, via: ['Les Echos'], content: 'la réforme pourrait être retardée' },
  ]);
  assert.deepEqual(
    analyze(text, { raw: true }).claims.map((c) => c.text),
    ['la réforme pourrait être retardée'],
  );
});

test('"as (first) reported by X", « comme rapporté par X »: X reports the clause beside it', () => {
  assert.deepEqual(brief('The plant will close next year, as first reported by Bloomberg.'), [
    { source: 'Bloomberg', anonymous: false, via: [], content: 'The plant will close next year' },
  ]);
  assert.deepEqual(brief('As reported by the BBC, the minister resigned on Friday.'), [
    { source: 'the BBC', anonymous: false, via: [], content: 'the minister resigned on Friday' },
  ]);
  assert.deepEqual(brief('Comme rapporté par Le Monde, le ministre a démissionné vendredi.'), [
    { source: 'Le Monde', anonymous: false, via: [], content: 'le ministre a démissionné vendredi' },
  ]);
});

test('"According to X, which first reported …": the relative describes the source, no second attribution', () => {
  assert.deepEqual(brief('According to The Washington Post, which first reported the deal, the bank will be sold.'), [
    { source: 'The Washington Post', anonymous: false, via: [], content: 'the bank will be sold' },
  ]);
});

test('« selon des informations de X », « obtenues par X »: the outlet that reports is the named source', () => {
  const speaker = (text: string) => {
    const a = analyze(text, { raw: true }).attributions;
    assert.equal(a.length, 1, text);
    return [a[0]!.source?.key ?? null, a[0]!.source?.anonymous ?? null];
  };
  assert.deepEqual(speaker('Selon des informations du Monde, le maire va démissionner.'), speaker('Selon Le Monde, le maire va démissionner.'));
  assert.deepEqual(speaker('Selon les informations de France Inter, le ministre va démissionner.'), ['org:france-inter', false]);
  assert.deepEqual(speaker("D'après des informations obtenues par Mediapart, le contrat a été signé en 2019."), ['org:mediapart', false]);
  // Without a complement, the reporting is nobody's in particular: it stays anonymous.
  assert.equal(speaker('Selon certaines informations, le ministre va démissionner.')[1], true);
});

test('figures and data: the body they come from is the source ("data from X", « chiffres publiés jeudi par X »)', () => {
  assert.deepEqual(brief('Prices rose 3 percent, according to data from the Office for National Statistics.'), [
    { source: 'the Office for National Statistics', anonymous: false, via: [], content: 'Prices rose 3 percent' },
  ]);
  assert.deepEqual(brief("Le chômage a baissé de 2 %, selon les chiffres publiés mercredi par l'Insee."), [
    { source: "l'Insee", anonymous: false, via: [], content: 'Le chômage a baissé de 2 %' },
  ]);
});

test('an indefinite description with an organisation complement is anonymous; the organisation is no speaker', () => {
  for (const text of [
    "Le sommet est reporté, rapporte l'agence Bloomberg, citant un conseiller de la Maison Blanche.",
    'Un conseiller de la Maison Blanche a affirmé que le sommet était reporté.',
  ]) {
    const [a] = brief(text);
    assert.deepEqual([a?.source?.toLowerCase(), a?.anonymous], ['un conseiller de la maison blanche', true], text);
  }
});

test('a party name inside a description (« le député La France insoumise du Nord ») is part of it, no speaker', () => {
  for (const text of [
    'Le député La France insoumise du Nord a dénoncé sur Twitter une « manipulation ».',
    "La députée Les Républicains de l'Oise a affirmé que la loi était injuste.",
  ]) {
    const a = analyze(text, { raw: true }).attributions;
    assert.equal(a.length, 1, text);
    assert.equal(a[0]!.source?.resolved ?? null, null, text);
    assert.match(a[0]!.source?.text ?? '', /^(Le|La) député/, text);
  }
});

test('a named person with a description apposed after the name, or an adverb aside, speaks', () => {
  assert.deepEqual(brief('Governor Mark Ellison, a Democrat from Oregon, said in a statement that the bill was dead.'), [
    { source: 'Mark Ellison', anonymous: false, via: [], content: 'the bill was dead' },
  ]);
  assert.deepEqual(brief('Spokeswoman Linda Park, however, told ABC on Monday that the talks were over.'), [
    { source: 'Linda Park', anonymous: false, via: ['ABC'], content: 'the talks were over' },
  ]);
  // A description holding a person in a complement stays the description.
  assert.equal(brief('The lawyer of John Smith, a former judge, said the charges would be dropped.')[0]?.source, 'The lawyer of John Smith');
});

test('a definite description pointing back to an anonymous source stays anonymous', () => {
  const a = brief('A senior defense official said troops would stay. "We are not leaving," the official added.');
  assert.deepEqual(
    a.map((x) => x.anonymous),
    [true, true],
  );
  const fr = brief("Le maire Jean Roux a dit non. Un conseiller a affirmé que le projet était mort. « C'est fini », a ajouté le conseiller.");
  assert.deepEqual(
    fr.slice(-2).map((x) => x.anonymous),
    [true, true],
  );
});

test('a denial: the claim is marked denied by its speaker, not asserted; a negated denial denies nothing', () => {
  const denied = (text: string) => analyze(text, { raw: true }).claims.map((c) => [c.text, c.denied ?? false]);
  assert.deepEqual(denied('Le maire de Lille dément avoir reçu 30 000 euros de la société Batimex.'), [
    ['avoir reçu 30 000 euros de la société Batimex', true],
  ]);
  assert.deepEqual(denied('She denied that she had met the lobbyist.'), [['she had met the lobbyist', true]]);
  assert.deepEqual(denied("Le ministre n'a pas démenti avoir rencontré le lobbyiste."), [['avoir rencontré le lobbyiste', false]]);
  assert.deepEqual(denied('Le ministre a affirmé avoir rencontré le lobbyiste.'), [['avoir rencontré le lobbyiste', false]]);
});
