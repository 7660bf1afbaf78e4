import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultFont } from '../node/font.js';
import { pdfsig, qpdfCheck, run, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { nd30Gallery, scanPng, testTiff, type GalleryEntry } from '../testing/nd30-gallery.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import type { CertificateInfo } from '../verify/report.js';
import { certificateKind, checkNd30, hasErrors, nd30FindingCodes, type Nd30FindingCode } from './check.js';
import { makeElectronicCopy } from './copy.js';
import { readScan } from './scan.js';
import { PdfSignatureError } from '../errors.js';
import { kindReasons, nd30Appearance } from './rules.js';

let pki: DemoPki;
let font: Uint8Array;
let gallery: GalleryEntry[];
const time = new Date('2026-11-23T03:04:05Z');
const dir = tempDir();

beforeAll(async () => {
  pki = await createDemoPki();
  font = await loadDefaultFont();
  gallery = await nd30Gallery({ pki, stampFont: font, time });
}, 120_000);

describe('checkNd30 on the gallery', () => {
  it('has a failing fixture for every rule a signed document can break, and conforming ones', () => {
    const broken = gallery.map((e) => e.breaks).filter((c) => c !== undefined);
    const verdictOnly: Nd30FindingCode[] = ['DOCUMENT_UNREADABLE', 'SIGNATURE_MODIFIED', 'SIGNATURE_UNTRUSTED', 'SIGNATURE_INDETERMINATE', 'SIGNATURE_INVISIBLE'];
    // Every Phụ lục I rule is broken by one gallery file; the verdict codes are covered by verifyPdf's own attack suite.
    expect(new Set(broken)).toEqual(new Set(nd30FindingCodes.filter((c) => !verdictOnly.includes(c))));
    expect(gallery.filter((e) => !e.breaks).map((e) => e.name)).toEqual(['conforming-issued', 'conforming-appendix', 'conforming-copy']);
  });

  it('finds nothing on the conforming documents (leader + seal, attachment stamp, electronic copy)', async () => {
    const conforming = gallery.filter((g) => !g.breaks);
    const results = await Promise.all(
      conforming.map(async (e) => {
        const check = await checkNd30(e.pdf, { trustAnchors: [pki.root.der] });
        return { name: e.name, findings: check.findings, allValid: check.report.validSignaturesCount === check.report.signaturesCount };
      }),
    );
    expect(results).toEqual(conforming.map((e) => ({ name: e.name, findings: [], allValid: true })));
    const issued = await checkNd30(gallery[0]!.pdf, { trustAnchors: [pki.root.der] });
    expect(issued.signatures.map((s) => s.kind)).toEqual(['author', 'seal']);
    expect((await checkNd30(gallery[2]!.pdf, { trustAnchors: [pki.root.der] })).copy).toBe(true);
  });

  it('reports exactly the broken rule on each non-conforming document, with a place and both languages', async () => {
    const broken = gallery.filter((g) => g.breaks);
    const results = await Promise.all(
      broken.map(async (e) => {
        const check = await checkNd30(e.pdf, { trustAnchors: [pki.root.der], copy: e.copy });
        const f = check.findings.find((x) => x.code === e.breaks);
        return {
          name: e.name,
          errors: [...new Set(check.findings.filter((x) => x.severity === 'error').map((x) => x.code))],
          page: f?.page,
          bilingual: !!f && f.message.vi.length > 10 && f.message.en.length > 10 && f.message.vi !== f.message.en,
        };
      }),
    );
    const pageless: (Nd30FindingCode | undefined)[] = ['NO_SIGNATURE', 'COPY_PDF_VERSION'];
    expect(results).toEqual(broken.map((e) => ({ name: e.name, errors: [e.breaks], page: pageless.includes(e.breaks) ? undefined : 0, bilingual: true })));
  });

  it('locates the findings: the seal rectangle at its drawn size, the stamp on its page', async () => {
    const size = gallery.find((e) => e.breaks === 'SEAL_SIZE')!;
    const f = (await checkNd30(size.pdf, { trustAnchors: [pki.root.der] })).findings[0]!;
    const mm = ((f.rect![2] - f.rect![0]) * 25.4) / 72;
    expect(mm).toBeCloseTo(20, 1);
    expect(f.message.en).toContain('20 × 20 mm');
    // The same seal passes when the agency's real seal is 20 mm and fails a 36 mm seal given as exact.
    expect((await checkNd30(size.pdf, { trustAnchors: [pki.root.der], sealDiameterMm: 20 })).findings).toEqual([]);
    const issued = gallery.find((e) => e.name === 'conforming-issued')!;
    expect((await checkNd30(issued.pdf, { trustAnchors: [pki.root.der], sealDiameterMm: 42 })).findings.map((x) => x.code)).toEqual(['SEAL_SIZE']);
  });

  it('without trust anchors the verdict is a warning, not an error (nothing is trusted by default)', async () => {
    const check = await checkNd30(gallery[0]!.pdf);
    expect(check.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:SIGNATURE_UNTRUSTED', 'warning:SIGNATURE_UNTRUSTED']);
    expect(hasErrors(check)).toBe(false);
  });

  it('flags an invisible signature as a warning', async () => {
    const { signPdf } = await import('../sign/sign-pdf.js');
    const invisible = await signPdf(gallery.find((e) => e.breaks === 'NO_SIGNATURE')!.pdf, { signer: pki.signerFor(pki.signer), reason: kindReasons.author });
    const check = await checkNd30(invisible, { trustAnchors: [pki.root.der] });
    expect(check.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:SIGNATURE_INVISIBLE']);
  });

  it('never throws on bytes that are not a PDF', async () => {
    const check = await checkNd30(new TextEncoder().encode('not a pdf at all'));
    expect(check.findings[0]!.code).toBe('DOCUMENT_UNREADABLE');
    expect(hasErrors(check)).toBe(true);
  });
});

describe('checkNd30 and readScan on damaged input (properties)', () => {
  it('checkNd30 never throws on a signed document with bytes changed anywhere, and every finding is bilingual', async () => {
    const base = gallery.find((e) => e.name === 'conforming-issued')!.pdf;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }), async (changes) => {
        const damaged = base.slice();
        for (const c of changes) damaged[c.at] = c.byte;
        const check = await checkNd30(damaged, { trustAnchors: [pki.root.der] });
        return check.findings.every((f) => nd30FindingCodes.includes(f.code) && f.message.vi.length > 0 && f.message.en.length > 0);
      }),
      { numRuns: 40 },
    );
  });

  it('checkNd30 never throws on a truncated document', async () => {
    const base = gallery.find((e) => e.name === 'conforming-copy')!.pdf;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: base.length - 1 }), async (cut) => {
        const check = await checkNd30(base.subarray(0, cut), { trustAnchors: [pki.root.der] });
        // A cut document never passes: its last signature no longer covers the file.
        return hasErrors(check) || check.findings.length > 0;
      }),
      { numRuns: 30 },
    );
  });

  it('readScan answers any bytes with a scan or a located PdfSignatureError, never another exception', async () => {
    const png = await scanPng(200, { mm: [10, 10] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.record({ at: fc.nat({ max: png.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) => {
        const b = png.slice();
        b[at] = byte;
        return b;
      })), async (bytes) => {
        try {
          const scan = await readScan(bytes);
          return scan.width > 0 && scan.height > 0;
        } catch (e) {
          return e instanceof PdfSignatureError && e.vi.length > 0 && e.en.length > 0;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('certificateKind', () => {
  const cert = (subject: string): CertificateInfo => ({ subject, issuer: 'CN=CA', serialNumber: '01', notBefore: new Date(), notAfter: new Date(), ca: false, selfSigned: false, trustAnchor: false });
  it('tells a person from an organisation by the subject', () => {
    expect(certificateKind(cert('C=VN, O=UBND tỉnh Demo, CN=Nguyễn Văn A'))).toBe('person');
    expect(certificateKind(cert('C=VN, O=UBND tỉnh Demo, CN=UBND tỉnh Demo'))).toBe('organisation');
    expect(certificateKind(cert('C=VN, CN=Sở Nội vụ tỉnh Đồng Tháp'))).toBe('organisation');
    expect(certificateKind(cert('C=VN, CN=Ủy ban nhân dân huyện X, O=Ủy ban nhân dân tỉnh Y'))).toBe('organisation');
    expect(certificateKind(cert('C=VN, O=Sở Tài chính, GN=An, SN=Trần, CN=Trần An'))).toBe('person');
    expect(certificateKind(cert('C=VN, O=Demo'))).toBeUndefined();
  });
});

describe('makeElectronicCopy', () => {
  it('a 300 dpi colour scan becomes a signed PDF/A-2b copy that checkNd30, pdfsig, qpdf, pdfimages and pdfinfo accept', async () => {
    const scan = await scanPng(300, { mm: [105, 148] });
    const { pdf, dpi } = await makeElectronicCopy({ images: [scan, scan], signer: pki.signerFor(pki.seal), copyKind: 'TrS', agency: 'Văn phòng UBND tỉnh Demo', stampFont: font, signingTime: time });
    expect(dpi).toEqual([300, 300]);
    const check = await checkNd30(pdf, { trustAnchors: [pki.root.der] });
    expect(check.findings).toEqual([]);
    expect(check.copy).toBe(true);
    const path = writeTemp(dir, 'copy.pdf', pdf);
    const sig = pdfsig(path);
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(qpdfCheck(path).code).toBe(0);
    // pdfimages: each page's image at 300 × 300 ppi, in colour, 1240 × 1748 pixels (105 × 148 mm).
    const images = run('pdfimages', ['-list', path]).out.split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l));
    expect(images).toHaveLength(2);
    for (const line of images) {
      const cols = line.trim().split(/\s+/);
      expect(cols.slice(3, 6)).toEqual(['1240', '1748', 'rgb']);
      expect(cols.slice(12, 14)).toEqual(['300', '300']);
    }
    // pdfinfo: PDF 1.7, A6 page at 100 %, and the PDF/A-2b identification and resolution in the XMP metadata.
    const info = run('pdfinfo', [path]).out;
    expect(info).toMatch(/Page size:\s+297\.6 x 419\.5\d* pts/);
    expect(info).toContain('Metadata Stream: yes');
    const meta = run('pdfinfo', ['-meta', path]).out;
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(meta).toContain('<tiff:XResolution>300/1</tiff:XResolution>');
    // The stamp reads as the decree gives it (pdftotext of page 1, top right).
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('TRÍCH SAO');
    expect(text).toContain('Văn phòng UBND tỉnh Demo');
    expect(text).toContain('2026-11-23T10:04:05+07:00');
  });

  it('refuses a 150 dpi scan, and a grey one, with a clear message in both languages', async () => {
    const base = { signer: pki.signerFor(pki.seal), copyKind: 'SY' as const, agency: 'UBND tỉnh Demo', stampFont: font };
    await expect(makeElectronicCopy({ ...base, images: [await scanPng(150)] })).rejects.toMatchObject({
      code: 'COPY_DPI_LOW',
      vi: expect.stringContaining('150 dpi'),
      en: expect.stringContaining('must be scanned at 200 dpi or more'),
    });
    await expect(makeElectronicCopy({ ...base, images: [await scanPng(300, { grey: true })] })).rejects.toMatchObject({ code: 'COPY_NOT_COLOUR', vi: expect.stringContaining('quét màu') });
    // Grey is accepted when the agency's policy allows it; the copy then says so (checkNd30 with requireColour false passes).
    const grey = await makeElectronicCopy({ ...base, images: [await scanPng(300, { grey: true })], requireColour: false });
    expect((await checkNd30(grey.pdf, { trustAnchors: [pki.root.der], requireColour: false })).findings).toEqual([]);
    expect((await checkNd30(grey.pdf, { trustAnchors: [pki.root.der] })).findings.map((f) => f.code)).toEqual(['COPY_COLOUR']);
    await expect(makeElectronicCopy({ ...base })).rejects.toMatchObject({ code: 'COPY_NO_INPUT' });
    await expect(makeElectronicCopy({ ...base, images: [new Uint8Array([0x49, 0x49, 0x2a, 0])] })).rejects.toMatchObject({ code: 'SCAN_FORMAT', en: expect.stringContaining('TIFF') });
  });

  it('reads every page of a multi-page TIFF at its own resolution, and refuses a TIFF page under 200 dpi', async () => {
    const page = (dpi: number, tint: number) => ({ width: Math.round((30 / 25.4) * dpi), height: Math.round((40 / 25.4) * dpi), dpi, pixel: (x: number, y: number) => [250 - tint, 240, (x + y) % 256] as const });
    const base = { signer: pki.signerFor(pki.seal), copyKind: 'SY' as const, agency: 'UBND tỉnh Demo', stampFont: font };
    const { pdf, dpi } = await makeElectronicCopy({ ...base, images: [testTiff([page(300, 0), page(240, 60)])] });
    expect(dpi).toEqual([300, 240]);
    expect((await checkNd30(pdf, { trustAnchors: [pki.root.der] })).findings).toEqual([]);
    const path = writeTemp(dir, 'tiff-copy.pdf', pdf);
    const ppi = run('pdfimages', ['-list', path]).out.split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l)).map((l) => l.trim().split(/\s+/).slice(12, 14).join('x'));
    expect(ppi).toEqual(['300x300', '240x240']);
    await expect(makeElectronicCopy({ ...base, images: [testTiff([page(300, 0), page(150, 0)])] })).rejects.toMatchObject({ code: 'COPY_DPI_LOW', vi: expect.stringContaining('trang 2') });
  });

  it('uses the dpi option for scans that record none, and refuses when none is known', async () => {
    const png = await scanPng(300);
    // Drop the pHYs chunk (33 bytes after the 8-byte signature and the 25-byte IHDR).
    const bare = new Uint8Array([...png.subarray(0, 33), ...png.subarray(33 + 21)]);
    const base = { signer: pki.signerFor(pki.seal), copyKind: 'SL' as const, agency: 'UBND tỉnh Demo', stampFont: font };
    await expect(makeElectronicCopy({ ...base, images: [bare] })).rejects.toMatchObject({ code: 'COPY_DPI_UNKNOWN' });
    const copy = await makeElectronicCopy({ ...base, images: [bare], dpi: 300 });
    expect(copy.dpi).toEqual([300]);
    expect((await checkNd30(copy.pdf, { trustAnchors: [pki.root.der] })).findings).toEqual([]);
  });

  it('embeds a JPEG scan unchanged at its JFIF resolution (pdftoppm makes the scan)', async () => {
    const source = writeTemp(dir, 'paper.pdf', gallery.find((e) => e.breaks === 'NO_SIGNATURE')!.pdf);
    execFileSync('pdftoppm', ['-jpeg', '-r', '200', '-singlefile', source, `${dir}/paper`]);
    const { readFileSync } = await import('node:fs');
    const jpeg = new Uint8Array(readFileSync(`${dir}/paper.jpg`));
    const { pdf } = await makeElectronicCopy({ images: [jpeg], signer: pki.signerFor(pki.seal), copyKind: 'SY', agency: 'UBND tỉnh Demo', stampFont: font });
    expect(pdf.length).toBeGreaterThan(jpeg.length);
    expect((await checkNd30(pdf, { trustAnchors: [pki.root.der] })).findings).toEqual([]);
    const path = writeTemp(dir, 'jpeg-copy.pdf', pdf);
    const line = run('pdfimages', ['-list', path]).out.split('\n').find((l) => /\bjpeg\b/.test(l))!;
    expect(line.trim().split(/\s+/).slice(12, 14)).toEqual(['200', '200']);
  });

  it('signs an existing scanner PDF in place after checking its scans, and refuses a 150 dpi one', async () => {
    const good = gallery.find((e) => e.breaks === 'COPY_KIND')!; // a 300 dpi PDF/A scan (its stamp is replaced below)
    const { scansToPdfA } = await import('../pdfa/scan-pdf.js');
    const { readScan } = await import('./scan.js');
    const unsigned = await scansToPdfA([await readScan(await scanPng(300))], { title: 'Scan', creationDate: time });
    const copy = await makeElectronicCopy({ pdf: unsigned, signer: pki.signerFor(pki.seal), copyKind: 'SY', agency: 'UBND tỉnh Demo', stampFont: font });
    expect(copy.pdf.subarray(0, unsigned.length)).toEqual(unsigned);
    expect((await checkNd30(copy.pdf, { trustAnchors: [pki.root.der] })).findings).toEqual([]);
    const low = await scansToPdfA([await readScan(await scanPng(150))], { title: 'Scan', creationDate: time });
    await expect(makeElectronicCopy({ pdf: low, signer: pki.signerFor(pki.seal), copyKind: 'SY', agency: 'UBND tỉnh Demo', stampFont: font })).rejects.toMatchObject({ code: 'COPY_DPI_LOW' });
    expect(good.copy).toBe(true);
  });
});

describe('makeElectronicCopy from a scanner PDF (converted to PDF/A-2b)', () => {
  /** A scanner / img2pdf-style PDF made with pdf-lib: each scan fills its page at its resolution (plus an optional margin). */
  async function scannerPdf(pages: readonly { image: Uint8Array; kind: 'png' | 'jpeg'; dpi: number; margin?: number }[], text?: string): Promise<Uint8Array> {
    const { PDFDocument, StandardFonts } = await import('@cantoo/pdf-lib');
    const doc = await PDFDocument.create();
    for (const p of pages) {
      const img = p.kind === 'png' ? await doc.embedPng(p.image) : await doc.embedJpg(p.image);
      const w = (img.width * 72) / p.dpi;
      const h = (img.height * 72) / p.dpi;
      const m = p.margin ?? 0;
      const page = doc.addPage([w + 2 * m, h + 2 * m]);
      page.drawImage(img, { x: m, y: m, width: w, height: h });
      if (text) page.drawText(text, { x: 10, y: 10, size: 8, font: await doc.embedFont(StandardFonts.Helvetica) });
    }
    return doc.save({ useObjectStreams: false });
  }
  const base = () => ({ signer: pki.signerFor(pki.seal), copyKind: 'SY' as const, agency: 'UBND tỉnh Demo', stampFont: font, signingTime: time });

  it('re-embeds the page images at 100 % (PNG samples losslessly, JPEG unchanged) with XMP and ICC, then signs: pdfsig, qpdf, pdfimages, pdfinfo agree', async () => {
    const source = writeTemp(dir, 'paper-for-scanner.pdf', gallery.find((e) => e.breaks === 'NO_SIGNATURE')!.pdf);
    execFileSync('pdftoppm', ['-jpeg', '-r', '200', '-singlefile', source, `${dir}/scanner-page`]);
    const { readFileSync } = await import('node:fs');
    const jpeg = new Uint8Array(readFileSync(`${dir}/scanner-page.jpg`));
    const input = await scannerPdf([
      { image: await scanPng(300, { mm: [105, 148] }), kind: 'png', dpi: 300 },
      { image: jpeg, kind: 'jpeg', dpi: 200, margin: 18 },
    ]);
    const inputPath = writeTemp(dir, 'scanner.pdf', input);
    expect(run('pdfinfo', ['-meta', inputPath]).out).not.toContain('pdfaid');
    const { pdf, dpi } = await makeElectronicCopy({ ...base(), pdf: input });
    expect(dpi).toEqual([300, 200]);
    expect(Buffer.from(pdf.subarray(0, input.length)).equals(Buffer.from(input))).toBe(false); // a new file, not the scanner's
    expect((await checkNd30(pdf, { trustAnchors: [pki.root.der] })).findings).toEqual([]);
    // The JPEG stream is carried over byte for byte.
    const hay = Buffer.from(pdf);
    expect(hay.indexOf(Buffer.from(jpeg))).toBeGreaterThan(0);
    const path = writeTemp(dir, 'scanner-copy.pdf', pdf);
    const sig = pdfsig(path);
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(qpdfCheck(path).code).toBe(0);
    const images = run('pdfimages', ['-list', path]).out.split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(images.map((c) => [c[3], c[4], c[5], c[8], c[12], c[13]])).toEqual([
      ['1240', '1748', 'rgb', 'image', '300', '300'],
      [String((await readScan(jpeg)).width), String((await readScan(jpeg)).height), 'rgb', 'jpeg', '200', '200'],
    ]);
    // Page 1 is the scan's size at 300 dpi; page 2 lost the scanner's 18 pt margin (100 %, the page is the scan).
    const info = run('pdfinfo', ['-f', '1', '-l', '2', path]).out;
    expect(info).toMatch(/Page\s+1 size:\s+297\.6 x 419\.5\d* pts/);
    expect(info).toMatch(/Page\s+2 size:\s+595\.44 x 842\.04 pts/);
    const meta = run('pdfinfo', ['-meta', path]).out;
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(hay.indexOf('/OutputIntents')).toBeGreaterThan(0);
    expect(hay.indexOf('/GTS_PDFA1')).toBeGreaterThan(0);
  });

  it('refuses what it cannot carry over (an OCR text layer, a 150 dpi or grey scan) with a located bilingual message; convertPdf: false signs in place', async () => {
    const png = await scanPng(300);
    const ocr = await scannerPdf([{ image: png, kind: 'png', dpi: 300 }], 'OCR text');
    await expect(makeElectronicCopy({ ...base(), pdf: ocr })).rejects.toMatchObject({ code: 'COPY_SOURCE_PDF', vi: expect.stringContaining('Trang 1'), en: expect.stringContaining('OCR') });
    const kept = await makeElectronicCopy({ ...base(), pdf: ocr, convertPdf: false });
    expect(kept.pdf.subarray(0, ocr.length)).toEqual(ocr);
    await expect(makeElectronicCopy({ ...base(), pdf: await scannerPdf([{ image: await scanPng(150), kind: 'png', dpi: 150 }]) })).rejects.toMatchObject({ code: 'COPY_DPI_LOW' });
    await expect(makeElectronicCopy({ ...base(), pdf: await scannerPdf([{ image: await scanPng(300, { grey: true }), kind: 'png', dpi: 300 }]) })).rejects.toMatchObject({ code: 'COPY_NOT_COLOUR' });
  });

  it('scansFromPdf answers damaged scanner PDFs with scans or a PdfSignatureError, never another exception (properties)', async () => {
    const { scansFromPdf } = await import('../pdfa/pdf-scans.js');
    const good = await scannerPdf([{ image: await scanPng(200, { mm: [30, 40] }), kind: 'png', dpi: 200 }]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat({ max: good.length }), async (edits, cut) => {
        const bad = good.slice(0, Math.max(cut, 64));
        for (const [at, v] of edits) if (at < bad.length) bad[at] = v;
        const outcome = await scansFromPdf(bad).then(
          (scans) => Array.isArray(scans),
          (e: unknown) => e instanceof PdfSignatureError,
        );
        expect(outcome).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('nd30Appearance (the rules moved from the sign dialog)', () => {
  it('gives each kind its Phụ lục I appearance and none without the input it needs', async () => {
    const doc = gallery.find((e) => e.breaks === 'NO_SIGNATURE')!.pdf;
    expect(await nd30Appearance(doc, 'author', {}, { time })).toEqual({});
    expect(await nd30Appearance(doc, 'copy', { stampFont: font }, { time })).toEqual({});
    expect(await nd30Appearance(doc, 'appendix', { stampFont: font, agency: 'X' }, { time, page: 0 })).toEqual({ page: 0 });
    const located = await nd30Appearance(doc, 'seal', { sealImage: new Uint8Array(8), signerName: 'Nguyen Van A' }, { time });
    expect(located.page).toBe(0);
    expect(typeof located.appearance).toBe('function');
  });
});
