import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePdf, pdfsig, qpdfCheck, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import { startTimestampServer, type LocalServer } from '../node/tsa-server.js';
import { createCscMock, type CscMock } from '../testing/csc-mock.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { createTimestampResponse } from '../testing/tsa.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signPdf } from '../sign/sign-pdf.js';
import { signPdfBatch } from './batch.js';
import { cscClientToken, cscLogin, cscSigner, CscClient } from './csc.js';
import type { RemoteSigningState } from './common.js';

let pki: DemoPki;
let mock: CscMock;
let server: LocalServer;
let tsa: LocalServer;
let userToken: string;

beforeAll(async () => {
  pki = await createDemoPki();
  mock = createCscMock({
    credentials: [
      { credentialID: 'pin-cred', userID: 'u1', identity: pki.signer, pin: '123456', otp: '654321', description: 'Nguyễn Văn A' },
      { credentialID: 'phone-cred', userID: 'u1', identity: pki.signer, multisign: 3 },
      { credentialID: 'bad-cert', userID: 'u1', identity: pki.signer, pin: '1', certificates: pki.seal.chain },
    ],
    clients: [{ clientId: 'portal', clientSecret: 's3cr3t-client' }],
    users: [{ username: 'nva', password: 'mat-khau', userID: 'u1' }],
    outcome: 'approve',
    afterMs: 50,
  });
  server = await serveApp(mock.app);
  tsa = await startTimestampServer((req) => createTimestampResponse(req, pki.tsa));
  userToken = (await cscLogin({ baseUrl: server.url }, { username: 'nva', password: 'mat-khau' })).accessToken;
});
afterAll(async () => {
  await server.close();
  await tsa.close();
});
beforeEach(() => {
  mock.configure({ outcome: 'approve', afterMs: 50, fault: 'none', confirmExpiresInMs: 120_000 });
});

function checkWithPeers(signed: Uint8Array): void {
  const dir = tempDir();
  const path = writeTemp(dir, 'signed.pdf', signed);
  const out = pdfsig(path, ['-nocert']);
  expect(out).toContain('Signature is Valid');
  expect(out).toContain('Total document signed');
  expect(qpdfCheck(path).code).toBe(0);
}

describe('cscSigner (CSC API v2 over real HTTP, demo PKI behind the mock)', () => {
  it('signs with explicit PIN + OTP: B-T with the demo TSA, pdfsig, qpdf and verifyPdf TOTAL_PASSED; only a digest leaves', async () => {
    const input = await makePdf();
    const signer = cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '654321' });
    const signed = await signPdf(input, { signer, timestamp: { url: tsa.url } });
    checkWithPeers(signed);
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    const sig = report.signatures[0]!;
    expect(sig.indication).toBe('TOTAL_PASSED');
    expect(sig.format).toBe('PAdES-BASELINE-T');
    expect(sig.coverage).toBe('ENTIRE_FILE');
    // The document never leaves: every request body is small (hashes and ids only).
    const sent = mock.requests.filter((r) => r.path.startsWith('/csc/v2/'));
    expect(sent.map((r) => r.path)).toEqual(expect.arrayContaining(['/csc/v2/credentials/info', '/csc/v2/credentials/authorize', '/csc/v2/signatures/signHash']));
    expect(Math.max(...sent.map((r) => r.body.length))).toBeLessThan(1024);
  });

  it('waits for the out-of-band confirmation (202 + authorizeCheck), reporting a deadline', async () => {
    const states: RemoteSigningState[] = [];
    const { accessToken } = await cscClientToken({ baseUrl: server.url }, { clientId: 'portal', clientSecret: 's3cr3t-client' });
    const signer = cscSigner({ baseUrl: server.url, accessToken, credentialID: 'phone-cred', pollIntervalMs: 20, onState: (s) => states.push(s) });
    const signed = await signPdf(await makePdf(), { signer });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(states.map((s) => s.state)).toEqual(['authorizing', 'waiting', 'signing', 'signed']);
    const waiting = states[1] as Extract<RemoteSigningState, { state: 'waiting' }>;
    expect(waiting.expiresAt).toBeGreaterThan(Date.now());
    expect(mock.requests.some((r) => r.path === '/csc/v2/credentials/authorizeCheck')).toBe(true);
  });

  it('signs three documents with one authorisation (numSignatures 3, one signHash with 3 hashes)', async () => {
    const before = mock.requests.length;
    const signer = cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20 });
    const pdfs = await Promise.all([1, 2, 3].map((n) => makePdf({ text: `Van ban so ${n}` })));
    const signed = await signPdfBatch(pdfs, { signer, timestamp: { url: tsa.url } });
    expect(signed).toHaveLength(3);
    for (const [i, out] of signed.entries()) {
      expect(out.subarray(0, pdfs[i]!.length)).toEqual(pdfs[i]);
      expect((await verifyPdf(out, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    }
    checkWithPeers(signed[2]!);
    const calls = mock.requests.slice(before);
    const authorize = calls.filter((r) => r.path === '/csc/v2/credentials/authorize');
    const signHash = calls.filter((r) => r.path === '/csc/v2/signatures/signHash');
    expect(authorize).toHaveLength(1);
    expect(JSON.parse(authorize[0]!.body)).toMatchObject({ numSignatures: 3 });
    expect(signHash).toHaveLength(1);
    expect((JSON.parse(signHash[0]!.body) as { hashes: string[] }).hashes).toHaveLength(3);
  });

  it('lists the user’s credentials with their chains', async () => {
    const list = await new CscClient({ baseUrl: server.url, accessToken: userToken }).listCredentials();
    expect(list.map((c) => c.credentialID)).toEqual(['pin-cred', 'phone-cred', 'bad-cert']);
    expect(list[0]!.authObjects.map((o) => o.id)).toEqual(['PIN', 'OTP']);
    expect(list[1]!.multisign).toBe(3);
    expect(list[0]!.certificates[0]).toEqual(pki.signer.der);
  });
});

