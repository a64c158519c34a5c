// `recoupe serve`: the HTTP API and the web app's static files on node:http.
// Every response carries the security headers; request bodies and times are
// bounded; analysis runs in a worker pool with a per-article time limit.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../lang/resources.js';
import { HttpError, sendError, sendJson, sendText, setSecurityHeaders } from './http.js';
import { Router, type Route } from './router.js';
import { StaticFiles } from './static-files.js';
import { availableParallelism } from 'node:os';
import { AnalysisPool } from '../pipeline/analysis-pool.js';
import { analyzeRoute } from './api-analyze.js';
import { corpusRoutes } from './api-corpus.js';
import { openApiDocument } from './openapi.js';
import type { CorpusPort } from './corpus-port.js';

export const DEFAULT_STATIC_DIR = join(PACKAGE_ROOT, 'dist', 'web');

export interface ServerOptions {
  corpus?: CorpusPort | null;
  /** The built web app (default dist/web); null serves the API only. */
  staticDir?: string | null;
  /** Largest accepted request body, bytes. */
  maxBody?: number;
  workers?: number;
  analyzeTimeoutMs?: number;
  /** Milliseconds a client has to send a whole request. */
  requestTimeoutMs?: number;
}

export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

function isLoopback(address: string): boolean {
  return address === '::1' || /^127\./.test(address) || address === '::ffff:127.0.0.1';
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export class RecoupeServer {
  readonly http: Server;
  readonly router: Router;
  readonly pool: AnalysisPool;
  readonly statics: StaticFiles;
  private readonly corpus: CorpusPort | null;
  /** Host headers accepted when bound to loopback (null: any), against DNS rebinding. */
  private allowedHosts: Set<string> | null = null;

  constructor(options: ServerOptions = {}) {
    const version = packageVersion();
    this.corpus = options.corpus ?? null;
    const workers = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
    this.pool = new AnalysisPool({
      size: workers,
      budgetMs: options.analyzeTimeoutMs ?? 20_000,
      maxQueue: 512,
      maxQueuePerClient: 128,
      // A client with nothing running gets a worker of its own while others' long analyses hold the pool.
      extraWorkers: workers,
    });
    this.statics = new StaticFiles(options.staticDir === undefined ? DEFAULT_STATIC_DIR : options.staticDir);
    const openapi = openApiDocument(version);
    const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
    const routes: Route[] = [
      { method: 'GET', path: '/api/health', handle: ({ res }) => sendJson(res, 200, { ok: true, version, corpus: this.corpus !== null, maxBody }) },
      { method: 'GET', path: '/api/openapi.json', handle: ({ res }) => sendJson(res, 200, openapi) },
      analyzeRoute(this.pool, maxBody),
      ...corpusRoutes(this.corpus),
    ];
    this.router = new Router(routes);
    const requestTimeout = options.requestTimeoutMs ?? 30_000;
    // Node checks request timeouts on this interval (30 s by default): keep it below the timeout.
    this.http = createServer(
      { requestTimeout, connectionsCheckingInterval: Math.max(100, Math.min(requestTimeout / 2, 30_000)) },
      (req, res) => void this.handle(req, res),
    );
    this.http.headersTimeout = Math.min(10_000, this.http.requestTimeout);
    this.http.keepAliveTimeout = 5_000;
    this.http.maxHeadersCount = 100;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // A web page elsewhere could rebind its own name to 127.0.0.1 and read the corpus: a loopback server answers only to loopback names.
    if (this.allowedHosts && !this.allowedHosts.has((req.headers.host ?? '').toLowerCase())) return sendError(res, 421, 'unknown Host header');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendError(res, 400, 'bad URL');
    }
    try {
      if (url.pathname.startsWith('/api/')) await this.api(req, res, url);
      else this.file(req, res, url.pathname);
    } catch (e) {
      if (e instanceof HttpError) return sendError(res, e.status, e.message);
      process.stderr.write(`recoupe serve: ${req.method} ${url.pathname}: ${(e as Error).message}\n`);
      sendError(res, 500, 'internal error');
    }
  }

  private async api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const m = this.router.match(req.method ?? 'GET', url.pathname);
    if (!m) throw new HttpError(404, `no API route ${url.pathname}`);
    if ('allowed' in m) {
      res.setHeader('Allow', m.allowed.join(', '));
      throw new HttpError(405, `use ${m.allowed.join(' or ')}`);
    }
    await m.route.handle({ req, res, params: m.params, query: url.searchParams });
  }

  private file(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new HttpError(405, 'use GET');
    }
    const f = this.statics.get(pathname);
    if (!f) {
      if (this.statics.size === 0 && pathname === '/')
        sendText(res, 503, 'The web app is not built: run `npm run build:web`. The API is at /api/.\n', 'text/plain; charset=utf-8');
      else sendText(res, 404, 'not found\n', 'text/plain; charset=utf-8');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', f.etag);
    if (req.headers['if-none-match'] === f.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', f.type);
    res.setHeader('Content-Length', f.body.length);
    res.end(req.method === 'HEAD' ? undefined : f.body);
  }

  /** Listen on host:port (port 0 picks a free one); resolves to the base URL. */
  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        const a = this.http.address() as AddressInfo;
        const h = a.family === 'IPv6' ? `[${a.address}]` : a.address;
        if (isLoopback(a.address)) this.allowedHosts = new Set(['localhost', '127.0.0.1', '[::1]', h].map((name) => `${name}:${a.port}`));
        resolve(`http://${h}:${a.port}`);
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    await this.pool.close();
    await this.corpus?.close();
  }
}
