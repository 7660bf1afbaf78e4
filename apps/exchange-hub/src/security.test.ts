// Regression tests for the findings of issue 22 (a red-team of the hub over HTTP) and the /vxp interoperability of
// issue 17: each attack is replayed against a real hub (fresh PGlite, random port) and must now be refused.
import { attachmentFromBytes, buildEdxml } from '@egov-vn/edxml';
import { sampleDocumentPackage } from '@egov-vn/edxml/testing';
import { axisHashFile, axisOperations, formatAxisTimestamp, axisRequestHeaders, type AxisOperation, signRequest } from '@egov-vn/exchange-api';
import { createAxisClient, ExchangeClient, ExchangeError } from '@egov-vn/exchange-client';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import { sql } from 'kysely';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { configFromEnv } from './config.js';
import { type RunningHub, startHub } from './server.js';
import { documentPackage, R1, R2, seed, SENDER } from './test-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, '../../../packages/edxml/fixtures/axis');
const officialSample = readFileSync(join(fixtures, 'official-sdk-sample.edxml'), 'utf8');
const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 40);
const OPERATOR = 'operator-token-0123456789';
const LIMIT = 256 * 1024; // maxPackageBytes of this hub: bodies over ~370 KiB are refused

const securitySeed = {
  systems: [
    ...seed.systems,
    { systemId: 'sys.vn', secret: 'secret-vn-1234', timeZone: 'Asia/Ho_Chi_Minh' as const, agencies: [] },
    { systemId: 'sys.utc', secret: 'secret-utc-1234', timeZone: 'UTC' as const, agencies: [] },
  ],
};

let hub: RunningHub;
let vxp: string;
const axis = (systemId: string, secret: string, clock?: () => Date) => createAxisClient({ endpoint: vxp, systemId, secret, ...(clock ? { clock } : {}) });
const vpcp = () => axis('sys.vpcp', 'secret-vpcp-123');
const qn = () => axis('sys.qn', 'secret-qn-123');
const restSender = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
const restR1 = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1 });
/** A UTC wall clock written as the SDK in a UTC JVM writes it (formatAxisTimestamp writes Việt Nam time). */
const utcJvm = () => new Date(Date.now() - 7 * 3_600_000);

let seq = 500;
const nextNumber = () => String(seq++);

type Envelope = { status: string; ErrorCode: string; ErrorDesc: string } & Record<string, unknown>;

async function axisHeaders(operation: AxisOperation, o: { systemId?: string; secret?: string; params?: Array<[string, string]>; now?: Date } = {}) {
  return axisRequestHeaders(o.secret ?? 'secret-vpcp-123', {
    systemId: o.systemId ?? 'sys.vpcp',
    contentType: axisOperations[operation].contentType,
    params: o.params ?? [],
    ...(o.now ? { now: o.now } : {}),
  });
}

async function post(operation: string, headers: Array<[string, string]> | Record<string, string>, body?: string | Uint8Array, method?: string) {
  const def = axisOperations[operation as AxisOperation] as { method: string } | undefined;
  const res = await fetch(`${vxp}/${operation}`, { method: method ?? def?.method ?? 'POST', headers, ...(body !== undefined ? { body: body as BodyInit } : {}) });
  const text = await res.text();
  return { res, text, json: JSON.parse(text) as Envelope };
}

async function refused(p: Promise<unknown>, code: string): Promise<ExchangeError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExchangeError);
  expect((e as ExchangeError).code).toBe(code);
  return e as ExchangeError;
}

const count = async (table: 'documents' | 'agencies' | 'deliveries') =>
  (await hub.store.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  hub = await startHub({ port: 0, seed: securitySeed, operatorToken: OPERATOR, maxPackageBytes: LIMIT });
  vxp = `${hub.url}/vxp`;
});
afterAll(async () => {
  await hub.close();
});

