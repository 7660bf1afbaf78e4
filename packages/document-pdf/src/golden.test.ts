import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './node.js';
import { compareImages, golden } from './node/images.testutil.js';
import { renderPng, writeTemp } from './node/poppler.testutil.js';
import { congVan, giayMoi, keHoach, quyetDinh } from './templates.testutil.js';

const FIXED = { creationDate: new Date('2026-01-01T00:00:00Z') };
const CASES = [
  { name: 'quyet-dinh-p1', doc: quyetDinh, page: 1 },
  { name: 'quyet-dinh-appendix', doc: quyetDinh, page: 2 },
  { name: 'cong-van-p1', doc: congVan, page: 1 },
  { name: 'giay-moi-p1', doc: giayMoi, page: 1 },
  { name: 'ke-hoach-p2', doc: keHoach(12), page: 2 },
  { name: 'ke-hoach-table', doc: keHoach(12), page: 6 },
] as const;

describe('golden images (pdftoppm -r 50, grey)', () => {
  for (const c of CASES) {
    it(`${c.name} matches the reviewed rendering`, async () => {
      const { pdf } = await renderDocumentPdf(c.doc, FIXED);
      const actual = renderPng(writeTemp(pdf, c.name), c.page, 50);
      const expected = golden(fileURLToPath(new URL(`__golden__/${c.name}.png`, import.meta.url)), actual);
      const diff = compareImages(actual, expected);
      expect(diff.sameSize).toBe(true);
      expect(diff.changed).toBeLessThan(0.002);
    });
  }

  it('the comparison notices a layout change (a 5 mm wider left margin)', async () => {
    const a = await renderDocumentPdf(congVan, FIXED);
    const b = await renderDocumentPdf(congVan, { ...FIXED, margins: { left: 35 } });
    const diff = compareImages(renderPng(writeTemp(a.pdf), 1, 50), renderPng(writeTemp(b.pdf), 1, 50));
    expect(diff.changed).toBeGreaterThan(0.002);
  });
});
