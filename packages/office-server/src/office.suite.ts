// The office server under the contract suite of @egov-vn/office-api/testing (the same cases the office elements'
// in-memory backend passes), plus what only this server shows: OpenAPI, the status outbox, the append-only audit
// table, body bounds and the secret search. Run on PGlite and on PostgreSQL (TEST_DATABASE_URL). The exchange is out
// of reach here on purpose (nothing listens at its address): arrivals are stored through the service, the status
// packages queue up, and a send is kept for a later retry. The suite with the real hub is apps/office-server's
// end-to-end test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxItem } from '@egov-vn/exchange-api';
import { parseEdxml } from '@egov-vn/edxml';
import { toDocument } from '@egov-vn/edxml/document';
import { DraftSchema, OfficeErrorBodySchema, OutgoingDetailSchema, type Urgency } from '@egov-vn/office-api';
import { httpOfficeCaller, officeContractCases, type OfficeContractTarget } from '@egov-vn/office-api/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createOfficeServer, type OfficeServer } from './app.js';
import type { OfficeServerOptions } from './config.js';
import { createTestIdentityProvider, type TestIdentityProvider, type TestUser } from './testing.js';

export const A = '000.00.02.H49';
export const B = '000.00.03.H49';
export const SECRET_A = 'office-suite-secret-A-7f3c9d1e';
export const SECRET_B = 'office-suite-secret-B-2b8e4a6f';

export const users = {
  clerkA: { id: 'vanthu.a', name: 'Trần Thị Văn Thư', agency: A, roles: ['vanThu'] },
  leaderA: { id: 'lanhdao.a', name: 'Nguyễn Văn Lãnh Đạo', agency: A, roles: ['lanhDao'], title: 'Giám đốc' },
  leader2A: { id: 'lanhdao2.a', name: 'Phạm Phó Giám Đốc', agency: A, roles: ['lanhDao'], title: 'Phó Giám đốc' },
  officerA: { id: 'chuyenvien.a', name: 'Lê Văn Chuyên Viên', agency: A, roles: ['chuyenVien'] },
  officer2A: { id: 'chuyenvien2.a', name: 'Đỗ Thị Phối Hợp', agency: A, roles: ['chuyenVien'] },
  adminA: { id: 'quantri.a', name: 'Quản Trị A', agency: A, roles: ['quanTri'] },
  clerkB: { id: 'vanthu.b', name: 'Văn Thư B', agency: B, roles: ['vanThu'] },
  outsider: { id: 'x', name: 'Người ngoài', agency: '000.00.09.H49', roles: ['vanThu'] },
} satisfies Record<string, TestUser>;

