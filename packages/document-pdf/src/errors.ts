/** Languages of messages and generated labels. */
export type Lang = 'vi' | 'en';

export interface DocumentPdfIssue {
  /** Stable code, e.g. `options.marginLeft`. */
  readonly code: string;
  /** Where the problem is: option or document path. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Thrown by `renderDocumentPdf` for bad options or a document the layout cannot render. Messages in Vietnamese by default. */
export class DocumentPdfError extends Error {
  readonly issues: readonly DocumentPdfIssue[];
  constructor(issues: readonly DocumentPdfIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    this.name = 'DocumentPdfError';
    this.issues = issues;
  }
}
