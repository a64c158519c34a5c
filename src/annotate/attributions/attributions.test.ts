// Constructions, speakers, intermediaries and hedging on French news-style
// sentences written for these tests (fictional people and places).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../pipeline/analyze.js';
import type { Attribution } from '../../doc/schema.js';

const run = (text: string) => analyze(text, { raw: true }).attributions;
const brief = (a: Attribution) => ({
  cue: a.cue?.text ?? null,
  source: a.source?.text ?? null,
  resolved: a.source?.resolved ?? null,
  anonymous: a.source?.anonymous ?? null,
  content: a.content.text,
  kind: a.kind,
  via: a.via.map((v) => v.text),
  hedged: a.hedged,
  parent: a.parent,
});
const one = (text: string) => {
  const all = run(text);
  assert.equal(all.length, 1, `expected one attribution in: ${text}\n${JSON.stringify(all.map(brief), null, 1)}`);
  return brief(all[0]!);
};

test('que-clause with a named subject and a medium', () => {
  const a = one("Le maire de Vernac, Paul Delorme, a déclaré jeudi à l'AFP que le pont serait fermé pendant trois mois.");
  assert.equal(a.cue, 'a déclaré');
  assert.equal(a.source, 'Paul Delorme');
  assert.equal(a.anonymous, false);
  assert.deepEqual(a.via, ["l'AFP"]);
  assert.equal(a.content, 'le pont serait fermé pendant trois mois');
  assert.equal(a.kind, 'indirect');
  // Sequence of tenses: "serait fermé" after a past-tense cue is not a hedge.
  assert.equal(a.hedged, false);
});

test('present-tense cue: the conditional in the que-clause is a hedge', () => {
  const a = one('Le syndicat affirme que plusieurs salariés auraient été licenciés sans préavis.');
  assert.equal(a.source, 'Le syndicat');
  assert.equal(a.hedged, true);
});

test('incise with an inverted clitic resolves to the last speaker of that gender', () => {
  const all = run('« Nous ne céderons pas », a lancé Claire Fontaine devant les grévistes. « La direction doit revenir à la table », a-t-elle ajouté.');
  assert.equal(all.length, 2);
  const [a, b] = all.map(brief);
  assert.equal(a!.kind, 'direct');
  assert.equal(a!.source, 'Claire Fontaine');
  assert.equal(a!.content, '« Nous ne céderons pas »');
  assert.equal(b!.source, 'elle');
  assert.equal(b!.resolved, 'Claire Fontaine');
  assert.equal(b!.anonymous, false);
});

test('a surname or a title resolves to the full name', () => {
  const all = run("L'avocate Sophie Marchal a plaidé la relaxe. Mme Marchal a estimé que le dossier était vide.");
  const a = brief(all.find((x) => x.cue?.text === 'a estimé')!);
  assert.equal(a.source, 'Mme Marchal');
  assert.equal(a.resolved, 'Sophie Marchal');
});

test('inversion after a clause: "…, a annoncé X" and "…, ont indiqué des sources"', () => {
  const a = one('Trois personnes ont été blessées lors de la manifestation, a annoncé la préfecture du Rhône.');
  assert.equal(a.cue, 'a annoncé');
  assert.equal(a.source, 'la préfecture du Rhône');
  assert.equal(a.content, 'Trois personnes ont été blessées lors de la manifestation');
  const b = one("Le convoi a quitté la ville avant l'aube, ont indiqué des sources sécuritaires.");
  assert.equal(b.anonymous, true);
});

test('colon + quotation, across a paragraph break', () => {
  const a = one("Le ministère de l'Agriculture précise :\n\n« Aucune exploitation n'a été contaminée. »");
  assert.equal(a.cue, 'précise');
  assert.equal(a.source, "Le ministère de l'Agriculture");
  assert.equal(a.kind, 'direct');
  assert.equal(a.content, "« Aucune exploitation n'a été contaminée. »");
});

test('selon at the start, at the end and with an intermediary', () => {
  const a = one("Selon l'Observatoire des prix, les loyers ont augmenté de 4 % en un an.");
  assert.equal(a.kind, 'according');
  assert.equal(a.cue, 'Selon');
  assert.equal(a.content, 'les loyers ont augmenté de 4 % en un an');
  const b = one('Le barrage aurait cédé sous la pression, selon des témoins.');
  assert.equal(b.content, 'Le barrage aurait cédé sous la pression');
  assert.equal(b.anonymous, true);
  assert.equal(b.hedged, true);
  const c = one('Selon des sources citées par la radio Horizon, le président aurait quitté le pays.');
  assert.equal(c.source, 'des sources');
  assert.deepEqual(c.via, ['la radio Horizon']);
});

