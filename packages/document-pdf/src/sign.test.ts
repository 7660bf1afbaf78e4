// The last step of the pipeline: a rendered PDF signed with @egov-vn/pdf-signature exactly at the returned rectangles.
import { createDemoPki } from '@egov-vn/pdf-signature/testing';
import { sealAppearance, signatureImageAppearance, signPdf, verifyPdf } from '@egov-vn/pdf-signature';
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './node.js';
import { discPng } from './node/images.testutil.js';
import { writeTemp } from './node/poppler.testutil.js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { execFileSync } from 'node:child_process';
import { quyetDinh } from './templates.testutil.js';

function tool(cmd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('signing at the returned signature fields', () => {
  it('author signature and agency seal placed at the rectangles pass pdfsig and qpdf --check', async () => {
    const pki = await createDemoPki();
    const { pdf, signatureFields } = await renderDocumentPdf(quyetDinh, { creationDate: new Date('2026-01-01T00:00:00Z'), pdfa: true });
    const author = signatureFields.find((f) => f.role === 'author')!;
    const seal = signatureFields.find((f) => f.role === 'seal')!;
    let signed = await signPdf(pdf, {
      signer: pki.signerFor(pki.signer),
      page: author.page,
      appearance: signatureImageAppearance({ rect: author.rect, image: discPng(80, [0, 0, 255]) }),
    });
    const sealDiameterMm = ((seal.rect[2] - seal.rect[0]) * 25.4) / 72;
    signed = await signPdf(signed, {
      signer: pki.signerFor(pki.seal),
      page: seal.page,
      appearance: sealAppearance({ signerRect: author.rect, seal: discPng(200, [220, 0, 0]), diameterMm: sealDiameterMm }),
    });
    const path = writeTemp(signed, 'signed');
    expect(tool('qpdf', ['--check', path]).code).toBe(0);
    const sig = tool('pdfsig', ['-nocert', path]);
    const blocks = sig.out.split(/Signature #\d+:/u).slice(1);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b).toContain('Signature Validation: Signature is Valid.');
    // The widgets sit exactly on the returned rectangles (pdf-signature computes the seal from the author's rectangle
    // the same way this package does).
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    const loaded = await PDFDocument.load(signed);
    const annots = loaded.getPage(author.page).node.Annots();
    const rects = (annots?.asArray() ?? []).map((ref) => {
      const annot = loaded.context.lookup(ref, PDFDict);
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray);
      return [0, 1, 2, 3].map((k) => rect.lookup(k, PDFNumber).asNumber());
    });
    expect(rects).toHaveLength(2);
    const near = (r: number[], e: readonly number[]) => r.every((v, i) => Math.abs(v - e[i]!) < 0.05);
    expect(rects.some((r) => near(r, author.rect))).toBe(true);
    expect(rects.some((r) => near(r, seal.rect))).toBe(true);
  });
});
