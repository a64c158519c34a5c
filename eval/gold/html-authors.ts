// DEV gold for HTML author extraction (html-authors-dev.json): page file names
// and the author names their by-lines credit. The pages themselves stay in
// ../shared; this module finds each one, with the URL its dataset records for it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from '../../test/helpers/shared.js';

export const HTML_AUTHORS_DEV = join(dirname(fileURLToPath(import.meta.url)), 'html-authors-dev.json');

export interface AuthorPage {
  dataset: string;
  file: string;
  authors: string[];
}

export interface LoadedPage extends AuthorPage {
  bytes: Buffer;
  path: string;
  url?: string;
}

/** The URL each dataset gives its pages (htmldate's eval-fr.json is keyed by URL; the benchmark's ground truth by id). */
function urlsOf(dataset: string): Map<string, string> {
  const dir = sharedPath('datasets', 'extraction', dataset);
  const urls = new Map<string, string>();
  if (dataset === 'htmldate-eval-fr') {
    const index = JSON.parse(readFileSync(join(dir, 'eval-fr.json'), 'utf8')) as Record<string, { file: string }>;
    for (const [url, e] of Object.entries(index)) urls.set(e.file, url);
  } else if (dataset === 'article-extraction-benchmark') {
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
    for (const [id, e] of Object.entries(truth)) if (e.url) urls.set(`${id}.html.gz`, e.url);
  }
  return urls;
}

export function loadAuthorPages(goldFile = HTML_AUTHORS_DEV): LoadedPage[] {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { pages: AuthorPage[] };
  const urls = new Map<string, Map<string, string>>();
  return gold.pages.map((p) => {
    const path = sharedPath('datasets', 'extraction', p.dataset, 'html', p.file);
    if (!existsSync(path)) throw new Error(`${goldFile}: ${p.dataset}/${p.file} is missing from ../shared`);
    if (!urls.has(p.dataset)) urls.set(p.dataset, urlsOf(p.dataset));
    const raw = readFileSync(path);
    return { ...p, path, bytes: p.file.endsWith('.gz') ? gunzipSync(raw) : raw, url: urls.get(p.dataset)!.get(p.file) };
  });
}
