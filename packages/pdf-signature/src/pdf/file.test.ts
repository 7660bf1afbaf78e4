import { describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { PdfFile } from './file.js';

/** A PDF from object bodies (1-based numbers), with a correct xref table. */
function rawPdf(bodies: string[]): Uint8Array {
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n`;
  for (const off of offsets) text += `${String(off).padStart(10, '0')} 00000 n\r\n`;
  text += `trailer\n<</Size ${bodies.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

// 1 catalog, 2 root Pages [3 (Pages: 5, 6), 7, 4 (Pages: 8, 9)]
const nested = rawPdf([
  '<</Type/Catalog/Pages 2 0 R>>',
  '<</Type/Pages/Kids[3 0 R 7 0 R 4 0 R]/Count 5>>',
  '<</Type/Pages/Parent 2 0 R/Kids[5 0 R 6 0 R]/Count 2>>',
  '<</Type/Pages/Parent 2 0 R/Kids[8 0 R 9 0 R]/Count 2>>',
  '<</Type/Page/Parent 3 0 R/MediaBox[0 0 10 10]>>',
  '<</Type/Page/Parent 3 0 R/MediaBox[0 0 10 10]>>',
  '<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>',
  '<</Type/Page/Parent 4 0 R/MediaBox[0 0 10 10]>>',
  '<</Type/Page/Parent 4 0 R/MediaBox[0 0 10 10]>>',
]);

describe('PdfFile.pageAt', () => {
  it('finds every page of a nested tree in document order, like the full walk', async () => {
    const file = await PdfFile.open(nested);
    const all = await file.pages();
    expect(all.map((r) => r.num)).toEqual([5, 6, 7, 8, 9]);
    for (let i = 0; i < all.length; i++) expect((await file.pageAt(i))?.num).toBe(all[i]!.num);
    expect(await file.pageAt(5)).toBeUndefined();
    expect(await file.pageAt(-1)).toBeUndefined();
  });

  it('agrees with the full walk on a generated document', async () => {
    const file = await PdfFile.open(await makePdf({ pages: 6 }));
    const all = await file.pages();
    expect(all).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect((await file.pageAt(i))?.key).toBe(all[i]!.key);
  });

  it('refuses a page tree that loops, with the located error', async () => {
    const loop = rawPdf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[2 0 R]/Count 1>>']);
    const file = await PdfFile.open(loop);
    await expect(file.pageAt(0)).rejects.toMatchObject({ code: 'PDF_PAGES' });
  });
});
