import { encodeBase64 } from '@egov-vn/edxml';
import { formatIsoDate, todayInVietnam } from '@egov-vn/schemas/time';
import { buttonStyles, defineMessages, hostStyles, visuallyHidden } from '@egov-vn/elements-core';
import type { ElectronicCopy, ElectronicCopyOptions, Nd30Check } from '@egov-vn/pdf-signature/nd30';
import type { CheckNd30Options } from '@egov-vn/pdf-signature/nd30';
import type { SignerProvider } from '@egov-vn/signature-elements';
import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { OfficeBackendError } from '../backend/types.js';
import { OfficeFeature } from '../feature.js';
import styles from './compose.styles.js';

type CopyKind = 'SY' | 'TrS' | 'SL';
const KINDS: CopyKind[] = ['SY', 'TrS', 'SL'];
const ACCEPT = 'image/png,image/jpeg,image/tiff,application/pdf,.png,.jpg,.jpeg,.tif,.tiff,.pdf';

const messages = defineMessages({
  vi: {
    title: 'Sao y điện tử',
    intro: 'Bản quét màu, từ 200 dpi, tỉ lệ 100 % (Nghị định 30/2020, Điều 25–26, Phụ lục I Phần II); cơ quan ký số bản sao.',
    files: 'Ảnh quét (PNG, JPEG, TIFF) hoặc tệp PDF của máy quét',
    drop: 'Kéo thả tệp vào đây hoặc chọn tệp',
    chosen: (n: number) => `${n} tệp đã chọn`,
    kind: 'Hình thức sao',
    SY: 'Sao y (SY)',
    TrS: 'Trích sao (TrS)',
    SL: 'Sao lục (SL)',
    docNumber: 'Số, ký hiệu bản sao (nếu có)',
    provider: 'Chữ ký số của cơ quan',
    password: 'Mật khẩu hoặc mã PIN',
    certificate: 'Tệp chứng thư số',
    make: 'Tạo và ký bản sao',
    making: 'Đang tạo bản sao…',
    made: (name: string) => `Đã tạo bản sao điện tử ${name}.`,
    findings: 'Kiểm tra theo Nghị định 30',
    conforming: 'Bản sao đạt các quy tắc kiểm tra được của Nghị định 30.',
    download: 'Tải bản sao',
    attach: 'Đính kèm vào dự thảo',
    attached: 'Đã đính kèm bản sao vào dự thảo.',
    refused: 'Không tạo được bản sao',
    noFiles: 'Chưa chọn ảnh quét hoặc tệp PDF.',
    noSigner: 'Cổng chưa cung cấp chữ ký số của cơ quan cho việc sao.',
    noAgency: 'Chưa có tên cơ quan trong ngữ cảnh (agency).',
    chunkFailed: 'Không tải được thư viện ký số.',
    retry: 'Thử lại',
    error: 'Lỗi',
    warning: 'Lưu ý',
    info: 'Thông tin',
  },
  en: {
    title: 'Electronic copy (sao y điện tử)',
    intro: 'Colour scans at 200 dpi or more, at 100 % (Decree 30/2020, Articles 25–26, Appendix I Part II); the agency signs the copy.',
    files: 'Scans (PNG, JPEG, TIFF) or the scanner’s PDF',
    drop: 'Drop files here or choose them',
    chosen: (n: number) => (n === 1 ? '1 file chosen' : `${n} files chosen`),
    kind: 'Kind of copy',
    SY: 'True copy (SY)',
    TrS: 'Extract (TrS)',
    SL: 'Re-issued copy (SL)',
    docNumber: 'Number and symbol of the copy (optional)',
    provider: 'The agency’s digital signature',
    password: 'Password or PIN',
    certificate: 'Certificate file',
    make: 'Make and sign the copy',
    making: 'Making the copy…',
    made: (name: string) => `Electronic copy ${name} made.`,
    findings: 'Decree 30 check',
    conforming: 'The copy passes the Decree 30 rules a machine can check.',
    download: 'Download the copy',
    attach: 'Attach to the draft',
    attached: 'The copy was attached to the draft.',
    refused: 'The copy was not made',
    noFiles: 'No scans or PDF chosen.',
    noSigner: 'The portal offers no agency signature for copies.',
    noAgency: 'The context has no agency name (agency).',
    chunkFailed: 'Could not load the signing library.',
    retry: 'Retry',
    error: 'Error',
    warning: 'Warning',
    info: 'Note',
  },
});

