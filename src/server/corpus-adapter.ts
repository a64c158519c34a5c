// The corpus store (src/corpus/) seen through the server's CorpusPort. The
// store keeps rows; claim groups, the citation graph and narratives are
// derived from all of them (src/corpus/ modules), so they are computed once
// and cached until the store's counts change (another process may be adding
// documents while the server runs).
import type { Analysis } from '../doc/schema.js';
import { openStore } from '../corpus/open.js';
import type { CorpusStore, DocumentRow, SourceRow } from '../corpus/store.js';
import { actors } from '../corpus/source-keys.js';
import { startWorker } from '../pipeline/worker-thread.js';
import { WorkerPool } from '../pipeline/worker-pool.js';
import { collect, deriveViews, each, speakerCanon, viewKey as key, yielding, type Derived, type StoreGroup } from './corpus-views.js';
import { buildGraph, MEDIA_SUBTYPE, type Graph as StoreGraph } from '../corpus/graph.js';
import { entityFilterKey } from '../corpus/entity-filter.js';
import { entityAliases, entityKeyFor, knownEntityKey } from '../kb/entity-key.js';
import type { ViewsJob, ViewsResult } from './corpus-views-worker.js';
import type { ClaimGroup, ClaimGroupSummary, CorpusPort, DocumentFilter, DocumentSummary, EntitySummary, Graph, Narrative, Page } from './corpus-port.js';
import { foldLower } from '../text/fold.js';

/** Hits read from the store per search, at most: `total` counts up to this. */
const MAX_SEARCH_HITS = 5000;

const folded = foldLower;

function page<T>(items: T[], f: { limit: number; offset: number }): Page<T> {
  return { total: items.length, items: items.slice(f.offset, f.offset + f.limit) };
}

function inFilter(d: DocumentRow, f: DocumentFilter): boolean {
  if (f.outlet && d.outlet !== f.outlet) return false;
  if (f.language && d.language !== f.language) return false;
  if (f.from && (!d.published || d.published < f.from)) return false;
  if (f.to && (!d.published || d.published > f.to)) return false;
  return true;
}

interface EntityEntry {
  key: string;
  type: string;
  subtype: string | null;
  /** Surface forms with how often each is written. */
  names: Map<string, number>;
  documents: Set<string>;
}

/** Indexes built from one version of the views when a request first needs them (most servers never do). */
interface Extras {
  /** Speaker names (as written and resolved, folded) → the documents attributing something to them. */
  speakers?: Map<string, Set<string>>;
  /** Entities by number of documents. */
  entities?: Promise<EntityEntry[]>;
  /** The graph of the last time window asked for. */
  window?: { key: string; graph: Promise<StoreGraph> };
}

/** How often (ms) the server looks for documents added by another process. */
export const REFRESH_MS = 5000;

export interface ViewsInThread {
  /** The corpus location (file path or URL, with its password) the views thread opens by itself. */
  location: string;
  /** Tests only: see ViewsJob.hold. */
  hold?: SharedArrayBuffer;
}

export class StoreCorpus implements CorpusPort {
  private current: Derived | null = null;
  private building: Promise<Derived> | null = null;
  private checking = false;
  private checkedAt = 0;
  private readonly extras = new WeakMap<Derived, Extras>();
  private actorList: { version: string; rows: Promise<SourceRow[]> } | null = null;
  /** One thread of the worker pool, for the views, when built off the event loop. */
  private readonly viewsPool: WorkerPool<ViewsJob, ViewsResult> | null;

  /** `inThread`: build the views in a worker thread (serve); without it they are built on this thread, in turns of the event loop. */
  constructor(
    private readonly store: CorpusStore,
    private readonly refreshMs = REFRESH_MS,
    private readonly inThread: ViewsInThread | null = null,
  ) {
    this.viewsPool = inThread ? new WorkerPool<ViewsJob, ViewsResult>(() => startWorker(import.meta.url, 'corpus-views-worker'), { size: 1 }) : null;
    // Built from the start, in the background: the first request does not pay for it alone.
    void this.views().catch(() => {});
  }

  /** What identifies the store's content: its counts, read at most once per refresh period. */
  private async version(): Promise<string> {
    const s = await this.store.stats();
    return `${s.documents}/${s.claims}/${s.titleClaims}/${s.candidateClaims}/${s.nearDuplicates}`;
  }

