// HTML main content and page metadata on a small hand-written page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const path = join(PACKAGE_ROOT, 'test', 'fixtures', 'article.html');
const doc = analyzeDoc({ bytes: readFileSync(path), path });

test('HTML: the article paragraphs, without menu, caption, share bar, related list or footer', () => {
  const paras = doc.text.split('\n\n');
  assert.equal(paras.length, 3, doc.text);
  assert.ok(paras[0]!.startsWith('Le conseil municipal a voté'));
  assert.ok(paras[2]!.endsWith('lors du vote.'));
  for (const junk of ['Accueil', 'Photo : Jean Martin', 'Facebook', 'Les plus lus', 'Tous droits réservés', 'À lire aussi', 'Par Jeanne Dupont']) {
    assert.ok(!doc.text.includes(junk), `${junk} left in the text`);
  }
  assert.ok(doc.removed.some((r) => r.reason === 'caption' && r.text.includes('vu depuis la digue')));
  assert.ok(doc.removed.some((r) => r.reason === 'share'));
  assert.ok(
    doc.removed.every((r) => r.role && r.role !== 'body'),
    'every removed block has its role',
  );
  assert.ok(doc.removed.some((r) => r.role === 'caption' && r.text.includes('vu depuis la digue')));
});

test('HTML: each paragraph maps back to where it starts in the page source', () => {
  const source = readFileSync(path, 'utf8');
  let start = 0;
  for (const para of doc.text.split('\n\n')) {
    const at = doc.map.toInput(start);
    assert.equal(source.slice(at, at + 15), para.slice(0, 15));
    start += para.length + 2;
  }
});

test('HTML: links in the body are spans with their href', () => {
  const l = doc.links.find((x) => x.text === 'le rapport de la mairie');
  assert.ok(l);
  assert.equal(l.href, 'https://mairie.example.fr/rapport.pdf');
  assert.equal(doc.text.slice(l.start, l.end), l.text);
});

test('HTML: metadata from JSON-LD and Open Graph, each with its evidence', () => {
  const m = doc.meta;
  assert.equal(m.title, 'Le port sera rénové');
  assert.equal(m.outlet, "La Gazette d'exemple");
  assert.deepEqual(m.authors, ['Jeanne Dupont']);
  assert.equal(m.published, '2024-03-22');
  assert.equal(m.language, 'fr');
  assert.equal(m.evidence?.find((e) => e.field === 'published')?.rule, 'json-ld datePublished');
});

test('HTML without metadata tags: the date shown under the heading, not the sidebar one', () => {
  const html = `<html><body><aside class="sidebar"><time datetime="2021-01-05">5 janvier</time></aside>
  <article><h1>Un titre assez long pour être le titre</h1><p class="date">Publié le 3 février 2020</p>
  <p>${'Un paragraphe de texte qui raconte quelque chose. '.repeat(8)}</p></article></body></html>`;
  assert.equal(analyzeDoc({ text: html, format: 'html' }).meta.published, '2020-02-03');
});

