import { expect, it } from 'vitest';
import { signEdxml, verifyEdxmlSignature } from './dsig.js';
import { sampleDocumentPackage, sampleStatusPackage } from './fixtures.js';
import { buildEdxml, buildEdxmlStream, checkEdxml, parseEdxml, readAll } from './index.js';

it('parses, checks and builds in Chromium, from a stream too', async () => {
  expect(navigator.userAgent).toContain('Chrome');
  const pkg = sampleDocumentPackage('update');
  const bytes = await readAll(buildEdxmlStream(pkg));
  const r = await parseEdxml(new Blob([bytes.slice()]).stream());
  expect(r.ok && r.value.kind).toBe('document');
  const report = await checkEdxml(buildEdxml(sampleStatusPackage('13')));
  expect(report).toMatchObject({ ok: true, kind: 'status' });
  const bad = await parseEdxml('<!DOCTYPE x [<!ENTITY a "b">]><x/>');
  expect(!bad.ok && bad.errors[0]?.code).toBe('XML_DOCTYPE_FORBIDDEN');
});

it('signs and verifies with the browser WebCrypto and DOM', async () => {
  const keys = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const signed = await signEdxml(buildEdxml(sampleDocumentPackage('new')), { privateKey: keys.privateKey, publicKey: keys.publicKey });
  const v = await verifyEdxmlSignature(signed);
  expect(v).toMatchObject({ status: 'valid', coversWholePackage: true });
  expect((await verifyEdxmlSignature(signed.replace('Hà Nội', 'Huế'))).reason).toBe('DIGEST_MISMATCH');
});
