// Writes openapi.json (shipped in the package) from the route table.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICE_API_VERSION, officeOpenApiDocument } from '../src/index.js';

const file = join(import.meta.dirname, '..', 'openapi.json');
writeFileSync(file, `${JSON.stringify(officeOpenApiDocument({ version: OFFICE_API_VERSION }), null, 2)}\n`);
console.log(`wrote ${file}`);
