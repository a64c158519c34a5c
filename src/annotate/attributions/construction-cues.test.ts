// Cues found by their construction (construction-cues.ts), on invented sentences: any verb framing a quotation
// in an inverted incise or before a colon, perspective phrases, and what must not fire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

const run = (text: string) => attributionsOf(text);
const byCue = (text: string, cue: string) => attributionByCue(text, cue);

const LEAD = 'Marion Vasseur tient la boutique depuis dix ans. ';

test('any verb with an inverted clitic after a quotation is an incise ("sourit-elle", "a-t-elle plaisanté", "y écrit-elle")', () => {
  for (const cue of ['sourit-elle', 'a-t-elle plaisanté', 'y écrit-elle', "s'enthousiasme-t-elle"]) {
    const a = byCue(`${LEAD}« Les clients reviennent tous les samedis », ${cue}.`, cue);
    assert.equal(a.source?.resolved, 'Marion Vasseur');
    assert.equal(a.kind, 'direct');
    assert.equal(a.rule, 'incise');
  }
});

test('any verb with an inverted named subject after a quotation and a comma ("s\'agace X")', () => {
  const a = byCue('« Les loyers ont encore augmenté cette année », grommelle Paul Girard.', 'grommelle');
  assert.equal(a.source?.text, 'Paul Girard');
});

test('a clause, a comma and VERB-il ending the sentence: "Il faut partir, tranche-t-elle."', () => {
  const a = byCue(`${LEAD}Il faut fermer le dimanche, tranche-t-elle.`, 'tranche-t-elle');
  assert.equal(a.content.text, 'Il faut fermer le dimanche');
});

test('a quotation directly followed by a verb is its subject, not an incise', () => {
  assert.equal(
    run('« Plusieurs dizaines de roquettes de types variés » ont frappé le camp.').some((a) => a.cue?.text === 'ont frappé'),
    false,
  );
});

test('a modal aside is no incise: "semble-t-il", "paraît-il"', () => {
  assert.deepEqual(
    run('Le budget sera voté en mars, semble-t-il. La salle rouvrira, paraît-il.').map((a) => a.cue?.text),
    [],
  );
});

test('SUBJECT VERB … : « quotation » frames the quotation with any verb', () => {
  const a = byCue('Le blogueur, lui, reste sceptique : « Je le croirai quand je le verrai. »', 'reste');
  assert.equal(a.source?.text, 'Le blogueur');
  assert.equal(a.rule, 'colon');
  const b = byCue(`${LEAD}Elle se souvient des débuts difficiles : « La première année, on a failli fermer. »`, 'se souvient');
  assert.equal(b.source?.resolved, 'Marion Vasseur');
});

test('no colon frame on an impersonal, a copula or a noun homograph', () => {
  for (const text of [
    'Il y a une règle simple : « On ne touche pas au budget. »',
    'La consigne est claire : « Personne ne sort après minuit. »',
    'Un voyageur a découvert la nouvelle règle : « Il faut une attestation pour rentrer. »',
  ])
    assert.deepEqual(
      run(text).map((a) => a.rule),
      [],
      text,
    );
});

test('perspective phrases name the speaker by their pronoun: "À ses yeux, …", "à l\'en croire, …"', () => {
  const a = byCue(`${LEAD}À ses yeux, le quartier a perdu son âme.`, 'À ses yeux');
  assert.equal(a.source?.resolved, 'Marion Vasseur');
  assert.equal(a.content.text, 'le quartier a perdu son âme');
  assert.equal(a.kind, 'according');
  const b = byCue(`${LEAD}À l'en croire, la rue sera piétonne avant l'été.`, "À l'en croire");
  assert.equal(b.source?.resolved, 'Marion Vasseur');
});

test('an emphatic stressed pronoun repeats the subject: "Le maire, lui, a déclaré que …"', () => {
  assert.equal(byCue('Le maire, lui, a déclaré que le budget était serré.', 'a déclaré').source?.text, 'Le maire');
  assert.equal(
    run('Les automobilistes, eux, grincent des dents.').some((a) => a.source?.text === 'des dents'),
    false,
  );
});

test('the indefinite "on" with a medium: the medium is the source ("On apprend via X que …", "On lit dans X que …")', () => {
  const a = byCue('On apprend via le compte Twitter de la mairie que des travaux sont prévus au printemps.', 'apprend');
  assert.equal(a.source?.text, 'le compte Twitter de la mairie');
  assert.equal(a.content.text, 'des travaux sont prévus au printemps');
  assert.equal(byCue('On lit sur le site de la préfecture que la route sera fermée.', 'lit').source?.text, 'le site de la préfecture');
  // A reader cue without a medium has no source: no attribution.
  assert.deepEqual(
    run('Sur les pancartes, on pouvait lire : « Nous ne lâcherons rien cette fois. »').map((x) => x.cue?.text),
    [],
  );
});

