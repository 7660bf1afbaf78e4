import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadDefaultFont } from '../node/font.js';
import { discPng } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signatureImageAppearance } from './layouts.js';
import { findTextLine, locateSignerBox } from './locate.js';

let nameWidth = 0;

async function signerBlockPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await loadDefaultFont(), { subset: true });
  doc.addPage();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Nơi nhận:', { x: 72, y: 620, size: 12, font });
  page.drawText('TM. ỦY BAN NHÂN DÂN', { x: 340, y: 620, size: 14, font });
  page.drawText('CHỦ TỊCH', { x: 390, y: 602, size: 14, font });
  page.drawText('Nguyễn Văn A', { x: 380, y: 500, size: 14, font });
  nameWidth = font.widthOfTextAtSize('Nguyễn Văn A', 14);
  return doc.save();
}

describe('placement by the signer name line', () => {
  it('finds the Vietnamese name through the ToUnicode CMap and places the box between position and name', async () => {
    const pdf = await signerBlockPdf();
    const line = await findTextLine(pdf, 'nguyễn văn a');
    expect(line).toMatchObject({ page: 1, text: 'Nguyễn Văn A' });
    expect(line!.x).toBeCloseTo(380, 0);
    expect(line!.y).toBeCloseTo(500, 0);
    // The line's extent comes from the embedded font's glyph widths (/W), so the box is centred on the name.
    expect(line!.right - line!.x).toBeCloseTo(nameWidth, 1);
    const box = await locateSignerBox(pdf, 'Nguyễn Văn A');
    expect(box.page).toBe(1);
    expect((box.rect[0] + box.rect[2]) / 2).toBeCloseTo(380 + nameWidth / 2, 1);
    expect(box.rect[1]).toBeGreaterThan(500);
    expect(box.rect[3]).toBeLessThan(602);
    const pki = await createDemoPki();
    const signed = await signPdf(pdf, {
      signer: pki.signerFor(pki.signer),
      page: box.page,
      appearance: signatureImageAppearance({ rect: box.rect, image: discPng(40, [0, 0, 255]) }),
    });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
  });

  it('says clearly when the name is not there', async () => {
    await expect(locateSignerBox(await signerBlockPdf(), 'Trần Thị B')).rejects.toMatchObject({ code: 'LOCATE_NOT_FOUND' });
  });
});
