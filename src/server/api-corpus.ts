// The corpus endpoints. Query parameters are validated here; the port does
// the work. Without a corpus every one of them answers 503 "no corpus".
import type { Route, RequestContext } from './router.js';
import { HttpError, sendJson, sendText } from './http.js';
import { articleReportHtml, REPORT_CSP } from '../present/report-html.js';
import { articleReportMd } from '../present/report-md.js';
import type { CorpusPort, Graph, Page } from './corpus-port.js';
import { claimReviewDraft } from '../present/claimreview.js';
import { csvRow } from '../present/csv.js';
import { isCalendarDate } from '../text/calendar-date.js';

const MAX_LIMIT = 500;

function int(q: URLSearchParams, name: string, fallback: number, max: number): number {
  const v = q.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d{1,9}$/.test(v)) throw new HttpError(400, `${name} must be a non-negative integer`);
  return Math.min(Number(v), max);
}

function str(q: URLSearchParams, name: string, valid?: RegExp | ((v: string) => boolean)): string | undefined {
  const v = q.get(name)?.trim();
  if (!v) return undefined;
  if (v.length > 500) throw new HttpError(400, `${name} is too long`);
  if (valid && !(valid instanceof RegExp ? valid.test(v) : valid(v))) throw new HttpError(400, `${name} has the wrong format`);
  return v;
}

/** A date parameter: a calendar day YYYY-MM-DD. */
const DATE = isCalendarDate;

function bool(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (v !== 'true' && v !== 'false') throw new HttpError(400, `${name} must be true or false`);
  return v === 'true';
}

/** The page a list route serves: at most MAX_LIMIT items, or the whole list (up to EXPORT_LIMIT) for an export. */
export function page(q: URLSearchParams) {
  return { limit: int(q, 'limit', 50, exportFormat(q) ? EXPORT_LIMIT : MAX_LIMIT), offset: int(q, 'offset', 0, 1e9) };
}

function docFilter(q: URLSearchParams) {
  return {
    q: str(q, 'q'),
    outlet: str(q, 'outlet'),
    language: str(q, 'language', /^[a-z]{2}$/),
    from: str(q, 'from', DATE),
    to: str(q, 'to', DATE),
    ...page(q),
  };
}

async function found<T>(value: Promise<T | null>, what: string): Promise<T> {
  const v = await value;
  if (v === null) throw new HttpError(404, `no such ${what}`);
  return v;
}

type Handler = (corpus: CorpusPort, ctx: RequestContext) => Promise<unknown>;

/** An exported list is the whole list (search hits are capped by the adapter), not one page. */
const EXPORT_LIMIT = 100_000;

/** `format=csv|json` on a list route: the whole list as a file to download. */
function exportFormat(q: URLSearchParams): 'csv' | 'json' | undefined {
  return str(q, 'format', /^(csv|json)$/) as 'csv' | 'json' | undefined;
}

/** For a list route asked to export: the query with the page widened to the whole list. */
export function whole(q: URLSearchParams): URLSearchParams {
  if (!exportFormat(q)) return q;
  const out = new URLSearchParams(q);
  out.set('limit', String(EXPORT_LIMIT));
  out.set('offset', '0');
  return out;
}

/** A nested object's fields as columns of their own (`document.title`); lists stay as they are. */
function flat(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = v2;
    else out[k] = v;
  }
  return out;
}

/**
 * Rows of objects as CSV (the project's one writer: formulas defused): one column per field, a nested object's fields
 * as `name.field` columns, lists joined by "; ", lists of objects as JSON.
 */
export function itemsCsv(rows: Record<string, unknown>[]): string {
  const items = rows.map(flat);
  const header = [...new Set(items.flatMap((i) => Object.keys(i)))];
  const cell = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x !== 'object') ? v.join('; ') : v);
  return csvRow(header) + items.map((i) => csvRow(header.map((k) => cell(i[k])))).join('');
}

function searchFilter(query: URLSearchParams) {
  const f = {
    ...docFilter(query),
    speaker: str(query, 'speaker'),
    speakerExact: bool(query, 'speakerExact'),
    // Any name of the entity (« Daech », « EI », « ISIS »), or its key: the corpus resolves it.
    entity: str(query, 'entity'),
    anonymous: bool(query, 'anonymous'),
    hedged: bool(query, 'hedged'),
  };
  const filtered = f.q || f.outlet || f.language || f.from || f.to || f.speaker || f.entity || f.anonymous || f.hedged;
  if (!filtered) throw new HttpError(400, 'give q (words to search for) or a filter');
  return f;
}

/** List routes: a page of items as JSON, or with `format=csv|json` the whole list as a download. */
const LISTS = new Set([
  '/api/documents',
  '/api/search',
  '/api/claim-groups',
  '/api/claim-groups/{id}/mentions',
  '/api/sources',
  '/api/entities',
  '/api/graph/nodes',
  '/api/graph/nodes/{id}/neighbours',
]);

/** A page of a list held whole (a group's mentions, a graph's nodes). */
function paged<T>(all: T[], q: URLSearchParams): Page<T> {
  const { limit, offset } = page(q);
  return { total: all.length, items: all.slice(offset, offset + limit) };
}