test("d'après and à en croire are according attributions", () => {
  assert.equal(one("D'après une étude de l'Inserm, la consommation de tabac recule.").kind, 'according');
  assert.equal(one('À en croire ses proches, il envisage de démissionner.').cue, 'À en croire');
});

test('a medium citing the speaker: "écrit le journal X, citant Y"', () => {
  const a = one('« Le stade ne rouvrira pas avant 2026 », écrit le quotidien Le Courrier, citant Marc Vidal, adjoint aux sports.');
  assert.equal(a.cue, 'écrit');
  assert.equal(a.source, 'Marc Vidal');
  assert.deepEqual(a.via, ['le quotidien Le Courrier']);
  assert.equal(a.kind, 'direct');
});

test('"a rapporté X, citant Y": the one cited is no role of the medium, and is not resolved to it', () => {
  const a = one('Deux hommes ont été interpellés mardi soir à Vernac, a rapporté Le Courrier du Nord, citant la préfecture.');
  assert.equal(a.source, 'la préfecture');
  assert.equal(a.resolved, null);
  assert.deepEqual(a.via, ['Le Courrier du Nord']);
});

test('passive and participial cues with an agent', () => {
  const a = one('Ces chiffres ont été confirmés par le ministère de la Santé.');
  assert.equal(a.cue, 'ont été confirmés');
  assert.equal(a.source, 'le ministère de la Santé');
  const b = one('Un projet présumé cité par des diplomates européens prévoirait la levée des sanctions.');
  assert.equal(b.cue, 'cité');
  assert.equal(b.source, 'des diplomates européens');
  assert.equal(b.anonymous, true);
  assert.equal(b.hedged, true);
});

test('infinitive and object complements, and "dans un communiqué"', () => {
  const a = one('Le groupe rebelle a affirmé avoir abattu un drone.');
  assert.equal(a.content, 'avoir abattu un drone');
  const b = one("L'entreprise a démenti dans un communiqué toute fuite de données.");
  // The speaker's own document is the channel, no intermediary of the chain.
  assert.deepEqual(b.via, []);
  assert.equal(b.content, 'toute fuite de données');
});

test('a mixed quotation: indirect speech with a quoted fragment', () => {
  assert.equal(one('La ministre a jugé que cette décision était « inacceptable ».').kind, 'mixed');
});

test('nesting: an attribution inside the content of another one', () => {
  const all = run("Selon le journal La Vigie, des responsables locaux ont assuré que l'usine avait rejeté des déchets.").map(brief);
  assert.equal(all.length, 2);
  assert.equal(all[0]!.kind, 'according');
  assert.equal(all[1]!.cue, 'ont assuré');
  assert.equal(all[1]!.parent, 0);
});

test('a quotation without a cue continues the previous speaker', () => {
  const all = run(
    "« Le chantier a pris du retard », a reconnu l'architecte Hugo Ferrand.\n\n« Nous livrerons pourtant avant l'hiver, c'est une certitude. »",
  ).map(brief);
  assert.equal(all.length, 2);
  assert.equal(all[1]!.cue, null);
  assert.equal(all[1]!.source, 'Hugo Ferrand');
  assert.equal(all[1]!.kind, 'direct');
});

test('a role resolves to the person who holds it', () => {
  const all = run("Le ministre de l'Intérieur, Karim Benali, s'est rendu sur place. Le ministre a promis que les secours seraient renforcés.").map(brief);
  const a = all.find((x) => x.cue === 'a promis')!;
  assert.equal(a.resolved, 'Karim Benali');
});

test('conditional cue, negation and questions are marked', () => {
  const [a] = run("L'opposant aurait déclaré que le scrutin était truqué.");
  assert.equal(a!.hedged, true);
  assert.equal(a!.hedges?.[0]?.text, 'aurait déclaré');
  const [b] = run("Le porte-parole n'a pas confirmé que l'accord était signé.");
  assert.equal(b!.negated, true);
  const [c] = run('« Qui paiera la facture ? », a demandé la députée Anne Roux.');
  assert.equal(c!.question, true);
});

test('no attribution for a reflexive use or a noun: "se confirme", "l\'annonce"', () => {
  assert.deepEqual(run("La tendance se confirme. L'annonce du plan a surpris les marchés."), []);
});

test('cognition verbs are not attributions by default', () => {
  assert.deepEqual(run('Les habitants pensent que la crue est passée.'), []);
});

test('"Pour X," is an according attribution only for a person or a body', () => {
  const all = run("Pour la ministre, la réforme sera votée avant l'été. Pour la production, 386 postes sont visés.").map(brief);
  assert.equal(all.length, 1);
  assert.equal(all[0]!.source, 'la ministre');
  assert.equal(all[0]!.kind, 'according');
});

