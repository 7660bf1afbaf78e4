/** Language of user-facing messages: Vietnamese first, English on request. */
export type Lang = 'vi' | 'en';

/** A bilingual message. */
export interface Message {
  readonly vi: string;
  readonly en: string;
}

/**
 * Every code a `PdfSignatureError` carries, so `switch (err.code)` is checked by the compiler. A test checks that every
 * code this package raises is listed.
 */
export const PDF_SIGNATURE_ERROR_CODES = [
  // the PDF file (bounded parser)
  'PDF_BAD_OFFSET',
  'PDF_BAD_PREV',
  'PDF_BAD_STARTXREF',
  'PDF_BAD_XREF',
  'PDF_ENCRYPTED',
  'PDF_FILTER',
  'PDF_FLATE',
  'PDF_HEADER',
  'PDF_NO_CATALOG',
  'PDF_NO_ROOT',
  'PDF_OBJSTM',
  'PDF_PAGES',
  'PDF_PREDICTOR',
  'PDF_PREV_LOOP',
  'PDF_REF_LOOP',
  'PDF_ROOT',
  'PDF_STREAM_TOO_LARGE',
  'PDF_SYNTAX',
  'PDF_TOO_MANY_REVISIONS',
  'PDF_TRUNCATED',
  'PDF_XREF_MISMATCH',
  // certificates and trust anchors
  'CERT_PARSE',
  'TRUST_DER',
  'TRUST_INPUT',
  'TRUST_PEM',
  // PKCS#12 files
  'P12_ALG',
  'P12_DECRYPT',
  'P12_LEGACY',
  'P12_NO_CERT',
  'P12_NO_KEY',
  'P12_PARSE',
  'P12_PASSWORD',
  // signing
  'SIGNER_ALG',
  'SIGNER_HASH',
  'SIGNER_NO_CERT',
  'SIGN_CERTIFY_FIRST',
  'SIGN_DOCMDP',
  'SIGN_PAGE',
  // time-stamping (RFC 3161)
  'TSA_HTTP',
  'TSA_MISMATCH',
  'TSA_REFUSED',
  'TSA_RESPONSE',
  // appearance: fonts, placing, stamps
  'PNG',
  'FONT_FETCH',
  'FONT_PARSE',
  'LOCATE_NOT_FOUND',
  'LOCATE_PAGE',
  'STAMP_EMPTY',
  'ISSUE_FIELD',
  // scanned images
  'SCAN_CMYK',
  'SCAN_FORMAT',
  // electronic copies (Nghị định 30, Điều 25)
  'COPY_NO_INPUT',
  'COPY_DPI_UNKNOWN',
  'COPY_DPI_LOW',
  'COPY_NOT_COLOUR',
  'COPY_SOURCE_PDF',
  'COPY_AGENCY',
  // remote signing services
  'REMOTE_AUTH',
  'REMOTE_AUTH_DATA',
  'REMOTE_BATCH_COUNT',
  'REMOTE_CANCELLED',
  'REMOTE_CERT_MISMATCH',
  'REMOTE_CLOSED',
  'REMOTE_CONNECT',
  'REMOTE_CREDENTIAL',
  'REMOTE_EXPIRED',
  'REMOTE_FAILED',
  'REMOTE_GARBAGE',
  'REMOTE_NO_CERT',
  'REMOTE_NO_WS',
  'REMOTE_REJECTED',
  'REMOTE_REPLY',
  'REMOTE_TIMEOUT',
  'REMOTE_UNREACHABLE',
  // the signing relay
  'RELAY_NOT_FOUND',
  'RELAY_REQUEST',
  'RELAY_UNAUTHENTICATED',
  // the VGCA signing plug-in
  'VGCA_FAILED',
  'VGCA_MISSING',
  'VGCA_RESULT',
] as const;

/** The union of {@link PDF_SIGNATURE_ERROR_CODES}. */
export type PdfSignatureErrorCode = (typeof PDF_SIGNATURE_ERROR_CODES)[number];

/** True for a code of {@link PDF_SIGNATURE_ERROR_CODES} (e.g. one a signing relay answered with). */
export function isPdfSignatureErrorCode(value: unknown): value is PdfSignatureErrorCode {
  return typeof value === 'string' && (PDF_SIGNATURE_ERROR_CODES as readonly string[]).includes(value);
}

/** Every error this package raises: a stable code, both languages, and where in the file it happened. */
export class PdfSignatureError extends Error {
  readonly code: PdfSignatureErrorCode;
  readonly vi: string;
  readonly en: string;
  readonly offset: number | undefined;

  constructor(code: PdfSignatureErrorCode, message: Message, offset?: number, lang: Lang = 'vi') {
    const where = offset === undefined ? '' : lang === 'vi' ? ` (tại byte ${offset})` : ` (at byte ${offset})`;
    super(`${lang === 'vi' ? message.vi : message.en}${where}`);
    this.name = 'PdfSignatureError';
    this.code = code;
    this.vi = message.vi;
    this.en = message.en;
    this.offset = offset;
  }

  /** The message in the requested language. */
  text(lang: Lang = 'vi'): string {
    return lang === 'vi' ? this.vi : this.en;
  }
}

export function pdfError(code: PdfSignatureErrorCode, vi: string, en: string, offset?: number): PdfSignatureError {
  return new PdfSignatureError(code, { vi, en }, offset);
}
