// Clean stage: the article body out of the decoded input, boilerplate kept
// aside with its reason, and a map from the clean text back to the input.
import type { InputFormat } from '../doc/schema.js';
import type { Link, Removed } from '../doc/doc.js';
import type { OffsetMap } from '../doc/offset-map.js';
import { htmlToText } from './html.js';
import { textToClean } from './text/index.js';

export interface MetaHint {
  field: string;
  value: string;
  rule: string;
  /** the input text the value was read from, when it differs from `value` */
  text?: string;
}

export interface Cleaned {
  text: string;
  map: OffsetMap;
  removed: Removed[];
  links: Link[];
  notes: string[];
  /** Metadata found while cleaning (HTML <title>, <meta>, JSON-LD, by-lines…), for the meta stage. */
  hints: MetaHint[];
}

export interface CleanOptions {
  url?: string | null;
}

export function clean(source: string, format: InputFormat, opts: CleanOptions = {}): Cleaned {
  return format === 'html' ? htmlToText(source, opts) : textToClean(source);
}
