// Client behaviour that needs a misbehaving server: retries, Retry-After, timeouts, abort, signing of every attempt.
// msw plays a flaky hub here; the contract itself is tested against the real hub in apps/exchange-hub.
import { SIGNATURE_HEADERS } from '@egov-vn/exchange-api';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExchangeClient, ExchangeError } from './index.js';

const baseUrl = 'http://flaky-hub.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const page = { items: [], nextCursor: null };
const client = (extra: Partial<ConstructorParameters<typeof ExchangeClient>[0]> = {}) =>
  new ExchangeClient({ baseUrl, systemId: 'sys', secret: 'secret-123', backoffLimit: 20, ...extra });

describe('ExchangeClient retries', () => {
  it('retries 5xx and signs each attempt with a fresh nonce', async () => {
    const nonces: string[] = [];
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/v1/inbox`, ({ request }) => {
        nonces.push(request.headers.get(SIGNATURE_HEADERS.nonce) ?? '');
        calls++;
        return calls < 3 ? HttpResponse.json({ code: 'UNAVAILABLE', message: { vi: 'a', en: 'b' } }, { status: 503 }) : HttpResponse.json(page);
      }),
    );
    expect(await client().listInbox()).toEqual(page);
    expect(calls).toBe(3);
    expect(new Set(nonces).size).toBe(3);
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/v1/inbox`, () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({ code: 'RATE_LIMITED', message: { vi: 'a', en: 'b' } }, { status: 429, headers: { 'retry-after': '1' } })
          : HttpResponse.json(page);
      }),
    );
    // The wait before the retry is the server's 1 s, not the client's own backoff (250 ms at most, jittered).
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      expect(await client().listInbox()).toEqual(page);
      expect(calls).toBe(2);
      const waits = timers.mock.calls.map((call) => call[1]);
      expect(waits).toContain(1000);
      expect(waits.filter((ms) => typeof ms === 'number' && ms > 0 && ms < 1000)).toEqual([]);
    } finally {
      timers.mockRestore();
    }
  });

  it('keeps one idempotency key across the retries of a send', async () => {
    const keys: Array<string | null> = [];
    server.use(
      http.post(`${baseUrl}/v1/documents`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (keys.length === 1) return HttpResponse.error();
        return HttpResponse.json(
          { documentId: 'a'.repeat(24), messageId: keys[0], duplicate: false, sentAt: new Date().toISOString(), recipients: [] },
          { status: 201 },
        );
      }),
    );
    const r = await client().sendDocument({ edxml: '<edXML/>' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(r.messageId).toBe(keys[0]);
  });

  it('gives a typed error with the contract code, status and both messages', async () => {
    server.use(
      http.get(`${baseUrl}/v1/agencies/000.00.00.G22`, () =>
        HttpResponse.json({ code: 'NOT_FOUND', message: { vi: 'Không tìm thấy.', en: 'Not found.' } }, { status: 404 }),
      ),
    );
    const e = await client({ lang: 'en' }).getAgency('000.00.00.G22').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExchangeError);
    expect(e).toMatchObject({ code: 'NOT_FOUND', status: 404, message: 'Not found.', messages: { vi: 'Không tìm thấy.' } });
  });

  it('reports a network failure after the retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/v1/sent`, () => {
        calls++;
        return HttpResponse.error();
      }),
    );
    const e = await client({ retries: 2 }).listSent().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NETWORK', status: 0 });
    expect(calls).toBe(3);
  });

  it('times out and aborts', async () => {
    server.use(http.get(`${baseUrl}/v1/sent`, () => new Promise<Response>(() => undefined)));
    const t = await client({ timeout: 50, retries: 0 }).listSent().catch((x: unknown) => x);
    expect(t).toMatchObject({ code: 'TIMEOUT' });
    const controller = new AbortController();
    const p = client().listSent({}, { signal: controller.signal }).catch((x: unknown) => x);
    controller.abort();
    expect(await p).toMatchObject({ code: 'ABORTED' });
  });

  it('refuses a response outside the contract', async () => {
    server.use(http.get(`${baseUrl}/v1/sent`, () => HttpResponse.json({ items: 'nope' })));
    expect(await client().listSent().catch((x: unknown) => x)).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports upload progress', async () => {
    server.use(
      http.post(`${baseUrl}/v1/documents`, () =>
        HttpResponse.json(
          { documentId: 'b'.repeat(24), messageId: 'm', duplicate: false, sentAt: new Date().toISOString(), recipients: [] },
          { status: 201 },
        ),
      ),
    );
    let last = 0;
    await client().sendDocument({ edxml: 'x'.repeat(10_000) }, { onUploadProgress: (p) => (last = p.percent) });
    expect(last).toBe(1);
  });
});
