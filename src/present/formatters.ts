// Output formats of `recoupe analyze`: each streams documents one at a time.
import type { Analysis } from '../doc/schema.js';
import { markdownSummary } from './markdown.js';

export const FORMATS = ['jsonl', 'json', 'md'] as const;
export type Format = (typeof FORMATS)[number];

export interface Formatter {
  extension: string;
  begin(): string;
  /** `index` is the document's position in the output (0 for the first). */
  item(a: Analysis, index: number): string;
  end(): string;
}

export const formatters: Record<Format, Formatter> = {
  jsonl: { extension: '.jsonl', begin: () => '', item: (a) => JSON.stringify(a) + '\n', end: () => '' },
  json: {
    extension: '.json',
    begin: () => '[\n',
    item: (a, i) => (i > 0 ? ',\n' : '') + JSON.stringify(a, null, 2),
    end: () => '\n]\n',
  },
  md: { extension: '.md', begin: () => '', item: (a, i) => (i > 0 ? '\n---\n\n' : '') + markdownSummary(a), end: () => '' },
};
