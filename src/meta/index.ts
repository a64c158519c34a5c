// Meta stage: title, outlet, authors, date, language, origin. Known metadata
// (JSONL fields) always wins; with --raw only the language is identified.
import type { Doc } from '../doc/doc.js';
import { detectLanguage } from './language.js';

export function guessMeta(doc: Doc, opts: { raw: boolean; hints?: Record<string, string> }): void {
  if (!doc.known.language) doc.meta.language = detectLanguage(doc.text);
  if (opts.raw) return;
  if (!doc.known.title && opts.hints?.title) doc.meta.title = opts.hints.title;
}
