// /v1 sends with the package as the body (Content-Type: application/xml), streamed into the edXML checker: a large
// package, one check with both languages, the signed hash, the size bound while streaming, and attachment downloads
// that read only the attachment's kept byte range (never the whole package).
import { signRequest } from '@egov-vn/exchange-api';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from './server.js';
import { attachmentReads } from './store/attachments.js';
import { documentPackage, R1, seed, SENDER } from './test-support.js';

const SENDER_SYSTEM = { systemId: 'sys.vpcp', secret: 'secret-vpcp-123' };
const R1_SYSTEM = { systemId: 'sys.qn', secret: 'secret-qn-123' };
const LIMIT = 4 * 1024 * 1024;

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ port: 0, seed, maxPackageBytes: LIMIT });
});
afterAll(async () => {
  await hub.close();
});

/** The bytes as a stream of 64 KiB chunks (sent chunked: no Content-Length). */
function chunks(bytes: Uint8Array, size = 64 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.subarray(at, at + size));
        at += size;
      }
    },
  });
}

async function sendXml(body: Uint8Array, options: { signedBody?: Uint8Array; idempotencyKey?: string } = {}) {
  const headers = await signRequest(SENDER_SYSTEM.secret, { method: 'POST', pathWithQuery: '/v1/documents', systemId: SENDER_SYSTEM.systemId, agency: SENDER, body: options.signedBody ?? body });
  const extra: Record<string, string> = { 'content-type': 'application/xml' };
  if (options.idempotencyKey) extra['idempotency-key'] = options.idempotencyKey;
  const res = await fetch(`${hub.url}/v1/documents`, { method: 'POST', headers: { ...headers, ...extra }, body: chunks(body), duplex: 'half' } as RequestInit);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function get(system: { systemId: string; secret: string }, agency: string, path: string): Promise<Response> {
  const headers = await signRequest(system.secret, { method: 'GET', pathWithQuery: path, systemId: system.systemId, agency });
  return fetch(`${hub.url}${path}`, { headers });
}

describe('POST /v1/documents with an application/xml body', () => {
  it('streams a large package into the checker, stores it once, and serves the attachment from its kept range', async () => {
    const attachment = new Uint8Array(randomBytes(2 * 1024 * 1024)); // ≈ 2.7 MiB of base64: 43 chunks of 64 KiB
    const pkg = new TextEncoder().encode(documentPackage({ to: [R1], number: '901', attachment }));
    expect(pkg.length).toBeGreaterThan(2.6 * 1024 * 1024);
    const sent = await sendXml(pkg, { idempotencyKey: 'xml-901' });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ messageId: 'xml-901', duplicate: false, recipients: [{ agency: R1, state: 'pending' }] });
    const id = String(sent.json['documentId']);
    // The same package again with the same key is the same message (exactly once).
    const again = await sendXml(pkg, { idempotencyKey: 'xml-901' });
    expect(again.json).toMatchObject({ documentId: id, duplicate: true });

    const before = { ...attachmentReads };
    const res = await get(R1_SYSTEM, R1, `/v1/documents/${id}/attachments/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Number(res.headers.get('content-length'))).toBe(attachment.length);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(attachment))).toBe(true);
    // Read through the range kept at receipt: no package was read whole (nor parsed) for it.
    expect(attachmentReads.ranges - before.ranges).toBe(1);
    expect(attachmentReads.wholePackages - before.wholePackages).toBe(0);
    // The range stays internal: the document's attachment list is the contract's.
    const view = (await (await get(R1_SYSTEM, R1, `/v1/documents/${id}`)).json()) as { document: { attachments: unknown[] } };
    expect(view.document.attachments).toEqual([{ index: 0, name: '16_VPCP-TTDT.pdf', contentType: 'application/pdf', size: attachment.length }]);
  });

  it('checks an invalid package once and answers its issues in Vietnamese and English', async () => {
    const text = documentPackage({ to: [R1], number: '902' }).replace(/<edXML:OrganId>000\.00\.00\.H49<\/edXML:OrganId>/, '<edXML:OrganId>not-a-code</edXML:OrganId>');
    const sent = await sendXml(new TextEncoder().encode(text));
    expect(sent.status).toBe(422);
    expect(sent.json['code']).toBe('INVALID_EDXML');
    const issues = (sent.json['details'] as { issues: Array<{ code: string; message: { vi: string; en: string } }> }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.message.en).toMatch(/[a-z]/);
    }
  });

  it('stores nothing when the streamed body is not the signed one (BAD_SIGNATURE), even when it is malformed', async () => {
    const pkg = new TextEncoder().encode(documentPackage({ to: [R1], number: '903' }));
    const tampered = pkg.slice();
    tampered[tampered.length - 20] = 0x3c; // a '<' inside the closing tags: malformed as well as unsigned
    const sent = await sendXml(tampered, { signedBody: pkg });
    expect(sent.status).toBe(401);
    expect(sent.json['code']).toBe('BAD_SIGNATURE');
    const sentList = (await (await get(SENDER_SYSTEM, SENDER, '/v1/sent?limit=100')).json()) as { items: Array<{ notation: string }> };
    expect(sentList.items.some((d) => d.notation.startsWith('903/'))).toBe(false);
  });

  it('cuts a chunked package off at the package limit (413) while it streams', async () => {
    const big = new Uint8Array(LIMIT + 256 * 1024).fill(0x20);
    const sent = await sendXml(big);
    expect(sent.status).toBe(413);
    expect(sent.json['code']).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('attachment ranges from the edXML reader', () => {
  it('keeps no range for content in CDATA and reads that package whole instead, with the same bytes', async () => {
    const attachment = new Uint8Array(randomBytes(3000));
    const b64 = Buffer.from(attachment).toString('base64');
    const text = documentPackage({ to: [R1], number: '904', attachment }).replace(b64, `<![CDATA[${b64}]]>`);
    expect(text).toContain('CDATA');
    const sent = await sendXml(new TextEncoder().encode(text));
    expect(sent.status).toBe(201);
    const id = sent.json['documentId'] as string;
    const stored = await hub.store.db.selectFrom('documents').select('attachments').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.attachments[0]?.encoded).toBeUndefined();
    const before = { ...attachmentReads };
    const res = await get(R1_SYSTEM, R1, `/v1/documents/${id}/attachments/0`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(attachment))).toBe(true);
    expect(attachmentReads.wholePackages - before.wholePackages).toBe(1);
    expect(attachmentReads.ranges - before.ranges).toBe(0);
  });

  it('keeps the range of wrapped base64 after a comment (the JSON form), and reads only it', async () => {
    const attachment = new Uint8Array(randomBytes(5000));
    const b64 = Buffer.from(attachment).toString('base64');
    const edxml = documentPackage({ to: [R1], number: '905', attachment }).replace(b64, `<!-- tệp đính kèm -->\r\n${b64.replace(/(.{64})/g, '$1\n')}`);
    const body = JSON.stringify({ edxml });
    const headers = await signRequest(SENDER_SYSTEM.secret, { method: 'POST', pathWithQuery: '/v1/documents', systemId: SENDER_SYSTEM.systemId, agency: SENDER, body });
    const res = await fetch(`${hub.url}/v1/documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { documentId: string }).documentId;
    const stored = await hub.store.db.selectFrom('documents').select(['attachments', 'edxml']).where('id', '=', id).executeTakeFirstOrThrow();
    const range = stored.attachments[0]?.encoded;
    expect(range).toBeDefined();
    expect(Buffer.from(stored.edxml.subarray(range!.offset, range!.offset + range!.length)).toString('latin1').replace(/\s/g, '')).toBe(b64);
    const before = { ...attachmentReads };
    const got = await get(R1_SYSTEM, R1, `/v1/documents/${id}/attachments/0`);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(attachment))).toBe(true);
    expect(attachmentReads.ranges - before.ranges).toBe(1);
    expect(attachmentReads.wholePackages - before.wholePackages).toBe(0);
  });
});

describe('GET requests and bodies', () => {
  it('never reads a body sent with a GET: one whose hash was signed is refused, the usual empty one is served', async () => {
    const { request } = await import('node:http');
    const path = '/v1/inbox?limit=1';
    const body = new TextEncoder().encode('{"smuggled":true}');
    const signed = await signRequest(R1_SYSTEM.secret, { method: 'GET', pathWithQuery: path, systemId: R1_SYSTEM.systemId, agency: R1, body });
    const answer = await new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
      const req = request(`${hub.url}${path}`, { method: 'GET', headers: { ...signed, 'content-length': String(body.length) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
      });
      req.on('error', reject);
      req.end(Buffer.from(body));
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ code: 'BAD_SIGNATURE' });
    expect((await get(R1_SYSTEM, R1, path)).status).toBe(200);
  });
});
