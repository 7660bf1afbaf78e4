import { defineMessages, EgovElement, hostStyles } from '@egov-vn/elements-core';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import styles from './pdf-viewer.styles.js';

const messages = defineMessages({
  vi: {
    label: 'Xem văn bản PDF',
    toolbar: 'Điều khiển xem văn bản',
    previous: 'Trang trước',
    next: 'Trang sau',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    pageOf: (page: number, count: number) => `Trang ${page}/${count}`,
    pageImage: (page: number, count: number) => `Hình trang ${page} trên ${count} của văn bản`,
    zoom: (percent: number) => `Thu phóng ${percent}%`,
    empty: 'Chưa có văn bản.',
    loading: 'Đang mở văn bản…',
    notice: 'Hình chữ ký hoặc con dấu hiển thị trên trang không chứng minh chữ ký hợp lệ; hãy xem kết quả kiểm tra chữ ký.',
    failed: 'Không mở được văn bản PDF',
    keys: 'Phím: PageUp/PageDown đổi trang, + và − để thu phóng.',
  },
  en: {
    label: 'PDF document',
    toolbar: 'Document viewer controls',
    previous: 'Previous page',
    next: 'Next page',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    pageOf: (page: number, count: number) => `Page ${page}/${count}`,
    pageImage: (page: number, count: number) => `Image of page ${page} of ${count}`,
    zoom: (percent: number) => `Zoom ${percent}%`,
    empty: 'No document.',
    loading: 'Opening the document…',
    notice: 'A signature or seal image on the page does not prove a valid signature; see the signature check.',
    failed: 'Could not open the PDF',
    keys: 'Keys: PageUp/PageDown change page, + and − zoom.',
  },
});

const minScale = 0.25;
const maxScale = 4;

/**
 * @summary Shows a PDF page by page with pdf.js (loaded on first use, with dynamic import), page navigation, zoom
 * and keyboard. A rendered signature widget is only a picture: the viewer says so and never shows a verdict.
 * @tagname egov-pdf-viewer
 *
 * @event {EgovPdfViewerLoadEvent} egov-pdf-viewer-load - A document was loaded; `detail.pageCount`.
 * @event {EgovPdfViewerPageEvent} egov-pdf-viewer-page - The shown page changed; `detail.page`, `detail.pageCount`.
 * @event {EgovPdfViewerErrorEvent} egov-pdf-viewer-error - The document could not be opened; `detail.message`.
 *
 * @csspart base - The wrapper.
 * @csspart toolbar - The toolbar.
 * @csspart notice - The note that a signature image proves nothing.
 * @csspart page - The scrollable page area (focusable; keyboard navigation).
 * @csspart canvas - The rendered page.
 *
 * @cssprop --egov-pdf-viewer-height - Maximum height of the page area (default 80vh).
 * @cssprop --egov-pdf-viewer-background - Background around the page.
 */
