// Unknown system ids (sandbox vs production), the request log (one JSON line, request id echoed) and /metrics.
import { signRequest } from '@egov-vn/exchange-api';
import { createAxisClient } from '@egov-vn/exchange-client';
import { serve, type ServerType } from '@hono/node-server';
import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { RequestLogLine } from './request-log.js';
import { startHub, type RunningHub } from './server.js';
import { documentPackage, R1, seed, SENDER } from './test-support.js';

let hub: RunningHub;
const lines: RequestLogLine[] = [];
beforeAll(async () => {
  hub = await startHub({ port: 0, seed, log: (l) => lines.push(l), metricsToken: 'metrics-token-0123456789' });
});
afterAll(async () => {
  await hub.close();
});

async function signedGet(base: string | undefined, fetcher: (url: string, init: RequestInit) => Promise<Response>, systemId: string, secret: string) {
  const headers = await signRequest(secret, { method: 'GET', pathWithQuery: '/v1/inbox', systemId, agency: R1 });
  return fetcher(`${base ?? 'http://hub.invalid'}/v1/inbox`, { headers });
}

describe('unknown system ids', () => {
  it('production (HUB_SEED given): the same BAD_SIGNATURE as a wrong secret, the reason in the log only', async () => {
    const unknown = await signedGet(hub.url, fetch, 'nobody.sandbox', 'whatever-secret');
    const wrong = await signedGet(hub.url, fetch, 'sys.qn', 'not-the-secret');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    const line = lines.find((l) => l.requestId === unknown.headers.get('x-request-id'));
    expect(line).toMatchObject({ system: 'nobody.sandbox', route: '/v1/inbox', status: 401, refusal: 'BAD_SIGNATURE', reason: 'unknown-system' });
    const wrongLine = lines.find((l) => l.requestId === wrong.headers.get('x-request-id'));
    expect(wrongLine?.reason).toBeUndefined();
  });

  it('sandbox (demo seed or HUB_SANDBOX=1): UNKNOWN_SYSTEM naming the seeded ids, on /v1 and /vxp', async () => {
    const sandbox = createApp(hub.store, { sandbox: true });
    const res = await signedGet(undefined, (url, init) => Promise.resolve(sandbox.request(url, init)), 'nobody.sandbox', 'whatever-secret');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { code: string; message: { vi: string; en: string }; details: { seededSystems: string[] } };
    expect(body.code).toBe('UNKNOWN_SYSTEM');
    expect(body.details.seededSystems).toEqual(['sys.other', 'sys.qn', 'sys.vpcp']);
    expect(body.message.vi).toContain('sys.qn');
    expect(body.message.en).toContain('HUB_SEED');
    const axis = createAxisClient({
      endpoint: 'http://hub.invalid/vxp',
      systemId: 'nobody.sandbox',
      secret: 'whatever-secret',
      fetch: (input, init) => Promise.resolve(sandbox.request(input instanceof Request ? input : String(input), init)),
    });
    await expect(axis.countReceiveEdoc()).rejects.toMatchObject({ code: 'UNKNOWN_SYSTEM' });
  });
});

