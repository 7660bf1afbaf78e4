import { refusedRequests } from '@egov-vn/vitest-config/module-requests';
import { describe, expect, it } from 'vitest';

/** Per specifier, the zod module its import asked for (`null` when none), in a fresh Node process. */
const zodRequests = (specifiers: string[]) => refusedRequests(new URL('..', import.meta.url).pathname, specifiers);

describe('light entries', () => {
  it('@egov-vn/schemas/core and /time never load zod in plain Node; the root does (the check can fail)', { timeout: 120_000 }, () => {
    expect(zodRequests(['@egov-vn/schemas/time', '@egov-vn/schemas/core', '@egov-vn/schemas'])).toEqual([null, null, expect.stringMatching(/^zod(\/|$)/)]);
  });
});
