import { defineMessages, EgovElement, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
// styleMap sets style properties through the CSSOM, which a strict CSP (style-src 'self') allows; a style attribute it does not.
import { styleMap } from 'lit/directives/style-map.js';
import type * as PdfJsModule from 'pdfjs-dist';
import type { PageViewport, PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask, TextLayer } from 'pdfjs-dist';
import type { EgovPdfViewerBoxEvent, PdfBox } from './pdf-viewer.events.js';
import styles from './pdf-viewer.styles.js';

type PdfJs = typeof PdfJsModule;
type Rect = [number, number, number, number];

/** Points per millimetre. */
const MM = 72 / 25.4;

/** pdf.js's worker module, as the page's import map names it (the CDN folder maps it beside pdf.js). */
const workerSpecifier = 'pdfjs-dist/build/pdf.worker.min.mjs';

/**
 * The URL of pdf.js's worker when the page's import map resolves it (a CDN folder: the worker of the same versioned
 * folder); `undefined` in a bundle, where nothing maps the bare name (the browser throws, or the bundler left no
 * `import.meta.resolve`).
 */
function mappedWorkerUrl(): string | undefined {
  try {
    return typeof import.meta.resolve === 'function' ? import.meta.resolve(workerSpecifier) : undefined;
  } catch {
    return undefined;
  }
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}
let workerPolicy: { createScriptURL(url: string): unknown } | undefined;

/**
 * A module Worker running pdf.js's worker from `url` (same origin only: pdf.js wraps other origins itself). Under
 * `require-trusted-types-for 'script'` the URL goes through the policy `egov-vn-pdfjs`, which accepts only that URL
 * (a page that lists its policies adds `trusted-types egov-vn-pdfjs`). `undefined` when no Worker can be made here.
 */
function moduleWorker(url: string): Worker | undefined {
  try {
    if (new URL(url).origin !== globalThis.location.origin) return undefined;
    const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    let src: unknown = url;
    if (trustedTypes) {
      try {
        workerPolicy ??= trustedTypes.createPolicy('egov-vn-pdfjs', {
          createScriptURL: (candidate) => {
            if (candidate !== mappedWorkerUrl()) throw new TypeError(`egov-vn-pdfjs: not the pdf.js worker: ${candidate}`);
            return candidate;
          },
        });
        src = workerPolicy.createScriptURL(url);
      } catch {
        // The page does not allow the policy: a plain URL (fine where Trusted Types are not enforced).
      }
    }
    return new Worker(src as string, { type: 'module' });
  } catch {
    return undefined;
  }
}
const round1 = (n: number): number => Math.round(n * 10) / 10;

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
    placeHere: 'Đặt khung chữ ký ở trang này',
    boxRole: 'khung chữ ký',
    box: (page: number, left: number, bottom: number, width: number, height: number) =>
      `Khung chữ ký trang ${page}: cách trái ${left} mm, cách dưới ${bottom} mm, rộng ${width} mm, cao ${height} mm`,
    boxKeys: 'Phím mũi tên: di chuyển 1 mm; Shift + mũi tên: đổi cỡ 1 mm. Có thể kéo chuột trên trang để vẽ khung.',
    placer: 'Vùng đặt khung chữ ký: kéo để vẽ khung',
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
    placeHere: 'Place the signature box on this page',
    boxRole: 'signature box',
    box: (page: number, left: number, bottom: number, width: number, height: number) =>
      `Signature box on page ${page}: ${left} mm from the left, ${bottom} mm from the bottom, ${width} mm wide, ${height} mm high`,
    boxKeys: 'Arrow keys: move by 1 mm; Shift + arrows: resize by 1 mm. You can also drag on the page to draw the box.',
    placer: 'Signature box area: drag to draw the box',
  },
});

const minScale = 0.25;
const maxScale = 4;

/**
 * @summary Shows a PDF page by page with pdf.js (loaded on first use, with dynamic import), page navigation, zoom
 * and keyboard. A rendered signature widget is only a picture: the viewer says so and never shows a verdict.
 * @tagname egov-pdf-viewer
 *
 * @fires {EgovPdfViewerLoadEvent} egov-pdf-viewer-load - A document was loaded; `detail.pageCount`.
 * @fires {EgovPdfViewerPageEvent} egov-pdf-viewer-page - The shown page changed; `detail.page`, `detail.pageCount`.
 * @fires {EgovPdfViewerErrorEvent} egov-pdf-viewer-error - The document could not be opened; `detail.message`.
 * @fires {EgovPdfViewerBoxEvent} egov-pdf-viewer-box - With `placing`: the signature box was drawn, moved or
 * resized (pointer or keyboard); `detail.page`, `detail.rect` (PDF points), `detail.mm`.
 *
 * @csspart base - The wrapper.
 * @csspart toolbar - The toolbar.
 * @csspart notice - The note that a signature image proves nothing.
 * @csspart page - The scrollable page area (focusable; keyboard navigation).
 * @csspart canvas - The rendered page.
 * @csspart place-button - With `placing`: puts the signature box on the shown page and focuses it.
 * @csspart text-layer - The transparent pdf.js text layer over the page (select and find text).
 * @csspart box - With `placing`: the signature box (focusable; arrow keys move it, Shift + arrows resize it).
 *
 * @cssprop --egov-pdf-viewer-height - Maximum height of the page area (default 80vh).
 * @cssprop --egov-pdf-viewer-background - Background around the page.
 * @cssprop --egov-pdf-viewer-box-color - Outline of the signature box (default `--egov-color-primary`).
 */
