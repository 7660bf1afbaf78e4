// @egov-vn/schemas/strict-csp — import this first, before anything that creates zod schemas, in pages served with
// `Content-Security-Policy: script-src 'self'` (no 'unsafe-eval'):
//
//   import '@egov-vn/schemas/strict-csp';
//   import { AdministrativeDocumentSchema, validate } from '@egov-vn/schemas';
//
// zod decides, when an object schema is created, whether it may compile a fast parser with `new Function`; under
// a strict CSP that probe is reported as a violation. This module switches zod to its interpreter (`jitless`)
// before any schema exists, so no probe ever runs.
import { enableStrictCsp } from './zod-config.js';

enableStrictCsp();
