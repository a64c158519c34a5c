// Less common constructions of reported speech, on invented sentences:
// relative-clause subjects, opening medium phrases, fronted clefts, infinitives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionByCue, attributionsOf } from '../../../test/helpers/attributions.js';

const run = (text: string) => attributionsOf(text);
const byCue = (text: string, cue: string) => attributionByCue(text, cue);

test('"Celle qui … confie avoir …": the pronoun heading the relative clause speaks', () => {
  const a = byCue('Nora Belkacem a quitté la scène en 2019. Celle qui a longtemps dirigé la troupe confie avoir hésité.', 'confie');
  assert.equal(a.source?.text, 'Celle');
  assert.equal(a.source?.resolved, 'Nora Belkacem');
  assert.equal(a.content.text, 'avoir hésité');
});

test('a medium phrase opening the sentence is the via', () => {
  const a = byCue('Dans une interview au Parisien, le maire a affirmé que la piscine rouvrirait.', 'a affirmé');
  assert.deepEqual(
    a.via.map((v) => v.text),
    ['une interview au Parisien'],
  );
  const b = byCue('A Midi Libre, la chanteuse Lou Verne a déclaré soutenir les grévistes.', 'a déclaré');
  assert.deepEqual(
    b.via.map((v) => v.text),
    ['Midi Libre'],
  );
});

test('"X, c\'est ce que réclame Y": the fronted phrase is the content', () => {
  const a = byCue("Le marché est calme. Une baisse des taux, c'est ce que réclame le patronat.", 'réclame');
  assert.equal(a.content.text, 'Une baisse des taux');
});

test('an incise over a time adverbial; the press conference is the occasion, no intermediary', () => {
  const a = byCue("Les travaux ont pris trois mois de retard, a reconnu dans la soirée Lucie Baron lors d'une conférence de presse.", 'a reconnu');
  assert.equal(a.source?.text, 'Lucie Baron');
  assert.deepEqual(
    a.via.map((v) => v.text),
    [],
  );
});

test('"Me X" is a lawyer: "l\'avocat" refers to him', () => {
  const text = "Me Louis Verdier plaide pour la famille. « Ce dossier a été bâclé », a tonné l'avocat.";
  assert.equal(byCue(text, 'a tonné').source?.resolved, 'Louis Verdier');
});

test('"selon" meaning "depending on" is no source', () => {
  assert.deepEqual(run('Les loyers varient selon les quartiers, et les charges selon que le logement est chauffé ou non.'), []);
});

test('a quotation right after the cue is its content; a short title is not', () => {
  const a = byCue('Le maire a déclaré « nous ne céderons rien aux promoteurs ».', 'a déclaré');
  assert.equal(a.kind, 'direct');
  assert.equal(a.content.text, '« nous ne céderons rien aux promoteurs »');
  assert.deepEqual(run('Le théâtre a annoncé « Les Rivages » pour la rentrée.'), []);
});

test('"…, indique X, qui précise que …": the relative speaks for X ("indique" is no participle)', () => {
  const a = byCue('« Le feu est maîtrisé », indique Radio Nord, qui précise que deux maisons ont brûlé.', 'précise');
  assert.equal(a.source?.text, 'Radio Nord');
});

test('"Selon X, qui …, une apposition, content": the content is the main clause', () => {
  const a = byCue("Selon Radio Nord, qui a joint un gardien, un retraité, le feu serait parti d'un barbecue.", 'Selon');
  assert.equal(a.content.text, "le feu serait parti d'un barbecue");
});

test('"Mais, ajoute-t-il, « … »": the quotation after the incise is the content', () => {
  const a = byCue('« Tout est prêt », assure Hugo Rey. Mais, ajoute-t-il, « il manque encore les autorisations ».', 'ajoute-t-il');
  assert.equal(a.content.text, '« il manque encore les autorisations »');
  assert.equal(a.source?.resolved, 'Hugo Rey');
});

test('addressees before a que-clause: a date aside, coordinated names, a named direct object', () => {
  const a = byCue('La sénatrice a assuré, mardi 3 mars, à Paul Roux et Ana Lima que le texte serait amendé.', 'a assuré');
  assert.equal(a.content.text, 'le texte serait amendé');
  const b = byCue('Léo Marin hésite. Il a pourtant assuré Nadia Ferri que sa décision était prise.', 'a pourtant assuré');
  assert.equal(b.content.text, 'sa décision était prise');
  assert.equal(b.source?.resolved, 'Léo Marin');
});

test('an object clitic before a cue that opens a que-clause: "le maire les assure que …"', () => {
  const a = byCue('Dans une lettre aux riverains, le maire les assure que le marché restera ouvert.', 'assure');
  assert.equal(a.source?.text, 'le maire');
});

