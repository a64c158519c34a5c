// The htmldate French evaluation pages (../shared/datasets/extraction/htmldate-eval-fr):
// URL, HTML and the gold publication day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../src/ingest/decode.js';

export interface DatePage {
  url: string;
  file: string;
  html: string;
  gold: string;
}

export function loadHtmldate(dir: string): DatePage[] {
  const gold = JSON.parse(readFileSync(join(dir, 'eval-fr.json'), 'utf8')) as Record<string, { file: string; date: string }>;
  return Object.entries(gold).map(([url, g]) => ({ url, file: g.file, html: decode(readFileSync(join(dir, 'html', g.file))).text, gold: g.date }));
}
