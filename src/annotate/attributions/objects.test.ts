// Speech acts whose content is a noun-phrase object: always for "démentir",
// only with a medium or a quoted fragment for verbs that can also be acts
// ("rejeter", "confirmer", "condamner"). Invented sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';

const run = (text: string) => analyze(text, { raw: true }).attributions;

test("a nominal object carried by a medium: the object is the content; the speaker's own document is no via", () => {
  const [a, ...rest] = run('Le constructeur Valmetal a rejeté ces accusations dans un communiqué diffusé mardi.');
  assert.equal(rest.length, 0);
  assert.equal(a!.cue?.text, 'a rejeté');
  assert.equal(a!.source?.text, 'Le constructeur Valmetal');
  assert.equal(a!.content.text, 'ces accusations');
  assert.deepEqual(
    a!.via.map((v) => v.text),
    [],
  );
  assert.equal(a!.kind, 'indirect');
});

test('the same verbs without a medium are acts, not speech', () => {
  assert.deepEqual(run('Le tribunal administratif a rejeté la requête des riverains.'), []);
  assert.deepEqual(run("La cour d'appel a confirmé la peine de six mois."), []);
});

test('a quoted fragment in the object makes it reported speech (mixed)', () => {
  const [a] = run('Le syndicat a critiqué les « méthodes de voyou » de la direction.');
  assert.equal(a?.cue?.text, 'a critiqué');
  assert.equal(a!.kind, 'mixed');
});

test('on social media and to an agency', () => {
  const [a] = run('La députée Lina Sorel a salué sur Twitter le courage des sauveteurs.');
  assert.equal(a?.content.text, 'le courage des sauveteurs');
  assert.deepEqual(
    a!.via.map((v) => v.text),
    ['Twitter'],
  );
  const [b] = run("Le club a confirmé à l'AFP le départ de son entraîneur.");
  assert.equal(b?.content.text, 'le départ de son entraîneur');
  assert.deepEqual(
    b!.via.map((v) => v.text),
    ["l'AFP"],
  );
});

test('an object stops at a colon; the quotation after it belongs to the incise that follows', () => {
  const all = run("Inès Garnier a critiqué l'« amateurisme » du chantier : « rien n'a été vérifié avant l'ouverture », a insisté la riveraine.");
  const a = all.find((x) => x.cue?.text === 'a critiqué');
  const b = all.find((x) => x.cue?.text === 'a insisté');
  assert.equal(a?.content.text, "l'« amateurisme » du chantier");
  assert.equal(b?.content.text, "« rien n'a été vérifié avant l'ouverture »");
  assert.equal(b!.source?.resolved, 'Inès Garnier');
});

test('"appeler à" with a quoted fragment is speech; a phone call is not', () => {
  const [a] = run('Les syndicats ont appelé au « sang-froid » après les violences.');
  assert.equal(a?.cue?.text, 'ont appelé');
  assert.equal(a!.kind, 'mixed');
  assert.deepEqual(run('Le gardien a appelé les pompiers vers minuit.'), []);
});

test('a document that names its publisher keeps it as the intermediary', () => {
  const [a] = run("Le ministère a démenti dans une dépêche de l'AFP toute fuite de données.");
  assert.equal(a?.source?.text, 'Le ministère');
  assert.ok(a!.via.length === 1 && a!.via[0]!.text.includes('AFP'), JSON.stringify(a!.via));
});

test('a body named by a place complement keeps its own gender for « elle » (« La préfecture du Pas-de-Calais »)', () => {
  const found = run(
    "L'Etat islamique a revendiqué l'attaque. La préfecture du Pas-de-Calais a démenti ces informations mardi : « Aucun élément ne permet d'étayer ces rumeurs », écrit-elle.",
  );
  const incise = found.find((a) => a.cue?.text === 'écrit-elle');
  assert.equal(incise?.source?.resolved, 'La préfecture du Pas-de-Calais');
});
