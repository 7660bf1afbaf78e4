// The axis-compatible API (/vxp): the recorded SDK request verifies, every operation through createAxisClient against
// the real hub, the same storage as /v1 both ways, the receive loop of the SDK, and every refusal storing nothing.
import { buildEdxml, parseEdxml, type EdxmlStatusPackage } from '@egov-vn/edxml';
import { sampleStatusPackage } from '@egov-vn/edxml/testing';
import {
  AXIS_USER_AGENT,
  AXIS_VERSION,
  axisHashFile,
  axisOperations,
  axisRequestHeaders,
  formatAxisTimestamp,
  parseAxisTimestamp,
} from '@egov-vn/exchange-api';
import { createAxisClient, ExchangeClient, ExchangeError } from '@egov-vn/exchange-client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from './server.js';
import type { HubStore } from './store.js';
import { documentPackage, OTHER, R1, R2, seed, SENDER } from './test-support.js';
import { verifyAxisRequest } from './vxp-auth.js';

// The recorded example of axis-protocol.md.
const RECORDED = {
  json: '{"XroadVnpt-systemid":"000.00.00.H41","XroadVnpt-docId":"abc123","XroadVnpt-timestamp":"23112026T105758+0091","XroadVnpt-Content-Type":"application/json","XroadVnpt-status":"done"}',
  hash: '07a773085a997b21756ca0851d51a293d28573937df1542092ff585a9af9a6ee',
  at: parseAxisTimestamp('23112026T105758+0091') ?? 0,
};
const RECORDED_HEADERS: Array<[string, string]> = [
  ['XroadVnpt-systemid', '000.00.00.H41'],
  ['XroadVnpt-docId', 'abc123'],
  ['XroadVnpt-timestamp', '23112026T105758+0091'],
  ['Content-Type', 'application/json'],
  ['XroadVnpt-Content-Type', 'application/json'],
  ['XroadVnpt-status', 'done'],
  ['XroadVnpt-sign-header-key', 'systemid;docId;timestamp;Content-Type;status'],
  ['XroadVnpt-sign-header', RECORDED.json],
  ['XroadVnpt-hash-header', RECORDED.hash],
  ['User-Agent', AXIS_USER_AGENT],
  ['XroadVnpt-version', AXIS_VERSION],
];
const recordedHeaders = () => new Headers(RECORDED_HEADERS);

const axisSeed = { systems: [...seed.systems, { systemId: '000.00.00.H41', secret: 'testsecret', agencies: [] }] };

let hub: RunningHub;
let vxp: string;
const axis = (systemId: string, secret: string, extra: Partial<Parameters<typeof createAxisClient>[0]> = {}) =>
  createAxisClient({ endpoint: vxp, systemId, secret, ...extra });
const vpcp = () => axis('sys.vpcp', 'secret-vpcp-123');
const qn = () => axis('sys.qn', 'secret-qn-123');
const other = () => axis('sys.other', 'secret-other-123');
const restSender = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
const restR1 = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1 });

let seq = 100;
const nextNumber = () => String(seq++);

/** What the store holds: every assertion of "nothing stored or delivered" compares these. */
async function counts(store: HubStore) {
  const one = async (table: 'documents' | 'deliveries' | 'statuses' | 'agencies') =>
    (await store.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const acked = (
    await store.db
      .selectFrom('deliveries')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('state', '!=', 'pending')
      .executeTakeFirstOrThrow()
  ).n;
  return { documents: await one('documents'), deliveries: await one('deliveries'), statuses: await one('statuses'), agencies: await one('agencies'), acked };
}

async function refused(p: Promise<unknown>, code: string): Promise<ExchangeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExchangeError);
  const err = e as ExchangeError;
  expect(err.code).toBe(code);
  expect(err.status).toBe(200); // the axis answers FAIL with HTTP 200
  expect(err.messages.vi).not.toBe(err.messages.en); // "tiếng Việt / English"
  return err;
}

