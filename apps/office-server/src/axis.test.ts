// Two office servers that speak the national axis protocol (protocol 'axis') to the real sandbox hub's /vxp (its main,
// a child process): A sends with sendEdoc, B's background receives (getReceivedEdocList + getEdoc + updateStatus done)
// and answers with edXML status packages, A's background collects them into its trace. No fixed sleeps.
import type { ChildProcess } from 'node:child_process';
import { createAxisClient } from '@egov-vn/exchange-client';
import { DirectoryPageSchema, DraftSchema, IncomingDetailSchema, IncomingPageSchema, OutgoingDetailSchema } from '@egov-vn/office-api';
import { createOfficeServer, type OfficeServer } from '@egov-vn/office-server';
import { createSigningFixtures, createTestIdentityProvider, type SigningFixtures, type TestIdentityProvider, type TestUser } from '@egov-vn/office-server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { eventually, startHub } from './test-processes.js';

const A = '000.00.02.H49';
const B = '000.00.03.H49';
const NAME: Record<string, string> = { [A]: 'Sở Nội vụ tỉnh Quảng Ninh', [B]: 'Sở Tài chính tỉnh Quảng Ninh' };
const SECRET_A = 'axis-secret-snv-5c1e9a7d3b';
const SECRET_B = 'axis-secret-stc-2f8b4d6e0c';

const u = {
  officerA: { id: 'cv.a', name: 'Lê Văn Soạn', agency: A, roles: ['chuyenVien'] },
  leaderA: { id: 'ld.a', name: 'Nguyễn Văn Ký', agency: A, roles: ['lanhDao'], title: 'Giám đốc' },
  clerkA: { id: 'vt.a', name: 'Trần Thị Gửi', agency: A, roles: ['vanThu'] },
  clerkB: { id: 'vt.b', name: 'Phạm Thị Nhận', agency: B, roles: ['vanThu'] },
} satisfies Record<string, TestUser>;

const logs: string[] = [];
let hub: { url: string; child: ChildProcess };
let idp: TestIdentityProvider;
let pki: SigningFixtures;
let officeA: OfficeServer;
let officeB: OfficeServer;

