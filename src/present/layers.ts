// Which optional layers an analysis is written with (`recoupe analyze --layers`,
// `POST /api/analyze` "layers"). The contract's required fields (text, meta,
// removed, sentences, entities, attributions, claims) are always written; the
// optional layers are chosen. Tokens are left out by default: they were 59% of
// the output (one object per word) and no reader of the contract needs them,
// the analysis itself still computes and uses them.
import type { Analysis } from '../doc/schema.js';
import { UsageError } from '../ingest/errors.js';

export const OPTIONAL_LAYERS = ['tokens', 'quotes', 'links', 'notes', 'provenance'] as const;
export type OptionalLayer = (typeof OPTIONAL_LAYERS)[number];
export type LayerSet = ReadonlySet<OptionalLayer>;

export const DEFAULT_LAYERS: LayerSet = new Set<OptionalLayer>(['quotes', 'links', 'notes', 'provenance']);
export const ALL_LAYERS: LayerSet = new Set<OptionalLayer>(OPTIONAL_LAYERS);

export const LAYERS_HELP = `optional layers written, comma-separated: ${OPTIONAL_LAYERS.join(', ')};
               "all", "none", or "+tokens" to add to the default (${[...DEFAULT_LAYERS].join(',')})`;

/** `all`, `none`, `a,b` (exactly these) or `+a,+b` (added to the default). Throws a UsageError naming `flag` on an unknown layer. */
export function parseLayers(value: string | undefined, flag = '--layers'): LayerSet {
  if (value === undefined) return DEFAULT_LAYERS;
  const v = value.trim();
  if (v === 'all') return ALL_LAYERS;
  if (v === 'none' || v === '') return new Set();
  const names = v.split(',').map((s) => s.trim());
  const adding = names.every((n) => n.startsWith('+'));
  const out = new Set<OptionalLayer>(adding ? DEFAULT_LAYERS : []);
  for (const raw of names) {
    const name = raw.replace(/^\+/, '');
    if (!(OPTIONAL_LAYERS as readonly string[]).includes(name)) {
      throw new UsageError(`${flag}: unknown layer "${name}" (optional layers: ${OPTIONAL_LAYERS.join(', ')}; or all, none)`);
    }
    out.add(name as OptionalLayer);
  }
  return out;
}

/** The analysis with only the chosen optional layers (a shallow copy; the input is not changed). */
export function selectLayers(a: Analysis, layers: LayerSet): Analysis {
  if (layers.size === OPTIONAL_LAYERS.length) return a;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a)) {
    if ((OPTIONAL_LAYERS as readonly string[]).includes(k) && !layers.has(k as OptionalLayer)) continue;
    out[k] = v;
  }
  return out as Analysis;
}