function statusPackage(code: string, number: string, from = R1): string {
  const pkg: EdxmlStatusPackage = sampleStatusPackage(code);
  pkg.header.from = { organId: from, organName: `Cơ quan ${from}` };
  pkg.header.responseFor = {
    organId: SENDER,
    code: `${number}/VPCP-TTĐT`,
    promulgationDate: '2024/03/12',
    documentId: `${SENDER},2024/03/12,${number}/VPCP-TTĐT`,
  };
  return buildEdxml(pkg);
}

/** A signed request built by hand, then altered by `mutate` before it is sent. */
async function rawCall(
  operation: keyof typeof axisOperations,
  o: { systemId?: string; secret?: string; params?: Array<[string, string]>; body?: string; now?: Date },
  mutate: (headers: Array<[string, string]>) => Array<[string, string]> = (h) => h,
): Promise<{ status: string; ErrorCode: string; ErrorDesc: string; httpStatus: number }> {
  const def = axisOperations[operation];
  const headers = await axisRequestHeaders(o.secret ?? 'secret-vpcp-123', {
    systemId: o.systemId ?? 'sys.vpcp',
    contentType: def.contentType,
    params: o.params ?? [],
    ...(o.now ? { now: o.now } : {}),
  });
  const res = await fetch(`${vxp}/${operation}`, { method: def.method, headers: mutate(headers), ...(o.body !== undefined ? { body: o.body } : {}) });
  return { ...((await res.json()) as { status: string; ErrorCode: string; ErrorDesc: string }), httpStatus: res.status };
}

beforeAll(async () => {
  hub = await startHub({ port: 0, seed: axisSeed });
  vxp = `${hub.url}/vxp`;
});
afterAll(async () => {
  await hub.close();
});

describe('the recorded SDK request', () => {
  it('verifies through the hub verifier (secret testsecret, recorded sign-header and hash)', async () => {
    const caller = await verifyAxisRequest(hub.store, { maxAgeMs: 5 * 60_000, now: () => RECORDED.at + 1000 }, {
      headers: recordedHeaders(),
      body: new TextEncoder().encode('{}'),
      operation: axisOperations.updateStatus,
    });
    expect(caller.systemId).toBe('000.00.00.H41');
    expect(caller.param('docId')).toBe('abc123');
    expect(caller.param('status')).toBe('done');
  });

  it('passes the hub signature check over HTTP (only then is the unknown docId reported)', async () => {
    const at = await startHub({ port: 0, seed: axisSeed, now: () => RECORDED.at + 30_000 });
    try {
      const post = (headers: Headers) => fetch(`${at.url}/vxp/updateStatus`, { method: 'POST', headers, body: '{}' }).then((r) => r.json());
      expect(await post(recordedHeaders())).toMatchObject({ status: 'FAIL', ErrorCode: 'NOT_FOUND' });
      const wrong = recordedHeaders();
      wrong.set('XroadVnpt-hash-header', RECORDED.hash.replace(/^0/, '1'));
      expect(await post(wrong)).toMatchObject({ status: 'FAIL', ErrorCode: 'BAD_SIGNATURE' });
    } finally {
      await at.close();
    }
  });

  it('is refused once older than the bound (configurable through AppOptions)', async () => {
    await expect(
      verifyAxisRequest(hub.store, { maxAgeMs: 60_000, now: () => RECORDED.at + 61_000 }, {
        headers: recordedHeaders(),
        body: new Uint8Array(),
        operation: axisOperations.updateStatus,
      }),
    ).rejects.toMatchObject({ body: { code: 'CLOCK_SKEW' } });
  });
});

