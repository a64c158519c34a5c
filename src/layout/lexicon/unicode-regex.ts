// Regexes from data files, made Unicode-aware: JavaScript's \b only knows ASCII
// word characters even with the u flag ("responsabilité\b" never matches), so
// \b is rewritten as a boundary between letters/digits and the rest.
const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

export function unicodeRegex(source: string, flags: string): RegExp {
  // \b not preceded by another backslash (\\b is a literal backslash then b).
  const rewritten = source.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${BOUNDARY}`);
  return new RegExp(rewritten, flags.includes('u') ? flags : `${flags}u`);
}
