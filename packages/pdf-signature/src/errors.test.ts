import { describe, expect, expectTypeOf, it } from 'vitest';
import { isPdfSignatureErrorCode, PDF_SIGNATURE_ERROR_CODES, pdfError, PdfSignatureError, type PdfSignatureErrorCode } from './errors.js';
import { REMOTE_ERRORS, type RemoteErrorCode } from './signers/common.js';
import type { CopyErrorCode } from './nd30/copy.js';

describe('PdfSignatureErrorCode', () => {
  it('lists each code once, every remote-signing and copy code among them', () => {
    expect(new Set(PDF_SIGNATURE_ERROR_CODES).size).toBe(PDF_SIGNATURE_ERROR_CODES.length);
    for (const code of Object.keys(REMOTE_ERRORS)) expect(isPdfSignatureErrorCode(code)).toBe(true);
    expectTypeOf<RemoteErrorCode>().toExtend<PdfSignatureErrorCode>();
    expectTypeOf<CopyErrorCode>().toExtend<PdfSignatureErrorCode>();
  });

  it('types the code of the error, so a switch over it is checked', () => {
    const e = pdfError('PDF_HEADER', 'Không phải tệp PDF', 'Not a PDF', 0);
    expectTypeOf(e.code).toEqualTypeOf<PdfSignatureErrorCode>();
    expect(e).toBeInstanceOf(PdfSignatureError);
    expect(e.text('en')).toBe('Not a PDF');
    expect(isPdfSignatureErrorCode('NOT_A_CODE')).toBe(false);
    expect(isPdfSignatureErrorCode(42)).toBe(false);
  });
});
