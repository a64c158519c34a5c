// Meta stage: title, outlet, authors, date, language, origin. Known metadata
// (JSONL fields) always wins; with --raw only the language is identified.
import type { Doc } from '../doc/doc.js';
import { detectLanguage } from './language.js';
import type { MetaHint } from '../clean/index.js';

export function guessMeta(doc: Doc, opts: { raw: boolean; hints?: MetaHint[]; source?: string }): void {
  if (!doc.known.language) doc.meta.language = detectLanguage(doc.text);
  if (opts.raw) return;
  const title = opts.hints?.find((h) => h.field === 'title');
  if (!doc.known.title && title) doc.meta.title = title.value;
}
