import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokens.js';
import { splitSentences } from './sentences.js';

const split = (s: string) => splitSentences(s, tokenize(s)).map((x) => s.slice(x.start, x.end));

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(split("M. Dupont est arrivé. Mme Durand l'attendait. J. Smith aussi."), [
    'M. Dupont est arrivé.',
    "Mme Durand l'attendait.",
    'J. Smith aussi.',
  ]);
  assert.deepEqual(split('Il est né en 52 av. J.-C. à Rome.'), ['Il est né en 52 av. J.-C. à Rome.']);
});

test('quotes closing after the final stop stay with the sentence', () => {
  assert.deepEqual(split('« Nous partirons. », a-t-il dit. Puis il est parti.'), ['« Nous partirons. », a-t-il dit.', 'Puis il est parti.']);
  assert.deepEqual(split('Il a dit : « Nous partirons. » Puis il est parti.'), ['Il a dit : « Nous partirons. »', 'Puis il est parti.']);
});

test('ellipses, questions and omission marks', () => {
  assert.deepEqual(split('Et puis… rien. Pourquoi ? Personne ne sait.'), ['Et puis… rien.', 'Pourquoi ?', 'Personne ne sait.']);
  assert.deepEqual(split('« Les armes (…) arrivent », dit-il.'), ['« Les armes (…) arrivent », dit-il.']);
});

test('line breaks: broken lines continue, headings and list items end', () => {
  assert.deepEqual(split('Les miliciens de\nDaesh fuient vers Raqqa.'), ['Les miliciens de\nDaesh fuient vers Raqqa.']);
  assert.deepEqual(split('Un titre sans point\n\nLe texte commence ici.'), ['Un titre sans point', 'Le texte commence ici.']);
  assert.deepEqual(split('Points clés :\n- premier point\n- second point'), ['Points clés :', '- premier point', '- second point']);
});

test('scraped paragraph breaks inside a sentence: lower case or a title goes on', () => {
  assert.deepEqual(split("les médias avaient affirmé que l'armée de\n\nl'air avait largué des armes."), [
    "les médias avaient affirmé que l'armée de\n\nl'air avait largué des armes.",
  ]);
  assert.deepEqual(split('« Ils doivent être détruits »\n\na déclaré le général.'), ['« Ils doivent être détruits »\n\na déclaré le général.']);
  assert.deepEqual(split('a déclaré M.\n\nDjebbari sur la chaîne.'), ['a déclaré M.\n\nDjebbari sur la chaîne.']);
  assert.deepEqual(split('avec...\n\nune défense de narval.'), ['avec...\n\nune défense de narval.']);
  // A capitalised paragraph, a one-word paragraph (a URL slug) or one after a full stop is new.
  assert.deepEqual(split('Un titre sans point\n\nLe texte.'), ['Un titre sans point', 'Le texte.']);
  assert.deepEqual(split('Le jeu ambigu : « ils aident »\n\ndjihadistes-de-mossul'), ['Le jeu ambigu : « ils aident »', 'djihadistes-de-mossul']);
  assert.deepEqual(split('Fin du texte.\n\ncmm/ec/rsr'), ['Fin du texte.', 'cmm/ec/rsr']);
});

test('straight quotes after a stop: closing before a comma, opening before a word', () => {
  assert.deepEqual(split('"Comment l\'Etat peut-il accepter cela?", a-t-il demandé. Puis rien.'), [
    '"Comment l\'Etat peut-il accepter cela?", a-t-il demandé.',
    'Puis rien.',
  ]);
  assert.deepEqual(split('selon Franceinfo."Nominoe" était son nom.'), ['selon Franceinfo.', '"Nominoe" était son nom.']);
  assert.deepEqual(split('de son soutien. ""Nous serons là"", dit-il.'), ['de son soutien.', '""Nous serons là"", dit-il.']);
  assert.deepEqual(split("j'ai dit : 'Je veux partir !' Alors il a dit oui."), ["j'ai dit : 'Je veux partir !'", 'Alors il a dit oui.']);
});

test('a sentence ends before a quotation opens; "etc." ends one before a capital only', () => {
  assert.deepEqual(split('Il a prévenu. « Nous partirons. »'), ['Il a prévenu.', '« Nous partirons. »']);
  assert.deepEqual(split('Des pommes, des poires, etc. Le reste suit.'), ['Des pommes, des poires, etc.', 'Le reste suit.']);
  assert.deepEqual(split('Des pommes, etc. et le reste.'), ['Des pommes, etc. et le reste.']);
  assert.deepEqual(split("Le témoin d'un vol. Cette dernière alerte la police."), ["Le témoin d'un vol.", 'Cette dernière alerte la police.']);
  assert.deepEqual(split('Voir p. 12 et art. 49.'), ['Voir p. 12 et art. 49.']);
});

test('spaced straight quotes by parity; intertitles; codes glued to a stop', () => {
  assert.deepEqual(split('Il se souvient de leur rencontre. " Je lui tends la main ", dit-il.'), [
    'Il se souvient de leur rencontre.',
    '" Je lui tends la main ", dit-il.',
  ]);
  assert.deepEqual(split('"Alors on a crié ! ", a expliqué Romane.'), ['"Alors on a crié ! ", a expliqué Romane.']);
  assert.deepEqual(split('Fin.\n\n- "Comme Pasteur!" -\n\nL\'Agence a reconnu.'), ['Fin.', '- "Comme Pasteur!" -', "L'Agence a reconnu."]);
  assert.deepEqual(split("Un travail fantastique. L'ID.R était prête.Néanmoins, rien."), [
    'Un travail fantastique.',
    "L'ID.R était prête.",
    'Néanmoins, rien.',
  ]);
});

test('hard-wrapped text: a line broken before a capitalised name goes on', () => {
  const wrapped = [
    "Le ministre de l'Intérieur a rencontré mardi à Paris le président",
    "Emmanuel Macron pour évoquer la situation des forces de l'ordre dans",
    'les quartiers. Il a ensuite annoncé un plan de recrutement de mille',
    'gendarmes, selon un communiqué publié dans la soirée par le ministère.',
  ].join('\n');
  assert.deepEqual(split(wrapped).length, 2);
  // Unwrapped text keeps a capitalised line after a line without a stop apart (a heading).
  assert.deepEqual(split('Un titre\nLe texte commence ici. Il continue.'), ['Un titre', 'Le texte commence ici.', 'Il continue.']);
});

test('abbreviations that are part of a name end a sentence only before a sentence opener (English data)', () => {
  const s = 'The U.S. Army disagreed. He lives in the U.S. The rest is Apple Inc. news.';
  assert.deepEqual(
    splitSentences(s, tokenize(s, 'en'), 'en').map((x) => s.slice(x.start, x.end)),
    ['The U.S. Army disagreed.', 'He lives in the U.S.', 'The rest is Apple Inc. news.'],
  );
});
