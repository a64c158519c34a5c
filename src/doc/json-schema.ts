// The published JSON Schema, generated from the registered layers' zod schemas
// (src/doc/layers.ts) around the analysis object's own fields.
import { z } from 'zod';
import { Analysis, SCHEMA_ID } from './schema.js';
import { layerNamed, registeredLayers } from './layers.js';

/** The zod schema of one analysis: its own fields, then every registered layer that is printed. */
export function analysisSchema(): z.ZodObject {
  const { provenance, ...own } = Analysis.shape;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(own)) if (!layerNamed(name)) shape[name] = field;
  for (const layer of registeredLayers()) if (layer.schema) shape[layer.name] = layer.schema;
  shape.provenance = provenance;
  return z.object(shape);
}

export function analysisJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(analysisSchema(), { target: 'draft-2020-12' }),
    $id: `https://recoupe.dev/schema/${SCHEMA_ID.replace('/', '-').replace('@', '-')}.json`,
    title: SCHEMA_ID,
    description: 'One analysed article, as printed by `recoupe analyze --format jsonl` (one object per line).',
  };
}
