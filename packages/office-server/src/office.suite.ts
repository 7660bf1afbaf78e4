// The office contract suite: one set of tests over HTTP, run against the office server on PGlite and on PostgreSQL
// (TEST_DATABASE_URL). The exchange is out of reach here on purpose (nothing listens at its address): arrivals are
// stored through the service, the status packages queue up, and a send is kept for a later retry. The suite with
// the real hub is apps/office-server's end-to-end test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar } from '@egov-vn/calendar';
import type { InboxItem } from '@egov-vn/exchange-api';
import {
  AuditPageSchema,
  DraftSchema,
  IncomingDetailSchema,
  IncomingPageSchema,
  MeSchema,
  OfficeErrorBodySchema,
  OfficeHealthSchema,
  officeRoutePath,
  officeRoutes,
  type OfficeOperationId,
  type OfficeRouteDef,
  OutgoingPageSchema,
  RegisterPageSchema,
  RoleListSchema,
  UserPageSchema,
} from '@egov-vn/office-api';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas';
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

/** A minimal PDF, and an incremental update of it (what a second signature appends). */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PDF_SEALED = Buffer.concat([PDF, Buffer.from('2 0 obj << /Type /Sig >> endobj\ntrailer << /Root 1 0 R /Prev 0 >>\n%%EOF\n')]);

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

/** A sample path of a route (ids that exist nowhere). */
export function samplePath(route: OfficeRouteDef): string {
  return officeRoutePath(route.path, { id: '0123456789abcdef01234567', index: 0, kind: 'incoming' });
}