describe('requests of createAxisClient are in the recorded shape', () => {
  it('sends the SDK headers, order, timestamp, unpadded hash-file and compact sign-header', async () => {
    const captured: Array<{ url: string; method: string; headers: Array<[string, string]>; body: unknown }> = [];
    const fakeFetch: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      captured.push({ url, method: init?.method ?? 'GET', headers: init?.headers as Array<[string, string]>, body: init?.body });
      const body = url.endsWith('/sendEdoc') ? { status: 'OK', ErrorCode: '0', ErrorDesc: 'Success', DocId: 'x1' } : { status: 'OK', ErrorCode: '0', ErrorDesc: 'Success' };
      return Promise.resolve(new Response(JSON.stringify(body)));
    };
    const now = new Date('2026-11-23T03:57:58.091Z');
    const client = createAxisClient({ endpoint: 'http://axis.test/vxp/', systemId: '000.00.00.H41', secret: 'testsecret', fetch: fakeFetch, clock: () => now });
    await client.updateStatus('abc123', 'done');
    const update = captured[0];
    expect(update?.url).toBe('http://axis.test/vxp/updateStatus');
    expect(update?.method).toBe('POST');
    expect(update?.body).toBe('{}');
    // Exactly the recorded request.
    expect(update?.headers).toEqual(RECORDED_HEADERS);
    expect([AXIS_VERSION, AXIS_USER_AGENT]).toEqual(['3.0.201608', 'JAVASDKAgent/1.0.0 XRoad/VPCP']);

    // sendEdoc: octet-stream body, hash-file without zero padding (a body whose digest has a byte below 0x10).
    let body = '';
    let digestHasSmallByte = false;
    for (let i = 0; !digestHasSmallByte; i++) {
      body = `<edXML>${i}</edXML>`;
      const full = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
      digestHasSmallByte = [...full].some((b) => b < 0x10);
    }
    await client.sendEdoc(body, { from: '000.00.00.H41' });
    const send = captured[1];
    const h = new Map(send?.headers ?? []);
    const padded = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))).toString('hex');
    expect(h.get('XroadVnpt-hash-file')).toBe(await axisHashFile(body));
    expect(h.get('XroadVnpt-hash-file')?.length).toBeLessThan(padded.length);
    expect(h.get('Content-Type')).toBe('application/octet-stream');
    expect(h.get('XroadVnpt-sign-header-key')).toBe('systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type');
    expect(h.get('XroadVnpt-timestamp')).toMatch(/^\d{8}T\d{6}\+\d{4}$/);
    expect(h.get('XroadVnpt-sign-header')).toBe(
      `{"XroadVnpt-systemid":"000.00.00.H41","XroadVnpt-servicetype":"eDoc","XroadVnpt-messagetype":"edoc","XroadVnpt-hash-file":"${await axisHashFile(body)}","XroadVnpt-from":"000.00.00.H41","XroadVnpt-timestamp":"23112026T105758+0091","XroadVnpt-Content-Type":"application/octet-stream"}`,
    );
    expect(send?.body).toEqual(new TextEncoder().encode(body));

    // The count operations are GET without a body; User-Agent can be left to the browser.
    const quiet = createAxisClient({ endpoint: 'http://axis.test/vxp', systemId: 's', secret: 'k', fetch: fakeFetch, userAgent: false });
    await quiet.countReceiveEdoc().catch(() => undefined);
    const count = captured[2];
    expect(count?.method).toBe('GET');
    expect(count?.body).toBeUndefined();
    expect((count?.headers ?? []).some(([k]) => k === 'User-Agent')).toBe(false);
    expect(formatAxisTimestamp(now)).toBe('23112026T105758+0091');
  });
});

