import { describe, expect, it, beforeAll } from 'vitest';
import { createDemoPki, toPem, type DemoPki } from '../testing/pki.js';
import { makePdf, pdfsig, qpdfCheck, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { signPdf } from './sign-pdf.js';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki();
});

describe('signPdf', () => {
  it('appends an incremental update that pdfsig and qpdf accept', async () => {
    const input = await makePdf();
    const signed = await signPdf(input, { signer: pki.signerFor(pki.signer), reason: 'Phê duyệt' });
    expect(signed.subarray(0, input.length)).toEqual(input);
    const dir = tempDir();
    const path = writeTemp(dir, 'signed.pdf', signed);
    const out = pdfsig(path, ['-nocert']);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Total document signed');
    expect(out).toContain('ETSI.CAdES.detached');
    expect(qpdfCheck(path).code).toBe(0);
    writeTemp(dir, 'ca.pem', toPem(pki.root.der));
  });
});

describe('signPdf rules', () => {
  it('refuses to sign a document certified with DocMDP P=1, and a certification after an approval signature', async () => {
    const certified = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer), certify: 1 });
    await expect(signPdf(certified, { signer: pki.signerFor(pki.seal) })).rejects.toMatchObject({ code: 'SIGN_DOCMDP' });
    const approved = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    await expect(signPdf(approved, { signer: pki.signerFor(pki.seal), certify: 2 })).rejects.toMatchObject({ code: 'SIGN_CERTIFY_FIRST' });
  });

  it('writes /M in Vietnam time and grows the reserved space when the CMS does not fit', async () => {
    const signed = await signPdf(await makePdf(), {
      signer: pki.signerFor(pki.signer),
      signingTime: new Date('2026-11-23T03:04:05Z'),
      reservedBytes: 64,
    });
    const text = new TextDecoder('latin1').decode(signed);
    const hex = Array.from(new TextEncoder().encode("D:20261123100405+07'00'"), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(text).toContain(`/M <${hex}>`);
    const dir = tempDir();
    expect(pdfsig(writeTemp(dir, 'grown.pdf', signed), ['-nocert'])).toContain('Signature is Valid');
  });

  it('rejects input that is not a PDF with a Vietnamese message', async () => {
    await expect(signPdf(new TextEncoder().encode('not a pdf at all'), { signer: pki.signerFor(pki.signer) })).rejects.toThrow(/Không phải tệp PDF/);
  });
});