export function officeSuite(name: string, database: () => Promise<{ databaseUrl?: string; dataDir?: string; close?: () => Promise<void> }>): void {
  describe(`office contract: ${name}`, () => {
    let t: SuiteTarget;
    let closeDb: (() => Promise<void>) | undefined;
    const calendar = new WorkCalendar();
    const today = () => formatIsoDate(todayInVietnam());

    beforeAll(async () => {
      const d = await database();
      closeDb = d.close;
      t = await startSuiteServer(d);
    });
    afterAll(async () => {
      await t.close();
      await closeDb?.();
    });

    it('answers health and OpenAPI without a token', async () => {
      const h = parsed(OfficeHealthSchema, await call(t, null, 'GET', '/health'));
      expect(h.agencies.map((a) => a.code)).toEqual([A, B]);
      const doc = (await call(t, null, 'GET', '/openapi.json')).json as { openapi: string; paths: object };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/v1/incoming/{id}/assign');
    });

    it('refuses every operation without a token (401), before reading the body', async () => {
      for (const [id, route] of Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>) {
        if (route.roles === 'public') continue;
        const r = await call(t, null, route.method, samplePath(route), route.body ? { junk: 'x'.repeat(10) } : undefined);
        expect([id, r.status]).toEqual([id, 401]);
        expect(errorCode(r)).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses every operation to a role it does not list (403)', async () => {
      for (const [id, route] of Object.entries(officeRoutes) as Array<[OfficeOperationId, OfficeRouteDef]>) {
        if (route.roles === 'public') continue;
        const roles = route.roles;
        const outsider = [users.clerkA, users.leaderA, users.officerA, users.adminA].find((u) => !u.roles.some((r) => roles.includes(r)));
        if (!outsider) continue;
        const r = await call(t, outsider, route.method, samplePath(route), route.body ? {} : undefined);
        expect([id, r.status]).toEqual([id, 403]);
      }
    });

    it('refuses a user of an agency the server does not serve (403)', async () => {
      const r = await call(t, users.outsider, 'GET', '/v1/incoming');
      expect(r.status).toBe(403);
    });

    it('tells the user who they are and what they may do', async () => {
      const me = parsed(MeSchema, await call(t, users.clerkA, 'GET', '/v1/me'));
      expect(me.user).toMatchObject({ id: 'vanthu.a', agency: A, roles: ['vanThu'], agencyName: 'Sở Nội vụ tỉnh Quảng Ninh' });
      expect(me.actions).toContain('numberDraft');
      expect(me.actions).not.toContain('signDraft');
      const roles = parsed(RoleListSchema, await call(t, users.officerA, 'GET', '/v1/roles'));
      expect(roles.items.find((r) => r.role === 'lanhDao')?.actions).toContain('signDraft');
      const leaders = parsed(UserPageSchema, await call(t, users.officerA, 'GET', '/v1/users?role=lanhDao'));
      expect(leaders.items.map((u) => u.id).sort()).toEqual(['lanhdao.a', 'lanhdao2.a']);
      const folded = parsed(UserPageSchema, await call(t, users.officerA, 'GET', `/v1/users?q=${encodeURIComponent('chuyen vien')}`));
      expect(folded.items.map((u) => u.id)).toEqual(['chuyenvien.a']);
    });

    it('incoming: arrival, register (số đến), assign with a working-day deadline, handle, finish — each answered with its status', async () => {
      const item = inboxItem({ subject: 'Về việc báo cáo tình hình sử dụng văn bản điện tử', priority: 2 });
      expect(await t.server.service.ingest(A, item)).toBe(true);
      expect(await t.server.service.ingest(A, item)).toBe(false); // delivered twice → stored once
      const list = parsed(IncomingPageSchema, await call(t, users.clerkA, 'GET', '/v1/incoming?state=arrived'));
      const row = list.items.find((i) => i.exchangeId === item.documentId);
      expect(row).toMatchObject({ state: 'arrived', urgency: 'thuongKhan', unread: true, arrivalNumber: null });
      const id = row?.id ?? '';
      // diacritics-free search finds it
      const found = parsed(IncomingPageSchema, await call(t, users.clerkA, 'GET', `/v1/incoming?q=${encodeURIComponent('tinh hinh su dung')}`));
      expect(found.items.map((i) => i.id)).toContain(id);
      // a chuyên viên not assigned does not see it; B's clerk neither
      expect((await call(t, users.officerA, 'GET', `/v1/incoming/${id}`)).status).toBe(404);
      expect((await call(t, users.clerkB, 'GET', `/v1/incoming/${id}`)).status).toBe(404);
      expect((await call(t, users.clerkB, 'POST', `/v1/incoming/${id}/receive`, {})).status).toBe(404);
      // only văn thư receives
      expect((await call(t, users.leaderA, 'POST', `/v1/incoming/${id}/receive`, {})).status).toBe(403);
      const received = parsed(IncomingDetailSchema, await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/receive`, { note: 'Bản điện tử' }));
      expect(received.state).toBe('registered');
      expect(received.arrivalNumber).toBeGreaterThan(0);
      expect(received.arrivalDate).toBe(today());
      expect(errorCode(await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/receive`, {}))).toBe('INVALID_STATE');
      // assign: unknown user refused with a located issue
      const bad = await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/assign`, { lead: 'nobody', workingDays: 5 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.json)).toContain('/body/lead');
      const assigned = parsed(
        IncomingDetailSchema,
        await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/assign`, { lead: users.officerA.id, coHandlers: [users.officer2A.id], workingDays: 5, note: 'Xử lý gấp' }),
      );
      expect(assigned.state).toBe('assigned');
      expect(assigned.dueDate).toBe(formatIsoDate(calendar.dueDate(today(), 5)));
      expect(assigned.assignment?.lead).toEqual({ id: users.officerA.id, name: users.officerA.name });
      // the lead now sees it among theirs, unread
      const mine = parsed(IncomingPageSchema, await call(t, users.officerA, 'GET', '/v1/incoming?mine=true'));
      expect(mine.items.find((i) => i.id === id)?.unread).toBe(true);
      // a co-handler may start, but only the lead finishes
      parsed(IncomingDetailSchema, await call(t, users.officer2A, 'POST', `/v1/incoming/${id}/start`, {}));
      expect((await call(t, users.officer2A, 'POST', `/v1/incoming/${id}/done`, {})).status).toBe(403);
      const done = parsed(IncomingDetailSchema, await call(t, users.officerA, 'POST', `/v1/incoming/${id}/done`, { note: 'Đã báo cáo' }));
      expect(done.state).toBe('done');
      expect(done.history.map((h) => h.statusCode)).toEqual(['01', '03', '04', '05', '06']);
      expect(done.history.map((h) => h.actor?.id ?? null)).toEqual([null, 'vanthu.a', 'vanthu.a', 'chuyenvien2.a', 'chuyenvien.a']);
      // the status packages are queued for the sender, in order
      const queued = await t.server.database.db.selectFrom('status_outbox').select('code').where('exchange_id', '=', item.documentId).orderBy('id').execute();
      expect(queued.map((q) => q.code)).toEqual(['01', '03', '04', '05', '06']);
      // the register row
      const reg = parsed(RegisterPageSchema, await call(t, users.clerkA, 'GET', '/v1/registers/incoming'));
      expect(reg.items.find((e) => e.documentId === id)).toMatchObject({ number: received.arrivalNumber, organId: B, toPlaces: users.officerA.name });
    });

    it('incoming: return with a reason (02), overdue and unread filters', async () => {
      const item = inboxItem();
      await t.server.service.ingest(A, item);
      const id = parsed(IncomingPageSchema, await call(t, users.clerkA, 'GET', '/v1/incoming?state=arrived')).items.find((i) => i.exchangeId === item.documentId)?.id ?? '';
      expect((await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/return`, {})).status).toBe(400);
      const ret = parsed(IncomingDetailSchema, await call(t, users.clerkA, 'POST', `/v1/incoming/${id}/return`, { reason: 'Gửi nhầm cơ quan' }));
      expect(ret).toMatchObject({ state: 'returned', returnReason: 'Gửi nhầm cơ quan' });
      // overdue: a document assigned with a due date in the past
      const late = inboxItem();
      await t.server.service.ingest(A, late);
      const lid = parsed(IncomingPageSchema, await call(t, users.clerkA, 'GET', '/v1/incoming?state=arrived')).items.find((i) => i.exchangeId === late.documentId)?.id ?? '';
      await call(t, users.clerkA, 'POST', `/v1/incoming/${lid}/receive`, {});
      parsed(IncomingDetailSchema, await call(t, users.leaderA, 'POST', `/v1/incoming/${lid}/assign`, { lead: users.officerA.id, dueDate: '2020-01-02' }));
      const overdue = parsed(IncomingPageSchema, await call(t, users.leaderA, 'GET', '/v1/incoming?overdue=true'));
      expect(overdue.items.map((i) => i.id)).toEqual([lid]);
      expect(overdue.items[0]?.overdue).toBe(true);
      // unread for the leader until opened
      expect(parsed(IncomingPageSchema, await call(t, users.leaderA, 'GET', '/v1/incoming?unread=true')).items.map((i) => i.id)).toContain(lid);
      parsed(IncomingDetailSchema, await call(t, users.leaderA, 'GET', `/v1/incoming/${lid}`));
      expect(parsed(IncomingPageSchema, await call(t, users.leaderA, 'GET', '/v1/incoming?unread=true')).items.map((i) => i.id)).not.toContain(lid);
    });

    it('incoming: pages by cursor without gaps or repeats', async () => {
      for (let i = 0; i < 7; i++) await t.server.service.ingest(B, inboxItem({ to: [B], from: A, fromName: 'Sở Nội vụ' }));
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/incoming?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = parsed(IncomingPageSchema, await call(t, users.clerkB, 'GET', path));
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toHaveLength(7);
      expect(new Set(ids).size).toBe(7);
      expect((await call(t, users.clerkB, 'GET', '/v1/incoming?limit=500')).status).toBe(400);
      expect(errorCode(await call(t, users.clerkB, 'GET', '/v1/incoming?from=2026-02-30'))).toBe('VALIDATION_FAILED');
    });

    it('drafts: trình ký → lãnh đạo ký → cấp số → đóng dấu; each step by its role only', async () => {
      const created = parsed(DraftSchema, await call(t, users.officerA, 'POST', '/v1/drafts', { document: { ...sampleDocument, subject: '' }, recipients: [B] }), 201);
      expect(created.state).toBe('draft');
      expect(created.issues.length).toBeGreaterThan(0); // an empty subject is not yet valid
      expect(errorCode(await call(t, users.officerA, 'POST', `/v1/drafts/${created.id}/submit`, { signer: users.leaderA.id }))).toBe('INVALID_DOCUMENT');
      expect(errorCode(await call(t, users.officerA, 'PUT', `/v1/drafts/${created.id}`, { version: 99, document: sampleDocument }))).toBe('VERSION_CONFLICT');
      const updated = parsed(DraftSchema, await call(t, users.officerA, 'PUT', `/v1/drafts/${created.id}`, { version: created.version, document: sampleDocument }));
      expect(updated.issues).toEqual([]);
      expect((await call(t, users.officerA, 'POST', `/v1/drafts/${created.id}/submit`, { signer: users.clerkA.id })).status).toBe(400);
      const submitted = parsed(DraftSchema, await call(t, users.officerA, 'POST', `/v1/drafts/${created.id}/submit`, { signer: users.leaderA.id }));
      expect(submitted.signer?.id).toBe(users.leaderA.id);
      const pdf = PDF.toString('base64');
      expect((await call(t, users.officerA, 'POST', `/v1/drafts/${created.id}/sign`, { pdf })).status).toBe(403); // not a leader
      expect((await call(t, users.leader2A, 'POST', `/v1/drafts/${created.id}/sign`, { pdf })).status).toBe(403); // not the one submitted to
      expect(errorCode(await call(t, users.leaderA, 'POST', `/v1/drafts/${created.id}/sign`, { pdf: Buffer.from('not a pdf at all').toString('base64') }))).toBe('INVALID_PDF');
      const signed = parsed(DraftSchema, await call(t, users.leaderA, 'POST', `/v1/drafts/${created.id}/sign`, { pdf }));
      expect(signed).toMatchObject({ state: 'signed', signedBy: { id: users.leaderA.id } });
      expect((await call(t, users.leaderA, 'POST', `/v1/drafts/${created.id}/number`, {})).status).toBe(403);
      const numbered = parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${created.id}/number`, {}));
      expect(numbered.number).toBeGreaterThan(0);
      expect(numbered.notation).toBe(`${String(numbered.number).padStart(2, '0')}/SNV-VP`);
      expect(numbered.document.number).toBe(numbered.number);
      // the seal must extend the signed PDF
      expect(errorCode(await call(t, users.clerkA, 'POST', `/v1/drafts/${created.id}/seal`, { pdf: PDF_SEALED.subarray(1).toString('base64') }))).toBe('INVALID_PDF');
      expect(errorCode(await call(t, users.clerkA, 'POST', `/v1/drafts/${created.id}/seal`, { pdf }))).toBe('INVALID_PDF');
      const sealed = parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${created.id}/seal`, { pdf: PDF_SEALED.toString('base64') }));
      expect(sealed.state).toBe('sealed');
      const file = await t.server.fetch(new Request(`http://office.test/v1/drafts/${created.id}/pdf`, { headers: { authorization: `Bearer ${await t.idp.issue(users.clerkA)}` } }));
      expect(Buffer.from(await file.arrayBuffer()).equals(PDF_SEALED)).toBe(true);
      // the exchange is unreachable: the send is refused as EXCHANGE_FAILED and the document is kept to be sent again
      const send = await call(t, users.clerkA, 'POST', `/v1/drafts/${created.id}/send`, {});
      expect(send.status).toBe(502);
      expect(errorCode(send)).toBe('EXCHANGE_FAILED');
      const out = parsed(OutgoingPageSchema, await call(t, users.clerkA, 'GET', '/v1/outgoing?state=sending'));
      expect(out.items.find((o) => o.draftId === created.id)).toMatchObject({ state: 'sending', notation: numbered.notation });
      // the outgoing register has the number, with the recipient
      const reg = parsed(RegisterPageSchema, await call(t, users.leaderA, 'GET', '/v1/registers/outgoing'));
      expect(reg.items.find((e) => e.documentId === created.id)).toMatchObject({ number: numbered.number, codeNotation: 'SNV-VP', organId: A });
      const csv = await call(t, users.clerkA, 'GET', '/v1/registers/outgoing/export?format=csv');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.text).toContain('Trích yếu nội dung');
      expect(csv.text).toContain('triển khai liên thông văn bản điện tử');
      // the same register as PDF (Phụ lục VI columns, A4 landscape), read back by poppler and checked by qpdf
      const pdfRes = await t.server.fetch(new Request('http://office.test/v1/registers/outgoing/export?format=pdf', { headers: { authorization: `Bearer ${await t.idp.issue(users.clerkA)}` } }));
      expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
      const regFile = join(mkdtempSync(join(tmpdir(), 'office-register-')), 'so-di.pdf');
      writeFileSync(regFile, Buffer.from(await pdfRes.arrayBuffer()));
      expect(execFileSync('qpdf', ['--check', regFile], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
      const text = execFileSync('pdftotext', ['-raw', regFile, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
      expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
      expect(text).toContain(`${String(numbered.number).padStart(2, '0')}/SNV-VP`);
      expect(text).toContain('triển khai liên thông văn bản điện tử');
    });

    it('registers: numbers restart at 1 each year', async () => {
      const make = async (date: string) => {
        const d = parsed(DraftSchema, await call(t, users.officerA, 'POST', '/v1/drafts', { document: sampleDocument, recipients: [B] }), 201);
        await call(t, users.officerA, 'POST', `/v1/drafts/${d.id}/submit`, { signer: users.leaderA.id });
        await call(t, users.leaderA, 'POST', `/v1/drafts/${d.id}/sign`, { pdf: PDF.toString('base64') });
        return parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${d.id}/number`, { date }));
      };
      const y1 = await make('2031-12-31');
      const y2 = await make('2032-01-01');
      const y2b = await make('2032-01-02');
      expect([y1.number, y2.number, y2b.number]).toEqual([1, 1, 2]);
    });

    it('audit log: every action recorded, readable by quản trị only, append-only', async () => {
      const page = parsed(AuditPageSchema, await call(t, users.adminA, 'GET', '/v1/audit?limit=200'));
      const actions = new Set(page.items.map((e) => e.action));
      for (const a of ['arrived', 'receiveIncoming', 'assignIncoming', 'completeIncoming', 'returnIncoming', 'createDraft', 'signDraft', 'numberDraft', 'sealDraft', 'sendDraft']) {
        expect(actions.has(a), a).toBe(true);
      }
      expect(page.items.every((e) => e.agency === A)).toBe(true);
      expect((await call(t, users.clerkA, 'GET', '/v1/audit')).status).toBe(403);
      const db = t.server.database.db;
      await expect(sql`update audit set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit`.execute(db)).rejects.toThrow(/append-only/);
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
