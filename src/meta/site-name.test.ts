// The site's name on invented scraped pages: logo lines, notices, owners and widget labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writtenTwice } from './site-name.js';
import { analyzeDoc } from '../pipeline/analyze.js';

const BODY = [
  'Le conseil municipal a voté mardi soir la fermeture de la piscine pour travaux, après deux ans de débats sur son coût.',
  '',
  'Les travaux dureront huit mois, a précisé le maire, qui promet une réouverture avant l’été prochain pour les écoles.',
  '',
  'Les associations sportives demandent un accès provisoire au bassin de la commune voisine pendant toute la durée du chantier.',
].join('\n');

const outletOf = (text: string) => analyzeDoc({ bytes: Buffer.from(text, 'utf8'), path: 'page.txt' }, { stages: [] }).meta.outlet;

test('site name: a name written twice is a logo and its alt text', () => {
  assert.equal(writtenTwice('Le Courrier du Val Le Courrier du Val'), 'Le Courrier du Val');
  assert.equal(writtenTwice('[Le_Courrier]_Le_Courrier'), 'Le Courrier');
  assert.equal(writtenTwice('ValInfoValInfo'), 'ValInfo');
  assert.equal(writtenTwice('Le Courrier du Val'), undefined);
  assert.equal(writtenTwice('Val Info Val'), undefined);
  // The alt text as a file name in lower case, then the name as printed; two logos' alt texts; a row of spacers.
  assert.equal(writtenTwice('[valinfo]ValInfo'), 'ValInfo');
  assert.equal(writtenTwice('[ValInfo][ValInfo]'), 'ValInfo');
  assert.equal(writtenTwice('[1px] [1px] [1px] [1px] [1px] [1px]'), undefined);
});

test('site name: the name the page repeats, from its logo line, its follow line and its footer', () => {
  const page = [
    'Le Courrier du Val Le Courrier du Val',
    '',
    '• Politique',
    '• Sports',
    '',
    'La piscine ferme pour travaux',
    '',
    BODY,
    '',
    'Suivre Le Courrier du Val',
    '',
    '© 2021 Le Courrier du Val',
  ].join('\n');
  assert.equal(outletOf(page), 'Le Courrier du Val');
});

test('site name: a copyright notice naming the owner company names no site', () => {
  const page = ['• Politique', '', 'La piscine ferme pour travaux', '', BODY, '', '© 2021 Groupe Presse Centre SA'].join('\n');
  assert.equal(outletOf(page), null);
  const en = ['Pool closes for repairs', '', BODY, '', '© 2019 Valley Communications, Inc. All rights reserved.'].join('\n');
  assert.equal(outletOf(en), null);
  const partnership = ['Pool closes for repairs', '', BODY, '', '©2011 Valley Media L.P. All Rights Reserved.'].join('\n');
  assert.equal(outletOf(partnership), null);
});

test('site name: a section or a button printed twice is no site', () => {
  // "Communes Communes" (a menu's label and its button) and "Envoyer" are common words the page writes in lower case.
  const page = ['Communes Communes', '', 'La piscine ferme pour travaux', '', BODY, '', 'Envoyer Envoyer', '', 'Toutes les communes du département'].join('\n');
  assert.equal(outletOf(page), null);
});

const EN_BODY = [
  'The city council voted on Tuesday night to close the public pool for repairs, after two years of debate over the cost.',
  '',
  'The works will last eight months, the mayor said, promising that the pool would reopen before next summer for schools.',
  '',
  'Sports clubs have asked for temporary access to the pool of the neighbouring town for the whole length of the works.',
].join('\n');

test('site name: the logo link, the main menu, the staff credit and the group note name the site', () => {
  const page = [
    'Valley Ledger homepage',
    '',
    'Valley Ledger main menu',
    '',
    '□ Back To Main Menu',
    '',
    'Pool closes for repairs',
    '',
    'By Jane Miller, Valley Ledger Staff',
    '',
    EN_BODY,
    '',
    'Valley Ledger is part of Hill Media Inc, a regional publisher.',
  ].join('\n');
  assert.equal(outletOf(page), 'Valley Ledger');
});

test('site name: a button alone at the top of the page, printed again and again, is no site', () => {
  const page = ['Watch Live', '', 'Pool closes for repairs', '', EN_BODY, '', 'Watch Live', '', 'Watch Live'].join('\n');
  assert.equal(outletOf(page), null);
});

test("site name: the French footer's rights notice and the logo's link home name the site, without a text browser's marks", () => {
  const page = [
    'Le Courrier du Val (Retour à l’accueil)',
    '',
    'La piscine ferme pour travaux',
    '',
    BODY,
    '',
    'Tous droits réservés - Le Courrier du Val 2021',
  ].join('\n');
  assert.equal(outletOf(page), 'Le Courrier du Val');
  const lynx = ['#Le Courrier du Val', '', 'La piscine ferme pour travaux', '', BODY, '', '© Le_Courrier_du_Val, tous droits réservés'].join('\n');
  assert.equal(outletOf(lynx), 'Le Courrier du Val');
  const link = ['Le Courrier du Val Retour à l’accueil', '', 'La piscine ferme pour travaux', '', BODY, '', 'Suivre Le Courrier du Val'].join('\n');
  assert.equal(outletOf(link), 'Le Courrier du Val');
});

test('site name: « Suivez Le X sur … » names the site; « Suivez le direct » names nothing', () => {
  const page = [
    'La piscine ferme pour travaux',
    '',
    BODY,
    '',
    'Suivez le direct',
    '',
    'Suivez Le Courrier sur Facebook',
    '',
    'Le Courrier dès 6 h sur votre tablette',
  ].join('\n');
  assert.equal(outletOf(page), 'Le Courrier');
});

test('site name: the contact link names the site; a series ("This story is part of X") does not', () => {
  const page = ['Pool closes for repairs', '', EN_BODY, '', 'This story is part of Town Talk', '', 'Contact Valley Ledger', '', 'Tips for Valley Ledger'].join(
    '\n',
  );
  assert.equal(outletOf(page), 'Valley Ledger');
});

test('site name: a top line cut out of a phrase in brackets, or counts after a date line, name no site', () => {
  const cut = ['Valley Business)', '', 'Pool closes for repairs', '', EN_BODY, '', 'More from Valley Business'].join('\n');
  assert.equal(outletOf(cut), null);
  const counts = ['Pool closes for repairs', '', 'Apr. 24, 2014, 9:49 AM 286,248 40', '', EN_BODY].join('\n');
  assert.equal(outletOf(counts), null);
});

test('site name: a word in lower case at the top that a sentence of the page uses is a section, not the site', () => {
  const page = ['business', '', 'Pool closes for repairs', '', EN_BODY, '', 'More business news from the valley'].join('\n');
  assert.equal(outletOf(page), null);
});