test('impersonal "on a appris auprès de X": X is the source', () => {
  const a = one('Deux personnes ont été blessées, a-t-on appris jeudi auprès de la préfecture du Nord.');
  assert.equal(a.source, 'la préfecture du Nord');
  assert.equal(a.content, 'Deux personnes ont été blessées');
});

test('a participle after the speaker continues it: "…, a indiqué X, ajoutant que …"', () => {
  const all = run("Le site restera fermé, a indiqué à l'AFP Julie Moreau, ajoutant que les visiteurs seraient remboursés.").map(brief);
  assert.equal(all.length, 2);
  assert.deepEqual(all[0]!.via, ["l'AFP"]);
  assert.equal(all[1]!.source, 'Julie Moreau');
  assert.equal(all[1]!.parent, null);
});

test('impersonal passive incise: "« … », est-il écrit dans le rapport"', () => {
  const a = one('« Les délais ne seront pas tenus », est-il écrit dans le rapport de la Cour des comptes.');
  assert.equal(a.source, 'le rapport de la Cour des comptes');
  assert.equal(a.kind, 'direct');
});

test('"selon X, une apposition": the content is the clause before selon', () => {
  const a = one('Près de 900 foyers ont quitté le quartier, selon le Collectif des locataires (CDL), une association de défense du logement.');
  assert.equal(a.content, 'Près de 900 foyers ont quitté le quartier');
});

test('a participle coordinated with "et" continues the speaker', () => {
  const all = run("« Nous avons été trahis », a regretté Paul Keller, jugeant la décision « brutale » et rappelant que l'usine était rentable.").map(brief);
  const b = all.find((x) => x.cue === 'rappelant');
  assert.equal(b?.source, 'Paul Keller');
  assert.equal(b!.content, "l'usine était rentable");
});

test('a titled surname resolves to the full name for a later pronoun', () => {
  const all = run('Sophie Laval a ouvert sa boutique. « Je reste optimiste », confie Mme Laval. « Les clients reviennent », ajoute-t-elle.').map(brief);
  assert.equal(all.find((x) => x.cue === 'ajoute-t-elle')?.resolved, 'Sophie Laval');
});

test('"selon des propos rapportés par X": X is the source', () => {
  const a = one('Le ministre aurait renoncé, selon des propos rapportés par Radio Nord.');
  assert.equal(a.source, 'Radio Nord');
  assert.deepEqual(a.via, []);
});

test('"selon" introducing a relative ("la piste selon laquelle") is no source; a verb before ", selon X," keeps the whole sentence', () => {
  assert.deepEqual(run('Les enquêteurs privilégient la piste selon laquelle le feu serait accidentel.'), []);
  const a = one("Le trafic rapportait, selon les douanes, près de deux millions d'euros par an.");
  assert.equal(a.content, "Le trafic rapportait, selon les douanes, près de deux millions d'euros par an");
});

test('the author speaking in the first person outside a quotation is no reported statement', () => {
  const text = "Le gouvernement passe en force. Nous dénonçons une attaque sans précédent contre nos droits. Je pense qu'il faut continuer.";
  assert.deepEqual(run(text).map(brief), []);
});

test('a first person inside a quotation still speaks', () => {
  const a = run('« Nous avons affirmé au préfet que la grève continuerait », a déclaré Karim Benali, délégué syndical.');
  const inner = a.find((x) => x.cue?.text === 'avons affirmé');
  assert.equal(inner?.source?.resolved, 'Karim Benali');
});

test('a singular indefinite phrase that cannot speak is no inverted subject ("…, ajoute une pincée de sel")', () => {
  const text = 'Dans sa cuisine, Thomas Leroux goûte une sauce, fronce les sourcils, ajoute une pincée de sel.';
  assert.deepEqual(run(text).map(brief), []);
  assert.equal(one('Le chantier reprendra en mai, ajoute un responsable de la mairie.').source, 'un responsable de la mairie');
});

test('a participle after a comma frames its object when the object quotes the speaker ("…, dénonçant une « mascarade »")', () => {
  const a = one('Le ministre Paul Arnaud a quitté la salle, dénonçant une « mascarade » indigne.');
  assert.equal(a.cue, 'dénonçant');
  assert.equal(a.resolved, 'Paul Arnaud');
  assert.match(a.content, /mascarade/);
  // Without a quoted fragment, or when the clause's subject cannot speak, nothing is reported.
  assert.deepEqual(run('Il a marché deux heures, dénonçant la pluie.').map(brief), []);
  assert.deepEqual(run("L'arrivée des trottinettes à Rome suscite des protestations, dénonçant une « pagaille » totale.").map(brief), []);
});

test('works, bodies and residents of magazine and local prose can speak ("le livre dénonçait", "la municipalité assure")', () => {
  assert.equal(one('Publié en 2008, le livre dénonçait le caractère « intimidant » de certains mots.').source, 'le livre');
  assert.equal(one('La municipalité assure avoir consulté les habitants.').source, 'La municipalité');
});

