// lang/<code>/function-words.txt: the language's most frequent closed-class
// words (articles, prepositions, pronouns, conjunctions), one per line, in lower
// case. Read once per language through the registry (`languageOf(code).functionWords()`,
// ./language.ts), validated here, and offered in the forms its readers compare
// with: language identification, the entities layer and the source keys match
// lower-cased text (`words`); the corpus acronyms match key slugs, which are
// accent-folded (`folded`).
import { z } from 'zod';
import { foldLower } from '../text/fold.js';
import { LANG_ROOT, readTsv } from './files.js';

/** One function word: letters only, lower case (text is lower-cased before it is looked up). */
export const FunctionWordSchema = z.string().regex(/^\p{Ll}+$/u, 'a function word is one lower-case word');
const FunctionWordsSchema = z.array(FunctionWordSchema);

export interface FunctionWords {
  /** The words as written in the file (lower case, accents kept: « à », « été »). */
  readonly words: ReadonlySet<string>;
  /** The same words accent-folded (`foldLower`: « a », « ete »), as they stand in key slugs. */
  readonly folded: ReadonlySet<string>;
}

/** What a language without a function-words.txt has (it is then not identifiable). */
export const NO_FUNCTION_WORDS: FunctionWords = { words: new Set(), folded: new Set() };

/** Read and validate a function-words.txt: a bad line stops with one line naming the file and the word. */
export function readFunctionWords(path: string): FunctionWords {
  // First tab-separated cell of each line (`#` lines are comments).
  const cells = readTsv(path).map((row) => row[0]!);
  const parsed = FunctionWordsSchema.safeParse(cells);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path.slice(LANG_ROOT.length + 1)}: "${cells[issue.path[0] as number]}": ${issue.message}`);
  }
  const words = new Set(parsed.data);
  return { words, folded: new Set([...words].map(foldLower)) };
}
