// A signing certificate given itself as the trust anchor is trusted directly (as EU DSS does): there is no
// intermediate to check, and the anchor's own constraints (it is not a CA) do not apply to it (RFC 5280 §6.1).
import { beforeAll, describe, expect, it } from 'vitest';
import { cryptoKeySigner } from '../sign/signer.js';
import { signPdf } from '../sign/sign-pdf.js';
import { checkSigningCertificate } from './certificates.js';
import { issueCertificate, type Identity } from '../testing/pki.js';
import { makePdf } from '../node/test-support/fixtures.js';
import { verifyPdf } from './verify-pdf.js';

let self: Identity;
let other: Identity;
beforeAll(async () => {
  self = await issueCertificate(undefined, { commonName: 'Nguyễn Văn Tự Ký', organization: 'egov-vn test' });
  other = await issueCertificate(undefined, { commonName: 'Người khác', organization: 'egov-vn test' });
});

describe('a self-signed signing certificate given as the trust anchor', () => {
  it('is TOTAL_PASSED, with no chain problem', async () => {
    const signed = await signPdf(await makePdf(), { signer: cryptoKeySigner(self.privateKey, [self.der]) });
    const s = (await verifyPdf(signed, { trustAnchors: [self.der] })).signatures[0]!;
    expect(s.checks.filter((c) => !c.passed && c.level === 'FAIL')).toEqual([]);
    expect(JSON.stringify(s)).not.toContain('not a CA certificate');
    expect(s.indication).toBe('TOTAL_PASSED');
  });

  it('is still INDETERMINATE when another self-signed certificate is the anchor', async () => {
    const signed = await signPdf(await makePdf(), { signer: cryptoKeySigner(self.privateKey, [self.der]) });
    const s = (await verifyPdf(signed, { trustAnchors: [other.der] })).signatures[0]!;
    expect(s.indication).toBe('INDETERMINATE');
  });

  it('is not trusted directly outside its validity period', async () => {
    const signed = await signPdf(await makePdf(), { signer: cryptoKeySigner(self.privateKey, [self.der]) });
    const later = new Date(self.certificate.notAfter.value.getTime() + 86_400_000);
    const s = (await verifyPdf(signed, { trustAnchors: [self.der], now: later })).signatures[0]!;
    expect(s.indication).not.toBe('TOTAL_PASSED');
  });

  it('passes checkSigningCertificate before signing', async () => {
    const check = await checkSigningCertificate(self.der, { trustAnchors: [self.der] });
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
  });
});