  private build(version: string): Promise<Derived> {
    if (this.building) return this.building;
    const next = this.derive(version).then((d) => {
      this.current = d;
      return d;
    });
    this.building = next;
    // A failed build (database busy, corrupt row) is not kept: the next request tries again.
    next.then(
      () => (this.building = null),
      () => (this.building = null),
    );
    return next;
  }

  /**
   * The derived views. Once built they are served as they are while a newer build runs in the background
   * (no request waits for a rebuild, and none re-counts the store); the store is checked for changes at most
   * once per refresh period.
   */
  private async views(): Promise<Derived> {
    if (!this.current) return this.building ?? this.build(await this.version());
    if (!this.building && !this.checking && Date.now() - this.checkedAt >= this.refreshMs) {
      this.checking = true;
      this.checkedAt = Date.now();
      this.version()
        .then((v) => {
          if (v !== this.current?.version) void this.build(v).catch(() => {});
        })
        .catch(() => {})
        .finally(() => (this.checking = false));
    }
    return this.current;
  }

  private async derive(version: string): Promise<Derived> {
    if (!this.viewsPool || !this.inThread) return deriveViews(this.store, version);
    const r = await this.viewsPool.run({ location: this.inThread.location, version, hold: this.inThread.hold });
    if (!r.ok) throw new Error(r.reason);
    return r.views;
  }

  private summary(v: Derived, id: string): DocumentSummary {
    const d = v.documents.get(id);
    const c = v.counts.get(id) ?? { attributions: 0, claims: 0 };
    return {
      id,
      title: d?.title ?? null,
      outlet: d?.outlet ?? null,
      published: d?.published ?? null,
      language: d?.language ?? 'und',
      url: d?.url ?? null,
      attributions: c.attributions,
      claims: c.claims,
    };
  }

  private groupSummary(g: StoreGroup): ClaimGroupSummary {
    return {
      id: g.id,
      label: g.label,
      mentions: g.claims.length,
      outlets: new Set(g.documents.map((d) => d.outlet ?? d.id)).size,
      origins: g.independence.distinctSources,
      verdict: g.independence.verdict,
      first: g.first,
      last: g.last,
    };
  }

  async documents(f: DocumentFilter): Promise<Page<DocumentSummary>> {
    const v = await this.views();
    const rows = [...v.documents.values()].filter((d) => inFilter(d, f)).sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    return page(
      rows.map((d) => this.summary(v, d.id)),
      f,
    );
  }

  document(id: string): Promise<Analysis | null> {
    return this.store.getDocument(id);
  }

  async search(f: DocumentFilter) {
    const v = await this.views();
    const hits = [];
    const query = {
      text: f.q ?? '',
      outlet: f.outlet,
      language: f.language,
      from: f.from,
      to: f.to,
      speaker: f.speaker,
      entity: f.entity ? await this.entityKey(v, f.entity) : undefined,
      // A query naming an entity (« Daech ») finds its other names too (« Daesh », « EI », « ISIS »).
      textEntity: f.q && knownEntityKey(f.q.trim()) ? await this.entityKey(v, f.q) : undefined,
      anonymous: f.anonymous,
      hedged: f.hedged,
      limit: MAX_SEARCH_HITS,
    };
    // The exact speaker: the store's substring match, then only the documents where the whole name is a speaker's.
    const exact = f.speaker && f.speakerExact ? (this.speakers(v).get(folded(f.speaker.trim())) ?? new Set<string>()) : null;
    for await (const h of this.store.search(query)) {
      if (exact && !exact.has(h.id)) continue;
      hits.push({ ...this.summary(v, h.id), snippet: h.snippet });
    }
    return page(hits, f);
  }

  /**
   * Speakers and outlets as actors: unifying keys reads every claim's keys, so once per state of the store's content,
   * read from the store itself, not from the views: the sources page answers while the views thread is busy.
   */
  private actors(): Promise<SourceRow[]> {
    return this.version().then((version) => {
      if (this.actorList?.version !== version) {
        const rows = collect(actors(this.store.sources(), this.store.claimFeatures()));
        this.actorList = { version, rows };
        // A failed read (database busy) is not kept: the next request tries again.
        rows.catch(() => {
          if (this.actorList?.rows === rows) this.actorList = null;
        });
      }
      return this.actorList.rows;
    });
  }

  private extra(v: Derived): Extras {
    return this.extras.get(v) ?? this.extras.set(v, {}).get(v)!;
  }

