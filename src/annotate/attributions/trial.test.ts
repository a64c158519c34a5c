// Defects found by a newcomer's trial of the attribution stage (issue 14), each fixed as a construction and tested
// here on invented sentences (other words, other names) besides the one that showed it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

const run = (text: string) => attributionsOf(text);
const byCue = (text: string, cue: string) => attributionByCue(text, cue);

test('"Après avoir assuré que …, X …": the subject of the main clause speaks, not the preposition', () => {
  const a = byCue(
    "Après avoir assuré qu'aucune consigne n'avait été donnée, un haut gradé de la police est revenu sur ses déclarations.",
    'Après avoir assuré',
  );
  assert.equal(a.source?.text, 'un haut gradé de la police');
  assert.equal(a.content.text, "aucune consigne n'avait été donnée");
  const b = byCue('Ayant affirmé que le stade était plein, la préfète a dû se corriger.', 'Ayant affirmé');
  assert.equal(b.source?.text, 'la préfète');
  // Inside the sentence, the subject of the verb it depends on.
  const c = byCue('Le gardien Paul Mercier a été relâché après avoir nié qu’il était sur les lieux.', 'avoir nié');
  assert.equal(c.source?.resolved, 'Paul Mercier');
});

test('an infinitive cue group without a que-clause or a quotation reports nothing', () => {
  assert.equal(run("Après avoir répondu à ce long interrogatoire, la chanteuse Léa Morin s'est reposée.").length, 0);
});

test("a person named before a role apposition speaks, not a name in the role's complement", () => {
  const a = byCue("L'amiral Jean Kerboul, préfet maritime de l'Atlantique, a affirmé que la nappe serait contenue.", 'a affirmé');
  assert.equal(a.source?.resolved, 'Jean Kerboul');
  const b = byCue('La commissaire Anne Vidal, directrice de la police de Lyon, a assuré que les contrôles continueraient.', 'a assuré');
  assert.equal(b.source?.resolved, 'Anne Vidal');
});

test('"elle" takes the described subject of the sentence before, even with a place in its complement', () => {
  const text =
    "La préfecture de police de Paris a démenti ces informations. Dans son rapport, l'agence régionale évoquait une hausse. " +
    'Interrogée, la préfecture de la Gironde a refusé de commenter. « Aucun élément ne permet de le dire », écrit-elle.';
  const a = byCue(text, 'écrit-elle');
  assert.equal(a.source?.resolved, 'la préfecture de la Gironde');
});

test("a passive keeps its whole subject; a bare participle's phrase starts after the clause's verb", () => {
  const a = byCue('Les films tournés par les enquêteurs ont été révélés lundi par la presse locale.', 'ont été révélés');
  assert.equal(a.source?.text, 'la presse locale');
  assert.ok(a.content.text.startsWith('Les films tournés'), a.content.text);
  const b = byCue('La préfecture a fermement démenti ces informations publiées par Mediapart.', 'publiées');
  assert.equal(b.content.text, 'ces informations publiées par Mediapart');
});

test("a hedge word inside a quoted term is the source's words, inside a quoted clause it still hedges", () => {
  const a = byCue('Selon le CIRC, le glyphosate est un « cancérogène probable ».', 'Selon');
  assert.equal(a.hedged, false);
  const b = byCue('Selon la ministre, le texte « pourrait être retiré dès lundi ».', 'Selon');
  assert.equal(b.hedged, true);
});

test('"ne saurait" and a condition do not hedge the statement', () => {
  assert.equal(byCue('Le ministre ne saurait accepter une telle décision, a déclaré son porte-parole.', 'a déclaré').hedged, false);
  assert.equal(byCue("Le maire a indiqué qu'il prendrait des mesures si cela paraît nécessaire.", 'a indiqué').hedged, false);
});

test('"Après avoir reconnu avoir …, le prévenu …": an infinitive content, a party to a trial speaks', () => {
  const a = byCue(
    'Maître Paul Sorel, notaire, a maintenu sa version. Après avoir reconnu avoir « commis des erreurs », le prévenu a nié tout vol.',
    'Après avoir reconnu',
  );
  assert.equal(a.source?.resolved, 'Paul Sorel');
  assert.equal(a.content.text, 'avoir « commis des erreurs »');
});

test('"le journal" is the latest named outlet speaking, also one named with its noun ("Le Courrier du Nord")', () => {
  const text =
    'Pour Le Courrier du Nord, la réforme « ne passera pas ». Le journal estime que le vote sera reporté. ' +
    'Selon Mediapart, le ministre savait. Le journal affirme que des notes le prouvent.';
  assert.equal(byCue(text, 'estime').source?.resolved, 'Le Courrier du Nord');
  assert.equal(byCue(text, 'affirme').source?.resolved, 'Mediapart');
});

test('"reprocher à X de + infinitive": the content runs over a place that looks like a medium ("sur les comptes de …")', () => {
  const a = byCue("Il reproche au trésorier d'avoir puisé 9 000 euros sur les comptes du club.", 'reproche');
  assert.equal(a.content.text, "au trésorier d'avoir puisé 9 000 euros sur les comptes du club");
});
