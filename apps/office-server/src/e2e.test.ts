// End to end with the real hub (apps/exchange-hub, started as a child process the way it runs) and two office
// servers, each with its own database: agency A's leader signs, its clerk numbers, seals and sends; agency B's clerk
// receives, registers and assigns with a 5-working-day deadline; the handler finishes; A sees each status.
import type { ChildProcess } from 'node:child_process';
import { WorkCalendar } from '@egov-vn/calendar';
import { DraftSchema, IncomingDetailSchema, IncomingPageSchema, OutgoingDetailSchema } from '@egov-vn/office-api';
import { createOfficeServer, type OfficeServer } from '@egov-vn/office-server';
import { createTestIdentityProvider, type TestIdentityProvider, type TestUser } from '@egov-vn/office-server/testing';
import { formatIsoDate } from '@egov-vn/schemas';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startHub } from './test-processes.js';

const A = '000.00.02.H49';
const B = '000.00.03.H49';
const SECRET_A = 'e2e-secret-snv-4d1f8a2c9b';
const SECRET_B = 'e2e-secret-stc-7e3b6c0a5d';

const u = {
  officerA: { id: 'cv.a', name: 'Lê Văn Soạn', agency: A, roles: ['chuyenVien'] },
  leaderA: { id: 'ld.a', name: 'Nguyễn Văn Ký', agency: A, roles: ['lanhDao'], title: 'Giám đốc' },
  clerkA: { id: 'vt.a', name: 'Trần Thị Gửi', agency: A, roles: ['vanThu'] },
  clerkB: { id: 'vt.b', name: 'Phạm Thị Nhận', agency: B, roles: ['vanThu'] },
  officerB: { id: 'cv.b', name: 'Đỗ Văn Xử Lý', agency: B, roles: ['chuyenVien'] },
} satisfies Record<string, TestUser>;