  private speakers(v: Derived): Map<string, Set<string>> {
    const x = this.extra(v);
    if (!x.speakers) {
      x.speakers = new Map();
      for (const a of v.attributions.values()) {
        for (const name of [a.source, a.sourceResolved]) {
          if (!name) continue;
          const k = folded(name.trim());
          (x.speakers.get(k) ?? x.speakers.set(k, new Set()).get(k)!).add(a.documentId);
        }
      }
    }
    return x.speakers;
  }

  private entityIndex(v: Derived): Promise<EntityEntry[]> {
    const x = this.extra(v);
    x.entities ??= (async () => {
      const byKey = new Map<string, EntityEntry>();
      for await (const e of yielding(this.store.entities())) {
        let entry = byKey.get(e.key);
        if (!entry) byKey.set(e.key, (entry = { key: e.key, type: e.type, subtype: e.subtype, names: new Map(), documents: new Set() }));
        entry.names.set(e.text, (entry.names.get(e.text) ?? 0) + 1);
        entry.documents.add(e.documentId);
      }
      return [...byKey.values()].sort((a, b) => b.documents.size - a.documents.size || a.key.localeCompare(b.key));
    })();
    x.entities.catch(() => (x.entities = undefined));
    return x.entities;
  }

  /** The name each key is most often written with in the corpus; a key the corpus never names is left out. */
  private async entityNames(v: Derived, keys: string[]): Promise<Record<string, string>> {
    if (keys.length === 0) return {};
    const wanted = new Set(keys);
    const names: Record<string, string> = {};
    for (const e of await this.entityIndex(v)) {
      if (!wanted.has(e.key)) continue;
      const top = [...e.names.entries()].sort((a, b) => b[1] - a[1])[0];
      if (top) names[e.key] = top[0];
    }
    return names;
  }

  /** An entity filter's key, read against the corpus (see `entityFilterKey`). */
  private async entityKey(v: Derived, value: string): Promise<string> {
    return entityFilterKey(
      value,
      (await this.entityIndex(v)).map((e) => ({ key: e.key, names: e.names.keys() })),
    );
  }

  async entities(f: { q?: string; key?: string; limit: number; offset: number }): Promise<Page<EntitySummary>> {
    const index = await this.entityIndex(await this.views());
    const q = f.q ? folded(f.q.trim()) : null;
    // A name the knowledge bases know ("Daech") selects its entity whatever the corpus writes ("Daesh", "EI").
    const alias = f.q ? entityKeyFor(f.q.trim()) : null;
    const summary = (e: EntityEntry): EntitySummary => {
      const written = [...e.names.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n);
      const names = [...new Set([...written, ...entityAliases(e.key)])];
      return { key: e.key, name: written[0] ?? e.key, type: e.type, subtype: e.subtype, names: names.slice(1, 12), documents: e.documents.size };
    };
    const hits = index.filter((e) => {
      if (f.key) return e.key === f.key;
      if (!q) return true;
      if (e.key === alias) return true;
      for (const n of e.names.keys()) if (folded(n).includes(q)) return true;
      return entityAliases(e.key).some((n) => folded(n).includes(q));
    });
    const shown = page(hits, f);
    return { total: shown.total, items: shown.items.map(summary) };
  }

  async claimGroups(f: { q?: string; limit: number; offset: number }): Promise<Page<ClaimGroupSummary>> {
    const v = await this.views();
    const q = f.q ? folded(f.q) : null;
    const groups = q ? v.groups.filter((g) => folded(g.label).includes(q) || g.claims.some((c) => folded(c.text).includes(q))) : v.groups;
    return page(
      groups.map((g) => this.groupSummary(g)),
      f,
    );
  }

  async claimGroup(id: string): Promise<ClaimGroup | null> {
    const v = await this.views();
    const g = v.groups.find((x) => x.id === id);
    if (!g) return null;
    const ind = g.independence;
    return {
      ...this.groupSummary(g),
      independent: ind.verdict === 'independent',
      reasons: ind.reasons,
      reasonMessages: ind.reasonMessages,
      explanation: g.explanation,
      explanationMessages: g.explanationMessages,
      entityKeys: g.entityKeys,
      entityNames: await this.entityNames(v, g.entityKeys),
      numbers: g.numbers,
      upstream: ind.sources.map((s) => ({
        key: s.key,
        label: s.label,
        anonymous: s.anonymous,
        kind: s.kind,
        claims: s.claims,
        documents: s.documents.length,
        documentIds: s.documents,
        ...(s.denies ? { denies: true } : {}),
      })),
      items: g.claims.map((c) => {
        const row = v.claims.get(key(c.documentId, c.index));
        const at = row?.attribution !== null && row?.attribution !== undefined ? v.attributions.get(key(c.documentId, row.attribution)) : undefined;
        return {
          document: this.summary(v, c.documentId),
          text: c.text,
          hedged: c.hedged,
          source: c.speaker,
          sourceKey: c.speakerKey,
          anonymous: row?.anonymous ?? false,
          cue: at?.cue ?? null,
          via: c.via,
          ...(c.conflictingSpeakers ? { conflictingSpeakers: c.conflictingSpeakers } : {}),
        };
      }),
    };
  }