describe('request log and metrics', () => {
  it('logs one line per request with the echoed request id, and never the body', async () => {
    const edxml = documentPackage({ to: [R1], number: '777' });
    const body = JSON.stringify({ edxml });
    const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', agency: SENDER, body });
    const res = await fetch(`${hub.url}/v1/documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'x-request-id': 'client-req-000123' }, body });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('client-req-000123');
    const line = lines.find((l) => l.requestId === 'client-req-000123');
    expect(line).toMatchObject({ system: 'sys.vpcp', method: 'POST', route: '/v1/documents', status: 201 });
    expect(line?.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(line)).not.toContain('secret');
    expect(JSON.stringify(line)).not.toContain('777');
    // An insane incoming id is replaced.
    const other = await fetch(`${hub.url}/health/live`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics to the operator token only', async () => {
    expect((await fetch(`${hub.url}/metrics`)).status).toBe(403);
    const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/hub_requests_total\{route="\/v1\/documents",method="POST",status="201"\} [1-9]/);
    expect(text).toMatch(/hub_request_duration_seconds_bucket\{route="\/v1\/documents",le="\+Inf"\} [1-9]/);
    expect(text).toMatch(/hub_deliveries_total [1-9]/);
    expect(text).toMatch(/hub_refusals_total\{code="BAD_SIGNATURE"\} [1-9]/);
  });
});

describe('rate limit per system (token bucket)', () => {
  it('answers 429 with Retry-After over the rate, and the real client succeeds after waiting', async () => {
    const { ExchangeClient } = await import('@egov-vn/exchange-client');
    const limited = createApp(hub.store, { ratePerSystem: { ratePerSecond: 1, burst: 2 } });
    const viaApp = (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(limited.request(input instanceof Request ? input : String(input), init));
    // Raw: the burst, then 429 with Retry-After.
    const answers: Response[] = [];
    for (let i = 0; i < 3; i++) answers.push(await signedGet(undefined, (url, init) => viaApp(url, init), 'sys.qn', 'secret-qn-123'));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
    const refused = answers[2] as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
    // The real client over its rate: refused once, it waits Retry-After and succeeds.
    const client = new ExchangeClient({ baseUrl: 'http://hub.invalid', systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1, fetch: viaApp });
    const started = Date.now();
    const page = await client.listInbox({ limit: 1 });
    expect(Array.isArray(page.items)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500); // it did wait for a token
  });
});

describe('bounded global queue of requests in flight', () => {
  it('answers 503 with Retry-After beyond it, while health stays answered', async () => {
    const small = createApp(hub.store, { maxInFlight: 1, maxQueued: 0 });
    // A signed upload whose body never ends holds the one slot while it is read.
    const body = 'x'.repeat(10);
    const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', agency: SENDER, body });
    let release: () => void = () => undefined;
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'));
        release = () => controller.error(new Error('gone'));
      },
    });
    const held = Promise.resolve(small.request('http://hub.invalid/v1/documents', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: slow, duplex: 'half' } as RequestInit));
    await new Promise((r) => setTimeout(r, 200));
    const refused = await small.request('http://hub.invalid/openapi.json');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { code: string }).code).toBe('UNAVAILABLE');
    expect((await small.request('http://hub.invalid/health/live')).status).toBe(200);
    release();
    expect((await held).status).toBe(400); // the body was cut off: nothing stored
    expect((await small.request('http://hub.invalid/openapi.json')).status).toBe(200);
  });
});

describe('slow senders (slowloris)', () => {
  it('500 connections sending their headers slowly do not stop a normal client from being served within 1 s', async () => {
    const url = new URL(hub.url);
    const sockets = await Promise.all(
      Array.from({ length: 500 }, () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect(Number(url.port), url.hostname, () => {
            s.write('GET /v1/inbox HTTP/1.1\r\nHost: hub\r\nX-Slow: '); // never finished
            resolve(s);
          });
          s.on('error', reject);
        }),
      ),
    );
    const timer = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write('a');
    }, 200);
    try {
      const started = performance.now();
      const res = await signedGet(hub.url, fetch, 'sys.qn', 'secret-qn-123');
      const elapsed = performance.now() - started;
      expect(res.status).toBe(200);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      clearInterval(timer);
      for (const s of sockets) s.destroy();
    }
  });
});

describe('slow senders of a body (minimum rate)', () => {
  /** Sends a signed JSON send of `body` in `chunk`-byte pieces every `everyMs`; the answer's status, headers, body and timing. */
  function trickle(url: URL, headers: Record<string, string>, body: Uint8Array, chunk: number, everyMs: number) {
    return new Promise<{ status: number; headers: Record<string, unknown>; text: string; answeredMs: number; closedMs: number; sent: number }>(
      (resolve, reject) => {
        const t0 = performance.now();
        let sent = 0;
        let answer: { status: number; headers: Record<string, unknown>; text: string; answeredMs: number } | undefined;
        const req = httpRequest({ host: url.hostname, port: url.port, path: '/v1/documents', method: 'POST', agent: false, headers });
        req.on('error', () => undefined); // writes after the cut-off fail: expected
        const timer = setInterval(() => {
          if (sent >= body.length || req.destroyed) return;
          req.write(body.subarray(sent, sent + chunk));
          sent += chunk;
          if (sent >= body.length) req.end();
        }, everyMs);
        req.on('response', (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => {
            answer = { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString(), answeredMs: performance.now() - t0 };
          });
        });
        req.on('close', () => {
          clearInterval(timer);
          if (answer) resolve({ ...answer, closedMs: performance.now() - t0, sent });
          else reject(new Error('closed without an answer'));
        });
      },
    );
  }

  it('cuts off a sender below the minimum rate with 408 REQUEST_TIMEOUT, closes its connection and frees its slot; a sender above it is served', async () => {
    const app = createApp(hub.store, { bodyPace: { minBytesPerSecond: 1000, graceMs: 600 }, maxInFlightPerSystem: 1, queuePerSystem: 0 });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const agencies = async () =>
      fetch(`${url.origin}/v1/agencies`, { headers: await signRequest('secret-vpcp-123', { method: 'GET', pathWithQuery: '/v1/agencies', systemId: 'sys.vpcp' }) });
    try {
      const signedSend = async (number: string) => {
        const body = new TextEncoder().encode(JSON.stringify({ edxml: documentPackage({ to: [R1], number }) }));
        const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', agency: SENDER, body });
        return { body, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) } };
      };
      // 10 bytes every 200 ms (50 B/s): below 1 000 B/s once the 600 ms of grace are over.
      const slow = await signedSend('9101');
      const slowRun = trickle(url, slow.headers, slow.body, 10, 200);
      await new Promise((r) => setTimeout(r, 300));
      expect((await agencies()).status).toBe(429); // its one slot is held while the body trickles in
      const cut = await slowRun;
      expect(cut.status).toBe(408);
      expect(JSON.parse(cut.text)).toMatchObject({ code: 'REQUEST_TIMEOUT' });
      expect(cut.headers['connection']).toBe('close');
      expect(cut.answeredMs).toBeGreaterThanOrEqual(550);
      expect(cut.closedMs).toBeLessThan(5000); // the connection is closed, not left to the request timeout
      expect(cut.sent).toBeLessThan(slow.body.length);
      // The handler let go: the slot is free, and nothing was stored.
      expect((await agencies()).status).toBe(200);
      const stored = await hub.store.db.selectFrom('documents').select('id').where('notation', 'like', '9101/%').execute();
      expect(stored).toEqual([]);
      // 400 bytes every 100 ms (4 000 B/s) for longer than the grace: served.
      const fast = await signedSend('9102');
      const ok = await trickle(url, fast.headers, fast.body, 400, 100);
      expect(ok.answeredMs).toBeGreaterThan(600);
      expect(ok.status).toBe(201);
    } finally {
      server.close();
    }
  });
});