export class EgovPdfViewer extends EgovElement<typeof messages> {
  static override messages = messages;
  static override styles = [hostStyles, visuallyHidden, styles];
  static override properties: PropertyDeclarations = {
    pdf: { attribute: false },
    src: {},
    page: { type: Number, reflect: true },
    scale: { type: Number, reflect: true },
    workerSrc: { attribute: 'worker-src' },
    pageCount: { attribute: false },
    loading: { state: true },
    error: { state: true },
    placing: { type: Boolean, reflect: true },
    box: { attribute: false },
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
   * URL of `pdfjs-dist/build/pdf.worker.min.mjs` to parse in a Web Worker. When unset: on a page whose import map
   * resolves that name (the CDN folder) its worker runs as a Web Worker; otherwise the worker module is loaded by
   * dynamic import and runs on the main thread (works with any bundler; slower for big files).
   */
  declare workerSrc: string | undefined;
  /** Number of pages of the loaded document (0 before loading). */
  declare pageCount: number;
  /** True while loading. */
  declare private loading: boolean;
  /** The last error (also fired as `egov-pdf-viewer-error`). */
  declare private error: { vi: string; en: string } | undefined;
  /**
   * Signature-box mode: a box can be drawn by dragging on the page, moved by dragging it, and moved or resized from
   * the keyboard; each change fires `egov-pdf-viewer-box`. Text selection is off while placing.
   */
  declare placing: boolean;
  /** The signature box (page + rectangle in PDF points), shown while `placing`. */
  declare box: PdfBox | undefined;
  /** The live announcement of the box (set with `box`, which re-renders). */
  #announcement = '';

  #doc: PDFDocumentProxy | undefined;
  #task: PDFDocumentLoadingTask | undefined;
  #renderTask: RenderTask | undefined;
  #textLayer: TextLayer | undefined;
  #pdfjs: PdfJs | undefined;
  /** The shown page's viewport in CSS pixels, and its box in PDF user space. */
  #viewport: PageViewport | undefined;
  #view: Rect = [0, 0, 612, 792];
  #drag: { mode: 'draw' | 'move'; x: number; y: number; start: Rect; moved: boolean } | undefined;
  #run = 0;

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
    this.placing = false;
    this.box = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#task?.destroy();
    this.#task = undefined;
    this.#doc = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pdf') || changed.has('src')) void this.#load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('page') || changed.has('scale') || changed.has('pageCount')) void this.#renderPage();
  }

