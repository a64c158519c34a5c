import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decode, repairMojibake, looksBinaryText } from './decode.js';

const phrase = 'Le député a déclaré « ça suffit » à l’Assemblée.';

test('UTF-8, with and without BOM', () => {
  assert.equal(decode(Buffer.from(phrase)).text, phrase);
  const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(phrase)]));
  assert.equal(bom.text, phrase);
});

test('UTF-16 with BOM', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(phrase, 'utf-16le')]);
  assert.equal(decode(le).text, phrase);
  assert.equal(decode(le).encoding, 'utf-16le');
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(phrase, 'utf-16be')]);
  assert.equal(decode(be).text, phrase);
});

test('Windows-1252 detected; HTML charset honoured', () => {
  const d = decode(iconv.encode(phrase, 'windows-1252'));
  assert.equal(d.text, phrase);
  assert.equal(d.encoding, 'windows-1252');
  const html = `<html><head><meta charset="iso-8859-15"></head><body>Prix : 5 €, été</body></html>`;
  const h = decode(iconv.encode(html, 'iso-8859-15'));
  assert.match(h.text, /5 €, été/);
});

test('mojibake repaired with a note, real text untouched', () => {
  const broken = 'Le ministÃ¨re a dÃ©clarÃ© lâ€™Ã©tat dâ€™urgence.';
  const d = decode(Buffer.from(broken));
  assert.equal(d.text, 'Le ministère a déclaré l’état d’urgence.');
  assert.ok(d.notes.some((n) => /mojibake/.test(n)));
  assert.equal(repairMojibake('Ãle-de-France Â« citation Â»').text, 'Ãle-de-France « citation »');
  assert.equal(repairMojibake('À Paris, Ça va. Ô rage !').text, 'À Paris, Ça va. Ô rage !');
});

test('empty, binary and invalid inputs are refused with a reason', () => {
  assert.throws(() => decode(Buffer.alloc(0)), /empty file/);
  assert.throws(() => decode(Buffer.from('   \n\n')), /empty/);
  assert.throws(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary/);
  assert.throws(() => decode(Buffer.from([0x41, 0x81, 0x42])), /invalid bytes/);
});

test('random bytes that start with a UTF-16 byte-order mark are binary, not UTF-16', () => {
  // A linear congruential sequence stands for random data (a photo, a zip) whose first bytes happen to be FF FE.
  let seed = 12345;
  const noise = Buffer.alloc(4096, 0).map(() => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed >>> 16) & 0xff;
  });
  assert.throws(() => decode(Buffer.concat([Buffer.from([0xff, 0xfe]), noise])), /binary file, not text; not UTF-16LE/);
  assert.throws(() => decode(Buffer.concat([Buffer.from([0xfe, 0xff]), noise])), /binary file, not text; not UTF-16BE/);
});

test('UTF-16 without a byte-order mark is recognised from its zero bytes', () => {
  const le = decode(iconv.encode(phrase, 'utf-16le'));
  assert.equal(le.text, phrase);
  assert.equal(le.encoding, 'utf-16le');
  assert.ok(le.notes.some((n) => /no byte-order mark/.test(n)));
  const be = decode(iconv.encode(phrase, 'utf-16be'));
  assert.equal(be.text, phrase);
  assert.equal(be.encoding, 'utf-16be');
  // Zero bytes in a binary file are no UTF-16.
  assert.throws(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), /binary/);
});

test('charset declared by http-equiv and by an XML declaration', () => {
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Déjà l’été</body></html>`;
  assert.match(decode(iconv.encode(html, 'windows-1252')).text, /Déjà l’été/);
  const xml = `<?xml version="1.0" encoding="ISO-8859-15"?><rss><title>5 € été</title></rss>`;
  assert.match(decode(iconv.encode(xml, 'iso-8859-15')).text, /5 € été/);
});

test('already decoded text that was binary (the API, the web app upload) is told from text with a stray U+FFFD', () => {
  assert.equal(looksBinaryText('abc\u0000def'), true);
  assert.equal(looksBinaryText('\ufffd\u0007k\ufffd\ufffdZ\u0002\ufffd'.repeat(50)), true);
  assert.equal(looksBinaryText(`Le maire a parlé ${'de tout et de rien. '.repeat(20)}\ufffd fin.`), false);
  assert.equal(looksBinaryText('Tab\tand\nnew lines\r\n are text.'), false);
});

test('UTF-8 with a few damaged bytes stays UTF-8: its other accents are kept, the damage is replaced and noted', () => {
  const bytes = Buffer.concat([Buffer.from('Le maire a déclar'), Buffer.from([0xc3, 0x20]), Buffer.from('que « tout va bien » à Nîmes.')]);
  const d = decode(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, 'Le maire a déclar\ufffd que « tout va bien » à Nîmes.');
  assert.ok(d.notes.some((n) => /invalid UTF-8: 1 damaged byte sequence\(s\).*offset 18/.test(n)));
  // Windows-1252 text (no well-formed UTF-8 sequence) is still read as Windows-1252.
  assert.equal(decode(iconv.encode('Le maire a déclaré « ça va » à Nîmes.', 'windows-1252')).encoding, 'windows-1252');
});
