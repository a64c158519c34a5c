// Writes schema/analysis.schema.json from the zod schema (the single source).
// `npm run schema`; a test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisJsonSchema } from '../src/doc/json-schema.js';
import { PACKAGE_ROOT } from '../src/lang/resources.js';

const path = join(PACKAGE_ROOT, 'schema', 'analysis.schema.json');
writeFileSync(path, JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
