// Hub behaviour beyond the contract suite: the .eml e-copy, persistence in DATA_DIR, configuration, OpenAPI.
import { parseEdxml } from '@egov-vn/edxml';
import { signRequest } from '@egov-vn/exchange-api';
import { ExchangeClient } from '@egov-vn/exchange-client';
import { simpleParser } from 'mailparser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, demoSeed } from './config.js';
import { type RunningHub, startHub } from './server.js';
import { documentPackage, PDF, R1, seed } from './test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-hub-'));
let hub: RunningHub;
const sender = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
const r1 = () => new ExchangeClient({ baseUrl: hub.url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1 });

beforeAll(async () => {
  hub = await startHub({ port: 0, seed, dataDir: dir });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange hub', () => {
  it('builds an e-copy .eml that mailparser reads, with the PDF attached', async () => {
    const sent = await sender().sendDocument({ edxml: documentPackage({ to: [R1], number: '77' }) });
    const eml = await r1().emailCopy(sent.documentId);
    const mail = await simpleParser(Buffer.from(eml));
    expect(mail.subject).toBe('[Bản sao điện tử] 77/VPCP-TTĐT – V/v kết nối, liên thông phần mềm quản lý văn bản');
    expect(mail.text).toContain('Số, ký hiệu: 77/VPCP-TTĐT');
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]?.address).toBe('vanthu@quangninh.gov.vn');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.contentType).toBe('application/pdf');
    expect(mail.attachments[0]?.filename).toBe('16_VPCP-TTDT.pdf');
    expect(new Uint8Array(mail.attachments[0]?.content ?? [])).toEqual(PDF);
    const explicit = await simpleParser(Buffer.from(await r1().emailCopy(sent.documentId, { to: ['a@b.gov.vn', 'c@d.gov.vn'] })));
    const to2 = Array.isArray(explicit.to) ? explicit.to[0] : explicit.to;
    expect(to2?.value.map((v) => v.address)).toEqual(['a@b.gov.vn', 'c@d.gov.vn']);
  });

  it('keeps documents, deliveries and statuses in DATA_DIR across a restart', async () => {
    const sent = await sender().sendDocument({ edxml: documentPackage({ to: [R1], number: '78' }) });
    await r1().updateStatus(sent.documentId, { code: '01' });
    await hub.close();
    hub = await startHub({ port: 0, seed, dataDir: dir });
    const trace = await sender().getTrace(sent.documentId);
    expect(trace.recipients[0]?.statuses.map((s) => s.code)).toEqual(['01']);
    // The same message id after the restart is still a duplicate.
    const again = await sender().sendDocument({ edxml: documentPackage({ to: [R1], number: '78' }), messageId: sent.messageId });
    expect(again).toMatchObject({ duplicate: true, documentId: sent.documentId });
  });

  it('stores each status as an edXML status package delivered to the sender (for the axis-compatible API)', async () => {
    const sent = await sender().sendDocument({ edxml: documentPackage({ to: [R1], number: '79' }) });
    await r1().updateStatus(sent.documentId, { code: '03', staff: 'Trần Văn Bình', description: 'Đã vào sổ' });
    await r1().updateStatus(sent.documentId, { code: '03' });
    const rows = await hub.store.db
      .selectFrom('documents as doc')
      .innerJoin('deliveries as d', 'd.document_id', 'doc.id')
      .select(['doc.edxml', 'doc.sender', 'd.recipient', 'd.state'])
      .where('doc.kind', '=', 'status')
      .where('doc.message_id', 'like', `status:${sent.documentId}:%`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sender: R1, recipient: '000.00.00.G22', state: 'pending' });
    const parsed = await parseEdxml(rows[0]?.edxml ?? new Uint8Array());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.kind !== 'status') throw new Error('not a status package');
    expect(parsed.value.header).toMatchObject({
      statusCode: '03',
      description: 'Đã vào sổ',
      from: { organId: R1 },
      responseFor: { organId: '000.00.00.G22', code: '79/VPCP-TTĐT', documentId: '000.00.00.G22,2024/03/12,79/VPCP-TTĐT' },
      staffInfo: { staff: 'Trần Văn Bình' },
    });
    expect(parsed.value.header.timestamp).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    // Status messages stay out of the document inbox and the sent list.
    expect((await sender().listInbox({ limit: 200 })).items).toEqual([]);
    expect((await r1().listSent({ limit: 200 })).items).toEqual([]);
  });

  it('serves its OpenAPI document', async () => {
    const res = await fetch(`${hub.url}/openapi.json`);
    const doc = (await res.json()) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]?.url).toBe(hub.url);
    expect(Object.keys(doc.paths)).toContain('/v1/documents/{id}/trace');
  });

  it('answers unknown paths and bad JSON with contract errors', async () => {
    const res = await fetch(`${hub.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', message: { vi: 'Không tìm thấy.' } });
    // A correctly signed request whose body is not JSON.
    const body = '{"edxml": "<edXML/>",';
    const headers = await signRequest('secret-vpcp-123', { method: 'POST', pathWithQuery: '/v1/documents', systemId: 'sys.vpcp', body });
    const bad = await fetch(`${hub.url}/v1/documents`, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: { vi: 'Thân yêu cầu không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' },
    });
  });
});

describe('configuration', () => {
  it('reads the environment with defaults', () => {
    const c = configFromEnv({});
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', dataDir: '.data/hub', seed: demoSeed });
    expect(c.databaseUrl).toBeUndefined();
    const d = configFromEnv({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@h/db', HUB_SEED: JSON.stringify(seed) });
    expect(d).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/tmp/x', databaseUrl: 'postgres://u@h/db', seed });
  });
  it('refuses a malformed seed or port clearly', () => {
    expect(() => configFromEnv({ HUB_SEED: '{' })).toThrow(/HUB_SEED/);
    expect(() => configFromEnv({ HUB_SEED: '{"systems":[{"systemId":"a"}]}' })).toThrow(/invalid HUB_SEED/);
    expect(() => configFromEnv({ PORT: 'abc' })).toThrow(/PORT/);
  });
  it('reads HUB_PREPARED_STATEMENTS, HUB_DOCUMENT_CACHE (0 turns each off) and HUB_DATABASE_POOL (at least 1); not a whole number is refused', () => {
    expect(configFromEnv({})).not.toHaveProperty('preparedStatements');
    expect(configFromEnv({ HUB_PREPARED_STATEMENTS: '0', HUB_DOCUMENT_CACHE: '0' })).toMatchObject({ preparedStatements: 0, documentCacheSize: 0 });
    expect(configFromEnv({ HUB_PREPARED_STATEMENTS: '50', HUB_DOCUMENT_CACHE: '1000', HUB_DATABASE_POOL: '4' })).toMatchObject({
      preparedStatements: 50,
      documentCacheSize: 1000,
      databasePoolSize: 4,
    });
    expect(() => configFromEnv({ HUB_DATABASE_POOL: '0' })).toThrow(/HUB_DATABASE_POOL/);
    expect(() => configFromEnv({ HUB_DOCUMENT_CACHE: '-1' })).toThrow(/HUB_DOCUMENT_CACHE/);
    expect(() => configFromEnv({ HUB_PREPARED_STATEMENTS: 'yes' })).toThrow(/HUB_PREPARED_STATEMENTS/);
  });
});
