// In Chromium: the main entry renders with font bytes fetched by the page (no Node APIs), and the text comes back.
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { DocumentPdfError, renderDocumentPdf } from './index.js';
import { congVan } from './templates.testutil.js';

const regularUrl = new URL('../fonts/LiberationSerif-Regular.ttf', import.meta.url).href;
const boldUrl = new URL('../fonts/LiberationSerif-Bold.ttf', import.meta.url).href;
const italicUrl = new URL('../fonts/LiberationSerif-Italic.ttf', import.meta.url).href;
const boldItalicUrl = new URL('../fonts/LiberationSerif-BoldItalic.ttf', import.meta.url).href;

async function bytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

describe('in the browser', () => {
  it('renders a công văn from font bytes passed in', async () => {
    const fonts = { regular: await bytes(regularUrl), bold: await bytes(boldUrl), italic: await bytes(italicUrl), boldItalic: await bytes(boldItalicUrl) };
    const { pdf, signatureFields, pageCount } = await renderDocumentPdf(congVan, { fonts, pdfa: true, creationDate: new Date('2026-01-01T00:00:00Z') });
    expect(pageCount).toBe(1);
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(doc.getTitle()).toContain('7816/VPCP-TTĐT');
    expect(signatureFields.map((f) => f.role)).toEqual(['author', 'seal']);
    expect(signatureFields[0]!.rect[0]).toBeGreaterThan(595.28 / 2);
  });

  it('says in Vietnamese that fonts are needed when none are passed', async () => {
    const error = await renderDocumentPdf(congVan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentPdfError);
    expect((error as DocumentPdfError).issues[0]!.message).toContain('Thiếu phông chữ');
  });
});