async function eventually<T>(fn: () => Promise<T | undefined>, what: string, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('end to end: two office servers and the hub', () => {
  let hub: { url: string; child: ChildProcess };
  let idp: TestIdentityProvider;
  let officeA: OfficeServer;
  let officeB: OfficeServer;
  const logs: string[] = [];
  const bodies: string[] = [];
  const databases: Array<() => Promise<void>> = [];

  async function database(label: string): Promise<{ databaseUrl?: string; dataDir?: string }> {
    const admin = process.env['TEST_DATABASE_URL'];
    if (!admin) return { dataDir: 'memory://' };
    const name = `egov_office_e2e_${label}_${process.pid}_${Date.now()}`;
    const run = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    databases.push(() => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString() };
  }

  async function call<S extends z.ZodType>(office: OfficeServer, who: TestUser, method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const res = await office.fetch(
      new Request(`http://office.test${path}`, {
        method,
        headers: { authorization: `Bearer ${await idp.issue(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    );
    const text = await res.text();
    bodies.push(text, JSON.stringify([...res.headers]));
    expect(res.status, `${method} ${path}: ${text.slice(0, 400)}`).toBeLessThan(300);
    return schema.parse(JSON.parse(text));
  }

  beforeAll(async () => {
    idp = await createTestIdentityProvider({ issuer: 'https://idp.e2e', audience: 'egov-office' });
    hub = await startHub(
      {
        systems: [
          { systemId: 'snv.e2e', secret: SECRET_A, agencies: [{ code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh' }] },
          { systemId: 'stc.e2e', secret: SECRET_B, agencies: [{ code: B, name: 'Sở Tài chính tỉnh Quảng Ninh' }] },
        ],
      },
      logs,
    );
    const auth = { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks } };
    const log = (line: string) => logs.push(line);
    [officeA, officeB] = await Promise.all([
      database('a').then((db) =>
        createOfficeServer({
          agencies: [{ code: A, name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', exchange: { baseUrl: hub.url, systemId: 'snv.e2e', secret: SECRET_A } }],
          auth,
          database: db,
          users: [u.officerA, u.leaderA, u.clerkA],
          background: { pollIntervalMs: 300 },
          log,
        }),
      ),
      database('b').then((db) =>
        createOfficeServer({
          agencies: [{ code: B, name: 'Sở Tài chính tỉnh Quảng Ninh', abbreviation: 'STC', exchange: { baseUrl: hub.url, systemId: 'stc.e2e', secret: SECRET_B } }],
          auth,
          database: db,
          users: [u.clerkB, u.officerB],
          background: { pollIntervalMs: 300 },
          log,
        }),
      ),
    ]);
  });

  afterAll(async () => {
    await officeA.close();
    await officeB.close();
    hub.child.kill('SIGTERM');
    for (const drop of databases) await drop();
  });

  it('A drafts, signs, numbers, seals and sends; B receives, registers, assigns (5 working days), finishes; A sees each status', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const sealed = Buffer.concat([pdf, Buffer.from('2 0 obj << /Type /Sig >> endobj\n%%EOF\n')]);
    const document = {
      type: 'congVan',
      issuer: { name: 'Sở Nội vụ tỉnh Quảng Ninh', abbreviation: 'SNV', code: A },
      symbol: 'SNV-VP',
      place: 'Quảng Ninh',
      date: '2026-12-01',
      subject: 'đề nghị báo cáo biên chế năm 2027',
      content: 'Đề nghị Sở Tài chính phối hợp báo cáo biên chế năm 2027.',
      signer: { position: 'Giám đốc', fullName: 'Nguyễn Văn Ký' },
      recipients: [{ name: 'Sở Tài chính tỉnh Quảng Ninh', agencyCode: B }],
    };
    const draft = await call(officeA, u.officerA, 'POST', '/v1/drafts', DraftSchema, { document, recipients: [B] });
    expect(draft.recipients).toEqual([{ code: B, name: 'Sở Tài chính tỉnh Quảng Ninh' }]); // named from the hub's directory
    await call(officeA, u.officerA, 'POST', `/v1/drafts/${draft.id}/submit`, DraftSchema, { signer: u.leaderA.id });
    await call(officeA, u.leaderA, 'POST', `/v1/drafts/${draft.id}/sign`, DraftSchema, { pdf: pdf.toString('base64') });
    const numbered = await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/number`, DraftSchema, {});
    expect(numbered.notation).toBe('01/SNV-VP');
    await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/seal`, DraftSchema, { pdf: sealed.toString('base64') });
    const sent = await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/send`, OutgoingDetailSchema, {});
    expect(sent.state).toBe('sent');
    expect(sent.exchangeId).toMatch(/^[0-9a-f]{24}$/);

    // B's background worker receives it (watchInbox) and answers 01
    const arrived = await eventually(async () => {
      const page = await call(officeB, u.clerkB, 'GET', '/v1/incoming', IncomingPageSchema);
      return page.items.find((i) => i.exchangeId === sent.exchangeId);
    }, 'the arrival at B');
    expect(arrived).toMatchObject({ from: { code: A }, notation: '01/SNV-VP', state: 'arrived' });
    expect(arrived.subject).toContain('báo cáo biên chế');
    // the file comes through B from the hub
    const file = await officeB.fetch(new Request(`http://office.test/v1/incoming/${arrived.id}/attachments/0`, { headers: { authorization: `Bearer ${await idp.issue(u.clerkB)}` } }));
    expect(Buffer.from(await file.arrayBuffer()).equals(sealed)).toBe(true);

    const registered = await call(officeB, u.clerkB, 'POST', `/v1/incoming/${arrived.id}/receive`, IncomingDetailSchema, {});
    expect(registered.arrivalNumber).toBe(1);
    const assigned = await call(officeB, u.clerkB, 'POST', `/v1/incoming/${arrived.id}/assign`, IncomingDetailSchema, { lead: u.officerB.id, workingDays: 5 });
    expect(assigned.dueDate).toBe(formatIsoDate(new WorkCalendar().dueDate(registered.arrivalDate ?? '', 5)));
    const done = await call(officeB, u.officerB, 'POST', `/v1/incoming/${arrived.id}/done`, IncomingDetailSchema, { note: 'Đã gửi báo cáo' });
    expect(done.state).toBe('done');

    // A sees each status B answered, in order
    const trace = await eventually(async () => {
      const out = await call(officeA, u.clerkA, 'GET', `/v1/outgoing/${sent.id}`, OutgoingDetailSchema);
      const codes = out.trace[0]?.statuses.map((s) => s.code) ?? [];
      return codes.includes('06') ? out : undefined;
    }, 'status 06 at A');
    expect(trace.trace[0]?.statuses.map((s) => s.code)).toEqual(['01', '03', '04', '06']);
    expect(trace.recipients[0]?.status?.code).toBe('06');
    expect(trace.recipients[0]?.delivery).toBe('done');
  });

  it('no response, header or log line carries an exchange secret', () => {
    const all = [...bodies, ...logs].join('\n');
    expect(bodies.length).toBeGreaterThan(10);
    expect(all).not.toContain(SECRET_A);
    expect(all).not.toContain(SECRET_B);
  });
});