test('"qualifier X de « … »": the object and its attribute are the content', () => {
  const a = byCue('Le critique Paul Aubry qualifie sa cuisine de « généreuse et sans esbroufe ».', 'qualifie');
  assert.equal(a.content.text, 'sa cuisine de « généreuse et sans esbroufe »');
  assert.equal(a.kind, 'mixed');
});

test('"Du côté de X, on assure que …", "Chez X, on indique que …": the opening phrase names the indefinite speaker', () => {
  assert.equal(byCue("Du côté de l'industriel, on assure que les précautions seront prises.", 'assure').source?.text, "l'industriel");
  assert.equal(byCue("L'usine est à l'arrêt. Chez Renault, on indique qu'elle rouvrira lundi.", 'indique').source?.text, 'Renault');
});

test('a plural pronoun opening its sentence continues the plural subject of the sentence before', () => {
  const a = byCue("Les militants ne sont pas convaincus. Ils accusent la préfecture d'avoir organisé une consultation « bidon ».", 'accusent');
  assert.equal(a.source?.resolved, 'Les militants');
});

test('a dash opens an incise inside a quotation: "« … – observe-t-il dans un livre. … »"', () => {
  const a = byCue(
    "Éric Chauvier est anthropologue. « Il faudrait rendre grâce à la science – observe-t-il dans un autre livre. La démocratie s'en porterait mieux. »",
    'observe-t-il',
  );
  assert.equal(a.source?.resolved, 'Éric Chauvier');
});

test('an unconfirmed source hedges what it carries: "selon des informations non confirmées", "…, selon des sources non vérifiées"', () => {
  assert.equal(byCue('Selon des informations non confirmées, le ministre a démissionné.', 'Selon').hedged, true);
  assert.equal(byCue('Le ministre a démissionné, selon des sources non vérifiées.', 'selon').hedged, true);
  assert.equal(byCue('Le ministre a démissionné, selon la police.', 'selon').hedged, false);
});

test('a quotation holding only "selon X" mentions the phrase and reports nothing', () => {
  assert.deepEqual(
    run("Les journalistes ont fini de sourcer « selon l'Élysée », et pas de bandeaux.").map((x) => x.cue?.text),
    [],
  );
  assert.equal(byCue("Selon l'Élysée, le président est calme.", 'Selon').source?.text, "l'Élysée");
});

test('object clitics open an incise after a quotation ("m\'a-t-il lancé"), not a question ("vous a-t-on dit ?")', () => {
  const a = byCue("Paul Roux est mon médecin. « Continuez comme ça, surtout », m'a-t-il lancé.", "m'a-t-il lancé");
  assert.equal(a.source?.resolved, 'Paul Roux');
  assert.equal(
    run('« Les clients reviennent tous les samedis », vous a-t-on déjà dit ?').some((x) => x.cue?.text.includes('a-t-on')),
    false,
  );
});

test('a compound tense before a colon frames the quotation when its subject can speak and no object stands between', () => {
  const a = byCue("Mon voisin Jean-Marc, mécanicien à la retraite, m'avait prévenu : « Tu vas tenir trois jours. »", 'avait prévenu');
  assert.match(a.source?.text ?? '', /Jean-Marc/);
  assert.equal(run('Les enquêteurs ont découvert un message : « Nous ne céderons jamais. »').length, 0);
  assert.equal(
    run('La réunion a commencé : « Nous ne céderons jamais, dit le texte. »').some((x) => x.cue?.text === 'a commencé'),
    false,
  );
});

test('a noun of saying heads a verbless frame before a colon: "Réponse de X : « … »", "Sa réponse : « … »"', () => {
  const a = byCue('Réponse immédiate de Karim Belkacem, secrétaire de SUD-Rail : « Le ministre ferait mieux de se taire. »', 'Réponse immédiate de');
  assert.equal(a.source?.text, 'Karim Belkacem');
  assert.equal(a.kind, 'direct');
  const b = byCue("J'ai posé la question à Rémi Fontaine. Sa réponse : « Les travaux commenceront à l'automne. »", 'Sa réponse');
  assert.equal(b.source?.resolved, 'Rémi Fontaine');
  // First person: the author's own answer.
  assert.equal(run("Ma réponse : « Les travaux commenceront à l'automne. »").length, 0);
});

