import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { articleReportHtml, corpusReportHtml } from './report-html.js';
import { articleReportMd, corpusReportMd, mdText } from './report-md.js';
import { CorpusSummary } from './report-summary.js';
import { CSV_EXPORTS, csvCell, csvRow } from './csv.js';
import { claimReviewDraft } from './claimreview.js';
import { FIXTURE_DOCS, FIXTURE_GROUPS } from '../../test/fixtures/web-corpus.js';
import { runCli } from '../../test/helpers/cli.js';

const [A, B] = FIXTURE_DOCS as [(typeof FIXTURE_DOCS)[0], (typeof FIXTURE_DOCS)[0]];

test('the HTML article report highlights the layers and is self-contained', () => {
  const html = articleReportHtml(B, 'en');
  const { document } = parseHTML(html);
  const anon = [...document.querySelectorAll('.text .seg.m-source.m-anon')].map((e) => e.textContent).join('');
  assert.equal(anon, 'une source proche du dossier');
  assert.equal([...document.querySelectorAll('.text .seg.m-via')].map((e) => e.textContent).join(''), "l'agence Presse Continentale");
  assert.match(document.querySelector('.text .seg.m-source')!.getAttribute('title')!, /affirme — indirect, hedged — via l'agence Presse Continentale/);
  // The text reads back exactly, tags aside.
  const text = [...document.querySelector('.text')!.childNodes]
    .filter((n) => !(n as Element).classList?.contains('tag'))
    .map((n) => n.textContent)
    .join('');
  assert.equal(text, B.text);
  assert.equal(document.querySelectorAll('script, link, img, iframe').length, 0);
  assert.match(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!, /default-src 'none'/);
  assert.equal(document.querySelector('h1 a')!.getAttribute('href'), 'https://infoexpress.example/lunel');
  assert.equal(document.documentElement.getAttribute('lang'), 'en');
  assert.match(articleReportHtml(B, 'fr'), /Passages retirés/);
});

test('removed blocks are named by their role in the report language, the rule reason only in English when it adds', () => {
  const doc = {
    ...B,
    removed: [
      { text: 'Partager sur Facebook', reason: 'share', role: 'share bar' as const },
      { text: '© 2018 Le Journal', reason: 'copyright', role: 'legal notice' as const },
    ],
  };
  const fr = articleReportMd(doc, 'fr');
  assert.match(fr, /\*\*boutons de partage:\*\* Partager sur Facebook/);
  assert.match(fr, /\*\*mentions légales:\*\* ©/);
  assert.doesNotMatch(fr, /share|copyright/);
  const en = articleReportMd(doc, 'en');
  assert.match(en, /\*\*share bar:\*\* Partager/);
  assert.match(en, /\*\*legal notice \\\(copyright\\\):\*\*/);
});

test('the corpus report lists documents, top sources and claim groups with their drafts', () => {
  const s = new CorpusSummary();
  FIXTURE_DOCS.forEach((a, i) => s.add(a, `articles/doc ${i}.html`));
  s.groups = FIXTURE_GROUPS.slice(0, 1);
  s.claimReviewFiles.set('g-barrage', 'claimreview/group-1.jsonld');
  s.verdictReasons.set('g-barrage', FIXTURE_GROUPS[0]!.reasonMessages[0]!);
  assert.deepEqual(s.totals(), { documents: 5, attributions: 6, anonymous: 1, hedged: 2, claims: 6 });
  assert.deepEqual(
    s.topSources(2).map((x) => x.name),
    ['Paul Marin', 'Claire Roux'],
  );
  const { document } = parseHTML(corpusReportHtml(s, 'en'));
  const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  assert.ok(links.includes('articles/doc%200.html'));
  assert.ok(links.includes('claimreview/group-1.jsonld'));
  const md = corpusReportMd(s, 'en');
  assert.match(md, /\| \[Le barrage de Lunel aurait cédé\]\(<articles\/doc%200\.html>\) \| Le Courrier du Nord \| 2024-03-02 \| 2 \| 0 \| 1 \| 2 \|/);
  assert.match(md, /## Repeated claims/);
  // Each group says its verdict in words, with why: the named sources it rests on.
  const verdict = document.querySelector('strong.verdict-independent');
  assert.equal(verdict?.textContent, 'independently confirmed');
  assert.match(verdict!.parentElement!.textContent!, /independent: 2 distinct named upstream sources .*Presse Continentale: 2 documents?\b.*Claire Roux/);
  assert.match(md, /\| \*\*independently confirmed\*\* — independent: 2 distinct named upstream sources [^|]*Claire Roux[^|]* \| 3 \| 3 \|/);
  // A denial by the person concerned follows the verdict's reason, in each language.
  s.contradictions.set('g-barrage', [
    { id: 'contradicted', text: 'Le barrage de Lunel n’a pas cédé', speaker: 'Paul Marin', where: 'Radio Sud', published: null, bySubject: true },
  ]);
  assert.match(
    corpusReportMd(s, 'en'),
    /Claire Roux[^|]* · contradicted: «Le barrage de Lunel n’a pas cédé» — denied by the subject, Paul Marin, in Radio Sud \|/,
  );
  assert.match(corpusReportMd(s, 'fr'), /démenti par l’intéressé, Paul Marin, dans Radio Sud \|/);
  // Without a known reason the label alone; the French report speaks French.
  s.groups = [{ ...FIXTURE_GROUPS[1]!, verdict: 'undetermined', origins: 0 }];
  assert.match(corpusReportMd(s, 'fr'), /\*\*indépendance indéterminée\*\* \|/);
});

test('sources in the corpus report are actors: one row per key, pronouns with no key left out', () => {
  const s = new CorpusSummary();
  const [doc] = FIXTURE_DOCS;
  const at = doc!.attributions.find((x) => x.source)!;
  const named = (text: string, key: string | null) => ({ ...at, source: { ...at.source!, text, resolved: null, key } });
  s.add({ ...doc!, attributions: [named('Paul Marin', 'per:paul-marin'), named('M. Marin', 'per:paul-marin'), named('il', null)] }, 'a.html');
  assert.deepEqual(
    s.topSources(5).map((x) => [x.name, x.mentions]),
    [['Paul Marin', 2]],
  );
});

test('the Markdown article report tabulates attributions with escaped text', () => {
  const md = articleReportMd(A, 'en');
  assert.match(md, /^# \[Le barrage de Lunel aurait cédé\]\(<https:\/\/courrier\.example\/barrage>\)/);
  assert.match(md, /\| 2 \| Paul Marin \| a déclaré \| direct \| — \| Nous avons évacué deux cents familles \|/);
  assert.equal(mdText('[x](javascript:alert(1)) <b>|'), '\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>\\|');
  assert.equal(mdText('# not a heading'), '\\# not a heading');
});

test('CSV cells are quoted per RFC 4180 and formulas are defused', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"\n'), '"say ""hi""\n"');
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell(-2), '-2');
  assert.equal(csvCell(null), '');
  assert.equal(csvRow([1, true, 'x']), '1,true,x\r\n');
  const attributions = CSV_EXPORTS.find((x) => x.name === 'attributions')!;
  const rows = attributions.rows(B);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]![attributions.header.indexOf('via')], "l'agence Presse Continentale");
  assert.equal(rows[0]![attributions.header.indexOf('anonymous')], true);
});

