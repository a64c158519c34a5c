// Feed, sitemap and URL-list readers on their own (no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWebXml, parseWebXml } from '../src/ingest/feeds-sniff.js';
import { dayOf } from '../src/ingest/feeds-xml.js';
import { urlList } from '../src/ingest/url-args.js';
import { charsetOf, retryAfterMs } from '../src/fetch/content-type.js';

test('feeds and sitemaps are told from other XML and HTML by their root element', async () => {
  assert.ok(isWebXml('\uFEFF<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0">'));
  assert.ok(isWebXml('<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">'));
  assert.ok(isWebXml('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'));
  assert.ok(isWebXml('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
  assert.ok(!isWebXml('<!doctype html><html><body><p>rss</p>'));
  assert.ok(!isWebXml('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'));
  assert.ok(!isWebXml('<?xml version="1.0"'));
  assert.ok(!isWebXml('<!--'.repeat(10_000)));
});

test('RSS: link, else permalink guid; relative links resolved; CDATA and entities decoded', async () => {
  const xml = `<rss version="2.0"><channel><title>L&apos;Écho</title>
    <item><title><![CDATA[Le « pont » & la digue]]></title><link>/a/1</link><guid isPermaLink="false">id-1</guid><pubDate>Sat, 7 Jun 2025 23:59:00 -0500</pubDate></item>
    <item><guid>https://echo.example/a/2</guid></item>
    <item><guid isPermaLink="false">no-link</guid></item>
    <item><link>javascript:alert(1)</link></item>
  </channel></rss>`;
  const feed = await parseWebXml(xml, 'https://echo.example/feed');
  assert.equal(feed.kind, 'feed');
  assert.deepEqual(feed.kind === 'feed' && feed, {
    kind: 'feed',
    title: "L'Écho",
    entries: [
      { url: 'https://echo.example/a/1', key: 'id-1', title: 'Le « pont » & la digue', published: '2025-06-07' },
      { url: 'https://echo.example/a/2', key: 'https://echo.example/a/2' },
    ],
  });
});

test('RSS 1.0 (RDF) with dc:date, and Atom with several links', async () => {
  const rdf =
    await parseWebXml(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>Canal</title></channel>
    <item><title>Un</title><link>https://canal.example/1</link><dc:date>2024-02-29T10:00:00+01:00</dc:date></item></rdf:RDF>`);
  assert.deepEqual(rdf.kind === 'feed' && rdf.entries, [
    { url: 'https://canal.example/1', key: 'https://canal.example/1', title: 'Un', published: '2024-02-29' },
  ]);
  const atom = await parseWebXml(`<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Flux</title>
    <entry><id>urn:x:1</id><link rel="self" href="https://f.example/api/1"/><link rel="alternate" type="text/html" href="https://f.example/1"/><updated>2023-12-31T23:00:00Z</updated></entry></feed>`);
  assert.deepEqual(atom.kind === 'feed' && atom.entries, [{ url: 'https://f.example/1', key: 'urn:x:1', published: '2023-12-31' }]);
});

test('sitemap indexes list sitemaps; other XML refused; cut XML read as far as it goes', async () => {
  const index = await parseWebXml(
    '<sitemapindex><sitemap><loc>https://s.example/a.xml</loc></sitemap><sitemap><loc>b.xml</loc></sitemap></sitemapindex>',
    'https://s.example/index.xml',
  );
  assert.deepEqual(index, { kind: 'sitemap-index', sitemaps: ['https://s.example/a.xml', 'https://s.example/b.xml'] });
  await assert.rejects(() => parseWebXml('<svg/>'), /neither an RSS\/Atom feed nor a sitemap/);
  // Real feeds are often cut or sloppy: what can be read is kept.
  const cut = await parseWebXml('<urlset><url><loc>https://s.example/1</loc></url><url><loc>https://s.exa');
  assert.deepEqual(cut.kind === 'sitemap' && cut.entries.map((e) => e.url), ['https://s.example/1']);
});

test('entity expansion is bounded (billion laughs)', async () => {
  const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]><rss><channel><title>&bbbbbbbbb;</title></channel></rss>`;
  let title: string | null = null;
  try {
    const r = await parseWebXml(lol);
    title = r.kind === 'feed' ? r.title : null;
  } catch {
    title = null;
  }
  assert.ok(title === null || title.length < 1_000_000);
});

test('dates: the day as written, ISO or RFC 822', async () => {
  assert.equal(dayOf('2025-06-03T00:30:00+02:00'), '2025-06-03');
  assert.equal(dayOf('Tue, 03 Jun 2025 00:30:00 +0200'), '2025-06-03');
  assert.equal(dayOf('3 June 2025'), '2025-06-03');
  assert.equal(dayOf('demain'), undefined);
  assert.equal(dayOf('31 Foo 2025'), undefined);
});

test('URL lists: every line a URL for .txt; bad lines reported in .urls', async () => {
  assert.equal(urlList('a.txt', 'https://x.example/1\nLe maire a parlé.\n', false), null);
  assert.equal(urlList('a.txt', '\n\n', false), null);
  const ok = urlList('a.txt', '# veille\nhttps://x.example/1\r\n\nhttp://y.example/2\n', false);
  assert.deepEqual(
    ok?.urls.map((u) => u.url),
    ['https://x.example/1', 'http://y.example/2'],
  );
  const mixed = urlList('b.urls', 'https://x.example/1\nftp://x.example/2\nhttps://x.example/a b\n', true);
  assert.deepEqual(
    mixed?.urls.map((u) => u.url),
    ['https://x.example/1'],
  );
  assert.deepEqual(
    mixed?.errors.map((e) => e.message),
    ['b.urls:2: not an http(s) URL', 'b.urls:3: not an http(s) URL'],
  );
  assert.deepEqual(
    urlList('c.urls', '# rien\n', true)?.errors.map((e) => e.message),
    ['c.urls: URL list holds no URL'],
  );
});

test('header parsing: charset and Retry-After', async () => {
  assert.equal(charsetOf('text/html; charset="ISO-8859-15"'), 'ISO-8859-15');
  assert.equal(charsetOf('text/html;charset=utf-8'), 'utf-8');
  assert.equal(charsetOf('text/html'), undefined);
  assert.equal(retryAfterMs('120', 0), 120_000);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6000);
  assert.equal(retryAfterMs('bientôt', 0), undefined);
});
