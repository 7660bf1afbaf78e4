import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { chiThi, congVan } from './document/fixtures.testutil.js';
import { jsonSchemaFiles } from './json-schema-files.js';

const dir = join(import.meta.dirname, '..', 'json-schema');

describe('published JSON Schemas', () => {
  const files = jsonSchemaFiles();

  it('are up to date (run `pnpm --filter @egov-vn/schemas generate` after changing a schema)', () => {
    for (const [file, content] of Object.entries(files)) {
      expect({ file, content: readFileSync(join(dir, file), 'utf8') }).toEqual({ file, content });
    }
  });

  it('compile in an independent validator (ajv, draft 2020-12) and agree with zod on real documents', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validateDocument = ajv.compile(JSON.parse(files['administrative-document.json']!));
    expect(validateDocument(chiThi)).toBe(true);
    expect(validateDocument(congVan)).toBe(true);
    expect(validateDocument({ ...chiThi, type: 'thongTu' })).toBe(false);
    expect(validateDocument({ ...chiThi, recipients: [] })).toBe(false);
    expect(validateDocument({ ...chiThi, subject: 'x'.repeat(501) })).toBe(false);
    for (const file of Object.keys(files).filter((f) => f !== 'administrative-document.json')) {
      expect(() => ajv.compile(JSON.parse(files[file]!))).not.toThrow();
    }
  });
});