describe('every operation through createAxisClient against the hub', () => {
  it('sendEdoc routes to every To organisation, getSentEdocList reports each recipient', async () => {
    const number = nextNumber();
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [R1, OTHER], number }), { from: SENDER });
    expect(docId).toMatch(/^[0-9a-f]{24}$/);
    const sent = await vpcp().getSentEdocList({ docId });
    expect(sent.map((s) => [s.toCode, s.receiveStatus])).toEqual([
      [R1, 'pending'],
      [OTHER, 'pending'],
    ]);
    expect(sent[0]).toMatchObject({ senderDocId: docId, fromCode: SENDER, notation: `${number}/VPCP-TTĐT`, messageType: 'edoc', sendStatus: 'done' });
    await other().updateStatus(docId, 'done');
    const after = await vpcp().getSentEdocList({ docId, messagetype: 'edoc' });
    expect(after.find((s) => s.toCode === OTHER)).toMatchObject({ receiveStatus: 'done' });
    expect(after.find((s) => s.toCode === OTHER)?.receivedTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('getReceivedEdocList, countReceiveEdoc, getEdoc and updateStatus done / fail / processing', async () => {
    const start = await qn().countReceiveEdoc();
    const pkg = documentPackage({ to: [R1], number: nextNumber() });
    const { docId } = await vpcp().sendEdoc(pkg, { from: SENDER });
    expect(await qn().countReceiveEdoc()).toBe(start + 1);
    const pending = await qn().getReceivedEdocList({ messagetype: 'edoc' });
    const item = pending.find((p) => p.docId === docId);
    expect(item).toMatchObject({ from: SENDER, to: R1, messageType: 'edoc', serviceType: 'eDoc', status: 'pending' });
    expect(item?.created_time).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(new TextDecoder().decode(await qn().getEdoc(docId))).toBe(pkg);

    await qn().updateStatus(docId, 'processing');
    expect((await qn().getReceivedEdocList()).find((p) => p.docId === docId)?.status).toBe('processing');
    await qn().updateStatus(docId, 'fail', { description: 'edXML signature invalid' });
    const failed = (await qn().getReceivedEdocList()).find((p) => p.docId === docId);
    expect(failed?.status).toBe('fail'); // still pending, with the reason
    expect(failed?.status_desc).toContain('edXML signature invalid');
    const row = await hub.store.db.selectFrom('deliveries').selectAll().where('document_id', '=', docId).executeTakeFirstOrThrow();
    expect(row.ack_reason).toBe('edXML signature invalid');
    await qn().updateStatus(docId, 'done');
    expect((await qn().getReceivedEdocList()).some((p) => p.docId === docId)).toBe(false);
    expect(await qn().countReceiveEdoc()).toBe(start);
    // Someone else's message is not found, and neither can be acknowledged.
    await refused(other().getEdoc(docId), 'NOT_FOUND');
    await refused(other().updateStatus(docId, 'done'), 'NOT_FOUND');
  });

  it('getReceivedEdocList filters by fromDate / toDate (dd/MM/yyyy HH:mm:ss, Việt Nam time)', async () => {
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [R2], number: nextNumber() }), { from: SENDER });
    const inWindow = await qn().getReceivedEdocList({ fromDate: new Date(Date.now() - 60_000), toDate: new Date(Date.now() + 60_000) });
    expect(inWindow.some((p) => p.docId === docId)).toBe(true);
    const before = await qn().getReceivedEdocList({ toDate: new Date(Date.now() - 3_600_000) });
    expect(before.some((p) => p.docId === docId)).toBe(false);
    await refused(qn().getReceivedEdocList({ fromDate: '2026-01-01' }), 'VALIDATION_FAILED');
    await qn().updateStatus(docId, 'done');
  });

  it('getAgenciesList, getAgenciesListQD20, registerAgency, deleteAgency', async () => {
    const list = await qn().getAgenciesList();
    expect(list.find((a) => a.code === R1)).toMatchObject({ id: R1, name: 'Ủy ban nhân dân tỉnh Quảng Ninh', mail: 'vanthu@quangninh.gov.vn' });
    const qd20 = await qn().getAgenciesListQD20({ level: '1' });
    expect(qd20.find((a) => a.code === R2)?.code102).toBe(R2);

    const code = '000.00.01.H49';
    await qn().registerAgency({ id: 1, pcode: R1, code, name: 'Sở Nội vụ tỉnh Quảng Ninh', mail: 'snv@quangninh.gov.vn', mobile: '', fax: '' });
    expect((await vpcp().getAgenciesList()).find((a) => a.code === code)).toMatchObject({ pid: R1, mail: 'snv@quangninh.gov.vn' });
    expect((await hub.store.system('sys.qn'))?.agencies.has(code)).toBe(true);
    // Another system may neither take it over nor delete it.
    await refused(vpcp().registerAgency({ code, name: 'X', mail: 'x@y.vn' }), 'FORBIDDEN');
    await refused(vpcp().deleteAgency(code), 'FORBIDDEN');
    await qn().deleteAgency(code);
    expect((await vpcp().getAgenciesList()).some((a) => a.code === code)).toBe(false);
    await refused(qn().deleteAgency(code), 'NOT_FOUND');
    await refused(qn().registerAgency({ code, name: 'Sở Nội vụ' }), 'VALIDATION_FAILED'); // no mail
  });

  it('the full receive loop: list → getEdoc → done → status 01 → the sender collects it', async () => {
    const number = nextNumber();
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [R1], number }), { from: SENDER });
    const receiver = qn();
    for (const item of await receiver.getReceivedEdocList({ messagetype: 'edoc' })) {
      const bytes = await receiver.getEdoc(item.docId);
      const parsed = await parseEdxml(bytes);
      expect(parsed.ok).toBe(true);
      await receiver.updateStatus(item.docId, 'done');
    }
    expect(await receiver.countReceiveEdoc()).toBe(0);
    const statusCountBefore = await vpcp().countReceiveStatus();
    const status = statusPackage('01', number);
    const sentStatus = await receiver.sendStatus(status, { from: R1 });
    expect(await vpcp().countReceiveStatus()).toBe(statusCountBefore + 1);
    const statuses = await vpcp().getReceivedEdocList({ messagetype: 'status' });
    const mine = statuses.find((s) => s.docId === sentStatus.docId);
    expect(mine).toMatchObject({ messageType: 'status', from: R1, to: SENDER });
    // The sender gets the very package the receiver sent.
    expect(new TextDecoder().decode(await vpcp().getEdoc(sentStatus.docId))).toBe(status);
    await vpcp().updateStatus(sentStatus.docId, 'done');
    // Recorded against the original: the REST trace shows it, in order with later statuses.
    const trace = await restSender().getTrace(docId);
    expect(trace.recipients[0]?.statuses.map((s) => s.code)).toEqual(['01']);
    await receiver.sendStatus(statusPackage('03', number), { from: R1 });
    // The same status again is a duplicate (the same DocId); 02 (rejected) may follow 03; nothing goes back after it.
    expect((await receiver.sendStatus(statusPackage('01', number), { from: R1 })).docId).toBe(sentStatus.docId);
    await receiver.sendStatus(statusPackage('02', number), { from: R1 });
    const before = await counts(hub.store);
    await refused(receiver.sendStatus(statusPackage('04', number), { from: R1 }), 'STATUS_OUT_OF_ORDER');
    expect(await counts(hub.store)).toEqual(before);
    expect((await restSender().getTrace(docId)).recipients[0]?.statuses.map((s) => s.code)).toEqual(['01', '03', '02']);
  });
});