test('HTML: a UTC timestamp just after midnight yields to the day the page writes locally', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-08-25T00:23:33Z"}</script>
  <script>var page = {"dateCreated":"2020-08-24"};</script></head><body><article><h1>Titre de la page</h1>
  <p>${'Du texte pour le corps de l’article, assez long pour compter. '.repeat(8)}</p></article></body></html>`;
  assert.equal(analyzeDoc({ text: html, format: 'html' }).meta.published, '2020-08-24');
});

test('HTML nested thousands of elements deep: text still extracted, no stack overflow', () => {
  const html = `<html><body>${'<div>'.repeat(20_000)}${'texte très profond. '.repeat(30)}${'</div>'.repeat(20_000)}</body></html>`;
  const deep = analyzeDoc({ text: html, format: 'html' });
  assert.ok(deep.text.includes('texte très profond.'));
});

const para = (n: number) => `<p>${`Paragraph ${n} of the story tells what the council decided about the new bridge and why. `.repeat(3)}</p>`;
const tweet = (text: string) =>
  `<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en"><a href="https://t.co/x">${text}</a> <a href="https://t.co/y">pic.twitter.com/y</a></p>— Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/1">November 18, 2019</a></blockquote></div>`;

test('HTML: an embedded post quoted in the article stays where it stood, also when it closes the article', () => {
  const html = `<html><body><nav><a href="/">Home</a></nav><article><h1>The bridge</h1>${para(1)}${para(2)}${tweet('The bridge is finally open')}${para(3)}${para(4)}${tweet('What a day for the town')}</article><footer>${'Footer links and more. '.repeat(5)}</footer></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' });
  const at = (s: string) => d.text.indexOf(s);
  assert.ok(at('Paragraph 2') < at('The bridge is finally open') && at('The bridge is finally open') < at('Paragraph 3'), d.text);
  assert.ok(at('What a day for the town') > at('Paragraph 4'), d.text);
  assert.ok(d.text.includes('— Jane Roe (@janeroe) November 18, 2019'), d.text);
  assert.ok(!d.text.includes('Footer links'));
});

test('HTML: a hover card is left out, the link that opens it stays in its sentence', () => {
  const html = `<html><body><article>${para(1)}<p>The bill was sponsored by Rep. <span class="rollover-people"><a href="/people/jane-roe">Jane Roe</a><span class="rollover-people-block">Jane Roe: latest stories about her and her votes</span></span> (D-Minn.), who spoke first.</p>${para(2)}</article></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' });
  assert.ok(d.text.includes('sponsored by Rep. Jane Roe (D-Minn.), who spoke first.'), d.text);
  assert.ok(!d.text.includes('latest stories'));
});

test('HTML: a related-stories heading takes the list of links below it along', () => {
  const items = ['The strange life of a coder', 'How a platform gets the law backward', 'What a merger means for wearables']
    .map((t, i) => `<li>${t.split(' ').slice(0, 2).join(' ')} <a href="/story/${i}">${t.split(' ').slice(2).join(' ')}</a></li>`)
    .join('');
  const html = `<html><body><article>${para(1)}${para(2)}${para(3)}<hr><div class="heading-h3">More Great Town Stories</div><ul>${items}</ul></article></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' });
  assert.ok(d.text.includes('Paragraph 3'), d.text);
  for (const t of ['More Great', 'coder', 'backward', 'wearables']) assert.ok(!d.text.includes(t), `${t} left in the text`);
  assert.ok(d.removed.some((r) => r.role === 'related links' && r.text.includes('wearables')));
});

test('HTML: the headline and the declared summary printed as a deck are no body text; a first paragraph equal to the summary is', () => {
  const deck = 'The council has approved the new bridge after a long debate about its cost.';
  const head = (d: string) => `<html><head><title>The bridge is approved | Town News</title><meta name="description" content="${d}"></head><body><article>`;
  const withDeck = `${head(deck)}<h1>The bridge is approved</h1><h3>${deck}</h3>${para(1)}${para(2)}${para(3)}</article></body></html>`;
  const d = analyzeDoc({ text: withDeck, format: 'html' }, { stages: [] });
  assert.ok(!d.text.includes('The bridge is approved') && !d.text.includes('long debate'), d.text);
  assert.ok(d.removed.some((r) => r.role === 'standfirst' && r.text === deck));
  const lead = `Paragraph 1 of the story tells what the council decided about the new bridge and why. `.repeat(3).trim();
  const asLead = `${head(lead)}<h1>The bridge is approved</h1><p>A first word.</p>${para(1)}${para(2)}${para(3)}</article></body></html>`;
  assert.ok(analyzeDoc({ text: asLead, format: 'html' }, { stages: [] }).text.includes(lead));
});

test('HTML: a block repeating a picture’s alternative text is its caption, a heading is not', () => {
  const alt = 'The centres of galaxy clusters are hot while filaments stay cool';
  const html = `<html><body><article>${para(1)}<div class="box"><img src="a.png" alt="${alt}"><div>${alt}</div></div><h2>Spiced honey pear jam recipe</h2><img src="b.png" alt="Spiced honey pear jam recipe">${para(2)}${para(3)}</article></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
  assert.ok(!d.text.includes('filaments stay cool'), d.text);
  assert.ok(d.removed.some((r) => r.role === 'caption' && r.text === alt));
  assert.ok(d.text.includes('Spiced honey pear jam recipe'), d.text);
});

test('HTML: a deck its class names ("dek", "abstract") is no body text, also when Readability rewrites it as a paragraph', () => {
  const deck = 'Our editors pick the events, shows and outings worth a day away this month.';
  for (const cls of ['m-detail--abstract', 'article-dek']) {
    const html = `<html><head><title>Four things to do | Town News</title></head><body><article><h1>Four things to do</h1><div class="${cls}">${deck}</div>${para(1)}${para(2)}${para(3)}</article></body></html>`;
    const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
    assert.ok(!d.text.includes('Our editors pick') && d.text.includes('Paragraph 3'), d.text);
    assert.ok(d.removed.some((r) => r.role === 'standfirst' && r.text === deck));
  }
});

test('HTML: a sign-up form’s field labels are no article text, even when the form outweighs a short article', () => {
  const lead = 'The spokeswoman was the guest of the morning show to talk about the launch of the referendum process on the airports.';
  const labels = ['Your e-mail address (required)', 'First name', 'Last name', 'Postcode (required)'];
  const opt = (t: string) =>
    `<div><input type="checkbox" id="${t.length}"><label for="${t.length}">${t} ${'and the calls to action we send at most twice or three times a month to our members. '.repeat(2)}</label></div>`;
  const html = `<html><body><div class="main"><div class="chapo"><p>${lead}</p></div></div><div id="signup">${labels.map((l) => `<div><label>${l}</label><input type="text"></div>`).join('')}${opt('Receive our news letter')}${opt('Receive local news')}</div></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
  assert.ok(d.text.includes('referendum process'), d.text);
  for (const l of [...labels, 'calls to action']) assert.ok(!d.text.includes(l), `${l} left in the text`);
});

test('HTML: a teaser list (heading over linked titles with short blurbs) is related links, also when Readability keeps only the blurbs', () => {
  const cards = ['Protein diet', 'Buckwheat diet', 'Rice diet', 'Kefir diet']
    .map(
      (t, i) =>
        `<div class="tumb"><div class="title"><a href="/d${i}.html">${t}</a></div><div class="body">A popular diet number ${i}: up to ${i + 5} kg in two weeks.</div></div>`,
    )
    .join('');
  const html = `<html><body><div id="content"><h1>The low-carbohydrate diet</h1>${para(1)}${para(2)}${para(3)}<div id="tumblock"><h2>Most loved diets</h2>${cards}</div></div></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
  assert.ok(d.text.includes('Paragraph 3'), d.text);
  for (const t of ['Most loved diets', 'popular diet number', 'Kefir']) assert.ok(!d.text.includes(t), `${t} left in the text`);
  assert.ok(d.removed.some((r) => r.role === 'related links' && r.text.includes('popular diet number 2')));
});

test('HTML: a date line printed in pieces above the text ("November 20", "15:23 2019") is a date line', () => {
  const html = `<html><body><article><div class="when"><p>November 20</p><p>15:23 2019</p></div>${para(1)}${para(2)}${para(3)}<p>November 20</p></article></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
  assert.ok(d.text.startsWith('Paragraph 1') && !d.text.includes('15:23') && d.text.endsWith('November 20'), d.text);
  assert.ok(d.removed.some((r) => r.role === 'date line' && r.text === '15:23 2019'));
});

test('HTML: a block that is only the name of a declared author is a by-line above the text and a signature below it', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'The bridge is approved', author: { '@type': 'Person', name: 'Emily Bell' } });
  const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>EMILY BELL</p>${para(1)}${para(2)}${para(3)}<p>Emily Bell</p></article></body></html>`;
  const d = analyzeDoc({ text: html, format: 'html' }, { stages: [] });
  assert.ok(!/emily bell/i.test(d.text) && d.text.includes('Paragraph 3'), d.text);
  assert.ok(d.removed.some((r) => r.role === 'by-line' && r.text === 'EMILY BELL'));
  assert.ok(d.removed.some((r) => r.role === 'signature' && r.text === 'Emily Bell'));
});
