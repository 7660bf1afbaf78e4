/** The browser font loader: the shipped font is fetched by URL (as a bundler would copy it) and draws a stamp. */
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { appendixStampLines, loadStampFont, signPdf, stampFontUrl, textStampAppearance, verifyPdf } from '../index.js';
import { createDemoPki } from '../testing.js';

describe('loadStampFont in the browser', () => {
  it('fetches the shipped TrueType font once and signs with a Vietnamese appendix stamp', async () => {
    expect(stampFontUrl().pathname).toMatch(/fonts\/LiberationSerif-Regular\.ttf$/);
    const font = await loadStampFont();
    expect([...font.slice(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType sfnt version 1.0
    expect(await loadStampFont()).toBe(font);
    const doc = await PDFDocument.create();
    doc.addPage();
    const pdf = await doc.save();
    const pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
    const lines = appendixStampLines({ docNumber: '12/UBND-VP', agency: 'Ủy ban nhân dân tỉnh Demo', time: new Date('2026-03-02T02:15:00Z') });
    const signed = await signPdf(pdf, { signer: pki.signerFor(pki.seal), appearance: textStampAppearance({ font, lines }) });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures[0]!.verdict).toBe('valid');
    expect(new TextDecoder('latin1').decode(signed)).toContain('/FontFile2');
  });

  it('fails with FONT_FETCH in Vietnamese and English when the font is missing', async () => {
    const error = await loadStampFont({ url: new URL('/no-such-font.ttf', location.href) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FONT_FETCH' });
    expect((error as { vi: string }).vi).toContain('Không tải được phông chữ');
    expect((error as { en: string }).en).toContain('HTTP 404');
  });
});