describe('requests as SDK-based systems send them', () => {
  it('accepts leftover parameters of earlier calls (the SDK reuses its map), filePath and an empty JSON argument', async () => {
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [R2], number: nextNumber() }), { from: SENDER });
    // getEdoc after a getReceivedEdocList on the same KnobstickServiceImp: servicetype and messagetype stay in the map.
    const r = await rawCall('getEdoc', {
      systemId: 'sys.qn',
      secret: 'secret-qn-123',
      params: [['servicetype', 'eDoc'], ['messagetype', 'edoc'], ['docId', docId], ['filePath', 'C:/vxp/inbox']],
      body: '{}',
    });
    expect(r).toMatchObject({ status: 'OK', ErrorCode: '0' });
    expect(Buffer.from((r as unknown as { data: string }).data, 'base64').toString('utf8')).toContain('<edXML:edXMLEnvelope');
    // knobstickServiceImp.getReceivedEdocList("{}"): no messagetype, documents are listed.
    const list = await rawCall('getReceivedEdocList', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    expect((list as unknown as { data: Array<{ docId: string }> }).data.some((d) => d.docId === docId)).toBe(true);
    await qn().updateStatus(docId, 'done');
  });

  it('answers the CORS preflight of a browser on /vxp', async () => {
    const res = await fetch(`${vxp}/getReceivedEdocList`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example.gov.vn',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'xroadvnpt-systemid,xroadvnpt-sign-header,content-type',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('xroadvnpt-sign-header');
  });
});

