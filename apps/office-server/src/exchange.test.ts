// End to end with the real hub (apps/exchange-hub's main, ONE child process for this whole file) and three office
// servers: agencies A and B in process (each its own database), agency C as the runnable app (a child process, as
// `pnpm start` runs it beside the hub) that is killed with SIGKILL mid-send. Every PDF is signed and sealed for real
// (PAdES on a demo PKI) and verified by the server that takes it. No fixed sleeps: each wait polls a condition.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar } from '@egov-vn/calendar';
import { ExchangeClient } from '@egov-vn/exchange-client';
import {
  DirectoryPageSchema,
  DraftSchema,
  IncomingDetailSchema,
  IncomingPageSchema,
  OfficeErrorBodySchema,
  OfficeHealthSchema,
  OutgoingDetailSchema,
  OutgoingPageSchema,
} from '@egov-vn/office-api';
import { createOfficeServer, type OfficeServer } from '@egov-vn/office-server';
import { createSigningFixtures, createTestIdentityProvider, type SigningFixtures, type TestIdentityProvider, type TestUser } from '@egov-vn/office-server/testing';
import { formatIsoDate } from '@egov-vn/schemas';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { eventually, startApp, startHub } from './test-processes.js';
import { freePort } from '@egov-vn/vitest-config/processes';

const A = '000.00.02.H49';
const B = '000.00.03.H49';
const C = '000.00.01.H49';
const SECRET_A = 'e2e-secret-snv-4d1f8a2c9b';
const SECRET_B = 'e2e-secret-stc-7e3b6c0a5d';
const SECRET_C = 'e2e-secret-vp-91c2e7f4aa';
const NAME: Record<string, string> = { [A]: 'Sở Nội vụ tỉnh Quảng Ninh', [B]: 'Sở Tài chính tỉnh Quảng Ninh', [C]: 'Văn phòng UBND tỉnh Quảng Ninh' };

const u = {
  officerA: { id: 'cv.a', name: 'Lê Văn Soạn', agency: A, roles: ['chuyenVien'] },
  leaderA: { id: 'ld.a', name: 'Nguyễn Văn Ký', agency: A, roles: ['lanhDao'], title: 'Giám đốc' },
  clerkA: { id: 'vt.a', name: 'Trần Thị Gửi', agency: A, roles: ['vanThu'] },
  clerkB: { id: 'vt.b', name: 'Phạm Thị Nhận', agency: B, roles: ['vanThu'] },
  officerB: { id: 'cv.b', name: 'Đỗ Văn Xử Lý', agency: B, roles: ['chuyenVien'] },
  officerC: { id: 'cv.c', name: 'Chuyên Viên C', agency: C, roles: ['chuyenVien'] },
  leaderC: { id: 'ld.c', name: 'Lãnh Đạo C', agency: C, roles: ['lanhDao'] },
  clerkC: { id: 'vt.c', name: 'Văn Thư C', agency: C, roles: ['vanThu'] },
} satisfies Record<string, TestUser>;

const documentOf = (agency: string, symbol: string, subject: string) => ({
  type: 'congVan',
  issuer: { name: NAME[agency], abbreviation: symbol.split('-')[0], code: agency },
  symbol,
  place: 'Quảng Ninh',
  date: '2026-12-01',
  subject,
  content: `Đề nghị ${subject}.`,
  signer: { position: 'Giám đốc', fullName: 'Nguyễn Văn Ký' },
  recipients: [{ name: NAME[B], agencyCode: B }],
});

function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

const logs: string[] = [];
const bodies: string[] = [];
const databases: Array<() => Promise<void>> = [];
let hub: { url: string; child: ChildProcess };
let idp: TestIdentityProvider;
let pki: SigningFixtures;
let officeA: OfficeServer;
let officeB: OfficeServer;
/** While true, agency A's exchange calls fail as if the network were down. */
let exchangeDownForA = false;

