// The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json.
// Written by hand (paths, parameters, statuses); the body schemas come from
// the zod schemas the code uses, so they cannot drift. A test checks that
// every route the server answers is described here.
import { z } from 'zod';
import { analysisJsonSchema } from '../doc/json-schema.js';
import { AnalyzeRequest } from './api-analyze.js';
import * as port from './corpus-port.js';

const json = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: unknown, type = 'application/json') => ({ description, content: { [type]: { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c], content: { 'application/json': { schema: ref('Error') } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'bad request (invalid JSON, parameter or body)',
  404: 'not found',
  413: 'request body too large',
  415: 'the body must be application/json',
  422: 'the article could not be analysed',
  503: 'no corpus loaded (server started without --db), or analysis queue full or timed out',
};

const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const pageParams = [q('limit', 'maximum items (≤ 500)', { type: 'integer', minimum: 0 }), q('offset', 'items to skip', { type: 'integer', minimum: 0 })];
const docParams = [
  q('outlet', 'only this outlet'),
  q('language', 'ISO 639-1 code', { type: 'string', pattern: '^[a-z]{2}$' }),
  q('from', 'published on or after (YYYY-MM-DD)', { type: 'string', format: 'date' }),
  q('to', 'published on or before (YYYY-MM-DD)', { type: 'string', format: 'date' }),
  ...pageParams,
];
const exportParam = q('format', 'csv or json: the whole list (not one page) as a file to download (CSV cells that look like formulas are defused)', {
  type: 'string',
  enum: ['csv', 'json'],
});
const listResponses = (description: string, schema: unknown) => ({
  '200': {
    description: `${description}; with format=csv or json, the whole list as a download`,
    content: { 'application/json': { schema }, 'text/csv': { schema: { type: 'string' } } },
  },
  ...errors(400, 503),
});
/** The graph a node list is taken from: its size and time window (as /api/graph). */
const graphParams = [
  q('nodes', 'maximum nodes of the graph (≤ 2000; default 200)', { type: 'integer', minimum: 0 }),
  q('from', 'only documents published on or after (YYYY-MM-DD)', { type: 'string', format: 'date' }),
  q('to', 'only documents published on or before (YYYY-MM-DD)', { type: 'string', format: 'date' }),
];
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, description: `the ${what} id`, schema: { type: 'string' } });

function analysisSchema(): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = analysisJsonSchema();
  return rest;
}

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'recoupe',
      version,
      description:
        'Who says what, according to whom: analyse news articles and explore a corpus of them. Served by `recoupe serve`. Bound to loopback, the server answers only requests whose Host is a loopback name (others get 421).',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and what the server holds',
          responses: {
            '200': ok('ok', {
              type: 'object',
              properties: {
                ok: { type: 'boolean' },
                version: { type: 'string' },
                corpus: { type: 'boolean' },
                maxBody: { type: 'integer', description: 'largest request body /api/analyze accepts, in bytes' },
              },
            }),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1 document', { type: 'object' }) } } },
      '/api/analyze': {
        post: {
          summary: 'Analyse one article (text, Markdown or HTML)',
          description: 'Returns the same `recoupe/analysis@1` object as `recoupe analyze --format jsonl`.',
          requestBody: { required: true, content: { 'application/json': { schema: ref('AnalyzeRequest') } } },
          responses: { '200': ok('the analysis', ref('Analysis')), ...errors(400, 413, 415, 422, 503) },
        },
      },
      '/api/documents': {
        get: {
          summary: 'Documents in the corpus',
          parameters: [...docParams, exportParam],
          responses: listResponses('a page of documents', ref('DocumentPage')),
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One stored analysis',
          parameters: [idParam('document')],
          responses: { '200': ok('the analysis', ref('Analysis')), ...errors(404, 503) },
        },
      },
      '/api/documents/{id}/report': {
        get: {
          summary: 'One stored document as a shareable report: self-contained HTML (no script) or Markdown',
          parameters: [
            idParam('document'),
            q('format', 'html (default) or md', { type: 'string', enum: ['html', 'md'] }),
            q('lang', 'fr (default) or en', { type: 'string', enum: ['fr', 'en'] }),
          ],
          responses: {
            '200': { description: 'the report', content: { 'text/html': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } } },
            ...errors(400, 404, 503),
          },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search with filters (q, or at least one filter)',
          parameters: [
            q('q', 'words to search for (stemmed); "quoted phrases" match exactly'),
            q('speaker', 'documents attributing something to this speaker (any part of the name, or the whole name with speakerExact)'),
            q('speakerExact', 'the speaker filter matches the whole name only (case and accents aside)', { type: 'boolean' }),
            q('entity', 'documents naming this entity: its key or any of its names, aliases included (Daech finds Daesh, EI, ISIS)'),
            q('anonymous', 'only documents with an anonymous source', { type: 'boolean' }),
            q('hedged', 'only documents with a hedged attribution or claim', { type: 'boolean' }),
            ...docParams,
            exportParam,
          ],
          responses: listResponses('matching documents', ref('SearchPage')),
        },
      },
      '/api/claim-groups': {
        get: {
          summary: 'Groups of matching claims across articles',
          parameters: [q('q', 'words in the claim'), ...pageParams, exportParam],
          responses: listResponses('a page of claim groups', ref('ClaimGroupPage')),
        },
      },
      '/api/claim-groups/{id}': {
        get: {
          summary: 'One claim group: who said it, when, through which chain, independent or not',
          parameters: [idParam('claim group')],
          responses: { '200': ok('the claim group', ref('ClaimGroup')), ...errors(404, 503) },
        },
      },
      '/api/claim-groups/{id}/mentions': {
        get: {
          summary: "A claim group's mentions (who, when, through which chain, in which article)",
          parameters: [idParam('claim group'), ...pageParams, exportParam],
          responses: { ...listResponses('a page of mentions', { type: 'object' }), ...errors(404) },
        },
      },
      '/api/claim-groups/{id}/claimreview': {
        get: {
          summary: 'A schema.org ClaimReview draft (JSON-LD) for a claim group',
          parameters: [idParam('claim group')],
          responses: { '200': ok('JSON-LD; verdict fields left null for the fact-checker', { type: 'object' }, 'application/ld+json'), ...errors(404, 503) },
        },
      },
      '/api/sources': {
        get: {
          summary: 'Sources (speakers, media, anonymous categories) by number of mentions',
          parameters: [
            q('q', 'words in the name'),
            q('anonymous', 'only anonymous (true) or named (false)', { type: 'boolean' }),
            q('kind', 'only speakers or only outlets', { type: 'string', enum: ['speaker', 'outlet'] }),
            ...pageParams,
            exportParam,
          ],
          responses: listResponses('a page of sources', ref('SourcePage')),
        },
      },
      '/api/entities': {
        get: {
          summary: 'Entities named in the corpus, by number of documents (suggestions for the entity filter)',
          parameters: [
            q('q', 'any part of any of its names, or a name the knowledge bases know (aliases)'),
            q('key', 'exactly this entity key'),
            ...pageParams,
            exportParam,
          ],
          responses: listResponses('a page of entities', ref('EntityPage')),
        },
      },
      '/api/graph': {
        get: {
          summary: 'The source/citation graph (outlets, sources, intermediaries)',
          parameters: [q('limit', 'maximum nodes (≤ 2000)', { type: 'integer', minimum: 0 }), ...graphParams.slice(1)],
          responses: { '200': ok('nodes and edges', ref('Graph')), ...errors(400, 503) },
        },
      },
      '/api/graph/nodes': {
        get: {
          summary: "The graph's nodes, heaviest first (the web app's node list)",
          parameters: [...graphParams, ...pageParams, exportParam],
          responses: listResponses('a page of nodes', { type: 'object' }),
        },
      },
      '/api/graph/nodes/{id}/neighbours': {
        get: {
          summary: "A node's neighbours in the graph, heaviest first",
          parameters: [idParam('node'), ...graphParams, ...pageParams, exportParam],
          responses: { ...listResponses('a page of nodes', { type: 'object' }), ...errors(404) },
        },
      },
      '/api/narratives': {
        get: {
          summary: 'Narratives: claims told across articles over time',
          parameters: [q('limit', 'maximum narratives (≤ 500)', { type: 'integer', minimum: 0 })],
          responses: { '200': ok('narratives with their dated events', { type: 'array', items: ref('Narrative') }), ...errors(400, 503) },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error', 'status'], properties: { error: { type: 'string' }, status: { type: 'integer' } } },
        AnalyzeRequest: {
          ...json(AnalyzeRequest),
          description: 'Exactly one of `text` (plain text or Markdown) or `html`. Other fields are known metadata that win over guesses; `raw` skips cleaning.',
        },
        Analysis: analysisSchema(),
        DocumentPage: json(port.pageOf(port.DocumentSummary)),
        SearchPage: json(port.pageOf(port.SearchHit)),
        ClaimGroupPage: json(port.pageOf(port.ClaimGroupSummary)),
        ClaimGroup: json(port.ClaimGroup),
        SourcePage: json(port.pageOf(port.SourceSummary)),
        EntityPage: json(port.pageOf(port.EntitySummary)),
        Graph: json(port.Graph),
        Narrative: json(port.Narrative),
      },
    },
  };
}
