import { describe, expect, it } from 'vitest';
import { signEdxml, verifyEdxmlSignature } from './dsig.js';
import { sampleDocumentPackage, sampleStatusPackage } from './fixtures.js';
import { buildEdxml, parseEdxml } from './index.js';

async function rsaKeys(hash: 'SHA-256' | 'SHA-1'): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash },
    true,
    ['sign', 'verify'],
  );
}

describe('XMLDSig in edXMLHeader/Signature', () => {
  it('signs (RSA-SHA256, exclusive c14n, enveloped) and verifies', async () => {
    const keys = await rsaKeys('SHA-256');
    const signed = await signEdxml(buildEdxml(sampleDocumentPackage('new')), { privateKey: keys.privateKey, publicKey: keys.publicKey });
    expect(signed.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const v = await verifyEdxmlSignature(signed);
    expect(v).toMatchObject({
      status: 'valid',
      valid: true,
      reason: 'OK',
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalization: 'http://www.w3.org/2001/10/xml-exc-c14n#',
      coversWholePackage: true,
    });
    // the signature sits inside edXMLHeader, after TraceHeaderList, and the package still parses
    expect(signed.indexOf('</edXML:TraceHeaderList>')).toBeLessThan(signed.indexOf('Signature'));
    expect(signed.indexOf('Signature')).toBeLessThan(signed.indexOf('</edXML:edXMLHeader>'));
    // every other byte is kept
    const original = buildEdxml(sampleDocumentPackage('new'));
    expect(signed.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')).toBe(original);
    const parsed = await parseEdxml(signed);
    expect(parsed.ok && parsed.value.signature?.name).toBe('ds:Signature');
  });

  it('detects a change to the content and to an attachment', async () => {
    const keys = await rsaKeys('SHA-256');
    const signed = await signEdxml(buildEdxml(sampleDocumentPackage('new')), { privateKey: keys.privateKey, publicKey: keys.publicKey });
    const changed = await verifyEdxmlSignature(signed.replace('Nguyễn Văn An', 'Nguyễn Văn Ba'), { lang: 'en' });
    expect(changed).toMatchObject({ status: 'invalid', valid: false, reason: 'DIGEST_MISMATCH' });
    expect(changed.message).toContain('changed after signing');
    const attachment = signed.replace(/(ContentTransferEncoded[^>]*>)JV/, '$1JW');
    expect(attachment).not.toBe(signed);
    expect((await verifyEdxmlSignature(attachment)).reason).toBe('DIGEST_MISMATCH');
  });

  it('reports a signature made with another key', async () => {
    const keys = await rsaKeys('SHA-256');
    const other = await rsaKeys('SHA-256');
    const signed = await signEdxml(buildEdxml(sampleStatusPackage('01')), { privateKey: keys.privateKey, publicKey: keys.publicKey });
    const v = await verifyEdxmlSignature(signed, { key: other.publicKey });
    expect(v).toMatchObject({ status: 'invalid', reason: 'SIGNATURE_MISMATCH' });
  });

  it('verifies RSA-SHA1 signatures like the 2018 VPCP samples', async () => {
    const keys = await rsaKeys('SHA-1');
    const signed = await signEdxml(buildEdxml(sampleDocumentPackage('revoke')), { privateKey: keys.privateKey, publicKey: keys.publicKey, algorithm: 'RSA-SHA1' });
    const v = await verifyEdxmlSignature(signed);
    expect(v).toMatchObject({ status: 'valid', signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' });
    expect(v.digestAlgorithms).toEqual(['http://www.w3.org/2000/09/xmldsig#sha1']);
  });

  it('replaces an existing (empty) signature when signing', async () => {
    const keys = await rsaKeys('SHA-256');
    const pkg = sampleDocumentPackage('new');
    pkg.signature = { name: 'Signature', attributes: [], children: [] };
    const xml = buildEdxml(pkg);
    expect((await verifyEdxmlSignature(xml)).reason).toBe('EMPTY_SIGNATURE');
    const signed = await signEdxml(xml, { privateKey: keys.privateKey, publicKey: keys.publicKey });
    expect(signed.match(/<(ds:)?Signature[ >]/g)).toEqual(['<ds:Signature ']);
    expect((await verifyEdxmlSignature(signed)).status).toBe('valid');
  });

  it('gives a clear verdict for unsigned, non-XMLDSig and unsafe input', async () => {
    expect(await verifyEdxmlSignature(buildEdxml(sampleStatusPackage('05')))).toMatchObject({ status: 'absent', reason: 'NO_SIGNATURE' });
    const foreign = buildEdxml(sampleStatusPackage('05')).replace('</edXML:edXMLHeader>', '<Signature><SignedInfo/></Signature></edXML:edXMLHeader>');
    expect((await verifyEdxmlSignature(foreign)).reason).toBe('NOT_XMLDSIG_NAMESPACE');
    const unsafe = await verifyEdxmlSignature('<!DOCTYPE x [<!ENTITY a "b">]><x/>');
    expect(unsafe).toMatchObject({ status: 'error', reason: 'UNREADABLE' });
    expect(unsafe.issues?.[0]?.code).toBe('XML_DOCTYPE_FORBIDDEN');
  });
});
