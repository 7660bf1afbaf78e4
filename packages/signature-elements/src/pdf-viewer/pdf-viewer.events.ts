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

/** A signature box on a page: `rect` in PDF points [x1, y1, x2, y2] (user space), `mm` the same in millimetres. */
export interface PdfBox {
  /** 1-based page. */
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
}

/**
 * Fired by <egov-pdf-viewer> when the signature box is placed, moved or resized (pointer or keyboard):
 * `detail.page` (1-based), `detail.rect` (PDF points), `detail.mm` (`{ left, bottom, width, height }` in millimetres).
 */
export type EgovPdfViewerBoxEvent = CustomEvent<PdfBox & { readonly mm: { left: number; bottom: number; width: number; height: number } }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'egov-pdf-viewer-box': EgovPdfViewerBoxEvent;
  }
}
