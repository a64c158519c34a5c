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
