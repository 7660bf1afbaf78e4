import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusCodes } from '@egov-vn/edxml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  ERROR_CODES,
  errorBody,
  ErrorBodySchema,
  errorStatus,
  EXCHANGE_API_VERSION,
  hmacSha256Hex,
  openApiDocument,
  routePath,
  routes,
  sha256Hex,
  signatureOf,
  signRequest,
  STATUS_CODES,
  statusRank,
  timingSafeEqualHex,
  SendDocumentRequestSchema,
  ListInboxQuerySchema,
} from './index.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 100);

describe('status codes', () => {
  it('are exactly the codes of @egov-vn/edxml', () => {
    expect([...STATUS_CODES].sort()).toEqual(statusCodes.map((s) => s.code).sort());
    for (const c of STATUS_CODES) expect(statusRank[c]).toBeGreaterThan(0);
  });
  it('rank the main chain in order', () => {
    expect(statusRank['01']).toBeLessThan(statusRank['03']);
    expect(statusRank['03']).toBeLessThan(statusRank['06']);
  });
});

describe('errors', () => {
  it('every code has a status and a vi/en message that validates', () => {
    for (const code of ERROR_CODES) {
      const body = errorBody(code, { issues: [{ code: 'X', message: { vi: 'a', en: 'b' } }] });
      expect(ErrorBodySchema.parse(body)).toEqual(body);
      expect(errorStatus(code)).toBeGreaterThanOrEqual(400);
      expect(body.message.vi).not.toBe(body.message.en);
    }
  });
  it('refuses an unknown code', () => {
    expect(ErrorBodySchema.safeParse({ code: 'NOPE', message: { vi: 'a', en: 'b' } }).success).toBe(false);
  });
});

describe('schemas', () => {
  it('default and coerce inbox query values', () => {
    expect(ListInboxQuerySchema.parse({ limit: '10' })).toEqual({ state: 'all', limit: 10 });
    expect(ListInboxQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(ListInboxQuerySchema.safeParse({ sender: 'bad' }).success).toBe(false);
  });
  it('requires an edXML body to send', () => {
    expect(SendDocumentRequestSchema.safeParse({}).success).toBe(false);
    expect(SendDocumentRequestSchema.safeParse({ edxml: '<edXML/>', messageId: 'short' }).success).toBe(false);
  });
});

describe('route table and OpenAPI', () => {
  const doc = openApiDocument({ version: EXCHANGE_API_VERSION }) as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; parameters: Array<{ name: string; in: string }> }>>;
  };
  it('is OpenAPI 3.1 with one operation per route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(Object.keys(routes).sort());
  });
  it('documents every error status and path parameter', () => {
    for (const route of Object.values(routes)) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op).toBeDefined();
      for (const code of route.errors) expect(op?.responses[String(errorStatus(code))]).toBeDefined();
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(op?.parameters.some((p) => p.name === name && p.in === 'path')).toBe(true);
      }
    }
  });
  it('describes the send body in both forms: JSON and the edXML package itself (application/xml)', () => {
    const send = (doc.paths['/v1/documents']?.['post'] as unknown as { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } }).requestBody;
    expect(Object.keys(send.content).sort()).toEqual(['application/json', 'application/xml']);
    expect(send.content['application/xml']?.schema).toMatchObject({ type: 'string', description: expect.stringContaining('Idempotency-Key') as unknown });
    expect(send.content['application/json']?.schema).toMatchObject({ $ref: '#/$defs/SendDocumentRequest' });
  });
  it('the shipped openapi.json is up to date (pnpm generate)', () => {
    const shipped: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(doc)));
  });
  it('fills path templates', () => {
    expect(routePath(routes.downloadAttachment.path, { id: 'ab', index: 2 })).toBe(
      '/v1/documents/ab/attachments/2',
    );
    expect(() => routePath('/v1/documents/{id}')).toThrow(/id/);
  });
});

describe('signing', () => {
  it('matches the HMAC-SHA256 check value of the axis notes', async () => {
    const json =
      '{"XroadVnpt-systemid":"000.00.00.H41","XroadVnpt-docId":"abc123","XroadVnpt-timestamp":"23112026T105758+0091","XroadVnpt-Content-Type":"application/json","XroadVnpt-status":"done"}';
    expect(await hmacSha256Hex('testsecret', json)).toBe('07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee');
  });
  it('hashes the empty body like SHA-256("")', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('signs the headers it sends, and any change breaks the signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string({ minLength: 1 }), async (body, secret) => {
        const h = await signRequest(secret, { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys', body });
        const input = {
          method: 'POST',
          pathWithQuery: '/v1/documents',
          systemId: 'sys',
          agency: '',
          timestamp: h['x-egov-timestamp'] ?? '',
          nonce: h['x-egov-nonce'] ?? '',
          contentSha256: h['x-egov-content-sha256'] ?? '',
        };
        expect(await signatureOf(secret, input)).toBe(h['x-egov-signature']);
        expect(await signatureOf(secret, { ...input, pathWithQuery: '/v1/inbox' })).not.toBe(h['x-egov-signature']);
        expect(await signatureOf(`${secret}x`, input)).not.toBe(h['x-egov-signature']);
      }),
      { numRuns: Math.min(runs, 50) },
    );
  });
  it('puts every signed value on its own line', () => {
    expect(
      canonicalRequest({ method: 'get', pathWithQuery: '/p?q=1', systemId: 's', timestamp: 't', nonce: 'n', contentSha256: 'h' }).split('\n'),
    ).toEqual(['EGOV-HMAC-SHA256', 'GET', '/p?q=1', 's', '', 't', 'n', 'h']);
  });
  it('compares hex in constant time', () => {
    expect(timingSafeEqualHex('abcd', 'abcd')).toBe(true);
    expect(timingSafeEqualHex('abcd', 'abce')).toBe(false);
    expect(timingSafeEqualHex('abcd', 'abc')).toBe(false);
  });
});
