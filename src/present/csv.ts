// The one CSV writer (RFC 4180) of every CSV the product writes: `recoupe
// report`'s exports of analyses (documents, attributions, claims, entities,
// below) and the corpus commands' rows (search, sources, graph, stats...). Text
// cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
// prefixed with an apostrophe: article text is hostile (OWASP "CSV injection").
import type { Analysis } from '../doc/schema.js';

type Cell = string | number | boolean | null | undefined;

/** One cell: arrays and objects as JSON, formulas defused, quotes doubled, quoted when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export interface CsvExport {
  name: string;
  header: string[];
  rows(a: Analysis): Cell[][];
}

export const CSV_EXPORTS: CsvExport[] = [
  {
    name: 'documents',
    header: ['document_id', 'title', 'outlet', 'published', 'language', 'url', 'authors', 'origin', 'attributions', 'claims', 'entities', 'removed'],
    rows: (a) => [
      [
        a.id,
        a.meta.title,
        a.meta.outlet,
        a.meta.published,
        a.meta.language,
        a.meta.url,
        a.meta.authors.join('; '),
        a.meta.origin.join('; '),
        a.attributions.length,
        a.claims.length,
        a.entities.length,
        a.removed.length,
      ],
    ],
  },
  {
    name: 'attributions',
    header: [
      'document_id',
      'index',
      'kind',
      'source',
      'source_resolved',
      'anonymous',
      'cue',
      'via',
      'hedged',
      'parent',
      'content',
      'content_start',
      'content_end',
    ],
    rows: (a) =>
      a.attributions.map((at, i) => [
        a.id,
        i,
        at.kind,
        at.source?.text,
        at.source?.resolved,
        at.source ? at.source.anonymous : null,
        at.cue?.text,
        at.via.map((v) => v.text).join(' <- '),
        at.hedged,
        at.parent,
        at.content.text,
        at.content.start,
        at.content.end,
      ]),
  },
  {
    name: 'claims',
    header: ['document_id', 'index', 'text', 'attribution', 'hedged', 'start', 'end'],
    rows: (a) => a.claims.map((c, i) => [a.id, i, c.text, c.attribution, c.hedged, c.start, c.end]),
  },
  {
    name: 'entities',
    header: ['document_id', 'index', 'text', 'type', 'subtype', 'key', 'start', 'end'],
    rows: (a) => a.entities.map((en, i) => [a.id, i, en.text, en.type, en.subtype, en.key, en.start, en.end]),
  },
];
