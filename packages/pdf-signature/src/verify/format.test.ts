import { describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing/pki.js';
import { formatVietnamIso } from '@egov-vn/schemas/time';
import { formatReport, vnTime } from './format.js';
import { verifyPdf } from './verify-pdf.js';

describe('formatReport', () => {
  it('renders verdicts in Vietnamese by default and in English on request', async () => {
    const pki = await createDemoPki();
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer), signingTime: new Date('2026-11-23T03:00:00Z') });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    const vi = formatReport(report);
    expect(vi).toContain('Kết luận: TOTAL_PASSED');
    expect(vi).toContain('Thời điểm ký (khai báo): 2026-11-23T10:00:00+07:00');
    expect(vi).toContain('1/1 chữ ký hợp lệ.');
    const en = formatReport(await verifyPdf(signed, { trustAnchors: [] }), { lang: 'en' });
    expect(en).toContain('Verdict: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND');
    expect(en).toContain('0/1 signatures valid.');
  });
  it('reports an unreadable document as failed', async () => {
    const report = await verifyPdf(new TextEncoder().encode('%PDF-1.7\ngarbage'), { trustAnchors: [] });
    expect(formatReport(report, { lang: 'en' })).toMatch(/^Document: TOTAL_FAILED \/ FORMAT_FAILURE/);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated alias is still tested
    expect(vnTime(new Date('2026-01-01T17:30:00Z'))).toBe('2026-01-02T00:30:00+07:00');
    expect(formatVietnamIso(new Date('2026-01-01T17:30:00Z'))).toBe('2026-01-02T00:30:00+07:00');
  });
});
