// RATE_LIMITED: a token bucket per user (agency + id), 429 with Retry-After and a vi/en body; other users unaffected;
// the bucket refills with time.
import { OfficeErrorBodySchema } from '@egov-vn/office-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startSuiteServer, type SuiteTarget, users } from './office.suite.js';

let t: SuiteTarget;
let clock = Date.parse('2026-12-02T02:00:00Z');
beforeAll(async () => {
  t = await startSuiteServer({ dataDir: 'memory://' }, { rateLimit: { perMinute: 60, burst: 3 }, now: () => new Date(clock) });
});
afterAll(() => t.close());

describe('rate limit per user', () => {
  it('answers 429 with Retry-After past the burst, spares other users, and refills', async () => {
    for (let i = 0; i < 3; i++) expect((await call(t, users.clerkA, 'GET', '/v1/me')).status).toBe(200);
    const limited = await call(t, users.clerkA, 'GET', '/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const body = OfficeErrorBodySchema.parse(limited.json);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.message.vi).toContain('Quá nhiều yêu cầu');
    expect((await call(t, users.leaderA, 'GET', '/v1/me')).status).toBe(200); // another user has their own bucket
    expect((await call(t, null, 'GET', '/v1/me')).status).toBe(401); // authentication comes first
    clock += 1000; // one token back (60 per minute)
    expect((await call(t, users.clerkA, 'GET', '/v1/me')).status).toBe(200);
    expect((await call(t, users.clerkA, 'GET', '/v1/me')).status).toBe(429);
  });
});