describe('HUB_SEED (issue 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const json = JSON.stringify({ systems: [{ systemId: 'sys.file', secret: 'secret-file-123', timeZone: 'UTC', agencies: [{ code: R1, name: 'UBND' }] }] });

  it('reads inline JSON and a JSON file, and warns about a world-readable seed file only', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(configFromEnv({ HUB_SEED: json }, warn).seed?.systems[0]?.systemId).toBe('sys.file');
    const file = join(dir, 'seed.json');
    writeFileSync(file, json);
    chmodSync(file, 0o600);
    const fromFile = configFromEnv({ HUB_SEED: file }, warn);
    expect(fromFile.seed?.systems[0]).toMatchObject({ systemId: 'sys.file', timeZone: 'UTC' });
    expect(warnings).toEqual([]);
    chmodSync(file, 0o644);
    expect(configFromEnv({ HUB_SEED: file }, warn).seed?.systems[0]?.systemId).toBe('sys.file');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('world-readable');
    expect(warnings[0]).toContain(file);
  });

  it('names a missing seed file and refuses a bad timeZone', () => {
    expect(() => configFromEnv({ HUB_SEED: join(dir, 'nope.json') }, () => undefined)).toThrow(/ENOENT/);
    expect(() => configFromEnv({ HUB_SEED: json.replace('"UTC"', '"Europe/Paris"') }, () => undefined)).toThrow(/HUB_SEED/);
  });
});

describe('/vxp answers the SDK can read (issue 17)', () => {
  it('accepts the Việt Nam and the UTC reading of XroadVnpt-timestamp, each within the window, as the system allows', async () => {
    expect(await axis('sys.vpcp', 'secret-vpcp-123', utcJvm).countReceiveEdoc()).toBeGreaterThanOrEqual(0);
    expect(await vpcp().countReceiveEdoc()).toBeGreaterThanOrEqual(0);
    // A UTC JVM is refused for a system declared in Việt Nam time, and the other way round.
    await refused(axis('sys.vn', 'secret-vn-1234', utcJvm).countReceiveEdoc(), 'CLOCK_SKEW');
    expect(await axis('sys.vn', 'secret-vn-1234').countReceiveEdoc()).toBe(0);
    await refused(axis('sys.utc', 'secret-utc-1234').countReceiveEdoc(), 'CLOCK_SKEW');
    expect(await axis('sys.utc', 'secret-utc-1234', utcJvm).countReceiveEdoc()).toBe(0);
    // Outside the window under both readings.
    await refused(axis('sys.vpcp', 'secret-vpcp-123', () => new Date(Date.now() - 20 * 60_000)).countReceiveEdoc(), 'CLOCK_SKEW');
    await refused(axis('sys.vpcp', 'secret-vpcp-123', () => new Date(Date.now() - 7 * 3_600_000 - 20 * 60_000)).countReceiveEdoc(), 'CLOCK_SKEW');
  });

  it('writes every non-ASCII character as \\uXXXX, and the FAIL answer of each operation carries what the SDK reads', async () => {
    const required: Record<string, string[]> = { sendEdoc: ['DocId'], getEdoc: ['data'], countReceiveEdoc: ['count'], countReceiveStatus: ['count'] };
    for (const operation of Object.keys(axisOperations) as AxisOperation[]) {
      const { res, text, json } = await post(operation, await axisHeaders(operation, { secret: 'wrong-secret' }), axisOperations[operation].method === 'GET' ? undefined : '{}');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Buffer.byteLength(text, 'utf8')).toBe(text.length); // ASCII only: one byte per character
      expect(text).toContain('\\u1eef'); // "Chữ ký" escaped
      expect(json).toMatchObject({ status: 'FAIL', ErrorCode: 'BAD_SIGNATURE' });
      expect(json.ErrorDesc).toContain('Chữ ký');
      for (const field of ['status', 'ErrorCode', 'ErrorDesc', ...(required[operation] ?? [])]) expect(json, `${operation}.${field}`).toHaveProperty(field);
    }
    const send = await post('sendEdoc', await axisHeaders('sendEdoc', { secret: 'wrong-secret', params: [['from', SENDER], ['hash-file', 'x']] }), '<edXML/>');
    expect(send.json.DocId).toBe('');
  });
});

