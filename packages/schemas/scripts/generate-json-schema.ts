// Writes json-schema/<name>.json for every public schema (z.toJSONSchema, JSON Schema 2020-12). The files are
// committed and published; a test fails when they are stale. Run: pnpm --filter @egov-vn/schemas generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../src/json-schema-files.js';

const dir = join(import.meta.dirname, '..', 'json-schema');
mkdirSync(dir, { recursive: true });
for (const [file, content] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(dir, file), content);
  console.log(`wrote json-schema/${file}`);
}
