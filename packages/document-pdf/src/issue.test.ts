// The clerk's issuing step: the blanks of the number and the date (issueFields), found where pdftotext sees the
// words around them, then filled in the agency seal's update by @egov-vn/pdf-signature (signPdf({ issue: issueAnnotations(…) })).
import { execFileSync } from 'node:child_process';
import { checkNd30 } from '@egov-vn/pdf-signature/nd30';
import { createDemoPki, sealPng, testPng } from '@egov-vn/pdf-signature/testing';
import { issueAnnotations, issuePdf, sealAppearance, signatureImageAppearance, signPdf, verifyPdf } from '@egov-vn/pdf-signature';
import { describe, expect, it } from 'vitest';
import { loadBundledFonts, renderDocumentPdf } from './node.js';
import { textLayout, textRaw, type Word, words, writeTemp } from './node/poppler.testutil.js';
import { quyetDinh } from './templates.testutil.js';

const FIXED = { creationDate: new Date('2026-01-01T00:00:00Z') };
const PAGE_H = 841.89;
const unnumbered = { ...quyetDinh, number: undefined };
let pkiPromise: ReturnType<typeof createDemoPki> | undefined;
const demoPki = (): ReturnType<typeof createDemoPki> => (pkiPromise ??= createDemoPki());

function tool(cmd: string, args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(cmd, args, { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** A pdftotext word's box in PDF user space (origin bottom left), as the fields are given. */
function box(w: Word): [number, number, number, number] {
  return [w.xMin, PAGE_H - w.yMax, w.xMax, PAGE_H - w.yMin];
}

describe('issueFields: the blanks of the number and the date of issue', () => {
  it('a document without a number gets the number blank between "Số:" and "/symbol", on the same line', async () => {
    const { pdf, issueFields } = await renderDocumentPdf(unnumbered, FIXED);
    expect(issueFields.date).toBeUndefined(); // without issueBlanks the date is printed
    const field = issueFields.number!;
    expect(field).toMatchObject({ page: 0, size: 13, style: 'regular' });
    const ws = words(writeTemp(pdf)).filter((w) => w.page === 1);
    const so = box(ws.find((w) => w.text === 'Số:')!);
    const symbol = box(ws.find((w) => w.text.endsWith('/QĐ-UBND'))!);
    const [x1, y1, x2, y2] = field.rect;
    // The blank sits after "Số:" (and its space) and ends where "/QĐ-UBND" begins (the blank is that word's start).
    expect(x1).toBeGreaterThan(so[2]);
    expect(x1 - so[2]).toBeLessThan(5);
    expect(Math.abs(x2 - symbol[0])).toBeLessThan(1.5);
    expect(x2 - x1).toBeCloseTo(6 * 13 * 0.25, 0);
    // Same line: the word boxes' middles lie inside the blank's height.
    expect((so[1] + so[3]) / 2).toBeGreaterThan(y1);
    expect((so[1] + so[3]) / 2).toBeLessThan(y2);
  });

  it('a numbered document has no blanks; issueBlanks leaves the date blank after the place and widens the number blank', async () => {
    expect((await renderDocumentPdf(quyetDinh, FIXED)).issueFields).toEqual({});
    const { pdf, issueFields } = await renderDocumentPdf(unnumbered, { ...FIXED, issueBlanks: true });
    const path = writeTemp(pdf);
    const text = textRaw(path);
    expect(text).not.toContain('ngày 05 tháng 02 năm 2020');
    const date = issueFields.date!;
    expect(date).toMatchObject({ page: 0, size: 14, style: 'italic' });
    expect(issueFields.number!.rect[2] - issueFields.number!.rect[0]).toBeCloseTo(8 * 13 * 0.25, 0);
    const place = box(words(path).find((w) => w.page === 1 && w.text === 'Hòa,')!);
    expect(date.rect[0]).toBeGreaterThan(place[2]);
    expect(date.rect[0] - place[2]).toBeLessThan(5);
    // Wide enough for the longest date, inside the right half of the page.
    expect(date.rect[2] - date.rect[0]).toBeGreaterThan(150);
    expect(date.rect[2]).toBeLessThan(595.28 - 15 * (72 / 25.4) + 1);
  });
});

describe('the number and date written with the seal (signPdf({ issue: issueAnnotations(…) }))', () => {
  it('both signatures pass pdfsig and verifyPdf, pdftotext reads "Số: 05/QĐ-UBND" and the date, qpdf --check passes', async () => {
    const pki = await demoPki();
    const fonts = await loadBundledFonts();
    const { pdf, signatureFields, issueFields } = await renderDocumentPdf(unnumbered, { ...FIXED, pdfa: true, issueBlanks: true });
    const author = signatureFields.find((f) => f.role === 'author')!;
    const seal = signatureFields.find((f) => f.role === 'seal')!;
    // The portal's images: blue strokes on transparent, and a red 36 mm seal (its pHYs gives the actual size).
    const image = await testPng(600, 200, 96, (x, y) => (Math.abs(y - 100 - 45 * Math.sin(x / 55)) < 5 && x > 100 && x < 500 ? [26, 60, 170, 255] : [0, 0, 0, 0]));
    const signed = await signPdf(pdf, { signer: pki.signerFor(pki.signer), page: author.page, appearance: signatureImageAppearance({ rect: author.rect, image }) });
    const sealed = await signPdf(signed, {
      signer: pki.signerFor(pki.seal),
      page: seal.page,
      appearance: sealAppearance({ signerRect: author.rect, seal: await sealPng([208, 16, 30], 36) }),
      issue: issueAnnotations({ number: '05', date: 'ngày 02 tháng 12 năm 2026', fields: issueFields, fonts: { regular: fonts.regular, italic: fonts.italic } }),
    });
    expect(sealed.subarray(0, signed.length)).toEqual(signed);
    const path = writeTemp(sealed, 'issued');
    expect(tool('qpdf', ['--check', path]).code).toBe(0);
    const sig = tool('pdfsig', ['-nocert', path]).out;
    const blocks = sig.split(/Signature #\d+:/u).slice(1);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b).toContain('Signature Validation: Signature is Valid.');
    expect(blocks[0]).not.toContain('Total document signed');
    expect(blocks[1]).toContain('Total document signed');
    // Read in layout order (the annotations are drawn after the page content, on the same lines).
    const text = textLayout(path, 1).replace(/[\s\u00a0]+/gu, ' ');
    expect(text).toMatch(/Số: 05\/QĐ-UBND/u);
    expect(text).toMatch(/Tuy Hòa, ngày 02 tháng 12 năm 2026/u);
    const report = await verifyPdf(sealed, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    // The leader's signature sees the annotations added after it; the seal sees nothing added.
    expect(report.signatures.map((s) => s.modificationLevel)).toEqual(['ANNOTATIONS', 'NONE']);
    // Nghị định 30 checks (order, kinds, places of the signature and the seal) find nothing with the number written.
    const nd30 = await checkNd30(sealed, { trustAnchors: [pki.root.der] });
    expect(nd30.findings).toEqual([]);
    expect(nd30.signatures.map((s) => [s.kind, s.verdict])).toEqual([
      ['author', 'valid'],
      ['seal', 'valid'],
    ]);
    // The leader's revision, cut out as pdfsig would, still has the blank.
    expect(textLayout(writeTemp(signed, 'leader'), 1).replace(/[\s\u00a0]+/gu, ' ')).toMatch(/Số: \/QĐ-UBND Tuy Hòa, QUYẾT ĐỊNH/u);
  });

  it('issuePdf writes them in an update of its own that a later seal covers; a text without its blank is a located error', async () => {
    const fonts = await loadBundledFonts();
    const { pdf, issueFields } = await renderDocumentPdf(unnumbered, FIXED);
    const issued = await issuePdf(pdf, { number: '1234', fields: issueFields, fonts: { regular: fonts.regular } });
    expect(issued.subarray(0, pdf.length)).toEqual(pdf);
    const path = writeTemp(issued, 'issue-only');
    expect(tool('qpdf', ['--check', path]).code).toBe(0);
    // Four digits in the six-space blank are shrunk, not spilled over "Số:".
    const ws = words(path).filter((w) => w.page === 1);
    const num = ws.find((w) => w.text.includes('1234'))!;
    const so = ws.find((w) => w.text === 'Số:')!;
    expect(num.xMin).toBeGreaterThanOrEqual(so.xMax);
    await expect(issuePdf(pdf, { date: 'ngày 02 tháng 12 năm 2026', fields: issueFields, fonts: { regular: fonts.regular } })).rejects.toMatchObject({
      code: 'ISSUE_FIELD',
      message: expect.stringContaining('ngày ban hành') as unknown,
    });
    // A document certified for form filling only (DocMDP P=2) cannot take annotations: refused before writing.
    const pki = await demoPki();
    const certified = await signPdf(pdf, { signer: pki.signerFor(pki.signer), certify: 2 });
    await expect(issuePdf(certified, { number: '05', fields: issueFields, fonts: { regular: fonts.regular } })).rejects.toMatchObject({ code: 'SIGN_DOCMDP' });
  });
});
