// Markdown front matter: the YAML block static-site generators and scrapers put at the top of a file
// (Hugo, Jekyll, Obsidian, exports of news scrapers). It declares the article's metadata, as an HTML page's
// <meta> tags do, and is no part of the article:
//
//   ---
//   title: Le pont de Lunel a cédé
//   site: Le Courrier
//   author: [Jeanne Roux, Paul Marin]
//   date: 2024-03-02
//   ---
//
// The keys are the ones those tools write (Hugo's `publishDate`, Jekyll's `author`, Dublin Core's `creator`…);
// an unknown key is ignored. Parsed with the `yaml` library (YAML 1.2: dates stay strings), never evaluated.
import { parse } from 'yaml';
import type { MetaHint } from '../types.js';
import { isCalendarDate, leadingDay } from '../../text/calendar-date.js';

/** An opening `---` line, the YAML, a closing `---` or `...` line; within the first bytes of the file only. */
const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const MAX_CHARS = 16_384;

/** Which metadata field each usual front-matter key declares (keys compared in lower case, `_` and `-` dropped). */
const FIELDS: Record<string, string> = {
  title: 'title',
  headline: 'title',
  site: 'outlet',
  sitename: 'outlet',
  publisher: 'outlet',
  outlet: 'outlet',
  source: 'outlet',
  media: 'outlet',
  author: 'author',
  authors: 'author',
  byline: 'author',
  creator: 'author',
  date: 'published',
  published: 'published',
  publishdate: 'published',
  pubdate: 'published',
  datepublished: 'published',
  url: 'url',
  link: 'url',
  canonical: 'url',
  canonicalurl: 'url',
  permalink: 'url',
  lang: 'language',
  language: 'language',
  locale: 'language',
};

export interface FrontMatter {
  /** input offset where the article starts, after the closing line */
  end: number;
  hints: MetaHint[];
}

/** The front matter opening `source`, or null when there is none (or it is not a YAML mapping). */
export function frontMatter(source: string): FrontMatter | null {
  const m = BLOCK.exec(source.slice(0, MAX_CHARS));
  if (!m) return null;
  let data: unknown;
  try {
    data = parse(m[1]!, { maxAliasCount: 10 });
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const hints: MetaHint[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const field = FIELDS[key.toLowerCase().replace(/[_-]/g, '')];
    if (!field) continue;
    for (const value of texts(raw)) {
      const hint = field === 'published' ? dateHint(value) : { field, value, rule: 'front matter' };
      if (hint) hints.push({ ...hint, text: `${key}: ${value}` });
    }
  }
  return { end: m[0].length, hints };
}

/** A value as text: a string, a number, each item of a list, the `name` of a mapping (`author: {name: X}`). */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === 'object' && 'name' in v) return texts((v as { name: unknown }).name);
  return [];
}

/** A date value: its day, when it opens with one (`2024-03-02`, `2024-03-02T08:00:00+01:00`). */
function dateHint(value: string): MetaHint | null {
  const day = leadingDay(value);
  return day && isCalendarDate(day) ? { field: 'published', value: day, rule: 'front matter' } : null;
}