test('"a appris X auprès de Y": Y is the source, X the via', () => {
  const a = byCue('Le directeur a démissionné, a appris Radio Nord auprès de ses proches.', 'a appris');
  assert.equal(a.source?.text, 'ses proches');
  assert.deepEqual(
    a.via.map((v) => v.text),
    ['Radio Nord'],
  );
});

test('"s\'est dit hostile à …" after a participial aside', () => {
  const a = byCue("Le chef du groupe, Marc Olivi, tout en saluant le travail du rapporteur, s'est dit hostile à « toute sanction ».", "s'est dit");
  assert.equal(a.source?.text, 'Marc Olivi');
  assert.equal(a.content.text, 'hostile à « toute sanction »');
  assert.equal(a.kind, 'mixed');
});

test('"de" + infinitive after a directive or a promise, with an addressee', () => {
  const a = byCue('La ministre a demandé aux préfets de « renforcer les contrôles ».', 'a demandé');
  assert.equal(a.content.text, 'aux préfets de « renforcer les contrôles »');
  const b = byCue("Le maire promet de rouvrir la piscine avant l'été.", 'promet');
  assert.equal(b.content.text, "de rouvrir la piscine avant l'été");
});

test('a trailing incise or "selon" frame is cut from the content before it', () => {
  const a = byCue('Le ministre a promis que la loi serait votée en mai, rapporte Radio Nord.', 'a promis');
  assert.equal(a.content.text, 'la loi serait votée en mai');
  const b = byCue('La maire aurait jugé le projet « absurde », selon des propos rapportés par Radio Nord.', 'aurait jugé');
  assert.equal(b.content.text, 'le projet « absurde »');
});

test('a coordinated cue shares the subject across an adverbial clause ("car …")', () => {
  const a = byCue("La directrice, Inès Marty, explique, car les élèves ne peuvent pas parler, et précise que le projet vient d'eux.", 'précise');
  assert.equal(a.source?.text, 'Inès Marty');
});

test('an infinitive cue after "pour" / "à" speaks for the subject of its verb', () => {
  const a = byCue('Paul Roux a été sollicité. Il en profite pour rappeler la règle : « Personne ne peut rester insensible à cette misère ».', 'rappeler');
  assert.equal(a.source?.resolved, 'Paul Roux');
  assert.equal(a.kind, 'direct');
  const b = byCue("La ministre a tenu à préciser que rien n'était décidé.", 'préciser');
  assert.equal(b.source?.text, 'La ministre');
  assert.deepEqual(run('Ils doivent se réunir pour discuter du budget.'), []);
});

test('"Au total, précise X, …": an adverbial lead-in, the content follows the incise', () => {
  const a = byCue('Au total, précisent les pompiers sur Twitter, le bilan est de « 12 blessés légers ».', 'précisent');
  assert.equal(a.content.text, 'le bilan est de « 12 blessés légers »');
  assert.deepEqual(
    a.via.map((v) => v.text),
    ['Twitter'],
  );
});

test('"…, a dit X précisant que …": a participle without a comma continues the speaker', () => {
  const a = byCue('« Le site est fermé », a indiqué la préfecture du Cantal précisant que les visites reprendraient lundi.', 'précisant');
  assert.equal(a.source?.text, 'la préfecture du Cantal');
  assert.equal(a.content.text, 'les visites reprendraient lundi');
});

test('"a-t-on précisé de même source": the source named before', () => {
  const a = byCue("Le ministère a confirmé à Radio Nord que le stock était épuisé. Il le sera jusqu'en mai, a-t-on précisé de même source.", 'a-t-on précisé');
  assert.equal(a.source?.resolved, 'Le ministère');
});

test('an inverted speaker stops before its medium ("relate le garde au Courrier")', () => {
  const a = byCue('« Le filet a été coupé net », relate le garde au Parisien.', 'relate');
  assert.equal(a.source?.text, 'le garde');
  assert.deepEqual(
    a.via.map((v) => v.text),
    ['Parisien'],
  );
});

test('"A selon X B" without commas: the whole sentence; a capital "Selon" after a lost full stop opens it', () => {
  const a = byCue('Le projet a été abandonné au risque selon certains experts de retarder la ligne.', 'selon');
  assert.equal(a.content.text, 'Le projet a été abandonné au risque selon certains experts de retarder la ligne');
  const b = byCue('Une piste sérieuse Selon les enquêteurs, le suspect a quitté la région.', 'Selon');
  assert.equal(b.content.text, 'le suspect a quitté la région');
});

test('idioms and speakerless infinitives are not cues: "cela veut dire", "pour réclamer …"', () => {
  assert.deepEqual(run('Cela veut dire que le chantier prendra du retard.'), []);
  assert.deepEqual(run('Des rassemblements pour réclamer justice ont dégénéré.'), []);
});

