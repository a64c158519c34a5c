// The page-layout stage on invented pages: every block labelled with a role
// and a reason, live blogs kept, full pages copied from a browser (menus,
// teaser lists, crawl dates, bare by-lines) read like scraped articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { layout } from '../src/layout/index.js';
import { ROLES } from '../src/layout/types.js';

const entry = (min: number, text: string) =>
  `<div class="live-match-comment"><span class="live-match-comment-time">${min}'</span><p class="live-match-comment-body">${text}</p></div>`;
const liveBlog = `<!DOCTYPE html><html lang="fr"><head><title>Match en direct</title></head><body>
<nav><a href="/">Accueil</a> <a href="/foot">Football</a></nav>
<div id="live">${[
  entry(90, 'Le match se termine sur un score nul, les deux équipes se quittent dos à dos.'),
  entry(75, 'Le gardien détourne une frappe puissante venue de loin, les visiteurs poussent.'),
  entry(60, 'But ! Une reprise de volée au point de penalty trompe le gardien.'),
  entry(30, 'Premier corner du match pour les locaux, sans danger pour la défense.'),
  entry(1, "Coup d'envoi donné par l'arbitre devant un stade comble."),
].join('\n')}</div>
<footer>Tous droits réservés</footer></body></html>`;

test('layout: a live blog made of short timed entries is an article, its entries kept', () => {
  const doc = analyzeDoc({ text: liveBlog, path: 'live.html' }, { stages: [] });
  for (const t of ['score nul', 'But ! Une reprise', "Coup d'envoi"]) assert.ok(doc.text.includes(t), `${t} missing from: ${doc.text}`);
});

test('layout: every block has a known role and a reason; removed blocks carry their role', () => {
  const page = layout(liveBlog, 'html');
  assert.ok(page.blocks.length > 5);
  for (const b of page.blocks) {
    assert.ok((ROLES as readonly string[]).includes(b.role), b.role);
    assert.ok(b.reason.length > 0);
  }
  const doc = analyzeDoc({ text: liveBlog, path: 'live.html' }, { stages: [] });
  assert.ok(doc.removed.length > 0);
  for (const r of doc.removed) assert.ok(r.role, JSON.stringify(r));
});

const para = (s: string) => `${s} ${'Les élus ont débattu longuement du projet, de son coût et de son calendrier, avant de passer au vote.'}`;
/** The article of the invented pages: by-line, date line and three paragraphs. */
const article = [
  'Jeanne Dupont',
  '12 mars 2017',
  para('Le conseil municipal a validé mardi la construction du nouveau pont, qui sera livré en 2019.'),
  para('Le chantier doit commencer au printemps et durer deux ans selon la mairie.'),
  para('Les riverains, eux, craignent le bruit et la circulation des camions.'),
];
const teasers = ['Un incendie dans une usine de la zone nord', 'La piscine municipale ferme pour travaux'];
/** The metadata the invented article's page shows. */
function assertArticleMeta(doc: ReturnType<typeof analyzeDoc>): void {
  assert.equal(doc.meta.title, 'Le nouveau pont sera livré en 2019');
  assert.deepEqual(doc.meta.authors, ['Jeanne Dupont']);
  assert.equal(doc.meta.published, '2017-03-12');
}
const copiedPage = [
  'exemple-gazette.fr',
  '• Accueil • Politique • Société • Sport • Culture',
  'Publié le 3 janvier 2024',
  '  • 14h02 Un incendie dans une usine de la zone nord',
  '  • 11h30 La piscine municipale ferme pour travaux',
  '  • 09h15 Le marché de Noël a attiré la foule',
  'Le nouveau pont sera livré en 2019',
  ...article,
  'Les plus lus',
  ...teasers.map((t) => `  • ${t}`),
].join('\n\n');

