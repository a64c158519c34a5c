import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, UNDETERMINED } from './language.js';

test('tells fr, en, de, es, it and pt apart, on one sentence too', () => {
  const cases: [string, string][] = [
    ['fr', 'La police a interpellé trois suspects à Lyon, selon le parquet.'],
    ['en', 'Police arrested three suspects in Leeds, prosecutors said.'],
    ['de', 'Die Polizei hat in Köln drei Verdächtige festgenommen.'],
    ['es', 'La policía detuvo a tres sospechosos en Sevilla.'],
    ['it', 'Il governo vuole ridurre le tasse il prossimo anno a Torino.'],
    ['pt', 'A polícia prendeu três suspeitos no Porto.'],
  ];
  for (const [lang, text] of cases) assert.equal(detectLanguage(text), lang, text);
});

test('short briefs: a word several languages hold is a shared vote, names and ordinals are no evidence', () => {
  // Written for this test. French briefs with many « à » and « se » (Portuguese holds both) were read as Portuguese.
  const cases: [string, string][] = [
    ['fr', "À Coimbra, la ministre se rendra à l'hôpital de Santa Maria. Visite prévue à 10 heures."],
    ['fr', 'Arrivée à São Paulo à 7 h, départ pour Brasília à midi. Retour à Paris jeudi.'],
    // « 36e »: letters glued to a figure are an ordinal, not Italian or Portuguese « e ».
    ['fr', 'La chanteuse américaine sort son 36e album.'],
    ['es', 'La ministra dijo que la reforma entrará en vigor en enero.'],
    ['pt', 'Lisboa à noite: a cidade recebe o festival até domingo.'],
  ];
  for (const [lang, text] of cases) assert.equal(detectLanguage(text), lang, text);
  // A capitalised function word inside a sentence is part of a name (« Larbi El Khattabi »), not Spanish.
  const results = `Leading results in the Brussels meeting on Friday: ${'1. Ahmed El Amrani (Morocco) 8:17.29 2. Luis El Cid (Spain) 8:18.01 '.repeat(3)}`;
  assert.equal(detectLanguage(results), 'en');
});

test('the declared language keeps a close call between neighbours, not a clear one', () => {
  // Written for this test: a French brief quoting a Portuguese title (its words outnumber the French ones).
  const brief = '« O Brasil não é para amadores », a écrit le romancier, cité à Rio.';
  assert.equal(detectLanguage(brief, 'fr'), 'fr');
  assert.notEqual(detectLanguage(brief, 'en'), 'en');
  assert.equal(detectLanguage('Die Polizei hat drei Verdächtige festgenommen, sagte der Sprecher in Köln am Montag.', 'fr'), 'de');
});

test('no evidence is "und", never French', () => {
  assert.equal(detectLanguage('12 34 56'), UNDETERMINED);
  assert.equal(detectLanguage('Министр заявил в понедельник, что план провалится.'), UNDETERMINED);
});

test('tables of figures and names: words in capitals are no evidence, "per" is English too', () => {
  // Written for this test: a dividend notice and a bond sale sheet, English with few function words.
  const dividend = 'Acme Mills sets payout .\nDENVER 2024-03-02\nQuarterly\nAmount $ 0.12 per share\nPay April 30\nRecord April 2';
  const bonds =
    'SALE - Lake County Water District , Ohio .\nAMOUNT : 4,500,000 RATING : NA / NA\nBOOK ENTRY : Y INSURED : Y\n' +
    'TERM : 1999-2020 , by the authority of the county board .';
  assert.equal(detectLanguage(dividend), 'en');
  assert.equal(detectLanguage(bonds), 'en');
  // A French table stays French, and a text all in capitals still counts its words.
  const resultats = 'Ligue 1 : résultats de la 12e journée\nLens 2 - 1 Lille\nNantes 0 - 0 Rennes\nClassement : 1. Lens 28 pts ; 2. Lille 25 pts';
  assert.equal(detectLanguage(resultats), 'fr');
  assert.equal(detectLanguage('LE GOUVERNEMENT ET LES SYNDICATS DE LA FONCTION PUBLIQUE'), 'fr');
  // A capital one-letter word that starts a sentence still counts ("Y el", "A spokesman").
  assert.equal(detectLanguage('Y el gobierno dijo que sí.'), 'es');
});

test('a text in a language recoupe does not analyse is named by its own code, never a registered one (newcomer trial)', () => {
  // Written for this test; franc-min names them, lang/iso639.tsv gives the two-letter code.
  // Indonesian and Malay are close enough for a trigram model to name either.
  const cases: [string[], string][] = [
    [['ru'], 'Мэр города сообщил во вторник, что новый мост откроют весной, а строители уже закончили основные работы на реке.'],
    [['id', 'ms'], 'Wali kota mengatakan pada hari Selasa bahwa jembatan baru itu akan dibuka pada musim semi setelah pekerjaan utama selesai.'],
    [['ko'], '시장은 화요일에 새 다리가 봄에 개통될 것이라고 말했으며 건설 노동자들은 이미 주요 공사를 마쳤다고 밝혔다.'],
  ];
  for (const [langs, text] of cases) assert.ok(langs.includes(detectLanguage(text)), `${detectLanguage(text)}: ${text}`);
});

test("a long text in another language than the page declares is read in its own (German under <html lang='en'>)", async () => {
  const { analyze } = await import('../pipeline/analyze.js');
  const body =
    'Der Bürgermeister der Stadt hat am Dienstag angekündigt, dass die neue Brücke im Frühjahr eröffnet wird. ' +
    'Die Bauarbeiter haben nach seinen Angaben die wichtigsten Arbeiten bereits abgeschlossen, und die Kosten sind ' +
    'geringer als geplant. Die Opposition im Stadtrat kritisiert jedoch, dass die Anwohner nicht gefragt wurden und ' +
    'dass der Verkehr in der Innenstadt während der Bauzeit stark gelitten hat.';
  const page = (lang: string) =>
    `<!doctype html><html lang="${lang}"><head><title>Neue Brücke</title></head><body><article><h1>Neue Brücke</h1><p>${body}</p></article></body></html>`;
  const wrong = analyze({ text: page('en'), path: 'page.html' });
  assert.equal(wrong.meta.language, 'de');
  assert.ok((wrong.meta.evidence ?? []).some((e) => e.field === 'language' && /not the declared "en"/.test(e.rule)));
  assert.equal(analyze({ text: page('de'), path: 'page.html' }).meta.language, 'de');
});