test('an impersonal "il est important de rappeler que" has no speaker', () => {
  assert.deepEqual(run('Il est important de rappeler que la loi interdit ces pratiques.'), []);
});

test('"qu\'« … »": a que-clause opening on a quotation, after a date without commas', () => {
  const a = byCue("Le ministre de l'Éducation, Olivier Ferrand, assurait pourtant en janvier qu'« aucune école ne fermera ».", 'assurait');
  assert.equal(a.source?.resolved, 'Olivier Ferrand');
  assert.match(a.content.text, /aucune école ne fermera/);
});

test('", qui estime": the antecedent whose head cannot speak gives the speaker among its complements', () => {
  const a = byCue("Une hypothèse balayée par l'Agence nationale des fréquences, qui estime qu'« aucun effet n'a été démontré ».", 'estime');
  assert.equal(a.source?.text, "l'Agence nationale des fréquences");
  const b = byCue('Il a tapé dans la main du président américain, qui a dit qu\'il faisait un "super boulot".', 'a dit');
  assert.equal(b.source?.text, 'président américain');
});

test('"Pour la première fois de l\'histoire de X,": a phrase whose head is no speaker names no one', () => {
  assert.equal(run("Pour la première fois de l'histoire de l'émission Fort Boyard, les candidats ont réussi.").length, 0);
  assert.equal(byCue('Pour Jean Dupont, le projet est mort.', 'Pour').source?.text, 'Jean Dupont');
});

const LEAD2 = 'La fête a eu lieu samedi dans le village. ';

test('"nous l\'a confirmé", "n\'en revenait pas": object clitics and negation before the verb, "nous" agreeing with it or not', () => {
  const a = byCue(`${LEAD2}Un ancien salarié, qui a souhaité rester anonyme, nous l'a confirmé : « On nous a dit de rassurer les gens. »`, 'a confirmé');
  assert.equal(a.source?.text, 'Un ancien salarié');
  const b = byCue(`${LEAD2}Le vainqueur, Lucas Martin, 19 ans, n'en revenait pas : « J'ai battu mon grand-père en finale ! »`, 'revenait');
  assert.equal(b.source?.resolved, 'Lucas Martin');
  // "nous avons": the author's own voice, no reported statement.
  assert.equal(run(`${LEAD2}Nous avons confirmé que le site fermera.`).length, 0);
});

test('"avant de rappeler que": the infinitive after a compound preposition speaks for the main subject', () => {
  const a = byCue(`${LEAD2}Le maire remercie les bénévoles avant de rappeler que la commune a investi.`, 'rappeler');
  assert.equal(a.source?.text, 'Le maire');
  assert.equal(a.content.text, 'la commune a investi');
});

test('", pour qui « … »": the antecedent speaks; not when the relative clause is closed by a comma', () => {
  const a = byCue(`${LEAD2}Il a rencontré Marie Blanc, pour qui « la réforme est une erreur ».`, 'pour qui');
  assert.equal(a.source?.text, 'Marie Blanc');
  assert.match(a.content.text, /la réforme est une erreur/);
  assert.equal(run(`${LEAD2}Jean Dupont, pour qui il a travaillé dix ans, est parti.`).length, 0);
});

test('a trailing "selon X" / "d\'après X" after an incise names the intermediary of that incise', () => {
  const cases: [string, string, string, string[]][] = [
    [
      '« Le péage restera gratuit cet hiver », a assuré la présidente de la région, selon Ouest-France.',
      'a assuré',
      'la présidente de la région',
      ['Ouest-France'],
    ],
    ["« Nous ne signerons rien », a prévenu le syndicaliste, d'après Libération.", 'a prévenu', 'le syndicaliste', ['Libération']],
    // Without a trailing phrase, no intermediary.
    ['« Nous ne signerons rien », a prévenu le syndicaliste.', 'a prévenu', 'le syndicaliste', []],
  ];
  for (const [text, cue, speaker, via] of cases) {
    const a = byCue(text, cue);
    assert.equal(a.source?.text, speaker, text);
    assert.deepEqual(
      a.via.map((v) => v.text),
      via,
      text,
    );
  }
});

test('"selon X citant Y" / "according to X, citing Y": Y is the source, X its intermediary', () => {
  for (const text of [
    'Selon Le Figaro citant des proches du dossier, la vente sera conclue en mars.',
    'La vente sera conclue en mars, selon Le Figaro, citant des proches du dossier.',
  ]) {
    const [a] = run(text);
    assert.equal(a?.source?.text, 'des proches du dossier', text);
    assert.deepEqual(
      a?.via.map((v) => v.text),
      ['Le Figaro'],
      text,
    );
    assert.equal(a?.content.text.toLowerCase(), 'la vente sera conclue en mars', text);
  }
});