describe('cscSigner failures: a clear bilingual error with its own code, nothing written', () => {
  async function expectFailure(signer: Parameters<typeof signPdf>[1]['signer'], code: string, vi: RegExp): Promise<void> {
    const input = await makePdf();
    const copy = input.slice();
    const error = await signPdf(input, { signer }).then(
      () => undefined,
      (e: unknown) => e as { code: string; vi: string; en: string },
    );
    expect(error).toMatchObject({ code });
    expect(error!.vi).toMatch(vi);
    expect(error!.en.length).toBeGreaterThan(10);
    expect(input).toEqual(copy);
  }

  it('wrong login → REMOTE_AUTH', async () => {
    await expect(cscLogin({ baseUrl: server.url }, { username: 'nva', password: 'sai' })).rejects.toMatchObject({ code: 'REMOTE_AUTH' });
    await expect(cscClientToken({ baseUrl: server.url }, { clientId: 'portal', clientSecret: 'wrong' })).rejects.toMatchObject({ code: 'REMOTE_AUTH' });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: 'not-a-token', credentialID: 'pin-cred', pin: '123456' }), 'REMOTE_AUTH', /đăng nhập/);
  });

  it('wrong PIN or OTP → REMOTE_AUTH_DATA', async () => {
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '000000', otp: '654321' }), 'REMOTE_AUTH_DATA', /PIN/);
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '111111' }), 'REMOTE_AUTH_DATA', /OTP/);
  });

  it('rejected on the phone → REMOTE_REJECTED', async () => {
    mock.configure({ outcome: 'reject', afterMs: 30 });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20 }), 'REMOTE_REJECTED', /từ chối/);
  });

  it('left to expire on the service → REMOTE_EXPIRED; our own wait ends the same way', async () => {
    mock.configure({ outcome: 'expire', afterMs: 40 });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20 }), 'REMOTE_EXPIRED', /hết hạn/);
    mock.configure({ outcome: 'manual' });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20, confirmTimeoutMs: 100 }), 'REMOTE_EXPIRED', /hết hạn/);
  });

  it('approved by hand from the phone page', async () => {
    mock.configure({ outcome: 'manual' });
    const started = Date.now();
    const signing = signPdf(await makePdf(), { signer: cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20 }) });
    const mine = () => mock.pending().filter((p) => p.createdAt >= started);
    let pending = mine();
    for (let i = 0; i < 200 && pending.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      pending = mine();
    }
    const page = await (await fetch(`${server.url}/phone`)).text();
    expect(page).toContain('phone-cred');
    const answer = await fetch(`${server.url}/phone/${pending[0]!.handle}/approve`, { method: 'POST', redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect((await verifyPdf(await signing, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('the service times out → REMOTE_TIMEOUT; answers garbage → REMOTE_GARBAGE; is down → REMOTE_UNREACHABLE', async () => {
    mock.configure({ fault: 'hang' });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '654321', timeoutMs: 300 }), 'REMOTE_TIMEOUT', /không trả lời kịp/);
    mock.configure({ fault: 'garbage' });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '654321' }), 'REMOTE_GARBAGE', /định dạng/);
    await expectFailure(cscSigner({ baseUrl: 'http://127.0.0.1:1', accessToken: userToken, credentialID: 'pin-cred', pin: '1' }), 'REMOTE_UNREACHABLE', /kết nối/);
  });

  it('a signature that does not match the credential’s certificate → REMOTE_CERT_MISMATCH', async () => {
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'bad-cert', pin: '1' }), 'REMOTE_CERT_MISMATCH', /không khớp/);
    mock.configure({ fault: 'wrong-key' });
    await expectFailure(cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '654321' }), 'REMOTE_CERT_MISMATCH', /không khớp/);
  });

  it('a batch answered with one signature fewer → REMOTE_BATCH_COUNT, no document returned', async () => {
    mock.configure({ fault: 'drop-one' });
    const pdfs = await Promise.all([1, 2].map((n) => makePdf({ text: `Van ban ${n}` })));
    const signer = cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'pin-cred', pin: '123456', otp: '654321' });
    await expect(signPdfBatch(pdfs, { signer })).rejects.toMatchObject({ code: 'REMOTE_BATCH_COUNT', vi: /Số chữ ký/ });
  });

  it('a batch larger than the credential allows (multisign) → REMOTE_BATCH_COUNT before anything is authorised', async () => {
    const before = mock.requests.filter((r) => r.path.endsWith('/authorize')).length;
    const pdfs = await Promise.all([1, 2, 3, 4].map((n) => makePdf({ text: `Van ban ${n}` })));
    const signer = cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred' });
    await expect(signPdfBatch(pdfs, { signer })).rejects.toMatchObject({ code: 'REMOTE_BATCH_COUNT' });
    expect(mock.requests.filter((r) => r.path.endsWith('/authorize')).length).toBe(before);
  });

  it('cancelling while waiting → REMOTE_CANCELLED', async () => {
    mock.configure({ outcome: 'manual' });
    const controller = new AbortController();
    const signer = cscSigner({ baseUrl: server.url, accessToken: userToken, credentialID: 'phone-cred', pollIntervalMs: 20, signal: controller.signal, onState: (s) => s.state === 'waiting' && controller.abort() });
    await expectFailure(signer, 'REMOTE_CANCELLED', /huỷ/);
  });
});
