// POST /api/analyze: one article in (text, Markdown or HTML), the very
// `recoupe/analysis@1` object the CLI prints out.
import { z } from 'zod';
import type { Route } from './router.js';
import { HttpError, readJson, sendText } from './http.js';
import { CancelledError, OverBudgetError, PoolBusyError, PoolError } from '../pipeline/worker-pool.js';
import type { AnalysisPool } from '../pipeline/analysis-pool.js';
import { OPTIONAL_LAYERS, parseLayers } from '../present/layers.js';
import { isCalendarDate } from '../text/calendar-date.js';
import { looksBinaryText } from '../ingest/decode.js';

export const AnalyzeRequest = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    format: z.enum(['text', 'markdown', 'html']).optional(),
    raw: z.boolean().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    // The pattern documents the shape in /api/openapi.json; the refinement refuses days that do not exist (2018-13-45).
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isCalendarDate, 'a calendar day YYYY-MM-DD')
      .optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
    layers: z
      .string()
      .optional()
      .describe(
        `optional layers in the answer, as \`recoupe analyze --layers\`: ${OPTIONAL_LAYERS.join(', ')}, "all", "none" or "+tokens" (default: all but tokens)`,
      ),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.html === undefined), { message: 'give exactly one of "text" or "html"' });

export function analyzeRoute(pool: AnalysisPool, maxBody: number): Route {
  return {
    method: 'POST',
    path: '/api/analyze',
    async handle({ req, res }) {
      const parsed = AnalyzeRequest.safeParse(await readJson(req, maxBody));
      if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const r = parsed.data;
      const known = Object.fromEntries((['title', 'url', 'outlet', 'published', 'language'] as const).filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
      const text = (r.text ?? r.html)!;
      if (text.trim() === '') throw new HttpError(400, 'the article is empty');
      if (looksBinaryText(text)) throw new HttpError(400, 'binary content (NUL, control or undecodable bytes), not text');
      const format = r.html !== undefined ? 'html' : r.format;
      let layers: ReturnType<typeof parseLayers>;
      try {
        layers = parseLayers(r.layers, 'layers');
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      // Each client (address) has its own queue, served in turn: one client's long analyses do not hold the others'.
      const client = req.socket.remoteAddress ?? '';
      // A client that goes away (the web app's Cancel aborts its request) cancels its analysis: the worker is freed.
      const gone = new AbortController();
      const onClose = () => {
        if (!res.writableEnded) gone.abort();
      };
      res.on('close', onClose);
      let result: Awaited<ReturnType<AnalysisPool['run']>>;
      try {
        result = await pool.run(
          { kind: 'json', input: { text, path: null, known, ...(format ? { format } : {}) }, raw: r.raw ?? false, layers },
          client,
          gone.signal,
        );
      } catch (e) {
        if (e instanceof CancelledError) throw new HttpError(499, 'analysis cancelled: the client closed the connection');
        if (e instanceof OverBudgetError) throw new HttpError(503, `analysis ${e.message}`);
        if (e instanceof PoolBusyError || e instanceof PoolError) throw new HttpError(503, e.message);
        throw e;
      } finally {
        res.off('close', onClose);
      }
      if (!result.ok) throw new HttpError(422, `analysis failed: ${result.reason}`);
      if (!('output' in result)) throw new Error('an analysis job answered without output');
      sendText(res, 200, result.output, 'application/json; charset=utf-8');
    },
  };
}
