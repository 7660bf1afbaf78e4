// Registers <egov-pdf-viewer>: `import '@egov-vn/signature-elements/pdf-viewer';` (pdf.js loads on first document)
import { EgovPdfViewer } from './pdf-viewer.component.js';

export { EgovPdfViewer } from './pdf-viewer.component.js';
export type { EgovPdfViewerBoxEvent, EgovPdfViewerErrorEvent, EgovPdfViewerLoadEvent, EgovPdfViewerPageEvent, PdfBox } from './pdf-viewer.events.js';

EgovPdfViewer.define('egov-pdf-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'egov-pdf-viewer': EgovPdfViewer;
  }
}
