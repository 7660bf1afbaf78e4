import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { SRGB_PROFILE_DESCRIPTION, srgbIccProfile, srgbToLinear } from '@egov-vn/pdf-signature/pdfa';
import { renderDocumentPdf } from './node.js';
import { info, run, writeTemp } from './node/poppler.testutil.js';
import { baoCao } from './templates.testutil.js';

const FIXED = { creationDate: new Date('2026-01-01T00:00:00Z') };

function ascii(bytes: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + n));
}

describe('sRGB ICC profile', () => {
  const icc = srgbIccProfile();
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);

  it('has a valid v2 display-class RGB header and every tag inside the file', () => {
    expect(view.getUint32(0)).toBe(icc.length);
    expect(ascii(icc, 36, 4)).toBe('acsp');
    expect([ascii(icc, 12, 4), ascii(icc, 16, 4), ascii(icc, 20, 4)]).toEqual(['mntr', 'RGB ', 'XYZ ']);
    expect(view.getUint32(8)).toBe(0x02100000);
    const count = view.getUint32(128);
    const sigs: string[] = [];
    for (let i = 0; i < count; i++) {
      const off = view.getUint32(136 + i * 12);
      const size = view.getUint32(140 + i * 12);
      sigs.push(ascii(icc, 132 + i * 12, 4));
      expect(off % 4).toBe(0);
      expect(off + size).toBeLessThanOrEqual(icc.length);
    }
    expect(sigs.sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
  });

  it('primaries add up to the D50 white point, and the curve is the sRGB curve', () => {
    const xyz = (sig: string): number[] => {
      const count = view.getUint32(128);
      for (let i = 0; i < count; i++) {
        if (ascii(icc, 132 + i * 12, 4) === sig) {
          const off = view.getUint32(136 + i * 12);
          return [0, 1, 2].map((k) => view.getInt32(off + 8 + k * 4) / 65536);
        }
      }
      throw new Error(sig);
    };
    const [r, g, b, w] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ'), xyz('wtpt')];
    for (let k = 0; k < 3; k++) expect(r[k]! + g[k]! + b[k]!).toBeCloseTo(w[k]!, 3);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
    expect(srgbToLinear(0.04)).toBeCloseTo(0.04 / 12.92, 6);
  });
});

describe('PDF/A-2b output', () => {
  it('has XMP (pdfaid 2/B) that agrees with the Info dictionary, an sRGB output intent and a file ID', async () => {
    const { pdf } = await renderDocumentPdf(baoCao, { ...FIXED, pdfa: true });
    const path = writeTemp(pdf, 'pdfa');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const meta = run('pdfinfo', ['-meta', path]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const i = info(path);
    expect(meta).toContain(`<rdf:li xml:lang="x-default">${i['Title']!}</rdf:li>`);
    expect(i['Title']).toContain('Báo cáo 12/BC-SNV');
    expect(meta).toContain(`<pdf:Producer>${i['Producer']!}</pdf:Producer>`);
    expect(meta).toContain('<xmp:CreateDate>2026-01-01T00:00:00Z</xmp:CreateDate>');

    const doc = await PDFDocument.load(pdf);
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'));
    expect(intents).toBeDefined();
    const intent = doc.context.lookup((intents as unknown as { get(i: number): unknown }).get(0) as never, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile')));
    if (!(profile instanceof PDFRawStream)) throw new Error('DestOutputProfile is not a stream');
    const bytes = decodePDFRawStream(profile).decode();
    expect(Array.from(bytes)).toEqual(Array.from(srgbIccProfile()));
    expect(ascii(bytes, 36, 4)).toBe('acsp');
    expect(SRGB_PROFILE_DESCRIPTION).toBe('sRGB IEC61966-2.1');
    expect(doc.context.trailerInfo.ID).toBeDefined();
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('vi-VN');
  });

  it('plain PDF 1.7 carries no PDF/A claim', async () => {
    const { pdf } = await renderDocumentPdf(baoCao, FIXED);
    const meta = run('pdfinfo', ['-meta', writeTemp(pdf)]);
    expect(meta).not.toContain('pdfaid');
  });

  it('is reproducible for a fixed creation date', async () => {
    const a = await renderDocumentPdf(baoCao, FIXED);
    const b = await renderDocumentPdf(baoCao, FIXED);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });
});
