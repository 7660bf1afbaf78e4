import { refusedRequests } from '@egov-vn/vitest-config/module-requests';
import { describe, expect, it } from 'vitest';

/** Per specifier, the zod module its import asked for (`null` when none), in a fresh Node process. */
const zodRequests = (specifiers: string[]) => refusedRequests(new URL('..', import.meta.url).pathname, specifiers);

describe('the core entry does not load zod', () => {
  it('@egov-vn/calendar loads no zod in plain Node (it imports @egov-vn/schemas/core and /time); @egov-vn/calendar/schedule does', { timeout: 120_000 }, () => {
    expect(zodRequests(['@egov-vn/calendar', '@egov-vn/calendar/schedule'])).toEqual([null, expect.stringMatching(/^zod(\/|$)/)]);
  });
});
