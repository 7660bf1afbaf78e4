/**
 * @egov-vn/document-pdf — render an administrative document of the model into a PDF laid out as Nghị định
 * 30/2020/NĐ-CP, Phụ lục I prescribes. Runs in browsers and Node: pass the font bytes in `options.fonts`, or use
 * `@egov-vn/document-pdf/node`, which loads the bundled Liberation Serif.
 */
import { version } from './version.js';

export { renderDocumentPdf, type IssueField, type IssueFields, type Rect, type RenderResult, type SignatureField } from './render.js';
export { type FontSet, type Margins, MARGIN_LIMITS, type RenderOptions, resolveOptions } from './options.js';
export { DocumentPdfError, type DocumentPdfErrorCode, type DocumentPdfIssue, type DocumentPdfOptionCode, type Lang } from './errors.js';
export { breakLines, toBoxes, type Align, type Box, type FontStyle, type Line, type Measure, type ParagraphStyle, type Run } from './layout/lines.js';
export { srgbIccProfile, SRGB_PROFILE_DESCRIPTION } from '@egov-vn/pdf-signature/pdfa';
export { LABELS, type Labels } from './labels.js';

/** The version of @egov-vn/document-pdf this build came from. */
export function documentPdfVersion(): string {
  return version;
}