test('the ClaimReview draft names the claim, its appearances and first appearance, and rates nothing', () => {
  const ld = claimReviewDraft(FIXTURE_GROUPS[0]!) as Record<string, any>;
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'ClaimReview');
  assert.equal(ld.claimReviewed, 'Le barrage de Lunel a cédé');
  assert.equal(ld.itemReviewed.appearance.length, 3);
  assert.equal(ld.itemReviewed.firstAppearance.url, 'https://courrier.example/barrage');
  assert.equal(ld.reviewRating.ratingValue, null);
  // A javascript: URL never becomes an appearance URL.
  const hostile = claimReviewDraft(FIXTURE_GROUPS[1]!) as Record<string, any>;
  assert.equal(hostile.itemReviewed.appearance[0].url, undefined);
});

test('recoupe report writes per-article pages, an index and CSV files', () => {
  const out = mkdtempSync(join(tmpdir(), 'recoupe-report-'));
  try {
    const r = runCli(['report', 'examples', '--out', out, '--format', 'md', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(join(out, 'articles')).sort(), ['barrage-sur-la-lune.md', 'port-de-valmont.md', 'rapport-des-ong.md']);
    assert.equal(
      readFileSync(join(out, 'csv', 'documents.csv'), 'utf8')
        .trim()
        .split('\r\n').length,
      4,
    );
    assert.match(readFileSync(join(out, 'index.md'), 'utf8'), /^# Corpus report/);
    const bad = runCli(['report', 'examples']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--out DIR is required/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('recoupe report --db reports the stored documents, claim groups and ClaimReview drafts', async () => {
  const { fixtureDatabase } = await import('../../test/fixtures/web-corpus-db.js');
  const db = await fixtureDatabase();
  const out = mkdtempSync(join(tmpdir(), 'recoupe-report-'));
  try {
    const r = runCli(['report', '--db', db, '--out', out, '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(join(out, 'articles')).length, FIXTURE_DOCS.length + 1);
    const drafts = readdirSync(join(out, 'claimreview'));
    assert.ok(drafts.length >= 2, 'one ClaimReview draft per claim group');
    const ld = JSON.parse(readFileSync(join(out, 'claimreview', drafts[0]!), 'utf8'));
    assert.equal(ld['@type'], 'ClaimReview');
    const { document } = parseHTML(readFileSync(join(out, 'index.html'), 'utf8'));
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    assert.ok(hrefs.includes(`claimreview/${drafts[0]}`));
    assert.equal(document.querySelectorAll('script').length, 0);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('article reports say an unsupported language was not analysed instead of "nothing found"', () => {
  const note = 'language "de" is not supported for attributions: the attributions layer is left empty';
  const de = { ...A, attributions: [], claims: [], notes: [{ rule: 'language', message: note }] };
  for (const out of [articleReportMd(de, 'en'), articleReportHtml(de, 'en')]) {
    assert.match(out, /language (&quot;)?"?de"?(&quot;)? is not supported for attributions/);
    assert.doesNotMatch(out, /Nothing found/);
  }
  assert.match(articleReportMd({ ...A, attributions: [] }, 'en'), /Nothing found/);
});
