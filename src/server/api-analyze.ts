// POST /api/analyze: one article in (text, Markdown or HTML), the very
// `recoupe/analysis@1` object the CLI prints out.
import { z } from 'zod';
import type { Route } from './router.js';
import { HttpError, readJson, sendText } from './http.js';
import type { AnalyzePool } from './analyze-pool.js';
import { OPTIONAL_LAYERS, parseLayers } from '../present/layers.js';

export const AnalyzeRequest = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    format: z.enum(['text', 'markdown', 'html']).optional(),
    raw: z.boolean().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    language: z.string().regex(/^[a-z]{2}$/).optional(),
    layers: z.string().optional().describe(`optional layers in the answer, as \`recoupe analyze --layers\`: ${OPTIONAL_LAYERS.join(', ')}, "all", "none" or "+tokens" (default: all but tokens)`),
  })
  .strict()
  .refine((r) => (r.text === undefined) !== (r.html === undefined), { message: 'give exactly one of "text" or "html"' });

export function analyzeRoute(pool: AnalyzePool, maxBody: number): Route {
  return {
    method: 'POST',
    path: '/api/analyze',
    async handle({ req, res }) {
      const parsed = AnalyzeRequest.safeParse(await readJson(req, maxBody));
      if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const r = parsed.data;
      const known = Object.fromEntries(
        (['title', 'url', 'outlet', 'published', 'language'] as const).filter((k) => r[k] !== undefined).map((k) => [k, r[k]]),
      );
      const text = (r.text ?? r.html)!;
      if (text.trim() === '') throw new HttpError(400, 'the article is empty');
      const format = r.html !== undefined ? 'html' : r.format;
      let layers: ReturnType<typeof parseLayers>;
      try {
        layers = parseLayers(r.layers, 'layers');
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      const json = await pool.analyze({ text, path: null, known, ...(format ? { format } : {}) }, r.raw ?? false, layers);
      sendText(res, 200, json, 'application/json; charset=utf-8');
    },
  };
}