  async #load(): Promise<void> {
    const run = ++this.#run;
    void this.#task?.destroy();
    this.#task = undefined;
    this.#doc = undefined;
    this.pageCount = 0;
    this.error = undefined;
    if (!this.pdf && !this.src) return;
    this.loading = true;
    try {
      const pdfjs = await import('pdfjs-dist');
      this.#pdfjs = pdfjs;
      if (this.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = this.workerSrc;
      else if (!pdfjs.GlobalWorkerOptions.workerSrc && !pdfjs.GlobalWorkerOptions.workerPort && !('pdfjsWorker' in globalThis)) {
        // From a CDN folder (an import map), the worker of that folder runs as a real Web Worker; in a bundle, the
        // worker module is imported and runs on the main thread.
        const mapped = mappedWorkerUrl();
        const worker = mapped === undefined ? undefined : moduleWorker(mapped);
        if (worker) pdfjs.GlobalWorkerOptions.workerPort = worker;
        else if (mapped !== undefined) pdfjs.GlobalWorkerOptions.workerSrc = mapped;
        else await import('pdfjs-dist/build/pdf.worker.min.mjs');
      }
      // pdf.js may transfer the buffer to its worker: give it a copy, never the caller's bytes.
      const source = this.pdf ? { data: this.pdf.slice() } : { url: this.src! };
      const task = pdfjs.getDocument(source);
      this.#task = task;
      const doc = await task.promise;
      if (run !== this.#run) return;
      this.#doc = doc;
      this.page = Math.min(Math.max(1, this.page), doc.numPages);
      this.pageCount = doc.numPages;
      this.emit('egov-pdf-viewer-load', { detail: { pageCount: doc.numPages } });
    } catch (cause) {
      if (run !== this.#run) return;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.error = { vi: `${messages.vi.failed}: ${reason}`, en: `${messages.en.failed}: ${reason}` };
      this.emit('egov-pdf-viewer-error', { detail: { message: this.error } });
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  async #renderPage(): Promise<void> {
    const doc = this.#doc;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!doc || !canvas) return;
    this.#renderTask?.cancel();
    try {
      const page = await doc.getPage(this.page);
      if (doc !== this.#doc) return;
      const ratio = globalThis.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: this.scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = page.render({ canvas, viewport });
      this.#renderTask = task;
      this.#viewport = page.getViewport({ scale: this.scale });
      this.#view = [...page.view] as Rect;
      this.requestUpdate();
      await task.promise;
      await this.#renderTextLayer(page.streamTextContent(), this.#viewport);
    } catch (cause) {
      // A newer render or document replaced this one: nothing to report.
      if (doc !== this.#doc || (cause as { name?: string }).name === 'RenderingCancelledException') return;
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.error = { vi: `${messages.vi.failed}: ${reason}`, en: `${messages.en.failed}: ${reason}` };
      this.emit('egov-pdf-viewer-error', { detail: { message: this.error } });
    }
  }

  /** The pdf.js text layer: transparent, positioned text over the canvas so it can be selected and found. */
  async #renderTextLayer(source: ReadableStream, viewport: PageViewport): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.textLayer');
    if (!container || !this.#pdfjs) return;
    this.#textLayer?.cancel();
    container.replaceChildren();
    const sheet = container.parentElement!;
    sheet.style.setProperty('--total-scale-factor', String(viewport.scale));
    const layer = new this.#pdfjs.TextLayer({ textContentSource: source, container, viewport });
    this.#textLayer = layer;
    try {
      await layer.render();
    } catch (cause) {
      // A newer page replaced this one.
      if ((cause as { name?: string }).name !== 'AbortException') throw cause;
    }
  }

  /** CSS pixels (relative to the page) of a PDF rectangle on the shown page. */
  #toCss(rect: readonly number[]): { left: number; top: number; width: number; height: number } | undefined {
    const vp = this.#viewport;
    if (!vp) return undefined;
    const [x1, y1] = vp.convertToViewportPoint(rect[0]!, rect[1]!) as [number, number];
    const [x2, y2] = vp.convertToViewportPoint(rect[2]!, rect[3]!) as [number, number];
    return { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
  }

  /** The PDF rectangle of two CSS points on the shown page, kept inside the page. */
  #toPdf(ax: number, ay: number, bx: number, by: number): Rect {
    const vp = this.#viewport!;
    const [px1, py1] = vp.convertToPdfPoint(ax, ay) as [number, number];
    const [px2, py2] = vp.convertToPdfPoint(bx, by) as [number, number];
    return this.#clamp([Math.min(px1, px2), Math.min(py1, py2), Math.max(px1, px2), Math.max(py1, py2)]);
  }

  /** Keeps a rectangle inside the page (moving it back in, shrinking it to the page at most). */
  #clamp(rect: Rect): Rect {
    const [vx1, vy1, vx2, vy2] = this.#view;
    const width = Math.min(Math.max(rect[2] - rect[0], 5 * MM), vx2 - vx1);
    const height = Math.min(Math.max(rect[3] - rect[1], 5 * MM), vy2 - vy1);
    const x = Math.min(Math.max(rect[0], vx1), vx2 - width);
    const y = Math.min(Math.max(rect[1], vy1), vy2 - height);
    return [x, y, x + width, y + height];
  }

  #setBox(rect: Rect): void {
    const box: PdfBox = { page: this.page, rect };
    this.box = box;
    const mm = { left: round1(rect[0] / MM), bottom: round1(rect[1] / MM), width: round1((rect[2] - rect[0]) / MM), height: round1((rect[3] - rect[1]) / MM) };
    this.#announcement = this.msg('box', box.page, mm.left, mm.bottom, mm.width, mm.height);
    const detail: EgovPdfViewerBoxEvent['detail'] = { ...box, mm };
    this.emit('egov-pdf-viewer-box', { detail });
  }

  get #boxOnPage(): Rect | undefined {
    return this.box && this.box.page === this.page ? ([...this.box.rect] as Rect) : undefined;
  }

  /** Puts a 60 × 25 mm box on the shown page (or moves the box here) and focuses it. */
  async placeHere(): Promise<void> {
    const [vx1, vy1, vx2] = this.#view;
    const current = this.box?.rect;
    const width = current ? current[2] - current[0] : 60 * MM;
    const height = current ? current[3] - current[1] : 25 * MM;
    const x = current ? current[0] : vx2 - 20 * MM - width;
    const y = current ? current[1] : vy1 + 40 * MM;
    this.#setBox(this.#clamp([Math.max(vx1, x), y, Math.max(vx1, x) + width, y + height]));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=box]')?.focus();
  }

  #point(event: PointerEvent): [number, number] {
    const r = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return [event.clientX - r.left, event.clientY - r.top];
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 || !this.#viewport) return;
    event.preventDefault();
    const [x, y] = this.#point(event);
    const onBox = (event.target as HTMLElement).getAttribute('part') === 'box';
    const start = this.#boxOnPage;
    this.#drag = { mode: onBox && start ? 'move' : 'draw', x, y, start: start ?? [0, 0, 0, 0], moved: false };
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // Synthetic or already released pointers cannot be captured: moves still arrive over the page.
    }
    if (onBox) (event.target as HTMLElement).focus();
  };

  readonly #onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag) return;
    const [x, y] = this.#point(event);
    if (Math.abs(x - drag.x) + Math.abs(y - drag.y) < 3 && !drag.moved) return;
    drag.moved = true;
    if (drag.mode === 'draw') {
      this.box = { page: this.page, rect: this.#toPdf(drag.x, drag.y, x, y) };
    } else {
      const css = this.#toCss(drag.start)!;
      const dx = x - drag.x;
      const dy = y - drag.y;
      const moved = this.#toPdf(css.left + dx, css.top + dy, css.left + css.width + dx, css.top + css.height + dy);
      const w = drag.start[2] - drag.start[0];
      const h = drag.start[3] - drag.start[1];
      this.box = { page: this.page, rect: this.#clamp([moved[0], moved[1], moved[0] + w, moved[1] + h]) };
    }
  };

  readonly #onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag) return;
    this.#drag = undefined;
    if (drag.moved && this.box) {
      this.#setBox([...this.box.rect] as Rect);
    } else if (drag.mode === 'draw') {
      // A click: a 60 × 25 mm box centred on the point.
      const [x, y] = this.#point(event);
      const [cx, cy] = this.#viewport!.convertToPdfPoint(x, y) as [number, number];
      this.#setBox(this.#clamp([cx - 30 * MM, cy - 12.5 * MM, cx + 30 * MM, cy + 12.5 * MM]));
    }
  };

  readonly #onBoxKeyDown = (event: KeyboardEvent): void => {
    const rect = this.#boxOnPage;
    const dirs: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const dir = dirs[event.key];
    if (!rect || !dir || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    event.stopPropagation();
    const [dx, dy] = [dir[0] * MM, dir[1] * MM];
    if (event.shiftKey) this.#setBox(this.#clamp([rect[0], rect[1], rect[2] + dx, rect[3] + dy]));
    else this.#setBox(this.#clamp([rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy]));
  };

  #renderPlacer() {
    const rect = this.#boxOnPage;
    const css = rect ? this.#toCss(rect) : undefined;
    const mm = rect ? [round1(rect[0] / MM), round1(rect[1] / MM), round1((rect[2] - rect[0]) / MM), round1((rect[3] - rect[1]) / MM)] : [];
    return html`<div
      class="placer"
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${() => (this.#drag = undefined)}
    >
      ${css
        ? html`<div
            part="box"
            class="box"
            tabindex="0"
            role="group"
            aria-roledescription=${this.msg('boxRole')}
            aria-label=${this.msg('box', this.page, mm[0]!, mm[1]!, mm[2]!, mm[3]!)}
            aria-describedby="box-keys"
            style=${styleMap({ left: `${css.left}px`, top: `${css.top}px`, width: `${css.width}px`, height: `${css.height}px` })}
            @keydown=${this.#onBoxKeyDown}
          ></div>`
        : nothing}
    </div>`;
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

  readonly #onKeyDown = (event: KeyboardEvent): void => {
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
        ${this.placing && count ? html`<button type="button" part="place-button" @click=${() => void this.placeHere()}>${this.msg('placeHere')}</button>` : nothing}
      </div>
      <p part="notice" class="notice">${this.msg('notice')}</p>
      ${count
        ? html`<div part="page" class="page" tabindex="0" role="region" aria-label=${`${this.msg('pageOf', this.page, count)}. ${this.msg('keys')}`} @keydown=${this.#onKeyDown}>
            <div class="sheet">
              <canvas part="canvas" role="img" aria-label=${this.msg('pageImage', this.page, count)}></canvas>
              <div part="text-layer" class="textLayer"></div>
              ${this.placing ? this.#renderPlacer() : nothing}
            </div>
          </div>`
        : nothing}
      ${this.placing
        ? html`<p id="box-keys" class="hint">${this.msg('boxKeys')}</p>
            <p class="visually-hidden" role="status">${this.#announcement}</p>`
        : nothing}
    </section>`;
  }
}
