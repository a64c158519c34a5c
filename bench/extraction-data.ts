// Loaders and scorers for the two main-content benchmarks in ../shared, scored
// the way their original evaluations score:
// - trafilatura-eval-fr: each "with" snippet found in the whitespace-trimmed
//   output is a true positive, each "without" snippet found a false positive
//   (trafilatura tests/comparison.py: trim() then `snippet in result`); F1 over all pages.
// - article-extraction-benchmark: 4-word shingles (\w+ tokens), per-page
//   tp/fp/fn normalised to sum 1, precision and recall averaged over pages,
//   F1 of the averages (scrapinghub evaluate.py).
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decode } from '../src/ingest/decode.js';

export interface Page {
  id: string;
  url: string;
  html: string;
  /** the page file as a user has it (gunzipped), for end-to-end runs */
  bytes: Uint8Array;
  file: string;
}

export interface SnippetPage extends Page {
  with: string[];
  without: string[];
}

export interface BodyPage extends Page {
  body: string;
}

export function loadTrafilatura(dir: string): SnippetPage[] {
  const gold = JSON.parse(readFileSync(join(dir, 'evaldata-fr.json'), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>;
  return Object.entries(gold).map(([url, g]) => {
    const bytes = readFileSync(join(dir, 'html', g.file));
    return { id: g.file, url, html: decode(bytes).text, bytes, file: g.file, with: g.with ?? [], without: g.without ?? [] };
  });
}

export function loadArticleBenchmark(dir: string): BodyPage[] {
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const files = new Set(readdirSync(join(dir, 'html')));
  return Object.entries(gold)
    .filter(([id]) => files.has(`${id}.html.gz`))
    .map(([id, g]) => {
      const bytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
      return { id, url: g.url, html: decode(bytes).text, bytes, file: `${id}.html`, body: g.articleBody ?? '' };
    });
}

const trim = (s: string) => s.trim().split(/\s+/).join(' ');

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Snippet counts of one page (trafilatura's evaluate_result). */
export function snippetCounts(page: SnippetPage, output: string | null): Counts {
  if (output === null) return { tp: 0, fp: 0, fn: page.with.length };
  const result = trim(output);
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of page.with)
    if (result.includes(s)) c.tp++;
    else c.fn++;
  for (const s of page.without) if (result.includes(s)) c.fp++;
  return c;
}

export function f1OfCounts(all: Counts[]): number {
  const tp = all.reduce((a, c) => a + c.tp, 0);
  const fp = all.reduce((a, c) => a + c.fp, 0);
  const fn = all.reduce((a, c) => a + c.fn, 0);
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const sh = tokens.slice(i, i + 4);
    if (!sh.length) continue;
    const k = sh.join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

/** Normalised shingle tp/fp/fn of one page (evaluate.py string_shingle_matching). */
export function shingleCounts(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0;
    const b = p.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp, fp, fn };
}

/** evaluate.py metrics_from_tp_fp_fns: mean precision, mean recall, F1 of the means. */
export function shingleF1(all: Counts[]): { f1: number; precision: number; recall: number } {
  const prec = (c: Counts) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp === 0 && c.fp === 0 ? 0 : c.tp / (c.tp + c.fp));
  const rec = (c: Counts) => (c.fp === 0 && c.fn === 0 ? 1 : c.tp === 0 && c.fn === 0 ? 0 : c.tp / (c.tp + c.fn));
  const ps = all.filter((c) => c.tp + c.fp > 0).map(prec);
  const rs = all.filter((c) => c.tp + c.fn > 0).map(rec);
  const precision = ps.reduce((a, b) => a + b, 0) / (ps.length || 1);
  const recall = rs.reduce((a, b) => a + b, 0) / (rs.length || 1);
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}
