// The DEMO signer, server side: the office server (DEMO mode) mounts the signing relay and a CSC v2 mock holding the
// sandbox hub's demo keys, read from the hub's DEMO_PKI_DIR (waiting until the real hub, started as a child process,
// has written kit.json). A demo user's token lists that user's credentials through the relay, the signing is
// approved on the DEMO phone page, and verifyPdf says TOTAL_PASSED (B-T, the hub's TSA) against the hub's anchors.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRelayCredentials, relaySigner, signPdf, signPdfBatch, verifyPdf, type PdfSignatureError } from '@egov-vn/pdf-signature';
import { galleryDocument } from '@egov-vn/pdf-signature/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOffice, type RunningOffice } from './server.js';
import { startApp } from './test-processes.js';
import { freePort } from '@egov-vn/vitest-config/processes';

const SNV = '000.00.02.H49';
const CLIENT_SECRET = 'demo-signing-client-secret-7f3a9c1e5b';

describe('demo signing relay on the office server (DEMO mode)', () => {
  const pkiDir = mkdtempSync(join(tmpdir(), 'egov-demo-pki-'));
  const logs: string[] = [];
  /** Every response body and header the relay and the phone page gave. */
  const seen: string[] = [];
  let office: RunningOffice;
  let hub: { url: string; child: ChildProcess } | undefined;
  let hubPort: number;

  const seeingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    seen.push(JSON.stringify([...res.headers]), await res.clone().text());
    return res;
  };
  const token = async (user: string): Promise<string> => {
    const res = await fetch(`${office.url}/demo/idp/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const relay = (bearer: string) => ({ url: `${office.url}/demo/signing/relay`, headers: () => ({ authorization: `Bearer ${bearer}` }), fetch: seeingFetch });
  /** The phone page: waits for the user's request, then presses the button the page shows (its relative form action). */
  const press = async (userID: string, action: 'approve' | 'reject'): Promise<void> => {
    const page = `${office.url}/demo/signing/phone?user=${encodeURIComponent(userID)}`;
    let html = '';
    for (let i = 0; i < 300; i++) {
      html = await (await seeingFetch(page)).text();
      if (html.includes(`/${action}`)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(html).toContain('DEMO');
    const form = new RegExp(`action="([^"]+/${action}[^"]*)"`).exec(html);
    expect(form?.[1]).toBeTruthy();
    const answer = await seeingFetch(new URL(form![1]!.replace(/&amp;/g, '&'), page), { method: 'POST', redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect(new URL(answer.headers.get('location')!, new URL(form![1]!.replace(/&amp;/g, '&'), page)).pathname).toBe('/demo/signing/phone');
  };

  beforeAll(async () => {
    hubPort = await freePort();
    office = await startOffice({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', HUB_URL: `http://127.0.0.1:${hubPort}`, DEMO_PKI_DIR: pkiDir, DEMO_SIGNING_CLIENT_SECRET: CLIENT_SECRET });
  });

  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    await office.close();
    rmSync(pkiDir, { recursive: true, force: true });
  });

  it('answers 503 with a bilingual reason until the hub has written its demo PKI, then loads it', async () => {
    const early = await fetch(`${office.url}/demo/signing/relay/credentials`, { method: 'POST', headers: { authorization: `Bearer ${await token('snv.lanhdao')}` } });
    expect(early.status).toBe(503);
    const body = (await early.json()) as { error: { code: string; vi: string; en: string } };
    expect(body.error.code).toBe('DEMO_PKI_MISSING');
    expect(body.error.vi).toContain('trục');
    expect(body.error.en).toContain('hub');
    expect(((await (await fetch(`${office.url}/demo/signing`)).json()) as { ready: boolean }).ready).toBe(false);

    const env = { PORT: String(hubPort), HOST: '127.0.0.1', DATA_DIR: 'memory://', DATABASE_URL: '', HUB_SEED: '', DEMO_PKI_DIR: pkiDir };
    hub = await startApp('exchange-hub', env, logs);
    let ready = false;
    for (let i = 0; i < 200 && !ready; i++) {
      ready = ((await (await fetch(`${office.url}/demo/signing`)).json()) as { ready: boolean }).ready;
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(true);
  });

  it('lists each user the credentials of their agency and role only; refuses a request without a valid token', async () => {
    const leader = await listRelayCredentials(relay(await token('snv.lanhdao')));
    expect(leader.map((c) => c.credentialID)).toEqual([`${SNV}/lanh-dao`]);
    expect(leader[0]!.authObjects).toEqual([]); // confirmed on the phone
    expect(leader[0]!.description).toContain('Trần Thị Lan');
    const clerk = await listRelayCredentials(relay(await token('snv.vanthu')));
    expect(clerk.map((c) => c.credentialID)).toEqual([`${SNV}/co-quan`]);
    expect(await listRelayCredentials(relay(await token('stc.lanhdao')))).toHaveLength(1);
    expect(await listRelayCredentials(relay(await token('snv.chuyenvien')))).toEqual([]);

    // The portal (another origin) calls with credentials: 'include', so the preflight must allow credentials.
    const preflight = await fetch(`${office.url}/demo/signing/relay/transactions`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const anonymous = await fetch(`${office.url}/demo/signing/relay/credentials`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${office.url}/demo/signing/relay/credentials`, { method: 'POST', headers: { authorization: 'Bearer a.b.c' } });
    expect(forged.status).toBe(401);
    // Another agency's leader cannot start a transaction on SNV's leader credential.
    const other = await fetch(`${office.url}/demo/signing/relay/transactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('stc.lanhdao')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credentialID: `${SNV}/lanh-dao`, hashes: [Buffer.alloc(32, 1).toString('base64')], hashAlgorithm: 'SHA-256' }),
    });
    expect(other.status).toBe(403);
    // The CSC service itself and the hub's kit are not reachable through the office server.
    for (const path of ['/demo/signing/csc/v2/credentials/list', '/demo/signing/oauth2/token', '/demo/signing/kit.json']) {
      expect((await fetch(`${office.url}${path}`, { method: 'POST' })).status).toBe(404);
    }
  });

  it("signs as the leader, approved on the phone page: TOTAL_PASSED B-T against the hub's trust anchors", async () => {
    const signer = relaySigner({ ...relay(await token('snv.lanhdao')), credentialID: `${SNV}/lanh-dao`, pollIntervalMs: 50, description: 'Quyết định 12/QĐ-SNV' });
    const signing = signPdf(galleryDocument(), { signer, reason: 'Phê duyệt', timestamp: { url: `${hub!.url}/demo/tsa` } });
    await press(`lanhDao@${SNV}`, 'approve');
    const signed = await signing;
    const anchors = await (await fetch(`${hub!.url}/v1/trust-anchors`)).text();
    const report = await verifyPdf(signed, { trustAnchors: [anchors] });
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]!.format).toBe('PAdES-BASELINE-T');
    expect(report.signatures[0]!.signerSubject).toContain('Trần Thị Lan');
  });

  it('seals two documents with one approval as the clerk (batch), and a rejection on the phone is REMOTE_REJECTED', async () => {
    const clerk = relay(await token('snv.vanthu'));
    const batch = signPdfBatch([galleryDocument(), galleryDocument()], { signer: relaySigner({ ...clerk, credentialID: `${SNV}/co-quan`, pollIntervalMs: 50 }) });
    await press(`vanThu@${SNV}`, 'approve');
    const sealed = await batch;
    const anchors = await (await fetch(`${hub!.url}/v1/trust-anchors`)).text();
    for (const pdf of sealed) {
      const s = (await verifyPdf(pdf, { trustAnchors: [anchors] })).signatures[0]!;
      expect(s.indication).toBe('TOTAL_PASSED');
      expect(s.signerSubject).toContain('Sở Nội vụ');
    }

    const refused = signPdf(galleryDocument(), { signer: relaySigner({ ...clerk, credentialID: `${SNV}/co-quan`, pollIntervalMs: 50 }) });
    const outcome = refused.catch((e: unknown) => e as PdfSignatureError);
    await press(`vanThu@${SNV}`, 'reject');
    const error = await outcome;
    expect(error).toMatchObject({ code: 'REMOTE_REJECTED' });
  });

  it('never shows the client secret or a private key in any relay or phone-page response', () => {
    expect(seen.length).toBeGreaterThan(10);
    const all = seen.join('\n');
    expect(all).not.toContain(CLIENT_SECRET);
    expect(all).not.toContain('privateKeyPkcs8');
    expect(all).not.toContain('PRIVATE KEY');
    expect(logs.join('')).not.toContain(CLIENT_SECRET);
  });
});
