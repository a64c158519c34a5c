// Speakers and frames of prose outside wire copy (issue 14), on invented sentences: a source phrase cut inside a
// name, party labels as descriptions, speculation about an act to come, a name inside the quoted words, a participle
// inside an incised statement, reader frames and manner asides between an incise verb and its subject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

// Short texts are given their language: identification needs more words than one test sentence holds.
const run = (text: string) => attributionsOf(text, 'fr');
const byCue = (text: string, cue: string) => attributionByCue(text, cue, 'fr');

test('a source phrase stopping inside a name runs to its end: "selon les estimations des Nations unies"', () => {
  const a = byCue("La guerre dure depuis dix ans. Selon les estimations des Nations unies, trois millions d'habitants ont fui.", 'Selon');
  assert.equal(a.source?.text, 'Nations unies');
  assert.equal(a.content.text, "trois millions d'habitants ont fui");
  const b = byCue('Selon les données de Santé publique France, les hospitalisations reculent.', 'Selon');
  assert.equal(b.source?.text, 'Santé publique France');
});

test('a party label is a description of the person just named, capitalised or not', () => {
  const a = byCue("Aurélie Marchand a tenu meeting à Rennes samedi. L'Insoumise a jugé que « la réforme des bourses est une faute ».", 'a jugé');
  assert.equal(a.source?.resolved, 'Aurélie Marchand');
  const b = byCue('Thierry Vasseur était à Dijon lundi. Le socialiste a estimé que le budget était « insincère ».', 'a estimé');
  assert.equal(b.source?.resolved, 'Thierry Vasseur');
  // Ungendered label ("l'écologiste"): only when one person is named within reach.
  const c = byCue("Inès Robin visitait une ferme. « Le climat n'attend pas », a lancé l'écologiste.", 'a lancé');
  assert.equal(c.source?.resolved, 'Inès Robin');
  const d = byCue("Inès Robin et Paul Morel visitaient une ferme. « Le climat n'attend pas », a lancé l'écologiste.", 'a lancé');
  assert.equal(d.source?.resolved ?? null, null);
});

test('a modal before a cue infinitive is an act to come, not a statement: "devrait annoncer", "va dire"', () => {
  const a = run('Le ministre Hugo Fabre devrait annoncer des mesures fortes jeudi, selon une source proche du dossier.');
  assert.deepEqual(
    a.map((x) => x.cue?.text),
    ['selon'],
  );
  assert.equal(a[0]!.content.text, 'Le ministre Hugo Fabre devrait annoncer des mesures fortes jeudi');
  assert.deepEqual(
    run('La directrice Julie Caron va dire que tout est prêt.').map((x) => x.cue?.text),
    [],
  );
  // The reader frame keeps its modal: "on peut lire dans X que …".
  assert.equal(byCue('On peut lire dans le rapport de la Cour des comptes que la dette a doublé.', 'lire').kind, 'indirect');
});

test('a name inside the quoted words is never the speaker of the incise after them', () => {
  const a = byCue(
    'Le syndicaliste Paul Garnier a tenu meeting à Lyon. « Ce que propose Emmanuel Macron est une injustice », a-t-il poursuivi.',
    'a-t-il poursuivi',
  );
  assert.equal(a.source?.resolved, 'Paul Garnier');
  // "Ce que VERB X" opening a quotation is a free relative, no comment on the sentence before.
  assert.equal(
    run('Le syndicaliste Paul Garnier a tenu meeting à Lyon. « Ce que propose Emmanuel Macron est une injustice », a-t-il poursuivi.').some(
      (x) => x.cue?.text === 'propose',
    ),
    false,
  );
  // "C'est ce que révélait X" still comments on the sentence before.
  assert.equal(byCue("Le club sera vendu. C'est ce que révélait L'Équipe mardi.", 'révélait').content.text, 'Le club sera vendu');
});

test('a participle with its agent inside words an incise gives to another speaker is part of those words', () => {
  const text = "Muriel Pénard était l'invitée de la radio. L'augmentation annoncée par Emmanuel Macron « sera versée dès janvier », a précisé Mme Pénard.";
  const a = run(text);
  assert.deepEqual(
    a.map((x) => x.cue?.text),
    ['a précisé'],
  );
  assert.equal(a[0]!.source?.resolved, 'Muriel Pénard');
  // Elsewhere the participle keeps its agent as a speaker.
  assert.equal(byCue("Les frappes confirmées par l'armée ont touché trois villages, selon l'ONU.", 'confirmées').source?.text, "l'armée");
});