export const sampleDocument = {
  type: 'congVan',
  issuer: { name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', code: A },
  symbol: 'SNV-VP',
  place: 'Quảng Ninh',
  date: '2026-12-01',
  subject: 'triển khai liên thông văn bản điện tử',
  content: 'Đề nghị các đơn vị triển khai liên thông văn bản điện tử.',
  signer: { position: 'Giám đốc', fullName: 'Nguyễn Văn Lãnh Đạo' },
  recipients: [{ name: 'Sở Tài chính tỉnh Quảng Ninh', agencyCode: B }],
};

let seq = 0;
export function inboxItem(over: Partial<InboxItem> = {}): InboxItem {
  seq++;
  const id = (Date.now().toString(16) + seq.toString(16).padStart(6, '0') + '0000000000000000').slice(0, 24);
  return {
    documentId: id,
    messageId: `m-${id}`,
    edxmlDocumentId: `${B},2026/12/01,${seq}/STC-VP`,
    from: B,
    fromName: 'Sở Tài chính tỉnh Quảng Ninh',
    to: [A],
    subject: `Về việc quyết toán ngân sách ${seq}`,
    notation: `${seq}/STC-VP`,
    promulgationDate: '2026-12-01',
    priority: 0,
    paper: false,
    signed: true,
    size: 1000,
    sentAt: new Date().toISOString(),
    attachments: [{ index: 0, name: 'vb.pdf', contentType: 'application/pdf', size: 100 }],
    state: 'pending',
    deliveredAt: new Date().toISOString(),
    acknowledgedAt: null,
    status: null,
    ...over,
  };
}

export interface SuiteTarget {
  server: OfficeServer;
  idp: TestIdentityProvider;
  logs: string[];
  close(): Promise<void>;
}

/** Starts an office server for agencies A and B on the given database (exchange unreachable, background off). */
export async function startSuiteServer(database: { databaseUrl?: string; dataDir?: string }, extra: Partial<OfficeServerOptions> = {}): Promise<SuiteTarget> {
  const idp = await createTestIdentityProvider({ issuer: 'https://idp.test', audience: 'egov-office' });
  const logs: string[] = [];
  const exchange = (systemId: string, secret: string) => ({ baseUrl: 'http://127.0.0.1:9', systemId, secret });
  const server = await createOfficeServer({
    agencies: [
      { code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', exchange: exchange('snv.test', SECRET_A) },
      { code: B, name: 'Sở Tài chính tỉnh Quảng Ninh', abbreviation: 'STC', exchange: exchange('stc.test', SECRET_B) },
    ],
    auth: { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks, clockToleranceSec: 30 } },
    database,
    users: Object.values(users).filter((u) => u !== users.outsider),
    background: { enabled: false },
    log: (line) => logs.push(line),
    rateLimit: false, // the suite calls faster than any person; the limit has its own test
    ...extra,
  });
  return { server, idp, logs, close: () => server.close() };
}

/** Everything a response carried, for the secret search. */
export const seen: string[] = [];

export async function call(
  t: SuiteTarget,
  who: TestUser | string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (who !== null) headers.authorization = `Bearer ${typeof who === 'string' ? who : await t.idp.issue(who)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.server.fetch(
    new Request(`http://office.test${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
  );
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export function parsed<S extends z.ZodType>(schema: S, r: { status: number; json: unknown; text: string }, status = 200): z.output<S> {
  expect(r.status, r.text.slice(0, 500)).toBe(status);
  return schema.parse(r.json);
}

export function errorCode(r: { json: unknown }): string {
  return OfficeErrorBodySchema.parse(r.json).code;
}

const PRIORITY: Record<Urgency, number> = { thuong: 0, khan: 1, thuongKhan: 2, hoaToc: 3 };

/** poppler's pdftotext over a file (the register PDF read back as a person would copy it). */
export function pdftotext(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'office-pdf-')), 'file.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** The suite's server as a target of the contract cases (requests and answers recorded in `seen`). */
export function contractTarget(t: SuiteTarget): OfficeContractTarget {
  const byId = new Map(Object.values(users).map((u) => [u.id, u] as const));
  return {
    agency: { code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV' },
    recipient: { code: B, name: 'Sở Tài chính tỉnh Quảng Ninh' },
    users: {
      clerk: users.clerkA,
      leader: users.leaderA,
      leader2: users.leader2A,
      officer: users.officerA,
      officer2: users.officer2A,
      admin: users.adminA,
      otherAgencyClerk: users.clerkB,
      unserved: users.outsider,
    },
    exchange: 'unreachable',
    call: httpOfficeCaller({
      baseUrl: 'http://office.test',
      token: (u) => t.idp.issue(byId.get(u.id) ?? { ...u, agency: A, roles: [...u.roles] }),
      fetch: async (request) => {
        const res = await t.server.fetch(request);
        seen.push(await res.clone().text(), JSON.stringify([...res.headers]));
        return res;
      },
    }),
    async arrive(a) {
      await t.server.service.ingest(
        A,
        inboxItem({
          documentId: a.exchangeId,
          messageId: `m-${a.exchangeId}`,
          from: a.from.code,
          fromName: a.from.name,
          subject: a.subject,
          notation: a.notation,
          promulgationDate: a.promulgationDate,
          priority: PRIORITY[a.urgency],
        }),
      );
    },
    pdfText: pdftotext,
  };
}

/** The contract cases on this server, then what only this server shows. */
export function officeSuite(name: string, database: () => Promise<{ databaseUrl?: string; dataDir?: string; close?: () => Promise<void> }>): void {
  describe(`office contract: ${name}`, () => {
    let t: SuiteTarget;
    let target: OfficeContractTarget;
    let closeDb: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const d = await database();
      closeDb = d.close;
      t = await startSuiteServer(d);
      target = contractTarget(t);
    });
    afterAll(async () => {
      await t.close();
      await closeDb?.();
    });

    it.for(officeContractCases(() => target).map((c) => [c.name, c] as const))('%s', async ([, c]) => {
      await expect(c.run()).resolves.toBeUndefined();
    });

    it('serves its OpenAPI document without a token', async () => {
      const doc = (await call(t, null, 'GET', '/openapi.json')).json as { openapi: string; paths: object };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/v1/incoming/{id}/assign');
    });

    it('queues the status packages of each step for the sender, in order', async () => {
      const rows = await t.server.database.db.selectFrom('status_outbox').select(['exchange_id', 'code']).orderBy('id').execute();
      const byDoc = new Map<string, string[]>();
      for (const r of rows) byDoc.set(r.exchange_id, [...(byDoc.get(r.exchange_id) ?? []), r.code]);
      const chains = [...byDoc.values()].map((c) => c.join(' '));
      expect(chains).toContain('01 03 04 05 06');
      expect(chains).toContain('01 02');
    });

    it('the audit table is append-only', async () => {
      const db = t.server.database.db;
      await expect(sql`update audit set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit`.execute(db)).rejects.toThrow(/append-only/);
    });

    it('the register PDF passes qpdf --check', async () => {
      const res = await t.server.fetch(new Request('http://office.test/v1/registers/outgoing/export?format=pdf', { headers: { authorization: `Bearer ${await t.idp.issue(users.clerkA)}` } }));
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'office-register-')), 'so-di.pdf');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    });

    it('thay thế: the replacing package is edXML business type 3 naming the earlier document for each recipient', async () => {
      const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      const sealed = Buffer.concat([pdf, Buffer.from('2 0 obj << /Type /Sig >> endobj\ntrailer << /Root 1 0 R /Prev 0 >>\n%%EOF\n')]);
      const issueAndSend = async (id: string) => {
        parsed(DraftSchema, await call(t, users.officerA, 'POST', `/v1/drafts/${id}/submit`, { signer: users.leaderA.id }));
        parsed(DraftSchema, await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: pdf.toString('base64') }));
        parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${id}/number`, {}));
        parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${id}/seal`, { pdf: sealed.toString('base64') }));
        expect(errorCode(await call(t, users.clerkA, 'POST', `/v1/drafts/${id}/send`, {}))).toBe('EXCHANGE_FAILED'); // kept, state sending
        return t.server.database.db.selectFrom('outgoing').selectAll().where('draft_id', '=', id).where('kind', '=', 'new').executeTakeFirstOrThrow();
      };
      const first = parsed(DraftSchema, await call(t, users.officerA, 'POST', '/v1/drafts', { document: sampleDocument, recipients: [B] }), 201);
      const earlier = await issueAndSend(first.id);
      // The exchange has taken it (what a later successful retry records; the exchange is out of reach in this suite).
      await t.server.database.db.updateTable('outgoing').set({ state: 'sent', exchange_id: 'exchange-took-it' }).where('id', '=', earlier.id).execute();
      const draft = parsed(DraftSchema, await call(t, users.officerA, 'POST', `/v1/outgoing/${earlier.id}/replace`, { reason: 'Sai số liệu' }), 201);
      expect(draft.replaces).toEqual({ outgoingId: earlier.id, notation: earlier.notation, reason: 'Sai số liệu' });
      const replacement = await issueAndSend(draft.id);
      expect(replacement.replaces_id).toBe(earlier.id);
      const pkg = await parseEdxml(replacement.edxml);
      const before = await parseEdxml(earlier.edxml);
      if (!pkg.ok || pkg.value.kind !== 'document' || !before.ok || before.value.kind !== 'document') throw new Error('both packages parse as documents');
      const mapped = toDocument(pkg.value);
      if (!mapped.ok) throw new Error('the replacing package maps to a document');
      expect(mapped.value.exchange.business).toMatchObject({
        kind: 'replace',
        reason: 'Sai số liệu',
        targetDocumentId: before.value.header.documentId,
        replacements: [{ documentId: before.value.header.documentId, organIds: [B] }],
      });
      // Not delivered yet: the earlier document is still in force.
      const shown = parsed(OutgoingDetailSchema, await call(t, users.clerkA, 'GET', `/v1/outgoing/${earlier.id}`));
      expect(shown.replacedBy).toBeNull();
      expect(shown.history.map((h) => h.action)).toContain('replaceOutgoing');
    });

    it('bounds and checks what it reads', async () => {
      const big = await t.server.fetch(
        new Request('http://office.test/v1/drafts', {
          method: 'POST',
          headers: { authorization: `Bearer ${await t.idp.issue(users.officerA)}`, 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) },
          body: '{}',
        }),
      );
      expect(big.status).toBe(413);
      const notJson = await t.server.fetch(
        new Request('http://office.test/v1/drafts', { method: 'POST', headers: { authorization: `Bearer ${await t.idp.issue(users.officerA)}` }, body: '{"document":' }),
      );
      expect(notJson.status).toBe(400);
      expect(errorCode({ json: await notJson.json() })).toBe('VALIDATION_FAILED');
    });

    it('never shows the exchange secret in a response, a header or a log line', () => {
      const all = [...seen, ...t.logs].join('\n');
      expect(all.length).toBeGreaterThan(1000);
      expect(t.logs.length).toBeGreaterThan(0);
      expect(all).not.toContain(SECRET_A);
      expect(all).not.toContain(SECRET_B);
    });
  });
}