test('an adverbial between commas sits between the subject and its cue: "Le gouvernement, pourtant, martèle que"', () => {
  assert.equal(byCue("Le gouvernement, pourtant, martèle qu'il n'y a pas d'autre choix.", 'martèle').source?.text, 'Le gouvernement');
  assert.equal(byCue('Le maire, lundi, a annoncé que la fête aura lieu.', 'a annoncé').source?.text, 'Le maire');
});

test('the indefinite "on" without a medium is hearsay in the author\'s voice; "parler de « … »" reports', () => {
  assert.equal(run('On nous répond que les effectifs baissent.').length, 0);
  assert.equal(byCue("Le journaliste Marc Dana parle d'une « très vive altercation » avec des habitants.", 'parle').kind, 'mixed');
});

test('a pronoun takes the described subject of the sentence before over an older speaker', () => {
  const text =
    "« Les travaux commenceront à l'automne », a dit Rémi Fontaine. Je veux bien le croire. Mon médecin est formel : j'ai perdu six kilos. « Continuez comme ça, surtout », m'a-t-il lancé.";
  assert.equal(byCue(text, "m'a-t-il lancé").source?.resolved, 'Mon médecin');
});

test('a lone given name the entities layer calls a person is a mention: "Nadia, aide-soignante, attend"', () => {
  const text =
    '« Nous prévoyons un train sur trois en moyenne », a indiqué la RATP. Sur le quai, Nadia, aide-soignante, attend depuis une heure. « Je vais encore arriver en retard, mais je les soutiens », sourit-elle.';
  assert.equal(byCue(text, 'sourit-elle').source?.resolved, 'Nadia');
});

test('a participle opening the sentence speaks for the subject of the main clause: "Estimant que …, la CGT appelle"', () => {
  const a = byCue('Estimant que la réforme est injuste, la CGT appelle à la grève.', 'Estimant');
  assert.equal(a.source?.text, 'la CGT');
  assert.equal(a.content.text, 'la réforme est injuste');
  const b = byCue("Ajoutant avoir agi pour « arrêter » une guerre, le chef de l'État a assuré que tout allait bien.", 'Ajoutant');
  assert.equal(b.source?.text, "le chef de l'État");
  // A subject that cannot speak: no attribution from the participle.
  assert.equal(run('Estimant le prix trop élevé, les clients sont partis.').length, 0);
});

test('an ASCII double quote closes a quotation for the construction too ("…", a-t-il débuté / sourit X)', () => {
  const a = byCue(`${LEAD}"Les clients reviennent tous les samedis", a-t-elle débuté.`, 'a-t-elle débuté');
  assert.equal(a.source?.resolved, 'Marion Vasseur');
  assert.equal(byCue('"Les loyers ont encore augmenté cette année", grommelle Paul Girard.', 'grommelle').source?.text, 'Paul Girard');
  // "puis" after a quotation is the conjunction, not "je puis".
  const run2 = run(`Il a appris son art auprès des "Petits comédiens de chiffon du Nord", puis de Louis Pajot.`);
  assert.equal(
    run2.some((x) => x.cue?.text === 'puis'),
    false,
  );
});

test('the narrative infinitive with an elided "d\'" continues the previous speaker ("Et d\'ajouter : « … »")', () => {
  const text = "Le ministre Paul Roux a parlé lundi. « Je dépose un texte de loi », a-t-il dit. Et d'ajouter : « La loi passera bientôt en séance. »";
  const a = byCue(text, "Et d'ajouter");
  assert.equal(a.source?.resolved, 'Paul Roux');
  assert.equal(a.kind, 'direct');
});

test('"croit savoir X" reports; bare "croire" stays cognition', () => {
  const a = byCue("Le ministre l'aurait décidé « seul, avec sa famille », croit savoir Le Parisien.", 'croit savoir');
  assert.equal(a.source?.text, 'Le Parisien');
  assert.equal(
    run('Le ministre croit que la réforme passera.').some((x) => x.cue?.text === 'croit'),
    false,
  );
});

test('a quotation standing alone as a paragraph without a final stop is a heading, not a follow-on quotation', () => {
  const text =
    '« J\'ai peur de la rumeur, mais pas de la vérité », a confié le ministre Paul Roux.\n\n"La maîtrise du calendrier"\n\nDerrière cette opération de communication, on retrouve un spécialiste.';
  assert.equal(
    run(text).some((x) => x.content.text.includes('maîtrise')),
    false,
  );
});
