import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoKeySigner, signPdf, verifyPdf } from '@egov-vn/pdf-signature';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeed } from './config.js';
import { startHub, type RunningHub } from './server.js';
import { createDemoKit, loadDemoKit, publicDemoKit, readTrustAnchors, type DemoKit, type PublicDemoKit } from './trust.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-trust-'));
let kit: DemoKit;
let hub: RunningHub;
/** The kit as written to disk at the start (a later test writes other kits into the same directory). */
let onDisk: string;

beforeAll(async () => {
  kit = await loadDemoKit(dir, demoSeed);
  onDisk = readFileSync(join(dir, 'kit.json'), 'utf8');
  hub = await startHub({ dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors, demoKit: kit } });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The certificates of a PEM chain, read by Node's own X.509 parser (independent of the kit's). */
const x509s = (pems: readonly string[]): X509Certificate[] =>
  pems.join('').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!.map((pem) => new X509Certificate(pem));

describe('demo PKI', () => {
  it('issues one signer per seeded agency, chained to the served root', async () => {
    const codes = demoSeed.systems.flatMap((s) => s.agencies.map((a) => a.code));
    expect(kit.agencies.map((a) => a.code).sort()).toEqual(codes.sort());
    const [root] = x509s(kit.trustAnchors);
    for (const agency of kit.agencies) {
      const [cert, issuing] = x509s(agency.signer.chain);
      expect(cert?.subject).toContain(agency.signer.fullName);
      expect(cert?.subject).toContain(agency.name);
      expect(cert?.verify(issuing!.publicKey)).toBe(true);
      expect(issuing?.verify(root!.publicKey)).toBe(true);
      // The private key is the certificate's: a signature made with it verifies under the certificate's public key.
      const key = await crypto.subtle.importKey('pkcs8', Buffer.from(agency.signer.privateKeyPkcs8, 'base64'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      const data = new TextEncoder().encode(agency.code);
      const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data);
      const publicKey = await crypto.subtle.importKey('spki', cert!.publicKey.export({ type: 'spki', format: 'der' }), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
      expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, data)).toBe(true);
    }
  });

  it('gives each agency its own certificate (the digital seal), named after it and chained to the root', () => {
    const [root] = x509s(kit.trustAnchors);
    for (const agency of kit.agencies) {
      const [cert, issuing] = x509s(agency.seal.chain);
      expect(cert?.subject.split(/\n| \+ /).find((part) => part.startsWith('CN='))).toBe(`CN=${agency.name}`);
      expect(cert?.verify(issuing!.publicKey)).toBe(true);
      expect(issuing?.verify(root!.publicKey)).toBe(true);
      expect(agency.seal.privateKeyPkcs8).not.toBe(agency.signer.privateKeyPkcs8);
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
  it('serves the trust anchors and the public demo kit, and leaves other routes to the hub', async () => {
    const pem = await fetch(`${hub.url}/v1/trust-anchors`);
    expect(pem.headers.get('content-type')).toMatch(/x-pem-file/);
    expect(await pem.text()).toBe(kit.trustAnchors.join(''));
    const served = (await (await fetch(`${hub.url}/demo/kit.json`)).json()) as PublicDemoKit;
    expect(served).toEqual(publicDemoKit(kit));
    expect(served.agencies.map((a) => a.code)).toEqual(kit.agencies.map((a) => a.code));
    // the public certificates a browser may check signatures with are there
    expect(served.agencies.map((a) => a.signer.chain)).toEqual(kit.agencies.map((a) => a.signer.chain));
    expect(served.agencies.map((a) => a.seal.chain)).toEqual(kit.agencies.map((a) => a.seal.chain));
    expect((await fetch(`${hub.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${hub.url}/v1/agencies`)).status).toBe(401);
  });

  it('never serves a system secret nor a private key (signers, seals, timestamp authority), though the kit on disk keeps them', async () => {
    const text = await (await fetch(`${hub.url}/demo/kit.json`)).text();
    const secrets = [
      ...kit.agencies.flatMap((a) => [a.secret, a.signer.privateKeyPkcs8, a.seal.privateKeyPkcs8]),
      kit.timestampAuthority!.privateKeyPkcs8,
    ];
    expect(secrets.length).toBe(kit.agencies.length * 3 + 1);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(onDisk).toContain(secret); // the server-side demo signer reads them there
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 64)); // not even a piece of a key
    }
    expect(text).not.toMatch(/privateKey|secret"|PRIVATE KEY/u);
    expect(JSON.parse(text)).not.toHaveProperty('timestampAuthority');
  });

  it('timestamps signatures over HTTP (RFC 3161): a PDF signed against /demo/tsa verifies as PAdES B-T', async () => {
    const agency = kit.agencies[0]!;
    const pem = (p: string): Uint8Array<ArrayBuffer> => Uint8Array.from(Buffer.from(p.replace(/-----[^-]+-----|\s+/g, ''), 'base64'));
    const key = await crypto.subtle.importKey('pkcs8', pem(agency.seal.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    const doc = await PDFDocument.create();
    doc.addPage();
    const signed = await signPdf(await doc.save(), { signer: cryptoKeySigner(key, agency.seal.chain.map(pem)), timestamp: { url: `${hub.url}/demo/tsa` } });
    const [s] = (await verifyPdf(signed, { trustAnchors: kit.trustAnchors })).signatures;
    expect(s?.indication).toBe('TOTAL_PASSED');
    expect(s?.format).toBe('PAdES-BASELINE-T');
    expect(s?.timestamp?.trusted).toBe(true);
    expect(s?.signerName).toBe(agency.name);
  });

  it('refuses what is not a timestamp request, in Vietnamese and English', async () => {
    const post = (body: BodyInit, type = 'application/timestamp-query') => fetch(`${hub.url}/demo/tsa`, { method: 'POST', headers: { 'content-type': type }, body });
    const garbage = await post(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]));
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toMatch(/không hợp lệ.*Invalid timestamp request/su);
    expect((await post('{}', 'application/json')).status).toBe(415);
    expect((await post(new Uint8Array(20_000))).status).toBe(413);
    expect((await fetch(`${hub.url}/demo/tsa`)).status).toBe(404);
  });

  it('serves no kit when none is configured', async () => {
    const plain = await startHub({ dataDir: 'memory://', seed: demoSeed, trust: { trustAnchors: kit.trustAnchors } });
    try {
      expect((await fetch(`${plain.url}/demo/kit.json`)).status).toBe(404);
      expect((await fetch(`${plain.url}/demo/tsa`, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: new Uint8Array(4) })).status).toBe(404);
      expect((await fetch(`${plain.url}/v1/trust-anchors`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
