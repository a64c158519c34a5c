// Attribution gold outside wire copy (eval/gold/genres-attributions-{dev,heldout}.json, issue 14): texts written
// for recoupe (stored in the file) and French pages of ../shared/datasets/extraction/trafilatura-eval-fr/. A page's
// text is the main text `analyze` extracts from its HTML, computed at run time; its records store only the offsets
// and sha256 of their content snippet (no page text is committed). When extraction changes and the snippet moves,
// it is found again by its hash (every substring of its length is hashed: a few thousand short hashes per page),
// and a snippet that no longer exists fails loudly.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '../../src/pipeline/analyze.js';
import { sharedPath } from '../../test/helpers/shared.js';
import type { GoldRecord } from '../score-attributions.js';

export interface GenreDoc {
  id: string;
  genre: string;
  text?: string;
  page?: { dataset: string; file: string };
}

type Span = { start: number; end: number; sha256: string };
type RawRecord = Omit<GoldRecord, 'content'> & { content?: string; content_span?: Span };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function pageText(page: NonNullable<GenreDoc['page']>): string {
  const path = sharedPath('datasets', 'extraction', page.dataset, 'html', page.file);
  if (!existsSync(path)) throw new Error(`${page.dataset}/${page.file} is missing from ../shared`);
  return analyze({ bytes: readFileSync(path), path }).text;
}

/** The snippet of `span` in `text`: at its offsets, else wherever a substring of its length has its hash. */
function cut(text: string, span: Span, where: string): string {
  const at = text.slice(span.start, span.end);
  if (sha256(at) === span.sha256) return at;
  const length = span.end - span.start;
  for (let k = 0; k + length <= text.length; k++) {
    const s = text.slice(k, k + length);
    if (sha256(s) === span.sha256) return s;
  }
  throw new Error(`${where}: content snippet [${span.start}, ${span.end}) is no longer in the extracted text (extraction changed)`);
}

export function isGenresGold(raw: unknown): boolean {
  const docs = (raw as { docs?: { genre?: unknown }[] }).docs;
  return Array.isArray(docs) && docs.some((d) => typeof d.genre === 'string');
}

/** Texts by doc id (every doc, with or without records) and records with `content` filled in. */
export function loadGenresGold(file: string): { docs: Map<string, string>; genres: Map<string, string>; records: GoldRecord[] } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { docs: GenreDoc[]; records: RawRecord[] };
  const docs = new Map<string, string>();
  const genres = new Map<string, string>();
  for (const d of raw.docs) {
    docs.set(d.id, d.text ?? (d.page ? pageText(d.page) : ''));
    genres.set(d.id, d.genre);
  }
  const records = raw.records.map(({ content, content_span, ...rest }) => {
    const text = docs.get(rest.doc);
    if (text === undefined) throw new Error(`${file}: record for unknown doc ${rest.doc}`);
    const snippet = content ?? (content_span ? cut(text, content_span, `${file} ${rest.doc}`) : undefined);
    if (snippet === undefined) throw new Error(`${file}: a record of ${rest.doc} has neither content nor content_span`);
    return { ...rest, content: snippet };
  });
  return { docs, genres, records };
}
