import { z } from 'zod';

/**
 * Prefer `import '@egov-vn/schemas/strict-csp'` as the first import of the page: zod reads this setting when a schema
 * is created, so it must run before the modules that create schemas are evaluated (use this function before a
 * dynamic `import('@egov-vn/schemas')`).
 *
 * Call once at start-up in pages served with a strict Content-Security-Policy (`script-src 'self'`, no
 * `'unsafe-eval'`). It switches zod to its interpreter (`jitless`), so validation never tries `new Function` and the
 * page logs no CSP violation. Validation gives the same results, somewhat slower for large objects.
 * It sets zod's global configuration, which applies to every zod schema in the page.
 */
export function enableStrictCsp(): void {
  z.config({ jitless: true });
}
