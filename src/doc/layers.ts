// The layer registry: every layer a stage can add to a Doc, by name, with the
// zod schema of its published form. The built-in layers are registered here
// from the fields of the `Analysis` schema (one source for types and JSON
// Schema); a plugin registers its own with `defineLayer` and its stage then
// stores the value with `doc.set(layer, value)`. The JSON Schema
// (`analysisJsonSchema`) is generated from this registry, and `Doc.toJSON`
// prints every published layer a document holds.
import type { z } from 'zod';
import { Analysis } from './schema.js';

export interface Layer<T> {
  readonly name: string;
  /**
   * The zod schema of the layer's field in the analysis JSON (usually an array
   * of spans; wrapped in `.optional()` for an optional layer). No schema: an
   * internal layer that stages share (such as the shallow parse, `syntax`) but
   * that is never printed.
   */
  readonly schema: z.ZodType | null;
  /** Printed only when present (`tokens`, `quotes`, plugin layers by default); a required field otherwise. */
  readonly optional: boolean;
  /** Built-in layers are fields of `Doc` (`doc.sentences`); the others live in `doc.get/set`. */
  readonly builtin: boolean;
  /** Phantom field carrying the value type. */
  readonly _type?: T;
}

const registry = new Map<string, Layer<unknown>>();

/** Fields of the analysis object that are not layers: a layer may not take their names. */
const RESERVED = new Set(['schema', 'id', 'input', 'meta', 'text', 'provenance', 'source', 'map', 'known']);

/**
 * Register a layer. Its name must be new (two plugins cannot both own one
 * layer) and must not be one of the analysis object's own fields.
 */
export function defineLayer<S extends z.ZodType>(name: string, options: { schema: S; optional?: boolean }): Layer<z.infer<S>>;
export function defineLayer<T>(name: string, options: { schema: null }): Layer<T>;
export function defineLayer<T>(name: string, options: { schema: z.ZodType | null; optional?: boolean }): Layer<T> {
  const optional = options.optional ?? true;
  const schema = options.schema && optional ? options.schema.optional() : options.schema;
  return register<T>({ name, schema, optional, builtin: false });
}

function register<T>(layer: Layer<T>): Layer<T> {
  if (!/^[a-z][A-Za-z0-9]*$/.test(layer.name)) throw new Error(`layer name "${layer.name}" must be a camelCase word (it becomes a JSON field)`);
  if (RESERVED.has(layer.name)) throw new Error(`"${layer.name}" is a field of every analysis, not a layer name`);
  if (registry.has(layer.name)) throw new Error(`layer "${layer.name}" is already registered`);
  registry.set(layer.name, layer as Layer<unknown>);
  return layer;
}

/** The registered layers, in registration order (built-ins first). */
export function registeredLayers(): Layer<unknown>[] {
  return [...registry.values()];
}

export function layerNamed(name: string): Layer<unknown> | undefined {
  return registry.get(name);
}

type Shape = typeof Analysis.shape;
function builtin<K extends keyof Shape>(name: K): Layer<Exclude<z.infer<Shape[K]>, undefined>> {
  const schema: z.ZodType = Analysis.shape[name];
  return register({ name, schema, optional: schema.safeParse(undefined).success, builtin: true });
}

// The built-in layers, in the order of the published schema.
export const removedLayer = builtin('removed');
export const sentencesLayer = builtin('sentences');
export const tokensLayer = builtin('tokens');
export const quotesLayer = builtin('quotes');
export const linksLayer = builtin('links');
export const entitiesLayer = builtin('entities');
export const attributionsLayer = builtin('attributions');
export const claimsLayer = builtin('claims');
export const notesLayer = builtin('notes');
