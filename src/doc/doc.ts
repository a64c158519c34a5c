// The Doc: one immutable clean text plus stand-off layers (spaCy's Doc, vfile's
// messages). Every stage adds a layer; none rewrites `text`.
import { createHash } from 'node:crypto';
import {
  SCHEMA_ID,
  type Analysis,
  type Attribution,
  type Claim,
  type Entity,
  type InputFormat,
  type Message,
  type Meta,
  type Provenance,
  type Quote,
  type Span,
  type Token,
} from './schema.js';
import { OffsetMap } from './offset-map.js';
import type { Role } from '../layout/types.js';
import { layerNamed, type Layer } from './layers.js';

export interface DocInput {
  path: string | null;
  format: InputFormat;
  line?: number;
  encoding?: string;
}

export interface Removed {
  text: string;
  reason: string;
  /** the block's role on the page (src/layout/types.ts ROLES) */
  role?: Role;
  start?: number;
  end?: number;
}

export interface Link extends Span {
  href: string;
}

export interface Sentence {
  start: number;
  end: number;
}

/** Metadata known before analysis (JSONL fields, HTTP headers); it wins over guesses. */
export type KnownMeta = Partial<Pick<Meta, 'title' | 'outlet' | 'published' | 'language' | 'url' | 'authors' | 'origin'>>;

export class Doc {
  readonly text: string;
  readonly input: DocInput;
  /** The decoded input the text was cleaned from. */
  readonly source: string;
  readonly map: OffsetMap;
  readonly known: KnownMeta;
  /** How and when the input arrived (file, URL, feed, WARC record). */
  readonly provenance: Provenance | undefined;
  meta: Meta;
  removed: Removed[] = [];
  links: Link[] = [];
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  quotes: Quote[] = [];
  entities: Entity[] = [];
  attributions: Attribution[] = [];
  claims: Claim[] = [];
  notes: Message[] = [];
  /** Layers added by plugins (registered with `defineLayer`), and internal ones such as `syntax`. */
  private readonly extra = new Map<string, unknown>();

  constructor(init: { text: string; input: DocInput; source?: string; map?: OffsetMap; known?: KnownMeta; provenance?: Provenance }) {
    this.text = init.text;
    this.input = init.input;
    this.source = init.source ?? init.text;
    this.map = init.map ?? OffsetMap.identity(init.text.length);
    this.known = init.known ?? {};
    this.provenance = init.provenance;
    this.meta = {
      title: this.known.title ?? null,
      outlet: this.known.outlet ?? null,
      origin: this.known.origin ?? [],
      authors: this.known.authors ?? [],
      published: this.known.published ?? null,
      language: this.known.language ?? 'fr',
      url: this.known.url ?? null,
    };
  }

  /** A span of the text with its surface string. */
  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /** Record a positioned message (vfile style): why something was repaired, removed or guessed. */
  note(rule: string, message: string, start?: number, end?: number): void {
    this.notes.push({ rule, message, start: start ?? null, end: end ?? null });
  }

  /** The value of a layer: a built-in one is the `Doc` field of that name. */
  get<T>(layer: Layer<T>): T | undefined {
    if (layer.builtin) return (this as unknown as Record<string, T>)[layer.name];
    return this.extra.get(layer.name) as T | undefined;
  }

  /** Store a layer's value (the stage that `provides` it does this once). */
  set<T>(layer: Layer<T>, value: T): void {
    if (layer.builtin) (this as unknown as Record<string, T>)[layer.name] = value;
    else this.extra.set(layer.name, value);
  }

  get id(): string {
    return createHash('sha256').update(this.text).digest('hex');
  }

  toJSON(): Analysis {
    const plugins: Record<string, unknown> = {};
    for (const [name, value] of this.extra) if (layerNamed(name)?.schema) plugins[name] = value;
    return {
      schema: SCHEMA_ID,
      id: this.id,
      input: { ...this.input },
      meta: this.meta,
      text: this.text,
      removed: this.removed,
      sentences: this.sentences,
      tokens: this.tokens,
      quotes: this.quotes,
      links: this.links,
      entities: this.entities,
      attributions: this.attributions,
      claims: this.claims,
      notes: this.notes,
      ...plugins,
      ...(this.provenance ? { provenance: this.provenance } : {}),
    };
  }
}