test('layout: a page copied from a browser — menu, teasers and crawl date above, bare by-line and date line', () => {
  const doc = analyzeDoc({ text: copiedPage, path: 'page.txt' }, { stages: [] });
  assertArticleMeta(doc);
  assert.ok(doc.text.startsWith('Le conseil municipal a validé'), doc.text);
  assert.ok(doc.text.endsWith('avant de passer au vote.'), doc.text);
  for (const junk of ['Accueil', 'piscine', 'Les plus lus']) assert.ok(!doc.text.includes(junk), `${junk} left in the text`);
  const roles = new Map(doc.removed.map((r) => [r.text, r.role]));
  assert.equal(roles.get('Jeanne Dupont'), 'by-line');
  assert.equal(roles.get('12 mars 2017'), 'date line');
  assert.equal(roles.get('Publié le 3 janvier 2024'), 'date line');
  assert.equal(roles.get('Le nouveau pont sera livré en 2019'), 'title');
});

// html2text leaves no blank line between paragraphs and draws headings as "****** Title ******" and nested
// menu items as an indented "o"; lynx does the same with "o" one level deeper, w3m with "☆".
const menuItems = ['Football', 'Rugby à quinze', 'Tennis de table', 'Cyclisme sur route', 'Athlétisme', 'Natation', 'Voile', 'Basket-ball'];
const glued = [
  '    * Accueil',
  '    * Sport',
  ...menuItems.map((m) => `          o ${m} et résultats`),
  '    * Culture',
  ...menuItems.map((m) => `          ☆ ${m} en images`),
  '****** Le nouveau pont sera livré en 2019 ******',
  ...article,
  '**** Marie Martin ****',
  ...teasers.map((t) => `    * ${t}`),
].join('\n');

test('layout: a page rendered without blank lines — heading inside a paragraph run, nested menu marks, widget heading below', () => {
  const doc = analyzeDoc({ text: glued, path: 'page.txt' }, { stages: [] });
  assertArticleMeta(doc);
  for (const junk of ['Rugby', 'images', 'Marie Martin', 'piscine']) assert.ok(!doc.text.includes(junk), `${junk} left in the text: ${doc.text}`);
  assert.ok(doc.text.includes('Le conseil municipal a validé'), doc.text);
});

// html2text draws <h1> with six stars and smaller headings with fewer; a long headline wraps over two lines.
const levelled = [
  '***** Politique *****',
  '****** Le nouveau pont sera livré en 2019, après deux ans de travaux et un long',
  'débat au conseil municipal ******',
  '***** Recevez nos alertes *****',
  ...article,
  '**** Les plus lus ****',
  ...teasers.map((t) => `    * ${t}`),
].join('\n');

test('layout: the one top-level heading html2text draws is the title, even wrapped and above a widget heading', () => {
  const doc = analyzeDoc({ text: levelled, path: 'page.txt' }, { stages: [] });
  assert.equal(doc.meta.title, 'Le nouveau pont sera livré en 2019, après deux ans de travaux et un long débat au conseil municipal');
  assert.equal(doc.meta.published, '2017-03-12');
  // Two top-level headings: no rule picks one of them for its level alone.
  const twice = analyzeDoc(
    { text: levelled.replace('***** Recevez nos alertes *****', '****** Recevez nos alertes ******'), path: 'page.txt' },
    { stages: [] },
  );
  assert.notEqual(twice.meta.title, 'Politique');
});

// html2text glues the by-line into the paragraphs' run: a name with its handle, or "By" after the author's picture.
test('layout: a credit glued into a run of paragraphs (a handle after the name, a picture before "By") is the by-line', () => {
  const body = article.slice(2);
  for (const credit of ['Jeanne_Dupont  @jdupont  /  2 days', '[Jeanne Dupont]By Jeanne_Dupont, Staff Writer']) {
    const text = ['****** Le nouveau pont sera livré en 2019 ******', credit, '[https://example.org/pont.jpg]', ...body].join('\n');
    const doc = analyzeDoc({ text, path: 'page.txt' }, { stages: [] });
    assert.deepEqual(doc.meta.authors, ['Jeanne Dupont'], credit);
    assert.ok(!doc.text.includes('jdupont') && !doc.text.includes('Staff Writer'), doc.text);
  }
});