test('an unquoted incise with a possessive phrase that cannot speak has an object ("…, a annoncé son décès")', () => {
  const all = run("L'historien Paul Varenne est mort dimanche à 85 ans, a annoncé son décès le journal local.").map(brief);
  assert.ok(!all.some((a) => a.source === 'son décès'));
  assert.equal(one('La chanteuse est morte dimanche à 80 ans, a annoncé sa famille.').source, 'sa famille');
});

test('"d\'après" closing a noun phrase ("le monde d\'après et …") names no source', () => {
  assert.deepEqual(run("Les chefs redoutent le monde d'après et beaucoup ont choisi de fermer.").map(brief), []);
});

test('a noun of saying with its speaker as complement is a cue ("l\'annonce du Pentagone selon laquelle …")', () => {
  const a = one("L'annonce du ministère selon laquelle le document aurait été « modifié » n'a pas convaincu les experts.");
  assert.equal(a.source, 'ministère');
  assert.match(a.content, /^le document aurait été/);
  // Without a complement naming a speaker, "selon laquelle" reports nothing.
  assert.deepEqual(run('La thèse selon laquelle le climat change est ancienne.').map(brief), []);
});

test('a comma closing a relative clause after the subject is no incise: the verb after it has no inverted subject', () => {
  const all = run(
    "Des « pratiques douteuses », voilà comment un reporter du Courrier du Nord, qui couvrait le concert à Vernac, qualifie l'attitude du chanteur.",
  ).map(brief);
  assert.ok(!all.some((a) => a.source === "l'attitude du chanteur"), JSON.stringify(all));
});

test('a short quoted title right before the verb is its subject, no quotation with an incise', () => {
  const all = run("Mais vu le prestige de l'invité, « Café du matin » promet d'ores et déjà de finir en beauté.").map(brief);
  assert.ok(!all.some((a) => a.source === "d'ores" || a.content.includes('Café du matin')), JSON.stringify(all));
});

test('"le quotidien", "le magazine" with no outlet described so: the latest named outlet speaking', () => {
  const all = run(
    "Comme le révèle Le Parisien, Léa Marchal quittera l'émission en juin. D'après le quotidien, la présentatrice rejoindra une chaîne concurrente.",
  ).map(brief);
  const d = all.find((a) => a.cue === "D'après")!;
  assert.equal(d.source, 'le quotidien');
  assert.equal(d.resolved, 'Le Parisien');
});

test('a definite description of a person ("la jeune femme âgée de 29 ans") names the one person of that gender just named', () => {
  const all = run(
    "Sacrée Miss Provence en 2015, Clara Vidal vit le grand amour avec Hugo Marin. « On a le même groupe d'amis, tout simplement », explique la jeune femme âgée de 29 ans.",
  ).map(brief);
  assert.equal(all.at(-1)!.resolved, 'Clara Vidal');
  // Two women named before: no guess.
  const two = run("Clara Vidal a croisé Inès Morel au festival. « On a le même groupe d'amis, tout simplement », explique la jeune femme âgée de 29 ans.").map(
    brief,
  );
  assert.equal(two.at(-1)!.resolved, null);
});

test('a name governed by a preposition after the clause verb is no subject ("a disparu en Argentine révèle X")', () => {
  const all = run('Un randonneur de 32 ans a disparu en Patagonie révèle La Dépêche.').map(brief);
  assert.ok(!all.some((a) => a.source === 'Patagonie'), JSON.stringify(all));
});

test('a frame nested inside a quotation does not stop it continuing the previous speaker, and its "moi" is that speaker', () => {
  const all = run(
    "« C'est un rêve qui devient réalité », a commenté Paolo Ferri. « Mon grand-père a toujours cru à ce projet. Pour moi, nous devions lui donner son nom. »",
  ).map(brief);
  assert.equal(all.length, 3, JSON.stringify(all));
  assert.equal(all[1]!.cue, null);
  assert.equal(all[1]!.resolved, 'Paolo Ferri');
  assert.equal(all[2]!.cue, 'Pour');
  assert.equal(all[2]!.resolved, 'Paolo Ferri');
});

test('verbless comma-separated phrases before a verb are a fronted participle and its subject, no incise content', () => {
  const all = run("Placé brièvement en garde à vue, le lycéen impliqué dans la bagarre, a nié le moindre rôle dans l'agression.").map(brief);
  assert.ok(!all.some((a) => a.source === 'le moindre rôle'), JSON.stringify(all));
  // One nominal phrase stays reported content.
  assert.equal(one('Une promesse déjà entendue cent fois, soupirent les locataires.').source, 'les locataires');
});
