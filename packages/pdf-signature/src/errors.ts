/** Language of user-facing messages: Vietnamese first, English on request. */
export type Lang = 'vi' | 'en';

/** A bilingual message. */
export interface Message {
  readonly vi: string;
  readonly en: string;
}

/** Every error this package raises: a stable code, both languages, and where in the file it happened. */
export class PdfSignatureError extends Error {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  readonly offset: number | undefined;

  constructor(code: string, message: Message, offset?: number, lang: Lang = 'vi') {
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

export function pdfError(code: string, vi: string, en: string, offset?: number): PdfSignatureError {
  return new PdfSignatureError(code, { vi, en }, offset);
}