/** The graph's query: its size (`limit` nodes, not a page: an export keeps it) and time window. */
function graphQuery(q: URLSearchParams) {
  return { limit: int(q, 'nodes', 200, 2000), from: str(q, 'from', DATE), to: str(q, 'to', DATE) };
}

/** The nodes of a graph, heaviest first (the order of the web app's lists); with `id`, only that node's neighbours. */
async function graphNodes(c: CorpusPort, q: URLSearchParams, id?: string): Promise<Page<Graph['nodes'][number]>> {
  const g = await c.graph(graphQuery(q));
  let nodes = g.nodes;
  if (id !== undefined) {
    if (!nodes.some((n) => n.id === id)) throw new HttpError(404, 'no such node');
    const near = new Set(g.edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : [])));
    near.delete(id);
    nodes = nodes.filter((n) => near.has(n.id));
  }
  return paged(
    [...nodes].sort((x, y) => y.weight - x.weight),
    q,
  );
}

const handlers: { path: string; run: Handler }[] = [
  { path: '/api/documents', run: (c, { query }) => c.documents(docFilter(query)) },
  { path: '/api/documents/{id}', run: (c, { params }) => found(c.document(params.id!), 'document') },
  { path: '/api/search', run: (c, { query }) => c.search(searchFilter(query)) },
  { path: '/api/claim-groups', run: (c, { query }) => c.claimGroups({ q: str(query, 'q'), ...page(query) }) },
  { path: '/api/claim-groups/{id}', run: (c, { params }) => found(c.claimGroup(params.id!), 'claim group') },
  {
    path: '/api/claim-groups/{id}/mentions',
    run: async (c, { params, query }) => paged((await found(c.claimGroup(params.id!), 'claim group')).items, query),
  },
  { path: '/api/claim-groups/{id}/claimreview', run: async (c, { params }) => claimReviewDraft(await found(c.claimGroup(params.id!), 'claim group')) },
  {
    path: '/api/sources',
    run: (c, { query }) =>
      c.sources({
        q: str(query, 'q'),
        anonymous: bool(query, 'anonymous'),
        kind: str(query, 'kind', /^(speaker|outlet)$/) as 'speaker' | 'outlet' | undefined,
        ...page(query),
      }),
  },
  { path: '/api/entities', run: (c, { query }) => c.entities({ q: str(query, 'q'), key: str(query, 'key'), ...page(query) }) },
  {
    path: '/api/graph',
    run: (c, { query }) => c.graph({ limit: int(query, 'limit', 200, 2000), from: str(query, 'from', DATE), to: str(query, 'to', DATE) }),
  },
  { path: '/api/graph/nodes', run: (c, { query }) => graphNodes(c, query) },
  { path: '/api/graph/nodes/{id}/neighbours', run: (c, { params, query }) => graphNodes(c, query, params.id!) },
  { path: '/api/narratives', run: (c, { query }) => c.narratives({ limit: int(query, 'limit', 50, MAX_LIMIT) }) },
];

/** A stored document as a shareable report page: HTML (inline CSS, no script at all) or Markdown. */
async function sendReport(corpus: CorpusPort, { res, params, query }: RequestContext): Promise<void> {
  const a = await found(corpus.document(params.id!), 'document');
  const lang = str(query, 'lang', /^(fr|en)$/) === 'en' ? 'en' : 'fr';
  if (str(query, 'format', /^(html|md)$/) === 'md') return sendText(res, 200, articleReportMd(a, lang), 'text/markdown; charset=utf-8');
  res.setHeader('Content-Security-Policy', `${REPORT_CSP}; frame-ancestors 'none'`);
  sendText(res, 200, articleReportHtml(a, lang), 'text/html; charset=utf-8');
}

export function corpusRoutes(corpus: CorpusPort | null): Route[] {
  const routes = [
    ...handlers.map(({ path, run }) => ({
      path,
      async send(c: CorpusPort, ctx: RequestContext) {
        const format = LISTS.has(path) ? exportFormat(ctx.query) : undefined;
        const value = await run(c, format ? { ...ctx, query: whole(ctx.query) } : ctx);
        if (!format) return sendJson(ctx.res, 200, value, path.endsWith('/claimreview') ? 'application/ld+json; charset=utf-8' : undefined);
        const name = `recoupe-${path.split('/').pop()}.${format}`;
        ctx.res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
        const items = (value as { items: Record<string, unknown>[] }).items;
        if (format === 'json') sendJson(ctx.res, 200, items);
        else sendText(ctx.res, 200, itemsCsv(items), 'text/csv; charset=utf-8');
      },
    })),
    { path: '/api/documents/{id}/report', send: sendReport },
  ];
  return routes.map(({ path, send }) => ({
    method: 'GET' as const,
    path,
    async handle(ctx: RequestContext) {
      if (!corpus) throw new HttpError(503, 'no corpus: start the server with --db FILE');
      await send(corpus, ctx);
    },
  }));
}