// A by-line and date line on one line ("Name | date"), the headline printed below them, the by-line in lower case.
const signedDateLine = [
  'exemple-gazette.fr',
  '• Accueil • Politique • Société • Sport • Culture',
  'par la rédaction',
  'Jeanne Dupont | lundi 12 mars 2017 à 09h08',
  'Le nouveau pont sera livré en 2019',
  ...article.slice(2),
].join('\n\n');

test('layout: a name before the date on the date line signs the article; a headline below the date line echoing the body is the title', () => {
  const doc = analyzeDoc({ text: signedDateLine, path: 'page.txt' }, { stages: [] });
  assertArticleMeta(doc);
});

test('layout: a by-line with its date and time before "by", glued to the first paragraph', () => {
  const text = ['Le nouveau pont sera livré en 2019', `Monday March 12, 2017 7:45 am PST by Jeanne Dupont\n${article[2]}`, ...article.slice(3)].join('\n\n');
  assertArticleMeta(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }));
});

test('layout: a name with its social handle above the body is a by-line ("Jeanne Dupont @jdupont / 2 days")', () => {
  const text = ['Le nouveau pont sera livré en 2019', 'Jeanne Dupont @jdupont / 2 days', ...article.slice(2)].join('\n\n');
  assert.deepEqual(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont']);
});

test('layout: without a date line, a theme meta line just above the body dates the article', () => {
  const text = ['Le nouveau pont sera livré en 2019', 'Jeanne Dupont Politique locale 12 mars 201712 mars 2017pont, mairie 0', ...article.slice(2)].join(
    '\n\n',
  );
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.published, '2017-03-12');
});

test('layout: without any date above, an announced date line just below the body dates the article; a teaser date further down does not', () => {
  const below = ['Auteur : Jeanne Dupont', '• Date 12.03.2017', '• Imprimer cette page'];
  const text = ['Le nouveau pont sera livré en 2019', ...article.slice(2), ...below].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.published, '2017-03-12');
  const far = ['Le nouveau pont sera livré en 2019', ...article.slice(2), ...Array.from({ length: 10 }, (_, k) => `• Rubrique ${k}`), '• Date 12.03.2017'].join(
    '\n\n',
  );
  assert.equal(analyzeDoc({ text: far, path: 'page.txt' }, { stages: [] }).meta.published, null);
});

test('layout: the headline beats a short credit line whose two words any body repeats, and a copy of it glued to widget words', () => {
  const text = [
    'Accueil Le nouveau pont sera livré en 2019 Partager Galerie',
    'Le nouveau pont sera livré en 2019',
    'Le conseil municipal',
    ...article.slice(1),
  ].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.title, 'Le nouveau pont sera livré en 2019');
});

test('layout: menus read as prose at the top of the run — the headline is the body-opening line above the by-line that the body echoes', () => {
  const menu = 'Se connecter S’abonner À la une Idées Économie Politique Entreprises Finance Marchés Bourse Monde Régions Patrimoine Société';
  const text = [
    'Voir la bourse en direct',
    `${menu}\n${menu}\n${menu}\n${menu}`,
    'Le nouveau pont sera livré en 2019',
    'Une vue du futur pont depuis la rive gauche (Photo Mairie)',
    'Par Jeanne Dupont',
    ...article.slice(1),
  ].join('\n\n');
  const doc = analyzeDoc({ text, path: 'page.txt' }, { stages: [] });
  assertArticleMeta(doc);
});

test('layout: a name drawn as a list item beside the date line, or two lines above it past a section label, signs the article', () => {
  const listed = [
    'Le nouveau pont sera livré en 2019',
    '  • Jeanne Dupont',
    '  • 12 mars 2017, 19:09',
    '  • Mis à jour : 12 mars 2017, 19:11',
    ...article.slice(2),
  ].join('\n');
  assertArticleMeta(analyzeDoc({ text: listed, path: 'page.txt' }, { stages: [] }));
  const sectioned = ['Le nouveau pont sera livré en 2019', 'Jeanne Dupont', 'Politique', '12 mars 2017', ...article.slice(2)].join('\n\n');
  assertArticleMeta(analyzeDoc({ text: sectioned, path: 'page.txt' }, { stages: [] }));
});

