// The rule machinery behind the cleaner: Unicode word boundaries in data
// regexes, class/id words, tail-only line rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { unicodeRegex } from '../src/layout/lexicon/unicode-regex.js';
import { classHint } from '../src/layout/html/class-hints.js';
import { boilerplateReason } from '../src/layout/lexicon/boilerplate.js';

test('\\b in a data regex is a Unicode word boundary', () => {
  assert.ok(unicodeRegex('^avis de non-responsabilité\\b', 'i').test('Avis de non-responsabilité : les opinions'));
  assert.ok(!unicodeRegex('\\bété\\b', 'i').test('étéx'));
  assert.ok(unicodeRegex('a\\\\b', '').test('a\\b'), 'an escaped backslash before b stays literal');
});

test('class and id words: furniture, run-together names, layout modifiers and embeds', () => {
  const { document } = parseHTML(
    '<div id="a" class="share-buttons"></div><div id="b" class="newsCaption"></div><div id="c" class="zen-one-sidebar-second"></div><div id="d" class="social-media-embed"></div><div id="e" class="article-body"></div><div id="f" class="bloc-lire-aussi"></div>',
  );
  const hint = (id: string) => classHint(document.getElementById(id) as unknown as Element);
  assert.equal(hint('a'), 'share');
  assert.equal(hint('b'), 'caption');
  assert.equal(hint('c'), undefined);
  assert.equal(hint('d'), undefined);
  assert.equal(hint('e'), undefined);
  assert.equal(hint('f'), 'related');
});

test('line rules: length limits, tail-only rules, no false alarm on prose', () => {
  assert.equal(boilerplateReason('Lire aussi : le budget adopté'), 'related');
  assert.equal(boilerplateReason('Zac Hall is a senior editor at the site.'), undefined);
  assert.equal(boilerplateReason('Zac Hall is a senior editor at the site.', true), 'author bio');
  assert.equal(boilerplateReason('Le maire a lu aussi le rapport, qui recommande de partager les coûts entre les communes voisines.'), undefined);
  assert.equal(boilerplateReason('1 Kyle Busch 5040 5 1 17 27'), undefined);
  assert.equal(boilerplateReason('Partager Facebook Twitter'), 'share');
});

test('line rules: closing promos, agency credits and tag blocks', () => {
  assert.equal(boilerplateReason('Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.', true), 'promo');
  assert.equal(boilerplateReason('Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.'), undefined, 'tail only');
  assert.equal(boilerplateReason('Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.', true), 'promo');
  assert.equal(boilerplateReason('SOURCE: News agencies', true), 'origin');
  assert.equal(boilerplateReason('More:'), 'related');
  assert.equal(boilerplateReason('POPULAR THIS WEEK'), 'related');
  assert.equal(boilerplateReason('Order Reprints | Text size'), 'page chrome');
  assert.equal(boilerplateReason('Share Tweet Submit'), 'share');
  assert.equal(boilerplateReason('Image 1/1'), 'caption');
  assert.equal(boilerplateReason('Note: we are temporarily moderating all comments submitted to deal with spam.'), 'comments');
  assert.equal(boilerplateReason('More Great WIRED Stories'), 'related');
  assert.equal(boilerplateReason(`Tags\n${'stock car brasil, '.repeat(20)}`), 'tags');
  assert.equal(boilerplateReason('The bar sells oxygen to passers-by. (Photo Credit : PTI File Photo )'), 'caption');
  assert.equal(boilerplateReason(`If you enjoyed this article, we have a proposition for you: join. ${'Members get more. '.repeat(15)}`), 'promo');
  for (const prose of [
    'Follow the money, the prosecutor told the jury on Monday, and you will find the culprit.',
    'More than 300 people attended the meeting on Tuesday.',
    'Source: the ministry said the figures would be published next week, after the vote in parliament.',
  ])
    assert.equal(boilerplateReason(prose, true), undefined, prose);
});

test('line rules of other languages: most-read headings, comment notices, reading time, date lines, mailing-list notices', () => {
  assert.equal(boilerplateReason('Mais lidas'), 'related');
  assert.equal(boilerplateReason('Lo más leído'), 'related');
  assert.equal(boilerplateReason('ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.'), 'comments');
  assert.equal(boilerplateReason('Tempo de leitura: 1 minuto'), 'page chrome');
  assert.equal(boilerplateReason('Pubblicato il 3 marzo 2019'), 'dateline');
  assert.equal(boilerplateReason('Alle Rechte vorbehalten.'), 'copyright');
  assert.equal(
    boilerplateReason('En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion. Vous pourrez à tout moment vous désabonner.'),
    'newsletter',
  );
  assert.equal(boilerplateReason('O governo anunciou mais lidas reformas para o próximo ano, segundo o ministro.'), undefined);
});

test('line rules: a caption placing people in the picture', () => {
  assert.equal(boilerplateReason('US professor Kevin King (left) and his Australian colleague Timothy Weeks'), 'caption');
  assert.equal(boilerplateReason('The council (left to right on the agenda) voted twice.'), undefined);
});

test('line rules: comment-form notes, paywall offers and "pour approfondir" lists', () => {
  assert.equal(boilerplateReason('Le contenu de ce champ sera maintenu privé et ne sera pas affiché publiquement.'), 'form');
  assert.equal(boilerplateReason('The content of this field is kept private and will not be shown publicly.'), 'form');
  assert.equal(boilerplateReason('Pour accéder en illimité aux articles de AOC :'), 'promo');
  assert.equal(boilerplateReason('Pour approfondir'), 'related');
  assert.equal(boilerplateReason('Pour accéder au site, les visiteurs doivent traverser le parc.'), undefined);
});
