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
