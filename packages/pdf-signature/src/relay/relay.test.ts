import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePdf, pdfsig, qpdfCheck, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { serveApp } from '../node/serve.js';
import type { LocalServer } from '../node/tsa-server.js';
import { signPdf } from '../sign/sign-pdf.js';
import { signPdfBatch } from '../signers/batch.js';
import { listRelayCredentials, relaySigner, requestRelayOtp } from '../signers/relay-client.js';
import { createCscMock, type CscMock } from '../testing/csc-mock.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { createSigningRelay } from './relay.js';

const SECRET = 'relay-client-secret-9f8e7d';
let pki: DemoPki;
let mock: CscMock;
let service: LocalServer;
let relay: LocalServer;
const seen: string[] = [];

beforeAll(async () => {
  pki = await createDemoPki();
  mock = createCscMock({
    credentials: [
      { credentialID: 'u1-phone', userID: 'u1', identity: pki.signer, multisign: 5 },
      { credentialID: 'u1-pin', userID: 'u1', identity: pki.signer, pin: '2468' },
      { credentialID: 'u2-seal', userID: 'u2', identity: pki.seal },
    ],
    clients: [{ clientId: 'portal-backend', clientSecret: SECRET }],
    outcome: 'approve',
    afterMs: 40,
  });
  service = await serveApp(mock.app);
  const app = createSigningRelay({
    service: { baseUrl: service.url, clientId: 'portal-backend', clientSecret: SECRET },
    authenticate: (req) => {
      const m = /^Bearer session-(\w+)$/.exec(req.headers.get('authorization') ?? '');
      return m ? { userID: m[1]! } : undefined;
    },
  });
  // Record every response the relay gives (what a browser could ever see).
  relay = await serveApp({
    fetch: async (req: Request) => {
      const res = await app.fetch(req);
      seen.push(`${[...res.headers].join(';')}\n${await res.clone().text()}`);
      return res;
    },
  });
});
afterAll(async () => {
  await relay.close();
  await service.close();
});
beforeEach(() => {
  mock.configure({ outcome: 'approve', afterMs: 40, fault: 'none' });
});

const as = (user: string) => ({ url: relay.url, headers: () => ({ authorization: `Bearer session-${user}` }), pollIntervalMs: 20 });