// Agency C, the runnable app behind a proxy that can withhold the hub's answer to a send.
let office: { url: string; child: ChildProcess } | undefined;
let appEnv: Record<string, string> = {};
let proxy: Server;
let proxyPort = 0;
let jwks: Server;
let holdSend: (() => void) | undefined;

async function database(label: string, disk?: string): Promise<{ databaseUrl?: string; dataDir?: string }> {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) return { dataDir: disk ?? 'memory://' };
  const name = `egov_office_x_${label}_${process.pid}_${Date.now()}`;
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

async function request(target: OfficeServer | string, who: TestUser, method: string, path: string, body?: unknown) {
  const init: RequestInit = {
    method,
    headers: { authorization: `Bearer ${await idp.issue(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
  const res = typeof target === 'string' ? await fetch(`${target}${path}`, init) : await target.fetch(new Request(`http://office.test${path}`, init));
  const text = await res.text();
  bodies.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, text };
}

async function call<S extends z.ZodType>(target: OfficeServer | string, who: TestUser, method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const r = await request(target, who, method, path, body);
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 400)}`).toBeLessThan(300);
  return schema.parse(JSON.parse(r.text));
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Drafts, submits, signs (the leader, for real), numbers and seals (the agency, for real) a document; answers the draft. */
async function sealedDraft(
  target: OfficeServer | string,
  people: { officer: TestUser; leader: TestUser; clerk: TestUser },
  agency: string,
  symbol: string,
  subject: string,
  attachment?: { name: string; contentType: string; data: Buffer },
) {
  const draft = await call(target, people.officer, 'POST', '/v1/drafts', DraftSchema, { document: documentOf(agency, symbol, subject), recipients: [B] });
  if (attachment) {
    const withFile = await call(target, people.officer, 'POST', `/v1/drafts/${draft.id}/attachments`, DraftSchema, { ...attachment, data: b64(attachment.data) });
    expect(withFile.attachments).toEqual([{ index: 0, name: attachment.name, contentType: attachment.contentType, size: attachment.data.length }]);
  }
  await call(target, people.officer, 'POST', `/v1/drafts/${draft.id}/submit`, DraftSchema, { signer: people.leader.id });
  const signed = await pki.signAsLeader(pki.samplePdf(subject));
  await call(target, people.leader, 'POST', `/v1/drafts/${draft.id}/sign`, DraftSchema, { pdf: b64(signed) });
  const numbered = await call(target, people.clerk, 'POST', `/v1/drafts/${draft.id}/number`, DraftSchema, {});
  const sealed = await pki.sealAsAgency(signed);
  await call(target, people.clerk, 'POST', `/v1/drafts/${draft.id}/seal`, DraftSchema, { pdf: b64(sealed) });
  return { draft, numbered, sealed };
}

const peopleA = { officer: u.officerA, leader: u.leaderA, clerk: u.clerkA };
const peopleC = { officer: u.officerC, leader: u.leaderC, clerk: u.clerkC };

/** B's stored arrival of an exchange document, once B's background worker has received it. */
const arrivalAtB = (exchangeId: string | null) =>
  eventually(async () => {
    const page = await call(officeB, u.clerkB, 'GET', '/v1/incoming?limit=200', IncomingPageSchema);
    return page.items.find((i) => i.exchangeId === exchangeId);
  }, `the arrival of ${exchangeId} at B`);

beforeAll(async () => {
  [idp, pki] = await Promise.all([createTestIdentityProvider({ issuer: 'https://idp.e2e', audience: 'egov-office' }), createSigningFixtures('E2E CA')]);
  const seed = {
    systems: [
      { systemId: 'snv.e2e', secret: SECRET_A, agencies: [{ code: A, name: NAME[A] }] },
      { systemId: 'stc.e2e', secret: SECRET_B, agencies: [{ code: B, name: NAME[B] }] },
      { systemId: 'vp.e2e', secret: SECRET_C, agencies: [{ code: C, name: NAME[C] }] },
    ],
  };
  // Agency C's app: its configuration file (secret and trust anchors in files), its JWKS over HTTP, its exchange
  // behind a proxy that does not listen yet — the app must wait for it, as beside a hub still starting.
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(idp.jwks));
  });
  const jwksUrl = `${await listen(jwks)}/jwks.json`;
  proxyPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'egov-office-e2e-'));
  writeFileSync(join(dir, 'vp.secret'), `${SECRET_C}\n`);
  writeFileSync(join(dir, 'trust.pem'), pki.trustAnchors.join(''));
  writeFileSync(
    join(dir, 'office.json'),
    JSON.stringify({
      agencies: [{ code: C, name: NAME[C], abbreviation: 'VP', exchange: { baseUrl: `http://127.0.0.1:${proxyPort}`, systemId: 'vp.e2e', secretFile: 'vp.secret' } }],
      auth: { issuer: idp.issuer, audience: idp.audience, jwksUrl },
      signatures: { trustAnchorsFile: 'trust.pem' },
      users: [u.officerC, u.leaderC, u.clerkC],
    }),
  );
  const dbC = await database('c', join(dir, 'db'));
  appEnv = {
    OFFICE_CONFIG: join(dir, 'office.json'),
    OFFICE_PORT: '0',
    OFFICE_DATA_DIR: dbC.dataDir ?? '',
    OFFICE_DATABASE_URL: dbC.databaseUrl ?? '',
    POLL_INTERVAL_MS: '100',
    PORT: '1', // the hub's port in `pnpm start`: never the office server's
  };
  const starting = startApp('office-server', appEnv, logs, ['--beside-hub']);
  hub = await startHub(seed, logs);
  const auth = { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks } };
  const log = (line: string) => logs.push(line);
  const fetchA: typeof fetch = (input, init) => (exchangeDownForA ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
  [officeA, officeB, office] = await Promise.all([
    database('a').then((db) =>
      createOfficeServer({
        agencies: [{ code: A, name: NAME[A] ?? '', abbreviation: 'SNV', exchange: { baseUrl: hub.url, systemId: 'snv.e2e', secret: SECRET_A } }],
        auth,
        database: db,
        users: [u.officerA, u.leaderA, u.clerkA],
        signatures: { trustAnchors: pki.trustAnchors },
        // A sends in the request and reads statuses from the trace on demand: no background, so the resend test
        // decides when a kept document goes out.
        background: { enabled: false },
        fetch: fetchA,
        log,
      }),
    ),
    database('b').then((db) =>
      createOfficeServer({
        agencies: [{ code: B, name: NAME[B] ?? '', abbreviation: 'STC', exchange: { baseUrl: hub.url, systemId: 'stc.e2e', secret: SECRET_B } }],
        auth,
        database: db,
        users: [u.clerkB, u.officerB],
        background: { pollIntervalMs: 100 },
        log,
      }),
    ),
    starting,
  ]);
  // The proxy in front of the hub for C, listening only now.
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v);
      void fetch(`${hub.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) }).then(async (r) => {
        const body = Buffer.from(await r.arrayBuffer());
        if (req.method === 'POST' && req.url === '/v1/documents' && holdSend) {
          holdSend();
          return; // never answered: the office server dies waiting
        }
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
        res.end(body);
      });
    });
  });
  await listen(proxy, proxyPort);
});

afterAll(async () => {
  office?.child.kill('SIGKILL');
  await Promise.all([officeA.close(), officeB.close()]);
  hub.child.kill('SIGTERM');
  proxy.close();
  jwks.close();
  for (const drop of databases) await drop();
});

describe('the runnable office server beside the hub (pnpm start)', () => {
  it('listens at once, waits for the exchange, and starts receiving when it answers', async () => {
    const health = await eventually(async () => {
      const h = OfficeHealthSchema.parse(await (await fetch(`${office?.url ?? ''}/health`)).json());
      return h.agencies[0]?.receiving ? h : undefined;
    }, 'C receiving');
    expect(health.agencies.map((a) => a.code)).toEqual([C]);
    expect(logs.join('')).toContain(`waiting for the exchange at http://127.0.0.1:${proxyPort}`);
  });
});