/** What <egov-electronic-copy> loads on demand (the copy maker and checker of @egov-vn/pdf-signature, the stamp font). */
export interface ElectronicCopyLoaders {
  nd30: () => Promise<{
    makeElectronicCopy: (options: ElectronicCopyOptions) => Promise<ElectronicCopy>;
    checkNd30: (pdf: Uint8Array, options?: CheckNd30Options) => Promise<Nd30Check>;
  }>;
  stampFont: () => Promise<Uint8Array>;
}

const defaultLoaders: ElectronicCopyLoaders = {
  nd30: () => import('@egov-vn/pdf-signature/nd30'),
  stampFont: () => import('@egov-vn/pdf-signature').then((m) => m.loadStampFont()),
};

/**
 * @summary Sao y điện tử: a văn thư drops scans (PNG, JPEG, TIFF) or a scanner PDF, picks the kind of copy (SY, TrS,
 * SL); the copy is made as PDF/A at 100 % and signed with the agency's signature from the host (copy stamp at the top
 * right of page 1), checked against Nghị định 30, then downloaded or attached to a draft. A scan under 200 dpi or in
 * grey is refused with the decree's reason.
 * @tagname egov-electronic-copy
 *
 * @fires {EgovElectronicCopyEvent} egov-electronic-copy-made - The copy was made and signed (`detail.pdf`, `copyKind`, `dpi`, `fileName`).
 * @fires {EgovElectronicCopyAttachEvent} egov-electronic-copy-attach - The copy was attached to the draft `draft-id` (`detail.id`, `detail.draft`).
 * @fires {EgovElectronicCopyAttachEvent} egov-compose-attach - Deprecated alias of `egov-electronic-copy-attach`, fired until the next minor release.
 * @fires {EgovErrorEvent} egov-error - Making the copy, loading the signing library, or attaching failed.
 *
 * @csspart base - The wrapper.
 * @csspart drop - The drop zone with the file input.
 * @csspart form - The form.
 * @csspart result - The made copy: checks, download, attach.
 * @csspart findings - The list of Nghị định 30 findings.
 * @csspart error - The refusal or error (role="alert").
 * @csspart retry - The retry button.
 *
 * @cssprop --egov-color-primary - The drop zone while dragging, buttons.
 * @cssprop --egov-color-danger - Refusals.
 */
