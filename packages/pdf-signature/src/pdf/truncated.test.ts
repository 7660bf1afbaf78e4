import { describe, expect, it } from 'vitest';
import { PdfFile } from './file.js';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('PdfFile.open on a PDF cut short', () => {
  it('calls a 13-byte file with a PDF header truncated or damaged, not "not a PDF"', async () => {
    const cut = latin1('%PDF-1.7\n%\xe2\xe3\n');
    expect(cut.length).toBe(13);
    await expect(PdfFile.open(cut)).rejects.toMatchObject({ code: 'PDF_TRUNCATED', en: expect.stringContaining('Truncated or damaged PDF (13 bytes') });
  });

  it('calls a header-only file truncated, and a file without a header not a PDF', async () => {
    await expect(PdfFile.open(latin1('%PDF-1.4'))).rejects.toMatchObject({ code: 'PDF_TRUNCATED' });
    await expect(PdfFile.open(latin1('PK\x03\x04 not a pdf'))).rejects.toMatchObject({ code: 'PDF_HEADER' });
  });
});
