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
  /** What `item` puts before every item but the first (so an item formatted alone, as index 0, can be placed anywhere). */
  separator: string;
  end(): string;
}

export const formatters: Record<Format, Formatter> = {
  jsonl: { extension: '.jsonl', begin: () => '', item: (a) => JSON.stringify(a) + '\n', end: () => '', separator: '' },
  json: {
    extension: '.json',
    begin: () => '[\n',
    item: (a, i) => (i > 0 ? ',\n' : '') + JSON.stringify(a, null, 2),
    end: () => '\n]\n',
    separator: ',\n',
  },
  md: { extension: '.md', begin: () => '', item: (a, i) => (i > 0 ? '\n---\n\n' : '') + markdownSummary(a), end: () => '', separator: '\n---\n\n' },
};

/** What names a document's output file (`analyze --out`, reports). */
export interface DocName {
  path: string | null;
  line?: number;
  id: string;
}

export function docName(a: Analysis): DocName {
  return { path: a.input.path, ...(a.input.line ? { line: a.input.line } : {}), id: a.id };
}