export class EgovPdfViewer extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    pdf: { attribute: false },
    src: {},
    page: { type: Number, reflect: true },
    scale: { type: Number, reflect: true },
    workerSrc: { attribute: 'worker-src' },
    pageCount: { attribute: false },
    loading: { type: Boolean, reflect: true },
    error: { attribute: false },
  };

  /** The PDF bytes to show (takes precedence over `src`). */
  declare pdf: Uint8Array | undefined;
  /** A URL of the PDF to show. */
  declare src: string | undefined;
  /** The shown page, 1-based. */
  declare page: number;
  /** Zoom factor (1 = 100 %), between 0.25 and 4. */
  declare scale: number;
  /**
   * URL of `pdfjs-dist/build/pdf.worker.min.mjs` to parse in a Web Worker. When unset, the worker module is loaded
   * by dynamic import and runs on the main thread (works with any bundler; slower for big files).
   */
  declare workerSrc: string | undefined;
  /** Number of pages of the loaded document (0 before loading). */
  declare pageCount: number;
  /** True while loading. */
  declare loading: boolean;
  /** The last error. */
  declare error: { vi: string; en: string } | undefined;

  private doc: PDFDocumentProxy | undefined;
  private task: PDFDocumentLoadingTask | undefined;
  private renderTask: RenderTask | undefined;
  private run = 0;

  constructor() {
    super();
    this.pdf = undefined;
    this.src = undefined;
    this.page = 1;
    this.scale = 1;
    this.workerSrc = undefined;
    this.pageCount = 0;
    this.loading = false;
    this.error = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.task?.destroy();
    this.task = undefined;
    this.doc = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pdf') || changed.has('src')) void this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('page') || changed.has('scale') || changed.has('pageCount')) void this.renderPage();
  }

  private async load(): Promise<void> {
    const run = ++this.run;
    void this.task?.destroy();
    this.task = undefined;
    this.doc = undefined;
    this.pageCount = 0;
    this.error = undefined;
    if (!this.pdf && !this.src) return;
    this.loading = true;
    try {
      const pdfjs = await import('pdfjs-dist');
      if (this.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = this.workerSrc;
      else if (!pdfjs.GlobalWorkerOptions.workerSrc && !('pdfjsWorker' in globalThis)) await import('pdfjs-dist/build/pdf.worker.min.mjs');
      // pdf.js may transfer the buffer to its worker: give it a copy, never the caller's bytes.
      const source = this.pdf ? { data: this.pdf.slice() } : { url: this.src! };
      const task = pdfjs.getDocument(source);
      this.task = task;
      const doc = await task.promise;
      if (run !== this.run) return;
      this.doc = doc;
      this.page = Math.min(Math.max(1, this.page), doc.numPages);
      this.pageCount = doc.numPages;
      this.emit('egov-pdf-viewer-load', { detail: { pageCount: doc.numPages } });
    } catch (cause) {
      if (run !== this.run) return;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.error = { vi: `${messages.vi.failed}: ${reason}`, en: `${messages.en.failed}: ${reason}` };
      this.emit('egov-pdf-viewer-error', { detail: { message: this.error } });
    } finally {
      if (run === this.run) this.loading = false;
    }
  }

  private async renderPage(): Promise<void> {
    const doc = this.doc;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!doc || !canvas) return;
    this.renderTask?.cancel();
    try {
      const page = await doc.getPage(this.page);
      if (doc !== this.doc) return;
      const ratio = globalThis.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: this.scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = page.render({ canvas, viewport });
      this.renderTask = task;
      await task.promise;
    } catch (cause) {
      // A newer render or document replaced this one: nothing to report.
      if (doc !== this.doc || (cause as { name?: string }).name === 'RenderingCancelledException') return;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.error = { vi: `${messages.vi.failed}: ${reason}`, en: `${messages.en.failed}: ${reason}` };
      this.emit('egov-pdf-viewer-error', { detail: { message: this.error } });
    }
  }

  /** Shows page `n` (clamped to the document). */
  goTo(n: number): void {
    if (!this.pageCount) return;
    const next = Math.min(Math.max(1, Math.round(n)), this.pageCount);
    if (next === this.page) return;
    this.page = next;
    this.emit('egov-pdf-viewer-page', { detail: { page: next, pageCount: this.pageCount } });
  }

  /** Sets the zoom factor (clamped to 0.25–4). */
  zoom(scale: number): void {
    this.scale = Math.min(maxScale, Math.max(minScale, Math.round(scale * 100) / 100));
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const actions: Record<string, () => void> = {
      PageDown: () => this.goTo(this.page + 1),
      PageUp: () => this.goTo(this.page - 1),
      Home: () => this.goTo(1),
      End: () => this.goTo(this.pageCount),
      '+': () => this.zoom(this.scale * 1.25),
      '=': () => this.zoom(this.scale * 1.25),
      '-': () => this.zoom(this.scale / 1.25),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  override render() {
    const count = this.pageCount;
    const status = this.loading ? this.msg('loading') : this.error ? this.error[this.locale] : count ? this.msg('pageOf', this.page, count) : this.msg('empty');
    return html`<section part="base" class="base" aria-label=${this.msg('label')}>
      <div part="toolbar" class="toolbar" role="toolbar" aria-label=${this.msg('toolbar')}>
        <button type="button" aria-label=${this.msg('previous')} ?disabled=${!count || this.page <= 1} @click=${() => this.goTo(this.page - 1)}>‹</button>
        <span role="status" class=${this.error ? 'error' : ''}>${status}</span>
        <button type="button" aria-label=${this.msg('next')} ?disabled=${!count || this.page >= count} @click=${() => this.goTo(this.page + 1)}>›</button>
        <button type="button" aria-label=${this.msg('zoomOut')} ?disabled=${this.scale <= minScale} @click=${() => this.zoom(this.scale / 1.25)}>−</button>
        <span>${this.msg('zoom', Math.round(this.scale * 100))}</span>
        <button type="button" aria-label=${this.msg('zoomIn')} ?disabled=${this.scale >= maxScale} @click=${() => this.zoom(this.scale * 1.25)}>+</button>
      </div>
      <p part="notice" class="notice">${this.msg('notice')}</p>
      ${count
        ? html`<div part="page" class="page" tabindex="0" role="region" aria-label=${`${this.msg('pageOf', this.page, count)}. ${this.msg('keys')}`} @keydown=${this.onKeyDown}>
            <canvas part="canvas" role="img" aria-label=${this.msg('pageImage', this.page, count)}></canvas>
          </div>`
        : nothing}
    </section>`;
  }
}
