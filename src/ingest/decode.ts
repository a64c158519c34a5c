// Bytes → string. UTF-8 (with or without BOM), UTF-16 (with a BOM, or
// recognised by its zero bytes), a charset declared by an HTML page or an XML
// declaration, else Windows-1252; common mojibake repaired.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** What was detected or repaired, for the document's notes. */
  notes: string[];
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

/** Windows-1252 leaves these bytes undefined: a text holding them is not cp1252. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decode(bytes: Uint8Array, hint?: { charset?: string }): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty file');
  const notes: string[] = [];
  // Byte-order marks.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(decodeUtf8(bytes.subarray(3)), 'utf-8', notes, 'UTF-8 byte-order mark');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', notes, 'UTF-16LE byte-order mark');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', notes, 'UTF-16BE byte-order mark');
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, notes, 'no byte-order mark; detected from its zero bytes');
  if (looksBinary(bytes)) throw new DecodeError('binary file (NUL or control bytes), not text');

  const declared = normaliseCharset(hint?.charset ?? sniffHtmlCharset(bytes));
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return finish(iconv.decode(Buffer.from(bytes), declared), declared, notes, `charset ${declared} declared by the document`);
  }
  const asUtf8 = decodeUtf8(bytes);
  if (asUtf8 !== null) return finish(asUtf8, 'utf-8', notes);
  // UTF-8 with a few damaged bytes ("déclar\xc3 que", a truncated copy): its other accents are UTF-8, so reading it
  // all as Windows-1252 would garble them; the damaged bytes become U+FFFD and the note says where.
  // Windows-1252 French text holds almost no well-formed UTF-8 sequence ("é" is one byte before a letter), so one
  // good sequence per four damaged ones already says UTF-8.
  const damage = utf8Damage(bytes);
  if (damage.valid > 0 && damage.valid * 4 >= damage.invalid) {
    notes.push(
      `invalid UTF-8: ${damage.invalid} damaged byte sequence(s) replaced by U+FFFD (the first at offset ${damage.first}); the words holding them are lost`,
    );
    return finish(lossyUtf8.decode(bytes), 'utf-8', notes);
  }
  const bad = firstInvalidCp1252(bytes);
  if (bad >= 0) throw new DecodeError(`invalid bytes: not UTF-8, UTF-16 or Windows-1252 (byte 0x${bytes[bad]!.toString(16)} at offset ${bad})`);
  notes.push(declared === 'utf-8' ? 'declared UTF-8 but bytes are not; decoded as Windows-1252' : 'not UTF-8; decoded as Windows-1252');
  return finish(iconv.decode(Buffer.from(bytes), 'windows-1252'), 'windows-1252', notes);
}

/**
 * UTF-16 found by its byte-order mark or its zero bytes. Two bytes FF FE are no proof: random binary data starting
 * so decodes to unpaired surrogates and controls, which `looksLikeText` refuses.
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', notes: string[], why: string): Decoded {
  const text = iconv.decode(Buffer.from(bytes), encoding);
  if (!looksLikeText(text)) throw new DecodeError(`binary file, not text; not ${encoding.toUpperCase()} either`);
  return finish(text, encoding, notes, why);
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function finish(text: string | null, encoding: string, notes: string[], why?: string): Decoded {
  if (text === null) throw new DecodeError('invalid bytes: a UTF-8 byte-order mark followed by invalid UTF-8');
  if (why) notes.push(`decoded as ${encoding} (${why})`);
  const repaired = repairMojibake(text);
  if (repaired.count > 0) notes.push(`repaired ${repaired.count} mojibake sequence(s) such as "Ã©" → "é"`);
  if (repaired.text.trim() === '') throw new DecodeError('empty file (only white space)');
  return { text: repaired.text, encoding, notes };
}

/**
 * UTF-16 without a byte-order mark: text in Latin scripts then has a zero
 * byte in every other position (the high byte of each code unit). Returns the
 * encoding when the first 4 KiB look so, else undefined.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Characters of a decoded text sampled to tell text from binary, and the share of suspect ones it may hold. */
const TEXT_SAMPLE = 4096;
const MAX_SUSPECT_SHARE = 0.01;
/** Control characters text does not hold (tab, line breaks and form feed excepted). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f]/g;

/** Whether more than MAX_SUSPECT_SHARE of the sample matches `re` (a global pattern). */
function tooMany(sample: string, re: RegExp): boolean {
  return (sample.match(re)?.length ?? 0) > sample.length * MAX_SUSPECT_SHARE;
}

/** Decoded text with few controls and no unpaired surrogates or replacement characters. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, TEXT_SAMPLE);
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/.test(sample)) return false;
  return !tooMany(sample, CONTROLS);
}

/**
 * A string that was binary before it was text: a NUL, more than 1 % control characters, or more than 1 % U+FFFD
 * (what a browser's `file.text()` makes of bytes that are not UTF-8) in its first 4,096 characters. For text that
 * arrives already decoded (the HTTP API), where `decode` cannot look at the bytes.
 */
export function looksBinaryText(text: string): boolean {
  const sample = text.slice(0, TEXT_SAMPLE);
  return sample.includes('\u0000') || tooMany(sample, CONTROLS) || tooMany(sample, /\ufffd/g);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

/**
 * Well-formed multi-byte UTF-8 sequences and damaged ones (a lead byte without its continuation bytes, or a stray
 * continuation or undefined byte), with the offset of the first damaged one. Overlong forms are not checked: this
 * only tells damaged UTF-8 from another encoding.
 */
function utf8Damage(bytes: Uint8Array): { valid: number; invalid: number; first: number } {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let k = 1;
    while (k < length && i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (length > 0 && k === length) {
      valid++;
      i += length;
      continue;
    }
    invalid++;
    if (first < 0) first = i;
    i += Math.max(1, k);
  }
  return { valid, invalid, first };
}

function firstInvalidCp1252(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (CP1252_UNDEFINED.has(bytes[i]!)) return i;
  return -1;
}

/**
 * The charset a page declares in its first 4 KiB: <meta charset="…">,
 * <meta http-equiv="Content-Type" content="text/html; charset=…">, or an XML
 * declaration's encoding="…".
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i.exec(head);
  if (meta) return meta[1];
  return /^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_:.-]{1,40})/i.exec(head)?.[1];
}

function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase();
  if (n === 'utf8' || n === 'utf-8') return 'utf-8';
  // Browsers read ISO-8859-1 and US-ASCII as Windows-1252 (WHATWG Encoding).
  if (n === 'iso-8859-1' || n === 'latin1' || n === 'latin-1' || n === 'us-ascii' || n === 'ascii') return 'windows-1252';
  return n;
}

// UTF-8 bytes that were read as Windows-1252 ("Ã©" for "é", "â€™" for "’"):
// a lead char as cp1252 renders it, then as many continuation chars as the
// lead announces (1 for C2–DF, 2 for E0–EF, 3 for F0–F4).
const CONT =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF][${CONT}]|[\\u00E0-\\u00EF][${CONT}]{2}|[\\u00F0-\\u00F4][${CONT}]{3}`, 'g');

export function repairMojibake(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(MOJIBAKE, (m) => {
    const bytes = iconv.encode(m, 'windows-1252');
    const fixed = decodeUtf8(bytes);
    // Only a single code point decoded from the whole run is a repair; "Ã" in
    // real text ("Ã la") stays untouched.
    if (fixed === null || [...fixed].length !== 1 || fixed === m) return m;
    count++;
    return fixed;
  });
  return { text: out, count };
}