describe('/vxp accepts what the axis accepts; warnings travel with the delivery (issue 17)', () => {
  it('delivers the official SDK sample with its warnings, seen by the receiver on /vxp and /v1', async () => {
    const before = await count('documents');
    const sent = await vpcp().sendEdoc(officialSample, { from: SENDER });
    const stored = await hub.store.db.selectFrom('documents').select(['warnings', 'edxml']).where('id', '=', sent.docId).executeTakeFirstOrThrow();
    expect(new TextDecoder().decode(stored.edxml)).toBe(officialSample);
    const codes = [...new Set(stored.warnings.map((w) => w.code))].sort();
    expect(codes).toEqual(['EDXML_SIGNATURE_NOT_XMLDSIG', 'EDXML_UNDECLARED_PREFIX']);
    expect(stored.warnings[0]?.message.vi).not.toBe(stored.warnings[0]?.message.en);
    // The receiver, on /vxp: list and fetch.
    const item = (await qn().getReceivedEdocList({ messagetype: 'edoc' })).find((i) => i.docId === sent.docId) as Record<string, unknown> | undefined;
    expect((item?.warnings as Array<{ code: string }> | undefined)?.map((w) => w.code)).toEqual(stored.warnings.map((w) => w.code));
    const fetched = await post('getEdoc', await axisHeaders('getEdoc', { systemId: 'sys.qn', secret: 'secret-qn-123', params: [['docId', sent.docId]] }), '{}');
    expect((fetched.json.warnings as unknown[]).length).toBe(stored.warnings.length);
    // … and on /v1: the inbox item and the document.
    const inbox = await restR1().listInbox({ state: 'all', limit: 100 });
    const mine = inbox.items.find((i) => i.documentId === sent.docId);
    expect(mine?.warnings?.map((w) => w.code)).toEqual(stored.warnings.map((w) => w.code));
    expect(await count('documents')).toBe(before + 1);
  });

  it('takes the sender from the authenticated request when From/OrganId holds a system id or "null" (axis profile)', async () => {
    const systemIdFrom = readFileSync(join(fixtures, 'organ-id-system.edxml'), 'utf8').replace('<edXML:OrganId>vxp.saas.02</edXML:OrganId>', `<edXML:OrganId>${R1}</edXML:OrganId>`);
    expect(systemIdFrom).toContain('<edXML:OrganId>vxp.saas.03</edXML:OrganId>');
    const sent = await vpcp().sendEdoc(systemIdFrom, { from: SENDER });
    const stored = await hub.store.db.selectFrom('documents').select(['warnings', 'sender']).where('id', '=', sent.docId).executeTakeFirstOrThrow();
    expect(stored.sender).toBe(SENDER);
    expect(stored.warnings.map((w) => w.code)).toContain('EDXML_ORGAN_ID_SYSTEM');
    expect((await qn().getReceivedEdocList({ messagetype: 'edoc' })).some((i) => i.docId === sent.docId)).toBe(true);
    // The text "null" as the sender's OrganId: the same rule.
    const nullFrom = systemIdFrom.replace('<edXML:OrganId>vxp.saas.03</edXML:OrganId>', '<edXML:OrganId>null</edXML:OrganId>');
    const sentNull = await vpcp().sendEdoc(nullFrom, { from: SENDER });
    expect((await qn().getReceivedEdocList({ messagetype: 'edoc' })).some((i) => i.docId === sentNull.docId)).toBe(true);
    // A full agency code that is not the authenticated sender is still refused, and /v1 (strict) refuses the system id.
    const otherAgency = systemIdFrom.replace('<edXML:OrganId>vxp.saas.03</edXML:OrganId>', `<edXML:OrganId>${R2}</edXML:OrganId>`);
    await refused(vpcp().sendEdoc(otherAgency, { from: SENDER }), 'SENDER_MISMATCH');
    await refused(restSender().sendDocument({ edxml: systemIdFrom.replace('>16<', '>19<') }), 'INVALID_EDXML');
  });

  it('/v1 keeps validating strictly, and HUB_STRICT=1 makes /vxp refuse the same package', async () => {
    await refused(restSender().sendDocument({ edxml: officialSample.replace('>16<', '>17<') }), 'INVALID_EDXML');
    const strict = serve({ fetch: createApp(hub.store, { strict: true }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => strict.once('listening', r));
    try {
      const url = `http://127.0.0.1:${(strict.address() as AddressInfo).port}/vxp`;
      const client = createAxisClient({ endpoint: url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
      const e = await refused(client.sendEdoc(officialSample.replace('>16<', '>18<'), { from: SENDER }), 'INVALID_EDXML');
      expect(e.messages.en).toMatch(/prefix|namespace|Signature/i);
    } finally {
      await new Promise((r) => strict.close(r));
    }
  });
});

describe('/vxp header sets bound to one operation and body (issue 22)', () => {
  it('refuses headers captured from one call on another operation, accepts a retry of the same call', async () => {
    const captured = await axisHeaders('countReceiveEdoc');
    expect((await post('countReceiveEdoc', captured)).json.status).toBe('OK');
    expect((await post('countReceiveEdoc', captured)).json.status).toBe('OK'); // a retry: same operation, same body
    for (const other of ['getSentEdocList', 'getReceivedEdocList', 'countReceiveStatus', 'getAgenciesList'] as const) {
      const r = await post(other, captured, axisOperations[other].method === 'GET' ? undefined : '{}');
      expect({ other, ...r.json }).toMatchObject({ other, status: 'FAIL', ErrorCode: 'REPLAYED_REQUEST' });
    }
    // Headers of a list call replayed as another list call with the same parameters.
    const list = await axisHeaders('getReceivedEdocList', { params: [['servicetype', 'eDoc'], ['messagetype', 'edoc']] });
    expect((await post('getReceivedEdocList', list)).json.status).toBe('OK');
    expect((await post('getSentEdocList', list, '{}')).json).toMatchObject({ ErrorCode: 'REPLAYED_REQUEST' });
  });

  it('refuses a signed messagetype or servicetype that does not match the operation', async () => {
    const status = await axisHeaders('countReceiveEdoc', { params: [['messagetype', 'status']] });
    expect((await post('countReceiveEdoc', status)).json).toMatchObject({ status: 'FAIL', ErrorCode: 'VALIDATION_FAILED' });
    const service = await axisHeaders('getReceivedEdocList', { params: [['servicetype', 'other']] });
    expect((await post('getReceivedEdocList', service)).json).toMatchObject({ status: 'FAIL', ErrorCode: 'VALIDATION_FAILED' });
  });

  it('makes registerAgency an operator action unless the body is signed, and binds the body to its header set', async () => {
    const agencies = await count('agencies');
    const body = JSON.stringify({ code: '000.00.09.H49', name: 'Sở Xây dựng', mail: 'sxd@quangninh.gov.vn' });
    // Headers of getAgenciesList (captured) with a registerAgency body: refused.
    const captured = await axisHeaders('getAgenciesList', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    expect((await post('getAgenciesList', captured, '{}')).json.status).toBe('OK');
    expect((await post('registerAgency', captured, body)).json).toMatchObject({ status: 'FAIL', ErrorCode: 'REPLAYED_REQUEST' });
    // Fresh headers but the body not signed: only the operator may.
    const unsigned = await axisHeaders('registerAgency', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    expect((await post('registerAgency', unsigned, body)).json).toMatchObject({ status: 'FAIL', ErrorCode: 'FORBIDDEN' });
    expect(await count('agencies')).toBe(agencies);
    const asOperator = await axisHeaders('registerAgency', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    const wrongToken = await post('registerAgency', [...asOperator, ['authorization', 'Bearer not-the-token-0000']], body);
    expect(wrongToken.json).toMatchObject({ ErrorCode: 'FORBIDDEN' });
    const asOperator2 = await axisHeaders('registerAgency', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    expect((await post('registerAgency', [...asOperator2, ['authorization', `Bearer ${OPERATOR}`]], body)).json.status).toBe('OK');
    // The same (operator) header set with another body: refused.
    const other = body.replace('Sở Xây dựng', 'Kẻ gian');
    expect((await post('registerAgency', [...asOperator2, ['authorization', `Bearer ${OPERATOR}`]], other)).json).toMatchObject({ ErrorCode: 'REPLAYED_REQUEST' });
    // The client signs every field of the body (as the SDK's registerAgency(json, json)): accepted without a token.
    await qn().registerAgency({ code: '000.00.08.H49', name: 'Sở Y tế', mail: 'syt@quangninh.gov.vn' });
    expect(await count('agencies')).toBe(agencies + 2);
    const row = await hub.store.db.selectFrom('agencies').select('name').where('code', '=', '000.00.09.H49').executeTakeFirstOrThrow();
    expect(row.name).toBe('Sở Xây dựng');
  });

  it('keeps used header sets in the database (a second hub on the same store refuses them for another operation)', async () => {
    const captured = await axisHeaders('countReceiveStatus');
    expect((await post('countReceiveStatus', captured)).json.status).toBe('OK');
    const twin = serve({ fetch: createApp(hub.store, {}).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => twin.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(twin.address() as AddressInfo).port}/vxp/countReceiveEdoc`, { headers: captured });
      expect(await res.json()).toMatchObject({ ErrorCode: 'REPLAYED_REQUEST' });
    } finally {
      await new Promise((r) => twin.close(r));
    }
  });
});

/** Streams `total` bytes chunked (no Content-Length) and reports how many were written before the answer came. */
function chunkedUpload(url: string, headers: Record<string, string>, total: number): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolvePromise, reject) => {
    const u = new URL(url);
    let written = 0;
    let answered = false;
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolvePromise({ status: res.statusCode ?? 0, body, written });
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('bodies: authenticated first, counted while streaming (issue 22)', () => {
  const TOTAL = 64 * 1024 * 1024;
  it('refuses an unauthenticated chunked upload before reading it', async () => {
    const r = await chunkedUpload(`${hub.url}/v1/documents`, { 'content-type': 'application/json' }, TOTAL);
    expect(r.status).toBe(401);
    expect(r.written).toBeLessThan(TOTAL / 4);
  });

  it('stops a signed chunked upload at the limit with 413 (/v1) and PAYLOAD_TOO_LARGE (/vxp); memory stays bounded', async () => {
    const rss = process.memoryUsage().rss;
    const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', body: 'x' });
    const v1 = await chunkedUpload(`${hub.url}/v1/documents`, { ...headers, 'content-type': 'application/json' }, TOTAL);
    expect(v1.status).toBe(413);
    expect(JSON.parse(v1.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(v1.written).toBeLessThan(TOTAL / 4);
    const axisH = Object.fromEntries(await axisHeaders('sendEdoc', { params: [['from', SENDER], ['hash-file', 'abc']] }));
    const ax = await chunkedUpload(`${vxp}/sendEdoc`, axisH, TOTAL);
    expect(ax.status).toBe(200);
    expect(JSON.parse(ax.body)).toMatchObject({ status: 'FAIL', ErrorCode: 'PAYLOAD_TOO_LARGE', DocId: '' });
    expect(ax.written).toBeLessThan(TOTAL / 4);
    expect(process.memoryUsage().rss - rss).toBeLessThan(48 * 1024 * 1024);
  });
});

describe('concurrency bounded per system (issue 22)', () => {
  it('answers 429 with Retry-After to a system over its in-flight bound while other systems are served', async () => {
    const limited = serve({ fetch: createApp(hub.store, { maxInFlightPerSystem: 1, queuePerSystem: 0 }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => limited.once('listening', r));
    const base = `http://127.0.0.1:${(limited.address() as AddressInfo).port}`;
    const signedGet = async (systemId: string, secret: string, agency?: string) =>
      fetch(`${base}/v1/agencies`, { headers: await signRequest(secret, { method: 'GET', pathWithQuery: '/v1/agencies', systemId, ...(agency ? { agency } : {}) }) });
    // A slow sender of sys.vpcp holds its one slot (headers authenticated, body still arriving).
    const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', body: 'x' });
    const u = new URL(base);
    const slow = httpRequest({ host: u.hostname, port: u.port, path: '/v1/documents', method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
    slow.on('error', () => undefined);
    slow.write('{"edxml":"');
    try {
      let busy: Response | undefined;
      for (let i = 0; i < 50 && busy?.status !== 429; i++) {
        busy = await signedGet('sys.vpcp', 'secret-vpcp-123');
        if (busy.status !== 429) await new Promise((r) => setTimeout(r, 50));
      }
      expect(busy?.status).toBe(429);
      expect(busy?.headers.get('retry-after')).toBe('1');
      expect(await busy?.json()).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await signedGet('sys.qn', 'secret-qn-123', R1)).status).toBe(200);
      slow.destroy();
      let after: Response | undefined;
      for (let i = 0; i < 50 && after?.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        after = await signedGet('sys.vpcp', 'secret-vpcp-123');
      }
      expect(after?.status).toBe(200);
    } finally {
      slow.destroy();
      await new Promise((r) => limited.close(r));
    }
  });
});

describe('/v1 nonces in the database (issue 22)', () => {
  it('finishes a request in flight on close, then refuses a captured request replayed after a restart on the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-nonce-'));
    let disk = await startHub({ port: 0, seed, dataDir: dir });
    try {
      const headers = await signRequest('secret-vpcp-123', { method: 'GET', pathWithQuery: '/v1/agencies', systemId: 'sys.vpcp' });
      expect((await fetch(`${disk.url}/v1/agencies`, { headers })).status).toBe(200);
      expect((await fetch(`${disk.url}/v1/agencies`, { headers })).status).toBe(401);
      // Graceful close: a request in flight (its body still arriving) is finished and answered, not reset.
      const sendHeaders = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/agencies/x', systemId: 'sys.vpcp', body: '{}' });
      const u = new URL(disk.url);
      const answered = new Promise<number>((resolveStatus, reject) => {
        const req = httpRequest(
          { host: u.hostname, port: u.port, path: '/v1/agencies/x', method: 'POST', headers: { ...sendHeaders, 'transfer-encoding': 'chunked' } },
          (res) => {
            res.resume();
            res.on('end', () => resolveStatus(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write('{');
        setTimeout(() => req.end('}'), 300);
      });
      await new Promise((r) => setTimeout(r, 100));
      const closed = disk.close();
      expect(await answered).toBeGreaterThanOrEqual(400); // an answer (no such route for POST), not a reset
      await closed;
      disk = await startHub({ port: 0, seed, dataDir: dir });
      const replay = await fetch(`${disk.url}/v1/agencies`, { headers });
      expect(replay.status).toBe(401);
      expect(await replay.json()).toMatchObject({ code: 'REPLAYED_REQUEST' });
    } finally {
      await disk.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('registerAgency on /vxp: the rules of /v1 (issue 22)', () => {
  it('refuses an SQL-shaped code and a mail with CR/LF, storing nothing', async () => {
    const before = await count('agencies');
    await refused(qn().registerAgency({ code: "x' OR 1=1 --", name: 'X', mail: 'a@quangninh.gov.vn' }), 'VALIDATION_FAILED');
    // CR/LF cannot travel in a signed header: the operator path (unsigned JSON body) is where it could come in.
    const crlf = JSON.stringify({ code: '000.00.07.H49', name: 'X', mail: 'a@quangninh.gov.vn\r\nBcc: attacker@evil.example' });
    const h = await axisHeaders('registerAgency', { systemId: 'sys.qn', secret: 'secret-qn-123' });
    expect((await post('registerAgency', [...h, ['authorization', `Bearer ${OPERATOR}`]], crlf)).json).toMatchObject({ ErrorCode: 'VALIDATION_FAILED' });
    await refused(qn().registerAgency({ code: '000.00.07.H49', name: '', mail: 'a@quangninh.gov.vn' }), 'VALIDATION_FAILED');
    expect(await count('agencies')).toBe(before);
    // The directory still reads for every tenant.
    expect((await vpcp().getAgenciesList()).length).toBe(before);
  });

  it('gives an agency deleted and registered again a fresh inbox', async () => {
    const code = '000.00.06.H49';
    await qn().registerAgency({ code, name: 'Sở Công Thương', mail: 'sct@quangninh.gov.vn' });
    const { docId } = await vpcp().sendEdoc(documentPackage({ to: [code], number: nextNumber() }), { from: SENDER });
    const agencyQn = new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: code });
    expect((await agencyQn.listInbox({ state: 'all', limit: 50 })).items.map((i) => i.documentId)).toContain(docId);
    await qn().deleteAgency(code);
    await qn().registerAgency({ code, name: 'Sở Công Thương', mail: 'sct@quangninh.gov.vn' });
    expect((await agencyQn.listInbox({ state: 'all', limit: 50 })).items).toEqual([]);
    await refused(agencyQn.getDocument(docId), 'NOT_FOUND');
    expect((await qn().getReceivedEdocList()).some((i) => i.docId === docId)).toBe(false);
    // The sender still traces its delivery.
    expect((await restSender().getTrace(docId)).recipients.map((r) => r.agency)).toEqual([code]);
  });
});

/** The secret mark spelled the ways that slipped past the old guard. */
const secretVariant = fc
  .record({
    level: fc.constantFrom('Mật', 'Tối mật', 'Tuyệt mật'),
    nfd: fc.boolean(),
    space: fc.constantFrom(' ', '\u00a0', '  ', '\u200b ', ' \u2009'),
    caseOf: fc.constantFrom('same', 'upper', 'lower'),
    fold: fc.boolean(),
    prefix: fc.constantFrom('', 'Độ mật: ', 'ĐỘ MẬT:\u00a0'),
    suffix: fc.constantFrom('', ' (A)', '\u200b', ' '),
  })
  .map(({ level, nfd, space, caseOf, fold, prefix, suffix }) => {
    let t = `${prefix}${level.replace(' ', space)}${suffix}`;
    if (fold) t = t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    if (caseOf === 'upper') t = t.toUpperCase();
    if (caseOf === 'lower') t = t.toLowerCase();
    return nfd ? t.normalize('NFD') : t.normalize('NFC');
  });

function withSphere(sphere: string, number: string): string {
  const pkg = sampleDocumentPackage('new', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
  pkg.header.to = [{ organId: R1, organName: 'UBND tỉnh Quảng Ninh' }];
  pkg.header.code = { codeNumber: number, codeNotation: 'VPCP-TTĐT' };
  pkg.header.documentId = `${SENDER},2024/03/12,${number}/VPCP-TTĐT`;
  if (pkg.header.otherInfo) pkg.header.otherInfo.sphereOfPromulgation = sphere;
  return buildEdxml(pkg);
}

describe('the secret-document guard decides on the folded form (issue 22)', () => {
  it('refuses every spelling of Mật / Tối mật / Tuyệt mật on both APIs (property), and stores nothing', async () => {
    const before = await count('documents');
    await fc.assert(
      fc.asyncProperty(secretVariant, async (sphere) => {
        const e = await hub.store.send({ systemId: 'sys.vpcp', agency: SENDER }, { edxml: withSphere(sphere, nextNumber()), profile: 'axis' }).then(
          () => undefined,
          (err: unknown) => err as { body?: { code: string } },
        );
        expect({ sphere, code: e?.body?.code }).toEqual({ sphere, code: 'SECRET_DOCUMENT' });
      }),
      { numRuns: runs },
    );
    await refused(restSender().sendDocument({ edxml: withSphere('MẬT\u200b', nextNumber()) }), 'SECRET_DOCUMENT');
    await refused(vpcp().sendEdoc(withSphere('Độ mật: Mat', nextNumber()), { from: SENDER }), 'SECRET_DOCUMENT');
    expect(await count('documents')).toBe(before);
    // An ordinary circulation note still goes.
    expect((await vpcp().sendEdoc(withSphere('Lưu hành nội bộ', nextNumber()), { from: SENDER })).docId).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('smaller findings (issue 22)', () => {
  it('refuses an attachment ContentType with CR/LF on send, and serves a stored unsafe type as application/octet-stream', async () => {
    const pkg = sampleDocumentPackage('new', new Uint8Array([1, 2, 3]));
    pkg.header.to = [{ organId: R1, organName: 'UBND' }];
    pkg.header.documentId = `${SENDER},2024/03/12,${nextNumber()}/VPCP-TTĐT`;
    pkg.attachments = [attachmentFromBytes({ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf\r\nX-Evil: 1' }, new Uint8Array([1, 2, 3]))];
    const e = await refused(restSender().sendDocument({ edxml: buildEdxml(pkg) }), 'INVALID_EDXML');
    expect(e.messages.en).toContain('ContentType');
    // A type stored before this check (written into the row here) is served as bytes, not as a broken header (was 500).
    const sent = await restSender().sendDocument({ edxml: documentPackage({ to: [R1], number: nextNumber(), attachment: new Uint8Array([37, 80, 68, 70]) }) });
    await sql`update documents set attachments = jsonb_set(attachments, '{0,contentType}', ${JSON.stringify('text/html\r\nX-Evil: 1')}::jsonb) where id = ${sent.documentId}`.execute(hub.store.db);
    const path = `/v1/documents/${sent.documentId}/attachments/0`;
    const res = await fetch(`${hub.url}${path}`, { headers: await signRequest('secret-qn-123', { method: 'GET', pathWithQuery: path, systemId: 'sys.qn', agency: R1 }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-evil')).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it('answers NUL bytes and cursors beyond 2^63 with 400, not 500', async () => {
    const get = async (pathWithQuery: string) => {
      const headers = await signRequest('secret-qn-123', { method: 'GET', pathWithQuery, systemId: 'sys.qn', agency: R1 });
      return fetch(`${hub.url}${pathWithQuery}`, { headers });
    };
    expect((await get('/v1/inbox?sender=%00')).status).toBe(400);
    const huge = Buffer.from(`s${'9'.repeat(25)}`).toString('base64url');
    expect((await get(`/v1/inbox?cursor=${huge}`)).status).toBe(400);
    const body = JSON.stringify({ name: 'A\u0000B', email: 'a@quangninh.gov.vn' });
    const headers = await signRequest('secret-qn-123', { method: 'PUT', pathWithQuery: `/v1/agencies/${R2}`, systemId: 'sys.qn', agency: R1, body });
    const put = await fetch(`${hub.url}/v1/agencies/${R2}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body });
    expect(put.status).toBe(400);
  });

  it('refuses invalid UTF-8 on /vxp (headers and bodies) instead of replacing it', async () => {
    const bad = new Uint8Array([...new TextEncoder().encode(documentPackage({ to: [R1], number: nextNumber() })), 0xff, 0xfe]);
    const headers = await axisHeaders('sendEdoc', { params: [['from', SENDER], ['hash-file', await axisHashFile(bad)]] });
    const r = await post('sendEdoc', headers, bad);
    expect(r.json).toMatchObject({ status: 'FAIL', ErrorCode: 'VALIDATION_FAILED' });
    expect(r.json.ErrorDesc).toContain('UTF-8');
  });

  it('checks the clock only after the signature and tells strangers nothing about it', async () => {
    const stale = new Date(Date.now() - 3 * 3_600_000);
    const stranger = await post('countReceiveEdoc', await axisHeaders('countReceiveEdoc', { secret: 'wrong-secret', now: stale }));
    expect(stranger.json.ErrorCode).toBe('BAD_SIGNATURE');
    const own = await post('countReceiveEdoc', await axisHeaders('countReceiveEdoc', { now: stale }));
    expect(own.json.ErrorCode).toBe('CLOCK_SKEW');
    // No server time in the answer: neither as ISO nor as an axis timestamp of now.
    expect(own.text.includes(new Date().toISOString().slice(0, 13))).toBe(false);
    expect(own.text.includes(formatAxisTimestamp(new Date()).slice(0, 11))).toBe(false);
    expect(own.json).not.toHaveProperty('serverTime');
    const v1 = await fetch(`${hub.url}/v1/inbox`, {
      headers: await signRequest('wrong', { method: 'GET', pathWithQuery: '/v1/inbox', systemId: 'sys.qn', agency: R1 }, stale),
    });
    expect(await v1.json()).toMatchObject({ code: 'BAD_SIGNATURE' });
  });

  it('answers unknown system ids in the same time class as known ones (the HMAC is computed anyway)', async () => {
    const median = async (systemId: string) => {
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const headers = await axisHeaders('countReceiveEdoc', { systemId, secret: 'wrong-secret' });
        const t = performance.now();
        await post('countReceiveEdoc', headers);
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b)[7] as number;
    };
    await median('sys.vpcp'); // warm both paths
    await median('no.such.system');
    const known = await median('sys.vpcp');
    const unknown = await median('no.such.system');
    expect(unknown / known).toBeGreaterThan(0.25);
    expect(unknown / known).toBeLessThan(4);
  });

  it('answers /health/live and /health/ready without a signature', async () => {
    expect(await (await fetch(`${hub.url}/health/live`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: 'ok', migrations: 'done' });
  });

  it('sends security headers, and /openapi.json does not echo the Host header', async () => {
    const res = await fetch(`${hub.url}/openapi.json`, { headers: { host: 'evil.example' } });
    const doc = (await res.json()) as { servers: Array<{ url: string }> };
    expect(doc.servers[0]?.url).toBe(hub.url);
    expect(JSON.stringify(doc)).not.toContain('evil.example');
    for (const r of [res, await fetch(`${hub.url}/v1/inbox`), await fetch(`${vxp}/countReceiveEdoc`)]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('records statuses by one rule: 01→13→03 and 01→15→04 are accepted, nothing follows 06 in the chain', async () => {
    const run = async (codes: string[]) => {
      const sent = await restSender().sendDocument({ edxml: documentPackage({ to: [R1], number: nextNumber() }) });
      const out: string[] = [];
      for (const code of codes) {
        out.push(
          await restR1()
            .updateStatus(sent.documentId, { code: code as '01' })
            .then(
              () => 'ok',
              (e: unknown) => (e as ExchangeError).code,
            ),
        );
      }
      return out;
    };
    expect(await run(['01', '13', '03'])).toEqual(['ok', 'ok', 'ok']);
    expect(await run(['01', '15', '04'])).toEqual(['ok', 'ok', 'ok']);
    expect(await run(['01', '06', '02'])).toEqual(['ok', 'ok', 'STATUS_OUT_OF_ORDER']);
    expect(await run(['01', '05', '03'])).toEqual(['ok', 'ok', 'STATUS_OUT_OF_ORDER']);
  });
});

