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
