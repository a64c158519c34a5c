// A figure is evidence that two claims state one proposition only when what it counts agrees: « ami depuis 15 ans »
// and « risquait jusqu'à 15 ans de prison » share « 15 ans » about two different things, and a shared predicate class
// (« meurtre », « morts ») with nothing else in common is one kind of event, not one proposition. Through the real CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsOf } from './helpers/corpus-groups.js';

type Group = { claims: { text: string }[] };
const groups = (articles: object[]) => groupsOf(articles) as unknown as Group[];

const together = (gs: Group[], a: string, b: string) => gs.some((g) => g.claims.some((c) => c.text.includes(a)) && g.claims.some((c) => c.text.includes(b)));

test('a duration shared by two claims about different things does not group them; the same count of one event does', () => {
  const gs = groups([
    {
      outlet: 'Journal A',
      published: '2024-05-02',
      title: 'Un proche nommé',
      text: "Le nouveau directeur de l'agence, ami depuis 15 ans du ministre Paul Lemoine, a pris ses fonctions mardi. 40 familles ont été évacuées à Quimperlé après l'incendie de l'usine.",
    },
    {
      outlet: 'Journal B',
      published: '2024-05-03',
      title: 'Fraude fiscale',
      text: "L'homme d'affaires risquait jusqu'à 15 ans de prison pour fraude fiscale, selon le parquet. A Quimperlé, 40 familles ont été évacuées après l'incendie de l'usine.",
    },
  ]);
  assert.ok(!together(gs, 'ami depuis 15 ans', '15 ans de prison'), JSON.stringify(gs.map((g) => g.claims.map((c) => c.text))));
  // The control: the same count of the same thing, in one event, still groups (the corpus and the grouping work).
  assert.ok(together(gs, 'ont été évacuées à Quimperlé', '40 familles ont été évacuées après'), JSON.stringify(gs.map((g) => g.claims.map((c) => c.text))));
});

test('a date is no figure, and a shared predicate class with nothing else in common does not group two events', () => {
  const gs = groups([
    {
      outlet: 'Journal A',
      published: '2024-05-02',
      title: 'Affaire Durand',
      text: 'En détention provisoire depuis le 12 mars dernier, Jérôme Durand est mis en examen pour meurtre aggravé.',
    },
    {
      outlet: 'Journal B',
      published: '2024-05-03',
      title: 'Attentat',
      text: 'Le groupe armé a revendiqué un attentat qui a fait 12 morts à Alep, dans le nord de la Syrie.',
    },
  ]);
  assert.ok(!together(gs, 'Jérôme Durand', '12 morts'), JSON.stringify(gs.map((g) => g.claims.map((c) => c.text))));
});
