import { officeErrorBody } from '@egov-vn/office-api';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpOfficeBackend } from './http.js';
import { OfficeBackendError } from './types.js';
import { demoSeed } from './memory.js';

// A real HTTP server answering as the test says (the office server itself is another package; this checks the client).
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_q, res) => res.end();
const seen: Array<{ method: string; url: string; auth: string | undefined; body: string }> = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/office`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
});

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};
const detail = demoSeed({ count: 1 }).incoming[0]!;
const { assignment: _a, returnReason: _r, history: _h, metadata: _m, ...item } = detail;

describe('httpOfficeBackend', () => {
  it('calls the route of the contract with the query, and returns the checked body', async () => {
    handler = (_q, res) => json(res, 200, { items: [item], nextCursor: null, total: 1 });
    const backend = httpOfficeBackend({ baseUrl, getToken: () => 't1' });
    const page = await backend.call('listIncoming', { query: { state: 'arrived', overdue: 'true', limit: 10 } });
    expect(page.items[0]!.id).toBe(item.id);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe('/office/v1/incoming?state=arrived&overdue=true&limit=10');
    expect(seen[0]!.auth).toBe('Bearer t1');
  });

  it('sends path parameters and a JSON body for writes', async () => {
    handler = (_q, res) => json(res, 200, detail);
    const backend = httpOfficeBackend({ baseUrl });
    await backend.call('assignIncoming', { params: { id: detail.id }, body: { lead: 'chuyenvien', workingDays: 5 } });
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe(`/office/v1/incoming/${detail.id}/assign`);
    expect(JSON.parse(seen[0]!.body)).toEqual({ lead: 'chuyenvien', workingDays: 5 });
    expect(seen[0]!.auth).toBeUndefined();
  });

  it('asks for a token before each request, and once more after a 401 (an expired host session)', async () => {
    let n = 0;
    const getToken = () => `token-${++n}`;
    handler = (req, res) =>
      req.headers.authorization === 'Bearer token-1'
        ? json(res, 401, officeErrorBody('UNAUTHENTICATED'))
        : json(res, 200, { items: [], nextCursor: null, total: 0 });
    const backend = httpOfficeBackend({ baseUrl, getToken });
    await backend.call('listIncoming', {});
    expect(seen.map((s) => s.auth)).toEqual(['Bearer token-1', 'Bearer token-2']);
    await backend.call('listIncoming', {});
    expect(seen.map((s) => s.auth)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3']);
  });

  it('gives up after the second 401 with UNAUTHENTICATED and the server’s bilingual message', async () => {
    handler = (_q, res) => json(res, 401, officeErrorBody('UNAUTHENTICATED'));
    const backend = httpOfficeBackend({ baseUrl, getToken: () => 'expired' });
    const error = await backend.call('getMe', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeBackendError);
    expect((error as OfficeBackendError).code).toBe('UNAUTHENTICATED');
    expect((error as OfficeBackendError).status).toBe(401);
    expect((error as OfficeBackendError).text('en')).toMatch(/Not signed in/);
    expect(seen).toHaveLength(2);
  });

  it('turns a contract error into a typed error with its code and details', async () => {
    handler = (_q, res) => json(res, 409, officeErrorBody('INVALID_STATE', { state: 'done' }));
    const backend = httpOfficeBackend({ baseUrl });
    const error = (await backend.call('receiveIncoming', { params: { id: detail.id }, body: {} }).catch((e: unknown) => e)) as OfficeBackendError;
    expect(error.code).toBe('INVALID_STATE');
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ state: 'done' });
    expect(error.text('vi')).toMatch(/không ở bước/);
  });

  it('answers a 500 page that is not the contract with UNAVAILABLE, after one retry of the read', async () => {
    handler = (_q, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html>Internal Server Error</html>');
    };
    const backend = httpOfficeBackend({ baseUrl, retries: 1 });
    const error = (await backend.call('listIncoming', {}).catch((e: unknown) => e)) as OfficeBackendError;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('never retries a write', async () => {
    handler = (_q, res) => json(res, 503, officeErrorBody('UNAVAILABLE'));
    const backend = httpOfficeBackend({ baseUrl, retries: 3 });
    await expect(backend.call('receiveIncoming', { params: { id: detail.id }, body: {} })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(seen).toHaveLength(1);
  });

  it('rejects a 200 that breaks the contract (garbage, wrong shape) with BAD_RESPONSE', async () => {
    const backend = httpOfficeBackend({ baseUrl });
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items": [ oops');
    };
    await expect(backend.call('listIncoming', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
    handler = (_q, res) => json(res, 200, { items: [{ id: 'x' }], nextCursor: null, total: 1 });
    await expect(backend.call('listIncoming', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('turns a back end that does not answer into TIMEOUT within the timeout', async () => {
    handler = () => undefined; // never answers
    const backend = httpOfficeBackend({ baseUrl, timeout: 150, retries: 0 });
    const started = performance.now();
    await expect(backend.call('listIncoming', {})).rejects.toMatchObject({ code: 'TIMEOUT', status: 0 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('turns a refused connection into NETWORK', async () => {
    const backend = httpOfficeBackend({ baseUrl: 'http://127.0.0.1:1/', retries: 0 });
    await expect(backend.call('health', {})).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('returns the bytes of a binary route', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.from('%PDF-1.7 test'));
    };
    const backend = httpOfficeBackend({ baseUrl });
    const bytes = await backend.call('downloadIncomingAttachment', { params: { id: detail.id, index: 0 } });
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 test');
    expect(seen[0]!.url).toBe(`/office/v1/incoming/${detail.id}/attachments/0`);
  });
});
