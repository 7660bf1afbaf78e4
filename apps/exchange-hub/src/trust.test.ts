import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCertificates } from '@egov-vn/pdf-signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './config.js';
import { startHub, type RunningHub } from './server.js';
import { createDemoKit, loadDemoKit, readTrustAnchors, type DemoKit } from './trust.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-trust-'));
let kit: DemoKit;
let hub: RunningHub;

beforeAll(async () => {
  kit = await loadDemoKit(dir, demoSeed);
  hub = await startHub({ dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors, demoKit: kit } });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo PKI', () => {
  it('issues one signer per seeded agency, chained to the served root', async () => {
    const codes = demoSeed.systems.flatMap((s) => s.agencies.map((a) => a.code));
    expect(kit.agencies.map((a) => a.code).sort()).toEqual(codes.sort());
    const [root] = parseCertificates(kit.trustAnchors.join(''));
    for (const agency of kit.agencies) {
      const [cert, issuing] = parseCertificates(agency.signer.chain.join(''));
      expect(cert?.subject.typesAndValues.map((t) => t.value.valueBlock.value)).toContain(agency.signer.fullName);
      expect(cert?.subject.typesAndValues.map((t) => t.value.valueBlock.value)).toContain(agency.name);
      expect(await cert?.verify(issuing)).toBe(true);
      expect(await issuing?.verify(root)).toBe(true);
      // The private key is the certificate's: a signature made with it verifies under the certificate's public key.
      const key = await crypto.subtle.importKey('pkcs8', Buffer.from(agency.signer.privateKeyPkcs8, 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      const data = new TextEncoder().encode(agency.code);
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data);
      const publicKey = await cert!.getPublicKey();
      expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, data)).toBe(true);
    }
  });

  it('is made once and read back; a seed it does not cover makes a new one', async () => {
    expect(await loadDemoKit(dir, demoSeed)).toEqual(kit);
    expect(readTrustAnchors(join(dir, 'trust-anchors.pem'))).toEqual(kit.trustAnchors);
    const other = { systems: [{ systemId: 'x.sandbox', secret: 'secret-x-123', agencies: [{ code: '000.00.09.H49', name: 'Sở X' }] }] };
    const fresh = await loadDemoKit(dir, other);
    expect(fresh.trustAnchors).not.toEqual(kit.trustAnchors);
    expect(JSON.parse(readFileSync(join(dir, 'kit.json'), 'utf8'))).toEqual(fresh);
    writeFileSync(join(dir, 'kit.json'), '{"broken":');
    await expect(loadDemoKit(dir, demoSeed)).rejects.toThrow();
  });

  it('refuses a PEM file without certificates', () => {
    writeFileSync(join(dir, 'empty.pem'), 'nothing here');
    expect(() => readTrustAnchors(join(dir, 'empty.pem'))).toThrow(/no certificate/);
  });

  it('makes distinct CAs on each call', async () => {
    const a = await createDemoKit({ systems: [] });
    expect(a.agencies).toEqual([]);
    expect(a.trustAnchors[0]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(a.trustAnchors).not.toEqual(kit.trustAnchors);
  });
});

describe('trust routes', () => {
  it('serves the trust anchors and the demo kit, and leaves other routes to the hub', async () => {
    const pem = await fetch(`${hub.url}/v1/trust-anchors`);
    expect(pem.headers.get('content-type')).toMatch(/x-pem-file/);
    expect(await pem.text()).toBe(kit.trustAnchors.join(''));
    const served = (await (await fetch(`${hub.url}/demo/kit.json`)).json()) as DemoKit;
    expect(served.agencies.map((a) => a.systemId)).toEqual(kit.agencies.map((a) => a.systemId));
    expect((await fetch(`${hub.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${hub.url}/v1/agencies`)).status).toBe(401);
  });

  it('serves no kit when none is configured', async () => {
    const plain = await startHub({ dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors } });
    try {
      expect((await fetch(`${plain.url}/demo/kit.json`)).status).toBe(404);
      expect((await fetch(`${plain.url}/v1/trust-anchors`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