  async sources(f: { q?: string; anonymous?: boolean; kind?: 'speaker' | 'outlet'; limit: number; offset: number }) {
    const q = f.q ? folded(f.q) : null;
    const rows = [];
    for (const s of await this.actors()) {
      if (f.anonymous !== undefined && s.anonymous !== f.anonymous) continue;
      if (f.kind && s.kind !== f.kind) continue;
      if (q && !folded(s.name).includes(q) && !s.key.includes(q)) continue;
      rows.push({ key: `${s.kind}:${s.key}`, name: s.name, type: s.kind, anonymous: s.anonymous, mentions: s.count, documents: s.documents });
    }
    rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
    return page(rows, f);
  }

  /** The citation graph of the documents published in [from, to] (the last window asked for is kept). */
  private windowGraph(v: Derived, from?: string, to?: string): Promise<StoreGraph> {
    const x = this.extra(v);
    const wanted = `${from ?? ''}/${to ?? ''}`;
    if (x.window?.key === wanted) return x.window.graph;
    const inWindow = (id: string) => {
      const p = v.documents.get(id)?.published;
      return Boolean(p && (!from || p >= from) && (!to || p <= to));
    };
    const graph = (async () =>
      buildGraph({
        documents: yielding(each([...v.documents.values()].filter((d) => inWindow(d.id)))),
        attributions: yielding(each([...v.attributions.values()].filter((a) => inWindow(a.documentId)))),
        media: yielding(this.store.entities({ subtype: MEDIA_SUBTYPE })),
        nearDuplicates: yielding(each((await collect(this.store.nearDuplicates())).filter((n) => inWindow(n.documentId) && inWindow(n.duplicateOf)))),
        canon: await speakerCanon(v.attributions.values(), v.claims.values()),
      }))();
    x.window = { key: wanted, graph };
    graph.catch(() => (x.window = undefined));
    return graph;
  }

  async graph(f: { limit: number; from?: string; to?: string }): Promise<Graph> {
    const v = await this.views();
    const g = f.from || f.to ? await this.windowGraph(v, f.from, f.to) : v.graph;
    // Article nodes (translation and republication links) are for exports (GEXF, JSON), not the web view.
    const nodes = g.nodes
      .filter((n): n is typeof n & { kind: Exclude<typeof n.kind, 'article'> } => n.kind !== 'article')
      .sort((a, b) => b.documents - a.documents || a.id.localeCompare(b.id))
      .slice(0, f.limit);
    const kept = new Set(nodes.map((n) => n.id));
    return {
      nodes: nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, weight: n.documents })),
      edges: g.edges
        .filter((e) => kept.has(e.source) && kept.has(e.target))
        .map((e) => ({ source: e.source, target: e.target, kind: e.kind, weight: e.count })),
    };
  }

  async narratives(f: { limit: number }): Promise<Narrative[]> {
    const v = await this.views();
    const groups = new Map(v.groups.map((g) => [g.id, g]));
    return v.narratives.slice(0, f.limit).map((n) => {
      const events = new Map<string, Narrative['events'][number]>();
      for (const cg of n.claimGroups) {
        for (const d of groups.get(cg.id)?.documents ?? []) {
          if (!events.has(d.id)) events.set(d.id, { date: d.published, document: this.summary(v, d.id), claim: cg.label });
        }
      }
      const label = n.claimGroups[0]?.label ?? n.entityKeys.join(', ');
      return { id: n.id, label, first: n.first, last: n.last, events: [...events.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) };
    });
  }

  async close(): Promise<void> {
    await this.viewsPool?.close();
    await this.store.close();
  }
}

/** Open a corpus database file (or URL) for the server and reports. */
export async function openCorpus(location: string, options: { hold?: SharedArrayBuffer } = {}): Promise<CorpusPort> {
  // The server only reads: a read-only file serves, and nothing is migrated under another process's feet.
  return new StoreCorpus(await openStore(location, { readOnly: true }), REFRESH_MS, { location, hold: options.hold });
}
