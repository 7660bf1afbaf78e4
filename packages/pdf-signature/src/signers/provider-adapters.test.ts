/**
 * The provider adapters against small services with the published shapes (HTTP, demo PKI keys). These prove our side
 * of the shapes; what the real services answer must be confirmed under a contract (README).
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, pdfsig, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import type { LocalServer } from '../node/tsa-server.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { signDigestRsa } from '../testing/raw-rsa.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signPdfBatch } from './batch.js';
import { mysignStyleSigner } from './mysign-style.js';
import { smartcaStyleSigner } from './smartca-style.js';

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
let pki: DemoPki;
let smartca: LocalServer;
let mysign: LocalServer;
let smartcaOutcome: 'approve' | 'reject' = 'approve';
const smartcaBodies: Record<string, unknown>[] = [];

beforeAll(async () => {
  pki = await createDemoPki();
  const tx = new Map<string, { files: { doc_id: string; data_to_be_signed: string }[]; polls: number }>();
  const sc = new Hono();
  sc.post('/sca/sp769/v1/credentials/get_certificate', async (c) => {
    const body = await c.req.json<Record<string, unknown>>();
    smartcaBodies.push(body);
    if (body.sp_password !== 'sp-pass') return c.json({ status_code: 401, message: 'Sai sp_password' }, 401);
    return c.json({ status_code: 200, message: 'SUCCESS', data: { user_certificates: [{ serial_number: '0A1B', cert_data: b64(pki.signer.der), chain_data: { ca_cert: b64(pki.intermediate.der) } }] } });
  });
  sc.post('/sca/sp769/v1/signatures/sign', async (c) => {
    const body = await c.req.json<{ sign_files: { doc_id: string; data_to_be_signed: string }[] }>();
    smartcaBodies.push(body);
    const id = `tran-${tx.size + 1}`;
    tx.set(id, { files: body.sign_files, polls: 0 });
    return c.json({ status_code: 200, message: 'SUCCESS', data: { transaction_id: id, tran_code: id } });
  });
  sc.post('/sca/sp769/v1/signatures/sign/:id/status', async (c) => {
    const t = tx.get(c.req.param('id'))!;
    if (++t.polls < 2) return c.json({ status_code: 200, data: { transaction_id: c.req.param('id'), signatures: null } });
    if (smartcaOutcome === 'reject') return c.json({ status_code: 200, data: { transaction_status: 'REJECTED', signatures: null } });
    const signatures = await Promise.all(t.files.map(async (f) => ({ doc_id: f.doc_id, signature_value: b64(await signDigestRsa(pki.signer.privateKey, 'SHA-256', fromHex(f.data_to_be_signed))) })));
    return c.json({ status_code: 200, data: { signatures: signatures.reverse() } });
  });
  smartca = await serveApp(sc);

  const pending = new Map<string, string[]>();
  const ms = new Hono();
  ms.post('/vtss/service/ras/v1/login', async (c) => {
    const body = await c.req.json<Record<string, unknown>>();
    return body.client_secret === 'ms-secret' ? c.json({ access_token: 'tok-1' }) : c.json({ error: 'invalid_client', error_description: 'bad client' }, 400);
  });
  ms.use('/vtss/service/certificates/*', async (c, next) => (c.req.header('authorization') === 'Bearer tok-1' ? next() : c.json({ error: 'invalid_token' }, 401)));
  ms.post('/vtss/service/certificates/info', (c) => c.json([{ credential_id: 'cred-ms', cert: { certificates: [b64(pki.seal.der), b64(pki.intermediate.der)] } }]));
  ms.post('/vtss/service/signHash', async (c) => {
    const body = await c.req.json<{ hash: string[]; numSignatures: number }>();
    if (body.numSignatures !== body.hash.length) return c.json({ error: 'invalid_request' }, 400);
    const id = `ms-${pending.size + 1}`;
    pending.set(id, body.hash);
    return c.json({ transactionId: id });
  });
  ms.post('/vtss/service/requests/status', async (c) => {
    const { transactionId } = await c.req.json<{ transactionId: string }>();
    const hashes = pending.get(transactionId)!;
    const signatures = await Promise.all(hashes.map(async (h) => b64(await signDigestRsa(pki.seal.privateKey, 'SHA-256', Uint8Array.from(Buffer.from(h, 'base64'))))));
    return c.json({ status: 1, signatures });
  });
  mysign = await serveApp(ms);
});
afterAll(async () => {
  await smartca.close();
  await mysign.close();
});

describe('smartcaStyleSigner (VNPT SmartCA-shaped API)', () => {
  it('gets the certificate, sends hex digests, polls the transaction, and the signature verifies (pdfsig too)', async () => {
    const signer = smartcaStyleSigner({ baseUrl: `${smartca.url}/sca/sp769`, spId: 'sp', spPassword: 'sp-pass', userId: '001080003113', pollIntervalMs: 20 });
    const signed = await signPdf(await makePdf(), { signer });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(pdfsig(writeTemp(tempDir(), 'smartca.pdf', signed), ['-nocert'])).toContain('Signature is Valid');
    const sign = smartcaBodies.find((b) => 'sign_files' in b) as { sign_files: { data_to_be_signed: string; sign_type: string }[] };
    expect(sign.sign_files[0]!.data_to_be_signed).toMatch(/^[0-9a-f]{64}$/);
    expect(sign.sign_files[0]!.sign_type).toBe('hash');
  });

  it('matches signatures to documents by doc_id in a batch', async () => {
    const pdfs = await Promise.all([1, 2].map((n) => makePdf({ text: `SmartCA ${n}` })));
    const signed = await signPdfBatch(pdfs, { signer: smartcaStyleSigner({ baseUrl: `${smartca.url}/sca/sp769`, spId: 'sp', spPassword: 'sp-pass', userId: 'u', pollIntervalMs: 20 }) });
    for (const s of signed) expect((await verifyPdf(s, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('wrong sp_password → REMOTE_AUTH; rejection in the app → REMOTE_REJECTED', async () => {
    await expect(smartcaStyleSigner({ baseUrl: `${smartca.url}/sca/sp769`, spId: 'sp', spPassword: 'x', userId: 'u' }).certificateChain()).rejects.toMatchObject({ code: 'REMOTE_AUTH' });
    smartcaOutcome = 'reject';
    try {
      await expect(signPdf(await makePdf(), { signer: smartcaStyleSigner({ baseUrl: `${smartca.url}/sca/sp769`, spId: 'sp', spPassword: 'sp-pass', userId: 'u', pollIntervalMs: 20 }) })).rejects.toMatchObject({ code: 'REMOTE_REJECTED' });
    } finally {
      smartcaOutcome = 'approve';
    }
  });
});

describe('mysignStyleSigner (Viettel MySign-shaped API)', () => {
  it('logs in, lists the credential, signs asynchronously and the agency seal verifies', async () => {
    const states: string[] = [];
    const signer = mysignStyleSigner({ baseUrl: mysign.url, clientId: 'egov', clientSecret: 'ms-secret', profileId: 'p', userId: 'u', pollIntervalMs: 20, onState: (s) => states.push(s.state) });
    const signed = await signPdf(await makePdf(), { signer });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]!.signerName).toBe('UBND tỉnh Demo');
    expect(states).toEqual(['authorizing', 'waiting', 'signing', 'signed']);
  });

  it('a wrong client secret → REMOTE_AUTH', async () => {
    await expect(mysignStyleSigner({ baseUrl: mysign.url, clientId: 'egov', clientSecret: 'nope', profileId: 'p', userId: 'u' }).certificateChain()).rejects.toMatchObject({ code: 'REMOTE_AUTH' });
  });
});