export class EgovElectronicCopy extends OfficeFeature<typeof messages> {
  static override messages = messages;
  static override styles = [
    hostStyles,
    buttonStyles,
    visuallyHidden,
    styles,
    css`
      [part='drop'] {
        border: 2px dashed var(--egov-color-border);
        border-radius: var(--egov-radius);
        padding: var(--egov-space);
        display: grid;
        gap: 4px;
      }
      [part='drop'].over {
        border-color: var(--egov-color-primary);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...OfficeFeature.properties,
    draftId: { attribute: 'draft-id' },
    files: { state: true },
    copyKind: { state: true },
    docNumber: { state: true },
    providers: { state: true },
    busy: { state: true },
    over: { state: true },
    problem: { state: true },
    result: { state: true },
    notice: { state: true },
  };

  /** What is loaded on demand (replace to load from elsewhere). */
  static loaders: ElectronicCopyLoaders = { ...defaultLoaders };

  /** A draft to attach the copy to (as an appendix); without it the copy is offered for download. */
  declare draftId: string | undefined;
  declare private files: File[];
  declare private copyKind: CopyKind;
  declare private docNumber: string;
  declare private providers: readonly SignerProvider[] | undefined;
  declare private busy: boolean;
  declare private over: boolean;
  declare private problem: { title: string; text: string; retry?: () => void } | undefined;
  declare private result: { pdf: Uint8Array; url: string; name: string; check: Nd30Check } | undefined;
  declare private notice: string;
  #password = '';
  #p12: Uint8Array | undefined;
  #hostSeen: unknown;

  constructor() {
    super();
    this.files = [];
    this.copyKind = 'SY';
    this.docNumber = '';
    this.busy = false;
    this.over = false;
    this.notice = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.result) URL.revokeObjectURL(this.result.url);
  }

  protected override willUpdate(): void {
    const host = this.host;
    if (host !== this.#hostSeen) {
      this.#hostSeen = host;
      void this.#loadProviders();
    }
  }

  async #loadProviders(): Promise<void> {
    const signers = this.host?.signers;
    try {
      this.providers = !signers ? [] : typeof signers === 'function' ? await signers('copy') : signers;
    } catch {
      this.providers = [];
    }
  }

  #setFiles(list: FileList | null | undefined): void {
    this.files = [...(list ?? [])];
    this.problem = undefined;
    this.notice = '';
  }

  #fail(title: string, text: LocalizedLike, operation: string, code: string, retry?: () => void): void {
    this.problem = { title, text: text[this.locale], ...(retry ? { retry } : {}) };
    this.announce(new OfficeBackendError({ code: code as never, status: 0, messages: text }), operation);
  }

  async #make(): Promise<void> {
    const agency = this.host?.agency?.name ?? '';
    const provider = this.providers?.[0];
    this.problem = undefined;
    this.notice = '';
    if (!this.files.length) return void (this.problem = { title: this.msg('refused'), text: this.msg('noFiles') });
    if (!provider) return void (this.problem = { title: this.msg('refused'), text: this.msg('noSigner') });
    if (!agency) return void (this.problem = { title: this.msg('refused'), text: this.msg('noAgency') });
    this.busy = true;
    try {
      let tools: Awaited<ReturnType<ElectronicCopyLoaders['nd30']>>;
      let font: Uint8Array;
      try {
        [tools, font] = await Promise.all([EgovElectronicCopy.loaders.nd30(), EgovElectronicCopy.loaders.stampFont()]);
      } catch {
        this.#fail(this.msg('refused'), { vi: messages.vi.chunkFailed, en: messages.en.chunkFailed }, 'load-chunk', 'UNAVAILABLE', () => void this.#make());
        return;
      }
      const bytes = await Promise.all(this.files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
      const isPdf = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';
      const pdfs = bytes.filter(isPdf);
      try {
        const signer = await provider.createSigner({
          ...(this.#password ? { password: this.#password } : {}),
          ...(this.#p12 ? { file: this.#p12 } : {}),
        });
        const host = this.host;
        const copy = await tools.makeElectronicCopy({
          ...(pdfs.length ? { pdf: pdfs[0]! } : { images: bytes }),
          signer,
          copyKind: this.copyKind,
          agency,
          stampFont: font,
          ...(this.docNumber.trim() ? { docNumber: this.docNumber.trim() } : {}),
          ...(host?.timestamp ? { timestamp: host.timestamp } : {}),
        });
        const check = await tools.checkNd30(copy.pdf, { copy: true, trustAnchors: [...(host?.trustAnchors ?? [])] });
        const name = `ban-sao-${this.copyKind}-${host?.today ?? formatIsoDate(todayInVietnam())}.pdf`;
        if (this.result) URL.revokeObjectURL(this.result.url);
        this.result = { pdf: copy.pdf, url: URL.createObjectURL(new Blob([copy.pdf.slice()], { type: 'application/pdf' })), name, check };
        this.notice = this.msg('made', name);
        try {
          this.emit('egov-electronic-copy-made', { detail: { pdf: copy.pdf, copyKind: this.copyKind, dpi: copy.dpi, fileName: name } });
        } catch (e) {
          console.error(e);
        }
      } catch (e) {
        // A refusal of the decree (COPY_DPI_LOW, COPY_NOT_COLOUR…) or a signing failure, in the user's language.
        const err = e as { code?: string; vi?: string; en?: string; message?: string };
        const text = { vi: err.vi ?? err.message ?? String(e), en: err.en ?? err.message ?? String(e) };
        this.#fail(this.msg('refused'), text, 'makeElectronicCopy', err.code ?? 'BAD_RESPONSE');
      }
    } finally {
      this.busy = false;
    }
  }

  async #attach(): Promise<void> {
    const r = this.result;
    const id = this.draftId;
    if (!r || !id) return;
    this.busy = true;
    const out = await this.guard('addDraftAttachment', { params: { id }, body: { name: r.name, contentType: 'application/pdf', data: encodeBase64(r.pdf) } });
    this.busy = false;
    if (!out.ok) {
      this.problem = { title: this.msg('refused'), text: `${out.error.localized[this.locale]} (${out.error.code})`, retry: () => void this.#attach() };
      return;
    }
    this.notice = this.msg('attached');
    try {
      this.emit('egov-electronic-copy-attach', { detail: { id, draft: out.value } }, { deprecatedAlias: 'egov-compose-attach' });
    } catch (e) {
      console.error(e);
    }
  }

  #renderResult(): TemplateResult | typeof nothing {
    const r = this.result;
    if (!r) return nothing;
    const findings = r.check.findings;
    return html`<section part="result" aria-labelledby="r-title">
      <h3 id="r-title">${this.msg('made', r.name)}</h3>
      <h4>${this.msg('findings')}</h4>
      ${findings.length === 0
        ? html`<p data-conforming>${this.msg('conforming')}</p>`
        : html`<ul part="findings">
            ${findings.map((f) => html`<li data-code=${f.code}>[${this.msg(f.severity)}] ${f.message[this.locale]}</li>`)}
          </ul>`}
      <div class="actions">
        <a href=${r.url} download=${r.name}>${this.msg('download')}</a>
        ${this.draftId
          ? html`<button type="button" data-action="attach" ?disabled=${this.busy} @click=${() => void this.#attach()}>${this.msg('attach')}</button>`
          : nothing}
      </div>
    </section>`;
  }

  override render() {
    const provider = this.providers?.[0];
    return html`<div part="base" class="base" aria-busy=${this.busy ? 'true' : 'false'}>
      <h2>${this.msg('title')}</h2>
      <p>${this.msg('intro')}</p>
      <form
        part="form"
        class="compose"
        novalidate
        aria-label=${this.msg('title')}
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#make();
        }}
      >
        <div
          part="drop"
          class="span-all ${this.over ? 'over' : ''}"
          @dragover=${(e: DragEvent) => {
            e.preventDefault();
            this.over = true;
          }}
          @dragleave=${() => (this.over = false)}
          @drop=${(e: DragEvent) => {
            e.preventDefault();
            this.over = false;
            this.#setFiles(e.dataTransfer?.files);
          }}
        >
          <label for="c-files">${this.msg('files')}</label>
          <span>${this.msg('drop')}</span>
          <input id="c-files" name="files" type="file" multiple accept=${ACCEPT} @change=${(e: Event) => this.#setFiles((e.target as HTMLInputElement).files)} />
          ${this.files.length ? html`<span>${this.msg('chosen', this.files.length)}: ${this.files.map((f) => f.name).join(', ')}</span>` : nothing}
        </div>
        <fieldset class="field">
          <legend>${this.msg('kind')}</legend>
          ${KINDS.map(
            (k) => html`<label class="check"
              ><input type="radio" name="kind" value=${k} .checked=${this.copyKind === k} @change=${() => (this.copyKind = k)} />
              ${this.msg(k)}</label
            >`,
          )}
        </fieldset>
        <div class="field">
          <label for="c-number">${this.msg('docNumber')}</label>
          <input id="c-number" .value=${this.docNumber} @input=${(e: Event) => (this.docNumber = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field span-all">
          <span>${this.msg('provider')}: ${provider ? provider.label[this.locale] : this.msg('noSigner')}</span>
          ${provider?.fields?.includes('file')
            ? html`<label for="c-p12">${this.msg('certificate')}</label>
                <input
                  id="c-p12"
                  type="file"
                  accept=".p12,.pfx"
                  @change=${async (e: Event) => {
                    const f = (e.target as HTMLInputElement).files?.[0];
                    this.#p12 = f ? new Uint8Array(await f.arrayBuffer()) : undefined;
                  }}
                />`
            : nothing}
          ${provider?.fields?.includes('password')
            ? html`<label for="c-password">${this.msg('password')}</label>
                <input id="c-password" type="password" autocomplete="off" @input=${(e: Event) => (this.#password = (e.target as HTMLInputElement).value)} />`
            : nothing}
        </div>
        <div class="actions span-all">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? this.msg('making') : this.msg('make')}</button>
        </div>
      </form>
      ${this.problem
        ? html`<div part="error" role="alert">
            <strong>${this.problem.title}</strong>
            <span>${this.problem.text}</span>
            ${this.problem.retry ? html`<button part="retry" type="button" @click=${this.problem.retry}>${this.msg('retry')}</button>` : nothing}
          </div>`
        : nothing}
      ${this.#renderResult()}
      <div role="status" class="visually-hidden">${this.notice}</div>
    </div>`;
  }
}

type LocalizedLike = { vi: string; en: string };
