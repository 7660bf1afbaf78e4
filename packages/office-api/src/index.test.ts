import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES as EXCHANGE_ERROR_CODES, ErrorBodySchema } from '@egov-vn/exchange-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedOperations,
  AssignIncomingRequestSchema,
  INCOMING_STATE_STATUS,
  INCOMING_STATES,
  ListIncomingQuerySchema,
  OFFICE_API_VERSION,
  OFFICE_ERROR_CODES,
  officeErrorBody,
  OfficeErrorBodySchema,
  officeErrorStatus,
  officeOpenApiDocument,
  officeRoutePath,
  officeRoutes,
  ROLES,
  SignDraftRequestSchema,
  UpdateDraftRequestSchema,
} from './index.js';

describe('errors', () => {
  it('every code has a 4xx/5xx status and distinct vi/en messages that validate', () => {
    for (const code of OFFICE_ERROR_CODES) {
      const body = officeErrorBody(code, { issues: [{ code: 'X', path: '/a', message: { vi: 'a', en: 'b' } }] });
      expect(OfficeErrorBodySchema.parse(body)).toEqual(body);
      expect(officeErrorStatus(code)).toBeGreaterThanOrEqual(400);
      expect(body.message.vi).not.toBe(body.message.en);
    }
  });
  it('has the exchange error shape: a body with a shared code validates against both schemas', () => {
    const shared = OFFICE_ERROR_CODES.filter((c) => (EXCHANGE_ERROR_CODES as readonly string[]).includes(c));
    expect(shared.length).toBeGreaterThan(3);
    for (const code of shared) expect(ErrorBodySchema.safeParse(officeErrorBody(code)).success).toBe(true);
  });
  it('refuses an unknown code', () => {
    expect(OfficeErrorBodySchema.safeParse({ code: 'NOPE', message: { vi: 'a', en: 'b' } }).success).toBe(false);
  });
});

describe('schemas', () => {
  it('coerce and default the incoming list query, and read boolean flags', () => {
    expect(ListIncomingQuerySchema.parse({ limit: '10', overdue: 'true', mine: 'false' })).toEqual({
      limit: 10,
      overdue: true,
      mine: false,
    });
    expect(ListIncomingQuerySchema.safeParse({ overdue: 'yes' }).success).toBe(false);
    expect(ListIncomingQuerySchema.safeParse({ sender: 'bad' }).success).toBe(false);
    expect(ListIncomingQuerySchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
  });
  it('an assignment needs working days or a due date', () => {
    expect(AssignIncomingRequestSchema.safeParse({ lead: 'u1' }).success).toBe(false);
    expect(AssignIncomingRequestSchema.parse({ lead: 'u1', workingDays: 5 })).toEqual({
      lead: 'u1',
      workingDays: 5,
      coHandlers: [],
      forInformation: [],
    });
  });
  it('a draft update needs the version it read', () => {
    expect(UpdateDraftRequestSchema.safeParse({ document: {} }).success).toBe(false);
  });
  it('a signed PDF is base64 and nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 300 }), (bytes) => {
        expect(SignDraftRequestSchema.safeParse({ pdf: Buffer.from(bytes).toString('base64') }).success).toBe(true);
      }),
    );
    expect(SignDraftRequestSchema.safeParse({ pdf: '<script>alert(1)</script>' }).success).toBe(false);
  });
  it('maps every incoming state to the edXML status code answered to the sender', () => {
    expect(INCOMING_STATES.map((s) => INCOMING_STATE_STATUS[s])).toEqual(['01', '03', '04', '05', '06', '02']);
  });
});

describe('route table and roles', () => {
  it('only a văn thư numbers, seals and sends; only a lãnh đạo signs; only quản trị reads the audit log', () => {
    for (const op of ['numberDraft', 'sealDraft', 'sendDraft', 'receiveIncoming'] as const) {
      expect(officeRoutes[op].roles).toEqual(['vanThu']);
    }
    expect(officeRoutes.signDraft.roles).toEqual(['lanhDao']);
    expect(officeRoutes.listAudit.roles).toEqual(['quanTri']);
    expect(allowedOperations(['chuyenVien'])).not.toContain('signDraft');
    expect(allowedOperations(['quanTri'])).toContain('listAudit');
    expect(allowedOperations(['quanTri'])).not.toContain('listIncoming');
  });
  it('every non-public route can answer 401 and 403, and every role has something to do', () => {
    for (const route of Object.values(officeRoutes)) {
      if (route.roles === 'public') continue;
      expect(route.errors).toContain('UNAUTHENTICATED');
      expect(route.errors).toContain('FORBIDDEN');
    }
    for (const role of ROLES) expect(allowedOperations([role]).length).toBeGreaterThan(3);
  });
  it('has one operation per method and path', () => {
    const keys = Object.values(officeRoutes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('fills path templates', () => {
    expect(officeRoutePath(officeRoutes.downloadIncomingAttachment.path, { id: 'ab', index: 2 })).toBe(
      '/v1/incoming/ab/attachments/2',
    );
    expect(() => officeRoutePath('/v1/drafts/{id}')).toThrow(/id/);
  });
});

describe('OpenAPI', () => {
  const doc = officeOpenApiDocument({ version: OFFICE_API_VERSION }) as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { operationId: string; responses: Record<string, unknown>; parameters: Array<{ name: string; in: string }>; 'x-egov-roles'?: string[] }>
    >;
  };
  it('is OpenAPI 3.1 with one operation per route', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(Object.keys(officeRoutes).sort());
  });
  it('documents every error status, path parameter and the roles', () => {
    for (const route of Object.values(officeRoutes)) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op).toBeDefined();
      for (const code of route.errors) expect(op?.responses[String(officeErrorStatus(code))]).toBeDefined();
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(op?.parameters.some((p) => p.name === name && p.in === 'path')).toBe(true);
      }
      expect(op?.['x-egov-roles']).toEqual(route.roles === 'public' ? undefined : [...route.roles]);
    }
  });
  it('the shipped openapi.json is up to date (pnpm generate)', () => {
    const shipped: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