async function call<S extends z.ZodType>(target: OfficeServer, who: TestUser, method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const res = await target.fetch(
    new Request(`http://office.test${path}`, {
      method,
      headers: { authorization: `Bearer ${await idp.issue(who)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    }),
  );
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text.slice(0, 400)}`).toBeLessThan(300);
  return schema.parse(JSON.parse(text));
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

beforeAll(async () => {
  [idp, pki] = await Promise.all([createTestIdentityProvider({ issuer: 'https://idp.axis', audience: 'egov-office' }), createSigningFixtures('Axis CA')]);
  hub = await startHub(
    {
      systems: [
        { systemId: 'snv.axis', secret: SECRET_A, agencies: [{ code: A, name: NAME[A] }] },
        { systemId: 'stc.axis', secret: SECRET_B, agencies: [{ code: B, name: NAME[B] }] },
      ],
    },
    logs,
  );
  const auth = { jwt: { issuer: idp.issuer, audience: idp.audience, jwks: idp.jwks } };
  const log = (line: string) => logs.push(line);
  const office = (code: string, systemId: string, secret: string, users: TestUser[]) =>
    createOfficeServer({
      agencies: [{ code, name: NAME[code] ?? '', abbreviation: code === A ? 'SNV' : 'STC', exchange: { protocol: 'axis', baseUrl: `${hub.url}/vxp`, systemId, secret } }],
      auth,
      users,
      background: { pollIntervalMs: 100 },
      log,
    });
  [officeA, officeB] = await Promise.all([office(A, 'snv.axis', SECRET_A, [u.officerA, u.leaderA, u.clerkA]), office(B, 'stc.axis', SECRET_B, [u.clerkB])]);
});

afterAll(async () => {
  await Promise.all([officeA.close(), officeB.close()]);
  hub.child.kill('SIGTERM');
});

describe('office servers on the axis protocol (/vxp of the sandbox hub)', () => {
  it('A sends through sendEdoc; B receives and stores the package; B receives it at the desk; A sees 01 and 03 from status packages', async () => {
    const draft = await call(officeA, u.officerA, 'POST', '/v1/drafts', DraftSchema, {
      document: {
        type: 'congVan',
        issuer: { name: NAME[A], abbreviation: 'SNV', code: A },
        symbol: 'SNV-VP',
        place: 'Quảng Ninh',
        date: '2026-12-01',
        subject: 'đề nghị cung cấp số liệu qua trục liên thông',
        content: 'Đề nghị cung cấp số liệu.',
        signer: { position: 'Giám đốc', fullName: 'Nguyễn Văn Ký' },
        recipients: [{ name: NAME[B], agencyCode: B }],
      },
      recipients: [B],
    });
    expect(draft.recipients).toEqual([{ code: B, name: NAME[B] }]); // named from the axis agency list
    await call(officeA, u.officerA, 'POST', `/v1/drafts/${draft.id}/submit`, DraftSchema, { signer: u.leaderA.id });
    const signed = await pki.signAsLeader(pki.samplePdf('axis'));
    await call(officeA, u.leaderA, 'POST', `/v1/drafts/${draft.id}/sign`, DraftSchema, { pdf: b64(signed) });
    await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/number`, DraftSchema, {});
    const sealed = await pki.sealAsAgency(signed);
    await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/seal`, DraftSchema, { pdf: b64(sealed) });
    const sent = await call(officeA, u.clerkA, 'POST', `/v1/drafts/${draft.id}/send`, OutgoingDetailSchema, {});
    expect(sent.state).toBe('sent');
    expect(sent.exchangeId).toBeTruthy(); // the axis DocId

    // B's background: getReceivedEdocList + getEdoc, stored once, then updateStatus done
    const arrived = await eventually(async () => (await call(officeB, u.clerkB, 'GET', '/v1/incoming?limit=50', IncomingPageSchema)).items.find((i) => i.exchangeId === sent.exchangeId), 'the arrival at B');
    expect(arrived).toMatchObject({ from: { code: A }, notation: sent.notation, state: 'arrived' });
    // the sealed PDF comes from the stored package (the axis has no attachment download), byte for byte
    const res = await officeB.fetch(new Request(`http://office.test/v1/incoming/${arrived.id}/attachments/0`, { headers: { authorization: `Bearer ${await idp.issue(u.clerkB)}` } }));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(sealed))).toBe(true);

    const registered = await call(officeB, u.clerkB, 'POST', `/v1/incoming/${arrived.id}/receive`, IncomingDetailSchema, {});
    expect(registered.arrivalNumber).toBe(1);

    // A's background collects the status packages (getReceivedEdocList messagetype=status) into its trace
    const out = await eventually(async () => {
      const o = await call(officeA, u.clerkA, 'GET', `/v1/outgoing/${sent.id}`, OutgoingDetailSchema);
      return (o.trace[0]?.statuses.length ?? 0) >= 2 ? o : undefined;
    }, 'statuses 01 and 03 at A', 30_000);
    expect(out.trace[0]?.agency.code).toBe(B);
    expect(out.trace[0]?.statuses.map((s) => s.code)).toEqual(['01', '03']);
    expect(out.trace[0]?.statuses[1]?.staff).toContain(u.clerkB.name);
    expect(out.recipients[0]?.status?.code).toBe('03');
    // stored once at B; nothing left pending on the axis for either side (each message taken off with updateStatus done)
    expect((await call(officeB, u.clerkB, 'GET', '/v1/incoming?limit=50', IncomingPageSchema)).items.filter((i) => i.exchangeId === sent.exchangeId)).toHaveLength(1);
    const axis = (systemId: string, secret: string) => createAxisClient({ endpoint: `${hub.url}/vxp`, systemId, secret });
    expect(await axis('stc.axis', SECRET_B).countReceiveEdoc()).toBe(0);
    expect(await eventually(async () => ((await axis('snv.axis', SECRET_A).countReceiveStatus()) === 0 ? 0 : undefined), 'A status list drained')).toBe(0);
    expect(logs.join('')).not.toContain(SECRET_A);
  });

  it('searches the directory through the axis agency list, paged by the server', async () => {
    const page = await call(officeA, u.officerA, 'GET', `/v1/directory?q=${encodeURIComponent('Tài chính')}`, DirectoryPageSchema);
    expect(page.items.map((a) => a.code)).toEqual([B]);
    const first = await call(officeA, u.officerA, 'GET', '/v1/directory?limit=1', DirectoryPageSchema);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await call(officeA, u.officerA, 'GET', `/v1/directory?limit=1&cursor=${first.nextCursor ?? ''}`, DirectoryPageSchema);
    expect(second.items[0]?.code).not.toBe(first.items[0]?.code);
  });
});
