// Rules that apply whatever the page's language (boilerplate lines, class
// words, date words, metadata cues) are read from every lang/<code>/ folder
// that has the file; folders without it are skipped.
import { existsSync, readdirSync } from 'node:fs';
import { LANG_ROOT, langPath, readTsv } from '../../lang/resources.js';

export function rowsOfEveryLanguage(file: string): { code: string; rows: string[][] }[] {
  return readdirSync(LANG_ROOT)
    .filter((code) => /^[a-z]{2}$/.test(code) && existsSync(langPath(code, file)))
    .sort()
    .map((code) => ({ code, rows: readTsv(langPath(code, file)) }));
}