describe('one store for /v1 and /vxp', () => {
  it('a document sent through /v1 is received through /vxp', async () => {
    const sent = await restSender().sendDocument({ edxml: documentPackage({ to: [R1], number: nextNumber() }) });
    const pending = await qn().getReceivedEdocList();
    expect(pending.some((p) => p.docId === sent.documentId)).toBe(true);
    await qn().updateStatus(sent.documentId, 'done');
    const trace = await restSender().getTrace(sent.documentId);
    expect(trace.recipients[0]?.state).toBe('done');
  });

  it('a document sent through /vxp is received through /v1, and its REST status reaches /vxp', async () => {
    const number = nextNumber();
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [R1], number }), { from: SENDER });
    const inbox = await restR1().listInbox({ state: 'pending' });
    expect(inbox.items.some((i) => i.documentId === docId)).toBe(true);
    await restR1().acknowledge(docId, { result: 'done' });
    await restR1().updateStatus(docId, { code: '01' });
    const statuses = await vpcp().getReceivedEdocList({ messagetype: 'status' });
    const st = statuses.find((s) => s.from === R1 && s.to === SENDER && s.notation === `${number}/VPCP-TTĐT`);
    expect(st).toBeDefined();
    const parsed = await parseEdxml(await vpcp().getEdoc(st?.docId ?? ''));
    expect(parsed.ok && parsed.value.kind === 'status' ? parsed.value.header.statusCode : undefined).toBe('01');
  });
});

