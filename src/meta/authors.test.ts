// Cleaning of author credits on invented by-lines (French and English).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanAuthors, pickAuthors, textBylineHints } from './authors.js';

test('authors: prefixes, dates and "Publié le" fields are cut away', () => {
  assert.deepEqual(cleanAuthors(['Par Jeanne Martin et Paul Durand | Publié le 3 mars 2021']), ['Jeanne Martin', 'Paul Durand']);
  assert.deepEqual(cleanAuthors(['Propos recueillis par Léa Fontaine']), ['Léa Fontaine']);
  assert.deepEqual(cleanAuthors(['Par Camille Roux le 12 mai 2022 à 08h15']), ['Camille Roux']);
  assert.deepEqual(cleanAuthors(['Hebdo du Port Recueilli par Yann KERBRAT.']), ['Yann Kerbrat']);
  assert.deepEqual(cleanAuthors(['By Dana Wells - Jun 4, 2021, 9:10 am']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Auteur : Iris Vogel']), ['Iris Vogel']);
  // A date and time printed before the prefix.
  assert.deepEqual(cleanAuthors(['11/19/2019 by Dana Wells']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Monday November 18, 2019 7:45 am PST by Dana Wells']), ['Dana Wells']);
  // An e-mail address ends the names; a capitalised "On" before the date too.
  assert.deepEqual(cleanAuthors(['By Dana Wells danaw@example.com(509) 459-5382']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['By Dana Wells On 11/13/19 at 4:00 PM EST']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Publié le 3 mars 2020 par Camille Roux']), ['Camille Roux']);
});

test('authors: a name particle "Le" is kept, a lower-case "le" before a date ends the name', () => {
  assert.deepEqual(cleanAuthors(['Par Marc Le Goff le 2 juin 2020']), ['Marc Le Goff']);
});

test('authors: job titles after a name are dropped, with or without a comma', () => {
  assert.deepEqual(cleanAuthors(['Par Hugo Bernard, journaliste']), ['Hugo Bernard']);
  assert.deepEqual(cleanAuthors(['Nadia Amrani envoyée spéciale à Tunis']), ['Nadia Amrani']);
  assert.deepEqual(cleanAuthors(['By SAM CARTER, AP Science Writer']), ['Sam Carter']);
  assert.deepEqual(cleanAuthors(['By Ruth Okafor Staff Writer']), ['Ruth Okafor']);
});

test('authors: names in capitals are written as names', () => {
  assert.deepEqual(cleanAuthors(['Par JEAN-LOUP D’ARVOR et Léna MASSÉ']), ['Jean-Loup D’Arvor', 'Léna Massé']);
});

test('authors: a full stop closing an initial stays, a final one goes, one after a word ends the names', () => {
  assert.deepEqual(cleanAuthors(['Tomas Rivera B.']), ['Tomas Rivera B.']);
  assert.deepEqual(cleanAuthors(['Par Anne Morel.']), ['Anne Morel']);
  assert.deepEqual(cleanAuthors(['A. Morel']), ['A. Morel']);
  assert.deepEqual(cleanAuthors(['Owen Hale. Coastline Weekly International']), ['Owen Hale']);
});

test('authors: descriptions and affiliations are no co-authors', () => {
  assert.deepEqual(cleanAuthors(['The Finnish and Estonian transport ministries']), []);
  assert.deepEqual(cleanAuthors(['Les services de la préfecture']), []);
  assert.deepEqual(cleanAuthors(['Lea Marsh, Orbitwise']), ['Lea Marsh']);
  assert.deepEqual(cleanAuthors(['Lea Marsh, Tom Reyes']), ['Lea Marsh', 'Tom Reyes']);
  assert.deepEqual(cleanAuthors(['Orbitwise']), ['Orbitwise']);
});

test('authors: agencies count only when nobody else signs', () => {
  assert.deepEqual(cleanAuthors(['Le Quotidien avec AFP'], { outlets: ['Le Quotidien'] }), ['AFP']);
  assert.deepEqual(cleanAuthors(['Par AFP']), ['AFP']);
  assert.deepEqual(cleanAuthors(['Hugo Bernard avec AFP']), ['Hugo Bernard']);
  assert.deepEqual(cleanAuthors(['The Daily Example with Reuters'], { outlets: ['The Daily Example'] }), ['Reuters']);
});

test('authors: URLs, e-mail addresses, placeholders and the outlet are no authors', () => {
  assert.deepEqual(cleanAuthors(['https://www.facebook.com/exemple.info']), []);
  assert.deepEqual(cleanAuthors(['redaction@exemple.fr']), []);
  assert.deepEqual(cleanAuthors(['Par exemple-info.fr']), []);
  assert.deepEqual(cleanAuthors(['La rédaction']), []);
  assert.deepEqual(cleanAuthors(['Unknown']), []);
  assert.deepEqual(cleanAuthors(["L'Écho du Val"], { outlets: ["L'Écho du Val"] }), []);
  assert.deepEqual(cleanAuthors(['Echo Val Bureau'], { url: 'https://www.echoval.example/news/1' }), []);
  // A person whose name starts like the outlet's is still a person.
  assert.deepEqual(cleanAuthors(['Marianne Colin'], { outlets: ['Marianne'] }), ['Marianne Colin']);
});

test('authors: the first source that names someone wins; a by-line naming more co-authors is preferred', () => {
  const hint = (rule: string, value: string) => ({ field: 'author', rule, value });
  const outletFirst = pickAuthors([hint('meta author', 'https://www.facebook.com/gazette'), hint('byline element', 'Par Lina Costa')], {});
  assert.deepEqual(outletFirst.authors, ['Lina Costa']);
  const fuller = pickAuthors([hint('json-ld author', 'Lina Costa'), hint('byline element', 'Lina Costa et Rémi Vidal')], {});
  assert.deepEqual(fuller.authors, ['Lina Costa', 'Rémi Vidal']);
  const other = pickAuthors([hint('json-ld author', 'Lina Costa'), hint('byline element', 'Par Rémi Vidal et Éric Moulin')], {});
  assert.deepEqual(other.authors, ['Lina Costa']);
});

test('authors: by-lines among the first and last paragraphs of a text', () => {
  const body = [
    'Le marché couvert rouvre ses portes samedi.',
    'Les commerçants ont été consultés.',
    'La mairie promet des travaux.',
    'Un parking sera aménagé.',
    'Propos recueillis par Inès Garnier',
  ].join('\n\n');
  assert.deepEqual(
    textBylineHints(body).map((h) => h.value),
    ['Propos recueillis par Inès Garnier'],
  );
});

test('html2text links drawn with underscores and a name repeated after its picture alt text are one clean name', () => {
  assert.deepEqual(cleanAuthors(['By Tim_Childers_-_Live_Science_Contributor']), ['Tim Childers']);
  assert.deepEqual(cleanAuthors(['Sean_Martin Sean Martin']), ['Sean Martin']);
  // Two different people are not one repeated name.
  assert.deepEqual(cleanAuthors(['Jeanne Dupont, Marie Martin']), ['Jeanne Dupont', 'Marie Martin']);
});

test('authors: an agency credit with the place it filed from, written twice by a logo, names the agency only; a weekday and time end the names', () => {
  assert.deepEqual(cleanAuthors(['Reuters, Washington,']), ['Reuters']);
  assert.deepEqual(cleanAuthors(['PTI PTI, Washington,']), ['PTI']);
  assert.deepEqual(cleanAuthors(['Dana Wells Monday 6:30PM']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Camille Roux hier à 14h05']), ['Camille Roux']);
  // A person's credit keeps its co-author after a comma.
  assert.deepEqual(cleanAuthors(['Jeanne Martin, Paul Durand']), ['Jeanne Martin', 'Paul Durand']);
});

test('authors: a name html2text drew as a link, underscores for spaces, is read with its spaces', () => {
  assert.deepEqual(cleanAuthors(['By Dana_Wells, Staff Writer']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Jeanne_Marie_Dupont']), ['Jeanne Marie Dupont']);
  // An identifier keeps its underscore: no name in it.
  assert.deepEqual(cleanAuthors(['user_42']), []);
});

test('authors: a weekday opening a written date ends the names', () => {
  assert.deepEqual(cleanAuthors(['By Dana Wells and Omar Reyes Monday, November 18, 2019, 04:05 pm PT']), ['Dana Wells', 'Omar Reyes']);
  assert.deepEqual(cleanAuthors(['By Dana Wells Tue Nov 19 2019']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Par Camille Roux Lundi 18 novembre 2019']), ['Camille Roux']);
});

test("authors: a declared credit is not split where a capital follows small letters; a text browser's glued credit is", () => {
  assert.deepEqual(cleanAuthors(['GazetteOnline'], { declared: true }), ['GazetteOnline']);
  assert.deepEqual(cleanAuthors(['GazetteOnline']), ['GazetteOnline']);
  assert.deepEqual(cleanAuthors(['Meg JamesStaff Writer']), ['Meg James']);
  // A prefix before a lower-case user name is dropped; "admin" is a placeholder, no author.
  assert.deepEqual(cleanAuthors(['By admin - 2018-09-16']), []);
});

test('authors: a by-line that goes on to credit a translator, an editor or the pictures keeps its authors only', () => {
  assert.deepEqual(cleanAuthors(['Par Jeanne Dupont, traduit par Paul Martin']), ['Jeanne Dupont']);
  assert.deepEqual(cleanAuthors(['Jeanne Dupont (traduction : Paul Martin)']), ['Jeanne Dupont']);
  assert.deepEqual(cleanAuthors(['Par Jeanne Dupont, édité par Paul Martin']), ['Jeanne Dupont']);
  assert.deepEqual(cleanAuthors(['By Dana Wells; Editing by Omar Reyes']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Reporting by Dana Wells; Additional reporting by Omar Reyes; Editing by Ruth Okafor']), ['Dana Wells', 'Omar Reyes']);
  assert.deepEqual(cleanAuthors(['By Dana Wells, translated by Omar Reyes']), ['Dana Wells']);
  assert.deepEqual(cleanAuthors(['Photo: Dana Wells']), []);
  // Opening the credit, "Edited by" is a prefix as before.
  assert.deepEqual(cleanAuthors(['Edited by Dana Wells']), ['Dana Wells']);
});

test("authors: a desk's credit before the site's own domain or name names nobody, a person's does", () => {
  assert.deepEqual(cleanAuthors(['Zone Société - ICI.Valinfo.ca']), []);
  assert.deepEqual(cleanAuthors(['Service Politique | Le Courrier du Val'], { outlets: ['Le Courrier du Val'] }), []);
  assert.deepEqual(cleanAuthors(['Jeanne Dupont - ICI.Valinfo.ca']), ['Jeanne Dupont']);
  assert.deepEqual(cleanAuthors(['Jeanne Dupont | Le Courrier du Val'], { outlets: ['Le Courrier du Val'] }), ['Jeanne Dupont']);
});