test('"« … », peut-on lire dans X": the medium is the source of the reader frame', () => {
  const a = byCue('« Le gouvernement a menti aux électeurs », peut-on lire dans Le Canard enchaîné.', 'peut-on lire');
  assert.equal(a.source?.text, 'Le Canard enchaîné');
  assert.equal(a.kind, 'direct');
  assert.deepEqual(
    run('Peut-on lire ce roman sans frémir ? La question reste ouverte.').map((x) => x.cue?.text),
    [],
  );
});

test('a manner aside between an incise verb and its subject: ", amer,", "dans un sourire", "d\'une voix calme", "avec colère"', () => {
  const cases: [string, string, string][] = [
    ["« Ils ont tout cassé », lâche, amer, un élu de l'opposition.", 'lâche', "un élu de l'opposition"],
    ['« Ils ont tout cassé », glisse dans un sourire Michel Durand.', 'glisse', 'Michel Durand'],
    ["« Ils ont tout cassé », tranche d'une voix calme la présidente du tribunal.", 'tranche', 'la présidente du tribunal'],
    ["« Ils ont tout cassé », s'emporte avec colère le maire de la commune.", "s'emporte", 'le maire de la commune'],
  ];
  for (const [text, cue, source] of cases) {
    const a = byCue(text, cue);
    assert.equal(a.source?.text, source, text);
    assert.equal(a.content.text, '« Ils ont tout cassé »', text);
  }
  // No aside makes an object a subject: "…, a ajouté dans un communiqué" keeps no speaker it does not have.
  assert.equal(
    run('Le maire a pris la parole. Il a parlé, très ému, aux habitants.').some((x) => x.cue?.text === 'a parlé'),
    false,
  );
});

test('a name apposed to the description after a perspective or "selon" phrase is the speaker, not content', () => {
  const a = byCue("Pour la porte-parole du collectif, Lucie Marin, il n'y a « aucune alternative crédible ».", 'Pour');
  assert.equal(a.source?.text, 'Lucie Marin');
  assert.equal(a.content.text, "il n'y a « aucune alternative crédible »");
  const b = byCue("À en croire le maire, Gilles Fabre, la route sera refaite avant l'été.", 'À en croire');
  assert.equal(b.source?.text, 'Gilles Fabre');
  assert.equal(b.content.text, "la route sera refaite avant l'été");
});

test('"Pour X," with a one-word organisation speaks only when the sentence quotes it', () => {
  const a = byCue('Pour Greenpeace, ce projet est « une aberration climatique ».', 'Pour');
  assert.equal(a.source?.text, 'Greenpeace');
  assert.deepEqual(
    run("Pour Renault, l'année a été difficile sur le marché européen.").map((x) => x.cue?.text),
    [],
  );
});

test('a person or body as the object before a colon is addressed by the quotation: "tacle le gouvernement : « … »"', () => {
  const a = byCue("L'économiste Thomas Porcher tacle le gouvernement : « Ils n'ont rien compris à la crise. »", 'tacle');
  assert.equal(a.source?.text, 'Thomas Porcher');
  assert.equal(a.kind, 'direct');
  // A thing as the object is what the quotation spells out, no speech.
  for (const text of ['Les enquêteurs ont découvert un message : « Je reviendrai. »', 'La mairie affiche ce slogan : « Ensemble pour demain. »'])
    assert.deepEqual(
      run(text).map((x) => x.rule),
      [],
      text,
    );
});

test('a medium with a participle and a date between the cue and its quoted object: "dénonce, dans un rapport publié jeudi, « … »"', () => {
  for (const text of [
    "L'ONG Terre Vive dénonce, dans un rapport publié jeudi, « des violations massives du droit du travail ».",
    "L'ONG Terre Vive dénonce dans un rapport publié jeudi « des violations massives du droit du travail ».",
  ]) {
    const a = byCue(text, 'dénonce');
    assert.equal(a.content.text, '« des violations massives du droit du travail »', text);
    assert.equal(a.kind, 'direct');
  }
});

test('a pronominal cue with a quoted "de" complement: "s\'inquiète d\'une « dérive autoritaire »"', () => {
  const a = byCue("Le sénateur Jean Dupuis s'inquiète d'une « dérive autoritaire ».", "s'inquiète");
  assert.equal(a.content.text, "d'une « dérive autoritaire »");
  assert.equal(a.kind, 'mixed');
  // Without quoted words the complement is a feeling, not a statement.
  assert.deepEqual(
    run("Le sénateur Jean Dupuis s'inquiète de la situation.").map((x) => x.cue?.text),
    [],
  );
});
