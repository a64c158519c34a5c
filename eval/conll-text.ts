// CoNLL-2003 stories as running text, for the English attribution gold: one
// document per -DOCSTART-, tokens detokenised (no space before , . ; : ) 's
// n't %, none after ( $, straight quotes glued to what they enclose), the
// headline, by-line and dateline sentences on their own lines, the body
// sentences of a story joined by a space. Deterministic: the gold stores only
// the story's index and the sha256 of this text (never the text itself).
import { readFileSync } from 'node:fs';

export interface ConllStory {
  /** 1-based index of the story in the file. */
  index: number;
  text: string;
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?)\]}%']|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|\.\.\.)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/** Detokenise one sentence; `state` carries an open quotation over to the next sentence of the story. */
export function detokenise(tokens: string[], state: { quoteOpen: boolean } = { quoteOpen: false }): string {
  let out = '';
  let quoteOpen = state.quoteOpen;
  let glueNext = false;
  for (const t of tokens) {
    let space = out !== '' && !glueNext;
    if (NO_SPACE_BEFORE.test(t)) space = false;
    if (t === '"') {
      if (quoteOpen) space = false;
      out += (space ? ' ' : '') + t;
      glueNext = !quoteOpen;
      quoteOpen = !quoteOpen;
      continue;
    }
    out += (space ? ' ' : '') + t;
    glueNext = NO_SPACE_AFTER.test(t);
  }
  state.quoteOpen = quoteOpen;
  return out;
}

/** A by-line or dateline: a few words without a final stop. */
function isHeader(s: string): boolean {
  return !/[.!?"']$/.test(s) && s.split(' ').length <= 6;
}

export function readConllStories(path: string): ConllStory[] {
  const stories: ConllStory[] = [];
  let sentences: string[] = [];
  let tokens: string[] = [];
  let quotes = { quoteOpen: false };
  const endSentence = () => {
    if (tokens.length) sentences.push(detokenise(tokens, quotes));
    tokens = [];
  };
  const endStory = () => {
    endSentence();
    if (sentences.length) {
      // The headline, then a by-line and a dateline ("BRUSSELS 1996-08-22") when present.
      let head = 1;
      while (head < sentences.length - 1 && head < 3 && isHeader(sentences[head]!)) head++;
      const text = [...sentences.slice(0, head), sentences.slice(head).join(' ')].join('\n\n') + '\n';
      stories.push({ index: stories.length + 1, text });
    }
    sentences = [];
    quotes = { quoteOpen: false };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cells = line.split('\t');
    if (line.trim() === '') endSentence();
    else if (cells[1] === '-DOCSTART-') endStory();
    else tokens.push(cells[1]!);
  }
  endStory();
  return stories;
}
