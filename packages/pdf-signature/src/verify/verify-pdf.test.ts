import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { makePdf } from '../node/test-support/fixtures.js';
import { verifyPdf } from './verify-pdf.js';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki();
});

describe('verifyPdf basics', () => {
  it('passes an honest signature with a trusted root and reports the whole file', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures).toHaveLength(1);
    const s = report.signatures[0]!;
    expect(s.checks.filter((c) => !c.passed && c.level === 'FAIL')).toEqual([]);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.coverage).toBe('ENTIRE_FILE');
    expect(s.modificationLevel).toBe('NONE');
    expect(s.signerName).toBe('Nguyễn Văn A');
    expect(s.format).toBe('PAdES-BASELINE-B');
  });

  it('is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND without trust anchors', async () => {
    const signed = await signPdf(await makePdf({ objectStreams: true }), { signer: pki.signerFor(pki.signer) });
    const s = (await verifyPdf(signed, { trustAnchors: [] })).signatures[0]!;
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('keeps chain results apart by anchors and time (results are remembered per signer)', async () => {
    const other = await createDemoPki();
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const verdict = async (anchors: Uint8Array[], now?: Date) =>
      (await verifyPdf(signed, { trustAnchors: anchors, ...(now ? { now } : {}) })).signatures[0]!.indication;
    expect(await verdict([pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der])).toBe('INDETERMINATE');
    expect(await verdict([pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der, pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der])).toBe('INDETERMINATE');
  });
});

