// The published JSON Schema files, derived from the zod schemas. Shared by the generator script and its test.
import { z } from 'zod';
import { PUBLIC_SCHEMAS } from './json-schemas.js';

export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(PUBLIC_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    const withId = { $id: `urn:egov-vn:schemas:${name}`, ...json };
    files[`${name}.json`] = JSON.stringify(withId, null, 2) + '\n';
  }
  return files;
}
