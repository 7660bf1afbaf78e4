/** Signs and verifies in real Chromium: the main entry uses WebCrypto only. */
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { formatReport, signPdf, verifyPdf } from './index.js';
import { createDemoPki, createTimestampResponse } from './testing.js';
import { forgeSignatureValue } from './testing/forge.js';

async function makePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  doc.addPage().drawText('Cong van 12/UBND-VP', { x: 72, y: 760, size: 13, font });
  return doc.save({ useObjectStreams: true });
}

describe('in the browser', () => {
  it('signs B-T with a demo CA and a fetch-based TSA, verifies, and detects tampering', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('object');
    const pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
    const tsaFetch: typeof fetch = async (_url, init) =>
      new Response((await createTimestampResponse(new Uint8Array(init!.body as Uint8Array), pki.tsa)) as Uint8Array<ArrayBuffer>, { status: 200 });
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer), timestamp: { url: 'https://tsa.invalid/', fetch: tsaFetch } });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]!.format).toBe('PAdES-BASELINE-T');
    expect(formatReport(report)).toContain('1/1 chữ ký hợp lệ.');
    const tampered = signed.slice();
    tampered[12]! ^= 0x01;
    const bad = await verifyPdf(tampered, { trustAnchors: [pki.root.der] });
    expect(bad.signatures[0]!.indication).toBe('TOTAL_FAILED');
  });

  it('checks an RSA signature value with WebCrypto: a changed signature fails as a crypto failure', async () => {
    const pki = await createDemoPki({ keyAlgorithm: 'RSA' });
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    const forged = forgeSignatureValue(signed);
    const s = (await verifyPdf(forged, { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});
