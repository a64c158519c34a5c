// Rules that apply whatever the page's language (boilerplate lines, class
// words, date words, metadata cues) are read from the folder of every
// registered language that has the file; languages without it are skipped.
import { existsSync } from 'node:fs';
import { langPath, readTsv } from '../../lang/resources.js';
import { registeredLanguages } from '../../lang/registry.js';

export function rowsOfEveryLanguage(file: string): { code: string; rows: string[][] }[] {
  return registeredLanguages()
    .filter((code) => existsSync(langPath(code, file)))
    .sort()
    .map((code) => ({ code, rows: readTsv(langPath(code, file)) }));
}
