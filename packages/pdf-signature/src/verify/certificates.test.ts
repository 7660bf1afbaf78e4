import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, issueCertificate, toPem, type DemoPki } from '../testing/pki.js';
import { checkSigningCertificate } from './certificates.js';
import { VERDICTS, verdictOf } from './verdict.js';
import { verifyPdf } from './verify-pdf.js';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
});

describe('certificate chain in the report', () => {
  it('lists signer, issuing CA and root with validity and key usage, the root marked as the trust anchor', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer), contactInfo: 'vanthu@demo.gov.vn' });
    const s = (await verifyPdf(signed, { trustAnchors: [toPem(pki.root.der)] })).signatures[0]!;
    expect(s.verdict).toBe('valid');
    expect(s.contactInfo).toBe('vanthu@demo.gov.vn');
    expect(s.certificateChain.map((c) => c.subject)).toEqual([
      'C=VN, O=UBND tỉnh Demo, CN=Nguyễn Văn A',
      'C=VN, O=egov-vn demo, CN=Demo Issuing CA',
      'C=VN, O=egov-vn demo, CN=Demo Root CA',
    ]);
    expect(s.certificateChain.map((c) => c.trustAnchor)).toEqual([false, false, true]);
    expect(s.certificateChain.map((c) => c.ca)).toEqual([false, true, true]);
    const [leaf, ca, root] = s.certificateChain;
    expect(leaf!.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(ca!.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(leaf!.issuer).toBe(ca!.subject);
    expect(root!.selfSigned).toBe(true);
    expect(Math.floor(leaf!.notBefore.getTime() / 1000)).toBe(Math.floor(pki.signer.certificate.notBefore.value.getTime() / 1000));
    expect(Math.floor(leaf!.notAfter.getTime() / 1000)).toBe(Math.floor(pki.signer.certificate.notAfter.value.getTime() / 1000));
    expect(leaf!.serialNumber).toMatch(/^[0-9a-f]+$/);
  });

  it('stops at the last certificate it has when nothing is trusted, and says valid-untrusted', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const s = (await verifyPdf(signed, { trustAnchors: [] })).signatures[0]!;
    expect(s.verdict).toBe('valid-untrusted');
    expect(s.certificateChain).toHaveLength(2);
    expect(s.certificateChain.every((c) => !c.trustAnchor)).toBe(true);
  });
});

describe('verdictOf', () => {
  const fail = (id: string) => ({ id, level: 'FAIL' as const, passed: false, message: { vi: id, en: id } });
  it('maps indications and change checks to the five verdicts', () => {
    expect([
      verdictOf({ indication: 'TOTAL_PASSED', checks: [] }),
      verdictOf({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', checks: [] }),
      verdictOf({ indication: 'TOTAL_FAILED', subIndication: 'SIG_CONSTRAINTS_FAILURE', checks: [fail('UndefinedChanges')] }),
      verdictOf({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE', checks: [] }),
      verdictOf({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', checks: [] }),
    ]).toEqual(VERDICTS);
    expect(verdictOf({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE', checks: [fail('DocMDP')] })).toBe('modified');
  });
});

describe('checkSigningCertificate', () => {
  const day = 24 * 3600_000;
  it('accepts a current signing certificate that chains to a trust anchor', async () => {
    const check = await checkSigningCertificate(pki.signer.der, { trustAnchors: [pki.root.der], intermediates: [pki.intermediate.der] });
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.certificate.subject).toContain('CN=Nguyễn Văn A');
    expect(check.chain.map((c) => c.trustAnchor)).toEqual([false, false, true]);
  });

  it('reports an expired certificate, and one not valid yet, at the signing time', async () => {
    const expired = await checkSigningCertificate(pki.signer.certificate, { at: new Date(Date.now() + 6 * 365 * day) });
    expect(expired.problems.map((p) => p.code)).toEqual(['EXPIRED']);
    expect(expired.problems[0]!.message.vi).toMatch(/hết hạn từ ngày \d{2}\/\d{2}\/\d{4}/);
    expect(expired.problems[0]!.message.en).toMatch(/expired on/);
    const early = await checkSigningCertificate(pki.signer.certificate, { at: new Date(Date.now() - 3 * day) });
    expect(early.problems.map((p) => p.code)).toEqual(['NOT_YET_VALID']);
    expect(early.ok).toBe(false);
  });

  it('names the day of expiry as a day in Việt Nam: a certificate ending at 17:30 UTC ended the next morning there', async () => {
    const late = await issueCertificate(pki.intermediate, {
      commonName: 'Hết hạn lúc 00:30 giờ Việt Nam',
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      keyAlgorithm: 'ECDSA',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2026-12-02T17:30:00Z'),
    });
    const check = await checkSigningCertificate(late.der, { at: new Date('2026-12-10T00:00:00Z') });
    expect(check.problems.map((p) => p.message)).toEqual([
      { vi: 'Chứng thư số đã hết hạn từ ngày 03/12/2026', en: 'The certificate expired on 2026-12-03' },
    ]);
  });

  it('reports a certificate without digitalSignature or nonRepudiation', async () => {
    const encryptOnly = await issueCertificate(pki.intermediate, { commonName: 'Chỉ mã hoá', keyUsage: ['keyCertSign'], keyAlgorithm: 'ECDSA' });
    const check = await checkSigningCertificate(encryptOnly.der);
    expect(check.problems.map((p) => p.code)).toEqual(['KEY_USAGE']);
    expect(check.problems[0]!.message.vi).toContain('không được cấp để ký');
  });

  it('reports an untrusted chain only when trust anchors are given', async () => {
    const other = await createDemoPki({ keyAlgorithm: 'ECDSA', prefix: 'Other' });
    expect((await checkSigningCertificate(pki.signer.der)).ok).toBe(true);
    const check = await checkSigningCertificate(pki.signer.der, { trustAnchors: [other.root.der], intermediates: [pki.intermediate.der] });
    expect(check.problems.map((p) => p.code)).toEqual(['UNTRUSTED']);
    expect(check.problems[0]!.message.en).toContain('does not chain');
  });
});