test('layout: a name right below the text signs it; a capitalised widget heading there does not', () => {
  const page = (below: string) => ['Le nouveau pont sera livré en 2019', '12 mars 2017', ...article.slice(2), below, '• Un incendie • La piscine'].join('\n\n');
  assert.deepEqual(analyzeDoc({ text: page('Jeanne Dupont'), path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont']);
  assert.deepEqual(analyzeDoc({ text: page('More In Trading Nation'), path: 'page.txt' }, { stages: [] }).meta.authors, []);
});

test('layout: the site name with a section glued to it is its logo line, not the headline; form fields around the headline are no part of it', () => {
  const text = [
    'La Gazette du Pont Politique',
    '[          ] [Rechercher] Le nouveau pont sera livré en 2019',
    ...article,
    '© La Gazette du Pont - tous droits réservés',
  ].join('\n\n');
  const doc = analyzeDoc({ text, path: 'page.txt' }, { stages: [] });
  assert.equal(doc.meta.title, 'Le nouveau pont sera livré en 2019');
  const logo = layout(text, 'text').blocks.find((b) => b.text === 'La Gazette du Pont Politique');
  assert.notEqual(logo?.role, 'title');
});

test('layout: a standfirst right below the headline is not the headline, although it echoes the body more; a kicker above it is not either', () => {
  const standfirst = 'Le conseil municipal a validé la construction du nouveau pont, le chantier doit commencer au printemps';
  const text = ['Le nouveau pont sera livré en 2019', standfirst, ...article].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.title, 'Le nouveau pont sera livré en 2019');
  const kicker = ['CHANTIER DU PONT', 'Le nouveau pont sera livré en 2019', ...article].join('\n\n');
  assert.equal(analyzeDoc({ text: kicker, path: 'page.txt' }, { stages: [] }).meta.title, 'Le nouveau pont sera livré en 2019');
});

test('layout: declared titles and names escaped twice by the CMS are read as the characters they stand for', () => {
  const ld = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Le pont n&#8217;est pas fini&nbsp;: AT&T s&#8217;en mêle',
    author: { '@type': 'Person', name: 'Jeanne&nbsp;Dupont' },
  });
  const html = `<html lang="fr"><head><script type="application/ld+json">${ld}</script></head><body><article>${article
    .slice(2)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const doc = analyzeDoc({ text: html, path: 'page.html' }, { stages: [] });
  assert.equal(doc.meta.title, 'Le pont n’est pas fini : AT&T s’en mêle');
  assert.deepEqual(doc.meta.authors, ['Jeanne Dupont']);
});

test('layout: a name right below the headline with when it was posted signs the article; so does an agency credit beside the date line', () => {
  const body = article.slice(2);
  const posted = ['Le nouveau pont sera livré en 2019', '[photo] Jeanne Dupont lundi 18h30', ...body].join('\n\n');
  assert.deepEqual(analyzeDoc({ text: posted, path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont']);
  const agency = ['Le nouveau pont sera livré en 2019', 'AFP AFP, Lyon,', '• 12 mars 2017, 10:18', '• mis à jour : 12 mars 2017, 13:42', ...body].join('\n\n');
  const doc = analyzeDoc({ text: agency, path: 'page.txt' }, { stages: [] });
  assert.deepEqual(doc.meta.authors, ['AFP']);
  assert.equal(doc.meta.published, '2017-03-12');
});

test('layout: with no date line near the body, an announced date line a few blocks below a by-line under the text dates the article', () => {
  const menu = Array.from({ length: 3 }, (_, k) =>
    para(`Rubrique ${k} : toutes les informations de la rubrique et ses dossiers, à lire et à écouter en ligne.`),
  );
  const text = [
    ...menu,
    ...Array.from({ length: 12 }, (_, k) => `• Lien ${k}`),
    'Le nouveau pont sera livré en 2019',
    'Auteur : Jeanne Dupont',
    'Edition : Paul Durand',
    'Audios et vidéos sur le sujet',
    '• Date 12.03.2017',
    '• Imprimer cette page',
  ].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.published, '2017-03-12');
});

test('layout: the outlet is read from the copyright notice below the text past its years, never from a picture credit in the body, a date or a time zone', () => {
  const body = article.slice(2);
  const page = (head: string[], tail: string[], mid: string[] = []) =>
    analyzeDoc(
      { text: ['Le nouveau pont sera livré en 2019', ...head, body[0]!, ...mid, ...body.slice(1), ...tail].join('\n\n'), path: 'page.txt' },
      { stages: [] },
    ).meta.outlet;
  assert.equal(page(['12 mars 2017'], ['© 1996-2019 La Gazette du Pont. Tous droits réservés.']), 'La Gazette du Pont');
  assert.equal(page(['12 mars 2017'], [], ['© Kak']), null);
  assert.equal(page(['Published on March 12, 2017, at 4:28 am'], []), null);
  assert.equal(page(['12 mars 2017 10:05 GMT'], []), null);
});

test('layout: a menu drawn as one block under a sentence of the site is no article text; a caption with its credit is no headline', () => {
  const menu = [
    'Mauvaise langue ? Changez-la ici. Exemple Gazette a choisi le français comme langue d’affichage pour vous.',
    'Exemple Gazette en 12 langues',
    'À propos de nous',
    'Exemple Gazette',
    '  • ACTUALITÉS',
    '      □ Afrique',
    '      □ International',
    '      □ Allemagne',
    '      □ Sport',
    '      □ Économie',
    '      □ Culture',
    '    SPÉCIAL',
    '      □ Migrations',
    '      □ Climat',
    '    DOSSIERS',
    '  • MÉDIATHÈQUE',
    '      □ Direct TV',
    '      □ Tous les contenus',
    '      □ Nos podcasts',
  ].join('\n');
  // The article is one paragraph, shorter than the menu, its credit below it.
  const page = [
    menu,
    'Le nouveau pont sera livré en 2019',
    'Le pont enjambera la rivière sur trois cents mètres, à la place du bac actuel. Image: Keystone',
    article[2],
    'Auteur : Jeanne Dupont',
    '• Date 12.03.2017',
  ].join('\n\n');
  const doc = analyzeDoc({ text: page, path: 'page.txt' }, { stages: [] });
  assertArticleMeta(doc);
  for (const junk of ['Afrique', 'Changez-la', 'Keystone']) assert.ok(!doc.text.includes(junk), `${junk} left in the text: ${doc.text}`);
  assert.ok(doc.text.startsWith('Le conseil municipal a validé'), doc.text);
});

test("layout: beside the date line, a picture's button in capitals is no author; a name with its handle is one", () => {
  const page = (credit: string) => ['Le nouveau pont sera livré en 2019', '12 mars 2017', credit, ...article.slice(2)].join('\n\n');
  assert.deepEqual(analyzeDoc({ text: page('Enlarge Image'), path: 'page.txt' }, { stages: [] }).meta.authors, []);
  assert.deepEqual(analyzeDoc({ text: page('Kerys Lahif@kerysl'), path: 'page.txt' }, { stages: [] }).meta.authors, ['Kerys Lahif']);
});

test('layout: a by-line drawn as a list item is a by-line; a search form\'s "Author" field is none', () => {
  const head = ['Le nouveau pont sera livré en 2019', '• Par Jeanne Dupont', '• 12 mars 2017'];
  const text = [...head, ...article.slice(2)].join('\n\n');
  assertArticleMeta(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }));
  for (const form of ['• Author [Any Reporter         ] Or', '* Author [Any Reporter_] Or']) {
    const withForm = [form, ...head, ...article.slice(2)].join('\n\n');
    assert.deepEqual(analyzeDoc({ text: withForm, path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont'], form);
  }
});

test('layout: among lines the body echoes as much, the one right above the by-line is the headline; a short question above its deck is one', () => {
  // A gallery's title further up repeats more words of the body than the headline does.
  const gallery = 'Chantier du nouveau pont au printemps';
  const text = [gallery, '• Photo Mairie', 'Un nouveau pont en 2019', 'Par Jeanne Dupont', ...article.slice(1)].join('\n\n');
  assert.equal(analyzeDoc({ text, path: 'page.txt' }, { stages: [] }).meta.title, 'Un nouveau pont en 2019');
  const question = ['12 mars 2017', 'Chantier du pont?', 'Le conseil municipal a-t-il validé trop vite le chantier du nouveau pont ?', ...article.slice(2)];
  assert.equal(analyzeDoc({ text: question.join('\n\n'), path: 'page.txt' }, { stages: [] }).meta.title, 'Chantier du pont?');
});

test('layout: with no date line, the first line below the headline holding a full date dates the article, glued widget words and all', () => {
  const widgets = ['• Partager', '• Imprimer', '• Envoyer', '[photo-pont]'];
  const text = ['Le nouveau pont sera livré en 2019', 'Taille du texte : A A Politique locale 12 mars 2017, 18h05', ...widgets, ...article.slice(2)];
  assert.equal(analyzeDoc({ text: text.join('\n\n'), path: 'page.txt' }, { stages: [] }).meta.published, '2017-03-12');
});

test("layout: a by-line the article's run swallowed dates it; a reader's comment far down the body does not", () => {
  const blurb = para('Notre journal couvre la vie de la ville et de ses quartiers depuis plus de cinquante ans.');
  const swallowed = [blurb, blurb, blurb, blurb, blurb, 'By JEANNE DUPONT, Executive Editor | Friday March 10, 2017 @ 6:43pm EST', ...article.slice(2)];
  const doc = analyzeDoc({ text: ['Le nouveau pont sera livré en 2019', ...swallowed].join('\n\n'), path: 'page.txt' }, { stages: [] });
  assert.equal(doc.meta.published, '2017-03-10');
  const long = Array.from({ length: 10 }, (_, k) => para(`Paragraphe ${k + 1} du compte rendu de la séance.`));
  const comments = [
    'Posted by: Marc, 27 Mar 2017 | 15:22',
    para('Un lecteur trouve le projet trop cher.'),
    'Posted by: Anne, 28 Mar 2017 | 09:10',
    para('Une lectrice approuve.'),
  ];
  const text = ['Le nouveau pont sera livré en 2019', '12 mars 2017', ...article.slice(2), ...long, ...comments, ...long];
  assert.equal(analyzeDoc({ text: text.join('\n\n'), path: 'page.txt' }, { stages: [] }).meta.published, '2017-03-12');
});

test("layout: below the text, by-lines further down than a signature credit other pieces when the article's by-line stands above it", () => {
  const related = [
    'More from the city desk',
    'The new bridge, seen from the river',
    'by Marc Leroy (5/17/2017)',
    'A pool closes for repairs',
    'by Anne Martin (3/2/2017)',
  ];
  const text = ['Le nouveau pont sera livré en 2019', 'Par Jeanne Dupont', '12 mars 2017', ...article.slice(2), ...related];
  assert.deepEqual(analyzeDoc({ text: text.join('\n\n'), path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont']);
  // Without a by-line above, the credit right below the text signs it.
  const below = ['Le nouveau pont sera livré en 2019', '12 mars 2017', ...article.slice(2), 'By Jeanne Dupont'];
  assert.deepEqual(analyzeDoc({ text: below.join('\n\n'), path: 'page.txt' }, { stages: [] }).meta.authors, ['Jeanne Dupont']);
});