describe('two office servers and the hub', () => {
  it('A drafts (with an attachment), signs, numbers, seals and sends; B receives, registers, assigns (5 working days), finishes; A sees each status', async () => {
    const annex = { name: 'phu-luc.csv', contentType: 'text/csv', data: Buffer.from('Đơn vị,Biên chế\nSở Nội vụ,42\n') };
    const { draft, numbered, sealed } = await sealedDraft(officeA, peopleA, A, 'SNV-VP', 'đề nghị báo cáo biên chế năm 2027', annex);
    expect(draft.recipients).toEqual([{ code: B, name: NAME[B] }]); // named from the hub's directory
    expect(numbered.notation).toBe('01/SNV-VP');
    const sent = await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/send`, OutgoingDetailSchema, {});
    expect(sent.state).toBe('sent');
    expect(sent.exchangeId).toMatch(/^[0-9a-f]{24}$/);

    // B's background worker receives it (watchInbox) and answers 01
    const arrived = await arrivalAtB(sent.exchangeId);
    expect(arrived).toMatchObject({ from: { code: A }, notation: '01/SNV-VP', state: 'arrived' });
    expect(arrived.subject).toContain('báo cáo biên chế');
    // the sealed file and the draft's attachment come through B from the hub, byte for byte
    const file = async (index: number) =>
      Buffer.from(await (await officeB.fetch(new Request(`http://office.test/v1/incoming/${arrived.id}/attachments/${index}`, { headers: { authorization: `Bearer ${await idp.issue(u.clerkB)}` } }))).arrayBuffer());
    expect((await file(0)).equals(Buffer.from(sealed))).toBe(true);
    expect((await file(1)).equals(annex.data)).toBe(true);

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

  it('searches the directory of the hub', async () => {
    const page = await call(officeA, u.officerA, 'GET', `/v1/directory?q=${encodeURIComponent('Tài chính')}`, DirectoryPageSchema);
    expect(page.items.map((a) => a.code)).toEqual([B]);
    expect(page.items[0]?.name).toBe(NAME[B]);
    const all = await call(officeA, u.officerA, 'GET', '/v1/directory?limit=2', DirectoryPageSchema);
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
  });

  it('keeps a document the exchange did not take and sends it when the clerk resends (over HTTP), once', async () => {
    const { draft } = await sealedDraft(officeA, peopleA, A, 'SNV-TCCB', 'cử cán bộ dự tập huấn chuyển đổi số');
    exchangeDownForA = true;
    const failed = await request(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/send`, {});
    exchangeDownForA = false;
    expect(failed.status).toBe(502);
    expect(OfficeErrorBodySchema.parse(JSON.parse(failed.text)).code).toBe('EXCHANGE_FAILED');
    const kept = (await call(officeA, u.clerkA, 'GET', '/v1/outgoing?state=sending', OutgoingPageSchema)).items.find((o) => o.draftId === draft.id);
    expect(kept).toMatchObject({ state: 'sending', exchangeId: null });
    expect((await request(officeA, u.officerA, 'POST', `/v1/outgoing/${kept?.id ?? ''}/resend`, {})).status).toBe(403); // văn thư only
    const resent = await call(officeA, u.clerkA, 'POST', `/v1/outgoing/${kept?.id ?? ''}/resend`, OutgoingDetailSchema, {});
    expect(resent.state).toBe('sent');
    expect(resent.history.map((h) => h.action)).toEqual(['sendDraft', 'resendOutgoing', 'delivered']);
    const arrived = await arrivalAtB(resent.exchangeId);
    expect(arrived.notation).toBe(resent.notation);
    // a sent document is not sent again
    expect((await request(officeA, u.clerkA, 'POST', `/v1/outgoing/${kept?.id ?? ''}/resend`, {})).status).toBe(409);
  });

  it('revokes a sent document: a revoke package (BussinessDocType 1, with the reason) reaches B, the original is shown revoked', async () => {
    const { draft } = await sealedDraft(officeA, peopleA, A, 'SNV-VP', 'gửi nhầm nội dung cần thu hồi');
    const sent = await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/send`, OutgoingDetailSchema, {});
    expect((await request(officeA, u.clerkA, 'POST', `/v1/outgoing/${sent.id}/revoke`, {})).status).toBe(400); // a reason is required
    const reason = 'Văn bản gửi nhầm nội dung';
    const revoked = await call(officeA, u.clerkA, 'POST', `/v1/outgoing/${sent.id}/revoke`, OutgoingDetailSchema, { reason });
    expect(revoked.state).toBe('revoked');
    expect(revoked.history.map((h) => h.action)).toContain('revokeOutgoing');
    const revokeRow = (await call(officeA, u.clerkA, 'GET', '/v1/outgoing?limit=50', OutgoingPageSchema)).items.find((o) => o.kind === 'revoke' && o.draftId === draft.id);
    expect(revokeRow).toMatchObject({ state: 'sent', notation: sent.notation });
    const b = new ExchangeClient({ baseUrl: hub.url, systemId: 'stc.e2e', secret: SECRET_B, agency: B, retries: 0 });
    const edxml = new TextDecoder().decode(await b.downloadEdxml(revokeRow?.exchangeId ?? ''));
    expect(edxml).toMatch(/<edXML:BussinessDocType>1<\/edXML:BussinessDocType>/);
    expect(edxml).toContain(`<edXML:BussinessDocReason>${reason}</edXML:BussinessDocReason>`);
    // a revoked document is not revoked twice
    expect((await request(officeA, u.clerkA, 'POST', `/v1/outgoing/${sent.id}/revoke`, { reason })).status).toBe(409);
  });
});

describe('sending survives SIGKILL mid-send, delivered exactly once', () => {
  it('is delivered once after the office server is killed mid-send and restarted', async () => {
    const url = office?.url ?? '';
    const { draft, numbered } = await sealedDraft(url, peopleC, C, 'VP-TH', 'tổng hợp báo cáo chuyển đổi số quý IV');
    const hubAnswered = new Promise<void>((resolve) => (holdSend = resolve));
    const sending = fetch(`${url}/v1/drafts/${draft.id}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await idp.issue(u.clerkC)}`, 'content-type': 'application/json' },
      body: '{}',
    }).then(
      (r) => r.status,
      () => 'connection lost',
    );
    await hubAnswered; // the hub has delivered it; the office server has not heard back
    holdSend = undefined;
    office?.child.kill('SIGKILL');
    expect(await sending).toBe('connection lost');

    office = await startApp('office-server', appEnv, logs, ['--beside-hub']);
    const sent = await eventually(async () => {
      const page = await call(office?.url ?? '', u.clerkC, 'GET', '/v1/outgoing', OutgoingPageSchema);
      const item = page.items.find((o) => o.draftId === draft.id);
      return item?.state === 'sent' ? item : undefined;
    }, 'sent after the restart');
    expect(sent.notation).toBe(numbered.notation);

    const arrived = await arrivalAtB(sent.exchangeId);
    expect(arrived.from.code).toBe(C);
    const b = new ExchangeClient({ baseUrl: hub.url, systemId: 'stc.e2e', secret: SECRET_B, agency: B, retries: 0 });
    const copies = (await b.listInbox({ limit: 200 })).items.filter((i) => i.notation === numbered.notation && i.from === C);
    expect(copies).toHaveLength(1);
    const atB = (await call(officeB, u.clerkB, 'GET', '/v1/incoming?limit=200', IncomingPageSchema)).items.filter((i) => i.notation === numbered.notation && i.from.code === C);
    expect(atB).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('no response, header or log line carries an exchange secret', () => {
    const all = [...bodies, ...logs].join('\n');
    expect(bodies.length).toBeGreaterThan(30);
    for (const secret of [SECRET_A, SECRET_B, SECRET_C]) expect(all).not.toContain(secret);
  });
});
