import { EgovError, type Issue, type Lang, type ValidationIssueCode } from '@egov-vn/schemas';

/** Languages of messages and generated labels (the kit's one language type, from `@egov-vn/schemas`). */
export type { Lang };

/** Codes of bad rendering options. */
export type DocumentPdfOptionCode =
  | 'options.lang'
  | 'options.fontSize'
  | 'options.margin'
  | 'options.lineSpacing'
  | 'options.paragraphSpacing'
  | 'options.firstLineIndent'
  | 'options.signatureAreaHeight'
  | 'options.fonts'
  | 'options.creationDate';

/** Every code a `DocumentPdfError` issue can carry: a bad option, or a rule of the document model (path `document.…`). */
export type DocumentPdfErrorCode = DocumentPdfOptionCode | ValidationIssueCode;

/** One problem: the kit's `Issue` shape (`code`, `path`, `params`, `message`). */
export type DocumentPdfIssue = Issue<DocumentPdfErrorCode>;

/**
 * Thrown by `renderDocumentPdf` for bad options or a document the layout cannot render. Messages in Vietnamese by
 * default. An `EgovError`, so `err instanceof EgovError` catches it with the errors of the other packages.
 */
export class DocumentPdfError extends EgovError<DocumentPdfErrorCode> {
  override name = 'DocumentPdfError';
  constructor(issues: readonly DocumentPdfIssue[]) {
    super([...issues]);
  }
}
