/** Fired by <egov-pdf-viewer> when a document is loaded: `detail.pageCount`. */
export type EgovPdfViewerLoadEvent = CustomEvent<{ pageCount: number }>;
/** Fired by <egov-pdf-viewer> when the shown page changes: `detail.page` (1-based) and `detail.pageCount`. */
export type EgovPdfViewerPageEvent = CustomEvent<{ page: number; pageCount: number }>;
/** Fired by <egov-pdf-viewer> when the document cannot be loaded or rendered: `detail.message` (vi/en). */
export type EgovPdfViewerErrorEvent = CustomEvent<{ message: { vi: string; en: string } }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-pdf-viewer-load': EgovPdfViewerLoadEvent;
    'egov-pdf-viewer-page': EgovPdfViewerPageEvent;
    'egov-pdf-viewer-error': EgovPdfViewerErrorEvent;
  }
}
