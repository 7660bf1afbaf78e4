// CSC API v2 parts beyond the basic flow, against the mock over real HTTP: credentials/sendOTP (the service sends the
// signer a one-time code; the signer types it) and asynchronous signatures/signHash (operationMode "A", then
// signatures/signPolling with the responseID).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import type { LocalServer } from '../node/tsa-server.js';
import { createCscMock, type CscMock } from '../testing/csc-mock.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signPdf } from '../sign/sign-pdf.js';
import { signPdfBatch } from './batch.js';
import { CscClient, cscLogin, cscSigner } from './csc.js';

let pki: DemoPki;
let mock: CscMock;
let server: LocalServer;
let token: string;

beforeAll(async () => {
  pki = await createDemoPki();
  mock = createCscMock({
    credentials: [
      { credentialID: 'sms-cred', userID: 'u2', identity: pki.signer, pin: '2468', onlineOtp: true },
      { credentialID: 'pin-only', userID: 'u2', identity: pki.signer, pin: '1357', multisign: 5 },
    ],
    users: [{ username: 'ttb', password: 'mat-khau', userID: 'u2' }],
    asyncSignMs: 150,
  });
  server = await serveApp(mock.app);
  token = (await cscLogin({ baseUrl: server.url }, { username: 'ttb', password: 'mat-khau' })).accessToken;
});
afterAll(async () => {
  await server.close();
});

const paths = (from: number) => mock.requests.slice(from).map((r) => r.path);

describe('credentials/sendOTP', () => {
  it('sends the code, asks the signer for it after sending, and signs with PIN + the received OTP', async () => {
    const from = mock.requests.length;
    let asked = 0;
    const signer = cscSigner({
      baseUrl: server.url,
      accessToken: token,
      credentialID: 'sms-cred',
      pin: '2468',
      otp: () => {
        asked++;
        const code = mock.sentOtp('sms-cred'); // what the SMS says
        expect(code).toMatch(/^\d{6}$/);
        return Promise.resolve(code!);
      },
    });
    const signed = await signPdf(await makePdf(), { signer });
    expect(asked).toBe(1);
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    const p = paths(from);
    expect(p.indexOf('/csc/v2/credentials/sendOTP')).toBeGreaterThan(-1);
    expect(p.indexOf('/csc/v2/credentials/sendOTP')).toBeLessThan(p.indexOf('/csc/v2/credentials/authorize'));
  });

  it('a wrong code is REMOTE_AUTH_DATA in both languages, and a sent code works once only', async () => {
    const input = await makePdf();
    const wrong = cscSigner({ baseUrl: server.url, accessToken: token, credentialID: 'sms-cred', pin: '2468', otp: () => Promise.resolve('000000') });
    await expect(signPdf(input, { signer: wrong })).rejects.toMatchObject({ code: 'REMOTE_AUTH_DATA', vi: expect.stringContaining('OTP'), en: expect.stringContaining('OTP') });
    const client = new CscClient({ baseUrl: server.url, accessToken: token });
    await client.sendOTP('sms-cred');
    const code = mock.sentOtp('sms-cred')!;
    const hashes = [new Uint8Array(32).fill(7)];
    const authData = [
      { id: 'PIN', value: '2468' },
      { id: 'OTP', value: code },
    ];
    await expect(client.authorize({ credentialID: 'sms-cred', numSignatures: 1, hashes, hash: 'SHA-256', authData })).resolves.toHaveProperty('sad');
    await expect(client.authorize({ credentialID: 'sms-cred', numSignatures: 1, hashes, hash: 'SHA-256', authData })).rejects.toMatchObject({ code: 'REMOTE_AUTH_DATA' });
    // A credential without a sent OTP: the service refuses, located in the message.
    await expect(client.sendOTP('pin-only')).rejects.toMatchObject({ code: 'REMOTE_FAILED', en: expect.stringContaining('credentials/sendOTP') });
  });
});

describe('asynchronous signatures/signHash (operationMode A, signPolling)', () => {
  it('polls signPolling until the signatures are ready: one document and a batch of three under one authorisation', async () => {
    const from = mock.requests.length;
    const signer = cscSigner({ baseUrl: server.url, accessToken: token, credentialID: 'pin-only', pin: '1357', asyncSignHash: true, pollIntervalMs: 30 });
    const one = await signPdf(await makePdf(), { signer });
    expect((await verifyPdf(one, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    const signHash = mock.requests.slice(from).find((r) => r.path.endsWith('/signatures/signHash'))!;
    expect(JSON.parse(signHash.body)).toMatchObject({ operationMode: 'A' });
    expect(paths(from).filter((p) => p.endsWith('/signatures/signPolling')).length).toBeGreaterThan(1); // 202 first, then 200

    const before = mock.requests.length;
    const three = await signPdfBatch([await makePdf(), await makePdf(), await makePdf()], { signer });
    for (const pdf of three) expect((await verifyPdf(pdf, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(paths(before).filter((p) => p.endsWith('/credentials/authorize'))).toHaveLength(1);
    expect(paths(before).filter((p) => p.endsWith('/signatures/signHash'))).toHaveLength(1);
  });

  it('gives up at its deadline with REMOTE_TIMEOUT, and an unknown responseID is refused', async () => {
    const client = new CscClient({ baseUrl: server.url, accessToken: token });
    const hashes = [new Uint8Array(32).fill(9)];
    const auth = await client.authorize({ credentialID: 'pin-only', numSignatures: 1, hashes, hash: 'SHA-256', authData: [{ id: 'PIN', value: '1357' }] });
    if (!('sad' in auth)) throw new Error('expected a SAD');
    await expect(
      client.signHash({ credentialID: 'pin-only', sad: auth.sad, hashes, hash: 'SHA-256', signAlgo: '1.2.840.113549.1.1.11', async: { pollIntervalMs: 20, timeoutMs: 60 } }),
    ).rejects.toMatchObject({ code: 'REMOTE_TIMEOUT', en: expect.stringContaining('signPolling') });
    await expect(client.call('signatures/signPolling', { responseID: 'nope' }, true)).rejects.toMatchObject({ code: 'REMOTE_FAILED' });
  });
});
