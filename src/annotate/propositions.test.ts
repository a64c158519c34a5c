// Claims as propositions (invented sentences): the predicate, figures with units, who is on which side of the verb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/analyze.js';

const props = (text: string) => analyze(text, { raw: true }).claims.map((c) => ({ ...c.proposition!, negated: c.negated }));

test('figures carry their unit and scale: number words, millions, per cent', () => {
  const [dead, money, rate] = props(
    "Les inondations ont fait trois morts à Lunel. Le gouvernement a débloqué 400 millions d'euros. Le taux de chômage a atteint 8,5 % en mars.",
  );
  assert.deepEqual(dead!.figures, ['3 mort']);
  assert.equal(money!.figures.length, 1);
  assert.match(money!.figures[0]!, /^400000000 euro/);
  assert.deepEqual(rate!.figures, ['8.5 %']);
  assert.deepEqual(rate!.time.length, 1);
});

test('the predicate is the participle after the auxiliary, through a negation; entities split around it', () => {
  const [p] = props("Le maire de Lunel n'a pas quitté la ville de Sète.");
  assert.deepEqual(p!.predicate.length, 1);
  assert.match(p!.predicate[0]!, /^quitt/);
  assert.equal(p!.negated, true);
  assert.ok(p!.subject.length >= 1);
  assert.ok(p!.arguments.length >= 1);
});

test('a date is no figure, a year is no figure', () => {
  const [p] = props('Le pont de Lunel a été fermé le 8 décembre 2019.');
  assert.deepEqual(p!.figures, []);
});

test('a number word after the auxiliary is a figure, not the predicate (« il y a eu trois blessés »)', () => {
  const [p] = props("Il y a eu trois blessés lors de l'incendie de Lunel.");
  assert.deepEqual([p!.predicate, p!.figures], [[], ['3 bless']]);
});

test('an action noun with its argument gets the predicate of the verb it nominalises (lang/fr/nominalisations.generated.tsv)', () => {
  const c = analyze(
    "Les secours cherchent des survivants après l'effondrement de trois immeubles à Marseille. Trois immeubles se sont effondrés à Marseille. Carlos Ghosn a été révoqué par Nissan. Le conseil de Nissan a voté la révocation de Carlos Ghosn.",
    { raw: true },
  ).claims;
  const at = (start: string) => c.find((x) => x.text.startsWith(start))!.proposition!;
  const [noun, verb, revoked, revocation] = [at('Les secours'), at('Trois immeubles'), at('Carlos Ghosn a été'), at('Le conseil')];
  assert.ok(verb!.predicate.length === 1 && noun!.predicate.includes(verb!.predicate[0]!), JSON.stringify([noun, verb]));
  assert.ok(revoked!.predicate.length === 1 && revocation!.predicate.includes(revoked!.predicate[0]!), JSON.stringify([revoked, revocation]));
});

test('English action nouns too (lang/en/nominalisations.tsv): « the collapse of » = « collapsed »', () => {
  const [verb, noun] = analyze(
    {
      text: 'Two buildings collapsed in Marseille on Monday. Rescuers searched the rubble after the collapse of two buildings in Marseille.',
      known: { language: 'en' },
    },
    { raw: true },
  ).claims.map((c) => c.proposition!);
  assert.ok(verb!.predicate.length === 1 && noun!.predicate.includes(verb!.predicate[0]!), JSON.stringify([verb, noun]));
  const [dismissal] = analyze({ text: 'Officials confirmed the dismissal of the chairman of Nissan.', known: { language: 'en' } }, { raw: true }).claims;
  assert.ok(dismissal!.proposition!.predicate.includes('dismiss'), JSON.stringify(dismissal));
});

test('the participle after the auxiliary through adverbs between them, French and English (claims.json auxAdverbs)', () => {
  const [fr] = props('Le maire de Lunel a par ailleurs quitté la ville de Sète lundi.');
  assert.deepEqual(fr!.predicate, ['quitt']);
  const [en] = analyze({ text: 'Two soldiers had already gone to Leeds on Monday.', known: { language: 'en' } }, { raw: true }).claims;
  assert.deepEqual(en!.proposition!.predicate, ['gone']);
});

test("« tu » is no subject clitic whose next word is a verb: it is also a participle (« s'est tu pendant »)", () => {
  const [p] = props('Le ministre de la Santé s’est tu pendant trois ans sur cette affaire.');
  assert.ok(p && !p.predicate.some((s) => s.startsWith('pend')), JSON.stringify(p));
});

/** The predicate of each claim of the text. */
const predicates = (text: string) => props(text).map((p) => p.predicate);

test('an adjective that is also a verb form is no predicate (« blessé grave »: not « graver »), nor a word of a name (« rue Baudricourt »)', () => {
  const text =
    'Aucun "blessé grave" n\'a été conduit dans ses services. Un blessé grave avait été admis à l\'hôpital Cochin. Un témoin aurait vu du sang au sol rue Baudricourt.';
  assert.deepEqual(predicates(text), [['conduit'], ['admis'], ['vu']]);
});

test("a relative clause's verb is the predicate only when the main clause has none; a modal's infinitive is one", () => {
  const text =
    "Aucun blessé grave qui puisse être en lien avec cette opération n'avait été hospitalisé. La police a arrêté un homme qui portait une arme. C'est le groupe de Kaaris qui a provoqué l'altercation. Thierry Bolloré pourrait donc récupérer le fauteuil de Carlos Ghosn. L'accident de Lunel a fait quatre blessés.";
  assert.deepEqual(predicates(text), [['hospitalis'], ['arret'], ['provoqu'], ['recuper'], []]);
});

test('a reflexive attributive verb gives its adjective as the predicate (« s\'est dit "inquiet" », « se montre prudent »), not « dire »', () => {
  const [said, shown, that] = props(
    'Le maire de Sète, Paul Garnier, s\'est dit "inquiet" après la crue du Lez. La préfète Anne Roux se montre très prudente sur la réouverture du pont. Paul Garnier s\'est dit que la digue de Sète avait cédé.',
  );
  assert.deepEqual(said!.predicate, ['inquiet']);
  assert.deepEqual(shown!.predicate, ['prudent']);
  // « se dire que … » reports; the verb of what follows is the predicate of that claim, « dire » no adjective's.
  assert.ok(!that!.predicate.includes('inquiet') && !that!.predicate.includes('prudent'), JSON.stringify(that));
});
