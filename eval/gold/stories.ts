// Documents of the English attribution gold (eval/gold/en-attributions-*.json):
// either texts written for recoupe (`text`, stored in the file) or CoNLL-2003
// stories (`conll`: the split and the 1-based story index, detokenised by
// eval/conll-text.ts; only their sha256 is stored, the Reuters texts are read
// from ../shared at run time and checked, so a changed dataset fails loudly).
import { createHash } from 'node:crypto';
import { sharedPath } from '../../test/helpers/shared.js';
import { readConllStories, type ConllStory } from '../conll-text.js';

export interface StoryDoc {
  id: string;
  text?: string;
  conll?: { split: 'train' | 'val'; index: number; sha256: string };
}

const stories = new Map<string, ConllStory[]>();

export function conllStory(split: string, index: number): string {
  let all = stories.get(split);
  if (!all) stories.set(split, (all = readConllStories(sharedPath('datasets', 'ner', 'conll2003-en', `${split}.conllu`))));
  const s = all[index - 1];
  if (!s) throw new Error(`CoNLL-2003 ${split} has no story ${index}`);
  return s.text;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function loadStoryDocs(docs: StoryDoc[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs) {
    if (d.text !== undefined) out.set(d.id, d.text);
    else if (d.conll) {
      const text = conllStory(d.conll.split, d.conll.index);
      if (sha256(text) !== d.conll.sha256) throw new Error(`${d.id}: CoNLL-2003 ${d.conll.split} story ${d.conll.index} changed (sha256 differs)`);
      out.set(d.id, text);
    }
  }
  return out;
}