describe('signing relay (the service secret stays on the server)', () => {
  it('lists only the caller’s credentials', async () => {
    const list = await listRelayCredentials(as('u1'));
    expect(list.map((c) => c.credentialID)).toEqual(['u1-phone', 'u1-pin']);
    expect(list[1]!.authObjects).toEqual(['PIN']);
    expect(list[0]!.certificates[0]).toEqual(pki.signer.der);
  });

  it('signs through the relay after the phone confirms; pdfsig, qpdf and verifyPdf agree; the secret never reaches the browser side', async () => {
    const states: string[] = [];
    const signer = relaySigner({ ...as('u1'), credentialID: 'u1-phone', onState: (s) => states.push(s.state) });
    const signed = await signPdf(await makePdf(), { signer });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    const path = writeTemp(tempDir(), 'relay.pdf', signed);
    expect(pdfsig(path, ['-nocert'])).toContain('Total document signed');
    expect(qpdfCheck(path).code).toBe(0);
    expect(states).toEqual(['authorizing', 'waiting', 'signing', 'signed']);
    // The relay did use the secret with the service…
    const basic = `Basic ${btoa(`portal-backend:${SECRET}`)}`;
    expect(mock.requests.some((r) => r.authorization === basic)).toBe(true);
    // …and no relay response carries it, nor the service's access tokens.
    const tokens = mock.requests.filter((r) => r.authorization?.startsWith('Bearer ')).map((r) => r.authorization!.slice(7));
    expect(seen.length).toBeGreaterThan(3);
    for (const text of seen) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(btoa(`portal-backend:${SECRET}`));
      for (const t of tokens) expect(text).not.toContain(t);
    }
  });

  it('signs a batch of documents with one confirmation', async () => {
    const before = mock.requests.filter((r) => r.path.endsWith('/authorize')).length;
    const pdfs = await Promise.all([1, 2, 3].map((n) => makePdf({ text: `Cong van ${n}` })));
    const signed = await signPdfBatch(pdfs, { signer: relaySigner({ ...as('u1'), credentialID: 'u1-phone' }) });
    for (const s of signed) expect((await verifyPdf(s, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(mock.requests.filter((r) => r.path.endsWith('/authorize')).length).toBe(before + 1);
  });

  it('explicit PIN through the relay; a wrong PIN is REMOTE_AUTH_DATA', async () => {
    const ok = await signPdf(await makePdf(), { signer: relaySigner({ ...as('u1'), credentialID: 'u1-pin', pin: '2468' }) });
    expect((await verifyPdf(ok, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    await expect(signPdf(await makePdf(), { signer: relaySigner({ ...as('u1'), credentialID: 'u1-pin', pin: '0000' }) })).rejects.toMatchObject({ code: 'REMOTE_AUTH_DATA' });
  });

  it('rejection and expiry reach the browser as their own codes', async () => {
    mock.configure({ outcome: 'reject' });
    await expect(signPdf(await makePdf(), { signer: relaySigner({ ...as('u1'), credentialID: 'u1-phone' }) })).rejects.toMatchObject({ code: 'REMOTE_REJECTED', vi: /từ chối/ });
    mock.configure({ outcome: 'expire' });
    await expect(signPdf(await makePdf(), { signer: relaySigner({ ...as('u1'), credentialID: 'u1-phone' }) })).rejects.toMatchObject({ code: 'REMOTE_EXPIRED', en: /expired/ });
  });

  it('someone else’s transaction id is not found', async () => {
    mock.configure({ outcome: 'manual' });
    const hashes = [btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))];
    const started = await fetch(`${relay.url}/transactions`, { method: 'POST', headers: { authorization: 'Bearer session-u1', 'content-type': 'application/json' }, body: JSON.stringify({ credentialID: 'u1-phone', hashes }) });
    const { id } = (await started.json()) as { id: string };
    expect((await fetch(`${relay.url}/transactions/${id}`, { headers: { authorization: 'Bearer session-u2' } })).status).toBe(404);
    const cancelled = await fetch(`${relay.url}/transactions/${id}`, { method: 'DELETE', headers: { authorization: 'Bearer session-u1' } });
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled' });
  });

  it('a relay whose service is down answers REMOTE_UNREACHABLE', async () => {
    const app = createSigningRelay({ service: { baseUrl: 'http://127.0.0.1:1', clientId: 'x', clientSecret: 'y' }, authenticate: () => ({ userID: 'u1' }) });
    const down = await serveApp(app);
    try {
      await expect(listRelayCredentials({ url: down.url })).rejects.toMatchObject({ code: 'REMOTE_UNREACHABLE' });
    } finally {
      await down.close();
    }
  });
  it('refuses another user’s credential, and unauthenticated callers before reading the body', async () => {
    await expect(signPdf(await makePdf(), { signer: relaySigner({ ...as('u1'), credentialID: 'u2-seal' }) })).rejects.toMatchObject({ code: 'REMOTE_CREDENTIAL' });
    const hashes = [btoa(String.fromCharCode(...new Uint8Array(32)))];
    const forged = await fetch(`${relay.url}/transactions`, { method: 'POST', headers: { authorization: 'Bearer session-u1', 'content-type': 'application/json' }, body: JSON.stringify({ credentialID: 'u2-seal', hashes }) });
    expect(forged.status).toBe(403);
    const anonymous = await fetch(`${relay.url}/transactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024) });
    expect(anonymous.status).toBe(401);
    const big = await fetch(`${relay.url}/transactions`, { method: 'POST', headers: { authorization: 'Bearer session-u1', 'content-type': 'application/json' }, body: 'x'.repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    const badHash = await fetch(`${relay.url}/transactions`, { method: 'POST', headers: { authorization: 'Bearer session-u1', 'content-type': 'application/json' }, body: JSON.stringify({ credentialID: 'u1-phone', hashes: ['AAAA'] }) });
    expect(badHash.status).toBe(400);
    expect(await badHash.json()).toMatchObject({ error: { code: 'RELAY_REQUEST' } });
  });
});

describe('relay: online OTP (credentials/sendOTP) and asynchronous signHash', () => {
  it('sends the OTP for the caller’s own credential only, then signs with PIN + OTP through signPolling; the secret never shows', async () => {
    const otpMock = createCscMock({
      credentials: [
        { credentialID: 'u3-sms', userID: 'u3', identity: pki.signer, pin: '1111', onlineOtp: true, multisign: 2 },
        { credentialID: 'u4-sms', userID: 'u4', identity: pki.seal, pin: '2222', onlineOtp: true },
      ],
      clients: [{ clientId: 'be', clientSecret: SECRET }],
      asyncSignMs: 100,
    });
    const app = createSigningRelay({
      service: { baseUrl: 'http://csc.invalid', clientId: 'be', clientSecret: SECRET, fetch: (input, init) => Promise.resolve(otpMock.app.fetch(new Request(input, init))) },
      authenticate: (req) => {
        const m = /^Bearer session-(\w+)$/.exec(req.headers.get('authorization') ?? '');
        return m ? { userID: m[1]! } : undefined;
      },
      asyncSignHash: true,
    });
    const replies: string[] = [];
    const fetchRelay: typeof fetch = async (input, init) => {
      const res = await app.fetch(new Request(input, init));
      replies.push(await res.clone().text());
      return res;
    };
    const u3 = { url: 'http://relay.test', headers: () => ({ authorization: 'Bearer session-u3' }), fetch: fetchRelay };
    await expect(requestRelayOtp(u3, 'u4-sms')).rejects.toMatchObject({ code: 'REMOTE_CREDENTIAL' });
    expect(otpMock.sentOtp('u4-sms')).toBeUndefined();
    await requestRelayOtp(u3, 'u3-sms');
    const code = otpMock.sentOtp('u3-sms')!;
    expect(code).toMatch(/^\d{6}$/);
    const signed = await signPdfBatch([await makePdf(), await makePdf()], { signer: relaySigner({ ...u3, credentialID: 'u3-sms', pin: '1111', otp: code, pollIntervalMs: 20 }) });
    for (const pdf of signed) expect((await verifyPdf(pdf, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(otpMock.requests.filter((r) => r.path.endsWith('/signatures/signPolling')).length).toBeGreaterThan(0);
    expect(JSON.parse(otpMock.requests.find((r) => r.path.endsWith('/signatures/signHash'))!.body)).toMatchObject({ operationMode: 'A' });
    // The code was used: the same one again is refused.
    await expect(signPdf(await makePdf(), { signer: relaySigner({ ...u3, credentialID: 'u3-sms', pin: '1111', otp: code }) })).rejects.toMatchObject({ code: 'REMOTE_AUTH_DATA' });
    expect(replies.join('\n')).not.toContain(SECRET);
  });
});
