// A tiny router: routes are written as OpenAPI paths ("/api/claim-groups/{id}")
// so the test can check every served route against /api/openapi.json.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type Method = 'GET' | 'POST';

export interface Route {
  method: Method;
  /** An OpenAPI path template. */
  path: string;
  handle(ctx: RequestContext): Promise<void> | void;
}

interface Compiled {
  route: Route;
  parts: string[];
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: Method[] } | null;

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, parts: route.path.split('/') }));
  }

  /** The route for a method and a decoded path; `{allowed}` when only the method is wrong (405). */
  match(method: string, pathname: string): Match {
    const segments = pathname.split('/');
    const allowed: Method[] = [];
    for (const c of this.compiled) {
      const params = matchParts(c.parts, segments);
      if (!params) continue;
      if (c.route.method === method || (method === 'HEAD' && c.route.method === 'GET')) return { route: c.route, params };
      allowed.push(c.route.method);
    }
    return allowed.length ? { allowed } : null;
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const s = segments[i]!;
    if (p.startsWith('{') && p.endsWith('}')) {
      if (s === '') return null;
      let value: string;
      try {
        value = decodeURIComponent(s);
      } catch {
        return null;
      }
      params[p.slice(1, -1)] = value;
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}
