// Signed and sealed PDFs are verified with @egov-vn/pdf-signature before they are kept: real PAdES signatures on a
// demo PKI, each way to get them wrong refused with SIGNATURE_INVALID and a vi/en message naming the reason. The same
// server (one PGlite per file) proves RATE_LIMITED: a token bucket per user, 429 with Retry-After, refilled with time.
import { DraftSchema, OfficeErrorBodySchema } from '@egov-vn/office-api';
import { signPdf } from '@egov-vn/pdf-signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { B, call, parsed, sampleDocument, startSuiteServer, type SuiteTarget, users } from './office.suite.js';
import { createSigningFixtures, type SigningFixtures } from './testing.js';

let t: SuiteTarget;
let clock = Date.parse('2026-12-02T02:00:00Z');
let f: SigningFixtures;
let stranger: SigningFixtures;
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const refusal = (r: { status: number; json: unknown }) => {
  expect(r.status).toBe(422);
  const body = OfficeErrorBodySchema.parse(r.json);
  expect(body.message.vi.length).toBeGreaterThan(10);
  expect(body.message.en.length).toBeGreaterThan(10);
  return { code: body.code, reason: body.details?.['reason'] };
};

beforeAll(async () => {
  [f, stranger] = await Promise.all([createSigningFixtures('Office CA'), createSigningFixtures('Stranger CA')]);
  let loads = 0;
  t = await startSuiteServer(
    { dataDir: 'memory://' },
    {
      rateLimit: { perMinute: 60, burst: 30 },
      now: () => new Date(clock),
      // A loader, as the demo's (the hub's /v1/trust-anchors): the first load fails and is tried again.
      signatures: { trustAnchors: () => (++loads === 1 ? Promise.reject(new Error('down')) : Promise.resolve(f.trustAnchors)) },
    },
  );
});
afterAll(() => t.close());

async function submitted(): Promise<string> {
  const d = parsed(DraftSchema, await call(t, users.officerA, 'POST', '/v1/drafts', { document: sampleDocument, recipients: [B] }), 201);
  parsed(DraftSchema, await call(t, users.officerA, 'POST', `/v1/drafts/${d.id}/submit`, { signer: users.leaderA.id }));
  return d.id;
}

describe('signatures checked at ký and đóng dấu', () => {
  it('ký: refuses an unsigned PDF, the agency certificate, an untrusted CA and a changed file; keeps the leader’s signature', async () => {
    const id = await submitted();
    const pdf = f.samplePdf('Cong van so 12/SNV-VP');
    const leaderSigned = await f.signAsLeader(pdf);
    // the trust anchors could not be loaded yet: the server says so, and loads them again at the next request
    const first = await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(leaderSigned) });
    expect(first.status).toBe(503);
    expect(refusalCode(first)).toBe('UNAVAILABLE');
    expect(refusal(await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(pdf) }))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'no-signature' });
    const byAgency = await f.sealAsAgency(pdf);
    expect(refusal(await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(byAgency) }))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'kind-person' });
    const untrusted = await stranger.signAsLeader(pdf);
    expect(refusal(await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(untrusted) }))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'invalid' });
    const changed = Buffer.from(leaderSigned);
    const at = changed.indexOf('Cong van so 12');
    changed.write('Cong van so 99', at, 'latin1'); // inside the signed byte range
    expect(refusal(await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(changed) }))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'invalid' });
    const signed = parsed(DraftSchema, await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(leaderSigned) }));
    expect(signed.state).toBe('signed');
  });

  it('đóng dấu: refuses a personal certificate, an untrusted CA, bytes added after the seal; keeps the agency’s seal', async () => {
    const id = await submitted();
    const leaderSigned = await f.signAsLeader(f.samplePdf('Cong van so 13/SNV-VP'));
    parsed(DraftSchema, await call(t, users.leaderA, 'POST', `/v1/drafts/${id}/sign`, { pdf: b64(leaderSigned) }));
    parsed(DraftSchema, await call(t, users.clerkA, 'POST', `/v1/drafts/${id}/number`, {}));
    const seal = (pdf: Uint8Array) => call(t, users.clerkA, 'POST', `/v1/drafts/${id}/seal`, { pdf: b64(pdf) });
    // the leader's certificate again is not the agency's seal
    const byPerson = await signPdf(leaderSigned, { signer: f.pki.signerFor(f.pki.signer), fieldName: 'KyLai' });
    expect(refusal(await seal(byPerson))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'kind-organisation' });
    expect(refusal(await seal(await stranger.sealAsAgency(leaderSigned)))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'invalid' });
    // an incremental update without a new signature
    const unsignedUpdate = Buffer.concat([leaderSigned, Buffer.from('\n% nothing signed here\n%%EOF\n', 'latin1')]);
    expect(refusal(await seal(unsignedUpdate))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'no-new-signature' });
    const sealed = await f.sealAsAgency(leaderSigned);
    // bytes appended after the seal: the new signature no longer covers the whole file
    const appended = Buffer.concat([sealed, Buffer.from('\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/Extra true>>\nendobj\n%%EOF\n', 'latin1')]);
    expect(refusal(await seal(appended))).toEqual({ code: 'SIGNATURE_INVALID', reason: 'coverage' });
    const ok = parsed(DraftSchema, await seal(sealed));
    expect(ok.state).toBe('sealed');
    expect(ok.pdf?.size).toBe(sealed.length);
  });
});

describe('rate limit per user', () => {
  it('answers 429 with Retry-After past the burst, spares other users, and refills', async () => {
    for (let i = 0; i < 30; i++) expect((await call(t, users.adminA, 'GET', '/v1/me')).status).toBe(200);
    const limited = await call(t, users.adminA, 'GET', '/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const body = OfficeErrorBodySchema.parse(limited.json);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.message.vi).toContain('Quá nhiều yêu cầu');
    expect((await call(t, users.leader2A, 'GET', '/v1/me')).status).toBe(200); // another user has their own bucket
    expect((await call(t, null, 'GET', '/v1/me')).status).toBe(401); // authentication comes first
    clock += 1000; // one token back (60 per minute)
    expect((await call(t, users.adminA, 'GET', '/v1/me')).status).toBe(200);
    expect((await call(t, users.adminA, 'GET', '/v1/me')).status).toBe(429);
  });
});

function refusalCode(r: { json: unknown }): string {
  return OfficeErrorBodySchema.parse(r.json).code;
}