describe('refusals: FAIL envelope, nothing stored or delivered', () => {
  const send = (number: string) => ({ pkg: documentPackage({ to: [R1], number }) });

  it('wrong secret, unknown system: the same answer', async () => {
    const before = await counts(hub.store);
    const { pkg } = send(nextNumber());
    const wrong = await refused(axis('sys.vpcp', 'not-the-secret').sendEdoc(pkg, { from: SENDER }), 'BAD_SIGNATURE');
    const unknown = await refused(axis('sys.nobody', 'secret-vpcp-123').sendEdoc(pkg, { from: SENDER }), 'BAD_SIGNATURE');
    expect(unknown.messages).toEqual(wrong.messages);
    expect(await counts(hub.store)).toEqual(before);
  });

  it('stale or future timestamp', async () => {
    const before = await counts(hub.store);
    const { pkg } = send(nextNumber());
    const stale = await refused(axis('sys.vpcp', 'secret-vpcp-123', { clock: () => new Date(Date.now() - 6 * 60_000) }).sendEdoc(pkg, { from: SENDER }), 'CLOCK_SKEW');
    expect(stale.messages.vi).toContain('giờ Việt Nam');
    await refused(axis('sys.vpcp', 'secret-vpcp-123', { clock: () => new Date(Date.now() + 6 * 60_000) }).sendEdoc(pkg, { from: SENDER }), 'CLOCK_SKEW');
    const r = await rawCall('countReceiveEdoc', {}, (h) => h.map(([k, v]) => [k, k === 'XroadVnpt-timestamp' ? '2026-11-23T10:57:58Z' : v]));
    expect(r).toMatchObject({ status: 'FAIL', httpStatus: 200 }); // sign-header no longer matches the header
    expect(await counts(hub.store)).toEqual(before);
  });

  it('tampered body (hash-file), tampered hash-file (signature)', async () => {
    const before = await counts(hub.store);
    const { pkg } = send(nextNumber());
    const params: Array<[string, string]> = [
      ['from', SENDER],
      ['servicetype', 'eDoc'],
      ['messagetype', 'edoc'],
      ['hash-file', await axisHashFile(pkg)],
    ];
    const tampered = await rawCall('sendEdoc', { params, body: pkg.replace('V/v', 'V/V') });
    expect(tampered).toMatchObject({ status: 'FAIL', ErrorCode: 'BAD_SIGNATURE', httpStatus: 200 });
    expect(tampered.ErrorDesc).toContain('hash-file');
    const reHashed = await rawCall('sendEdoc', { params, body: pkg.replace('V/v', 'V/V') }, (h) =>
      h.map(([k, v]) => [k, k === 'XroadVnpt-hash-file' ? '0' + v.slice(1) : v]),
    );
    expect(reHashed).toMatchObject({ status: 'FAIL', ErrorCode: 'BAD_SIGNATURE' });
    expect(await counts(hub.store)).toEqual(before);
    // The same request untouched goes through; so does the SDK's trailing CRLF after the file (stored without it).
    const sent = await rawCall('sendEdoc', { params, body: pkg + '\r\n' });
    expect(sent).toMatchObject({ status: 'OK', ErrorCode: '0' });
    const stored = await hub.store.db.selectFrom('documents').select('edxml').where('id', '=', (sent as unknown as { DocId: string }).DocId).executeTakeFirstOrThrow();
    expect(new TextDecoder().decode(stored.edxml)).toBe(pkg);
  });

  it('sign-header not matching the headers or sign-header-key, unsigned or missing headers', async () => {
    const before = await counts(hub.store);
    const cases: Array<(h: Array<[string, string]>) => Array<[string, string]>> = [
      // a header value changed after signing
      (h) => h.map(([k, v]) => [k, k === 'XroadVnpt-status' ? 'fail' : v]),
      // sign-header-key in another order
      (h) => h.map(([k, v]) => [k, k === 'XroadVnpt-sign-header-key' ? v.split(';').reverse().join(';') : v]),
      // an extra parameter that is not signed
      (h) => [...h, ['XroadVnpt-docId2', 'x']],
      // a required header missing
      (h) => h.filter(([k]) => k !== 'XroadVnpt-version'),
      // not JSON
      (h) => h.map(([k, v]) => [k, k === 'XroadVnpt-sign-header' ? v.slice(1) : v]),
    ];
    const codes: string[] = [];
    for (const mutate of cases) {
      const r = await rawCall('updateStatus', { systemId: 'sys.qn', secret: 'secret-qn-123', params: [['docId', 'none'], ['status', 'done']], body: '{}' }, mutate);
      expect(r.status).toBe('FAIL');
      expect(r.ErrorDesc).toMatch(/ \/ /);
      codes.push(r.ErrorCode);
    }
    expect(codes).toEqual(['BAD_SIGNATURE', 'BAD_SIGNATURE', 'BAD_SIGNATURE', 'UNAUTHENTICATED', 'BAD_SIGNATURE']);
    expect(await counts(hub.store)).toEqual(before);
  });

  it('a document whose From is not an agency of the calling system', async () => {
    const before = await counts(hub.store);
    const { pkg } = send(nextNumber());
    // `from` names another system's agency …
    const e = await refused(qn().sendEdoc(pkg, { from: SENDER }), 'SENDER_MISMATCH');
    expect(e.messages.en).toContain('sys.qn');
    // … or names its own agency while the package's From is someone else's.
    await refused(qn().sendEdoc(pkg, { from: R1 }), 'SENDER_MISMATCH');
    // A status package whose From is another system's agency.
    await refused(other().sendStatus(statusPackage('01', '16'), { from: OTHER }), 'SENDER_MISMATCH');
    expect(await counts(hub.store)).toEqual(before);
  });

  it('unknown recipients are reported and nothing is delivered; bad parameters are explained', async () => {
    const before = await counts(hub.store);
    const e = await refused(vpcp().sendEdoc(documentPackage({ to: [R1, '999.99.99.Z99'], number: nextNumber() }), { from: SENDER }), 'UNKNOWN_RECIPIENT');
    expect(e.messages.vi).toContain('999.99.99.Z99');
    await refused(qn().updateStatus('whatever', 'finished' as 'done'), 'VALIDATION_FAILED');
    await refused(qn().sendStatus(statusPackage('01', '987654'), { from: R1 }), 'NOT_FOUND'); // no such original
    await refused(vpcp().sendStatus(documentPackage({ to: [R1], number: nextNumber() }), { from: SENDER }), 'INVALID_EDXML');
    const unknownOp = await fetch(`${vxp}/noSuchOperation`, { method: 'POST' });
    expect(unknownOp.status).toBe(200);
    expect(await unknownOp.json()).toMatchObject({ status: 'FAIL', ErrorCode: 'NOT_FOUND' });
    expect(await counts(hub.store)).toEqual(before);
  });
});
