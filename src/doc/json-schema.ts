// The published JSON Schema, generated from the zod schema.
import { z } from 'zod';
import { Analysis, SCHEMA_ID } from './schema.js';

export function analysisJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Analysis, { target: 'draft-2020-12' }),
    $id: `https://recoupe.dev/schema/${SCHEMA_ID.replace('/', '-').replace('@', '-')}.json`,
    title: SCHEMA_ID,
    description: 'One analysed article, as printed by `recoupe analyze --format jsonl` (one object per line).',
  };
}
