// Calls to the recoupe HTTP API (same origin). Errors carry the server's message.
import type { Analysis } from '../../src/doc/schema.js';
import type {
  ClaimGroup,
  ClaimGroupSummary,
  DocumentSummary,
  EntitySummary,
  Graph,
  Narrative,
  Page,
  SearchHit,
  SourceSummary,
} from '../../src/server/corpus-port.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  // A cancelled request (AbortController) rejects with an AbortError before any answer: passed on as it is.
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as { error?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `HTTP ${res.status}`);
  return body as T;
}

export type Params = Record<string, string | number | undefined>;

export const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();

export interface AnalyzeBody {
  text?: string;
  html?: string;
  format?: 'text' | 'markdown' | 'html';
  raw?: boolean;
}

let health: Promise<{ ok: boolean; corpus: boolean; maxBody?: number }> | null = null;

export const api = {
  /** Asked once per page load: the server's state and its body-size limit. */
  health: () => (health ??= call('/api/health')),
  analyze: (body: AnalyzeBody, signal?: AbortSignal) =>
    call<Analysis>('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal }),
  entities: (p: Params) => call<Page<EntitySummary>>(`/api/entities?${qs(p)}`),
  documents: (p: Record<string, string | number | undefined>) => call<Page<DocumentSummary>>(`/api/documents?${qs(p)}`),
  document: (id: string) => call<Analysis>(`/api/documents/${encodeURIComponent(id)}`),
  search: (p: Record<string, string | number | undefined>) => call<Page<SearchHit>>(`/api/search?${qs(p)}`),
  claimGroups: (p: Record<string, string | number | undefined>) => call<Page<ClaimGroupSummary>>(`/api/claim-groups?${qs(p)}`),
  claimGroup: (id: string) => call<ClaimGroup>(`/api/claim-groups/${encodeURIComponent(id)}`),
  claimReview: (id: string) => call<unknown>(`/api/claim-groups/${encodeURIComponent(id)}/claimreview`),
  sources: (p: Record<string, string | number | undefined>) => call<Page<SourceSummary>>(`/api/sources?${qs(p)}`),
  graph: (p: Params) => call<Graph>(`/api/graph?${qs(p)}`),
  narratives: (limit = 50) => call<Narrative[]>(`/api/narratives?${qs({ limit })}`),
};
